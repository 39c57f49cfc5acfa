using Pipeline.Charts;
using Pipeline.Intensity;
using Pipeline.Reports;
using Pipeline.Tests.Reports;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Charts;

/// <summary>
/// The mention-windows chart (one subplot per studied mention): its bars are rebuilt from the events, so the means it
/// draws must be the study's own before and after means; its subplots carry the timeline's and forest's numbers.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public sealed class MentionWindowChartTests
{
    [Fact]
    public void Drawn_means_are_the_studys_before_and_after_means_on_the_default_data()
    {
        var studied = AssertMeansMatchStudy(ReportRun.Default());
        Assert.True(studied >= 5, $"{studied} mentions drawn");
    }

    [Fact]
    public void Drawn_means_follow_the_study_under_the_spread_policy_and_month_bins_too()
    {
        var a = ReportAnalysis.Run(ReportRun.Inputs() with { Intensity = new() { Bin = BinUnit.Month, Imprecise = ImprecisePolicy.Spread }, Study = EventStudyOptions.Default with { Window = 3 } });
        Assert.True(AssertMeansMatchStudy(a) > 0);
    }

    [RealDataFact]
    public void Drawn_means_are_the_studys_means_on_the_real_UCDP_file_and_ACLED_gets_a_note()
    {
        var a = ReportAnalysis.Run(ReportRun.Inputs(
            TestPaths.Real("ucdp-ged-libya/conflict_libya.csv"),
            TestPaths.Real("acled-libya-2011-2012/2011-01-31-2012-03-01-Libya.csv")));
        var drawn = AssertMeansMatchStudy(a);
        Assert.True(drawn >= 5, $"{drawn} mentions drawn"); // 7 of the 14 on UCDP GED's Libya file

        // The ACLED extract ends in 2012, before every mention of the article: one note, no empty subplots.
        var acled = ReportWriter.MentionWindows(a)[1];
        Assert.Equal("mention-windows-acled", acled.Name);
        Assert.Equal(0, acled.TraceCount);
        Assert.Contains(acled.Layout.Annotations!, n => n.Name == MentionWindowChart.NothingComputableName);
    }

    [RealDataFact]
    public void Drawn_means_are_the_studys_means_on_the_real_ACLED_file_for_mentions_moved_into_its_coverage()
    {
        // The article's mentions all postdate the ACLED extract (2011-02-15 .. 2012-03-01), so two of them are moved
        // into it in a copy of the catalog (2011-08-20 and 2011-10-20), to check the chart against ACLED's own counting.
        using var tmp = new TempFolder();
        var json = File.ReadAllText(Path.Combine(ReportRun.Articles, "2020-01-03-daily-sabah-libya-turkey.json"))
            .Replace("\"start\": \"2014-02-14\",\n      \"end\": \"2014-02-14\"", "\"start\": \"2011-08-20\",\n      \"end\": \"2011-08-20\"", StringComparison.Ordinal)
            .Replace("\"start\": \"2014-05-16\",\n      \"end\": \"2014-05-16\"", "\"start\": \"2011-10-20\",\n      \"end\": \"2011-10-20\"", StringComparison.Ordinal);
        Directory.CreateDirectory(tmp["articles"]);
        File.WriteAllText(tmp["articles/article.json"], json);
        Assert.Contains("2011-10-20", json, StringComparison.Ordinal);
        var a = ReportAnalysis.Run(ReportRun.Inputs(TestPaths.Real("acled-libya-2011-2012/2011-01-31-2012-03-01-Libya.csv")) with { ArticlesFolder = tmp["articles"] });
        Assert.Equal(2, AssertMeansMatchStudy(a));
    }

    [Fact]
    public void Subplots_are_titled_with_the_forest_rows_numbers_in_date_order()
    {
        var a = ReportRun.Default();
        var chart = ReportWriter.MentionWindows(a).Single();
        var forest = ReportWriter.ForestOf(a.Sources[0]);
        var rows = forest.Layout.YAxis!.CategoryArray!;
        var titles = chart.Layout.Annotations!.Where(n => n.Name!.StartsWith("title-", StringComparison.Ordinal)).ToList();
        var computable = a.Sources[0].Study.Where(r => r.Events is not null).ToList();
        Assert.Equal(computable.Count, titles.Count);
        foreach (var t in titles)
        {
            Assert.Contains(t.Text!, rows); // "N. Short title (date)", the same N as the forest row (and the timeline label)
        }

        var numbers = titles.Select(t => int.Parse(t.Text![..t.Text!.IndexOf('.', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers.Order(), numbers);
        Assert.True(numbers[^1] > titles.Count || numbers.SequenceEqual(Enumerable.Range(1, titles.Count)), "the numbering is over every mention, not renumbered");
    }

    [Fact]
    public void Height_grows_with_the_rows_so_each_subplot_keeps_its_size()
    {
        var a = ReportRun.Default();
        var chart = ReportWriter.MentionWindows(a).Single();
        var panels = a.Sources[0].Study.Count(r => r.Events is not null);
        var rows = (panels + 1) / 2;
        Assert.True(chart.Layout.Height >= rows * MentionWindowChart.RowPx, $"height {chart.Layout.Height} for {rows} rows");
        var plot = chart.Layout.Height!.Value - chart.Layout.Margin!.T - chart.Layout.Margin.B;
        var axes = new[] { chart.Layout.YAxis! }.Concat(chart.Layout.MoreAxes!.Select(x => x.Y)).ToList();
        Assert.Equal(panels, axes.Count);
        Assert.All(axes, y => Assert.True((y.Domain![1] - y.Domain[0]) * plot >= 150, $"a subplot {(y.Domain[1] - y.Domain[0]) * plot:0} px tall"));
        Assert.Contains("\"xaxis2\":", chart.FigureJson, StringComparison.Ordinal);
        Assert.Contains($"\"yaxis{panels}\":", chart.FigureJson, StringComparison.Ordinal);
    }

    [Fact]
    public void No_computable_mention_gives_one_note_and_no_subplots()
    {
        var chart = MentionWindowChart.Build([], 14, synthetic: false);
        Assert.Equal(0, chart.TraceCount);
        var note = Assert.Single(chart.Layout.Annotations!);
        Assert.Equal(MentionWindowChart.NothingComputableName, note.Name);
        Assert.Contains("none of the 14 mentions", note.Text, StringComparison.Ordinal);
        Assert.Null(chart.Layout.MoreAxes);
    }

    /// <summary>For every source and every computable mention, the drawn before/after mean segments equal the study's means (1e-9); returns how many mentions were drawn.</summary>
    private static int AssertMeansMatchStudy(ReportAnalysis a)
    {
        var charts = ReportWriter.MentionWindows(a);
        Assert.Equal(a.Sources.Count, charts.Count);
        var drawn = 0;
        foreach (var (s, chart) in a.Sources.Zip(charts))
        {
            Assert.Equal($"mention-windows-{s.Source.Slug}", chart.Name);
            var computable = s.Study.Where(r => r.Events is not null).ToList();
            foreach (var r in computable)
            {
                Assert.Equal(r.Events!.Before, Mean(chart, MentionWindowChart.BeforeMeanName, r.Target.Id), 1e-9);
                Assert.Equal(r.Events.After, Mean(chart, MentionWindowChart.AfterMeanName, r.Target.Id), 1e-9);
                var bars = chart.Data.OfType<BarTrace>().Where(t => t.CustomData![0] == r.Target.Id).ToList();
                Assert.Equal([r.BinsBefore, r.BinsAfter], bars.Select(b => b.Y!.Numbers!.Count));
            }

            Assert.Equal(4 * computable.Count, chart.TraceCount);
            drawn += computable.Count;
        }

        return drawn;
    }

    private static double Mean(ChartFigure chart, string name, string id)
    {
        var trace = chart.Data.OfType<ScatterTrace>().Single(t => t.Name == name && t.CustomData![0] == id);
        var y = trace.Y!.Numbers!;
        Assert.Equal(y[0], y[1]);
        return y[0]!.Value;
    }
}
