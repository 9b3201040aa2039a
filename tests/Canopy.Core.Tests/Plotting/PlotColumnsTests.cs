using System;
using System.Collections.Generic;
using Canopy.Plotting;
using Xunit;

namespace Canopy.Tests.Plotting;

public class PlotColumnsTests
{
    private static List<KeyValuePair<string, object?>> Record(params (string Name, object? Value)[] properties)
    {
        var record = new List<KeyValuePair<string, object?>>();
        foreach ((string name, object? value) in properties)
        {
            record.Add(new KeyValuePair<string, object?>(name, value));
        }

        return record;
    }

    [Fact]
    public void CorrelationDefaultsToFirstAccuracyProperty()
    {
        var record = Record(("ArchitectureString", "|none~0|"), ("CIFAR10TestAccuracy200Epochs", "93.1"), ("CIFAR100TestAccuracy200Epochs", "70"), ("TropicalScore", 4.2));

        PlotColumns columns = PlotColumns.Resolve(PlotKind.Correlation, null, null, null, record);

        Assert.Equal("TropicalScore", columns.X);
        Assert.Equal("CIFAR10TestAccuracy200Epochs", columns.Y);
        Assert.Null(columns.Group);
    }

    [Fact]
    public void CorrelationWithoutAccuracyNeedsY()
    {
        var record = Record(("Architecture", "mlp:3072:64"), ("TropicalScore", 4.2));

        var exception = Assert.Throws<PlotDataException>(() => PlotColumns.Resolve(PlotKind.Correlation, null, null, null, record));

        Assert.Contains("-Y", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Architecture, TropicalScore", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrajectoryPrefersBestTarget()
    {
        var withTarget = Record(("Seed", 1), ("Step", 1), ("Strategy", "Random"), ("BestScore", 3.0), ("BestTarget", 91.2));
        var withoutTarget = Record(("Seed", 1), ("Step", 1), ("Strategy", "Random"), ("BestScore", 3.0), ("BestTarget", null));

        PlotColumns first = PlotColumns.Resolve(PlotKind.Trajectory, null, null, null, withTarget);
        PlotColumns second = PlotColumns.Resolve(PlotKind.Trajectory, null, null, null, withoutTarget);

        Assert.Equal(("Step", "BestTarget", "Strategy", false, "Seed"), (first.X, first.Y, first.Group, first.GroupRequired, first.Seed));
        Assert.Equal("BestScore", second.Y);
    }

    [Fact]
    public void TrajectoryTargetColumnChoosesBestTarget()
    {
        // A search with a benchmark whose first best architecture the benchmark lacks.
        var lookedUp = Record(("Seed", 0), ("Step", 1), ("BestScore", 3.0), ("BestTarget", null), ("TargetColumn", "val_acc"));
        var noBenchmark = Record(("Seed", 0), ("Step", 1), ("BestScore", 3.0), ("BestTarget", null), ("TargetColumn", null));

        Assert.Equal("BestTarget", PlotColumns.Resolve(PlotKind.Trajectory, null, null, null, lookedUp).Y);
        Assert.Equal("BestScore", PlotColumns.Resolve(PlotKind.Trajectory, null, null, null, noBenchmark).Y);
    }

    [Fact]
    public void ModesDefaultsToSpearmanPerProxyByTarget()
    {
        PlotColumns columns = PlotColumns.Resolve(PlotKind.Modes, null, null, null, Record(("Proxy", "params")));

        Assert.Equal(("Target", "Spearman", "Proxy", true), (columns.X, columns.Y, columns.Group, columns.GroupRequired));
    }

    [Fact]
    public void NamedPropertiesOverrideDefaults()
    {
        PlotColumns columns = PlotColumns.Resolve(PlotKind.Modes, "Dataset", "Kendall", "Mode", Record(("Mode", "Generic")));

        Assert.Equal(("Dataset", "Kendall", "Mode"), (columns.X, columns.Y, columns.Group));
    }
}
