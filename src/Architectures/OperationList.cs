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
        ReadOnlySpan<char> body = text.AsSpan().Trim();
        if (body.Length >= 2 && ((body[0] == '[' && body[^1] == ']') || (body[0] == '(' && body[^1] == ')')))
        {
            body = body[1..^1];
        }

        string[] items = body.ToString().Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        foreach (string item in items)
        {
            if (!isName(item.Trim('\'', '"')))
            {
                return 0;
            }
        }

        return items.Length;
    }
}
