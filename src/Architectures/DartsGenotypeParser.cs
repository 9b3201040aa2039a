using System;
using System.Collections.Generic;
using System.Globalization;

namespace Canopy.Architectures;

/// <summary>
/// Parses DARTS architectures from the genotype string that the DARTS code prints, with concat lists written as
/// lists or as range(2, 6), and from NASLib's compact form: two tuples of eight (input, operation index) pairs.
/// The reader understands the small part of Python literal syntax these forms use.
/// </summary>
internal static class DartsGenotypeParser
{
    private const string Expected = "expected Genotype(normal=[('sep_conv_3x3', 0), ...], normal_concat=[2, 3, 4, 5], reduce=[...], reduce_concat=[2, 3, 4, 5]) or NASLib's compact tuple (((0, 5), (1, 3), ...), (...))";

    private static readonly string[] Keywords = { "normal", "normal_concat", "reduce", "reduce_concat" };

    public static DartsGenotype Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new LiteralReader(text);
        reader.SkipSpace();

        if (reader.AtEnd)
        {
            throw Error(text, "The architecture string is empty; " + Expected + ".");
        }

        if (reader.Peek() is '(' or '[')
        {
            return ParseCompact(reader);
        }

        if (!reader.TryIdentifier(out string? name) || name != "Genotype")
        {
            throw Error(text, $"{ArchitectureFormatException.Quote(text)} is not a DARTS genotype; {Expected}.");
        }

