using System;
using System.Collections.Generic;
using System.Linq;
using Canopy.Regions;

namespace Canopy.Architectures;

/// <summary>
/// Decides how the text given to Get-TropicalScore -LayerWidths reads: as the widths of one MLP, as architecture strings
/// given by position, or as a list of operation names. The parameter is positional, so architecture strings typed
/// without -Architecture land there.
/// </summary>
public static class LayerWidthsText
{
    /// <summary>
    /// Returns whether the texts are no width list but each is written as an architecture, such as a cell string or
    /// 'mlp:784:128'. An invalid item counts too, so that its error names the architecture's fault, not a width. A
    /// bracketed list of widths such as '[64, 128, 64]' stays widths when -InputDimension is given or the list is no
    /// valid architecture. A valid one, such as the NATS-Bench size list '[32, 24, 48, 64, 16]', is otherwise read as
    /// that architecture.
    /// </summary>
    public static bool AreArchitectureStrings(IReadOnlyList<string> texts, bool inputDimensionGiven = false)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (IsWidthList(texts, WidthList.Parse))
        {
            return false;
        }

        if (IsWidthList(texts, MlpFields.ParseWidths) &&
            (inputDimensionGiven || !texts.All(text => text is not null && ArchitectureParser.TryParse(text, null, out _, out _))))
        {
            return false;
        }

        return texts.Count > 0 && texts.All(text => text is not null && ArchitectureParser.HasArchitectureForm(text));
    }

    /// <summary>
    /// Returns the first item that is a bracketed list of widths, with its widths, for the warning that it was read as
    /// an architecture. Returns null when there is none.
    /// </summary>
    public static (string Text, long[] Widths)? FindBracketedWidths(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        foreach (string text in texts.Where(text => text is not null))
        {
            try
            {
                return (text, MlpFields.ParseWidths(new[] { text }));
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException)
            {
                // An item that is no width list is skipped, and the next one is tried.
            }
        }

        return null;
    }

    /// <summary>Returns the items joined into one list when they are not widths but read together as operation names.</summary>
    public static string? JoinOperationList(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count < 2 || texts.Any(text => text is null))
        {
            return null;
        }

        string joined = string.Join(",", texts);
        return AreArchitectureStrings(new[] { joined }) && ArchitectureParser.Detect(joined) is null ? joined : null;
    }

    /// <summary>
    /// Describes why the texts are no valid widths. An architecture string mixed with widths gets a hint rather than a
    /// complaint about a number.
    /// </summary>
    public static string DescribeInvalidWidths(IEnumerable<string> texts, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(exception);
        string? architectureText = texts.FirstOrDefault(text => text is not null && ArchitectureParser.HasArchitectureForm(text));
        return architectureText is null
            ? ExceptionText.Plain(exception)
            : $"'{architectureText}' is an architecture string, not a list of layer widths. Pass it with -Architecture, or pipe it to Get-TropicalScore.";
    }

    private static bool IsWidthList(IReadOnlyList<string> texts, Func<IEnumerable<string>, long[]> parse)
    {
        try
        {
            parse(texts);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            return false;
        }
    }
}
