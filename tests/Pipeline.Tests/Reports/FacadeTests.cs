using Pipeline.Tests.Support;
using Pipeline.Charts;
using Pipeline.Events;
using Pipeline.Intensity;
using Pipeline.Reports;

namespace Pipeline.Tests.Reports;

/// <summary>
/// The notebook facade (<see cref="Load"/>, <see cref="EventData"/>, <see cref="Steps"/>): each step is one call, gives
/// what the report computes and draws, and SYNTHETIC comes from the data, never from the caller.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public sealed class FacadeTests
{
    private const string ArticleId = "daily-sabah-2020-01-03-libya";

    private static string Synthetic(ChartFigure f) => f.FigureJson.Contains(FigureParts.SyntheticText, StringComparison.Ordinal) ? "synthetic" : "real";

    [Fact]
    public void Analyse_gives_the_report_analysis_and_the_facade_charts_are_the_reports_charts_byte_for_byte()
    {
        var analysis = Load.Events(ReportRun.DefaultEvents).Analyse(Load.Article(ArticleId), "week", 4, 20200103);
        var report = ReportRun.Default();

        Assert.Equal(report.Inputs, analysis.Inputs with { EventFiles = report.Inputs.EventFiles, Actors = report.Inputs.Actors });
        Assert.Equal(report.Inputs.EventFiles, analysis.Inputs.EventFiles);
        var facade = analysis.TimelineCharts().Concat(analysis.EventTypeCharts()).Concat(analysis.Admin1HeatmapCharts()).Concat(analysis.ForestCharts())
            .Concat(analysis.MentionWindowCharts()).Concat(analysis.FatalitiesCharts()).Concat(analysis.ActorCharts()).Concat(analysis.MapCharts()).ToList();
        var written = ReportWriter.Charts(report);
        Assert.Equal(written.Select(f => f.Name), facade.Select(f => f.Name));
        Assert.Equal(written.Select(f => f.FigureJson), facade.Select(f => f.FigureJson));
        Assert.All(facade, f => Assert.Equal("synthetic", Synthetic(f)));
        Assert.Equal("SYNTHETIC DATA - synthetic ACLED-format (libya-2011-2020.synthetic.acled.csv): 14203 events, 2011-01-01 .. 2020-06-30; 14 mentions", analysis.Overview());
    }

    [Fact]
    public void Bin_window_and_seed_reach_the_study_and_a_relative_path_is_taken_from_the_repository_root()
    {
        var relative = Path.Combine("data", "events", ProjectPaths.DefaultEventsFileName);
        var events = Load.Events(relative);
        Assert.Equal(ReportRun.DefaultEvents, events.Single().File);
        var analysis = events.Analyse(Load.Article(ArticleId), "month", 3, 7);
        Assert.Equal(BinUnit.Month, analysis.Inputs.Intensity.Bin);
        Assert.Equal(3, analysis.Inputs.Study.Window);
        Assert.Equal(7UL, analysis.Inputs.Study.Seed);
        Assert.Equal(TestPaths.Project.Articles, analysis.Inputs.ArticlesFolder);
    }

    [Fact]
    public void Exploring_one_file_draws_its_charts_with_the_mark_only_when_the_file_is_synthetic()
    {
        var synthetic = Load.EventFile(ReportRun.DefaultEvents);
        var real = Load.EventFile(TestPaths.Events("acled-2023-na-cells.csv"));
        var article = Load.Article(ArticleId);
        Assert.False(real.IsSynthetic);

        Assert.Equal("synthetic", Synthetic(synthetic.EventTypeChart("month")));
        Assert.Equal("synthetic", Synthetic(synthetic.TimelineChart(article, "month")));
        Assert.Equal("real", Synthetic(real.EventTypeChart("month")));
        Assert.Equal("real", Synthetic(real.TimelineChart(article, "month")));
        Assert.StartsWith("SYNTHETIC DATA - ", synthetic.Overview(), StringComparison.Ordinal);
        Assert.DoesNotContain("SYNTHETIC", real.Overview(), StringComparison.Ordinal);
        Assert.Equal(synthetic.Loaded, synthetic.EventTypes("month").Sum(s => (int)s.TotalEvents));
        Assert.Equal(synthetic.Summary().Loaded, synthetic.Loaded);
    }

    [Fact]
    public void Sensitivity_chart_defaults_to_the_first_computable_mention_and_names_the_ones_there_are_when_asked_for_another()
    {
        var analysis = Load.Events(ReportRun.DefaultEvents).Analyse(Load.Article(ArticleId));
        var first = analysis.Sensitivity.Rows.First(r => r.IsComputable).MentionId;
        Assert.Equal($"sensitivity-{first}", analysis.SensitivityChart().Name);
        Assert.Equal("sensitivity-operation-dignity-2014", analysis.SensitivityChart("operation-dignity-2014").Name);
        Assert.Equal("synthetic", Synthetic(analysis.SensitivityChart()));
        var e = Assert.Throws<ArgumentException>(() => analysis.SensitivityChart("egypt-coup-2013"));
        Assert.Contains("no computable sensitivity setting for mention 'egypt-coup-2013'", e.Message, StringComparison.Ordinal);
        Assert.Contains(first, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_calls_say_what_to_pass()
    {
        Assert.Contains("Load.Events(\"data/events/", Assert.Throws<ArgumentException>(() => Load.Events()).Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<ArgumentException>(() => Load.Article("no-such-article"));
        Assert.Contains("unknown article 'no-such-article'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains(ArticleId, unknown.Message, StringComparison.Ordinal);
        var events = Load.Events(ReportRun.DefaultEvents);
        Assert.Equal("seed", Assert.Throws<ArgumentOutOfRangeException>(() => events.Analyse(Load.Article(ArticleId), seed: -1)).ParamName);
        Assert.Contains("unknown bin 'fortnight'", Assert.Throws<ParameterException>(() => events.Analyse(Load.Article(ArticleId), "fortnight")).Message, StringComparison.Ordinal);
        var empty = Assert.Throws<EventFileException>(() => Load.EventFile(TestPaths.Events("acled-header-only.csv")));
        Assert.Contains("acled-header-only.csv:1: the file has a header but no data rows", empty.Message, StringComparison.Ordinal); // the loader's located message, unchanged
    }

    [RealDataFact]
    public void Each_source_of_a_synthetic_and_a_real_file_carries_its_own_mark_into_its_charts()
    {
        var events = Load.Events(ReportRun.DefaultEvents, TestPaths.Real("ucdp-ged-libya/conflict_libya.csv"));
        Assert.True(events.IsSynthetic);
        Assert.Equal(2, events.Overview.Split('\n').Length);
        var analysis = events.Analyse(Load.Article(ArticleId));
        Assert.Equal(["synthetic", "real"], analysis.TimelineCharts().Select(Synthetic));
        Assert.Equal(["synthetic", "real"], analysis.ForestCharts().Select(Synthetic));
        Assert.Equal(["synthetic", "real"], analysis.MentionWindowCharts().Select(Synthetic));
        Assert.Equal(["synthetic", "real"], analysis.FatalitiesCharts().Select(Synthetic));
        Assert.Equal(["synthetic", "real"], analysis.ActorCharts().Select(Synthetic));
    }
}
