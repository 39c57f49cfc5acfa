using System.Net;
using System.Text;
using System.Text.Json;
using Pipeline.Events;
using Pipeline.Fetch;
using Pipeline.Reports;

namespace Pipeline.Tests.Fetch;

/// <summary>The ACLED client against a loopback server speaking ACLED's API shapes.</summary>
[Trait(TestCategory.Trait, TestCategory.Network)]
public sealed class AcledFetchTests : IDisposable
{
    private static readonly AcledQuery Libya = new("Libya", new DateOnly(2019, 6, 1), new DateOnly(2020, 12, 31));

    private readonly FakeAcledApi api = new();
    private readonly HttpClient http = new();
    private readonly string outDir = Directory.CreateTempSubdirectory("pipeline-fetch-acled-").FullName;
    private readonly List<string> progress = [];

    public AcledFetchTests()
    {
        string[] dates2019 = ["2019-07-01", "2019-08-15", "2019-12-31"];
        string[] dates2020 = ["2020-01-01", "2020-01-02", "2020-03-10", "2020-06-30", "2020-12-31"];
        var i = 0;
        foreach (var d in dates2019.Concat(dates2020))
        {
            i++;
            api.Events.Add(FakeAcledApi.Event($"LBY{i}", d, i % 3, 1600000000 + i));
        }

        api.Events.Add(FakeAcledApi.Event("EGY1", "2020-02-02", 4, 1600000100, country: "Egypt"));
        api.Events.Add(FakeAcledApi.Event("LBY0", "2019-05-31", 1, 1600000000));
    }

    public void Dispose()
    {
        http.Dispose();
        api.Dispose();
        Directory.Delete(outDir, recursive: true);
    }

