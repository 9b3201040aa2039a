using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Canopy.Storage.Input;

/// <summary>
/// Resolves the text encoding of a benchmark file from the names and code pages that the -Encoding parameter of
/// PowerShell 7's Import-Csv accepts, and supplies the strict UTF-8 decoder that the import uses by default.
/// </summary>
public static class TextEncodings
{
    /// <summary>
    /// The names that tab completion offers: those that PowerShell 7 completes for -Encoding (EncodingUtils.cs in the
    /// PowerShell repository) without the obsolete utf7, plus ansi and latin1, which it accepts too.
    /// </summary>
    public static IReadOnlyList<string> Names { get; } = new[]
    {
        "ansi", "ascii", "bigendianunicode", "bigendianutf32", "latin1", "oem", "unicode", "utf8", "utf8BOM", "utf8NoBOM", "utf32",
    };

    /// <summary>
    /// The web names, such as windows-1252 and shift_jis, of every encoding .NET provides with the code-page provider,
    /// in ordinal order.
    /// </summary>
    public static IReadOnlyList<string> WebNames { get; } = ListWebNames();

    /// <summary>UTF-8 that throws DecoderFallbackException on invalid bytes rather than decoding them to U+FFFD.</summary>
    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // PowerShell's own short names. Any other name goes to Encoding.GetEncoding, which accepts the IANA names such as
    // "latin1", "iso-8859-1" and "windows-1252".
    private static readonly Dictionary<string, Func<Encoding>> ShortNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ansi"] = () => Encoding.GetEncoding(CultureInfo.CurrentCulture.TextInfo.ANSICodePage),
        ["ascii"] = () => Encoding.ASCII,
        ["bigendianunicode"] = () => Encoding.BigEndianUnicode,
        ["bigendianutf32"] = () => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
        ["oem"] = () => Encoding.GetEncoding(CultureInfo.CurrentCulture.TextInfo.OEMCodePage),
        ["unicode"] = () => Encoding.Unicode,
        ["utf8"] = () => StrictUtf8,
        ["utf8BOM"] = () => StrictUtf8,
        ["utf8NoBOM"] = () => StrictUtf8,
        ["utf32"] = () => Encoding.UTF32,
    };

    // .NET on its own supports only the Unicode encodings, ASCII and Latin-1. The provider adds the Windows code pages
    // such as 1252, which Windows tools and Excel write.
    static TextEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Returns the encoding of a PowerShell short name (utf8, unicode, ansi, ...) or of a name that Encoding.GetEncoding accepts.</summary>
    /// <exception cref="ArgumentException">No encoding has that name. The message names no parameter, because PowerShell shows it to users of -Encoding.</exception>
    public static Encoding FromName(string name)
    {
        string trimmed = name.Trim();
        if (ShortNames.TryGetValue(trimmed, out Func<Encoding>? create))
        {
            return create();
        }

        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out int codePage))
        {
            return FromCodePage(codePage);
        }

        try
        {
            return Encoding.GetEncoding(trimmed);
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"'{name}' is not an encoding name. {Choices}", exception);
        }
        catch (NotSupportedException exception)
        {
            // .NET 5 and later disable UTF-7, for example.
            throw new ArgumentException($"The encoding '{name}' is not supported: {exception.Message} {Choices}", exception);
        }
    }

    private static string[] ListWebNames()
    {
        var names = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (EncodingInfo info in Encoding.GetEncodings())
        {
            names.Add(info.Name);
        }

        foreach (EncodingInfo info in CodePagesEncodingProvider.Instance.GetEncodings())
        {
            names.Add(info.Name);
        }

        return names.ToArray();
    }

    private static string Choices => $"Give one of {string.Join(", ", Names)}, a code page number such as 1252, or a name such as windows-1252 or iso-8859-1.";

    /// <summary>Returns the encoding of a Windows code page number, such as 1252 or 65001.</summary>
    /// <exception cref="ArgumentException">No encoding has that code page.</exception>
    public static Encoding FromCodePage(int codePage)
    {
        if (codePage == Encoding.UTF8.CodePage)
        {
            return StrictUtf8;
        }

        try
        {
            return Encoding.GetEncoding(codePage);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            throw new ArgumentException($"{codePage} is not a code page that .NET supports. Give a code page such as 1252 (Western European Windows) or 28591 (ISO 8859-1), or an encoding name.", exception);
        }
    }

    /// <summary>
    /// Returns the encoding to decode a file with: <paramref name="requested"/>, except that UTF-8, requested or by
    /// default, becomes the strict decoder, so invalid bytes fail the import instead of being stored as U+FFFD.
    /// </summary>
    public static Encoding ForDecoding(Encoding? requested) =>
        requested is null || requested.CodePage == Encoding.UTF8.CodePage ? StrictUtf8 : requested;
}
