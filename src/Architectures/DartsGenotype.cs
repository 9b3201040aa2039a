using System;
using System.Collections.Generic;
using System.Linq;

namespace Canopy.Architectures;

/// <summary>
/// A DARTS architecture: a normal and a reduction cell, and optionally the channel count of every cell of the
/// network. Without widths the genotype is costed and scored in a benchmark network (NAS-Bench-301 or the DARTS
/// evaluation network). With widths it defines its own network of that many cells.
/// </summary>
/// <remarks>
/// The canonical form is DARTS' genotype string, <c>Genotype(normal=[('sep_conv_3x3', 0), ...], normal_concat=[2, 3,
/// 4, 5], reduce=[...], reduce_concat=[2, 3, 4, 5])</c>. Pairs keep the order they were given in, so the string
/// joins with benchmark files that print genotypes the same way. Cell widths follow as <c>; widths=[32, 32, 32]</c>.
/// </remarks>
public sealed class DartsGenotype : Architecture
{
    /// <summary>The largest number of cells accepted in a widths list.</summary>
    public const int MaxCells = 200;

    /// <summary>The largest cell width accepted; it keeps every count far inside Int64.</summary>
    public const int MaxWidth = 4096;

    private readonly int[]? _widths;
    private readonly string _canonical;

    private DartsGenotype(DartsCell normal, DartsCell reduce, int[]? widths)
    {
        Normal = normal;
        Reduce = reduce;
        _widths = widths;
        _canonical = Format();
    }

    public override SearchSpace SearchSpace => SearchSpace.Darts;

    public override string Canonical => _canonical;

    /// <summary>The normal cell, used everywhere except at the reduction positions.</summary>
    public DartsCell Normal { get; }

    /// <summary>The reduction cell, whose edges from the two cell inputs use stride 2.</summary>
    public DartsCell Reduce { get; }

    /// <summary>
    /// The channel count C of every cell, one entry per cell, or null for the benchmark networks. Cells i = n/3 and
    /// 2n/3 (integer division, n cells) are reduction cells, as in DARTS' NetworkCIFAR.
    /// </summary>
    public IReadOnlyList<int>? Widths => _widths;

    /// <summary>Creates a genotype from two cells and optional per-cell widths.</summary>
    /// <exception cref="ArgumentException">A width list is empty, too long, or has a width that is odd or out of range.</exception>
    public static DartsGenotype Create(DartsCell normal, DartsCell reduce, IEnumerable<int>? widths = null)
    {
        ArgumentNullException.ThrowIfNull(normal);
        ArgumentNullException.ThrowIfNull(reduce);
        int[]? copy = widths?.ToArray();

        string? problem = copy is null ? null : CheckWidths(copy);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(widths));
        }

        return new DartsGenotype(normal, reduce, copy);
    }

    /// <summary>Parses a Genotype(...) string or NASLib's compact tuple.</summary>
    /// <exception cref="ArchitectureFormatException">The text is no DARTS architecture.</exception>
    public static DartsGenotype Parse(string text) => DartsGenotypeParser.Parse(text);

    /// <summary>Returns whether cell <paramref name="cell"/> of a network of <paramref name="cellCount"/> cells is a reduction cell.</summary>
    public static bool IsReductionCell(int cell, int cellCount) => cell == cellCount / 3 || cell == 2 * cellCount / 3;

    internal static DartsGenotype FromValidated(DartsCell normal, DartsCell reduce, int[]? widths) => new(normal, reduce, widths);

    /// <summary>Returns why a widths list is invalid, or null when it is valid.</summary>
    internal static string? CheckWidths(int[] widths)
    {
        if (widths.Length == 0 || widths.Length > MaxCells)
        {
            return $"A DARTS network has 1 to {MaxCells} cells, but {widths.Length} widths were given.";
        }

        foreach (int width in widths)
        {
            if (width < 2 || width > MaxWidth || width % 2 != 0)
            {
                return $"Cell width {width} is invalid; DARTS cell widths are even numbers from 2 to {MaxWidth}, because a factorized reduction splits the channels into two halves.";
            }
        }

        return null;
    }

    private string Format()
    {
        string genotype = $"Genotype(normal={Normal.FormatEdges()}, normal_concat={Normal.FormatConcat()}, reduce={Reduce.FormatEdges()}, reduce_concat={Reduce.FormatConcat()})";
        return _widths is null ? genotype : genotype + "; widths=[" + string.Join(", ", _widths) + "]";
    }
}
