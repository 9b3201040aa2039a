using System;
using System.Collections.Generic;
using System.Globalization;
using Canopy.Regions;

namespace Canopy.Architectures;

/// <summary>
/// A fully connected ReLU network given by its input dimension and hidden widths. The canonical form is
/// <c>mlp:&lt;input dimension&gt;:&lt;widths joined by '-'&gt;</c>, for example <c>mlp:3072:64-128-64</c>.
/// </summary>
public sealed class MlpArchitecture : Architecture
{
    private const string Prefix = "mlp:";

    private MlpArchitecture(FullyConnectedNetwork network)
    {
        Network = network;
        Canonical = Prefix + network.InputDimension.ToString(CultureInfo.InvariantCulture) + ":" + network.WidthsText;
    }

    public override SearchSpace SearchSpace => SearchSpace.Mlp;

    public override string Canonical { get; }

    /// <summary>The network the region counts and costs are computed for.</summary>
    public FullyConnectedNetwork Network { get; }

    public long InputDimension => Network.InputDimension;

    /// <summary>The hidden-layer widths n1..nL.</summary>
    public IReadOnlyList<long> Widths => Network.Widths;

    /// <summary>Creates the architecture after <see cref="FullyConnectedNetwork.Create"/> has checked every size.</summary>
    /// <exception cref="ArgumentException">A size is out of range or there are no hidden layers.</exception>
    public static MlpArchitecture Create(long inputDimension, IEnumerable<long> widths) =>
        new(FullyConnectedNetwork.Create(inputDimension, widths));

    /// <summary>Parses mlp:&lt;input dimension&gt;:&lt;widths&gt;; the widths may be separated by '-', ',' or spaces.</summary>
    /// <exception cref="ArchitectureFormatException">The text is no MLP string, or a size is out of range.</exception>
    public static MlpArchitecture Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();

        if (!trimmed.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            throw Error(text, $"{ArchitectureFormatException.Quote(text)} is not an MLP string; expected mlp:<input dimension>:<hidden widths>, for example mlp:3072:64-128-64.");
        }

        string body = trimmed[Prefix.Length..];
        int colon = body.IndexOf(':');
        if (colon < 0)
        {
            throw Error(text, $"The MLP string {ArchitectureFormatException.Quote(text)} has no ':' between the input dimension and the widths; expected for example mlp:3072:64-128-64.");
        }

        if (!long.TryParse(body.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out long inputDimension))
        {
            throw Error(text, $"The input dimension '{body[..colon]}' of {ArchitectureFormatException.Quote(text)} is not a whole number.");
        }

        try
        {
            return Create(inputDimension, WidthList.Parse(new[] { body[(colon + 1)..] }));
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            throw Error(text, $"Invalid MLP string {ArchitectureFormatException.Quote(text)}: {ExceptionText.Plain(exception)}");
        }
    }

    private static ArchitectureFormatException Error(string text, string message) => new(message, text, SearchSpace.Mlp);
}
