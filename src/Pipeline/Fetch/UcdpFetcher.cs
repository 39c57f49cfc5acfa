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
        var (name, code) = UcdpCountries.Resolve(query.Country);
        if (code is null)
        {
            throw new FetchException(
                $"the GED API filters by Gleditsch–Ward country code, and '{query.Country}' is not one this tool knows",
                $"pass the numeric code instead (e.g. {{UcdpQuery.Country}} 620 for Libya); known: {UcdpCountries.Known}; or use {{UcdpQuery.Source}} archive, which filters by name");
        }

        var pages = new List<ProvenancePage>();
        var records = new List<OrderedDictionary<string, string>>();
        int fetched = 0, fromCache = 0;
        var root = UcdpFetchOptions.WithSlash(options.ApiBaseUrl);
        string? token = null;
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
            pages.Add(new ProvenancePage(key, Rel(outFolder, file), entry.Sha256, parsed.Rows.Count, entry.FetchedUtc, cached is not null));
            options.Progress?.Invoke($"{what}: {parsed.Rows.Count} events{(cached is not null ? " (cached)" : "")}");
            records.AddRange(parsed.Rows);
            if (parsed.Rows.Count == 0 || !parsed.HasNext || page + 1 >= parsed.TotalPages)
            {
                break;
            }
        }

        if (records.Count == 0)
        {
            throw new FetchException(
                $"UCDP GED {query.Version} has no events for Country={code}{(name is null ? "" : $" ({name})")}",
                "check the country code (Gleditsch–Ward, e.g. 620 for Libya) and that this GED version exists; the empty answer is cached, use {FetchMode.Refresh} to ask again");
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
        return Finish(query, csv, new Uri(root, $"api/gedevents/{query.Version}").AbsoluteUri, code.Value.ToString(CultureInfo.InvariantCulture), pages, rows.Count, fetched, fromCache, cache);
    }

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
        var (name, code) = UcdpCountries.Resolve(query.Country);
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
        var rows = ExtractCountry(zipPath, csv, name, code, url.AbsoluteUri);
        if (rows == 0)
        {
            File.Delete(csv);
            throw new FetchException(
                $"UCDP GED {query.Version} has no events for country '{query.Country}'",
                "check the spelling as UCDP writes it (e.g. 'Libya', 'DR Congo (Zaire)', 'Yemen (North Yemen)') or pass the Gleditsch–Ward code (e.g. 620)");
        }

        var pages = new List<ProvenancePage> { new(key, Rel(outFolder, zipPath), entry.Sha256, -1, entry.FetchedUtc, cached is not null) };
        return Finish(query, csv, url.AbsoluteUri, name ?? code?.ToString(CultureInfo.InvariantCulture) ?? query.Country, pages, rows, cached is null ? 1 : 0, cached is null ? 0 : 1, cache);
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

    /// <summary>Copies the header and the country's rows of the archive's CSV to <paramref name="csv"/> (atomically); returns the row count.</summary>
    private int ExtractCountry(string zipPath, string csv, string? name, int? code, string url)
    {
        using var zip = OpenZip(zipPath, url);
        var entry = CsvEntry(zip, url);
        var rows = 0;
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

            var codeText = code?.ToString(CultureInfo.InvariantCulture);
            using var text = new StreamWriter(output, Rfc4180Writer.Utf8NoBom, leaveOpen: true);
            using var writer = new Rfc4180Writer(text);
            writer.WriteRecord(header.ToArray());
            var fields = new string[header.Count];
            while (reader.Read())
            {
                var matches = (name is not null && countryColumn >= 0 && countryColumn < reader.FieldCount && string.Equals(reader.GetString(countryColumn).Trim(), name, StringComparison.OrdinalIgnoreCase))
                    || (codeText is not null && idColumn >= 0 && idColumn < reader.FieldCount && reader.GetString(idColumn).Trim() == codeText);
                if (!matches)
                {
                    continue;
                }

                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = i < reader.FieldCount ? reader.GetString(i) : "";
                }

                writer.WriteRecord(fields);
                rows++;
            }
        });
        options.Progress?.Invoke($"UCDP archive: {rows} events for {name ?? code?.ToString(CultureInfo.InvariantCulture)}");
        return rows;
    }

    private FetchResult Finish(UcdpQuery query, string csv, string endpoint, string country, List<ProvenancePage> pages, int rows, int fetched, int fromCache, PageCache cache)
    {
        var provenance = new FetchProvenance(
            $"UCDP GED {query.Version}",
            endpoint,
            new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["country"] = country,
                ["version"] = query.Version,
                ["source"] = query.Source == UcdpSource.Api ? "api" : "archive",
            },
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

    private static string Rel(string outFolder, string path) => Path.GetRelativePath(outFolder, path).Replace('\\', '/');
}
