using System.Globalization;
using System.Text.Json;
using Pipeline.Charts;
using Pipeline.Tests.Reports;
using Pipeline.Tests.Support;
using static Pipeline.Tests.Charts.ChartSamples;

namespace Pipeline.Tests.Charts;

/// <summary>
/// Every chart's figure parses to the same values as when the charts were property bags (issue 15): the canonical
/// form (<see cref="FigureJson.Canonical"/>: keys sorted, numbers as doubles) of each figure is hashed and compared
/// with <c>Fixtures/charts/figure-json.sha256</c>, taken from the property-bag code. A chart change that is meant
/// to change a figure updates the file (the failure message lists the new lines) and says why in its commit.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public class FigureJsonRegressionTests
{
    [Fact]
    public void Sample_charts_parse_to_the_same_figures_as_before()
    {
        AssertSame(SampleFigures().Select(f => (f.Label, JsonDocument.Parse(f.Figure.FigureJson).RootElement.Clone())));
    }

    /// <summary>Every chart kind built from the hand-made samples, in their awkward cases (empty, script text, UCDP band, source panel).</summary>
    internal static (string Label, ChartFigure Figure)[] SampleFigures() =>
        [
            ("sample-timeline", TimelineChart.Build(Weekly(), Views(), synthetic: true)),
            ("sample-timeline-no-imprecise", TimelineChart.Build(Weekly(withImprecise: false), Views(), synthetic: false)),
            ("sample-timeline-fatalities-band", TimelineChart.Build(WeeklyWithUcdpBand(), Views(), synthetic: false, measure: "fatalities")),
            ("sample-timeline-script", TimelineChart.Build(Weekly(), Views(OpEd(ScriptParaphrase)), synthetic: false)),
            ("sample-event-types", EventTypeChart.Build(ByType(), synthetic: true)),
            ("sample-event-types-empty", EventTypeChart.Build([], synthetic: false)),
            ("sample-admin1-heatmap", Admin1HeatmapChart.Build(ByAdmin1(), synthetic: false, top: 2)),
            ("sample-admin1-heatmap-empty", Admin1HeatmapChart.Build([], synthetic: true)),
            ("sample-forest", ForestChart.Build(StudyResults(), synthetic: true)),
            ("sample-forest-empty", ForestChart.Build([], synthetic: false)),
            ("sample-forest-source", ForestChart.Build(StudyResults(), synthetic: false).ForSource("ucdp-ged", "UCDP GED (x.csv)")),
            ("sample-fatalities-band", FatalitiesChart.Build(WeeklyWithUcdpBand(), [], Pipeline.Events.EventSource.UcdpGed, synthetic: false)),
            ("sample-fatalities", FatalitiesChart.Build(Weekly(), [], Pipeline.Events.EventSource.Acled, synthetic: true)),
            ("sample-actors", ActorChart.Build(ByType(), synthetic: true)),
            ("sample-actors-empty", ActorChart.Build([], synthetic: false)),
            ("sample-mention-windows-empty", MentionWindowChart.Build([], 3, synthetic: false)),
            ("sample-map", MapChart.Build(MapEvents(), MapWindows(), synthetic: true, aggregateOnly: false)),
            ("sample-map-aggregate", MapChart.Build(MapEvents(), MapWindows(), synthetic: false, aggregateOnly: true)),
            ("sample-map-empty", MapChart.Build([], [], synthetic: false, aggregateOnly: false)),
        ];

    [Fact]
    public async Task Default_report_charts_parse_to_the_same_figures_as_before()
    {
        AssertSame(await ReportFigures("default"));
    }

    [RealDataFact]
    public async Task Multi_source_report_charts_parse_to_the_same_figures_as_before()
    {
        AssertSame(await ReportFigures(
            "multi",
            TestPaths.Real("ucdp-ged-libya/conflict_libya.csv"),
            TestPaths.Real("acled-libya-2011-2012/2011-01-31-2012-03-01-Libya.csv")));
    }

    /// <summary>Writes a report (no PNGs) and reads its figures back from the page as (label, figure) pairs.</summary>
    internal static async Task<List<(string Label, JsonElement Figure)>> ReportFigures(string prefix, params string[] events)
    {
        using var tmp = new TempFolder();
        await ReportRun.WriteAsync(ReportRun.Inputs(events), tmp["out"]);
        var html = await File.ReadAllTextAsync(tmp["out/report.html"]);
        return [.. FigureJson.FromPage(html).Select(f => ($"{prefix}/{f.Id}", Figure(f.Data, f.Layout)))];
    }

    private static JsonElement Figure(JsonElement data, JsonElement layout) =>
        JsonDocument.Parse($"{{\"data\":{data.GetRawText()},\"layout\":{layout.GetRawText()}}}").RootElement.Clone();

    private static void AssertSame(IEnumerable<(string Label, JsonElement Figure)> figures)
    {
        var expected = File.ReadAllLines(TestPaths.Fixture("charts", "figure-json.sha256"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2))
            .ToDictionary(p => p[1], p => p[0], StringComparer.Ordinal);
        var actual = figures.Select(f => (f.Label, Hash: FigureJson.Hash(WithoutFrames(f.Figure)))).ToList();
        Assert.NotEmpty(actual);
        var wrong = actual.Where(a => !expected.TryGetValue(a.Label, out var h) || h != a.Hash).ToList();
        Assert.True(
            wrong.Count == 0,
            $"{wrong.Count.ToString(CultureInfo.InvariantCulture)} of {actual.Count.ToString(CultureInfo.InvariantCulture)} figures differ from Fixtures/charts/figure-json.sha256 (or are not listed); their lines now:\n"
            + string.Join("\n", wrong.Select(w => $"{w.Hash} {w.Label}")));
    }

    // A figure read from a page has no frames; one from FigureJson has an empty list: compare data and layout only.
    private static JsonElement WithoutFrames(JsonElement figure) =>
        JsonDocument.Parse($"{{\"data\":{figure.GetProperty("data").GetRawText()},\"layout\":{figure.GetProperty("layout").GetRawText()}}}").RootElement.Clone();
}