    private AcledFetchOptions Options(Func<string, string?>? environment = null, int maxAttempts = 5, TimeSpan? budget = null) => new()
    {
        BaseUrl = api.BaseUrl,
        PageSize = 2,
        MaxPagesPerRange = 50,
        Http = new HttpFetchOptions { MaxAttempts = maxAttempts, FirstDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), MaxTotalDelay = budget ?? TimeSpan.FromSeconds(5), AttemptTimeout = TimeSpan.FromMinutes(5) },
        Environment = environment ?? FakeAcledApi.Environment(),
        Progress = line => { lock (progress) { progress.Add(line); } },
    };

    private async Task<FetchResult> Fetch(AcledQuery? query = null, FetchMode mode = FetchMode.Cached, AcledFetchOptions? options = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        return await new AcledFetcher(http, options ?? Options()).FetchAsync(query ?? Libya, outDir, mode, timeout.Token);
    }

    private async Task<FetchException> FetchFails(AcledQuery? query = null, AcledFetchOptions? options = null) =>
        await Assert.ThrowsAsync<FetchException>(() => Fetch(query, options: options));

    /// <summary>No e-mail, password, access or refresh token in any file under the output folder.</summary>
    private void AssertNoCredentialsWritten()
    {
        var secrets = new[] { FakeAcledApi.Email, FakeAcledApi.Password }.Concat(api.IssuedSecrets).ToList();
        Assert.NotEmpty(Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories));
        foreach (var file in Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories))
        {
            var text = Encoding.UTF8.GetString(File.ReadAllBytes(file));
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{file} contains a credential");
            }
        }
    }

    private static void AssertNoCredentials(string message)
    {
        Assert.DoesNotContain(FakeAcledApi.Email, message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(FakeAcledApi.Password, message, StringComparison.Ordinal);
    }

    private string CacheIndex => File.ReadAllText(Path.Combine(outDir, "cache", "index.json"));

    /// <summary>Page files in the cache (none when nothing was ever stored).</summary>
    private List<string> CachedPages => Directory.Exists(Path.Combine(outDir, "cache", "pages"))
        ? Directory.EnumerateFiles(Path.Combine(outDir, "cache", "pages")).ToList()
        : [];

    [Fact]
    public async Task Pages_each_calendar_year_until_an_empty_page_with_a_bearer_token()
    {
        var result = await Fetch();

        var token = Assert.Single(api.TokenRequests);
        Assert.Equal("POST", token.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", token.Headers["Content-Type"]);
        Assert.Equal(FakeAcledApi.Email, token.Form["username"]);
        Assert.Equal(FakeAcledApi.Password, token.Form["password"]);
        Assert.Equal("password", token.Form["grant_type"]);
        Assert.Equal("acled", token.Form["client_id"]);
        Assert.Equal("authenticated", token.Form["scope"]);

        var reads = api.Reads.Select(r => (r.Param("event_date"), r.Param("page"))).ToList();
        Assert.Equal(
        [
            ("2019-06-01|2019-12-31", "1"), ("2019-06-01|2019-12-31", "2"), ("2019-06-01|2019-12-31", "3"),
            ("2020-01-01|2020-12-31", "1"), ("2020-01-01|2020-12-31", "2"), ("2020-01-01|2020-12-31", "3"), ("2020-01-01|2020-12-31", "4"),
        ], reads);
        Assert.All(api.Reads, r =>
        {
            Assert.Equal("Bearer access-tok1-7d1e", r.Authorization);
            Assert.Equal("Libya", r.Param("country"));
            Assert.Equal("BETWEEN", r.Param("event_date_where"));
            Assert.Equal("json", r.Param("_format"));
            Assert.Equal("2", r.Param("limit"));
        });

        Assert.Equal(8, result.Rows);
        Assert.Equal(7, result.PagesFetched);
        Assert.Equal(0, result.PagesFromCache);
        Assert.Equal(Path.Combine(outDir, "acled_libya_2019-06-01_2020-12-31.csv"), result.CsvPath);
    }

    [Fact]
    public async Task Written_csv_loads_with_the_event_loader_without_rejections()
    {
        var result = await Fetch();

        var table = EventLoader.Load(result.CsvPath);
        Assert.Equal(8, table.RowsRead);
        Assert.Equal(0, table.Rejected);
        Assert.Equal(EventSource.Acled, table.Source);
        Assert.Equal("ACLED 2023+ export (31 columns)", table.Layout);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"LBY{i}"), table.Events.Select(e => e.Id));
        Assert.Equal((new DateOnly(2019, 7, 1), new DateOnly(2020, 12, 31)), table.DateSpan);
        Assert.Equal(api.Events.Where(e => e["event_id_cnty"].StartsWith("LBY", StringComparison.Ordinal) && e["event_id_cnty"] != "LBY0").Sum(e => int.Parse(e["fatalities"], System.Globalization.CultureInfo.InvariantCulture)), table.Events.Sum(e => e.Fatalities));
        Assert.Equal(HarmonisedEventType.Battles, table.Events[0].HarmonisedType);
        Assert.Contains("\"heavy\" shelling; notes with a comma", File.ReadAllText(result.CsvPath).Replace("\"\"", "\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Provenance_lists_query_pages_with_hashes_and_the_csv_hash_but_no_credentials()
    {
        var result = await Fetch();

        Assert.Equal(Path.Combine(outDir, "acled_libya_2019-06-01_2020-12-31.provenance.json"), result.ProvenancePath);
        var p = FetchProvenance.TryReadFor(result.CsvPath)!;
        Assert.Equal("ACLED", p.Dataset);
        Assert.Equal("Libya", p.Query["country"]);
        Assert.Equal("2019-06-01", p.Query["from"]);
        Assert.Equal(7, p.Pages.Count);
        foreach (var page in p.Pages)
        {
            Assert.Equal(page.Sha256, ManifestEntry.Of(Path.Combine(outDir, page.File), page.File).Sha256);
        }

        Assert.Equal(ManifestEntry.Of(result.CsvPath, "x").Sha256, p.Output.Sha256);
        Assert.Equal(8, p.Output.Rows);
        Assert.Contains("ACLED", p.Attribution);
        AssertNoCredentialsWritten();
    }

    [Fact]
    public async Task Second_run_reads_the_cache_and_makes_no_requests()
    {
        var first = await Fetch();
        var bytes = File.ReadAllBytes(first.CsvPath);
        var requests = api.Requests.Count;

        var second = await Fetch(options: Options(environment: _ => null));

        Assert.Equal(requests, api.Requests.Count);
        Assert.Equal(0, second.PagesFetched);
        Assert.Equal(7, second.PagesFromCache);
        Assert.Equal(bytes, File.ReadAllBytes(second.CsvPath));
        Assert.All(FetchProvenance.TryReadFor(second.CsvPath)!.Pages, p => Assert.True(p.FromCache));
    }

    [Fact]
    public async Task Refresh_fetches_every_page_again()
    {
        await Fetch();
        var reads = api.Reads.Count;

        var again = await Fetch(mode: FetchMode.Refresh);

        Assert.Equal(7, again.PagesFetched);
        Assert.Equal(reads + 7, api.Reads.Count);
    }

    [Fact]
    public async Task Missing_credentials_name_both_variables_and_no_request_is_made()
    {
        var ex = await FetchFails(options: Options(environment: _ => null));

        Assert.Contains("ACLED_EMAIL and ACLED_PASSWORD are not set", ex.Problem);
        Assert.Contains("export ACLED_EMAIL=", ex.Hint);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Missing_password_alone_is_named()
    {
        var ex = await FetchFails(options: Options(environment: FakeAcledApi.Environment(password: " ")));

        Assert.Contains("ACLED_PASSWORD is not set", ex.Problem);
        Assert.DoesNotContain("ACLED_EMAIL is", ex.Problem);
    }

    [Fact]
    public async Task Rejected_credentials_show_the_server_message_without_the_credentials()
    {
        var ex = await FetchFails(options: Options(environment: FakeAcledApi.Environment(password: "wrong-" + FakeAcledApi.Password)));

        Assert.Contains("ACLED rejected the sign-in", ex.Problem);
        Assert.Equal(HttpStatusCode.BadRequest, ex.Status);
        Assert.Equal("The user credentials were incorrect.", ex.ApiMessage);
        Assert.Empty(api.Reads);
        AssertNoCredentials(ex.Message);
        Assert.Empty(CachedPages);
    }

    [Fact]
    public async Task Server_message_that_echoes_the_email_is_scrubbed()
    {
        api.Fault = r => r.Path == "/api/acled/read"
            ? Reply.Json(400, $"{{\"status\":400,\"success\":false,\"error\":{{\"message\":\"Account {FakeAcledApi.Email} has no API access\"}}}}")
            : null;

        var ex = await FetchFails();

        Assert.Equal("Account *** has no API access", ex.ApiMessage);
        AssertNoCredentials(ex.Message);
    }

    [Fact]
    public async Task A_401_renews_the_token_with_the_refresh_grant_and_goes_on()
    {
        var revoked = false;
        api.Fault = r =>
        {
            if (r.Path == "/api/acled/read" && r.Param("page") == "2" && !revoked)
            {
                revoked = true;
                api.RevokeAccessTokens();
            }

            return null;
        };

        var result = await Fetch();

        Assert.Equal(8, result.Rows);
        Assert.Equal(["password", "refresh_token"], api.TokenRequests.Select(t => t.Form["grant_type"]));
        Assert.Equal("refresh-tok1-a9c2", api.TokenRequests[1].Form["refresh_token"]);
        Assert.Equal("acled", api.TokenRequests[1].Form["client_id"]);
        Assert.Single(api.Reads, r => r.Authorization == "Bearer access-tok1-7d1e" && r.Param("page") == "2");
        Assert.Equal("Bearer access-tok2-7d1e", api.Reads[^1].Authorization);
        AssertNoCredentialsWritten();
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_before_the_next_request()
    {
        api.ExpiresIn = 30;

        var result = await Fetch();

        Assert.Equal(8, result.Rows);
        Assert.Equal("password", api.TokenRequests[0].Form["grant_type"]);
        Assert.True(api.TokenRequests.Count >= 7);
        Assert.All(api.TokenRequests.Skip(1), t => Assert.Equal("refresh_token", t.Form["grant_type"]));
        Assert.Equal(7, api.Reads.Count);
        Assert.Equal(api.Reads.Count, api.Reads.Select(r => r.Authorization).Distinct().Count());
    }

    [Fact]
    public async Task A_401_that_persists_after_renewal_is_reported()
    {
        api.Fault = r => r.Path == "/api/acled/read" ? Reply.Json(401, "{\"status\":401,\"success\":false,\"error\":{\"message\":\"Access denied: invalid or expired token\"}}") : null;

        var ex = await FetchFails();

        Assert.Contains("rejected the access token even after renewing it", ex.Problem);
        Assert.Equal(HttpStatusCode.Unauthorized, ex.Status);
        Assert.Equal("Access denied: invalid or expired token", ex.ApiMessage);
        Assert.Equal(2, api.Reads.Count);
    }

    [Fact]
    public async Task A_403_shows_the_api_message_and_caches_nothing()
    {
        api.Fault = r => r.Path == "/api/acled/read" ? Reply.Json(403, "{\"status\":403,\"success\":false,\"error\":{\"message\":\"Your access level does not include this data\"}}") : null;

        var ex = await FetchFails();

        Assert.Contains("ACLED refused access", ex.Problem);
        Assert.Equal(HttpStatusCode.Forbidden, ex.Status);
        Assert.Equal("Your access level does not include this data", ex.ApiMessage);
        Assert.Contains("Your access level does not include this data", ex.Message);
        Assert.Single(api.Reads);
        Assert.Empty(CachedPages);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_retry_after_delay()
    {
        var limited = 0;
        api.Fault = r => r.Path == "/api/acled/read" && Interlocked.Increment(ref limited) == 1
            ? Reply.Json(429, "{\"message\":\"Too many requests\"}", new Dictionary<string, string> { ["Retry-After"] = "1" })
            : null;
        var clock = new RecordingTimeProvider();

        var result = await Fetch(options: Options() with { Time = clock });

        Assert.Equal(8, result.Rows);
        Assert.Equal(8, api.Reads.Count);
        // The one wait asked for is the server's Retry-After, not the 1 ms back-off: honoured, without timing it.
        Assert.Equal([TimeSpan.FromSeconds(1)], clock.Delays);
        Assert.Contains(progress, p => p.Contains("HTTP 429, retrying in 1 s (attempt 2 of 5)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_retry_after_beyond_the_budget_stops_at_once_with_a_clear_message()
    {
        api.Fault = r => r.Path == "/api/acled/read" ? Reply.Json(429, "{\"message\":\"Rate limit exceeded\"}", new Dictionary<string, string> { ["Retry-After"] = "120" }) : null;

        var ex = await FetchFails();

        Assert.Single(api.Reads);
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.Status);
        Assert.Equal("Rate limit exceeded", ex.ApiMessage);
        Assert.Contains("retry budget", ex.Problem);
    }

    [Fact]
    public async Task Three_500s_then_success_is_retried_to_completion()
    {
        var failures = 0;
        api.Fault = r => r.Path == "/api/acled/read" && r.Param("page") == "2" && Interlocked.Increment(ref failures) <= 3
            ? Reply.Json(500, "{\"message\":\"Internal Server Error\"}")
            : null;

        var result = await Fetch();

        Assert.Equal(8, result.Rows);
        Assert.Equal(7 + 3, api.Reads.Count);
        Assert.Equal(3, progress.Count(p => p.Contains("HTTP 500, retrying", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_server_error_that_persists_gives_up_after_the_bounded_attempts()
    {
        api.Fault = r => r.Path == "/api/acled/read" ? Reply.Json(503, "{\"message\":\"Service Unavailable\"}") : null;

        var ex = await FetchFails(options: Options(maxAttempts: 4));

        Assert.Equal(4, api.Reads.Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.Status);
        Assert.Contains("gave up after 4 attempts", ex.Problem);
        Assert.Equal("Service Unavailable", ex.ApiMessage);
    }

    [Fact]
    public async Task A_truncated_json_body_is_a_clear_error_and_is_not_cached()
    {
        api.Fault = r => r.Path == "/api/acled/read" && r.Param("page") == "2"
            ? Reply.Json(200, "{\"status\":200,\"success\":true,\"count\":2,\"data\":[{\"event_id_cnty\":\"LBY3\",\"event_da")
            : null;

        var ex = await FetchFails();

        Assert.Contains("not valid JSON (cut off", ex.Problem);
        Assert.Contains("run the same command again", ex.Hint);
        Assert.Contains("page=2", ex.Url);
        var index = JsonDocument.Parse(CacheIndex).RootElement.GetProperty("pages");
        Assert.EndsWith("&page=1", Assert.Single(index.EnumerateObject()).Name);
    }

    [Fact]
    public async Task A_connection_cut_mid_body_is_retried()
    {
        var cuts = 0;
        api.Fault = r =>
        {
            if (r.Path == "/api/acled/read" && r.Param("page") == "1" && Interlocked.Increment(ref cuts) == 1)
            {
                var body = Encoding.UTF8.GetBytes("{\"status\":200,\"success\":true,\"count\":2,\"data\":[]}" + new string(' ', 4000));
                return new Reply(200, body, new Dictionary<string, string> { ["Content-Type"] = "application/json" }, CutAfter: 20);
            }

            return null;
        };

        var result = await Fetch();

        Assert.Equal(8, result.Rows);
        Assert.Equal(8, api.Reads.Count);
    }

    [Fact]
    public async Task An_interrupted_fetch_resumes_from_the_cache()
    {
        api.Fault = r => r.Path == "/api/acled/read" && r.Param("event_date").StartsWith("2020", StringComparison.Ordinal) && r.Param("page") == "2"
            ? Reply.Json(502, "{\"message\":\"Bad Gateway\"}")
            : null;
        var ex = await FetchFails();
        Assert.Equal(HttpStatusCode.BadGateway, ex.Status);
        Assert.False(File.Exists(Path.Combine(outDir, "acled_libya_2019-06-01_2020-12-31.csv")));
        var readsBefore = api.Reads.Count;

        api.Fault = null;
        var result = await Fetch();

        var resumed = api.Reads.Skip(readsBefore).Select(r => (r.Param("event_date")[..4], r.Param("page"))).ToList();
        Assert.Equal([("2020", "2"), ("2020", "3"), ("2020", "4")], resumed);
        Assert.Equal(4, result.PagesFromCache);
        Assert.Equal(3, result.PagesFetched);
        Assert.Equal(8, EventLoader.Load(result.CsvPath).Loaded);
        Assert.Empty(Directory.EnumerateFiles(outDir, "*.tmp", SearchOption.AllDirectories));
        AssertNoCredentialsWritten();
    }

    [Fact]
    public async Task A_damaged_cache_file_is_reported_and_fetched_again()
    {
        await Fetch();
        var p = FetchProvenance.TryReadFor(Path.Combine(outDir, "acled_libya_2019-06-01_2020-12-31.csv"))!;
        var damaged = Path.Combine(outDir, p.Pages[1].File);
        File.WriteAllText(damaged, "{\"status\":200,\"success\":true,\"count\":0,\"data\":[]}");
        var reads = api.Reads.Count;

        var result = await Fetch();

        Assert.Equal(1, result.PagesRepaired);
        Assert.Equal(1, result.PagesFetched);
        Assert.Equal(reads + 1, api.Reads.Count);
        Assert.Equal("2", api.Reads[^1].Param("page"));
        Assert.Contains(progress, l => l.Contains("does not match its SHA-256", StringComparison.Ordinal));
        Assert.Equal(8, result.Rows);
        Assert.Equal(p.Pages[1].Sha256, PageCacheHash(damaged));
    }

    private static string PageCacheHash(string file) => ManifestEntry.Of(file, file).Sha256;

    [Fact]
    public async Task A_corrupt_cache_index_is_reported_and_rebuilt()
    {
        await Fetch();
        File.WriteAllText(Path.Combine(outDir, "cache", "index.json"), "{ not json");

        var result = await Fetch();

        Assert.Equal(7, result.PagesFetched);
        Assert.Contains(progress, l => l.Contains("index.json is not valid JSON", StringComparison.Ordinal));
        Assert.Equal(7, JsonDocument.Parse(CacheIndex).RootElement.GetProperty("pages").EnumerateObject().Count());
    }

    [Fact]
    public async Task No_rows_overall_names_the_country_and_dates()
    {
        var ex = await FetchFails(query: new AcledQuery("Chad", new DateOnly(2020, 1, 1), new DateOnly(2020, 3, 31)));

        Assert.Contains("no events for country 'Chad' with event_date between 2020-01-01 and 2020-03-31", ex.Problem);
        Assert.Contains("spelling", ex.Hint);
        Assert.Single(api.Reads);
    }

    [Fact]
    public async Task An_error_object_in_a_200_answer_is_shown()
    {
        api.Fault = r => r.Path == "/api/acled/read"
            ? Reply.Json(200, "{\"status\":400,\"success\":false,\"error\":{\"status\":400,\"message\":\"Invalid value for event_date\"}}")
            : null;

        var ex = await FetchFails();

        Assert.Contains("ACLED reported an error", ex.Problem);
        Assert.Equal("Invalid value for event_date", ex.ApiMessage);
        Assert.Equal(HttpStatusCode.BadRequest, ex.Status);
    }

    [Fact]
    public async Task A_page_whose_count_is_below_its_rows_is_rejected()
    {
        api.Fault = r => r.Path == "/api/acled/read"
            ? Reply.Json(200, JsonSerializer.Serialize(new { status = 200, success = true, count = 1, data = new[] { FakeAcledApi.Event("LBY1", "2019-07-01", 0, 1), FakeAcledApi.Event("LBY2", "2019-07-02", 0, 1) } }))
            : null;

        var ex = await FetchFails();

        Assert.Contains("count=1 but holds 2 rows", ex.Problem);
    }

    [Fact]
    public async Task A_count_that_is_the_total_reads_like_a_page_count_including_the_empty_final_page()
    {
        var perPage = await Fetch();
        var perPageCsv = File.ReadAllBytes(perPage.CsvPath);
        var perPageReads = api.Reads.Count;
        Directory.Delete(outDir, recursive: true);
        api.CountIsTotal = true;

        var total = await Fetch();

        // The 2020 range holds 5 events over pages of 2: the final empty page says count=5 and must not fail.
        Assert.Contains(api.Reads.Skip(perPageReads), r => r.Param("event_date").StartsWith("2020", StringComparison.Ordinal) && r.Param("page") == "4");
        Assert.Equal(perPageCsv, File.ReadAllBytes(total.CsvPath));
        Assert.Equal(perPage.Rows, total.Rows);
        Assert.Equal(perPageReads * 2, api.Reads.Count);
    }

    [Fact]
    public async Task A_misspelt_country_is_refused_offline_with_a_suggestion()
    {
        var ex = await FetchFails(query: new AcledQuery("Lybia", new DateOnly(2020, 1, 1), new DateOnly(2020, 3, 31)));

        Assert.Contains("'Lybia' is not a country in ACLED's country table", ex.Problem);
        Assert.Contains("did you mean \"Libya\"?", ex.Hint);
        Assert.Empty(api.Requests);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outDir));
    }

    [Fact]
    public async Task An_unknown_country_without_a_near_name_is_refused_offline()
    {
        var ex = await FetchFails(query: new AcledQuery("Narnia", new DateOnly(2020, 1, 1), new DateOnly(2020, 3, 31)));

        Assert.Contains("'Narnia' is not a country in ACLED's country table", ex.Problem);
        Assert.DoesNotContain("did you mean", ex.Hint, StringComparison.Ordinal);
        Assert.Contains("acled_countries.csv", ex.Hint);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Several_countries_go_in_one_request_per_year_and_one_file()
    {
        var result = await Fetch(query: new AcledQuery("Libya|egypt", new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31)));

        Assert.All(api.Reads, r => Assert.Equal("Libya|Egypt", r.Param("country")));
        Assert.Equal(6, result.Rows);
        Assert.EndsWith("acled_libya-egypt_2020-01-01_2020-12-31.csv", result.CsvPath, StringComparison.Ordinal);
        Assert.Contains(EventLoader.Load(result.CsvPath).Events, e => e.Id == "EGY1");
        Assert.Equal("Libya|Egypt", FetchProvenance.TryReadFor(result.CsvPath)!.Query["country"]);
    }

    [Fact]
    public async Task A_region_is_requested_by_its_code_and_an_unknown_code_is_refused_offline()
    {
        var syria = FakeAcledApi.Event("SYR1", "2020-05-01", 2, 1600000200, country: "Syria");
        syria["region"] = "Middle East";
        api.Events.Add(syria);

        var result = await Fetch(query: new AcledQuery("", new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31)) { Region = 5 });

        Assert.All(api.Reads, r => Assert.Equal("5", r.Param("region")));
        Assert.All(api.Reads, r => Assert.Equal("", r.Param("country")));
        Assert.Equal(6, result.Rows);
        Assert.EndsWith("acled_region5_2020-01-01_2020-12-31.csv", result.CsvPath, StringComparison.Ordinal);
        var reads = api.Requests.Count;

        var ex = await FetchFails(query: new AcledQuery("", new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31)) { Region = 6 });

        Assert.Contains("region 6 is not one of ACLED's region codes", ex.Problem);
        Assert.Contains("5 = Northern Africa", ex.Hint);
        Assert.Equal(reads, api.Requests.Count);
    }

    [Fact]
    public async Task One_misspelt_country_among_several_stops_the_request()
    {
        var ex = await FetchFails(query: new AcledQuery("Libya|Egpyt", new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31)));

        Assert.Contains("did you mean \"Egypt\"?", ex.Hint);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task A_range_before_the_countrys_coverage_is_refused_naming_the_start_year()
    {
        // Syria starts in 2017 in ACLED's table.
        var ex = await FetchFails(query: new AcledQuery("Syria", new DateOnly(2012, 1, 1), new DateOnly(2016, 12, 31)));

        Assert.Contains("ACLED covers Syria from 2017", ex.Problem);
        Assert.Contains("2017-01-01", ex.Hint);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task A_range_starting_before_coverage_is_fetched_with_a_note_and_the_tables_spelling()
    {
        api.Events.Add(FakeAcledApi.Event("SYR1", "2017-03-01", 2, 1600000200, country: "Syria"));

        var result = await Fetch(query: new AcledQuery("syria", new DateOnly(2016, 6, 1), new DateOnly(2017, 12, 31)));

        Assert.Equal(1, result.Rows);
        Assert.Contains(progress, l => l.Contains("ACLED covers Syria from 2017", StringComparison.Ordinal));
        Assert.All(api.Reads, r => Assert.Equal("Syria", r.Param("country")));
    }

    [Fact]
    public async Task A_server_that_never_sends_an_empty_page_is_stopped_by_the_page_bound()
    {
        api.Fault = r => r.Path == "/api/acled/read"
            ? Reply.Json(200, JsonSerializer.Serialize(new { status = 200, success = true, count = 1, data = new[] { FakeAcledApi.Event("LBY" + r.Param("page"), "2019-07-01", 0, 1) } }))
            : null;

        var ex = await FetchFails(options: Options() with { MaxPagesPerRange = 5 });

        Assert.Contains("still no empty page after 5 pages", ex.Problem);
        Assert.Equal(5, api.Reads.Count);
    }

    [Fact]
    public async Task Update_fetches_changes_since_the_newest_timestamp_applies_deletions_and_keeps_the_snapshot()
    {
        var first = await Fetch();
        var before = File.ReadAllBytes(first.CsvPath);
        const long newest = 1600000008;
        api.Events.Add(FakeAcledApi.Event("LBY9", "2020-07-04", 7, 1700000001));
        var changed = api.Events.Single(e => e["event_id_cnty"] == "LBY2");
        changed["fatalities"] = "25";
        changed["timestamp"] = "1700000002";
        api.Deletions.Add(("LBY5", 1700000003));
        api.Deletions.Add(("SYR77", 1700000004));
        api.Deletions.Add(("LBY6", 1500000000));
        var readsBefore = api.Requests.Count;

        var result = await Fetch(mode: FetchMode.Update);

        Assert.Equal(new AcledUpdateCounts(newest, Added: 1, Changed: 1, Deleted: 1), result.Update);
        var updateReads = api.Requests.Skip(readsBefore).Where(r => r.Param("timestamp").Length > 0).ToList();
        Assert.NotEmpty(updateReads);
        Assert.All(updateReads, r =>
        {
            Assert.Equal("1600000008", r.Param("timestamp"));
            Assert.Equal(">=", r.Param("timestamp_where"));
            Assert.Equal("2019-06-01|2020-12-31", r.Param("event_date"));
        });
        var deletions = api.Requests.Skip(readsBefore).Where(r => r.Path == "/api/deleted/read").ToList();
        Assert.Equal(["1", "2"], deletions.Select(r => r.Param("page")));
        Assert.All(deletions, r => Assert.Equal("1600000008", r.Param("deleted_timestamp")));

        var table = EventLoader.Load(result.CsvPath);
        Assert.Equal(0, table.Rejected);
        Assert.Equal(8, table.Loaded);
        Assert.DoesNotContain(table.Events, e => e.Id == "LBY5");
        Assert.Equal(25, table.Events.Single(e => e.Id == "LBY2").Fatalities);
        Assert.Contains(table.Events, e => e.Id == "LBY9");

        Assert.NotNull(result.PreviousSnapshot);
        Assert.Equal(before, File.ReadAllBytes(result.PreviousSnapshot!));
        Assert.StartsWith(Path.Combine(outDir, "snapshots"), result.PreviousSnapshot);
        Assert.Equal(1600000008, Assert.Single(FetchProvenance.TryReadFor(result.CsvPath)!.Updates).Since);
        AssertNoCredentialsWritten();
    }

    [Fact]
    public async Task After_an_update_a_plain_run_replays_it_from_the_cache_offline()
    {
        await Fetch();
        api.Events.Add(FakeAcledApi.Event("LBY9", "2020-07-04", 7, 1700000001));
        api.Deletions.Add(("LBY1", 1700000003));
        var updated = await Fetch(mode: FetchMode.Update);
        var bytes = File.ReadAllBytes(updated.CsvPath);
        var requests = api.Requests.Count;

        var replay = await Fetch(options: Options(environment: _ => null));

        Assert.Equal(requests, api.Requests.Count);
        Assert.Equal(bytes, File.ReadAllBytes(replay.CsvPath));
        Assert.Null(replay.Update);

        var second = await Fetch(mode: FetchMode.Update);
        // LBY1's deletion is listed again (deleted after the new threshold) but is already applied.
        Assert.Equal(new AcledUpdateCounts(1700000001, 0, 0, 0), second.Update);
        Assert.Equal(2, FetchProvenance.TryReadFor(second.CsvPath)!.Updates.Count);
    }

    [Fact]
    public async Task Update_takes_rows_sharing_the_newest_timestamp_and_keeps_the_newest_version_of_each_event()
    {
        // Many rows on one timestamp, as in ACLED: the newest cached value is shared by three rows.
        api.Events.Clear();
        for (var i = 1; i <= 3; i++)
        {
            api.Events.Add(FakeAcledApi.Event($"LBY{i}", $"2020-01-0{i}", 1, 1650000000));
        }

        api.Events.Add(FakeAcledApi.Event("LBY4", "2020-01-04", 1, 1640000000));
        var query = new AcledQuery("Libya", new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31));
        await Fetch(query);

        // Published in the same second as the newest cached rows, after our first fetch: '>' would miss it.
        api.Events.Add(FakeAcledApi.Event("LBY5", "2020-01-05", 3, 1650000000));
        // An edited event carries a newer timestamp; an older duplicate of it is also served and must not win.
        var edited = api.Events.Single(e => e["event_id_cnty"] == "LBY4");
        edited["fatalities"] = "9";
        edited["timestamp"] = "1660000000";
        var stale = FakeAcledApi.Event("LBY4", "2020-01-04", 2, 1650000000);
        api.Events.Add(stale);

        var result = await Fetch(query, FetchMode.Update);

        Assert.Equal(new AcledUpdateCounts(1650000000, Added: 1, Changed: 1, Deleted: 0), result.Update);
        var table = EventLoader.Load(result.CsvPath);
        Assert.Equal(5, table.Loaded);
        Assert.Equal(9, table.Events.Single(e => e.Id == "LBY4").Fatalities);
        Assert.Equal(3, table.Events.Single(e => e.Id == "LBY5").Fatalities);
    }

    [Fact]
    public void Query_splits_by_calendar_year_and_checks_its_dates()
    {
        var q = new AcledQuery("Libya", new DateOnly(2011, 2, 15), new DateOnly(2013, 3, 1));

        Assert.Equal(
            [(new DateOnly(2011, 2, 15), new DateOnly(2011, 12, 31)), (new DateOnly(2012, 1, 1), new DateOnly(2012, 12, 31)), (new DateOnly(2013, 1, 1), new DateOnly(2013, 3, 1))],
            q.YearRanges());
        Assert.Single(new AcledQuery("Libya", new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 1)).YearRanges());
        Assert.Equal("AcledQuery.To", Assert.Throws<ParameterException>(() => new AcledQuery("Libya", new DateOnly(2020, 2, 1), new DateOnly(2020, 1, 1)).Validate()).ParamName);
        Assert.Equal("AcledQuery.Country", Assert.Throws<ParameterException>(() => new AcledQuery(" ", new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 1)).Validate()).ParamName);
    }

    [Fact]
    public void Credentials_never_show_in_their_string_form()
    {
        var c = AcledCredentials.FromEnvironment(FakeAcledApi.Environment());

        AssertNoCredentials(c.ToString());
        Assert.Equal("user *** and ***", c.Scrub($"user {FakeAcledApi.Email.ToUpperInvariant()} and {FakeAcledApi.Password}"));
    }
}
