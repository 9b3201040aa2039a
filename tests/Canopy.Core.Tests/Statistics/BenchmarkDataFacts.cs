using Xunit;

namespace Canopy.Tests.Statistics;

/// <summary>
/// A fact that reads a folder of the real benchmark data. Without the folder it is reported as skipped, with the
/// reason, instead of passing without checking anything.
/// </summary>
public sealed class BenchmarkDataFactAttribute : FactAttribute
{
    public BenchmarkDataFactAttribute(string folder) => Skip = BenchmarkData.SkipReason(folder);
}

/// <summary>A theory that reads a folder of the real benchmark data; see <see cref="BenchmarkDataFactAttribute"/>.</summary>
public sealed class BenchmarkDataTheoryAttribute : TheoryAttribute
{
    public BenchmarkDataTheoryAttribute(string folder) => Skip = BenchmarkData.SkipReason(folder);
}

internal static class BenchmarkData
{
    /// <summary>Why a test of <paramref name="folder"/> cannot run, or null when the folder is there.</summary>
    public static string? SkipReason(string folder) => TestData.Find(folder) is null
        ? $"the benchmark data folder {folder} was not found (set CANOPY_DATA or place the data at ../shared/data)"
        : null;
}
