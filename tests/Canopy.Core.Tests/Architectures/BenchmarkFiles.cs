using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Canopy.Tests.Statistics;
using CsvHelper;

namespace Canopy.Tests.Architectures;

/// <summary>Reads one benchmark CSV file into rows of column name → text; null when the data folder is absent.</summary>
internal static class BenchmarkFiles
{
    public static List<Dictionary<string, string>>? Read(string folder, string file)
    {
        string? directory = TestData.Find(folder);
        if (directory is null)
        {
            return null;
        }

        using var reader = new StreamReader(Path.Combine(directory, file));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        string[] header = csv.HeaderRecord!;

        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(name => name, name => csv.GetField(name) ?? string.Empty));
        }

        return rows;
    }
}
