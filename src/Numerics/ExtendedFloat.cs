using System;
using System.Globalization;

namespace Canopy.Numerics;

/// <summary>
/// A non-negative real number stored as mantissa × 2^exponent with a 64-bit exponent, so that region counts
/// such as 2^(10^12) stay finite. Products and sums keep double precision in the mantissa.
/// </summary>
public readonly struct ExtendedFloat : IComparable<ExtendedFloat>, IEquatable<ExtendedFloat>
{
    private static readonly double Log10Of2 = Math.Log10(2.0);

    // Invariant: the mantissa is 0 (and then the exponent is 0) or lies in [0.5, 1).
    private readonly double _mantissa;
    private readonly long _exponent;

    private ExtendedFloat(double mantissa, long exponent)
    {
        _mantissa = mantissa;
        _exponent = exponent;
    }

    public static ExtendedFloat Zero => default;

    public static ExtendedFloat One => new(0.5, 1);

    public bool IsZero => _mantissa == 0;

    /// <summary>The base-10 logarithm; negative infinity for zero.</summary>
    public double Log10 => IsZero ? double.NegativeInfinity : Math.Log10(_mantissa) + _exponent * Log10Of2;

    /// <summary>The natural logarithm; negative infinity for zero.</summary>
    public double Log => IsZero ? double.NegativeInfinity : Math.Log(_mantissa) + _exponent * Math.Log(2.0);

    /// <summary>Converts from a finite non-negative double.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public static ExtendedFloat FromDouble(double value)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "An extended float can only represent finite non-negative values.");
        }

        return Normalize(value, 0);
    }

    /// <summary>Returns 2^power exactly.</summary>
    public static ExtendedFloat PowerOfTwo(long power) => new(0.5, power + 1);

    /// <summary>Returns 10^log10, the inverse of <see cref="Log10"/>.</summary>
    public static ExtendedFloat FromLog10(double log10)
    {
        if (double.IsNegativeInfinity(log10))
        {
            return Zero;
        }

        double log2 = log10 / Log10Of2;
        double whole = Math.Floor(log2);
        return Normalize(Math.Pow(2.0, log2 - whole), (long)whole);
    }

    /// <summary>Converts to double, saturating at double.MaxValue so no infinity leaks out.</summary>
    public double ToDouble()
    {
        if (IsZero)
        {
            return 0;
        }

        if (_exponent > 1024)
        {
            return double.MaxValue;
        }

        return _exponent < -1100 ? 0 : Math.ScaleB(_mantissa, (int)_exponent);
    }

    public static ExtendedFloat operator *(ExtendedFloat left, ExtendedFloat right)
    {
        if (left.IsZero || right.IsZero)
        {
            return Zero;
        }

        return Normalize(left._mantissa * right._mantissa, left._exponent + right._exponent);
    }

    public static ExtendedFloat operator +(ExtendedFloat left, ExtendedFloat right)
    {
        if (left.IsZero)
        {
            return right;
        }

        if (right.IsZero)
        {
            return left;
        }

        if (left._exponent < right._exponent)
        {
            (left, right) = (right, left);
        }

        // Beyond 60 binary orders the smaller term no longer changes a double mantissa.
        long gap = left._exponent - right._exponent;
        if (gap > 60)
        {
            return left;
        }

        return Normalize(left._mantissa + Math.ScaleB(right._mantissa, (int)-gap), left._exponent);
    }

    /// <summary>Subtracts a smaller value; the caller guarantees right ≤ left.</summary>
    public static ExtendedFloat operator -(ExtendedFloat left, ExtendedFloat right)
    {
        if (right.IsZero)
        {
            return left;
        }

        long gap = left._exponent - right._exponent;
        if (gap < 0 || (gap == 0 && right._mantissa > left._mantissa))
        {
            throw new ArgumentOutOfRangeException(nameof(right), "The subtrahend exceeds the minuend.");
        }

        if (gap > 60)
        {
            return left;
        }

        return Normalize(left._mantissa - Math.ScaleB(right._mantissa, (int)-gap), left._exponent);
    }

    /// <summary>Multiplies by numerator / denominator, both positive.</summary>
    public ExtendedFloat MultiplyRatio(double numerator, double denominator)
    {
        if (IsZero || numerator == 0)
        {
            return Zero;
        }

        return Normalize(_mantissa * (numerator / denominator), _exponent);
    }

    /// <summary>Raises to a non-negative integer power by repeated squaring.</summary>
    public ExtendedFloat Power(long exponent)
    {
        ExtendedFloat result = One;
        ExtendedFloat factor = this;
        while (exponent > 0)
        {
            if ((exponent & 1) == 1)
            {
                result *= factor;
            }

            factor *= factor;
            exponent >>= 1;
        }

        return result;
    }

    public static ExtendedFloat Max(ExtendedFloat left, ExtendedFloat right) => left.CompareTo(right) >= 0 ? left : right;

    public static ExtendedFloat Min(ExtendedFloat left, ExtendedFloat right) => left.CompareTo(right) <= 0 ? left : right;

    public int CompareTo(ExtendedFloat other)
    {
        if (IsZero || other.IsZero)
        {
            return (IsZero ? 0 : 1).CompareTo(other.IsZero ? 0 : 1);
        }

        int byExponent = _exponent.CompareTo(other._exponent);
        return byExponent != 0 ? byExponent : _mantissa.CompareTo(other._mantissa);
    }

    public bool Equals(ExtendedFloat other) => _mantissa == other._mantissa && _exponent == other._exponent;

    public override bool Equals(object? obj) => obj is ExtendedFloat other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_mantissa, _exponent);

    public override string ToString() => IsZero ? "0" : "10^" + Log10.ToString("R", CultureInfo.InvariantCulture);

    public static bool operator <(ExtendedFloat left, ExtendedFloat right) => left.CompareTo(right) < 0;

    public static bool operator >(ExtendedFloat left, ExtendedFloat right) => left.CompareTo(right) > 0;

    public static bool operator <=(ExtendedFloat left, ExtendedFloat right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ExtendedFloat left, ExtendedFloat right) => left.CompareTo(right) >= 0;

    public static bool operator ==(ExtendedFloat left, ExtendedFloat right) => left.Equals(right);

    public static bool operator !=(ExtendedFloat left, ExtendedFloat right) => !left.Equals(right);

    private static ExtendedFloat Normalize(double mantissa, long exponent)
    {
        if (mantissa == 0)
        {
            return Zero;
        }

        int shift = Math.ILogB(mantissa) + 1;
        return new ExtendedFloat(Math.ScaleB(mantissa, -shift), exponent + shift);
    }
}
