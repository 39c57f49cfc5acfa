using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Pipeline.Events;
using Pipeline.Fetch;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Fetch;

/// <summary>The UCDP GED client: the paged API with its token header, and the versioned CSV archive.</summary>
[Trait(TestCategory.Trait, TestCategory.Network)]
public sealed class UcdpFetchTests : IDisposable
{
    private const string Token = "ucdp-token-5e1f0c";

    private readonly HttpClient http = new();
    private readonly string outDir = Directory.CreateTempSubdirectory("pipeline-fetch-ucdp-").FullName;
    private readonly List<string> progress = [];

    public void Dispose()
    {
        http.Dispose();
        Directory.Delete(outDir, recursive: true);
    }

    private UcdpFetchOptions Options(Uri baseUrl, string? token = Token) => new()
    {
        ApiBaseUrl = baseUrl,
        ArchiveBaseUrl = baseUrl,
        PageSize = 2,
        MaxPages = 20,
        Http = new HttpFetchOptions { FirstDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), MaxTotalDelay = TimeSpan.FromSeconds(5), AttemptTimeout = TimeSpan.FromMinutes(5) },
        Environment = name => name == "UCDP_TOKEN" ? token : null,
        Progress = line => { lock (progress) { progress.Add(line); } },
    };

    private async Task<FetchResult> Fetch(UcdpQuery query, UcdpFetchOptions options, FetchMode mode = FetchMode.Cached)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        return await new UcdpFetcher(http, options).FetchAsync(query, outDir, mode, timeout.Token);
    }

    /// <summary>A GED API event as JSON (numbers as numbers, dates with a time part as the API sends them).</summary>
    private static Dictionary<string, object?> ApiEvent(int id, string date, int best, int typeOfViolence = 1) => new()
    {
        ["id"] = id, ["relid"] = $"LIB-{date[..4]}-{id}", ["year"] = int.Parse(date[..4], System.Globalization.CultureInfo.InvariantCulture), ["active_year"] = true,
        ["code_status"] = "Clear", ["type_of_violence"] = typeOfViolence, ["conflict_name"] = "Libya: Government", ["dyad_name"] = "Government of Libya - LNA",
        ["side_a"] = "Government of Libya", ["side_b"] = "LNA", ["number_of_sources"] = 2, ["source_article"] = "Reuters, \"Clashes\", 2019",
        ["where_prec"] = 1, ["where_coordinates"] = "Tripoli town", ["adm_1"] = "Tripoli district", ["adm_2"] = null,
        ["latitude"] = 32.8872, ["longitude"] = 13.1913, ["country"] = "Libya", ["country_id"] = 620, ["region"] = "Africa",
        ["event_clarity"] = 1, ["date_prec"] = 1, ["date_start"] = $"{date}T00:00:00", ["date_end"] = $"{date}T00:00:00",
        ["deaths_a"] = best, ["deaths_b"] = 0, ["deaths_civilians"] = 0, ["deaths_unknown"] = 0, ["best"] = best, ["high"] = best + 2, ["low"] = best,
    };

    private static LoopbackServer GedApi(List<Dictionary<string, object?>> events, Func<RecordedRequest, Reply?>? fault = null) => new(r =>
    {
        if (fault?.Invoke(r) is { } f)
        {
            return f;
        }

        if (r.Headers["x-ucdp-access-token"] != Token)
        {
            return Reply.Json(401, "{\"message\":\"Invalid or missing access token\"}");
        }

        Assert.Equal("/api/gedevents/25.1", r.Path);
        var size = int.Parse(r.Param("pagesize"), System.Globalization.CultureInfo.InvariantCulture);
        var page = int.Parse(r.Param("page"), System.Globalization.CultureInfo.InvariantCulture);
        var matching = events.Where(e => e["country_id"]!.ToString() == r.Param("Country")).ToList();
        var pages = (matching.Count + size - 1) / size;
        var next = page + 1 < pages ? $"https://ucdpapi.pcr.uu.se/api/gedevents/25.1?pagesize={size}&page={page + 1}" : "";
        return Reply.Json(200, JsonSerializer.Serialize(new { TotalCount = matching.Count, TotalPages = pages, PreviousPageUrl = "", NextPageUrl = next, Result = matching.Skip(page * size).Take(size) }));
    });

    private static List<Dictionary<string, object?>> FiveLibyaEvents() =>
        [ApiEvent(1, "2019-04-05", 5), ApiEvent(2, "2019-04-06", 0, 2), ApiEvent(3, "2019-05-01", 12, 3), ApiEvent(4, "2019-12-12", 1), ApiEvent(5, "2020-01-03", 3)];

    [Fact]
    public async Task Api_pages_with_the_token_header_into_a_csv_the_ucdp_reader_loads()
    {
        var events = FiveLibyaEvents();
        var egypt = ApiEvent(99, "2019-04-05", 5);
        events.Add(egypt);
        egypt["country"] = "Egypt";
        egypt["country_id"] = 651;
        using var server = GedApi(events);

        var result = await Fetch(new UcdpQuery("Libya", "25.1", UcdpSource.Api), Options(server.BaseUrl));

        Assert.Equal(["0", "1", "2"], server.Requests.Select(r => r.Param("page")));
        Assert.All(server.Requests, r =>
        {
            Assert.Equal("620", r.Param("Country"));
            Assert.Equal("2", r.Param("pagesize"));
            Assert.Equal(Token, r.Headers["x-ucdp-access-token"]);
        });
        Assert.Equal(5, result.Rows);
        var table = EventLoader.Load(result.CsvPath);
        Assert.Equal(0, table.Rejected);
        Assert.Equal(5, table.Loaded);
        Assert.Equal(EventSource.UcdpGed, table.Source);
        Assert.StartsWith("UCDP GED bulk CSV", table.Layout);
        Assert.Equal(new DateOnly(2019, 4, 5), table.Events[0].Date);
        Assert.Equal(7, table.Events[0].FatalitiesHigh);
        Assert.Equal(21, table.Events.Sum(e => e.Fatalities));
        Assert.Contains("2019-04-05,2019-04-05", File.ReadAllText(result.CsvPath));
        Assert.DoesNotContain(Token, string.Concat(Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories).Select(File.ReadAllText)));
    }

    [Fact]
    public async Task Api_second_run_is_served_from_the_cache()
    {
        using var server = GedApi(FiveLibyaEvents());
        var first = await Fetch(new UcdpQuery("620", "25.1", UcdpSource.Api), Options(server.BaseUrl));

        var second = await Fetch(new UcdpQuery("620", "25.1", UcdpSource.Api), Options(server.BaseUrl, token: null));

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(3, second.PagesFromCache);
        Assert.Equal(File.ReadAllBytes(first.CsvPath), File.ReadAllBytes(second.CsvPath));
        Assert.EndsWith("ucdp_ged_25.1_620.csv", second.CsvPath);
    }

    [Fact]
    public async Task Api_without_a_token_says_which_variable_and_offers_the_archive()
    {
        using var server = GedApi(FiveLibyaEvents());

        var ex = await Assert.ThrowsAsync<FetchException>(() => Fetch(new UcdpQuery("Libya", "25.1", UcdpSource.Api), Options(server.BaseUrl, token: null)));

        Assert.Contains("UCDP_TOKEN is not set", ex.Problem);
        Assert.Contains("UcdpQuery.Source archive", ex.Hint); // the library names its parameter; the CLI shows --source
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Api_rejecting_the_token_shows_its_message()
    {
        using var server = GedApi(FiveLibyaEvents());

        var ex = await Assert.ThrowsAsync<FetchException>(() => Fetch(new UcdpQuery("Libya", "25.1", UcdpSource.Api), Options(server.BaseUrl, token: "expired-token")));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.Status);
        Assert.Equal("Invalid or missing access token", ex.ApiMessage);
        Assert.Contains("rejected the access token in UCDP_TOKEN", ex.Problem);
    }

    [Fact]
    public async Task Api_with_a_country_name_it_cannot_code_asks_for_the_code()
    {
        using var server = GedApi(FiveLibyaEvents());

        var ex = await Assert.ThrowsAsync<FetchException>(() => Fetch(new UcdpQuery("Atlantis", "25.1", UcdpSource.Api), Options(server.BaseUrl)));

        Assert.Contains("Gleditsch–Ward", ex.Problem);
        Assert.Contains("Libya 620", ex.Hint);
    }

    [Fact]
    public async Task Api_page_cut_off_is_reported_and_resumed_from_the_cache()
    {
        var broken = true;
        using var server = GedApi(FiveLibyaEvents(), r => broken && r.Param("page") == "1" ? Reply.Json(200, "{\"TotalCount\":5,\"TotalPages\":3,\"Result\":[{\"id\":3,") : null);

        var ex = await Assert.ThrowsAsync<FetchException>(() => Fetch(new UcdpQuery("Libya", "25.1", UcdpSource.Api), Options(server.BaseUrl)));
        Assert.Contains("not valid JSON", ex.Problem);
        broken = false;
        var result = await Fetch(new UcdpQuery("Libya", "25.1", UcdpSource.Api), Options(server.BaseUrl));

        Assert.Equal(["0", "1", "1", "2"], server.Requests.Select(r => r.Param("page")));
        Assert.Equal(1, result.PagesFromCache);
        Assert.Equal(5, result.Rows);
    }

    private static byte[] ArchiveZip(string csvName = "GEDEvent_v25_1.csv")
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry(csvName);
            using var s = entry.Open();
            using var f = File.OpenRead(TestPaths.Fixture("fetch", "ged-bulk-sample.csv"));
            f.CopyTo(s);
        }

        return memory.ToArray();
    }

    private static LoopbackServer Archive(byte[] zip) => new(r => r.Path == "/downloads/ged/ged251-csv.zip"
        ? new Reply(200, zip, new Dictionary<string, string> { ["Content-Type"] = "application/zip" })
        : Reply.Json(404, "{\"message\":\"Not Found\"}"));

    [Fact]
    public async Task Archive_keeps_the_country_rows_of_the_bulk_csv_and_loads_them()
    {
        using var server = Archive(ArchiveZip());

        var result = await Fetch(new UcdpQuery("libya", "25.1"), Options(server.BaseUrl, token: null));

        var request = Assert.Single(server.Requests);
        Assert.Equal("/downloads/ged/ged251-csv.zip", request.Path);
        Assert.Null(request.Headers["x-ucdp-access-token"]);
        Assert.Equal(3, result.Rows);
        var table = EventLoader.Load(result.CsvPath);
        Assert.Equal(0, table.Rejected);
        Assert.Equal(["900001", "900002", "900004"], table.Events.Select(e => e.Id));
        Assert.Equal("UCDP GED bulk CSV (49 columns)", table.Layout);
        Assert.Equal(new DateOnly(2019, 4, 12), table.Events[1].DateEnd);
        Assert.Equal(DatePrecision.Week, table.Events[1].Precision);
        Assert.Equal(8, table.Events.Sum(e => e.Fatalities));

        var p = FetchProvenance.TryReadFor(result.CsvPath)!;
        Assert.Equal("UCDP GED 25.1", p.Dataset);
        Assert.Contains("CC BY 4.0", p.Licence);
        Assert.Contains("Uppsala Conflict Data Program", p.Attribution);
        Assert.Equal("Libya", p.Query["country"]);
        Assert.Equal(Pipeline.Reports.ManifestEntry.Of(Path.Combine(outDir, p.Pages[0].File), "x").Sha256, p.Pages[0].Sha256);
    }

    [Fact]
    public async Task Archive_keeps_several_countries_rows_that_overlap_the_dates()
    {
        using var server = Archive(ArchiveZip());

        // 900001 (Libya, 2019-04-05) ends before From; 900002 (2019-04-06..04-12) overlaps it; 900004 (06-20) is after To.
        var result = await Fetch(new UcdpQuery("Libya|651|Chad", "25.1") { From = new DateOnly(2019, 4, 10), To = new DateOnly(2019, 6, 1) }, Options(server.BaseUrl, token: null));

        Assert.Equal(Path.Combine(outDir, "ucdp_ged_25.1_libya-651-chad_2019-04-10_2019-06-01.csv"), result.CsvPath);
        Assert.Equal(["900002", "900003"], EventLoader.Load(result.CsvPath).Events.Select(e => e.Id));
        Assert.Contains("note: UCDP GED 25.1 archive has no events for 'Chad' between 2019-04-10 and 2019-06-01", progress);
        var p = FetchProvenance.TryReadFor(result.CsvPath)!;
        Assert.Equal("Libya|Egypt|Chad", p.Query["country"]);
        Assert.Equal("2019-04-10", p.Query["from"]);
        Assert.Equal("2019-06-01", p.Query["to"]);
    }

    [Fact]
    public async Task Api_asks_each_country_in_turn_and_keeps_the_rows_in_the_dates()
    {
        var events = FiveLibyaEvents();
        var egypt = ApiEvent(99, "2019-04-05", 5);
        egypt["country"] = "Egypt";
        egypt["country_id"] = 651;
        events.Add(egypt);
        using var server = GedApi(events);

        var result = await Fetch(new UcdpQuery("Libya|Egypt", "25.1", UcdpSource.Api) { From = new DateOnly(2019, 4, 6), To = new DateOnly(2019, 12, 31) }, Options(server.BaseUrl));

        Assert.Equal(["620", "651"], server.Requests.Select(r => r.Param("Country")).Distinct());
        Assert.Equal(["2", "3", "4"], EventLoader.Load(result.CsvPath).Events.Select(e => e.Id));
        Assert.Equal("Libya|Egypt", FetchProvenance.TryReadFor(result.CsvPath)!.Query["country"]);
    }

    [Fact]
    public async Task Archive_is_downloaded_once_and_reused_for_other_countries()
    {
        using var server = Archive(ArchiveZip());
        await Fetch(new UcdpQuery("Libya", "25.1"), Options(server.BaseUrl));

        var egypt = await Fetch(new UcdpQuery("651", "25.1"), Options(server.BaseUrl));

        Assert.Single(server.Requests);
        Assert.Equal(1, egypt.Rows);
        Assert.Equal(1, egypt.PagesFromCache);
        Assert.Equal("900003", Assert.Single(EventLoader.Load(egypt.CsvPath).Events).Id);
    }

    [Fact]
    public async Task Archive_of_an_unknown_version_says_so()
    {
        using var server = Archive(ArchiveZip());

        var ex = await Assert.ThrowsAsync<FetchException>(() => Fetch(new UcdpQuery("Libya", "19.9"), Options(server.BaseUrl)));

        Assert.Equal(HttpStatusCode.NotFound, ex.Status);
        Assert.Contains("no archive for version 19.9", ex.Hint);
    }

    [Fact]
    public async Task A_broken_archive_is_not_cached()
    {
        var zip = ArchiveZip();
        using var server = Archive(zip[..(zip.Length / 2)]);

        var ex = await Assert.ThrowsAsync<FetchException>(() => Fetch(new UcdpQuery("Libya", "25.1"), Options(server.BaseUrl)));

        Assert.Contains("not a readable zip", ex.Problem);
        Assert.False(Directory.Exists(Path.Combine(outDir, "cache", "pages")) && Directory.EnumerateFiles(Path.Combine(outDir, "cache", "pages")).Any());
    }

    [Fact]
    public async Task Archive_without_rows_for_the_country_names_it()
    {
        using var server = Archive(ArchiveZip());

        var ex = await Assert.ThrowsAsync<FetchException>(() => Fetch(new UcdpQuery("Narnia", "25.1"), Options(server.BaseUrl)));

        Assert.Contains("no events for country 'Narnia'", ex.Problem);
        Assert.False(File.Exists(Path.Combine(outDir, "ucdp_ged_25.1_narnia.csv")));
    }

    [Fact]
    public async Task Update_is_refused_for_ucdp()
    {
        using var server = Archive(ArchiveZip());

        Assert.Equal("FetchMode.Update", (await Assert.ThrowsAsync<ParameterException>(() => Fetch(new UcdpQuery("Libya", "25.1"), Options(server.BaseUrl), FetchMode.Update))).ParamName);
        Assert.Equal("UcdpQuery.Version", Assert.Throws<ParameterException>(() => new UcdpQuery("Libya", "latest").Validate()).ParamName);
    }
}
