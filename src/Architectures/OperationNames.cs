using System;

namespace Canopy.Architectures;

/// <summary>Looks up operations of the NATS-Bench and DARTS enums by their benchmark names or enum names.</summary>
internal static class OperationNames
{
    /// <summary>
    /// Finds the operation whose benchmark name in <paramref name="names"/> (enum order) or enum name equals
    /// <paramref name="name"/> ignoring case. The exact benchmark name, which files hold, is tried first.
    /// </summary>
    public static bool TryParse<TOperation>(ReadOnlySpan<char> name, string[] names, out TOperation operation)
        where TOperation : struct, Enum
    {
        if (TryParseBenchmarkName(name, names, out operation))
        {
            return true;
        }

        for (int i = 0; i < names.Length; i++)
        {
            if (name.Equals(names[i], StringComparison.OrdinalIgnoreCase))
            {
                operation = (TOperation)(object)i;
                return true;
            }
        }

        // Enum.TryParse also accepts numbers such as "3"; operations are named, never numbered, in these formats.
        bool isNumber = name.Length > 0 && (char.IsDigit(name[0]) || name[0] == '-');
        return Enum.TryParse(name, ignoreCase: true, out operation) && Enum.IsDefined(operation) && !isNumber;
    }

    /// <summary>Finds the operation whose benchmark name in <paramref name="names"/> (enum order) equals <paramref name="name"/> exactly.</summary>
    public static bool TryParseBenchmarkName<TOperation>(ReadOnlySpan<char> name, string[] names, out TOperation operation)
        where TOperation : struct, Enum
    {
        for (int i = 0; i < names.Length; i++)
        {
            if (name.SequenceEqual(names[i]))
            {
                operation = (TOperation)(object)i;
                return true;
            }
        }

        operation = default;
        return false;
    }
}
