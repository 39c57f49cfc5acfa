using System.Globalization;
using System.Net.Http.Headers;
using System.Net;
using System.Text.Json;
using Pipeline.Events;
using Pipeline.Text;

namespace Pipeline.Fetch;

/// <summary>
/// Downloads one country's ACLED events through the API into a normal ACLED CSV (2023 export column order,
/// read by <c>EventLoader</c>) plus its <see cref="FetchProvenance"/>.
/// </summary>
/// <remarks>
/// <para>Requests: <c>{base}/api/acled/read?_format=json&amp;country=…&amp;event_date=FROM|TO&amp;event_date_where=BETWEEN&amp;limit=…&amp;page=N</c>
/// with a <c>Bearer</c> token (<see cref="AcledTokenProvider"/>), one calendar year per range, pages 1, 2, …
/// until an empty page. A 401 renews the token once; 429 and 5xx are retried within <see cref="HttpFetchOptions"/>.</para>
/// <para>Every response is validated, then cached (<see cref="PageCache"/>); the CSV is always rebuilt from the
/// cached responses, so re-running a query is offline and an interrupted run resumes at the first missing page.</para>
/// <para><see cref="FetchMode.Update"/> asks for rows whose <c>timestamp</c> is at or after the newest cached one
/// (<c>timestamp=T&amp;timestamp_where=&gt;=</c>: ACLED timestamps are heavily shared, so rows published in the same
/// second as the newest cached row must be asked for again) and for deletions from
/// <c>{base}/api/deleted/read?deleted_timestamp=T&amp;deleted_timestamp_where=&gt;=</c>. The newest version of each
/// <c>event_id_cnty</c> is kept (by <c>timestamp</c>; an equal timestamp takes the later copy); a row identical to the
/// cached one is not counted, an edited one counts as changed, a new one as added, a deleted id present in the
/// data as deleted. The update is recorded in the cache
/// so later runs replay it, and the file it replaces is kept under <c>snapshots/</c>.</para>
/// </remarks>
public sealed class AcledFetcher
{
    private const string Licence = "ACLED Terms of Use (acleddata.com/terms-of-use): redistribution of the data is restricted; do not publish the raw rows";
    private const string Attribution = "Armed Conflict Location & Event Data (ACLED), www.acleddata.com; cite as required by ACLED's attribution policy, with the access date";

    private readonly AcledFetchOptions options;
    private readonly TransientRetry http;
    private readonly AcledTokenProvider tokens;

    /// <summary>Creates a fetcher over an <see cref="HttpClient"/> the caller owns.</summary>
    public AcledFetcher(HttpClient httpClient, AcledFetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
        http = new TransientRetry(httpClient, options.Http, options.Time, options.Progress);
        tokens = new AcledTokenProvider(http, new Uri(options.Root, "oauth/token"), () => AcledCredentials.FromEnvironment(options.Environment), options.Time, options.Progress);
    }

    /// <summary>Fetches (or rebuilds from the cache) the query's events into <paramref name="outFolder"/>.</summary>
    /// <exception cref="FetchException">Credentials missing or rejected, an API error, an unreadable response, or no events matched.</exception>
    public Task<FetchResult> FetchAsync(AcledQuery query, string outFolder, FetchMode mode = FetchMode.Cached, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return FetchCoreAsync([query], outFolder, mode, cancellationToken);
    }

