namespace Canopy.Statistics;

/// <summary>Whether a record's value can enter a correlation, and if not, why.</summary>
public enum ValueStatus
{
    /// <summary>A finite number.</summary>
    Usable,

    /// <summary>The record has no such property.</summary>
    Absent,

    /// <summary>The value is null, empty or white space.</summary>
    Empty,

    /// <summary>The value is text that is not a number in the invariant culture, or a non-numeric type such as a Boolean.</summary>
    NotANumber,

    /// <summary>The value is NaN or an infinity.</summary>
    NotFinite,

    /// <summary>The value is a whole number beyond the range of a double, about 1.8e308, such as a large exact RegionCount.</summary>
    TooLarge,

    /// <summary>The value equals one of the sentinels that mark a missing value, such as −1e8 in NAS-Bench-Suite-Zero.</summary>
    MissingValue,
}
