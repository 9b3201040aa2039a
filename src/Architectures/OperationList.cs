using System;
using System.Linq;

namespace Canopy.Architectures;

/// <summary>Splits text such as "sep_conv_3x3, skip_connect" or "['none', 'skip_connect']" into operation names.</summary>
internal static class OperationList
{
    private static readonly char[] Separators = { ',', ' ', '\t', '\r', '\n' };

    // Returns how many names the text lists, or 0 when isName rejects any item in lower case. One pair of enclosing
    // brackets and quotes around each name are allowed, as in a Python list.
    public static int CountNames(string text, Func<string, bool> isName)
    {
        string[] items = Items(text);
        foreach (string item in items)
        {
            if (!isName(item.ToLowerInvariant()))
            {
                return 0;
            }
        }

        return items.Length;
    }

    /// <summary>
    /// Returns the error message for a list of two or more items that names some NATS-Bench or DARTS operations but
    /// is no list of one space: it also names something else, such as "sep_conv_3x3,nne", or mixes the two spaces.
    /// Returns null for any other text. Names are matched in any letter case, as New-CanopyArchitecture takes them.
    /// </summary>
    public static string? DescribeMixedList(string text)
    {
        string[] items = Items(text);
        if (items.Length < 2 || !Array.Exists(items, IsOperation))
        {
            return null;
        }

        string[] unknown = items.Where(item => !IsOperation(item)).Distinct(StringComparer.Ordinal).ToArray();
        string? nats = Array.Find(items, item => IsNats(item) && !IsDarts(item));
        string? darts = Array.Find(items, item => IsDarts(item) && !IsNats(item));
        string? problem = unknown.Length > 0
            ? DescribeUnknown(unknown)
            : nats is not null && darts is not null ? $"it mixes the NATS-Bench operation '{nats}' with the DARTS operation '{darts}'" : null;
        if (problem is null)
        {
            return null;
        }

        return $"{ArchitectureFormatException.Quote(text)} lists operations, but {problem}. " +
            $"The NATS-Bench operations are {string.Join(", ", NatsOperationNames.All)}; the DARTS operations are {string.Join(", ", DartsOperationNames.All)}. " +
            "New-CanopyArchitecture builds a cell from such a list: -Operations for NATS-Bench, -NormalOperations for DARTS.";
    }

    // Names every unknown item, so that a list with several typos is fixed in one pass.
    private static string DescribeUnknown(string[] unknown)
    {
        if (unknown.Length == 1)
        {
            return $"'{unknown[0]}' is neither a NATS-Bench nor a DARTS operation";
        }

        string quoted = string.Join(", ", unknown.Select(item => $"'{item}'"));
        return $"{quoted} are neither NATS-Bench nor DARTS operations";
    }

    private static bool IsOperation(string name) => IsNats(name) || IsDarts(name);

    private static bool IsNats(string name) => NatsOperationNames.TryParse(name.ToLowerInvariant(), out _);

    private static bool IsDarts(string name) => DartsOperationNames.TryParse(name.ToLowerInvariant(), out _);

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