    /// <summary>
    /// Fetches several queries (e.g. groups of countries, each over its own dates) into one CSV and one provenance
    /// file in <paramref name="outFolder"/>, named <c>acled_{every country}_{first from}_{last to}.csv</c>. Each query
    /// is checked and requested exactly as <see cref="FetchAsync"/> does; a query that matches no events is named
    /// in a progress note, and only when none matches is it an error. The provenance's <c>country</c> lists every
    /// country (<c>A|B|C</c>), <c>from</c>/<c>to</c> the outermost dates, and <c>spans</c> each query's countries and dates.
    /// </summary>
    /// <exception cref="FetchException">As <see cref="FetchAsync"/>; also for no query, a region query, or <see cref="FetchMode.Update"/> (not supported here).</exception>
    public Task<FetchResult> FetchManyAsync(IReadOnlyList<AcledQuery> queries, string outFolder, FetchMode mode = FetchMode.Cached, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        if (queries.Count == 0)
        {
            throw new ArgumentException("no ACLED query to fetch", nameof(queries));
        }

        if (mode == FetchMode.Update)
        {
            throw new ParameterException("{FetchMode.Update} applies to a single ACLED query; fetch the countries with fetch acled to update them");
        }

        if (queries.Any(q => q.Region is not null))
        {
            throw new ArgumentException("FetchManyAsync takes country queries only, not regions", nameof(queries));
        }

        return FetchCoreAsync(queries, outFolder, mode, cancellationToken);
    }

    private async Task<FetchResult> FetchCoreAsync(IReadOnlyList<AcledQuery> given, string outFolder, FetchMode mode, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(outFolder);
        var queries = new List<AcledQuery>();
        foreach (var q in given)
        {
            ArgumentNullException.ThrowIfNull(q);
            q.Validate();
            var (checkedQuery, coverageNote) = AcledCountryCheck.Check(q);
            if (coverageNote is not null)
            {
                options.Progress?.Invoke(coverageNote);
            }

            queries.Add(checkedQuery);
        }

        var single = queries.Count == 1;
        var query = single
            ? queries[0]
            : new AcledQuery(string.Join('|', queries.SelectMany(q => q.Countries).Distinct(StringComparer.Ordinal)), queries.Min(q => q.From), queries.Max(q => q.To));
        Directory.CreateDirectory(outFolder);
        var run = new Run(this, PageCache.Open(Path.Combine(outFolder, "cache"), options.Progress), outFolder, cancellationToken);
        var data = new AcledRows();
        var history = new List<CacheUpdate>();
        AcledUpdateCounts? counts = null;
        foreach (var part in queries)
        {
            var dataset = DatasetKey(part);
            if (mode == FetchMode.Refresh)
            {
                run.Cache.ClearUpdates(dataset);
            }

            var before = data.Count;
            foreach (var (from, to) in part.YearRanges())
            {
                var filter = $"{part.KeyFilter}&event_date={Iso(from)}|{Iso(to)}";
                var parameters = $"{part.UrlFilter}&event_date={Esc($"{Iso(from)}|{Iso(to)}")}&event_date_where=BETWEEN";
                await run.ReadAllPagesAsync($"acled/read?{filter}", "api/acled/read", parameters, $"ACLED {part.Selection} {Iso(from)}..{Iso(to)}", useCache: mode != FetchMode.Refresh, rows => data.AddBase(rows)).ConfigureAwait(false);
            }

            var partHistory = run.Cache.Updates(dataset).ToList();
            for (var k = 0; k < partHistory.Count; k++)
            {
                await run.ApplyUpdateAsync(part, data, k + 1, partHistory[k].Since, useCache: true).ConfigureAwait(false);
            }

            history.AddRange(partHistory);
            if (mode == FetchMode.Update)
            {
                var since = data.NewestTimestamp ?? throw new FetchException(
                    "cannot update: the cached rows carry no timestamp field",
                    "run the fetch with {FetchMode.Refresh} to download the data again in full");
                var appliedAt = Utc(options.Time.GetUtcNow());
                counts = await run.ApplyUpdateAsync(part, data, partHistory.Count + 1, since, useCache: false).ConfigureAwait(false);
                run.Cache.AddUpdate(dataset, new CacheUpdate(since, appliedAt));
                history.Add(new CacheUpdate(since, appliedAt));
                options.Progress?.Invoke($"ACLED update since timestamp {since}: {counts.Added} added, {counts.Changed} changed, {counts.Deleted} deleted");
            }

            if (!single && data.Count == before)
            {
                options.Progress?.Invoke($"note: ACLED returned no events for '{part.Selection}' with event_date between {Iso(part.From)} and {Iso(part.To)}");
            }
        }

        if (data.Count == 0)
        {
            throw new FetchException(
                $"ACLED returned no events for {(query.Countries.Count == 1 && query.Region is null ? "country " : "")}'{query.Selection}' with event_date between {Iso(query.From)} and {Iso(query.To)}",
                "check the country's spelling as ACLED writes it (e.g. 'Libya', 'Democratic Republic of Congo') and that the dates lie inside ACLED's coverage for it; the empty answers are cached, use {FetchMode.Refresh} to ask again");
        }

        var csv = Path.Combine(outFolder, query.FileStem + ".csv");
        FetchProvenance.EnsureOwned(csv);
        string? previous = null;
        if (mode == FetchMode.Update && File.Exists(csv))
        {
            previous = Path.Combine(outFolder, "snapshots", $"{query.FileStem}.before-{options.Time.GetUtcNow().UtcDateTime:yyyyMMddTHHmmssZ}.csv");
            Directory.CreateDirectory(Path.GetDirectoryName(previous)!);
            File.Copy(csv, previous, overwrite: true);
        }

        var records = data.Sorted();
        EventCsv.Write(csv, EventCsv.Columns(AcledExportLayout2023.Columns, records), records);
        var queryParameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["country"] = string.Join('|', query.Countries),
            ["from"] = Iso(query.From),
            ["to"] = Iso(query.To),
            ["limit"] = options.PageSize.ToString(CultureInfo.InvariantCulture),
        };
        if (query.Region is { } region)
        {
            queryParameters["region"] = region.ToString(CultureInfo.InvariantCulture);
        }

