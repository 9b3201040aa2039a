namespace Canopy.Architectures;

/// <summary>Shortens text that goes into a message, such as the canonical string of an MLP with thousands of layers.</summary>
public static class TextExcerpt
{
    /// <summary>Returns the text, or its first characters and "..." when it is longer than <paramref name="maxLength"/>.</summary>
    public static string Of(string text, int maxLength = 100) =>
        text.Length > maxLength ? text[..(maxLength - 3)] + "..." : text;
}
