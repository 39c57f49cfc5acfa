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
        Assert.Equal(FigureParts.SyntheticTitlePrefix + panel.Title, json.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
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
    public void Names_every_mention_outside_coverage_in_full_in_a_note_below_the_plot_that_the_chart_is_sized_for()
    {
        var json = Parse(TimelineChart.Build(Weekly(), Views(), synthetic: false).FigureJson);
        var note = Annotations(json).Single(a => a.GetProperty("name").GetString() == TimelineChart.NotDrawnAnnotationName);
        var lines = note.GetProperty("text").GetString()!.Split("<br>");

        Assert.Equal(["Not drawn, outside this source's coverage:", "1. ¶6 Chad–Libya conflict (1978 .. 1987)", "2. ¶6 death sentence (1993)"], lines);
        Assert.Equal("top", note.GetProperty("yanchor").GetString());
        var bottom = json.GetProperty("layout").GetProperty("margin").GetProperty("b").GetInt32();
        Assert.True(-note.GetProperty("yshift").GetInt32() + (15 * lines.Length) <= bottom, "the note must fit in the bottom margin");
        Assert.DoesNotContain(Shapes(json), s => s.GetProperty("name").GetString() is "mention-chad-libya" or "mention-death-sentence");
    }

    [Fact]
    public void Names_mentions_inside_coverage_but_beyond_the_charted_range_instead_of_dropping_them()
    {
        var series = IntensityCalculator.Compute([Ev("2019-01-03")], IntensityOptions.Default, D("2019-01-01"), D("2019-03-31"));
        var json = Parse(TimelineChart.Build(series, Views(), synthetic: false).FigureJson);
        var text = Annotations(json).Single(a => a.GetProperty("name").GetString() == TimelineChart.NotDrawnAnnotationName).GetProperty("text").GetString()!;

        Assert.Contains("Not drawn, outside the charted range:<br>3. ¶5 Haftar's offensive on Tripoli (2019-04-04)", text);
        Assert.Contains("5. ¶8 GNA asks Turkey for support (2019-12)", text);
        Assert.DoesNotContain(TimelineChart.MentionsTraceName, TraceNames(json));
        Assert.Empty(Shapes(json));
    }

    [Fact]
    public void Numbers_every_mention_in_date_order_and_labels_the_drawn_ones_with_their_number()
    {
        var views = Views();
        var json = Parse(TimelineChart.Build(Weekly(), views, synthetic: false).FigureJson);
        var marks = Trace(json, TimelineChart.MentionsTraceName);

        Assert.Equal(["chad-libya", "death-sentence", "tripoli-offensive", "wagner", "gna-request"], TimelineChart.Number(views).Select(n => n.View.Mention.Id));
        Assert.Equal([1, 2, 3, 4, 5], TimelineChart.Number(views).Select(n => n.Number));
        Assert.Equal(["3", "4", "5"], Strings(marks.GetProperty("text")));
        Assert.Equal("markers+text", marks.GetProperty("mode").GetString());
        Assert.StartsWith("3. ¶5", Strings(marks.GetProperty("hovertext"))[0]);
    }

    [Fact]
    public void Puts_labels_that_would_touch_in_different_rows_and_far_apart_ones_in_the_first()
    {
        // A year on a 600 px plot: a 26 px label is about 16 days wide.
        var rows = TimelineChart.LabelRows([D("2019-04-04"), D("2019-04-10"), D("2019-04-12"), D("2019-06-01"), D("2019-04-30")], D("2019-01-01"), D("2019-12-31"));

        Assert.Equal([0, 1, 2, 0, 0], rows);
    }

    [Fact]
    public void Places_label_rows_above_the_data_inside_a_fixed_y_range()
    {
        var json = Parse(TimelineChart.Build(Weekly(), Views(), synthetic: false).FigureJson);
        var y = json.GetProperty("layout").GetProperty("yaxis").GetProperty("range").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var labels = Trace(json, TimelineChart.MentionsTraceName).GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var top = Weekly().Events.Concat(Weekly().ImpreciseEvents).Max();

        Assert.Equal(0, y[0]);
        Assert.All(labels, v => Assert.InRange(v, top * 1.01, y[1]));
    }

    [Fact]
    public void Shares_the_x_axis_given_so_source_panels_line_up_and_titles_it_in_words()
    {
        var json = Parse(TimelineChart.Build(Weekly(), Views(), synthetic: false, axis: (D("2018-01-01"), D("2020-12-31"))).FigureJson);
        var x = json.GetProperty("layout").GetProperty("xaxis");

        Assert.Equal(["2018-01-01", "2021-01-01"], Strings(x.GetProperty("range")));
        Assert.Equal("Week starting (Monday)", x.GetProperty("title").GetProperty("text").GetString());
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