        if (!single)
        {
            queryParameters["spans"] = string.Join("; ", queries.Select(q => $"{q.Country} {Iso(q.From)}..{Iso(q.To)}"));
        }

        var provenance = new FetchProvenance(
            "ACLED",
            new Uri(options.Root, "api/acled/read").AbsoluteUri,
            queryParameters,
            Licence,
            Attribution,
            run.Pages,
            history.Select(u => new ProvenanceUpdate(u.Since, u.AppliedUtc)).ToList(),
            new ProvenanceOutput(Path.GetFileName(csv), PageCache.Sha256Of(csv), records.Count),
            FetchProvenance.ToolName(),
            Utc(options.Time.GetUtcNow()));
        var provenancePath = FetchProvenance.PathFor(csv);
        provenance.Write(provenancePath);
        return new FetchResult(csv, provenancePath, records.Count, run.Fetched, run.FromCache, run.Cache.Damaged, counts, previous);
    }

    private string DatasetKey(AcledQuery q) => $"acled?{q.KeyFilter}&from={Iso(q.From)}&to={Iso(q.To)}&limit={options.PageSize}";

    private static string Iso(DateOnly d) => IsoDate.Format(d);

    private static string Esc(string s) => Uri.EscapeDataString(s);

    private static string Utc(DateTimeOffset t) => IsoDate.FormatUtc(t);

    /// <summary>The state of one <see cref="FetchAsync"/> call.</summary>
    private sealed class Run(AcledFetcher owner, PageCache cache, string outFolder, CancellationToken cancellationToken)
    {
        public PageCache Cache => cache;

        public List<ProvenancePage> Pages { get; } = [];

        public int Fetched { get; private set; }

        public int FromCache { get; private set; }

        private AcledFetchOptions Options => owner.options;

        /// <summary>Reads pages 1, 2, … of one query until an empty page, from the cache where allowed.</summary>
        public async Task ReadAllPagesAsync(string keyBase, string path, string parameters, string what, bool useCache, Action<List<OrderedDictionary<string, string>>> accept)
        {
            for (var page = 1; ; page++)
            {
                if (page > Options.MaxPagesPerRange)
                {
                    throw new FetchException($"{what}: still no empty page after {Options.MaxPagesPerRange} pages", "the server keeps sending data; check {AcledFetchOptions.BaseUrl}, or narrow the date range");
                }

                var key = $"{keyBase}&limit={Options.PageSize}&page={page}";
                var url = new Uri(Options.Root, $"{path}?_format=json&{parameters}&limit={Options.PageSize}&page={page}");
                var rows = await ReadPageAsync(key, url, $"{what} page {page}", useCache).ConfigureAwait(false);
                if (rows.Count == 0)
                {
                    return;
                }

                accept(rows);
            }
        }

        /// <summary>
        /// Fetches or replays update number <paramref name="step"/>: rows with <c>timestamp &gt;= since</c> (ACLED
        /// gives many rows one timestamp, so a strict <c>&gt;</c> could miss rows published in the same second as
        /// the newest cached one), keeping the newest version of each <c>event_id_cnty</c>, then deletions.
        /// A row identical to the cached one is not counted.
        /// </summary>
        public async Task<AcledUpdateCounts> ApplyUpdateAsync(AcledQuery q, AcledRows data, int step, long since, bool useCache)
        {
            int added = 0, changed = 0, deleted = 0;
            var filter = $"{q.KeyFilter}&event_date={Iso(q.From)}|{Iso(q.To)}&timestamp>={since}";
            var parameters = $"{q.UrlFilter}&event_date={Esc($"{Iso(q.From)}|{Iso(q.To)}")}&event_date_where=BETWEEN&timestamp={since}&timestamp_where={Esc(">=")}";
            await ReadAllPagesAsync($"acled/read?{filter}&update={step}", "api/acled/read", parameters, $"ACLED {q.Selection} update {step} (changed since {since})", useCache, rows =>
            {
                foreach (var row in rows)
                {
                    switch (data.UpsertNewest(row))
                    {
                        case AcledRows.Outcome.Added:
                            added++;
                            break;
                        case AcledRows.Outcome.Changed:
                            changed++;
                            break;
                    }
                }
            }).ConfigureAwait(false);
            await ReadAllPagesAsync($"deleted/read?deleted_timestamp>={since}&update={step}", "api/deleted/read", $"deleted_timestamp={since}&deleted_timestamp_where={Esc(">=")}", $"ACLED deletions update {step} (since {since})", useCache, rows =>
            {
                foreach (var row in rows)
                {
                    if (row.GetValueOrDefault("event_id_cnty") is { Length: > 0 } id && data.Remove(id))
                    {
                        deleted++;
                    }
                }
            }).ConfigureAwait(false);
            return new AcledUpdateCounts(since, added, changed, deleted);
        }

        private async Task<List<OrderedDictionary<string, string>>> ReadPageAsync(string key, Uri url, string what, bool useCache)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var shownUrl = url.GetLeftPart(UriPartial.Path) + url.Query;
            if (useCache && cache.TryGet(key) is { } cached)
            {
                var rows = ParsePage(await File.ReadAllBytesAsync(cached, cancellationToken).ConfigureAwait(false), what, shownUrl);
                var entry = cache.Entry(key)!;
                Pages.Add(new ProvenancePage(key, Reports.ManifestPaths.Relative(outFolder, cached), entry.Sha256, rows.Count, entry.FetchedUtc, FromCache: true));
                FromCache++;
                Options.Progress?.Invoke($"{what}: {rows.Count} rows (cached)");
                return rows;
            }

            var body = await DownloadAsync(url, shownUrl, what).ConfigureAwait(false);
            var parsed = ParsePage(body, what, shownUrl);
            var stored = cache.Store(key, body, parsed.Count, ".json", Options.Time.GetUtcNow());
            Pages.Add(new ProvenancePage(key, Reports.ManifestPaths.Relative(outFolder, Path.Combine(cache.Folder, stored.File)), stored.Sha256, parsed.Count, stored.FetchedUtc, FromCache: false));
            Fetched++;
            Options.Progress?.Invoke($"{what}: {parsed.Count} rows");
            return parsed;
        }

        /// <summary>GETs one page with the bearer token; renews the token once on 401.</summary>
        private async Task<byte[]> DownloadAsync(Uri url, string shownUrl, string what)
        {
            for (var attempt = 1; ; attempt++)
            {
                var token = await owner.tokens.GetAsync(cancellationToken).ConfigureAwait(false);
                using var result = await owner.http.SendAsync(
                    () => new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token), Accept = { new MediaTypeWithQualityHeaderValue("application/json") } } },
                    what,
                    cancellationToken).ConfigureAwait(false);
                var response = result.Response;
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return body;
                }

                var message = Scrub(ApiError.MessageOf(body));
                switch (response.StatusCode)
                {
                    case HttpStatusCode.Unauthorized when attempt == 1:
                        owner.tokens.Invalidate();
                        continue;
                    case HttpStatusCode.Unauthorized:
                        throw new FetchException($"{what}: ACLED rejected the access token even after renewing it", $"sign in at acleddata.com to check that the account in {AcledCredentials.EmailVariable} is active and has API access", shownUrl, response.StatusCode, message);
                    case HttpStatusCode.Forbidden:
                        throw new FetchException($"{what}: ACLED refused access to this data", "the account may not have API access or may not cover this data; check your access level at acleddata.com", shownUrl, response.StatusCode, message);
                    default:
                        throw new FetchException($"{what}: the request failed{(result.GaveUp is { } g ? $" ({g})" : "")}", "pages already downloaded are kept in the cache; run the same command again to resume", shownUrl, response.StatusCode, message);
                }
            }
        }

        private string? Scrub(string? message) => message is null ? null : owner.tokens.Credentials?.Scrub(message) ?? message;

        /// <summary>The rows of one ACLED response; an error object or a malformed page is a <see cref="FetchException"/>.</summary>
        private List<OrderedDictionary<string, string>> ParsePage(byte[] body, string what, string shownUrl)
        {
            using var doc = JsonRecords.Parse(body, what, shownUrl);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FetchException($"{what}: the response is not an ACLED answer (expected a JSON object with 'data')", "check {AcledFetchOptions.BaseUrl}", shownUrl);
            }

            var failed = root.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.False;
            if (failed || (root.TryGetProperty("error", out _) && !root.TryGetProperty("data", out _)))
            {
                var status = JsonRecords.Integer(root, "status") is { } s and >= 100 and < 600 ? (HttpStatusCode?)(int)s : null;
                throw new FetchException($"{what}: ACLED reported an error", "check the country name and dates; the message above is ACLED's own", shownUrl, status, Scrub(ApiError.FromElement(root)) ?? "no message");
            }

            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                throw new FetchException($"{what}: the response has no 'data' array", "the API answered in an unexpected shape; check {AcledFetchOptions.BaseUrl}", shownUrl);
            }

            var rows = new List<OrderedDictionary<string, string>>(data.GetArrayLength());
            foreach (var item in data.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new FetchException($"{what}: a row in 'data' is not a JSON object", "the API answered in an unexpected shape; check {AcledFetchOptions.BaseUrl}", shownUrl);
                }

                rows.Add(JsonRecords.ToRecord(item));
            }

            // ACLED's 'count' is documented as the page's row count, but servers have sent the query's total
            // instead; either is accepted (so an empty final page with a total is fine). Fewer than the rows
            // held fits neither reading.
            if (JsonRecords.Integer(root, "count") is { } count && count < rows.Count)
            {
                throw new FetchException($"{what}: the page says count={count} but holds {rows.Count} rows", "the response is inconsistent (count is neither this page's rows nor a total); run the same command again", shownUrl);
            }

            return rows;
        }
    }
}
