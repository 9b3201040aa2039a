using System.Collections.Generic;
using Canopy.Architectures;

namespace Canopy.Commands.Infrastructure.Messages;

/// <summary>
/// Counts the architectures that a network argument does not apply to: -Dataset sets the network of cell-based
/// architectures only, and -InputDimension the input of fully connected networks without one of their own. One warning
/// each reports them.
/// </summary>
internal sealed class IgnoredArguments
{
    private readonly bool _datasetGiven;
    private readonly long? _inputDimension;
    private long _mlpsWithDataset;
    private long _cellsWithInputDimension;
    private long _mlpsWithOwnDimension;

    /// <param name="datasetGiven">Whether -Dataset was given.</param>
    /// <param name="inputDimension">The number given with -InputDimension, or null when it was not given.</param>
    public IgnoredArguments(bool datasetGiven, long? inputDimension)
    {
        _datasetGiven = datasetGiven;
        _inputDimension = inputDimension;
    }

    /// <summary>Counts the architecture when a given argument does not apply to it.</summary>
    public void Count(Architecture architecture)
    {
        bool mlp = architecture is MlpArchitecture;
        _mlpsWithDataset += _datasetGiven && mlp ? 1 : 0;
        _cellsWithInputDimension += _inputDimension is not null && !mlp ? 1 : 0;

        // An MLP string or InputDimension property gives the network its own input dimension.
        _mlpsWithOwnDimension += architecture is MlpArchitecture { InputDimension: var own } && _inputDimension is { } given && own != given ? 1 : 0;
    }

    /// <summary>Returns one warning for each argument that some architectures ignored.</summary>
    /// <param name="dataset">The name given with -Dataset.</param>
    /// <param name="results">What the command computed for them: "scores", or "counts" for architecture objects.</param>
    public IEnumerable<string> Describe(string dataset, string results = "scores")
    {
        if (_mlpsWithDataset > 0)
        {
            string mlps = _mlpsWithDataset == 1
                ? "1 MLP, whose input dimension comes from its string or -InputDimension"
                : $"{_mlpsWithDataset:N0} MLPs, whose input dimensions come from their strings or -InputDimension";
            yield return $"-Dataset {dataset} sets the benchmark network of cell-based architectures, so it did not change the {results} of {mlps}.";
        }

        if (_cellsWithInputDimension > 0)
        {
            string cells = _cellsWithInputDimension == 1
                ? "1 cell-based architecture, whose input comes from -Dataset"
                : $"{_cellsWithInputDimension:N0} cell-based architectures, whose input comes from -Dataset";
            yield return $"-InputDimension {_inputDimension} sets the input of fully connected networks, so it did not change the {results} of {cells}.";
        }

        if (_mlpsWithOwnDimension > 0)
        {
            string mlps = _mlpsWithOwnDimension == 1
                ? "1 MLP, whose string or InputDimension property gives another input dimension"
                : $"{_mlpsWithOwnDimension:N0} MLPs, whose strings or InputDimension properties give other input dimensions";
            yield return $"-InputDimension {_inputDimension} applies to MLPs without an input dimension of their own, so it did not change the {results} of {mlps}.";
        }
    }
}
