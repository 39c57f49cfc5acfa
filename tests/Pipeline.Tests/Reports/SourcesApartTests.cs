using System.Globalization;
using Pipeline.Intensity;
using Pipeline.Reports;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Reports;

/// <summary>Each input file analysed apart and shown side by side, never summed (issue 14 part 3).</summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public class SourcesApartTests
{
    private const string Ucdp = "ucdp-ged-libya/conflict_libya.csv";
    private const string Acled = "acled-libya-2011-2012/2011-01-31-2012-03-01-Libya.csv";
    private const string UcdpEgypt = "ucdp-ged-egypt/conflict_egypt.csv";

    [RealDataFact]
    public async Task Ucdp_and_acled_files_are_two_sources_with_their_own_numbers_and_none_is_ever_their_sum()
    {
        using var tmp = new TempFolder();
        var (a, _) = await ReportRun.WriteAsync(ReportRun.Inputs(TestPaths.Real(Ucdp), TestPaths.Real(Acled)), tmp["out"]);
        Assert.Equal(2, a.Sources.Count);
        var (ucdp, acled) = (a.Sources[0], a.Sources[1]);
        Assert.Equal("UCDP GED (conflict_libya.csv)", ucdp.Name);
        Assert.Equal("ACLED (2011-01-31-2012-03-01-Libya.csv)", acled.Name);

        // 2011: 235 UCDP events (3,914 best-estimate deaths) and 705 ACLED events dated in 2011 (6,147 deaths; the 706
        // counts by bin), never their sums 940/941 or 10,061.
        Assert.Equal(235, ucdp.Events.Count(e => e.Date.Year == 2011));
        Assert.Equal(705, acled.Events.Count(e => e.Date.Year == 2011));
        Assert.Equal(3914, ucdp.Events.Where(e => e.Date.Year == 2011).Sum(e => e.Fatalities));
        Assert.Equal(6147, acled.Events.Where(e => e.Date.Year == 2011).Sum(e => e.Fatalities));
        Assert.Equal(1120, Total(tmp["out/tables/intensity.csv"], ucdp.Name, "events"), 6); // every UCDP event, in UCDP's rows only
        Assert.Equal(740, Total(tmp["out/tables/intensity.csv"], acled.Name, "events"), 6);

        // No table and no page holds a summed figure: 940/941, 10061, 1860 (1,120 + 740 events) or 6,147 + 3,914 appear nowhere as a cell.
        foreach (var file in Directory.EnumerateFiles(tmp["out/tables"], "*.csv"))
        {
            var rows = Csv(file);
            Assert.True(rows[0].Contains("source"), $"{Path.GetFileName(file)} has no source column");
            foreach (var row in rows.Skip(1))
            {
                Assert.DoesNotContain(row, c => c is "940" or "941" or "10061" or "1860");
            }
        }

        var html = File.ReadAllText(tmp["out/report.html"]);
        Assert.DoesNotContain(">941<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">1860<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-timeline-ucdp-ged\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-timeline-acled\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-forest-acled\"", html, StringComparison.Ordinal);

        // ACLED's coverage ends 2012-03-01: the 2014–2019 mentions are outside it, yet studied on UCDP.
        Assert.Equal(new Coverage(new DateOnly(2011, 2, 15), new DateOnly(2012, 3, 1)), acled.Coverage.Find("Libya")!.Span);
        Assert.Equal(new Coverage(new DateOnly(2008, 11, 5), new DateOnly(2019, 12, 29)), ucdp.Coverage.Find("Libya")!.Span);
        var study = Csv(tmp["out/tables/event_study.csv"]);
        var h = study[0];
        Assert.Equal(2 * a.Article.Mentions.Count, study.Count - 1); // one row per mention × source
        foreach (var id in new[] { "operation-dignity-2014", "lna-threats-against-turkey-2019", "turkey-gna-memoranda-2019" })
        {
            var rows = study.Where(r => r[h.IndexOf("mention_id")] == id).ToList();
            var u = rows.Single(r => r[h.IndexOf("source")] == ucdp.Name);
            var c = rows.Single(r => r[h.IndexOf("source")] == acled.Name);
            Assert.Equal("outside coverage", c[h.IndexOf("coverage")]);
            Assert.Equal("", c[h.IndexOf("events_difference")]);
            Assert.Equal("", c[h.IndexOf("events_p")]);
            Assert.Equal("", c[h.IndexOf("fatalities_p_holm")]);
            Assert.Contains("outside the data's coverage", c[h.IndexOf("note")], StringComparison.Ordinal);
            Assert.Equal("inside coverage", u[h.IndexOf("coverage")]);
            Assert.NotEqual("", u[h.IndexOf("events_difference")]);
            Assert.NotEqual("", u[h.IndexOf("events_p")]);
            Assert.NotEqual("", u[h.IndexOf("events_p_holm")]);
            Assert.NotEqual("", u[h.IndexOf("events_p_bh")]);
            Assert.NotEqual("", u[h.IndexOf("fatalities_p")]);
        }

        foreach (var column in new[] { "mention_id", "source", "coverage", "events_difference", "events_difference_low", "events_difference_high", "events_p", "events_p_holm", "events_p_bh",
                     "fatalities_difference", "fatalities_difference_low", "fatalities_difference_high", "fatalities_p", "fatalities_p_holm", "fatalities_p_bh", "note" })
        {
            Assert.Contains(column, h);
        }

        // Each row's numbers are that source's own study: the UCDP row of a mention equals UCDP studied alone.
        var alone = ReportAnalysis.Run(ReportRun.Inputs(TestPaths.Real(Ucdp)));
        Assert.Equal(alone.Sources[0].Study.Select(r => r.Events), ucdp.Study.Select(r => r.Events));
        Assert.Equal(alone.Sources[0].Study.Select(r => r.Fatalities), ucdp.Study.Select(r => r.Fatalities));

        // The coverage table states the rule per source and country.
        var coverage = Csv(tmp["out/tables/coverage.csv"]);
        Assert.Equal(["source", "country", "covered_from", "covered_to", "declared", "extracted"], coverage[0]);
        Assert.Contains(coverage, r => r[0] == acled.Name && r[1] == "Libya" && r[3] == "2012-03-01" && r[4].StartsWith("ACLED: Libya from 1997-01-01", StringComparison.Ordinal) && r[5].StartsWith("no fetch provenance file", StringComparison.Ordinal));
        Assert.Contains(coverage, r => r[0] == ucdp.Name && r[4].StartsWith("UCDP GED, version not stated", StringComparison.Ordinal));
        var sources = Csv(tmp["out/tables/sources.csv"]);
        Assert.All(sources.Skip(1), r => Assert.Equal("not stated", r[sources[0].IndexOf("version")]));
        Assert.Contains("No mention was studied by two or more sources", html, StringComparison.Ordinal);

        // Sensitivity and window events are per source too: each source's rows come from its own events only.
        var dignity = a.Sensitivity.Rows.Where(r => r.MentionId == "operation-dignity-2014").ToList();
        Assert.Equal(2 * (Sensitivity.Settings.Count + 1), dignity.Count);
        Assert.All(dignity.Where(r => r.Source == acled.Name), r => Assert.False(r.IsComputable));
        var primary = dignity.Single(r => r.Source == ucdp.Name && r.IsPrimary && r.Comparison == SensitivityComparison.Study);
        Assert.Equal(ucdp.Study.Single(r => r.Target.Id == "operation-dignity-2014").Events!.Difference, primary.Difference);
        var ucdpIds = ucdp.Events.Select(e => e.Id).ToHashSet();
        Assert.All(a.Sensitivity.Events.Where(w => w.Source == ucdp.Name), w => Assert.Contains(w.Event.Id, ucdpIds));
        Assert.DoesNotContain(a.Sensitivity.Events, w => w.Source == acled.Name && w.MentionId == "operation-dignity-2014");
    }

    [RealDataFact]
    public void The_egypt_coup_is_studied_on_egypt_only_and_with_libya_files_only_is_not_in_the_datas_scope()
    {
        var withEgypt = ReportAnalysis.Run(ReportRun.Inputs(TestPaths.Real(Ucdp), TestPaths.Real(UcdpEgypt)));
        var egypt = withEgypt.Sources.Single(s => s.Name == "UCDP GED (conflict_egypt.csv)");
        var libya = withEgypt.Sources.Single(s => s.Name == "UCDP GED (conflict_libya.csv)");
        var coup = egypt.Study.Single(r => r.Target.Id == "egypt-coup-2013");
        Assert.Equal("Egypt", coup.Scope);
        Assert.NotNull(coup.Events);
        Assert.Equal(egypt.Name, coup.Source);
        Assert.True(egypt.Coverage.Covers("Egypt"));
        Assert.False(egypt.Coverage.Covers("Libya"));
        Assert.False(libya.Coverage.Covers("Egypt"));
        var onLibya = libya.Study.Single(r => r.Target.Id == "egypt-coup-2013");
        Assert.Null(onLibya.Events);
        Assert.Null(onLibya.Scope);
        Assert.StartsWith("not in the data's scope", onLibya.Note, StringComparison.Ordinal);

        // Its numbers come from Egyptian events only: the same as studying the Egypt file alone.
        var egyptAlone = ReportAnalysis.Run(ReportRun.Inputs(TestPaths.Real(UcdpEgypt))).Sources.Single().Study.Single(r => r.Target.Id == "egypt-coup-2013");
        Assert.Equal(egyptAlone.Events, coup.Events);

        // A Libya mention is not studied on the Egypt file.
        Assert.StartsWith("not in the data's scope", egypt.Study.Single(r => r.Target.Id == "operation-dignity-2014").Note, StringComparison.Ordinal);

        var libyaOnly = ReportAnalysis.Run(ReportRun.Inputs(TestPaths.Real(Ucdp), TestPaths.Real(Acled)));
        foreach (var s in libyaOnly.Sources)
        {
            var r = s.Study.Single(x => x.Target.Id == "egypt-coup-2013");
            Assert.Null(r.Events);
            Assert.Null(r.Fatalities);
            Assert.Equal("not in the data's scope: the data do not cover Egypt (they cover Libya)", r.Note);
        }
    }

    [Fact]
    public void Holm_and_bh_are_taken_across_mentions_outcomes_and_sources()
    {
        // The synthetic default twice: two sources with the same numbers, so the family doubles and adjusted p-values grow.
        var one = ReportAnalysis.Run(ReportRun.Inputs());
        var two = ReportAnalysis.Run(ReportRun.Inputs(ReportRun.DefaultEvents, ReportRun.DefaultEvents));
        Assert.Equal(2, two.Sources.Count);
        Assert.Equal(["synthetic", "synthetic-2"], two.Sources.Select(s => s.Source.Slug));
        Assert.Equal(2 * one.StudyFamily, two.StudyFamily);
        var family = two.Study.SelectMany(r => new[] { r.Events?.PValue, r.Fatalities?.PValue }).OfType<double>().ToList();
        Assert.Equal(two.StudyFamily, family.Count);
        var holm = Pipeline.Statistics.MultipleTesting.Holm(family);
        Assert.Equal(holm, two.Study.SelectMany(r => new[] { (r.Events?.PValue, r.Adjusted?.EventsHolm), (r.Fatalities?.PValue, r.Adjusted?.FatalitiesHolm) }).Where(x => x.Item1 is not null).Select(x => x.Item2!.Value));
        Assert.Equal(one.Sources[0].Study.Select(r => r.Events), two.Sources[1].Study.Select(r => r.Events));

        // Every studied mention is studied by both and they agree exactly (where there are intervals to compare).
        var studied = one.Sources[0].Study.Count(r => r.Events is not null) + one.Sources[0].Study.Count(r => r.Fatalities is not null);
        var withIntervals = one.Sources[0].Study.Count(r => r.Events?.DifferenceLow is not null) + one.Sources[0].Study.Count(r => r.Fatalities?.DifferenceLow is not null);
        Assert.Equal(studied, two.Agreement.Count);
        Assert.All(two.Agreement, g => Assert.True(g.SameDirection, g.Verdict));
        Assert.Equal(withIntervals, two.Agreement.Count(g => g.Agree));
        Assert.All(two.Agreement.Where(g => !g.Agree), g => Assert.Null(g.IntervalsOverlap));
        Assert.StartsWith($"Of {studied} mention × outcome pairs studied by two or more sources, {withIntervals} agree", SourceAgreement.Sentence(two.Agreement), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2.0, 1.0, 3.0, 1.0, 0.5, 1.5, true, true, "agree: same direction, intervals overlap")]
    [InlineData(2.0, 1.0, 3.0, 5.0, 4.0, 6.0, true, false, "differ: same direction, but the intervals do not overlap")]
    [InlineData(2.0, 1.0, 3.0, 5.0, 3.0, 6.0, true, true, "agree: same direction, intervals overlap")] // touching ends overlap
    [InlineData(1.0, -1.0, 3.0, -1.0, -2.0, 1.0, false, true, "differ: opposite directions, though the intervals overlap")]
    [InlineData(2.0, 1.0, 3.0, -2.0, -3.0, -1.0, false, false, "disagree: opposite directions, intervals do not overlap")]
    [InlineData(0.0, -1.0, 1.0, 0.0, -1.0, 1.0, true, true, "agree: same direction, intervals overlap")] // no change in both
    [InlineData(0.0, -1.0, 1.0, 0.5, -1.0, 1.0, false, true, "differ: opposite directions, though the intervals overlap")]
    public void Agreement_is_the_same_direction_and_overlapping_intervals(double d1, double l1, double h1, double d2, double l2, double h2, bool direction, bool overlap, string verdict)
    {
        var g = SourceAgreement.For([("A", [Result(d1, l1, h1)]), ("B", [Result(d2, l2, h2)])]);
        Assert.Equal(2, g.Count); // events and fatalities
        Assert.Equal(("m", "events", direction, (bool?)overlap, verdict), (g[0].MentionId, g[0].Outcome, g[0].SameDirection, g[0].IntervalsOverlap, g[0].Verdict));
        Assert.Equal(direction && overlap, g[0].Agree);
        Assert.Equal(["A", "B"], g[0].Sources);
        Assert.Equal([d1, d2], g[0].Differences);
        Assert.Equal("fatalities", g[1].Outcome);
    }

    [Fact]
    public void Agreement_needs_two_studies_and_says_when_an_interval_is_missing()
    {
        Assert.Empty(SourceAgreement.For([("A", [Result(1, 0, 2)])]));
        Assert.Empty(SourceAgreement.For([("A", [Result(1, 0, 2)]), ("B", [Result(null, null, null)])]));
        Assert.Empty(SourceAgreement.For([]));
        var g = SourceAgreement.For([("A", [Result(1, 0, 2)]), ("B", [Result(2, null, null)]), ("C", [Result(-1, -2, 0)])])[0];
        Assert.Null(g.IntervalsOverlap);
        Assert.False(g.Agree);
        Assert.Equal("opposite directions; intervals not computable for every source", g.Verdict);
        Assert.Equal("same direction; intervals not computable for every source", SourceAgreement.For([("A", [Result(1, 0, 2)]), ("B", [Result(2, null, null)])])[0].Verdict);
        Assert.Equal("No mention was studied by two or more sources, so there is no agreement to state.", SourceAgreement.Sentence([]));
        var mixed = SourceAgreement.For([("A", [Result(1, 0, 2)]), ("B", [Result(-3, -4, -2)])]);
        Assert.Equal("Of 2 mention × outcome pairs studied by two or more sources, 0 agree (same direction, overlapping 95% intervals) and 2 do not: m (events: disagree: opposite directions, intervals do not overlap); m (fatalities: disagree: opposite directions, intervals do not overlap).", SourceAgreement.Sentence(mixed));
    }

    private static EventStudyResult Result(double? difference, double? low, double? high)
    {
        var target = new StudyTarget("m", "m", new DateOnly(2019, 4, 4), new DateOnly(2019, 4, 4), false);
        var e = difference is { } d ? new WindowEffect(1, 1 + d, d, null, low, high, low is null ? null : 0.5, null, null) : null;
        return new EventStudyResult(target, CoverageStatus.Inside, e, e, null, null, 4, 4);
    }

    private static double Total(string intensityCsv, string source, string column)
    {
        var rows = Csv(intensityCsv);
        var h = rows[0];
        return rows.Skip(1).Where(r => r[h.IndexOf("source")] == source)
            .Sum(r => double.Parse(r[h.IndexOf(column)], CultureInfo.InvariantCulture) + double.Parse(r[h.IndexOf("imprecise_" + column)], CultureInfo.InvariantCulture));
    }

    /// <summary>Rows of a CSV file as cell lists (RFC 4180 quoting, line breaks inside quotes kept).</summary>
    private static List<List<string>> Csv(string path)
    {
        var text = File.ReadAllText(path);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else if (c != '\r')
            {
                cell.Append(c);
            }
        }

        return rows;
    }
}
