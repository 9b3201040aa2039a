using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace Canopy.Commands.Infrastructure.Records;

/// <summary>
/// Reads the values of piped records: properties of objects and keys of hashtables alike, so that @{ val_acc = 91.2 }
/// works as well as a [pscustomobject].
/// </summary>
internal static class RecordValues
{
    /// <summary>Checks whether a value is empty: null, DBNull or text of white space only.</summary>
    public static bool IsBlank(object? value) => value is null or DBNull || (value is string text && string.IsNullOrWhiteSpace(text));

    /// <summary>Returns the property's value, or null when it is a script property that throws.</summary>
    public static object? Read(PSPropertyInfo property)
    {
        try
        {
            return property.Value;
        }
        catch (GetValueException)
        {
            return null;
        }
    }

    /// <summary>Reads the named property or key, without PowerShell's object wrapper. Returns false when there is none.</summary>
    public static bool TryGet(PSObject record, string name, out object? value)
    {
        if (record.BaseObject is IDictionary dictionary)
        {
            bool found = dictionary.Contains(name);
            value = found ? Unwrap(dictionary[name]) : null;
            return found;
        }

        PSPropertyInfo? property = record.Properties[name];
        value = property is null ? null : Unwrap(Read(property));
        return property is not null;
    }

    /// <summary>Returns the name as the record spells it, so that -Proxy tropicalscore reports TropicalScore.</summary>
    public static string SpelledName(PSObject record, string name)
    {
        if (record.BaseObject is IDictionary dictionary)
        {
            return dictionary.Keys.OfType<string>().FirstOrDefault(key => key.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? name;
        }

        return record.Properties[name]?.Name ?? name;
    }

    /// <summary>
    /// Writes a value for a message. A nested object is written as PowerShell does, @{score=46.3; time=0.1}, because
    /// its unwrapped value has lost its properties and would read as ''.
    /// </summary>
    public static string? Describe(PSObject record, string name, object? value)
    {
        object? raw = record.BaseObject is IDictionary dictionary ? dictionary[name] : record.Properties[name] is { } property ? Read(property) : null;
        if (raw is PSObject { BaseObject: not PSCustomObject } wrapped)
        {
            raw = wrapped.BaseObject;
        }

        return raw switch
        {
            PSObject { BaseObject: PSCustomObject } nested => nested.ToString(),
            IDictionary nested => "@{" + string.Join("; ", nested.Keys.Cast<object>().Select(key => $"{key}={nested[key]}")) + "}",
            IEnumerable items and not string => "@(" + string.Join(", ", items.Cast<object?>().Select(item => Convert.ToString(item, CultureInfo.InvariantCulture))) + ")",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Returns the object inside PowerShell's wrapper, or the value itself.</summary>
    public static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}
