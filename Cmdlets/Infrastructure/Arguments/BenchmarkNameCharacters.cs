using System;
using System.Buffers;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Canopy.Commands.Infrastructure.Arguments;

/// <summary>The characters that a new benchmark name must not contain, and the messages that locate them.</summary>
/// <remarks>Positions count UTF-16 code units from 1, so a character beyond U+FFFF takes two.</remarks>
internal static class BenchmarkNameCharacters
{
    // A line break or tab in a name breaks the table of Get-CanopyBenchmark and cannot be typed at the prompt. C1
    // controls such as NEL and the Unicode line and paragraph separators break lines too.
    public static readonly SearchValues<char> LineBreaking = SearchValues.Create(
        Enumerable.Range(0, 0x10000).Select(code => (char)code).Where(c => char.IsControl(c) || c is '\u2028' or '\u2029').ToArray());

    /// <summary>Describes the first control character or line separator of a name, or returns null if it has none.</summary>
    public static string? ControlCharacterProblem(string name)
    {
        int position = name.AsSpan().IndexOfAny(LineBreaking);
        return position < 0
            ? null
            : $"contains the {(char.IsControl(name[position]) ? "control" : "line separator")} character U+{(int)name[position]:X4} at position {position + 1}";
    }

    /// <summary>
    /// Describes the format characters (Unicode category Cf) of a name, such as U+200B ZERO WIDTH SPACE and U+FEFF, or
    /// returns null if it has none. The text starts with "is blank apart from" when nothing but white space remains.
    /// </summary>
    /// <remarks>A format character is invisible, so a name with one prints like another name, or like no name at all.</remarks>
    public static string? FormatCharacterProblem(string name)
    {
        int count = 0;
        int firstCode = 0;
        int firstPosition = 0;
        bool hasOtherText = false;
        int index = 0;
        Rune[] runes = name.EnumerateRunes().ToArray();
        for (int i = 0; i < runes.Length; i++)
        {
            Rune rune = runes[i];
            if (IsInvisible(runes, i))
            {
                if (count == 0)
                {
                    firstCode = rune.Value;
                    firstPosition = index + 1;
                }

                count++;
            }
            else if (!Rune.IsWhiteSpace(rune))
            {
                hasOtherText = true;
            }

            index += rune.Utf16SequenceLength;
        }

        if (count == 0)
        {
            return null;
        }

        string characters = count == 1
            ? $"the invisible format character U+{firstCode:X4} at position {firstPosition}"
            : $"{count} invisible format characters, the first U+{firstCode:X4} at position {firstPosition}";
        return hasOtherText ? $"contains {characters}" : $"is blank apart from {characters}";
    }

    /// <summary>Returns the name without its invisible format characters and outer white space.</summary>
    public static string WithoutFormatCharacters(string name)
    {
        Rune[] runes = name.EnumerateRunes().ToArray();
        return string.Concat(runes.Where((_, i) => !IsInvisible(runes, i)).Select(rune => rune.ToString())).Trim();
    }

    // Joiners between two visible characters shape Persian and Indic words and emoji sequences, and the prepended
    // concatenation marks, such as the Arabic number sign, are drawn, so neither hides in a name.
    private static bool IsInvisible(Rune[] runes, int index)
    {
        Rune rune = runes[index];
        if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format || IsPrependedMark(rune.Value))
        {
            return false;
        }

        bool joiner = rune.Value is 0x200C or 0x200D;
        return !joiner || index == 0 || index == runes.Length - 1 || !IsVisible(runes[index - 1]) || !IsVisible(runes[index + 1]);
    }

    private static bool IsVisible(Rune rune) =>
        !Rune.IsWhiteSpace(rune) && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Format or UnicodeCategory.Control);

    private static bool IsPrependedMark(int code) =>
        code is (>= 0x0600 and <= 0x0605) or 0x06DD or 0x070F or 0x0890 or 0x0891 or 0x08E2 or 0x110BD or 0x110CD;
}
