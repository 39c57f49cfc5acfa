using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Pipeline.Intensity;
using Pipeline.Reports;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Reports;

/// <summary>The summary section (one row per mention, date order, plain words, never causal) and the actor table (issue 16 part 1).</summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public class ReportSummaryTests
{
    private const string Ucdp = "ucdp-ged-libya/conflict_libya.csv";
    private const string Acled = "acled-libya-2011-2012/2011-01-31-2012-03-01-Libya.csv";

    /// <summary>Causal verbs the page's prose must never use (the analysis is descriptive).</summary>
    private static readonly Regex Causal = new(@"\b(caused|causes|led to|leads to|triggered|because of|resulted in|due to|drove|sparked)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [Fact]
    public void Summary_has_exactly_one_row_per_mention_in_start_date_order_ties_by_id()
    {
        var a = ReportRun.Default();
        var rows = ReportSummary.Rows(a);
        Assert.Equal(a.Article.Mentions.Count, rows.Count);
        Assert.Equal(a.Article.Mentions.Select(m => m.Id).Order(StringComparer.Ordinal), rows.Select(r => r.View.Mention.Id).Order(StringComparer.Ordinal));
        for (var i = 1; i < rows.Count; i++)
        {
            var (p, q) = (rows[i - 1].View.Mention, rows[i].View.Mention);
            Assert.True(p.Start < q.Start || (p.Start == q.Start && string.CompareOrdinal(p.Id, q.Id) < 0), $"{p.Id} ({p.Start}) before {q.Id} ({q.Start})");
        }

        // The catalog lists egypt-coup-2013 first; by date the 1978–1987 Chad war comes first, and the two 1993 mentions tie on 1993-01-01 (coup before death sentence by id).
        Assert.Equal(["chad-libya-conflict", "haftar-coup-attempt-1993", "haftar-death-sentence-1993", "egypt-coup-2013"], rows.Take(4).Select(r => r.View.Mention.Id));
        Assert.All(rows, r => Assert.Single(r.Findings));

        var html = ReportSummary.Html(a);
        var body = Regex.Match(html, "<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(rows.Select(r => r.View.Mention.Id), Regex.Matches(body, "<tr data-mention=\"([^\"]+)\">").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void Summary_rows_say_where_the_date_comes_from_the_verdict_and_why_nothing_is_measured()
    {
        var a = ReportRun.Default();
        var rows = ReportSummary.Rows(a).ToDictionary(r => r.View.Mention.Id);

        var chad = rows["chad-libya-conflict"];
        Assert.Equal(CoverageStatus.Outside, chad.View.Coverage);
        Assert.Equal("stated in the article", chad.DateOrigin);
        Assert.Equal("1978 .. 1987", chad.DateText);
        Assert.Equal("nothing measured", chad.Findings[0].Direction);
        Assert.StartsWith("Nothing measured: outside this source's coverage", chad.Findings[0].Text, StringComparison.Ordinal);

        var egypt = rows["egypt-coup-2013"];
        Assert.StartsWith("inferred: Record: the army removed Morsi", egypt.DateOrigin, StringComparison.Ordinal);
        Assert.StartsWith("Nothing measured: not in this source's scope", egypt.Findings[0].Text, StringComparison.Ordinal);
        Assert.Equal("Contradicted", rows["gna-elected-2014"].Verdict);

        // Numbers are the study's own: the memoranda row quotes its before/after means, interval, p and Holm/BH.
        var i = a.Mentions.Select(m => m.Mention.Id).ToList().IndexOf("turkey-gna-memoranda-2019");
        var r = a.Sources[0].Study[i];
        var text = rows["turkey-gna-memoranda-2019"].Findings[0].Text;
        Assert.Contains($"{F(r.Events!.Before)} → {F(r.Events.After)}", text, StringComparison.Ordinal);
        Assert.Contains($"[{F(r.Events.DifferenceLow!.Value)}, {F(r.Events.DifferenceHigh!.Value)}]", text, StringComparison.Ordinal);
        Assert.Contains($"p = {F(r.Events.PValue!.Value, "0.000")}", text, StringComparison.Ordinal);
        Assert.Contains($"Holm p = {F(r.Adjusted!.EventsHolm!.Value, "0.000")}, BH p = {F(r.Adjusted.EventsBh!.Value, "0.000")}", text, StringComparison.Ordinal);
        Assert.Contains($"the page's {a.StudyFamily} tests", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.0, 5.0, 0.5, 7.5, 0.01, "rose")]
    [InlineData(5.0, 1.0, -7.5, -0.5, 0.01, "fell")]
    [InlineData(5.0, 6.0, -2.0, 4.0, 0.5, "no clear change")]
    public void Direction_follows_the_95_percent_interval(double before, double after, double low, double high, double p, string direction)
    {
        var effect = new WindowEffect(before, after, after - before, null, low, high, p, null, null);
        var r = new EventStudyResult(new StudyTarget("m", "m", new DateOnly(2019, 1, 1), new DateOnly(2019, 1, 1), false), CoverageStatus.Inside, effect, null, new PlaceboSummary(50, -1, 1), null, 4, 4)
        {
            Scope = "Libya",
            Adjusted = new AdjustedPValues(0.2, 0.04, null, null),
        };
        var f = ReportSummary.Finding("src", r, "week", 6);
        Assert.Equal(direction, f.Direction);
        Assert.StartsWith(char.ToUpperInvariant(direction[0]) + direction[1..] + ": ", f.Text, StringComparison.Ordinal);
        Assert.Contains("4 weeks before the date vs the 4 weeks from it", f.Text, StringComparison.Ordinal);
        Assert.Contains("Holm p = 0.200, BH p = 0.040", f.Text, StringComparison.Ordinal);
        Assert.Equal(direction != "no clear change", f.Text.Contains("not unusual", StringComparison.Ordinal)); // Holm 0.2 ≥ 0.05: flagged only when the interval excludes 0

        var untested = ReportSummary.Finding("src", r with { Events = effect with { DifferenceLow = null, DifferenceHigh = null, PValue = null }, Placebo = null }, "week", 6);
        Assert.Equal("not judged", untested.Direction);
        Assert.DoesNotContain("interval [", untested.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_is_the_first_section_after_the_title_and_lede()
    {
        var a = ReportRun.Default();
        var html = HtmlReport.Render(a, [], "", new Dictionary<string, string>());
        var lede = html.IndexOf("<p class=\"lede\">", StringComparison.Ordinal);
        var summary = html.IndexOf("<section id=\"summary\">", StringComparison.Ordinal);
        Assert.True(lede > html.IndexOf("<h1>", StringComparison.Ordinal) && summary > lede);
        Assert.Equal(summary, html.IndexOf('\n', lede) + 1); // right under the lede
        Assert.True(summary < html.IndexOf("<h2 id=\"article\">", StringComparison.Ordinal));
        Assert.Contains("SYNTHETIC data: these numbers describe generated events", html[summary..html.IndexOf("</section>", summary, StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_report_prose_has_no_causal_verbs()
    {
        var report = await ReportRun.WrittenDefaultAsync();
        var a = report.Analysis;
        AssertNotCausal(File.ReadAllText(report["report.html"]), ReportSummary.Html(a));
    }

    [RealDataFact]
    public async Task Two_source_report_prose_has_no_causal_verbs_and_a_column_per_source()
    {
        using var tmp = new TempFolder();
        var (a, _) = await ReportRun.WriteAsync(ReportRun.Inputs(TestPaths.Real(Ucdp), TestPaths.Real(Acled)), tmp["out"]);
        var summary = ReportSummary.Html(a);
        AssertNotCausal(File.ReadAllText(tmp["out/report.html"]), summary);
        Assert.All(ReportSummary.Rows(a), r => Assert.Equal(["UCDP GED (conflict_libya.csv)", "ACLED (2011-01-31-2012-03-01-Libya.csv)"], r.Findings.Select(f => f.Source)));
        Assert.Contains("<th>What the data show: UCDP GED (conflict_libya.csv)</th><th>What the data show: ACLED (2011-01-31-2012-03-01-Libya.csv)</th>", summary, StringComparison.Ordinal);

        // The ACLED file spans 2011-01-31..2012-03-01: every mention is outside it, and each row says so.
        Assert.All(ReportSummary.Rows(a), r => Assert.Equal("nothing measured", r.Findings[1].Direction));
    }

    [Fact]
    public async Task Actor_table_counts_every_matching_event_once_as_the_actor_series_does()
    {
        var report = await ReportRun.WrittenDefaultAsync();
        var a = report.Analysis;
        var matches = ReportActors.Matches(a);
        Assert.Equal(a.Sources.Count * a.Inputs.Actors.Count, matches.Count);

        // tables/actors.csv (per bin, precise + imprecise) summed per actor gives the same totals the page shows.
        var csv = File.ReadAllLines(report["tables/actors.csv"]).Skip(1).Select(l => l.Split(',')).ToList();
        foreach (var m in matches)
        {
            var total = csv.Where(c => c[2] == m.Actor).Sum(c => double.Parse(c[3], CultureInfo.InvariantCulture));
            Assert.Equal(total, m.Events, 6);
        }

        var wagner = matches.Single(m => m.Actor == "Wagner");
        Assert.True(wagner.Events > 0);
        Assert.Contains(wagner.Mentions, x => x.MentionId == "wagner-mercenaries-2019" && x.Events > 0);
        Assert.DoesNotContain(wagner.Mentions, x => x.MentionId is "chad-libya-conflict" or "egypt-coup-2013"); // outside coverage / out of scope: no window
        Assert.Equal(0, matches.Single(m => m.Actor == "France").Events);

        var html = File.ReadAllText(report["report.html"]);
        var section = Regex.Match(html, "<section id=\"actors\">.*?</section>", RegexOptions.Singleline).Value;
        Assert.Equal(matches.Count, Regex.Matches(section, "<tr><td>").Count);
        Assert.Contains($"<tr><td>Wagner</td><td>{WebUtility.HtmlEncode(a.Sources[0].Name)}</td><td>{wagner.Events}</td><td>{wagner.First:yyyy-MM-dd}</td><td>{wagner.Last:yyyy-MM-dd}</td>", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_escapes_every_data_string()
    {
        var a = ReportRun.Default();
        var rows = ReportSummary.Rows(a);
        var html = ReportSummary.Html(a);
        Assert.Contains(WebUtility.HtmlEncode(rows.Single(r => r.View.Mention.Id == "gna-elected-2014").View.Mention.Paraphrase), html, StringComparison.Ordinal);
        Assert.Contains("Haftar&#39;s", html, StringComparison.Ordinal); // apostrophes in paraphrases are encoded, so no data text can close an attribute
        Assert.DoesNotContain("Haftar's", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The deal Led To a rise.", true)]
    [InlineData("Counts rose, due to reporting.", true)]
    [InlineData("It sparked fighting.", true)]
    [InlineData("Counts rose from 3 to 5 per week.", false)]
    [InlineData("The ledger of causes-free dues.", true)]
    [InlineData("Droves of ledgers; reduce to zero.", false)]
    public void Causal_check_matches_whole_words_in_any_case(string text, bool causal) => Assert.Equal(causal, Causal.IsMatch(text));

    private static void AssertNotCausal(string page, string summary)
    {
        var prose = WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(page, "<(script|style)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline), "<[^>]+>", " "));
        var summaryProse = WebUtility.HtmlDecode(Regex.Replace(summary, "<[^>]+>", " "));
        Assert.False(Causal.IsMatch(summaryProse), $"summary uses a causal verb: {Causal.Match(summaryProse).Value}");
        var hit = Causal.Match(prose);
        Assert.False(hit.Success, hit.Success ? $"page prose uses a causal verb: …{prose[Math.Max(0, hit.Index - 80)..Math.Min(prose.Length, hit.Index + 40)]}…" : "");
        Assert.Contains("Summary: each dated mention", prose, StringComparison.Ordinal);
    }

    private static string F(double v, string format = "0.00") => v.ToString(format, CultureInfo.InvariantCulture);
}
