using System;

namespace Canopy.Architectures;

/// <summary>Splits text such as "sep_conv_3x3, skip_connect" or "['none', 'skip_connect']" into operation names.</summary>
internal static class OperationList
{
    private static readonly char[] Separators = { ',', ' ', '\t', '\r', '\n' };

    // Returns how many names the text lists, or 0 when isName rejects any item. One pair of enclosing brackets and
    // quotes around each name are allowed, as in a Python list.
    public static int CountNames(string text, Func<string, bool> isName)
    {
        string[] items = Items(text);
        foreach (string item in items)
        {
            if (!isName(item))
            {
                return 0;
            }
        }

        return items.Length;
    }

    /// <summary>
    /// Returns the error message for a list of two or more items that names some NATS-Bench or DARTS operations but
    /// also something else, such as "sep_conv_3x3,nne", or null for any other text. Such a list is a mistyped
    /// operation list, so its message names the unknown item rather than a missing architecture form.
    /// </summary>
    public static string? DescribeUnknownName(string text)
    {
        string[] items = Items(text);
        string? unknown = Array.Find(items, item => !IsOperation(item));
        if (items.Length < 2 || unknown is null || !Array.Exists(items, IsOperation))
        {
            return null;
        }

        return $"{ArchitectureFormatException.Quote(text)} lists operations, but '{unknown}' is neither a NATS-Bench nor a DARTS operation. " +
            $"The NATS-Bench operations are {string.Join(", ", NatsOperationNames.All)}; the DARTS operations are {string.Join(", ", DartsOperationNames.All)}. " +
            "New-CanopyArchitecture builds a cell from such a list: -Operations for NATS-Bench, -NormalOperations for DARTS.";
    }

    private static bool IsOperation(string name) => NatsOperationNames.TryParse(name, out _) || DartsOperationNames.TryParse(name, out _);

    private static string[] Items(string text)
    {
        ReadOnlySpan<char> body = text.AsSpan().Trim();
        if (body.Length >= 2 && ((body[0] == '[' && body[^1] == ']') || (body[0] == '(' && body[^1] == ')')))
        {
            body = body[1..^1];
        }

        string[] items = body.ToString().Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = items[i].Trim('\'', '"');
        }

        return items;
    }
}
