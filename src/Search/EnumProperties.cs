using System;
using System.Collections.Generic;
using System.Globalization;
using Canopy.Architectures;
using Canopy.Regions;

namespace Canopy.Search;

/// <summary>
/// Reads the enum-valued properties of Canopy's output records, such as a search step's Strategy or a score's Mode.
/// The records carry the member's name, so that ConvertTo-Json and Export-Csv write it. A record built elsewhere may
/// carry the member's number, which is how ConvertTo-Json writes an enum value.
/// </summary>
public static class EnumProperties
{
    // The property names under which the output records carry an enum value, with the enum of each.
    private static readonly Dictionary<string, Type> EnumTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SearchSpace"] = typeof(SearchSpace),
        ["Strategy"] = typeof(SearchStrategy),
        ["Objective"] = typeof(SearchObjective),
        ["Mode"] = typeof(RegionMode),
        ["TieBreaker"] = typeof(TieBreaker),
        ["DartsNetwork"] = typeof(DartsNetwork),
        ["Status"] = typeof(EvaluationStatus),
    };

    /// <summary>
    /// Reads <paramref name="value"/> as a defined member of <typeparamref name="TEnum"/>: the member itself, its name
    /// in any letter case, or its number as an integer or as digits. Returns false for anything else, such as null, a
    /// list of names or a number that no member has.
    /// </summary>
    public static bool TryParse<TEnum>(object? value, out TEnum member)
        where TEnum : struct, Enum
    {
        if (TryParse(typeof(TEnum), value, out object? parsed))
        {
            member = (TEnum)parsed;
            return true;
        }

        member = default;
        return false;
    }

    /// <summary>
    /// Returns the name of the member that <paramref name="value"/> is when <paramref name="property"/> is one of the
    /// enum-valued properties of the output records, for example "Random" for a Strategy of 1. Returns null for other
    /// properties and for values that name no member.
    /// </summary>
    public static string? NameOf(string property, object? value)
    {
        ArgumentNullException.ThrowIfNull(property);
        if (!EnumTypes.TryGetValue(property, out Type? enumType) || !TryParse(enumType, value, out object? member))
        {
            return null;
        }

        return member.ToString();
    }

    /// <summary>Returns true when <paramref name="value"/> is an integer or text of digits, as an enum number is.</summary>
    public static bool IsNumber(object? value) => value switch
    {
        sbyte or byte or short or ushort or int or uint or long or ulong => true,
        string text => long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        _ => false,
    };

    private static bool TryParse(Type enumType, object? value, out object member)
    {
        member = 0;
        object? candidate = value switch
        {
            Enum named when named.GetType() == enumType => named,
            sbyte or byte or short or ushort or int or uint or long or ulong => ToMember(enumType, value),
            string text => ParseText(enumType, text.Trim()),
            _ => null,
        };
        if (candidate is null || !Enum.IsDefined(enumType, candidate))
        {
            return false;
        }

        member = candidate;
        return true;
    }

    // Enum.TryParse would also read "Generic, TropicalBound" as the two members' bitwise or, so names are matched one by one.
    private static object? ParseText(Type enumType, string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number))
        {
            return ToMember(enumType, number);
        }

        foreach (string name in Enum.GetNames(enumType))
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return Enum.Parse(enumType, name);
            }
        }

        return null;
    }

    // Every enum here has int members, so a number beyond Int32 names none.
    private static object? ToMember(Type enumType, object number)
    {
        long value;
        try
        {
            value = Convert.ToInt64(number, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            return null;
        }

        return value is < int.MinValue or > int.MaxValue ? null : Enum.ToObject(enumType, (int)value);
    }
}
