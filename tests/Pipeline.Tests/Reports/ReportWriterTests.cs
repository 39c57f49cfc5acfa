using System.Text.RegularExpressions;
using Pipeline.Intensity;
using Pipeline.Reports;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Reports;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class ReportWriterTests
{
    [Fact]
    public async Task Default_report_writes_page_tables_and_a_manifest_of_every_output()
    {
        var report = await ReportRun.WrittenDefaultAsync();
        Assert.True(report.Analysis.IsSynthetic);
        var files = Directory.EnumerateFiles(report.Folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(report.Folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["manifest.json", "report.html", "tables/actors.csv", "tables/admin1_month.csv", "tables/agreement.csv", "tables/claim_checks.csv", "tables/coverage.csv", "tables/event_study.csv", "tables/event_types.csv", "tables/intensity.csv", "tables/rejections.csv", "tables/sensitivity.csv", "tables/sources.csv", "tables/window_events.csv"],
            files);
        var manifest = Manifest.Read(report["manifest.json"]);
        Assert.Equal(files.Where(f => f != "manifest.json"), manifest.Outputs.Select(o => o.Path));
        foreach (var o in manifest.Outputs)
        {
            Assert.Equal(ManifestEntry.Of(report[o.Path], o.Path), o);
        }

        Assert.Contains(manifest.Inputs, i => i.Path.EndsWith("libya-2011-2020.synthetic.acled.csv", StringComparison.Ordinal));
        Assert.Contains(manifest.Inputs, i => i.Path.EndsWith("2020-01-03-daily-sabah-libya-turkey.json", StringComparison.Ordinal));
        Assert.Equal("week", manifest.Parameters["bin"]);
        Assert.Equal("2.28.0", manifest.Packages["plotly.js"]);
        Assert.False(manifest.Packages.ContainsKey("Plotly.NET")); // the library draws with its own chart model
        Assert.NotNull(manifest.Nondeterministic.GeneratedAtUtc);
        Assert.False(Directory.EnumerateDirectories(Path.GetDirectoryName(report.Folder)!, ".out.tmp-*").Any()); // staging folder moved away
    }

    [Fact]
    public async Task Two_runs_give_identical_bytes_for_page_tables_and_output_hashes()
    {
        using var tmp = new TempFolder();
        await ReportRun.WriteAsync(ReportRun.Inputs(), tmp["a"]);
        await ReportRun.WriteAsync(ReportRun.Inputs(), tmp["b"]);
        foreach (var f in Directory.EnumerateFiles(tmp["a"], "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("manifest.json", StringComparison.Ordinal)))
        {
            Assert.Equal(File.ReadAllBytes(f), File.ReadAllBytes(Path.Combine(tmp["b"], Path.GetRelativePath(tmp["a"], f))));
        }

        Assert.Equal(Manifest.Read(tmp["a/manifest.json"]).Outputs, Manifest.Read(tmp["b/manifest.json"]).Outputs);
    }

    [Fact]
    public async Task Page_is_self_contained_with_the_synthetic_banner_and_every_mention()
    {
        var report = await ReportRun.WrittenDefaultAsync();
        var a = report.Analysis;
        var html = File.ReadAllText(report["report.html"]);
        Assert.Contains("id=\"synthetic-banner\"", html);
        Assert.DoesNotMatch(new Regex("<(script|link|img|iframe)[^>]+(src|href)=\"?https?:", RegexOptions.IgnoreCase), html);
        Assert.Single(Regex.Matches(html, "plotly.js v2.28.0"));
        Assert.DoesNotMatch(new Regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), html);
        foreach (var m in a.Article.Mentions)
        {
            Assert.Contains(m.Id, html);
        }

        Assert.Contains("outside coverage", html);
        Assert.Contains("ACLED fatality counts are conservative", html);

        // The page inlines plotly.js and the map outlines, so it carries their MIT licences and notices (plotly.js's
        // header points to a notices file the page would otherwise not have).
        Assert.Contains("<h2 id=\"third-party\">", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Pipeline.Charts.PlotlyAssets.LicenseText), html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Pipeline.Charts.PlotlyAssets.GeoLicenseText), html);
        Assert.Contains("Copyright (c) 2015  &#201;tienne T&#233;treault-Pinard", html);
        foreach (var chart in new[] { "timeline", "event-types", "admin1-heatmap", "forest", "mention-windows", "fatalities", "actors", "map" })
        {
            Assert.Contains($"id=\"chart-{chart}-synthetic\"", html);
        }
    }

    [Fact]
    public async Task Claim_table_marks_the_2014_election_claim_contradicted_inferred_dates_and_unverified_sources()
    {
        var report = await ReportRun.WrittenDefaultAsync();
        var a = report.Analysis;
        var csv = File.ReadAllLines(report["tables/claim_checks.csv"]);
        Assert.StartsWith("mention_id,source,paragraphs,paraphrase,stated_date,date_origin,date_basis,coverage,", csv[0], StringComparison.Ordinal);
        Assert.Contains(csv, l => l.StartsWith("gna-elected-2014,", StringComparison.Ordinal) && l.Contains(",stated,", StringComparison.Ordinal) && l.Contains(",Contradicted,", StringComparison.Ordinal)
            && l.Contains("2016-08-22", StringComparison.Ordinal) && l.Contains("https://undocs.org/S/RES/2259(2015) [unverified]", StringComparison.Ordinal));
        Assert.Contains(csv, l => l.StartsWith("gna-requests-turkish-support-2019,", StringComparison.Ordinal) && l.Contains(",inferred,", StringComparison.Ordinal) && l.Contains("2019-12-26", StringComparison.Ordinal));
        Assert.Contains(csv, l => l.StartsWith("chad-libya-conflict,", StringComparison.Ordinal) && l.Contains("outside coverage", StringComparison.Ordinal) && l.Contains(",Supported,", StringComparison.Ordinal));
        Assert.Contains(csv, l => l.StartsWith("haftar-death-sentence-1993,", StringComparison.Ordinal) && l.Contains(",Unverifiable,", StringComparison.Ordinal));
        Assert.Equal(a.Article.Mentions.Count + 1, csv.Length); // one source: one row per mention
        Assert.Equal(15, csv.Length);
        Assert.All(csv.Skip(1), l => Assert.Contains(",synthetic ACLED-format (libya-2011-2020.synthetic.acled.csv),", l, StringComparison.Ordinal));

        var html = File.ReadAllText(report["report.html"]);
        Assert.Contains("<td class=\"verdict Contradicted\">Contradicted</td>", html);
        Assert.Contains("<span class=\"inferred\">inferred: Record: the interior minister", html);
        Assert.Contains("<span class=\"unverified\">[unverified]</span>", html);
        Assert.Contains("“Contradicted”, the record shows the implied fact is false", html);
    }

    [Fact]
    public async Task Event_study_table_has_one_row_per_mention_with_notes_for_those_outside()
    {
        var report = await ReportRun.WrittenDefaultAsync();
        var a = report.Analysis;
        var lines = File.ReadAllLines(report["tables/event_study.csv"]);
        var header = lines[0].Split(',');
        foreach (var column in new[] { "events_difference", "events_difference_low", "events_difference_high", "events_p", "fatalities_difference_low", "fatalities_difference_high", "fatalities_p", "placebo_windows", "note" })
        {
            Assert.Contains(column, header);
        }

        var rows = lines.Skip(1).ToList();
        Assert.Equal(a.Article.Mentions.Count, rows.Count);
        var outside = rows.Single(r => r.StartsWith("chad-libya-conflict,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("", outside[Array.IndexOf(header, "events_p")]); // not studied: numbers left empty, the note says why
        Assert.Equal("", outside[Array.IndexOf(header, "events_difference_low")]);
        var studied = a.Study.Where(s => s.Events?.PValue is not null).ToList();
        Assert.NotEmpty(studied);
        Assert.All(studied, s => Assert.Equal(s.Events!.ExcludesZero, s.Events.PValue < 0.05));
        Assert.Contains(rows, r => r.StartsWith("haftar-death-sentence-1993,", StringComparison.Ordinal) && r.Contains("outside the data's coverage", StringComparison.Ordinal));
        var offensive = a.Study.Single(s => s.Target.Id == "tripoli-offensive-2019");
        Assert.NotNull(offensive.Events);
        Assert.True(offensive.Target.IsPeriod);
    }

    [Fact]
    public async Task Hostile_text_in_an_article_is_escaped_in_the_page()
    {
        using var tmp = new TempFolder();
        Directory.CreateDirectory(tmp["articles"]);
        var json = File.ReadAllText(Path.Combine(ReportRun.Articles, "2020-01-03-daily-sabah-libya-turkey.json"))
            .Replace("\"Libya's only chance is Turkey\"", "\"<script>alert('t')</script> \\\"><img src=x onerror=alert(1)>\"", StringComparison.Ordinal)
            .Replace("\"Column likens events in Libya", "\"</script><script>alert(2)</script> Column likens events in Libya", StringComparison.Ordinal);
        File.WriteAllText(tmp["articles/a.json"], json);
        var (_, _) = await ReportRun.WriteAsync(ReportRun.Inputs() with { ArticlesFolder = tmp["articles"] }, tmp["out"]);
        var html = File.ReadAllText(tmp["out/report.html"]);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task Output_path_that_is_a_file_is_refused_and_nothing_is_written()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp["out"], "keep me");
        var a = ReportRun.Default();
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => ReportWriter.WriteAsync(a, tmp["out"], null));
        Assert.Contains("is a file", ex.Message);
        Assert.Equal("keep me", File.ReadAllText(tmp["out"]));
        Assert.Single(Directory.EnumerateFileSystemEntries(tmp.Path));
    }

    [Fact]
    public async Task A_failing_write_leaves_the_previous_report_intact()
    {
        using var tmp = new TempFolder();
        await ReportRun.CopyDefaultAsync(tmp["out"]); // a report the tool wrote earlier
        var before = File.ReadAllBytes(tmp["out/report.html"]);
        var a = ReportRun.Default();
        await Assert.ThrowsAsync<InvalidOperationException>(() => ReportWriter.WriteAsync(a, tmp["out"], new FailingRenderer()));
        Assert.Equal(before, File.ReadAllBytes(tmp["out/report.html"]));
        Assert.False(Directory.Exists(tmp["out/charts"]));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(tmp.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("no-such-article", null, null, null, 4, "unknown article 'no-such-article'")]
    [InlineData(null, "Atlantis", null, null, 4, "unknown country 'Atlantis': the data hold Libya")]
    [InlineData(null, null, "2019-05-01", "2019-04-01", 4, "empty date range")]
    [InlineData(null, null, "2019-04-01", "2019-05-01", 4, "window of 4 week bins each side needs at least 9 bins, but the longest source spans only 5")]
    [InlineData(null, null, null, null, 1000, "needs at least 2001 bins")]
    public void Bad_report_input_gives_a_one_line_error(string? article, string? country, string? from, string? to, int window, string message)
    {
        static DateOnly? D(string? s) => s is null ? null : DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var inputs = ReportRun.Inputs() with
        {
            ArticleId = article ?? "daily-sabah-2020-01-03-libya",
            Filter = new EventFilter { Country = country, From = D(from), To = D(to) },
            Study = EventStudyOptions.Default with { Window = window },
        };
        var ex = Assert.ThrowsAny<ArgumentException>(() => ReportAnalysis.Run(inputs)); // ParameterException when a parameter is at fault
        Assert.Contains(message, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [RealDataFact]
    public async Task Reports_on_real_UCDP_and_ACLED_files_carry_no_synthetic_banner()
    {
        using var tmp = new TempFolder();
        foreach (var (file, name) in new[] { ("ucdp-ged-libya/conflict_libya.csv", "ucdp"), ("acled-libya-2011-2012/2011-01-31-2012-03-01-Libya.csv", "acled") })
        {
            var (a, _) = await ReportRun.WriteAsync(ReportRun.Inputs(TestPaths.Real(file)) with { Study = EventStudyOptions.Default with { Window = 2 } }, tmp[name]);
            Assert.False(a.IsSynthetic);
            var html = File.ReadAllText(Path.Combine(tmp[name], "report.html"));
            Assert.DoesNotContain("synthetic-banner", html);
            Assert.DoesNotContain("SYNTHETIC DATA", html);
            Assert.Contains(a.Tables[0].Source == Pipeline.Events.EventSource.UcdpGed ? "CC BY 4.0" : "ACLED terms of use", html);
        }
    }

    [Fact]
    public async Task Without_a_browser_the_report_is_still_written_and_says_how_to_get_PNGs()
    {
        using var tmp = new TempFolder();
        var r = await ReportWriter.WriteAsync(ReportRun.Default(), tmp["out"], new NoBrowser());
        Assert.Contains("apt-get install chromium", r.PngNote);
        Assert.True(File.Exists(tmp["out/report.html"]));
        Assert.False(Directory.Exists(tmp["out/charts"]));
    }

    [Fact]
    public async Task Page_cites_each_source_and_states_reporting_bias_and_acled_coverage_changes()
    {
        var report = await ReportRun.WrittenDefaultAsync();
        var a = report.Analysis;
        var html = File.ReadAllText(report["report.html"]);
        Assert.Contains("<h3 id=\"citations\">How to cite the data</h3>", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(a.Sources.Single().Source.Citation), html);
        Assert.Contains("not real data, nothing to cite", a.Sources.Single().Source.Citation);
        Assert.Contains("(reporting bias)", html);
        Assert.Contains("Libya from 1997, Egypt from 1997, Turkey from 2016, Syria from 2017", html); // from the embedded ACLED table
    }

    [Theory]
    [InlineData(Pipeline.Events.EventSource.UcdpGed, "25.1", "2025-06-01", "Sundberg, Ralph, and Erik Melander (2013)", "UCDP GED, version 25.1, accessed 2025-06-01, file f.csv.")]
    [InlineData(Pipeline.Events.EventSource.Acled, null, null, "Raleigh, Clionadh", "ACLED, version not stated, accessed not stated, file f.csv.")]
    public void Citation_names_the_reference_article_and_the_recorded_version_and_access_date(Pipeline.Events.EventSource family, string? version, string? accessed, string article, string data)
    {
        var name = family == Pipeline.Events.EventSource.UcdpGed ? Pipeline.Events.DataSource.UcdpGed : Pipeline.Events.DataSource.Acled;
        var source = new Pipeline.Events.DataSource(name, name, family, false, version, null, accessed, "/x/f.csv", null, [], null, null);
        Assert.StartsWith(article, source.Citation, StringComparison.Ordinal);
        Assert.EndsWith(data, source.Citation, StringComparison.Ordinal);
    }

    private sealed class NoBrowser : IChartImageRenderer
    {
        public string? Unavailable => "PNGs not written: Chromium not found. Install it with `apt-get install chromium`, or pass --no-png.";

        public Task RenderAsync(string htmlFile, IReadOnlyList<(string ElementId, string PngPath)> targets, CancellationToken ct) =>
            throw new InvalidOperationException("must not be called when unavailable");
    }

    private sealed class FailingRenderer : IChartImageRenderer
    {
        public string? Unavailable => null;

        public Task RenderAsync(string htmlFile, IReadOnlyList<(string ElementId, string PngPath)> targets, CancellationToken ct) =>
            throw new InvalidOperationException("renderer crashed midway");
    }
}
