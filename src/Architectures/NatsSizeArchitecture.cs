using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Canopy.Architectures;

/// <summary>
/// An architecture of the NATS-Bench size space: the channel counts of its five layers [cell, residual block,
/// cell, residual block, cell], each one of 8, 16, ..., 64. The cells have the fixed topology of NATS-Bench
/// topology index 9930. The canonical form joins the widths with colons, for example <c>8:16:24:32:64</c>.
/// </summary>
public sealed class NatsSizeArchitecture : Architecture
{
    /// <summary>The number of layers whose width is searched.</summary>
    public const int LayerCount = 5;

    /// <summary>The number of architectures in the space, 8^5.</summary>
    public const int ArchitectureCount = 32_768;

    private const NumberStyles WholeNumber = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign;

    private static readonly int[] CandidateWidths = { 8, 16, 24, 32, 40, 48, 56, 64 };

    private readonly int[] _widths;
    private readonly string _canonical;

    private NatsSizeArchitecture(int[] widths)
    {
        _widths = widths;
        _canonical = string.Join(":", widths);
    }

    /// <summary>The widths each layer may take: 8, 16, ..., 64.</summary>
    public static IReadOnlyList<int> Candidates => CandidateWidths;

    /// <summary>
    /// The fixed cell of every size-space network: NATS-Bench topology index 9930, the best CIFAR-100 cell of the
    /// topology space.
    /// </summary>
    public static NatsTopologyCell Cell { get; } =
        NatsTopologyCell.Parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|");

    public override SearchSpace SearchSpace => SearchSpace.NatsSize;

    public override string Canonical => _canonical;

    /// <summary>The channel counts of the five layers; the first also sets the stem width.</summary>
    public IReadOnlyList<int> Widths => _widths;

    /// <summary>
    /// The NATS-Bench index: the widths read as a base-8 number (8 → digit 0, ..., 64 → digit 7), the first width
    /// most significant, as itertools.product enumerates them. NATS-Bench's cost record of index 12 matches
    /// 8:8:8:16:40 exactly.
    /// </summary>
    public int Index => _widths.Aggregate(0, (index, width) => index * 8 + (width / 8 - 1));

    /// <summary>Creates an architecture from five widths, each one of 8, 16, ..., 64.</summary>
    /// <exception cref="ArgumentException">There are not five widths, or a width is not a candidate.</exception>
    public static NatsSizeArchitecture Create(IEnumerable<int> widths)
    {
        ArgumentNullException.ThrowIfNull(widths);
        int[] copy = widths.ToArray();

        string? problem = Check(copy);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(widths));
        }

        return new NatsSizeArchitecture(copy);
    }

    /// <summary>Returns the architecture with NATS-Bench index <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside 0 .. 32,767.</exception>
    public static NatsSizeArchitecture FromIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ArchitectureCount);

        var widths = new int[LayerCount];
        for (int layer = LayerCount - 1; layer >= 0; layer--)
        {
            widths[layer] = CandidateWidths[index % 8];
            index /= 8;
        }

        return new NatsSizeArchitecture(widths);
    }

    /// <summary>Streams all 32,768 architectures in NATS-Bench index order, 8:8:8:8:8 first.</summary>
    public static IEnumerable<NatsSizeArchitecture> EnumerateAll()
    {
        for (int index = 0; index < ArchitectureCount; index++)
        {
            yield return FromIndex(index);
        }
    }

    /// <summary>
    /// Parses a channel list such as 8:16:24:32:64, or the same widths as a Python list or tuple such as
    /// [8, 16, 24, 32, 64].
    /// </summary>
    /// <exception cref="ArchitectureFormatException">The text is no NATS-Bench size architecture.</exception>
    public static NatsSizeArchitecture Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();

        if (trimmed.Length == 0)
        {
            throw Error(text, "The architecture string is empty; expected five widths joined by ':', for example 8:16:24:32:64.");
        }

        if (BenchmarkIndexText.IsWholeNumber(trimmed))
        {
            throw Error(text, BenchmarkIndexText.DescribeNumber(text));
        }

        string[] parts = IsBracketed(trimmed) ? trimmed[1..^1].Split(',') : trimmed.Split(':');
        if (parts.Length == 1)
        {
            throw Error(text, $"{ArchitectureFormatException.Quote(text)} is not a NATS-Bench size channel list; expected five widths joined by ':', for example 8:16:24:32:64.");
        }

        var widths = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], WholeNumber, CultureInfo.InvariantCulture, out widths[i]))
            {
                throw Error(text, $"'{parts[i].Trim()}' in {ArchitectureFormatException.Quote(text)} is not a whole number; expected five widths joined by ':', for example 8:16:24:32:64.");
            }
        }

        string? problem = Check(widths);
        if (problem is not null)
        {
            throw Error(text, problem + NasLibHint(trimmed, widths));
        }

        return new NatsSizeArchitecture(widths);
    }

    /// <summary>
    /// Returns whether the text is a bracketed or parenthesised list of exactly five whole numbers, the form of a
    /// channel list. NASLib's op_indices of a topology cell have six entries, so the two forms do not overlap.
    /// </summary>
    public static bool IsBracketedChannelList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        if (!IsBracketed(trimmed))
        {
            return false;
        }

        string[] parts = trimmed[1..^1].Split(',');
        return parts.Length == LayerCount && Array.TrueForAll(parts, part => int.TryParse(part, WholeNumber, CultureInfo.InvariantCulture, out _));
    }

    private static string? Check(int[] widths)
    {
        if (widths.Length != LayerCount)
        {
            return $"A NATS-Bench size architecture has {LayerCount} widths, but {MessageWording.Given(widths.Length, "width", "widths")}.";
        }

        for (int layer = 0; layer < widths.Length; layer++)
        {
            if (Array.IndexOf(CandidateWidths, widths[layer]) < 0)
            {
                return $"Width {widths[layer]}, entry {layer + 1} of {LayerCount}, is outside the NATS-Bench size space; widths are 8, 16, 24, 32, 40, 48, 56 or 64.";
            }
        }

        return null;
    }

    private static bool IsBracketed(ReadOnlySpan<char> text) =>
        text.Length >= 2 && ((text[0] == '[' && text[^1] == ']') || (text[0] == '(' && text[^1] == ')'));

    // Five indices 0 to 4 in brackets may be NASLib op_indices with one entry missing.
    private static string NasLibHint(string trimmed, int[] widths) =>
        IsBracketed(trimmed) && widths.Length == LayerCount && Array.TrueForAll(widths, width => width is >= 0 and <= 4)
            ? " NASLib's op_indices of a NATS-Bench topology cell have 6 entries."
            : string.Empty;

    private static ArchitectureFormatException Error(string text, string message) =>
        new(message, text, SearchSpace.NatsSize);
}
