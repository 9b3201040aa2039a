using System;
using System.Text.RegularExpressions;

namespace Canopy.Architectures;

/// <summary>
/// Parses an architecture in any encoding Canopy reads, recognising the search space from the form of the text
/// unless one is given:
/// <list type="bullet">
/// <item>NATS-Bench topology: <c>|nor_conv_3x3~0|+|...|</c>, or NASLib's op_indices tuple <c>(4, 3, 3, 0, 0, 0)</c>;</item>
/// <item>NATS-Bench size: <c>8:16:24:32:64</c>, or the Python list <c>[8, 16, 24, 32, 64]</c>;</item>
/// <item>DARTS: <c>Genotype(normal=[...], ...)</c>, also after an assignment such as <c>DARTS_V2 = </c>, or NASLib's
/// compact tuple <c>(((0, 5), (1, 3), ...), (...))</c>;</item>
/// <item>MLP: <c>mlp:3072:64-128-64</c>.</item>
/// </list>
/// </summary>
public static partial class ArchitectureParser
{
    private const string Forms =
        "expected a NATS-Bench topology cell string (|nor_conv_3x3~0|+|...|), a NATS-Bench size channel list (8:16:24:32:64), " +
        "a DARTS Genotype(...) string or NASLib compact tuple, or an MLP string (mlp:3072:64-128-64)";

    /// <summary>Returns the search space whose form the text has, or null when it has none of them.</summary>
    public static SearchSpace? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ReadOnlySpan<char> trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return null;
        }

        if (trimmed[0] == '|')
        {
            return SearchSpace.NatsTopology;
        }

        // The canonical form needs no reader; other spellings of the name are checked by one.
        if (trimmed.StartsWith("Genotype(", StringComparison.Ordinal) || DartsGenotypeParser.StartsLikeGenotype(text))
        {
            return SearchSpace.Darts;
        }

        if (trimmed.StartsWith("mlp:", StringComparison.OrdinalIgnoreCase))
        {
            return SearchSpace.Mlp;
        }

        if (trimmed[0] is '(' or '[')
        {
            // A tuple of tuples is NASLib's DARTS compact form. A flat list of five whole numbers is a size channel
            // list written as a Python list, and any other flat list is NB201 op_indices.
            ReadOnlySpan<char> inner = trimmed[1..].TrimStart();
            if (!inner.IsEmpty && inner[0] is '(' or '[')
            {
                return SearchSpace.Darts;
            }

            return NatsSizeArchitecture.IsBracketedChannelList(text) ? SearchSpace.NatsSize : SearchSpace.NatsTopology;
        }

        return IsColonList(trimmed) ? SearchSpace.NatsSize : null;
    }

    /// <summary>
    /// Returns whether the text is written as an architecture: in a form <see cref="Detect"/> recognises, or as a list
    /// of NATS-Bench or DARTS operation names. Such text is read as an architecture even when it is invalid, so that
    /// its error names the real cause.
    /// </summary>
    public static bool HasArchitectureForm(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Detect(text) is not null || NatsOperationList.Describe(text) is not null || DartsOperationList.Describe(text) is not null
            || OperationList.DescribeMixedList(text) is not null;
    }

    /// <summary>
    /// Parses <paramref name="text"/> in <paramref name="searchSpace"/>, or in the search space <see cref="Detect"/>
    /// recognises when it is null.
    /// </summary>
    /// <exception cref="ArchitectureFormatException">The text is empty, has no recognised form, or is invalid in its search space.</exception>
    public static Architecture Parse(string text, SearchSpace? searchSpace = null)
    {
        ArgumentNullException.ThrowIfNull(text);

        try
        {
            SearchSpace space = searchSpace ?? Detect(text) ?? throw Unrecognised(text);
            return space switch
            {
                SearchSpace.NatsTopology => NatsTopologyCell.Parse(text),
                SearchSpace.NatsSize => NatsSizeArchitecture.Parse(text),
                SearchSpace.Darts => DartsGenotype.Parse(text),
                SearchSpace.Mlp => MlpArchitecture.Parse(text),
                _ => throw new ArgumentOutOfRangeException(nameof(searchSpace), searchSpace, "Unknown search space."),
            };
        }
        catch (ArchitectureFormatException) when (searchSpace is null or SearchSpace.NatsTopology && NatsOperationList.Describe(text) is { } message)
        {
            throw new ArchitectureFormatException(message, text, SearchSpace.NatsTopology);
        }
        catch (ArchitectureFormatException) when (searchSpace is null or SearchSpace.Darts && DartsOperationList.Describe(text) is { } message)
        {
            // A bare operation list fails in whichever form it resembles, and that form's message would not say
            // that New-CanopyArchitecture takes such a list.
            throw new ArchitectureFormatException(message, text, SearchSpace.Darts);
        }
        catch (ArchitectureFormatException) when (searchSpace is null && OperationList.DescribeMixedList(text) is { } message)
        {
            throw new ArchitectureFormatException(message, text);
        }
        catch (ArchitectureFormatException exception) when (searchSpace is null && MlpFields.DescribeWidthsForm(text) is { } widthsForm)
        {
            // A Python list of layer widths looks like op_indices or a size channel list, so its error also shows the MLP form.
            throw new ArchitectureFormatException(exception.Message + widthsForm, text, exception.SearchSpace);
        }
    }

    /// <summary>Parses like <see cref="Parse"/>, but returns false with the reason instead of throwing.</summary>
    public static bool TryParse(string text, SearchSpace? searchSpace, out Architecture? architecture, out string? error)
    {
        try
        {
            architecture = Parse(text ?? string.Empty, searchSpace);
            error = null;
            return true;
        }
        catch (ArchitectureFormatException exception)
        {
            architecture = null;
            error = exception.Message;
            return false;
        }
    }

    private static ArchitectureFormatException Unrecognised(string text)
    {
        if (text.AsSpan().Trim().IsEmpty)
        {
            return new ArchitectureFormatException("The architecture string is empty; " + Forms + ".", text);
        }

        if (BenchmarkIndexText.IsWholeNumber(text))
        {
            return new ArchitectureFormatException(BenchmarkIndexText.DescribeNumber(text), text);
        }

        // NAS-Bench-Suite-Zero's files carry TransNAS-Bench-101 strings beside NATS-Bench and DARTS ones.
        return TransNasBenchForm().IsMatch(text.Trim())
            ? new ArchitectureFormatException($"{ArchitectureFormatException.Quote(text)} is a TransNAS-Bench-101 micro architecture (stem width, macro skeleton and cell), which Canopy does not model; {Forms}.", text)
            : new ArchitectureFormatException($"{ArchitectureFormatException.Quote(text)} is not a recognised architecture; {Forms}.", text);
    }

    // TransNAS-Bench-101's micro space writes an architecture as stem width, macro skeleton and cell, such as
    // 64-41414-0_31_023, where the cell lists the operations into each node.
    [GeneratedRegex(@"^\d+-\d+-\d_\d\d_\d\d\d$", RegexOptions.CultureInvariant)]
    private static partial Regex TransNasBenchForm();

    private static bool IsColonList(ReadOnlySpan<char> text)
    {
        bool hasColon = false;
        foreach (char c in text)
        {
            if (c == ':')
            {
                hasColon = true;
            }
            else if (!char.IsAsciiDigit(c) && c != ' ')
            {
                return false;
            }
        }

        return hasColon;
    }
}
