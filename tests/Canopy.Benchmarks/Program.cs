using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;

namespace Canopy.Benchmarks;

/// <summary>
/// Runs one benchmark: `Canopy.Benchmarks &lt;name&gt; [--option value]...`, and prints its figures as one JSON
/// object on standard output, which build/Invoke-Benchmarks.ps1 turns into docs/benchmarks.md.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        Dictionary<string, IBenchmark> benchmarks = typeof(Program).Assembly.GetTypes()
            .Where(type => typeof(IBenchmark).IsAssignableFrom(type) && !type.IsAbstract && !type.IsInterface)
            .Select(type => (IBenchmark)Activator.CreateInstance(type)!)
            .ToDictionary(benchmark => benchmark.Name, StringComparer.OrdinalIgnoreCase);

        if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out IBenchmark? selected))
        {
            Console.Error.WriteLine($"Usage: Canopy.Benchmarks <{string.Join("|", benchmarks.Keys.Order())}> [--option value]...");
            return 2;
        }

        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 1; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        IReadOnlyDictionary<string, object?> figures = selected.Run(options);
        Console.WriteLine(JsonSerializer.Serialize(figures));
        return 0;
    }
}
