using System;
using System.Collections.Generic;
using System.Linq;

namespace Canopy.Architectures;

/// <summary>
/// Parses DARTS architectures from the genotype string that the DARTS code prints, with concat lists written as
/// lists or as range(2, 6), and from NASLib's compact form: two tuples of eight (input, operation index) pairs.
/// It also reads the variants of D-X-Y's GDAS and AutoDL-Projects genotypes.py files: a leading assignment such as
/// <c>DARTS_V2 = </c>, pairs grouped per node as <c>(('sep_conv_3x3', 0), ('sep_conv_3x3', 1))</c>, triples whose
/// third entry is an edge weight or None, and trailing <c>connectN=None, connects=None</c> fields.
/// The reader understands the small part of Python literal syntax these forms use.
/// </summary>
internal static class DartsGenotypeParser
{
    private const string Expected = "expected Genotype(normal=[('sep_conv_3x3', 0), ...], normal_concat=[2, 3, 4, 5], reduce=[...], reduce_concat=[2, 3, 4, 5]) or NASLib's compact tuple (((0, 5), (1, 3), ...), (...))";

    private static readonly string[] Keywords = { "normal", "normal_concat", "reduce", "reduce_concat" };

    // AutoDL-Projects' DXYs genotypes.py adds these two fields and sets both to None in every genotype it defines.
    private static readonly string[] NoneKeywords = { "connectN", "connects" };

    /// <summary>
    /// Returns whether the text starts with the name Genotype in any letter case, optionally after an assignment
    /// such as <c>DARTS_V2 = </c>.
    /// </summary>
    public static bool StartsLikeGenotype(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ReadGenotypeName(new PythonLiteralReader(text));
    }

    public static DartsGenotype Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new PythonLiteralReader(text);
        reader.SkipSpace();

        if (reader.AtEnd)
        {
            throw Error(text, "The architecture string is empty; " + Expected + ".");
        }

        if (reader.Peek() is '(' or '[')
        {
            return ParseCompact(reader);
        }

        if (!ReadGenotypeName(reader))
        {
            throw Error(text, $"{ArchitectureFormatException.Quote(text)} is not a DARTS genotype; {Expected}.");
        }

