using System.Globalization;

namespace Canopy.Architectures;

/// <summary>Counts and node ranges worded for messages: "1 edge" but "2 edges", "node 0" but "nodes 0 and 1".</summary>
internal static class MessageWording
{
    /// <summary>Returns the count followed by the singular or the plural noun, for example "1 edge" or "3 edges".</summary>
    public static string Count(int count, string singular, string plural) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural);

    /// <summary>Returns for example "1 operation was given" or "3 operations were given".</summary>
    public static string Given(int count, string singular, string plural) =>
        Count(count, singular, plural) + (count == 1 ? " was given" : " were given");

    /// <summary>Names the nodes <paramref name="first"/> to <paramref name="last"/>: "node 0", "nodes 0 and 1" or "nodes 0 to 3".</summary>
    public static string Nodes(int first, int last) => (last - first) switch
    {
        0 => $"node {first}",
        1 => $"nodes {first} and {last}",
        _ => $"nodes {first} to {last}",
    };
}
