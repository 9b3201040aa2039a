using System;
using System.Collections.Generic;
using System.Globalization;

namespace Canopy.Architectures;

/// <summary>
/// Reads Python literals: lists and tuples (as List&lt;object?&gt;), quoted strings, whole numbers (as int),
/// decimal numbers (as double), None (as null) and range(a, b) (expanded into a list).
/// </summary>
internal sealed class PythonLiteralReader(string text)
{
    /// <summary>The text as given, which messages quote.</summary>
    public string Source { get; } = text;

    /// <summary>The text that is read: the source with each Python comment replaced by spaces of its length.</summary>
    public string Text { get; } = WithoutComments(text);

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

    // Blanks Python comments, such as the "# step 1" after each node in AutoDL-Projects' genotypes.py, so that a
    // definition copied from a source file parses. Blanking keeps every character position for messages, and it
    // keeps SkipSpace small enough for the JIT to inline.
    private static string WithoutComments(string text)
    {
        int comment = text.IndexOf('#');
        if (comment < 0)
        {
            return text;
        }

        char[] blanked = text.ToCharArray();
        while (comment >= 0)
        {
            int end = text.IndexOf('\n', comment);
            end = end < 0 ? text.Length : end;
            Array.Fill(blanked, ' ', comment, end - comment);
            comment = end < text.Length ? text.IndexOf('#', end) : -1;
        }

        return new string(blanked);
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
            throw Fail("a value is missing");
        }

        char first = Text[Position];
        return first switch
        {
            '[' => ReadSequence(']'),
            '(' => ReadSequence(')'),
            '\'' or '"' => ReadString(first),
            _ when char.IsAsciiDigit(first) || first == '-' => ReadNumber(),
            _ => ReadNamedValue(),
        };
    }

    // NASLib's compact form is a bare tuple; a genotype starts with its name.
    private string FormName => Text.AsSpan().TrimStart().StartsWith("(") ? "NASLib compact form" : "genotype";

    public ArchitectureFormatException Fail(string problem)
    {
        string at = AtEnd ? $"at the end, after character {Text.Length}" : $"at character {Position + 1}";
        return DartsGenotypeParser.Error(Source, $"Malformed {FormName} {ArchitectureFormatException.Quote(Source)}: {problem} {at}.");
    }

    /// <summary>Throws when the text ends before the bracket opened at <paramref name="open"/> is closed.</summary>
    public void ThrowIfUnclosed(int open, char close)
    {
        SkipSpace();
        if (AtEnd)
        {
            throw DartsGenotypeParser.Error(Source, $"Malformed {FormName} {ArchitectureFormatException.Quote(Source)}: the '{Text[open]}' at character {open + 1} is not closed, so a '{close}' is missing at the end.");
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

    // Returns an int for a whole number and a double for a number with a decimal point or an exponent, such as
    // the edge weight 0.13017432391643524 or 1e-05.
    private object ReadNumber()
    {
        int start = Position;
        if (Text[Position] == '-')
        {
            Position++;
        }

        SkipDigits();
        if (Position < Text.Length && Text[Position] is '.' or 'e' or 'E')
        {
            return ReadDecimal(start);
        }

        if (!int.TryParse(Text.AsSpan(start, Position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            Position = start;
            throw Fail("expected a whole number");
        }

        return value;
    }

    // Reads the rest of a number with a decimal point or an exponent, such as the edge weight 0.13017432391643524
    // or 1e-05, whose whole part starts at start.
    private double ReadDecimal(int start)
    {
        if (Text[Position] == '.')
        {
            Position++;
            SkipDigits();
        }

        if (Position < Text.Length && Text[Position] is 'e' or 'E')
        {
            Position++;
            if (Position < Text.Length && Text[Position] is '+' or '-')
            {
                Position++;
            }

            SkipDigits();
        }

        if (!double.TryParse(Text.AsSpan(start, Position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double weight) || !double.IsFinite(weight))
        {
            Position = start;
            throw Fail("expected a number");
        }

        return weight;
    }

    private void SkipDigits()
    {
        while (Position < Text.Length && char.IsAsciiDigit(Text[Position]))
        {
            Position++;
        }
    }

    // Reads None, a missing value, as null. The DARTS code prints a concat list as range(a, b), which is expanded
    // to [a, ..., b - 1]. Both names are read in any letter case, as field and operation names are.
    private List<object?>? ReadNamedValue()
    {
        int start = Position;
        if (TryIdentifier(out string? name) && string.Equals(name, "None", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!string.Equals(name, "range", StringComparison.OrdinalIgnoreCase))
        {
            Position = start;
            throw Fail("expected a list, a tuple, a quoted name, a number, None or range(a, b)");
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
