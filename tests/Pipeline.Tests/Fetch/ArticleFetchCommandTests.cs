using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Pipeline.Cli;
using Pipeline.Events;
using Pipeline.Fetch;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Fetch;

/// <summary>
/// <c>pipeline fetch --article ID</c> against the loopback ACLED API and the UCDP archive stand-in: what is asked
/// for (countries, dates clipped per source and country), what is written (both CSVs with provenance and the
/// summary), that <c>report</c> reads the result with the command it prints, and the bad inputs.
/// </summary>
[Collection(EnvironmentVariablesCollection.Name)]
[Trait(TestCategory.Trait, TestCategory.Network)]
public sealed class ArticleFetchCommandTests : IDisposable
{
    private const string OpEd = "daily-sabah-2020-01-03-libya";

    private readonly FakeAcledApi api = new();
    private readonly LoopbackServer ucdp;
    private readonly string dir = Directory.CreateTempSubdirectory("pipeline-fetch-article-").FullName;
    private readonly Dictionary<string, string?> saved = [];

    public ArticleFetchCommandTests()
    {
        foreach (var name in new[] { "ACLED_EMAIL", "ACLED_PASSWORD", "UCDP_TOKEN" })
        {
            saved[name] = Environment.GetEnvironmentVariable(name);
        }

        Environment.SetEnvironmentVariable("ACLED_EMAIL", FakeAcledApi.Email);
        Environment.SetEnvironmentVariable("ACLED_PASSWORD", FakeAcledApi.Password);
        var start = new DateOnly(2019, 1, 5);
        for (var i = 0; i < 60; i++)
        {
            var d = start.AddDays(i * 6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            api.Events.Add(FakeAcledApi.Event($"LBY{1000 + i}", d, i % 4, 1600000000 + i));
        }

        api.Events.Add(FakeAcledApi.Event("EGY1", "2013-07-03", 12, 1600000100, country: "Egypt"));
        api.Events.Add(FakeAcledApi.Event("SYR1", "2019-10-09", 3, 1600000101, country: "Syria"));
        api.Events.Add(FakeAcledApi.Event("TUR1", "2020-01-02", 0, 1600000102, country: "Turkey"));
        api.Events.Add(FakeAcledApi.Event("LBY1996", "1996-06-01", 1, 1600000103)); // before ACLED's Libya coverage: never asked for
        var zip = ArchiveZip();
        ucdp = new LoopbackServer(r => r.Path is "/downloads/ged/ged251-csv.zip" or "/downloads/ged/ged241-csv.zip"
            ? new Reply(200, zip, new Dictionary<string, string> { ["Content-Type"] = "application/zip" })
            : Reply.Json(404, "{\"message\":\"Not Found\"}"));
    }

    public void Dispose()
    {
        foreach (var (name, value) in saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        api.Dispose();
        ucdp.Dispose();
        Directory.Delete(dir, recursive: true);
    }

    private static byte[] ArchiveZip()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var s = zip.CreateEntry("GEDEvent_v25_1.csv").Open();
            using var f = File.OpenRead(TestPaths.Fixture("fetch", "ged-bulk-sample.csv"));
            f.CopyTo(s);
        }

        return memory.ToArray();
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private string Out => Path.Combine(dir, "fetched");

    private string[] Args(string article = OpEd, string? catalog = null, params string[] extra) =>
        ["fetch", "--article", article, "--articles", catalog ?? TestPaths.Project.Articles, "--out", Out, "--base-url", api.BaseUrl.AbsoluteUri, "--ucdp-base-url", ucdp.BaseUrl.AbsoluteUri, "--page-size", "50", .. extra];

    private static JsonElement Summary(string folder) => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, ArticleFetcher.SummaryFile))).RootElement;

    [Fact]
    public void The_op_ed_fetches_both_sources_with_provenance_and_report_reads_them()
    {
        var (code, output, err) = Run(Args());

        Assert.True(code == 0, err);
        var csvs = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            [Path.Combine(Out, "acled_chad-egypt-libya-syria-turkey_1997-01-01_2021-01-31.csv"), Path.Combine(Out, "ucdp_ged_25.1_chad-egypt-libya-syria-turkey_1989-01-01_2021-01-31.csv")],
            csvs);
        Assert.All(csvs, c => Assert.True(File.Exists(FetchProvenance.PathFor(c)), c));
        var acled = EventLoader.Load(csvs[0]);
        Assert.Equal(EventSource.Acled, acled.Source);
        Assert.Equal(63, acled.Loaded); // 60 Libya + Egypt + Syria + Turkey; the 1996 Libya row lies outside ACLED's coverage and is never asked for
        Assert.Equal(0, acled.Rejected);
        var ged = EventLoader.Load(csvs[1]);
        Assert.Equal(EventSource.UcdpGed, ged.Source);
        Assert.Equal(4, ged.Loaded); // the archive's three Libya rows and one Egypt row
        var acledProvenance = FetchProvenance.TryReadFor(csvs[0])!;
        Assert.Equal("Chad|Egypt|Libya|Syria|Turkey", acledProvenance.Query["country"]);
        Assert.Equal("Chad|Egypt|Libya 1997-01-01..2021-01-31; Syria 2017-01-01..2021-01-31; Turkey 2016-01-01..2021-01-31", acledProvenance.Query["spans"]);
        var gedProvenance = FetchProvenance.TryReadFor(csvs[1])!;
        Assert.Equal("1989-01-01", gedProvenance.Query["from"]);
        Assert.Equal("2021-01-31", gedProvenance.Query["to"]);

        var summary = Summary(Out);
        Assert.Equal(OpEd, summary.GetProperty("article").GetString());
        Assert.Equal(["Chad", "Egypt", "Libya", "Syria", "Turkey"], summary.GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("1977-01-01", summary.GetProperty("needed").GetProperty("from").GetString());
        Assert.Equal("2021-01-31", summary.GetProperty("needed").GetProperty("to").GetString());
        var sources = summary.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(["ACLED", "UCDP GED 25.1"], sources.Select(s => s.GetProperty("dataset").GetString()));
        Assert.Equal([Path.GetFileName(csvs[0]), Path.GetFileName(csvs[1])], sources.Select(s => s.GetProperty("file").GetString()));
        var libya = sources[0].GetProperty("countries").EnumerateArray().Single(c => c.GetProperty("country").GetString() == "Libya");
        Assert.Equal("1997-01-01", libya.GetProperty("from").GetString());
        Assert.Contains("clipped: ACLED covers Libya from 1997", libya.GetProperty("note").GetString());
        Assert.Contains("note: ACLED Libya: clipped: ACLED covers Libya from 1997", err);
        Assert.Contains("note: UCDP GED Chad: clipped: UCDP GED starts on 1989-01-01", err);
        Assert.Contains("note: UCDP GED 25.1 archive has no events for 'Chad' between 1989-01-01 and 2021-01-31", err);

        // The report command it prints reads both files.
        var hint = Assert.Single(err.Split('\n'), l => l.StartsWith("next: pipeline report ", StringComparison.Ordinal)).Trim();
        Assert.Equal($"next: pipeline report --events {csvs[0]} --events {csvs[1]} --article {OpEd} --articles {TestPaths.Project.Articles}", hint);
        var report = Path.Combine(dir, "report");
        var (reportCode, reportOut, reportErr) = Run([.. hint["next: pipeline ".Length..].Split(' '), "--out", report, "--no-png", "--window", "2"]);
        Assert.True(reportCode == 0, reportErr);
        Assert.Contains($"ACLED ({Path.GetFileName(csvs[0])}): events analysed 63", reportOut);
        Assert.Contains($"UCDP GED 25.1 ({Path.GetFileName(csvs[1])}): events analysed 4", reportOut);
        var manifest = Pipeline.Reports.Manifest.Read(Path.Combine(report, "manifest.json"));
        Assert.All(csvs, c => Assert.Contains(manifest.Inputs, i => Path.GetFullPath(Path.Combine(report, i.Path)) == Path.GetFullPath(FetchProvenance.PathFor(c))));
    }

    [Fact]
    public void Acled_is_asked_for_each_countrys_covered_dates_a_year_at_a_time()
    {
        var (code, _, err) = Run(Args());

        Assert.True(code == 0, err);
        var asked = api.Reads.Where(r => r.Param("page") == "1").Select(r => (Country: r.Param("country"), Dates: r.Param("event_date"))).ToList();
        Assert.Equal(["Chad|Egypt|Libya", "Syria", "Turkey"], asked.Select(a => a.Country).Distinct());
        var libyaGroup = asked.Where(a => a.Country == "Chad|Egypt|Libya").Select(a => a.Dates).ToList();
        Assert.Equal(25, libyaGroup.Count); // 1997 .. 2021
        Assert.Equal("1997-01-01|1997-12-31", libyaGroup[0]);
        Assert.Equal("2021-01-01|2021-01-31", libyaGroup[^1]);
        Assert.Equal("2017-01-01|2017-12-31", asked.First(a => a.Country == "Syria").Dates);
        Assert.Equal("2016-01-01|2016-12-31", asked.First(a => a.Country == "Turkey").Dates);
        Assert.DoesNotContain(api.Reads, r => string.CompareOrdinal(r.Param("event_date"), "1997") < 0);
        Assert.Single(ucdp.Requests); // one archive download serves every country
    }

    [Fact]
    public void An_unknown_article_id_names_the_nearest_and_asks_nothing()
    {
        var (code, output, err) = Run(Args("daily-sabah-2020-01-03-lybia"));

        Assert.Equal(CliApp.InputError, code);
        Assert.Equal("", output);
        Assert.Contains("no article 'daily-sabah-2020-01-03-lybia'", err);
        Assert.Contains($"Did you mean \"{OpEd}\"?", err);
        Assert.Empty(api.Requests);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void An_article_whose_countries_no_source_covers_in_its_span_is_refused_with_each_reason()
    {
        var catalog = Path.Combine(dir, "articles");
        Directory.CreateDirectory(catalog);
        File.WriteAllText(Path.Combine(catalog, "old.json"), """
            {
              "id": "old-article", "title": "A title", "author": "An author", "outlet": "An outlet", "published": "1981-03-02",
              "url": null, "language": "en", "scopeCountry": "Atlantis", "paragraphCount": 2,
              "mentions": [
                { "id": "old-point", "paragraphs": [1], "paraphrase": "Our words for an old dated point.", "kind": "point",
                  "start": "1980-05-05", "end": "1980-05-05", "precision": "day", "dateInferred": false, "scopeCountries": ["Atlantis", "Libya"], "tags": [] }
              ]
            }
            """);

        var (code, output, err) = Run(Args("old-article", catalog));

        Assert.Equal(CliApp.InputError, code);
        Assert.Equal("", output);
        Assert.Contains("no source covers any of article 'old-article''s countries in 1979-05-01..1982-03-31; nothing was fetched", err);
        Assert.Contains("ACLED Atlantis: skipped: 'Atlantis' is not in ACLED's country table", err);
        Assert.Contains("ACLED Libya: skipped: ACLED covers Libya from 1997, after the span", err);
        Assert.Contains("UCDP GED Libya: skipped: UCDP GED 25.1 covers 1989-01-01..2024-12-31", err);
        Assert.Empty(api.Requests);
        Assert.Empty(ucdp.Requests);
    }

    [Fact]
    public void An_article_without_mentions_is_refused()
    {
        var catalog = Path.Combine(dir, "articles");
        Directory.CreateDirectory(catalog);
        File.WriteAllText(Path.Combine(catalog, "empty.json"), """
            { "id": "no-mentions", "title": "A title", "author": "An author", "outlet": "An outlet", "published": "2020-01-03",
              "url": null, "language": "en", "scopeCountry": "Libya", "paragraphCount": 2, "mentions": [] }
            """);

        var (code, _, err) = Run(Args("no-mentions", catalog));

        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("article 'no-mentions' has no mentions, so no dates are needed and nothing was fetched", err);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public void An_earlier_fetch_is_not_replaced_without_force_and_force_rebuilds_it_from_the_cache()
    {
        Run(Args());
        var summary = File.ReadAllBytes(Path.Combine(Out, ArticleFetcher.SummaryFile));
        var requests = api.Requests.Count + ucdp.Requests.Count;

        var (code, output, err) = Run(Args());

        Assert.Equal(CliApp.InputError, code);
        Assert.Equal("", output);
        Assert.Contains($"already holds a fetch for article '{OpEd}' (fetch-summary.json); nothing was changed. Pass --force", err);
        Assert.Equal(requests, api.Requests.Count + ucdp.Requests.Count);

        Environment.SetEnvironmentVariable("ACLED_PASSWORD", null); // the cache answers everything, no credentials needed
        var (again, _, againErr) = Run(Args(extra: "--force"));

        Assert.True(again == 0, againErr);
        Assert.Equal(requests, api.Requests.Count + ucdp.Requests.Count);
        Assert.Equal(summary, File.ReadAllBytes(Path.Combine(Out, ArticleFetcher.SummaryFile))); // deterministic
    }

    [Fact]
    public void Force_removes_the_earlier_fetchs_files_it_no_longer_writes()
    {
        Run(Args());
        var old = Path.Combine(Out, "ucdp_ged_25.1_chad-egypt-libya-syria-turkey_1989-01-01_2021-01-31.csv");
        Assert.True(File.Exists(old));

        var (code, output, err) = Run(Args(extra: ["--force", "--ucdp-version", "24.1"]));

        Assert.True(code == 0, err);
        Assert.EndsWith("ucdp_ged_24.1_chad-egypt-libya-syria-turkey_1989-01-01_2021-01-31.csv", output.Trim(), StringComparison.Ordinal);
        Assert.False(File.Exists(old));
        Assert.False(File.Exists(FetchProvenance.PathFor(old)));
        Assert.Contains($"fetch: removed {Path.GetFileName(old)}, {Path.GetFileName(FetchProvenance.PathFor(old))}", err);
        Assert.Equal("UCDP GED 24.1", Summary(Out).GetProperty("sources")[1].GetProperty("dataset").GetString());
    }

    [Fact]
    public void A_folder_holding_other_files_is_refused_and_left_alone()
    {
        Directory.CreateDirectory(Out);
        var mine = Path.Combine(Out, "notes.txt");
        File.WriteAllText(mine, "my notes");

        var (code, _, err) = Run(Args());

        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("holds files pipeline fetch did not write (notes.txt); nothing was changed", err);
        Assert.Empty(api.Requests);
        Assert.Equal("my notes", File.ReadAllText(mine));
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(Out).Select(Path.GetFileName));
    }

    [Fact]
    public void Fetch_without_article_or_source_says_what_to_give()
    {
        var (code, _, err) = Run("fetch");

        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("pipeline fetch needs --article ID, or a source", err);
    }
}
