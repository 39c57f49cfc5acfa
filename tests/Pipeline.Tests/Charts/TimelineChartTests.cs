using Pipeline.Charts;
using Pipeline.Intensity;
using static Pipeline.Tests.Charts.ChartSamples;

namespace Pipeline.Tests.Charts;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class TimelineChartTests
{
    [Fact]
    public void Draws_events_line_imprecise_bars_and_mention_markers_with_stable_names()
    {
        var figure = TimelineChart.Build(Weekly(), Views(), synthetic: false);
        var json = Parse(figure.FigureJson);

        Assert.Equal("timeline", figure.Name);
        Assert.Equal(["events", "events, imprecise dates", TimelineChart.MentionsTraceName], TraceNames(json));
        Assert.Equal(3, figure.TraceCount);
        Assert.Equal("bar", Trace(json, "events, imprecise dates").GetProperty("type").GetString());
        Assert.Equal(Weekly().Count, Trace(json, "events").GetProperty("y").GetArrayLength());
    }

    [Fact]
    public void A_source_panel_is_the_same_chart_named_and_titled_for_its_source_and_keeps_the_synthetic_mark()
    {
        var panel = TimelineChart.Build(Weekly(), Views(), synthetic: true).ForSource("ucdp-ged", "UCDP GED (conflict_libya.csv)");
        var json = Parse(panel.FigureJson);
        Assert.Equal("timeline-ucdp-ged", panel.Name);
        Assert.EndsWith(" — UCDP GED (conflict_libya.csv)", panel.Title, StringComparison.Ordinal);
        Assert.Equal(panel.Title, json.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(["events", "events, imprecise dates", TimelineChart.MentionsTraceName], TraceNames(json));
        Assert.Contains(json.GetProperty("layout").GetProperty("annotations").EnumerateArray(), a => a.GetProperty("text").GetString() == "SYNTHETIC DATA");
        Assert.Throws<ArgumentException>(() => TimelineChart.Build(Weekly(), Views(), synthetic: false).ForSource("Not A Slug", "x"));
    }

    [Fact]
    public void Leaves_out_the_imprecise_trace_when_every_event_is_precisely_dated()
    {
        var json = Parse(TimelineChart.Build(Weekly(withImprecise: false), Views(), synthetic: false).FigureJson);

        Assert.Equal(["events", TimelineChart.MentionsTraceName], TraceNames(json));
    }

    [Fact]
    public void Shows_the_ucdp_low_high_band_as_a_filled_area_for_fatalities()
    {
        var figure = TimelineChart.Build(WeeklyWithUcdpBand(), Views(), synthetic: false, measure: "fatalities");
        var json = Parse(figure.FigureJson);
        var band = Trace(json, TimelineChart.BandTraceName);

        Assert.Equal("timeline-fatalities", figure.Name);
        Assert.Equal([TimelineChart.BandTraceName, "fatalities", TimelineChart.MentionsTraceName], TraceNames(json));
        Assert.Equal("toself", band.GetProperty("fill").GetString());
        Assert.Equal(2 * WeeklyWithUcdpBand().Count, band.GetProperty("x").GetArrayLength());
    }

    [Fact]
    public void Has_no_band_when_the_measure_is_events()
    {
        var json = Parse(TimelineChart.Build(WeeklyWithUcdpBand(), Views(), synthetic: false).FigureJson);

        Assert.DoesNotContain(TimelineChart.BandTraceName, TraceNames(json));
    }

    [Fact]
    public void Draws_one_vertical_line_per_point_mention_inside_coverage_at_its_date()
    {
        var json = Parse(TimelineChart.Build(Weekly(), Views(), synthetic: false).FigureJson);
        var lines = Shapes(json).Where(s => s.GetProperty("type").GetString() == "line").ToArray();

        var line = Assert.Single(lines);
        Assert.Equal("mention-tripoli-offensive", line.GetProperty("name").GetString());
        Assert.Equal("2019-04-04", line.GetProperty("x0").GetString());
        Assert.Equal("2019-04-04", line.GetProperty("x1").GetString());
        Assert.Equal("paper", line.GetProperty("yref").GetString());
    }

    [Fact]
    public void Shades_one_rectangle_per_period_mention_including_a_month_dated_point()
    {
        var json = Parse(TimelineChart.Build(Weekly(), Views(), synthetic: false).FigureJson);
        var rects = Shapes(json).Where(s => s.GetProperty("type").GetString() == "rect").ToArray();

        Assert.Equal(["mention-wagner", "mention-gna-request"], rects.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal("2019-09-01", rects[0].GetProperty("x0").GetString());
        Assert.Equal("2019-12-01", rects[0].GetProperty("x1").GetString()); // end + 1 day: the last day is shaded whole
        Assert.Equal("2019-12-01", rects[1].GetProperty("x0").GetString());
        Assert.Equal("2020-01-01", rects[1].GetProperty("x1").GetString());
        Assert.All(rects, r => Assert.Equal("paper", r.GetProperty("yref").GetString()));
    }

    [Fact]
    public void Puts_one_hover_marker_per_drawn_mention_with_paraphrase_and_stated_date()
    {
        var views = Views();
        var json = Parse(TimelineChart.Build(Weekly(), views, synthetic: false).FigureJson);
        var marks = Trace(json, TimelineChart.MentionsTraceName);
        var drawn = views.Where(v => v.Coverage != CoverageStatus.Outside).ToList();

        Assert.Equal(drawn.Select(v => v.Mention.Id), Strings(marks.GetProperty("customdata")));
        var hover = Strings(marks.GetProperty("hovertext"));
        Assert.Contains("¶5 Haftar's offensive on Tripoli", hover[0]);
        Assert.Contains("2019-04-04", hover[0]);
        Assert.Contains("Russian mercenaries reported", hover[1]);
        Assert.Contains("2019-09 .. 2019-11", hover[1]);
        Assert.Equal(["2019-04-04", "2019-10-16", "2019-12-16"], Strings(marks.GetProperty("x"))); // periods: middle of the shading
    }

    [Fact]
    public void Names_mentions_outside_coverage_in_a_visible_note()
    {
        var json = Parse(TimelineChart.Build(Weekly(), Views(), synthetic: false).FigureJson);
        var note = Annotations(json).Single(a => a.GetProperty("name").GetString() == TimelineChart.NotDrawnAnnotationName);
        var text = note.GetProperty("text").GetString()!;

        Assert.StartsWith("Outside coverage: ¶6 Chad–Libya conflict (1978 .. 1987);", text);
        Assert.Contains("¶6 death sentence (1993)", text);
        Assert.DoesNotContain(Shapes(json), s => s.GetProperty("name").GetString() is "mention-chad-libya" or "mention-death-sentence");
    }

    [Fact]
    public void Names_mentions_inside_coverage_but_beyond_the_charted_range_instead_of_dropping_them()
    {
        var series = IntensityCalculator.Compute([Ev("2019-01-03")], IntensityOptions.Default, D("2019-01-01"), D("2019-03-31"));
        var json = Parse(TimelineChart.Build(series, Views(), synthetic: false).FigureJson);
        var text = Annotations(json).Single(a => a.GetProperty("name").GetString() == TimelineChart.NotDrawnAnnotationName).GetProperty("text").GetString()!;

        Assert.Contains("Outside the charted range: ¶5 Haftar's offensive on Tripoli (2019-04-04);", text);
        Assert.Contains("GNA asks Turkey for support (2019-12)", text);
        Assert.DoesNotContain(TimelineChart.MentionsTraceName, TraceNames(json));
        Assert.Empty(Shapes(json));
    }

    [Fact]
    public void Escapes_markup_in_a_paraphrase_so_plotly_shows_it_as_text()
    {
        var json = Parse(TimelineChart.Build(Weekly(), Views(OpEd(ScriptParaphrase)), synthetic: false).FigureJson);
        var hover = Strings(Trace(json, TimelineChart.MentionsTraceName).GetProperty("hovertext"))[0];

        Assert.Contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; staged attack", hover);
        Assert.DoesNotContain("<script", hover);
    }

    [Fact]
    public void Rejects_an_unknown_measure()
    {
        var e = Assert.Throws<ArgumentException>(() => TimelineChart.Build(Weekly(), Views(), synthetic: false, measure: "deaths"));
        Assert.Contains("events or fatalities", e.Message);
    }
}
