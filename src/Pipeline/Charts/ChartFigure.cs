using System.Text.RegularExpressions;
using Plotly.NET;

namespace Pipeline.Charts;

/// <summary>
/// A finished chart: the Plotly.NET <see cref="GenericChart"/> a notebook displays, and the figure JSON a report
/// embeds. Both come from one object so the notebook and the report can never show different charts, and the
/// JSON is taken once, at construction, so the report's bytes do not depend on anything done to the chart later.
/// </summary>
public sealed partial record ChartFigure
{
    /// <summary>Wraps a chart and takes its figure JSON.</summary>
    /// <param name="name">A slug (<c>^[a-z0-9][a-z0-9-]*$</c>) used for the HTML id (<c>chart-{name}</c>) and file
    /// names, so ids are stable across runs instead of Plotly.NET's random GUIDs.</param>
    /// <param name="title">The chart's title, for captions and page titles.</param>
    /// <param name="chart">The chart.</param>
    /// <exception cref="ArgumentException">The name is not a slug or the title is blank.</exception>
    public ChartFigure(string name, string title, GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (name is null || !SlugPattern().IsMatch(name))
        {
            throw new ArgumentException($"chart name '{name}' must be a slug such as timeline (lower-case letters, digits, hyphens)", nameof(name));
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new ArgumentException("a chart needs a title", nameof(title));
        }

        Name = name;
        Title = title;
        Chart = chart;
        TraceCount = GenericChart.countTrace(chart);

        // Plotly.NET writes the figure with Newtonsoft.Json in property insertion order, without ids or times:
        // the same traces and layout give the same text.
        FigureJson = GenericChart.toFigureJson(chart);
    }

    /// <summary>Slug for ids and file names (e.g. <c>timeline</c>).</summary>
    public string Name { get; }

    /// <summary>Title, as shown on the chart (plain text; data parts escaped for Plotly's text markup).</summary>
    public string Title { get; }

    /// <summary>The Plotly.NET chart, for notebooks.</summary>
    public GenericChart Chart { get; }

    /// <summary>Number of traces, so reports and browser tests can check what was drawn.</summary>
    public int TraceCount { get; }

    /// <summary>The figure (<c>data</c>, <c>layout</c>, <c>frames</c>) as JSON, deterministic for the same input.</summary>
    public string FigureJson { get; }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex SlugPattern();
}
