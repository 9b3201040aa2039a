using OxyPlot.Axes;
using OxyPlot.Series;

namespace Canopy.Plotting;

/// <summary>
/// A bar whose value label is written in the notation of the value axis. OxyPlot formats bar labels with a format
/// string, which cannot know the axis range, but the string may name a property of the item.
/// </summary>
internal sealed class AxisValueBarItem : BarItem
{
    /// <summary>The bar label format string that draws <see cref="ValueLabel"/>.</summary>
    /// <remarks>
    /// OxyPlot 2.2's StringHelper.Format passes the text of the property through string.Format once more, so the
    /// label must not contain braces. <see cref="AxisNumberFormat.FormatValue"/> writes none.
    /// </remarks>
    public const string LabelFormatString = "{" + nameof(ValueLabel) + "}";

    private readonly Axis _valueAxis;

    public AxisValueBarItem(double value, int categoryIndex, Axis valueAxis)
        : base(value, categoryIndex)
    {
        _valueAxis = valueAxis;
    }

    /// <summary>The value as <see cref="AxisNumberFormat.FormatValue"/> writes it for the range the axis draws.</summary>
    public string ValueLabel => AxisNumberFormat.FormatValue(Value, _valueAxis.ActualMinimum, _valueAxis.ActualMaximum);
}
