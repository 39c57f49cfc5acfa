using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using CsvHelper;
using Pipeline.Events;
using Pipeline.Text;

namespace Pipeline.Fetch;

/// <summary>
/// Downloads one country's UCDP GED events into a CSV that <c>EventLoader</c> reads as UCDP GED, plus its
/// <see cref="FetchProvenance"/> with the CC BY 4.0 attribution. Two sources (<see cref="UcdpSource"/>):
/// </summary>
/// <remarks>
/// <para><b>API</b>: <c>{api}/api/gedevents/{version}?pagesize=N&amp;page=P&amp;Country=GW</c> with the header
/// <c>x-ucdp-access-token</c> from <c>UCDP_TOKEN</c>; pages 0, 1, … until <c>TotalPages</c> is reached, an empty
/// <c>Result</c> or no <c>NextPageUrl</c>. The JSON fields become CSV columns in the API's order (the bulk
/// layout: <c>best</c>, <c>low</c>, <c>high</c>), with <c>date_start</c>/<c>date_end</c> written as
/// <c>yyyy-MM-dd</c>.</para>
/// <para><b>Archive</b>: <c>{site}/downloads/ged/ged{251}-csv.zip</c>, one zip holding the global CSV; the rows
/// whose <c>country</c> (or <c>country_id</c>, for a numeric code) matches are copied unchanged with the header.</para>
/// <para>Both are cached with their SHA-256 like ACLED pages; a re-run reads the cache, <see cref="FetchMode.Refresh"/> downloads again.</para>
/// </remarks>
public sealed class UcdpFetcher
{
    private const string Licence = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)";

    private readonly UcdpFetchOptions options;
    private readonly TransientRetry http;

    /// <summary>Creates a fetcher over an <see cref="HttpClient"/> the caller owns.</summary>
    public UcdpFetcher(HttpClient httpClient, UcdpFetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
        http = new TransientRetry(httpClient, options.Http, options.Time, options.Progress);
    }

    /// <summary>Fetches (or rebuilds from the cache) the query's events into <paramref name="outFolder"/>.</summary>
    /// <exception cref="FetchException">Token missing or rejected, an API error, an unreadable response or archive, or no events matched.</exception>
    public Task<FetchResult> FetchAsync(UcdpQuery query, string outFolder, FetchMode mode = FetchMode.Cached, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrEmpty(outFolder);
        query.Validate();
        if (mode == FetchMode.Update)
        {
            throw new ParameterException("{FetchMode.Update} applies to ACLED only; UCDP GED versions are fixed releases (fetch a newer {UcdpQuery.Version} instead)");
        }

        Directory.CreateDirectory(outFolder);
        var cache = PageCache.Open(Path.Combine(outFolder, "cache"), options.Progress);
        return query.Source == UcdpSource.Api
            ? FetchApiAsync(query, outFolder, cache, mode == FetchMode.Refresh, cancellationToken)
            : FetchArchiveAsync(query, outFolder, cache, mode == FetchMode.Refresh, cancellationToken);
    }

    private static string Attribution(string version) =>
        $"UCDP Georeferenced Event Dataset (GED) Global version {version}, Uppsala Conflict Data Program (ucdp.uu.se). Cite: Sundberg, Ralph and Erik Melander (2013) 'Introducing the UCDP Georeferenced Event Dataset', Journal of Peace Research 50(4); and Davies, Shawn, Therése Pettersson and Magnus Öberg (2025) 'Organized violence 1989–2024', Journal of Peace Research.";

    private async Task<FetchResult> FetchApiAsync(UcdpQuery query, string outFolder, PageCache cache, bool refresh, CancellationToken cancellationToken)
    {
        var wanted = new List<(string? Name, int Code)>();
        foreach (var country in query.Countries)
        {
            var (name, code) = UcdpCountries.Resolve(country);
            if (code is null)
            {
                throw new FetchException(
                    $"the GED API filters by Gleditsch–Ward country code, and '{country}' is not one this tool knows",
                    $"pass the numeric code instead (e.g. {{UcdpQuery.Country}} 620 for Libya); known: {UcdpCountries.Known}; or use {{UcdpQuery.Source}} archive, which filters by name");
            }

            wanted.Add((name, code.Value));
        }

        var pages = new List<ProvenancePage>();
        var records = new List<OrderedDictionary<string, string>>();
        int fetched = 0, fromCache = 0;
        var root = UcdpFetchOptions.WithSlash(options.ApiBaseUrl);
        string? token = null;
        foreach (var (name, code) in wanted)
        {
            var before = records.Count;
            for (var page = 0; ; page++)
            {
                if (page >= options.MaxPages)
                {
                    throw new FetchException($"UCDP GED {query.Version}: still more pages after {options.MaxPages}", "check {UcdpFetchOptions.ApiBaseUrl}");
                }

                cancellationToken.ThrowIfCancellationRequested();
                var key = $"ucdp/gedevents/{query.Version}?Country={code}&pagesize={options.PageSize}&page={page}";
                var url = new Uri(root, $"api/gedevents/{Uri.EscapeDataString(query.Version)}?pagesize={options.PageSize}&page={page}&Country={code}");
                var what = $"UCDP GED {query.Version} country {code} page {page}";
                byte[] body;
                string file;
                CacheEntry entry;
                var cached = refresh ? null : cache.TryGet(key);
                if (cached is not null)
                {
                    body = await File.ReadAllBytesAsync(cached, cancellationToken).ConfigureAwait(false);
                    entry = cache.Entry(key)!;
                    file = cached;
                    fromCache++;
                }
                else
                {
                    token ??= ReadToken();
                    body = await DownloadPageAsync(url, token, what, cancellationToken).ConfigureAwait(false);
                    entry = cache.Store(key, body, ParsePage(body, what, url.AbsoluteUri).Rows.Count, ".json", options.Time.GetUtcNow());
                    file = Path.Combine(cache.Folder, entry.File);
                    fetched++;
                }

                var parsed = ParsePage(body, what, url.AbsoluteUri);
                pages.Add(new ProvenancePage(key, Reports.ManifestPaths.Relative(outFolder, file), entry.Sha256, parsed.Rows.Count, entry.FetchedUtc, cached is not null));
                options.Progress?.Invoke($"{what}: {parsed.Rows.Count} events{(cached is not null ? " (cached)" : "")}");
                records.AddRange(parsed.Rows.Where(r => InRange(query, r.GetValueOrDefault("date_start"), r.GetValueOrDefault("date_end"))));
                if (parsed.Rows.Count == 0 || !parsed.HasNext || page + 1 >= parsed.TotalPages)
                {
                    break;
                }
            }

            if (wanted.Count > 1 && records.Count == before)
            {
                options.Progress?.Invoke($"note: UCDP GED {query.Version} has no events for Country={code}{(name is null ? "" : $" ({name})")}{RangeText(query)}");
            }
        }

        if (records.Count == 0)
        {
            var codes = string.Join(",", wanted.Select(w => w.Code.ToString(CultureInfo.InvariantCulture)));
            var names = string.Join("|", wanted.Where(w => w.Name is not null).Select(w => w.Name));
            throw new FetchException(
                $"UCDP GED {query.Version} has no events for Country={codes}{(names.Length == 0 ? "" : $" ({names})")}{RangeText(query)}",
                "check the country code (Gleditsch–Ward, e.g. 620 for Libya), the dates and that this GED version exists; the empty answer is cached, use {FetchMode.Refresh} to ask again");
        }

        foreach (var r in records)
        {
            NormaliseDate(r, "date_start");
            NormaliseDate(r, "date_end");
        }

        var csv = Path.Combine(outFolder, query.FileStem + ".csv");
        FetchProvenance.EnsureOwned(csv);
        var rows = records.Cast<IReadOnlyDictionary<string, string>>().ToList();
        EventCsv.Write(csv, EventCsv.Columns([], rows), rows);
        var shown = string.Join('|', wanted.Select(w => w.Name ?? w.Code.ToString(CultureInfo.InvariantCulture)));
        return Finish(query, csv, new Uri(root, $"api/gedevents/{query.Version}").AbsoluteUri, shown, pages, rows.Count, fetched, fromCache, cache);
    }

    /// <summary>Whether an event dated <paramref name="start"/>..<paramref name="end"/> overlaps the query's dates; true when the query sets none or a date cannot be read (the loader then reports the row).</summary>
    private static bool InRange(UcdpQuery query, string? start, string? end)
    {
        if (query.From is null && query.To is null)
        {
            return true;
        }

        if (start is null || !EventDates.TryParse(start.AsSpan(), out var first))
        {
            return true;
        }

        var last = end is not null && EventDates.TryParse(end.AsSpan(), out var e) ? e : first;
        return (query.From is not { } f || last >= f) && (query.To is not { } t || first <= t);
    }

    private static string RangeText(UcdpQuery query) =>
        query.From is null && query.To is null ? "" : $" between {(query.From is { } f ? IsoDate.Format(f) : "the start")} and {(query.To is { } t ? IsoDate.Format(t) : "the end")}";

    private string ReadToken()
    {
        var token = options.Environment(UcdpFetchOptions.TokenVariable);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new FetchException(
                $"the UCDP GED API needs an access token and {UcdpFetchOptions.TokenVariable} is not set",
                $"request a token from UCDP (see ucdp.uu.se/apidocs) and export {UcdpFetchOptions.TokenVariable}=<token>; or use {{UcdpQuery.Source}} archive, which needs none");
        }

        return token.Trim();
    }

    private async Task<byte[]> DownloadPageAsync(Uri url, string token, string what, CancellationToken cancellationToken)
    {
        using var result = await http.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "x-ucdp-access-token", token } } },
            what,
            cancellationToken).ConfigureAwait(false);
        var response = result.Response;
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return body;
        }

        var message = ApiError.MessageOf(body) is { } m ? m.Replace(token, "***", StringComparison.Ordinal) : null;
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new FetchException($"{what}: UCDP rejected the access token in {UcdpFetchOptions.TokenVariable}", "check the token (it may have expired); or use {UcdpQuery.Source} archive, which needs none", url.AbsoluteUri, response.StatusCode, message);
        }

        throw new FetchException($"{what}: the request failed{(result.GaveUp is { } g ? $" ({g})" : "")}", "pages already downloaded are kept in the cache; run the same command again to resume", url.AbsoluteUri, response.StatusCode, message);
    }

    private static (List<OrderedDictionary<string, string>> Rows, int TotalPages, bool HasNext) ParsePage(byte[] body, string what, string url)
    {
        using var doc = JsonRecords.Parse(body, what, url);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Result", out var result) || result.ValueKind != JsonValueKind.Array)
        {
            throw new FetchException($"{what}: the response has no 'Result' array", "the API answered in an unexpected shape; check {UcdpFetchOptions.ApiBaseUrl}", url, apiMessage: ApiError.FromElement(root));
        }

        var rows = result.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(JsonRecords.ToRecord).ToList();
        var totalPages = (int)(JsonRecords.Integer(root, "TotalPages") ?? int.MaxValue);
        var hasNext = !root.TryGetProperty("NextPageUrl", out var next) || (next.ValueKind == JsonValueKind.String && next.GetString()!.Length > 0);
        return (rows, totalPages, hasNext);
    }

    private static void NormaliseDate(OrderedDictionary<string, string> record, string column)
    {
        if (record.TryGetValue(column, out var text) && EventDates.TryParse(text, out var date))
        {
            record[column] = IsoDate.Format(date);
        }
    }

    private async Task<FetchResult> FetchArchiveAsync(UcdpQuery query, string outFolder, PageCache cache, bool refresh, CancellationToken cancellationToken)
    {
        var wanted = query.Countries.Select(UcdpCountries.Resolve).ToList();
        var fileName = $"ged{query.Version.Replace(".", "", StringComparison.Ordinal)}-csv.zip";
        var key = $"ucdp/downloads/ged/{fileName}";
        var url = new Uri(UcdpFetchOptions.WithSlash(options.ArchiveBaseUrl), $"downloads/ged/{fileName}");
        var cached = refresh ? null : cache.TryGet(key);
        string zipPath;
        if (cached is not null)
        {
            zipPath = cached;
            options.Progress?.Invoke($"UCDP GED {query.Version} archive: cached");
        }
        else
        {
            var staging = await DownloadArchiveAsync(url, query.Version, cache, cancellationToken).ConfigureAwait(false);
            zipPath = Path.Combine(cache.Folder, cache.StoreFile(key, staging, -1, ".zip", options.Time.GetUtcNow()).File);
        }

        var entry = cache.Entry(key)!;
        var csv = Path.Combine(outFolder, query.FileStem + ".csv");
        FetchProvenance.EnsureOwned(csv);
        var counts = ExtractCountries(zipPath, csv, query, wanted, url.AbsoluteUri);
        var rows = counts.Sum();
        if (rows == 0)
        {
            File.Delete(csv);
            throw new FetchException(
                $"UCDP GED {query.Version} has no events for {(wanted.Count == 1 ? "country " : "")}'{query.Country}'{RangeText(query)}",
                "check the spelling as UCDP writes it (e.g. 'Libya', 'DR Congo (Zaire)', 'Yemen (North Yemen)') or pass the Gleditsch–Ward code (e.g. 620)");
        }

        if (wanted.Count > 1)
        {
            for (var i = 0; i < wanted.Count; i++)
            {
                if (counts[i] == 0)
                {
                    options.Progress?.Invoke($"note: UCDP GED {query.Version} archive has no events for '{query.Countries[i]}'{RangeText(query)}");
                }
            }
        }

        var pages = new List<ProvenancePage> { new(key, Reports.ManifestPaths.Relative(outFolder, zipPath), entry.Sha256, -1, entry.FetchedUtc, cached is not null) };
        var shown = string.Join('|', wanted.Select((w, i) => w.Name ?? w.Code?.ToString(CultureInfo.InvariantCulture) ?? query.Countries[i]));
        return Finish(query, csv, url.AbsoluteUri, shown, pages, rows, cached is null ? 1 : 0, cached is null ? 0 : 1, cache);
    }

    /// <summary>Streams the zip into a staging file in the cache and checks it is a zip holding a CSV before it is cached.</summary>
    private async Task<string> DownloadArchiveAsync(Uri url, string version, PageCache cache, CancellationToken cancellationToken)
    {
        var what = $"UCDP GED {version} archive";
        using var result = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), what, cancellationToken, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        var response = result.Response;
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var hint = response.StatusCode == HttpStatusCode.NotFound
                ? $"there is no archive for version {version}; check the version on ucdp.uu.se/downloads (e.g. 25.1)"
                : "try again later; nothing was cached";
            throw new FetchException($"{what}: the download failed{(result.GaveUp is { } g ? $" ({g})" : "")}", hint, url.AbsoluteUri, response.StatusCode, ApiError.MessageOf(body));
        }

        var staging = cache.StagingPath(".zip");
        try
        {
            await using (var file = new FileStream(staging, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await body.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            options.Progress?.Invoke($"{what}: {new FileInfo(staging).Length:N0} bytes downloaded");
            using (var zip = OpenZip(staging, url.AbsoluteUri))
            {
                _ = CsvEntry(zip, url.AbsoluteUri);
            }

            return staging;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or FetchException)
        {
            File.Delete(staging);
            if (ex is FetchException)
            {
                throw;
            }

            throw new FetchException($"{what}: the download broke off ({ex.Message})", "run the same command again; nothing was cached", url.AbsoluteUri, inner: ex);
        }
    }

    private static ZipArchive OpenZip(string path, string url)
    {
        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (InvalidDataException ex)
        {
            throw new FetchException($"the UCDP archive is not a readable zip ({ex.Message})", "the download was cut off or the URL served something else; run again with {FetchMode.Refresh}", url);
        }
    }

    private static ZipArchiveEntry CsvEntry(ZipArchive zip, string url) =>
        zip.Entries.FirstOrDefault(e => e.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        ?? throw new FetchException($"the UCDP archive holds no .csv file (found: {string.Join(", ", zip.Entries.Take(5).Select(e => e.FullName))})", "check the version and {UcdpFetchOptions.ArchiveBaseUrl}", url);

    /// <summary>
    /// Copies the header and the rows of the archive's CSV that belong to one of the countries (and overlap the
    /// query's dates) to <paramref name="csv"/> (atomically); returns the row count per country, in order.
    /// </summary>
    private int[] ExtractCountries(string zipPath, string csv, UcdpQuery query, List<(string? Name, int? Code)> wanted, string url)
    {
        using var zip = OpenZip(zipPath, url);
        var entry = CsvEntry(zip, url);
        var counts = new int[wanted.Count];
        AtomicFile.Write(csv, output =>
        {
            using var input = entry.Open();
            using var reader = CsvReader.Create(input, CsvReaderOptions.Default, false);
            var header = reader.Headers;
            int Index(string column)
            {
                for (var i = 0; i < header.Count; i++)
                {
                    if (string.Equals(header[i].Trim(), column, StringComparison.OrdinalIgnoreCase))
                    {
                        return i;
                    }
                }

                return -1;
            }

            var countryColumn = Index("country");
            var idColumn = Index("country_id");
            if (countryColumn < 0 && idColumn < 0)
            {
                throw new FetchException("the UCDP archive's CSV has neither a country nor a country_id column", "check the version and {UcdpFetchOptions.ArchiveBaseUrl}", url);
            }

            var startColumn = Index("date_start");
            var endColumn = Index("date_end");
            var codeTexts = wanted.Select(w => w.Code?.ToString(CultureInfo.InvariantCulture)).ToArray();
            using var text = new StreamWriter(output, Rfc4180Writer.Utf8NoBom, leaveOpen: true);
            using var writer = new Rfc4180Writer(text);
            writer.WriteRecord(header.ToArray());
            var fields = new string[header.Count];
            string? Field(int column) => column >= 0 && column < reader.FieldCount ? reader.GetString(column) : null;
            while (reader.Read())
            {
                var country = Field(countryColumn)?.Trim();
                var id = Field(idColumn)?.Trim();
                var match = -1;
                for (var k = 0; k < wanted.Count && match < 0; k++)
                {
                    if ((wanted[k].Name is { } name && string.Equals(country, name, StringComparison.OrdinalIgnoreCase)) || (codeTexts[k] is { } code && id == code))
                    {
                        match = k;
                    }
                }

                if (match < 0 || !InRange(query, Field(startColumn), Field(endColumn)))
                {
                    continue;
                }

                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = i < reader.FieldCount ? reader.GetString(i) : "";
                }

                writer.WriteRecord(fields);
                counts[match]++;
            }
        });
        for (var k = 0; k < wanted.Count; k++)
        {
            options.Progress?.Invoke($"UCDP archive: {counts[k]} events for {wanted[k].Name ?? wanted[k].Code?.ToString(CultureInfo.InvariantCulture)}{RangeText(query)}");
        }

        return counts;
    }

    private FetchResult Finish(UcdpQuery query, string csv, string endpoint, string country, List<ProvenancePage> pages, int rows, int fetched, int fromCache, PageCache cache)
    {
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["country"] = country,
            ["version"] = query.Version,
            ["source"] = query.Source == UcdpSource.Api ? "api" : "archive",
        };
        if (query.From is { } from)
        {
            parameters["from"] = IsoDate.Format(from);
        }

        if (query.To is { } to)
        {
            parameters["to"] = IsoDate.Format(to);
        }

        var provenance = new FetchProvenance(
            $"UCDP GED {query.Version}",
            endpoint,
            parameters,
            Licence,
            Attribution(query.Version),
            pages,
            [],
            new ProvenanceOutput(Path.GetFileName(csv), PageCache.Sha256Of(csv), rows),
            FetchProvenance.ToolName(),
            IsoDate.FormatUtc(options.Time.GetUtcNow()));
        var provenancePath = FetchProvenance.PathFor(csv);
        provenance.Write(provenancePath);
        return new FetchResult(csv, provenancePath, rows, fetched, fromCache, cache.Damaged);
    }

}
