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

    // A joiner between two characters of a joining script or of an emoji sequence changes how they are drawn. Flag
    // tags and the prepended concatenation marks, such as the Arabic number sign, are drawn too. Anywhere else a
    // format character hides, as a joiner between Latin letters does.
    private static bool IsInvisible(Rune[] runes, int index)
    {
        Rune rune = runes[index];
        if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format || IsPrependedMark(rune.Value) || IsFlagTag(runes, index))
        {
            return false;
        }

        bool joiner = rune.Value is 0x200C or 0x200D;
        return !joiner || index == 0 || index == runes.Length - 1 || !Joins(runes[index - 1]) || !Joins(runes[index + 1]);
    }

    // Arabic to Sinhala, Tibetan and Mongolian letters and marks, where the joiners select letter forms and
    // conjuncts, and emoji with their variation selector.
    private static bool Joins(Rune rune) =>
        rune.Value is (>= 0x0600 and <= 0x0DFF) or (>= 0x0F00 and <= 0x0FFF) or (>= 0x1800 and <= 0x18AF) or 0xFE0F or (>= 0x1F000 and <= 0x1FAFF)
        || Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol;

    // The flags of England, Scotland and Wales are U+1F3F4 WAVING BLACK FLAG, tag letters and the cancel tag U+E007F.
    // Any other run of tags after the flag is not drawn, so names that differ only there would print alike.
    private static bool IsFlagTag(Rune[] runes, int index)
    {
        int start = index;
        while (start > 0 && IsTag(runes[start - 1]))
        {
            start--;
        }

        int end = index;
        while (end + 1 < runes.Length && IsTag(runes[end + 1]))
        {
            end++;
        }

        if (!IsTag(runes[index]) || start == 0 || runes[start - 1].Value != 0x1F3F4 || runes[end].Value != 0xE007F)
        {
            return false;
        }

        string letters = string.Concat(runes[start..end].Select(rune => (char)(rune.Value - 0xE0000)));
        return letters is "gbeng" or "gbsct" or "gbwls";
    }

    private static bool IsTag(Rune rune) => rune.Value is >= 0xE0020 and <= 0xE007F;

    private static bool IsPrependedMark(int code) =>
        code is (>= 0x0600 and <= 0x0605) or 0x06DD or 0x070F or 0x0890 or 0x0891 or 0x08E2 or 0x110BD or 0x110CD;
}