        return ParseGenotype(reader);
    }

    // Reads "Genotype" or "NAME = Genotype", so that a line copied from a genotypes.py file parses.
    private static bool ReadGenotypeName(PythonLiteralReader reader)
    {
        if (!reader.TryIdentifier(out string? name))
        {
            return false;
        }

        if (reader.TryConsume('=') && !reader.TryIdentifier(out name))
        {
            return false;
        }

        return string.Equals(name, "Genotype", StringComparison.OrdinalIgnoreCase);
    }

    private static DartsGenotype ParseGenotype(PythonLiteralReader reader)
    {
        object?[] arguments = ReadArguments(reader);
        int[]? widths = ReadWidthsSuffix(reader);

        // Unknown operations of both cells come first: a genotype of another space, such as NASNet's, then names them
        // rather than a count or concat problem of its normal cell.
        if (DescribeUnknownOperations(reader, arguments) is { } unknown)
        {
            throw Error(reader.Source, $"{unknown}; {DartsOperationNames.ValidNames}.");
        }

        DartsCell normal = ToCell(reader, arguments, cellIndex: 0);
        DartsCell reduce = ToCell(reader, arguments, cellIndex: 2);
        return DartsGenotype.FromValidated(normal, reduce, widths);
    }

    // Reads (normal=..., normal_concat=..., reduce=..., reduce_concat=...), by keyword or by position.
    private static object?[] ReadArguments(PythonLiteralReader reader)
    {
        reader.SkipSpace();
        int open = reader.Position;
        reader.Expect('(');
        var arguments = new object?[Keywords.Length];
        var given = new bool[Keywords.Length];
        int position = 0;

        while (!reader.TryConsume(')'))
        {
            reader.ThrowIfUnclosed(open, ')');
            if (position > 0)
            {
                reader.Expect(',');
                if (reader.TryConsume(')'))
                {
                    break;
                }
            }

            int slot = ReadKeyword(reader, position);
            if (slot < 0)
            {
                ReadNoneField(reader);
                continue;
            }

            if (given[slot])
            {
                throw reader.Fail($"the genotype gives '{Keywords[slot]}' twice");
            }

            given[slot] = true;
            arguments[slot] = reader.ReadValue();
            position++;
        }

        for (int slot = 0; slot < Keywords.Length; slot++)
        {
            if (!given[slot])
            {
                // A missing field has no position, so the message names the fields a genotype needs instead.
                throw Error(reader.Source, $"Malformed genotype {ArchitectureFormatException.Quote(reader.Source)}: the genotype has no '{Keywords[slot]}' field. A genotype needs normal, normal_concat, reduce and reduce_concat.");
            }
        }

        return arguments;
    }

    // Returns the slot of the field, or -1 for connectN and connects.
    private static int ReadKeyword(PythonLiteralReader reader, int position)
    {
        int start = reader.Position;
        if (reader.TryIdentifier(out string? name) && reader.TryConsume('='))
        {
            // Field names compare ignoring case, as operation names do.
            if (Array.FindIndex(NoneKeywords, keyword => keyword.Equals(name, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                return -1;
            }

            int slot = Array.FindIndex(Keywords, keyword => keyword.Equals(name, StringComparison.OrdinalIgnoreCase));
            return slot >= 0 ? slot : throw reader.Fail($"unknown genotype field '{name}'; the fields are normal, normal_concat, reduce and reduce_concat");
        }

        reader.Position = start;
        return position < Keywords.Length ? position : throw reader.Fail("the genotype has more than four fields");
    }

    // A value other than None would add connections between cells that the four DARTS fields do not describe.
    private static void ReadNoneField(PythonLiteralReader reader)
    {
        int start = reader.Position;
        if (reader.ReadValue() is not null)
        {
            reader.Position = start;
            throw reader.Fail("connectN and connects must be None, because Canopy scores only the cells that normal and reduce describe; remove the two fields or set them to None");
        }
    }

    private static int[]? ReadWidthsSuffix(PythonLiteralReader reader)
    {
        reader.SkipSpace();
        if (reader.AtEnd)
        {
            return null;
        }

        reader.Expect(';');
        if (!reader.TryIdentifier(out string? name) || name != "widths")
        {
            throw reader.Fail("only '; widths=[...]' may follow the genotype");
        }

        reader.Expect('=');
        int[] widths = ToIntegers(reader, reader.ReadValue(), "widths");
        reader.SkipSpace();
        if (!reader.AtEnd)
        {
            throw reader.Fail("unexpected text after the widths list");
        }

        string? problem = DartsGenotype.CheckWidths(widths);
        return problem is null ? widths : throw Error(reader.Source, problem);
    }

    private static DartsCell ToCell(PythonLiteralReader reader, object?[] arguments, int cellIndex)
    {
        string cellName = Keywords[cellIndex];
        if (arguments[cellIndex] is null)
        {
            // GDAS' genotypes.py writes reduce=None for a search that kept a fixed, hand-designed reduction cell.
            throw Error(reader.Source, $"Malformed genotype {ArchitectureFormatException.Quote(reader.Source)}: '{cellName}' is None, so the genotype does not say which cell to build. Write the cell's (operation, input) pairs in its place.");
        }

        if (arguments[cellIndex] is not List<object?> items)
        {
            throw Error(reader.Source, $"Malformed genotype {ArchitectureFormatException.Quote(reader.Source)}: '{cellName}' must be a list of (operation, input) pairs.");
        }

        List<object?> entries = FlattenNodes(reader, items, cellName);
        var pairs = new List<(DartsOperation Operation, int Input)>(entries.Count);
        foreach (object? item in entries)
        {
            if (!TryReadPair(item, out string? name, out int input))
            {
                throw Error(reader.Source, $"Malformed genotype {ArchitectureFormatException.Quote(reader.Source)}: entry {pairs.Count + 1} of '{cellName}' is not an ('operation', input) pair or an ('operation', input, weight) triple.");
            }

            // The genotype's operations were checked before its cells were built.
            DartsOperationNames.TryParse(name, out DartsOperation operation);
            pairs.Add((operation, input));
        }

        int[] concat = ToIntegers(reader, arguments[cellIndex + 1], Keywords[cellIndex + 1]);
        DartsCell? cell = DartsCell.TryFromGenotypeList(pairs, concat, out string? problem);
        return cell ?? throw Error(reader.Source, $"Invalid {cellName} cell in {ArchitectureFormatException.Quote(reader.Source)}: {problem}.");
    }

    // Names every unknown operation of both cells, so that a genotype with several typos is fixed in one pass, or
    // returns null when every operation is known. Entries that are not pairs are skipped here, because the cell's own
    // reading reports them.
    private static string? DescribeUnknownOperations(PythonLiteralReader reader, object?[] arguments)
    {
        var unknown = new List<string>();
        for (int cellIndex = 0; cellIndex <= 2; cellIndex += 2)
        {
            if (arguments[cellIndex] is not List<object?> items)
            {
                continue;
            }

            List<object?> entries = FlattenNodes(reader, items, Keywords[cellIndex]);
            for (int entry = 0; entry < entries.Count; entry++)
            {
                if (TryReadPair(entries[entry], out string? name, out _) && !DartsOperationNames.TryParse(name, out _))
                {
                    unknown.Add($"'{name}' in entry {entry + 1} of '{Keywords[cellIndex]}'");
                }
            }
        }

        if (unknown.Count == 0)
        {
            return null;
        }

        return unknown.Count == 1
            ? $"Unknown operation {unknown[0]}"
            : $"Unknown operations {string.Join(", ", unknown.Take(unknown.Count - 1))} and {unknown[^1]}";
    }

    // Reads ('op', input), or ('op', input, weight) with a number or None as the weight. The weight, which the
    // genotype() of AutoDL-Projects' lib/nas/model_search.py prints, is the softmax weight of the chosen operation
    // and does not change the network.
    private static bool TryReadPair(object? item, out string? name, out int input)
    {
        name = null;
        input = 0;
        if (item is not List<object?> { Count: 2 or 3 } entry || entry[0] is not string operation || entry[1] is not int source)
        {
            return false;
        }

        if (entry.Count == 3 && entry[2] is not (null or int or double))
        {
            return false;
        }

        name = operation;
        input = source;
        return true;
    }

    // A cell written per node, [(('op', 0), ('op', 1)), ...], lists a tuple of two pairs for each intermediate
    // node. It is flattened in node order, which is the order of the flat form.
    private static List<object?> FlattenNodes(PythonLiteralReader reader, List<object?> items, string cellName)
    {
        int nodeTuples = 0;
        foreach (object? item in items)
        {
            nodeTuples += IsNodeTuple(item) ? 1 : 0;
        }

        if (nodeTuples == 0)
        {
            return items;
        }

        if (nodeTuples < items.Count)
        {
            throw Error(reader.Source, $"Malformed genotype {ArchitectureFormatException.Quote(reader.Source)}: '{cellName}' mixes per-node tuples of pairs with single pairs. Write every node as a tuple of its two pairs, or list all pairs flat, two per node in node order.");
        }

        var flat = new List<object?>(2 * items.Count);
        for (int node = 0; node < items.Count; node++)
        {
            var pairs = (List<object?>)items[node]!;
            if (pairs.Count != 2)
            {
                throw Error(reader.Source, $"Malformed genotype {ArchitectureFormatException.Quote(reader.Source)}: node tuple {node + 1} of '{cellName}' has {MessageWording.Count(pairs.Count, "pair", "pairs")}, but a DARTS genotype gives each intermediate node exactly two.");
            }

            flat.AddRange(pairs);
        }

        return flat;
    }

    private static bool IsNodeTuple(object? item) => item is List<object?> { Count: > 0 } tuple && tuple[0] is List<object?>;

    private static DartsGenotype ParseCompact(PythonLiteralReader reader)
    {
        object? value = reader.ReadValue();
        reader.SkipSpace();
        if (!reader.AtEnd)
        {
            throw reader.Fail("unexpected text after the compact tuple");
        }

        if (value is not List<object?> { Count: 2 } cells)
        {
            string itemCount = value is List<object?> items ? $", but it holds {MessageWording.Count(items.Count, "item", "items")}" : "";
            throw Error(reader.Source, $"The NASLib compact form {ArchitectureFormatException.Quote(reader.Source)} must hold two cells, normal and reduce, each of {DartsCell.GenotypeEdgeCount} (input, operation) pairs{itemCount}.");
        }

        DartsCell normal = ToCompactCell(reader, cells[0], "normal");
        DartsCell reduce = ToCompactCell(reader, cells[1], "reduce");
        return DartsGenotype.FromValidated(normal, reduce, widths: null);
    }

    // NASLib writes each edge as (input, operation index), operations numbered as in DartsOperationNames.NasLibCompactOrder.
    private static DartsCell ToCompactCell(PythonLiteralReader reader, object? value, string cellName)
    {
        if (value is not List<object?> items)
        {
            throw Error(reader.Source, $"The {cellName} cell of the NASLib compact form {ArchitectureFormatException.Quote(reader.Source)} is not a tuple of {DartsCell.GenotypeEdgeCount} (input, operation) pairs.");
        }

        if (items.Count != DartsCell.GenotypeEdgeCount)
        {
            throw Error(reader.Source, $"The {cellName} cell of the NASLib compact form {ArchitectureFormatException.Quote(reader.Source)} has {MessageWording.Count(items.Count, "(input, operation) pair", "(input, operation) pairs")}, but it must have {DartsCell.GenotypeEdgeCount}, two per intermediate node.");
        }

        var pairs = new List<(DartsOperation Operation, int Input)>(items.Count);
        foreach (object? item in items)
        {
            if (item is not List<object?> { Count: 2 } pair || pair[0] is not int input || pair[1] is not int code)
            {
                throw Error(reader.Source, $"Entry {pairs.Count + 1} of the {cellName} cell in {ArchitectureFormatException.Quote(reader.Source)} is not an (input, operation) pair of whole numbers.");
            }

            if (code < 0 || code >= DartsOperationNames.NasLibCompactOrder.Count)
            {
                throw Error(reader.Source, $"Operation index {code} in entry {pairs.Count + 1} of the {cellName} cell is out of range; NASLib numbers 0 max_pool_3x3, 1 avg_pool_3x3, 2 skip_connect, 3 sep_conv_3x3, 4 sep_conv_5x5, 5 dil_conv_3x3, 6 dil_conv_5x5.");
            }

            pairs.Add((DartsOperationNames.NasLibCompactOrder[code], input));
        }

        DartsCell? cell = DartsCell.TryFromGenotypeList(pairs, new[] { 2, 3, 4, 5 }, out string? problem);
        return cell ?? throw Error(reader.Source, $"Invalid {cellName} cell in {ArchitectureFormatException.Quote(reader.Source)}: {problem}.");
    }

    private static int[] ToIntegers(PythonLiteralReader reader, object? value, string field)
    {
        if (value is List<object?> items)
        {
            var numbers = new int[items.Count];
            for (int i = 0; i < items.Count; i++)
            {
                numbers[i] = items[i] is int number ? number : throw Error(reader.Source, $"Malformed genotype {ArchitectureFormatException.Quote(reader.Source)}: '{field}' must be a list of whole numbers.");
            }

            return numbers;
        }

        throw Error(reader.Source, $"Malformed genotype {ArchitectureFormatException.Quote(reader.Source)}: '{field}' must be a list such as [2, 3, 4, 5] or range(2, 6).");
    }

    internal static ArchitectureFormatException Error(string text, string message) => new(message, text, SearchSpace.Darts);
}
