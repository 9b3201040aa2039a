using System.Numerics;

namespace Canopy.Numerics;

/// <summary>
/// The operations that region-count formulas need, so that each formula is written once and evaluated
/// either in extended floating point (any size) or as an exact integer (small sizes).
/// </summary>
internal interface ICountArithmetic<T>
{
    static abstract T Zero { get; }

    static abstract T One { get; }

    static abstract T Add(T left, T right);

    static abstract T Multiply(T left, T right);

    /// <summary>Returns value × numerator / denominator; exact when the product is divisible.</summary>
    static abstract T MultiplyRatio(T value, long numerator, long denominator);

    static abstract T FromInteger(long value);

    static abstract T Power(T value, long exponent);

    static abstract T PowerOfTwo(long exponent);

    static abstract int Compare(T left, T right);
}

/// <summary>Counts as <see cref="ExtendedFloat"/>: about 15 significant digits, any magnitude.</summary>
internal readonly struct FloatCounts : ICountArithmetic<ExtendedFloat>
{
    public static ExtendedFloat Zero => ExtendedFloat.Zero;

    public static ExtendedFloat One => ExtendedFloat.One;

    public static ExtendedFloat Add(ExtendedFloat left, ExtendedFloat right) => left + right;

    public static ExtendedFloat Multiply(ExtendedFloat left, ExtendedFloat right) => left * right;

    public static ExtendedFloat MultiplyRatio(ExtendedFloat value, long numerator, long denominator) =>
        value.MultiplyRatio(numerator, denominator);

    public static ExtendedFloat FromInteger(long value) => ExtendedFloat.FromDouble(value);

    public static ExtendedFloat Power(ExtendedFloat value, long exponent) => value.Power(exponent);

    public static ExtendedFloat PowerOfTwo(long exponent) => ExtendedFloat.PowerOfTwo(exponent);

    public static int Compare(ExtendedFloat left, ExtendedFloat right) => left.CompareTo(right);
}

/// <summary>Counts as exact integers; cost grows with the number of digits.</summary>
internal readonly struct ExactCounts : ICountArithmetic<BigInteger>
{
    public static BigInteger Zero => BigInteger.Zero;

    public static BigInteger One => BigInteger.One;

    public static BigInteger Add(BigInteger left, BigInteger right) => left + right;

    public static BigInteger Multiply(BigInteger left, BigInteger right) => left * right;

    public static BigInteger MultiplyRatio(BigInteger value, long numerator, long denominator) =>
        value * numerator / denominator;

    public static BigInteger FromInteger(long value) => value;

    public static BigInteger Power(BigInteger value, long exponent) => BigInteger.Pow(value, checked((int)exponent));

    public static BigInteger PowerOfTwo(long exponent) => BigInteger.One << checked((int)exponent);

    public static int Compare(BigInteger left, BigInteger right) => left.CompareTo(right);
}
