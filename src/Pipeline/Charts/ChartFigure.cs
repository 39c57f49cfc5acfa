using System.Text.RegularExpressions;

namespace Pipeline.Charts;

/// <summary>
/// A finished chart: its traces and layout, and the figure JSON (<c>{"data":…,"layout":…,"frames":[]}</c>, the
/// shape plotly.js and the <c>application/vnd.plotly.v1+json</c> MIME type read) that reports, notebooks and the
/// PNG renderer all draw. The JSON is taken once, at construction, so what is shown never depends on anything done
/// to the traces or layout later.
/// </summary>
public sealed partial record ChartFigure
{
    /// <summary>Puts traces and a layout into a figure and takes its JSON.</summary>
    /// <param name="name">A slug (<c>^[a-z0-9][a-z0-9-]*$</c>) used for the HTML id (<c>chart-{name}</c>) and file
    /// names, so ids are stable across runs.</param>
    /// <param name="title">The chart's title, for captions and page titles.</param>
    /// <param name="data">The traces, in drawing order.</param>
    /// <param name="layout">The layout; an empty one when <c>null</c>. A synthetic mark in it is placed in the bottom
    /// margin and the title prefixed with SYNTHETIC DATA (<see cref="FigureParts.PlaceSynthetic"/>).</param>
    /// <exception cref="ArgumentException">The name is not a slug or the title is blank.</exception>
    internal ChartFigure(string name, string title, IReadOnlyList<Trace> data, Layout? layout = null)
    {
        ArgumentNullException.ThrowIfNull(data);
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
        Data = [.. data];
        Layout = FigureParts.PlaceSynthetic(layout ?? new Layout());
        TraceCount = Data.Count;
        FigureJson = new Figure(Data, Layout).ToJson();
    }

    /// <summary>Slug for ids and file names (e.g. <c>timeline</c>).</summary>
    public string Name { get; }

    /// <summary>Title, as shown on the chart (plain text; data parts escaped for Plotly's text markup).</summary>
    public string Title { get; }

    /// <summary>The traces, in drawing order.</summary>
    internal IReadOnlyList<Trace> Data { get; private init; }

    /// <summary>The layout.</summary>
    internal Layout Layout { get; }

    /// <summary>True when the figure draws a map (a geo trace): then the page must hand plotly.js the world outlines
    /// (<see cref="PlotlyAssets.GeoAssetsScript"/>) before drawing it, or plotly.js would fetch them from its CDN.</summary>
    public bool IsMap => Data.Any(t => t is ScatterGeoTrace);

    /// <summary>Number of traces, so reports and browser tests can check what was drawn.</summary>
    public int TraceCount { get; private init; }

    /// <summary>The figure (<c>data</c>, <c>layout</c>, <c>frames</c>) as JSON, deterministic for the same input.</summary>
    public string FigureJson { get; private init; }

    /// <summary>The same figure (the same JSON) under another name, e.g. when one chart is shown twice on a page.</summary>
    /// <exception cref="ArgumentException">The name is not a slug.</exception>
    public ChartFigure Renamed(string name) => new ChartFigure(name, Title, [], Layout) with { Data = Data, TraceCount = TraceCount, FigureJson = FigureJson };

    /// <summary>
    /// This figure as one source's panel: named <c>{name}-{slug}</c> and titled "{title} — {source}" on the chart
    /// and in captions. This figure is not changed.
    /// </summary>
    /// <exception cref="ArgumentException">The slug does not make a valid name.</exception>
    public ChartFigure ForSource(string slug, string source)
    {
        var title = $"{Title} — {source}";
        return new ChartFigure($"{Name}-{slug}", title, Data, Layout with { Title = new(PlotlyText.Data(title)) });
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex SlugPattern();
}
