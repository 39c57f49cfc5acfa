using Pipeline.Intensity;
using Pipeline.Reports;

namespace Pipeline.Tests.Reports;

/// <summary>The report's sensitivity table, window events and page section on the default (synthetic) data.</summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public class ReportSensitivityTests
{
    [Fact]
    public void The_primary_rows_are_the_reports_own_study_and_every_mention_has_every_setting()
    {
        var a = ReportRun.Default();
        var rows = a.Sensitivity.Rows;
        Assert.Equal(a.Mentions.Count * (Sensitivity.Settings.Count + 1), rows.Count);
        Assert.All(rows, r => Assert.Equal(a.Sources.Single().Name, r.Source));
        foreach (var r in a.Study)
        {
            var primary = rows.Single(x => x.MentionId == r.Target.Id && x.IsPrimary && x.Comparison == SensitivityComparison.Study);
            Assert.Equal(r.Events?.PValue is null ? null : r.Events.Difference, primary.Difference);
            Assert.Equal(r.Events?.DifferenceLow, primary.Low);
            Assert.Equal(r.Events?.PValue, primary.PValue);
            if (!primary.IsComputable)
            {
                Assert.StartsWith("not computable: ", primary.Note);
                Assert.All(rows.Where(x => x.MentionId == r.Target.Id), x => Assert.Null(x.SignDiffersFromPrimary));
            }
        }

        var egypt = rows.Where(r => r.MentionId == "egypt-coup-2013").ToList();
        Assert.All(egypt, r => Assert.False(r.IsComputable));
        Assert.All(egypt, r => Assert.StartsWith("not computable: not in the data's scope", r.Note));
    }

    [Fact]
    public void The_counted_window_events_add_up_to_the_studys_before_and_after_means()
    {
        var a = ReportRun.Default();
        var studied = a.Study.Where(r => r.Window is not null && r.Events is not null).ToList();
        Assert.NotEmpty(studied);
        foreach (var r in studied)
        {
            var events = a.Sensitivity.Events.Where(e => e.MentionId == r.Target.Id && e.Count == WindowEventCount.Counted).ToList();
            Assert.Equal(r.Events!.Before * r.BinsBefore, events.Count(e => e.Window == StudyWindowSide.Before), 9);
            Assert.Equal(r.Events.After * r.BinsAfter, events.Count(e => e.Window == StudyWindowSide.After), 9);
            Assert.Equal(r.Fatalities!.After * r.BinsAfter, events.Where(e => e.Window == StudyWindowSide.After).Sum(e => e.Event.Fatalities), 9);
            var band = a.Sensitivity.Events.Where(e => e.MentionId == r.Target.Id && e.Count == WindowEventCount.ImpreciseBand).ToList();
            Assert.Equal(r.Imprecise!.BeforeEvents, band.Count(e => e.Window == StudyWindowSide.Before));
            Assert.Equal(r.Imprecise.AfterEvents, band.Count(e => e.Window == StudyWindowSide.After));
        }
    }

    [Fact]
    public void The_tables_have_the_documented_columns_and_the_page_a_sensitivity_section_with_the_generated_method_note()
    {
        var a = ReportRun.Default();
        var tables = ReportTables.Build(a);
        var sensitivity = tables.Single(t => t.Name == "sensitivity");
        Assert.Equal(["mention_id", "source", "bin", "k", "imprecise", "comparison", "events_difference", "low", "high", "p", "sign_differs_from_primary", "note"], sensitivity.Columns);
        Assert.Equal(a.Sensitivity.Rows.Count, sensitivity.RowCount);
        Assert.Contains(sensitivity.Rows, r => r[5] == "pre-trend" && r[6] != "");
        Assert.Equal(a.Sensitivity.Events.Count, tables.Single(t => t.Name == "window_events").RowCount);

        var html = HtmlReport.Render(a, [], "", ReportWriter.Parameters(a));
        Assert.Contains("<h2 id=\"sensitivity\">", html);
        Assert.Contains("chart-sensitivity-", html);
        Assert.Contains("SYNTHETIC DATA", html);
        Assert.Contains("ACLED events with time_precision 3 are dated more coarsely than week bins", html);
        Assert.DoesNotContain("time_precision 2–3", html);
    }
}