        return ParseGenotype(reader);
    }

    private static DartsGenotype ParseGenotype(LiteralReader reader)
    {
        object?[] arguments = ReadArguments(reader);
        int[]? widths = ReadWidthsSuffix(reader);

        DartsCell normal = ToCell(reader, arguments, cellIndex: 0);
        DartsCell reduce = ToCell(reader, arguments, cellIndex: 2);
        return DartsGenotype.FromValidated(normal, reduce, widths);
    }

    // Reads (normal=..., normal_concat=..., reduce=..., reduce_concat=...), by keyword or by position.
    private static object?[] ReadArguments(LiteralReader reader)
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
                throw Error(reader.Text, $"Malformed genotype {ArchitectureFormatException.Quote(reader.Text)}: the genotype has no '{Keywords[slot]}' field. A genotype needs normal, normal_concat, reduce and reduce_concat.");
            }
        }

        return arguments;
    }

    private static int ReadKeyword(LiteralReader reader, int position)
    {
        int start = reader.Position;
        if (reader.TryIdentifier(out string? name) && reader.TryConsume('='))
        {
            int slot = Array.IndexOf(Keywords, name);
            return slot >= 0 ? slot : throw reader.Fail($"unknown genotype field '{name}'; the fields are normal, normal_concat, reduce and reduce_concat");
        }

        reader.Position = start;
        return position < Keywords.Length ? position : throw reader.Fail("the genotype has more than four fields");
    }

    private static int[]? ReadWidthsSuffix(LiteralReader reader)
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
        return problem is null ? widths : throw Error(reader.Text, problem);
    }

    private static DartsCell ToCell(LiteralReader reader, object?[] arguments, int cellIndex)
    {
        string cellName = Keywords[cellIndex];
        if (arguments[cellIndex] is not List<object?> items)
        {
            throw Error(reader.Text, $"Malformed genotype {ArchitectureFormatException.Quote(reader.Text)}: '{cellName}' must be a list of (operation, input) pairs.");
        }

        var pairs = new List<(DartsOperation Operation, int Input)>(items.Count);
        foreach (object? item in items)
        {
            if (item is not List<object?> { Count: 2 } pair || pair[0] is not string name || pair[1] is not int input)
            {
                throw Error(reader.Text, $"Malformed genotype {ArchitectureFormatException.Quote(reader.Text)}: entry {pairs.Count + 1} of '{cellName}' is not an ('operation', input) pair.");
            }

            if (!DartsOperationNames.TryParse(name, out DartsOperation operation))
            {
                throw Error(reader.Text, $"Unknown operation '{name}' in entry {pairs.Count + 1} of '{cellName}'; {DartsOperationNames.ValidNames}.");
            }

            pairs.Add((operation, input));
        }

        int[] concat = ToIntegers(reader, arguments[cellIndex + 1], Keywords[cellIndex + 1]);
        DartsCell? cell = DartsCell.TryFromGenotypeList(pairs, concat, out string? problem);
        return cell ?? throw Error(reader.Text, $"Invalid {cellName} cell in {ArchitectureFormatException.Quote(reader.Text)}: {problem}.");
    }

    private static DartsGenotype ParseCompact(LiteralReader reader)
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
            throw Error(reader.Text, $"The NASLib compact form {ArchitectureFormatException.Quote(reader.Text)} must hold two cells, normal and reduce, each of {DartsCell.GenotypeEdgeCount} (input, operation) pairs{itemCount}.");
        }

        DartsCell normal = ToCompactCell(reader, cells[0], "normal");
        DartsCell reduce = ToCompactCell(reader, cells[1], "reduce");
        return DartsGenotype.FromValidated(normal, reduce, widths: null);
    }

    // NASLib writes each edge as (input, operation index), operations numbered as in DartsOperationNames.NasLibCompactOrder.
    private static DartsCell ToCompactCell(LiteralReader reader, object? value, string cellName)
    {
        if (value is not List<object?> items)
        {
            throw Error(reader.Text, $"The {cellName} cell of the NASLib compact form {ArchitectureFormatException.Quote(reader.Text)} is not a tuple of {DartsCell.GenotypeEdgeCount} (input, operation) pairs.");
        }

        if (items.Count != DartsCell.GenotypeEdgeCount)
        {
            throw Error(reader.Text, $"The {cellName} cell of the NASLib compact form {ArchitectureFormatException.Quote(reader.Text)} has {MessageWording.Count(items.Count, "(input, operation) pair", "(input, operation) pairs")}, but it must have {DartsCell.GenotypeEdgeCount}, two per intermediate node.");
        }

        var pairs = new List<(DartsOperation Operation, int Input)>(items.Count);
        foreach (object? item in items)
        {
            if (item is not List<object?> { Count: 2 } pair || pair[0] is not int input || pair[1] is not int code)
            {
                throw Error(reader.Text, $"Entry {pairs.Count + 1} of the {cellName} cell in {ArchitectureFormatException.Quote(reader.Text)} is not an (input, operation) pair of whole numbers.");
            }

            if (code < 0 || code >= DartsOperationNames.NasLibCompactOrder.Count)
            {
                throw Error(reader.Text, $"Operation index {code} in entry {pairs.Count + 1} of the {cellName} cell is out of range; NASLib numbers 0 max_pool_3x3, 1 avg_pool_3x3, 2 skip_connect, 3 sep_conv_3x3, 4 sep_conv_5x5, 5 dil_conv_3x3, 6 dil_conv_5x5.");
            }

            pairs.Add((DartsOperationNames.NasLibCompactOrder[code], input));
        }

        DartsCell? cell = DartsCell.TryFromGenotypeList(pairs, new[] { 2, 3, 4, 5 }, out string? problem);
        return cell ?? throw Error(reader.Text, $"Invalid {cellName} cell in {ArchitectureFormatException.Quote(reader.Text)}: {problem}.");
    }

    private static int[] ToIntegers(LiteralReader reader, object? value, string field)
    {
        if (value is List<object?> items)
        {
            var numbers = new int[items.Count];
            for (int i = 0; i < items.Count; i++)
            {
                numbers[i] = items[i] is int number ? number : throw Error(reader.Text, $"Malformed genotype {ArchitectureFormatException.Quote(reader.Text)}: '{field}' must be a list of whole numbers.");
            }

            return numbers;
        }

        throw Error(reader.Text, $"Malformed genotype {ArchitectureFormatException.Quote(reader.Text)}: '{field}' must be a list such as [2, 3, 4, 5] or range(2, 6).");
    }

    internal static ArchitectureFormatException Error(string text, string message) => new(message, text, SearchSpace.Darts);

    /// <summary>
    /// Reads Python literals: lists and tuples (as List&lt;object?&gt;), quoted strings, whole numbers and range(a, b)
    /// (expanded into a list).
    /// </summary>
    private sealed class LiteralReader(string text)
    {
        public string Text { get; } = text;

        public int Position { get; set; }

        public bool AtEnd => Position >= Text.Length;

        public char Peek() => Text[Position];

        public void SkipSpace()
        {
            while (Position < Text.Length && char.IsWhiteSpace(Text[Position]))
            {
                Position++;
            }
        }

        public bool TryConsume(char expected)
        {
            SkipSpace();
            if (!AtEnd && Text[Position] == expected)
            {
                Position++;
                return true;
            }

            return false;
        }

        public void Expect(char expected)
        {
            if (!TryConsume(expected))
            {
                throw Fail($"expected '{expected}'");
            }
        }

        public bool TryIdentifier(out string? name)
        {
            SkipSpace();
            int start = Position;
            while (Position < Text.Length && (char.IsAsciiLetterOrDigit(Text[Position]) || Text[Position] == '_') && (Position > start || !char.IsAsciiDigit(Text[Position])))
            {
                Position++;
            }

            name = Position > start ? Text[start..Position] : null;
            return name is not null;
        }

        public object? ReadValue()
        {
            SkipSpace();
            if (AtEnd)
            {
                throw Fail("the text ends where a value was expected");
            }

            char first = Text[Position];
            return first switch
            {
                '[' => ReadSequence(']'),
                '(' => ReadSequence(')'),
                '\'' or '"' => ReadString(first),
                _ when char.IsAsciiDigit(first) || first == '-' => ReadInteger(),
                _ => ReadRange(),
            };
        }

        // NASLib's compact form is a bare tuple; a genotype starts with its name.
        private string FormName => Text.AsSpan().TrimStart().StartsWith("(") ? "NASLib compact form" : "genotype";

        public ArchitectureFormatException Fail(string problem)
        {
            string at = AtEnd ? "at the end" : $"at character {Position + 1}";
            return Error(Text, $"Malformed {FormName} {ArchitectureFormatException.Quote(Text)}: {problem} {at}.");
        }

        /// <summary>Throws when the text ends before the bracket opened at <paramref name="open"/> is closed.</summary>
        public void ThrowIfUnclosed(int open, char close)
        {
            SkipSpace();
            if (AtEnd)
            {
                throw Error(Text, $"Malformed {FormName} {ArchitectureFormatException.Quote(Text)}: the '{Text[open]}' at character {open + 1} is not closed, so a '{close}' is missing at the end.");
            }
        }

        private List<object?> ReadSequence(char close)
        {
            int open = Position;
            Position++;
            var items = new List<object?>();
            while (!TryConsume(close))
            {
                ThrowIfUnclosed(open, close);
                if (items.Count > 0)
                {
                    Expect(',');
                    if (TryConsume(close))
                    {
                        break;
                    }
                }

                items.Add(ReadValue());
            }

            return items;
        }

        private string ReadString(char quote)
        {
            int end = Text.IndexOf(quote, Position + 1);
            if (end < 0)
            {
                throw Fail("a quoted string is not closed");
            }

            string value = Text[(Position + 1)..end];
            Position = end + 1;
            return value;
        }

        private int ReadInteger()
        {
            int start = Position;
            if (Text[Position] == '-')
            {
                Position++;
            }

            while (Position < Text.Length && char.IsAsciiDigit(Text[Position]))
            {
                Position++;
            }

            if (!int.TryParse(Text.AsSpan(start, Position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
            {
                Position = start;
                throw Fail("expected a whole number");
            }

            return value;
        }

        // range(a, b) is how the DARTS code prints a concat list; it is expanded to [a, ..., b - 1].
        private List<object?> ReadRange()
        {
            if (!TryIdentifier(out string? name) || name != "range")
            {
                throw Fail("expected a list, a tuple, a quoted name, a number or range(a, b)");
            }

            Expect('(');
            int first = ReadIntegerValue();
            Expect(',');
            int last = ReadIntegerValue();
            Expect(')');

            if (last < first || last - first > 16)
            {
                throw Fail($"range({first}, {last}) is not a valid concat list");
            }

            var items = new List<object?>();
            for (int node = first; node < last; node++)
            {
                items.Add(node);
            }

            return items;
        }

        private int ReadIntegerValue() => ReadValue() is int value ? value : throw Fail("expected a whole number");
    }
}
