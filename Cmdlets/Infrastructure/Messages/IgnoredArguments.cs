using System.Collections.Generic;
using Canopy.Architectures;

namespace Canopy.Commands.Infrastructure;

/// <summary>
/// Counts the architectures that a network argument does not apply to: -Dataset sets the network of cell-based
/// architectures only, and -InputDimension the input of fully connected networks only. One warning each reports them.
/// </summary>
internal sealed class IgnoredArguments
{
    private readonly bool _datasetGiven;
    private readonly bool _inputDimensionGiven;
    private long _mlpsWithDataset;
    private long _cellsWithInputDimension;

    public IgnoredArguments(bool datasetGiven, bool inputDimensionGiven)
    {
        _datasetGiven = datasetGiven;
        _inputDimensionGiven = inputDimensionGiven;
    }

    /// <summary>Counts the architecture when a given argument does not apply to it.</summary>
    public void Count(Architecture architecture)
    {
        bool mlp = architecture is MlpArchitecture;
        _mlpsWithDataset += _datasetGiven && mlp ? 1 : 0;
        _cellsWithInputDimension += _inputDimensionGiven && !mlp ? 1 : 0;
    }

    /// <summary>Returns one warning for each argument that some architectures ignored.</summary>
    /// <param name="dataset">The name given with -Dataset.</param>
    /// <param name="inputDimension">The number given with -InputDimension.</param>
    public IEnumerable<string> Describe(string dataset, long inputDimension)
    {
        if (_mlpsWithDataset > 0)
        {
            string mlps = _mlpsWithDataset == 1
                ? "1 MLP, whose input dimension comes from its string or -InputDimension"
                : $"{_mlpsWithDataset:N0} MLPs, whose input dimensions come from their strings or -InputDimension";
            yield return $"-Dataset {dataset} sets the benchmark network of cell-based architectures, so it did not change the scores of {mlps}.";
        }

        if (_cellsWithInputDimension > 0)
        {
            string cells = _cellsWithInputDimension == 1
                ? "1 cell-based architecture, whose input comes from -Dataset"
                : $"{_cellsWithInputDimension:N0} cell-based architectures, whose input comes from -Dataset";
            yield return $"-InputDimension {inputDimension} sets the input of fully connected networks, so it did not change the scores of {cells}.";
        }
    }
}
