using System.Text;
using Canopy.Architectures;

namespace Canopy.Storage.Import;

/// <summary>What to import and under which name.</summary>
public sealed class BenchmarkImportOptions
{
    /// <summary>The full path of a CSV or JSON file, optionally gzip-compressed.</summary>
    public required string Path { get; init; }

    /// <summary>The benchmark name; null for the file name without its extension.</summary>
    public string? Name { get; init; }

    /// <summary>The column that contains architectures; null to pick the first of <see cref="ArchitectureColumns.Candidates"/>.</summary>
    public string? ArchitectureColumn { get; init; }

    /// <summary>The search space of every architecture; null to detect it for each row.</summary>
    public SearchSpace? SearchSpace { get; init; }

    /// <summary>
    /// The text encoding of the file, or null for UTF-8. A byte-order mark overrides it in delimited text. UTF-8, given
    /// or by default, rejects the file at its first invalid byte instead of storing replacement characters.
    /// </summary>
    public Encoding? Encoding { get; init; }

    /// <summary>
    /// Whether text values of the form digits, comma, digits, such as 93,5 from a spreadsheet saved under de-DE, are
    /// read as numbers with a decimal comma. The architecture column is never read so, because MLP widths such as
    /// 64,128 have that form.
    /// </summary>
    public bool DecimalComma { get; init; }

    /// <summary>
    /// The input dimension of MLP rows whose InputDimension column is missing or empty; null for
    /// <see cref="MlpFields.DefaultInputDimension"/>, which a warning then reports.
    /// </summary>
    public long? InputDimension { get; init; }

    /// <summary>Whether an existing benchmark of the same name is replaced rather than rejected.</summary>
    public bool Replace { get; init; }
}
