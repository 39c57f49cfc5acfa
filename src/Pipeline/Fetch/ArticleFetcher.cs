using System.Text.Json;
using Pipeline.Articles;
using Pipeline.Text;

namespace Pipeline.Fetch;

/// <summary>
/// <c>pipeline fetch --article ID</c>: fetches ACLED and UCDP GED for an article's scope countries over the span
/// its mentions need (<see cref="ArticleFetchPlan"/>) into one folder: an ACLED CSV and a UCDP CSV, each with its
/// <see cref="FetchProvenance"/>, the raw responses under <c>cache/</c>, and <see cref="SummaryFile"/> recording
/// the article, countries, spans per source and why each was clipped or skipped. Reuses <see cref="AcledFetcher"/>
/// (one request set per group of countries with the same dates, one CSV) and <see cref="UcdpFetcher"/>.
/// </summary>
/// <remarks>
/// An earlier fetch in the folder (its <see cref="SummaryFile"/>) is never replaced without <c>force</c>; files
/// the tool did not write are never touched (a folder holding such files is refused without <c>force</c>, and
/// with it they are left alone); a folder holding only an interrupted fetch (<c>cache/</c> and fetched CSVs
/// with their provenance) is resumed from its cache. The summary is written last, atomically, and holds no
/// time: the same article and cache give the same bytes.
/// </remarks>
public sealed class ArticleFetcher
{
    /// <summary>The summary's file name in the output folder.</summary>
    public const string SummaryFile = "fetch-summary.json";

    private readonly HttpClient http;
    private readonly AcledFetchOptions acled;
    private readonly UcdpFetchOptions ucdp;

    /// <summary>Creates a fetcher over an <see cref="HttpClient"/> the caller owns; each source's options as for its own fetcher.</summary>
    public ArticleFetcher(HttpClient httpClient, AcledFetchOptions acledOptions, UcdpFetchOptions ucdpOptions)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(acledOptions);
        ArgumentNullException.ThrowIfNull(ucdpOptions);
        http = httpClient;
        acled = acledOptions;
        ucdp = ucdpOptions;
    }

    /// <summary>The default output folder for an article: <c>data/fetched/ID</c>.</summary>
    public static string DefaultFolder(string articleId) => Path.Combine("data", "fetched", articleId);

    /// <summary>Looks the article up in <paramref name="catalog"/>, with the nearest id when it is not there.</summary>
    /// <exception cref="ArgumentException">No article has that id.</exception>
    public static Article Find(ArticleCatalog catalog, string articleId, string catalogFolder)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.TryGet(articleId, out var article))
        {
            return article;
        }

        var ids = catalog.Select(a => a.Id).Order(StringComparer.Ordinal).ToList();
        var nearest = NameSuggestion.Nearest(articleId, ids);
        throw new ParameterException(
            $"no article '{articleId}' in {catalogFolder}; nothing was fetched. "
            + (nearest is not null ? $"Did you mean \"{nearest}\"? " : "")
            + (ids.Count == 0 ? "The catalog holds no article" : $"Known ids: {string.Join(", ", ids)}"),
            "ArticleFetcher.ArticleId");
    }

    /// <summary>Fetches both sources for <paramref name="plan"/> into <paramref name="outFolder"/>.</summary>
    /// <param name="plan">What to fetch (<see cref="ArticleFetchPlan.For"/>).</param>
    /// <param name="outFolder">The folder (created when missing).</param>
    /// <param name="ucdpSource">Archive (no token) or API.</param>
    /// <param name="force">Fetch again into a folder that holds an earlier fetch (its cache is reused unless <paramref name="mode"/> is refresh).</param>
    /// <param name="mode">Cached or refresh (<see cref="FetchMode.Update"/> is refused: update each source with its own command).</param>
    /// <param name="cancellationToken">Stops between requests.</param>
    /// <exception cref="FetchException">A source failed (credentials, API error, no events at all).</exception>
    /// <exception cref="ArgumentException">The folder holds an earlier fetch and <paramref name="force"/> is false, or files the tool did not write; or every country of every source is skipped.</exception>
    public async Task<ArticleFetchResult> FetchAsync(ArticleFetchPlan plan, string outFolder, UcdpSource ucdpSource = UcdpSource.Archive, bool force = false, FetchMode mode = FetchMode.Cached, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrWhiteSpace(outFolder);
        if (mode == FetchMode.Update)
        {
            throw new ParameterException("{FetchMode.Update} does not apply to an article fetch; update each source with its own fetch");
        }

        var acledQueries = plan.AcledQueries();
        var ucdpQuery = plan.UcdpQuery(ucdpSource);
        if (acledQueries.Count == 0 && ucdpQuery is null)
        {
            throw new ArgumentException($"no source covers any of article '{plan.ArticleId}''s countries in {IsoDate.Format(plan.Needed.From)}..{IsoDate.Format(plan.Needed.To)}; nothing was fetched: {string.Join("; ", plan.Notes)}");
        }

        var previous = CheckFolder(outFolder, force);
        var progress = acled.Progress ?? ucdp.Progress;
        foreach (var note in plan.Notes)
        {
            progress?.Invoke("note: " + note);
        }

        var sources = new List<SummarySource>();
        var results = new List<FetchResult>();
        if (acledQueries.Count > 0)
        {
            var r = await new AcledFetcher(http, acled).FetchManyAsync(acledQueries, outFolder, mode, cancellationToken).ConfigureAwait(false);
            results.Add(r);
            sources.Add(Source("ACLED", r, plan.Acled));
        }
        else
        {
            sources.Add(Source("ACLED", null, plan.Acled));
        }

        if (ucdpQuery is not null)
        {
            var r = await new UcdpFetcher(http, ucdp).FetchAsync(ucdpQuery, outFolder, mode, cancellationToken).ConfigureAwait(false);
            results.Add(r);
            sources.Add(Source($"UCDP GED {plan.UcdpVersion}", r, plan.Ucdp) with { UcdpSource = ucdpSource == UcdpSource.Api ? "api" : "archive" });
        }
        else
        {
            sources.Add(Source($"UCDP GED {plan.UcdpVersion}", null, plan.Ucdp));
        }

        var written = results.SelectMany(r => new[] { Path.GetFileName(r.CsvPath), Path.GetFileName(r.ProvenancePath) }).ToHashSet(StringComparer.Ordinal);
        var removed = new List<string>();
        foreach (var old in previous.Where(p => !written.Contains(p) && p.EndsWith(".csv", StringComparison.Ordinal)))
        {
            var csv = Path.Combine(outFolder, old);
            if (IsOurs(csv))
            {
                File.Delete(csv);
                File.Delete(FetchProvenance.PathFor(csv));
                removed.Add(old);
                removed.Add(Path.GetFileName(FetchProvenance.PathFor(csv)));
            }
        }

        var summary = new ArticleFetchSummary(
            plan.ArticleId,
            IsoDate.Format(plan.Published),
            plan.Countries,
            new SummarySpan(IsoDate.Format(plan.Needed.From), IsoDate.Format(plan.Needed.To), plan.Needed.WindowBins, Intensity.Bins.Name(plan.Needed.Bin), plan.Needed.EarliestMention, IsoDate.Format(plan.Needed.EarliestStart), plan.Needed.DaysBefore, plan.Needed.DaysAfter, plan.Needed.Rule),
            sources,
            plan.Notes,
            FetchProvenance.ToolName());
        var summaryPath = Path.Combine(outFolder, SummaryFile);
        AtomicFile.Write(summaryPath, JsonSerializer.SerializeToUtf8Bytes(summary, FetchProvenance.Json));
        return new ArticleFetchResult(summaryPath, results, summary, removed);
    }

    /// <summary>
    /// The folder may be new, empty, or hold only an interrupted fetch (resumed); an earlier complete fetch needs
    /// <paramref name="force"/>, and anything the tool did not write is refused without it (and left alone with it).
    /// Returns the files the earlier summary lists (to remove those this run no longer writes).
    /// </summary>
    private static IReadOnlyList<string> CheckFolder(string outFolder, bool force)
    {
        if (File.Exists(outFolder))
        {
            throw new ArgumentException($"{outFolder} is a file; give a folder (it will be created)");
        }

        if (!Directory.Exists(outFolder))
        {
            return [];
        }

        var summaryPath = Path.Combine(outFolder, SummaryFile);
        IReadOnlyList<string> previous = [];
        if (File.Exists(summaryPath))
        {
            ArticleFetchSummary? old = null;
            try
            {
                old = JsonSerializer.Deserialize<ArticleFetchSummary>(File.ReadAllBytes(summaryPath), FetchProvenance.Json);
            }
            catch (JsonException)
            {
                old = null;
            }

            if (old?.Tool?.StartsWith("pipeline", StringComparison.Ordinal) != true || old.Article is null)
            {
                throw new ParameterException($"{summaryPath} exists and was not written by an article fetch of pipeline; it is left alone. Move it away or give another {{ArticleFetcher.OutFolder}}");
            }

            if (!force)
            {
                throw new ParameterException($"{outFolder} already holds a fetch for article '{old.Article}' ({SummaryFile}); nothing was changed. Pass {{ArticleFetcher.Force}} to fetch into it again (the cached responses are reused; add {{FetchMode.Refresh}} to download again), or give another {{ArticleFetcher.OutFolder}}");
            }

            previous = (old.Sources ?? []).SelectMany(s => new[] { s.File, s.Provenance }).OfType<string>().ToList();
        }

        var foreign = Directory.EnumerateFileSystemEntries(outFolder).Select(Path.GetFileName).OfType<string>()
            .Where(name => !(name == SummaryFile || name == "cache" || name == "snapshots" || name.StartsWith('.')
                || (name.EndsWith(".csv", StringComparison.Ordinal) && IsOurs(Path.Combine(outFolder, name)))
                || (name.EndsWith(FetchProvenance.Suffix, StringComparison.Ordinal) && IsOurs(Path.Combine(outFolder, name[..^FetchProvenance.Suffix.Length] + ".csv")))))
            .Order(StringComparer.Ordinal).ToList();
        if (foreign.Count > 0 && !force)
        {
            throw new ParameterException($"{outFolder} already exists and holds files pipeline fetch did not write ({string.Join(", ", foreign.Take(8))}{(foreign.Count > 8 ? $" and {foreign.Count - 8} more" : "")}); nothing was changed. Give another {{ArticleFetcher.OutFolder}}, or pass {{ArticleFetcher.Force}} to fetch into it anyway (those files are left alone)");
        }

        return previous;
    }

    /// <summary>True when <paramref name="csv"/> is an events file this tool fetched (a provenance by pipeline beside it names it).</summary>
    private static bool IsOurs(string csv)
    {
        try
        {
            return FetchProvenance.TryReadFor(csv) is { } p && p.Tool.StartsWith("pipeline", StringComparison.Ordinal) && p.Output?.File == Path.GetFileName(csv);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or IOException)
        {
            return false;
        }
    }

    private static SummarySource Source(string dataset, FetchResult? result, IReadOnlyList<CountrySpan> countries) => new(
        dataset,
        result is null ? "skipped" : "fetched",
        result is null ? null : Path.GetFileName(result.CsvPath),
        result is null ? null : Path.GetFileName(result.ProvenancePath),
        result?.Rows,
        null,
        countries.Select(c => new SummaryCountry(c.Country, c.From is { } f ? IsoDate.Format(f) : null, c.To is { } t ? IsoDate.Format(t) : null, c.Note)).ToList());
}

/// <summary>What an article fetch wrote.</summary>
/// <param name="SummaryPath">The summary file.</param>
/// <param name="Sources">Each source fetched (a skipped source has none), ACLED first.</param>
/// <param name="Summary">The summary's content.</param>
/// <param name="Removed">Files of an earlier fetch in the folder that this one no longer writes, removed.</param>
public sealed record ArticleFetchResult(string SummaryPath, IReadOnlyList<FetchResult> Sources, ArticleFetchSummary Summary, IReadOnlyList<string> Removed);

/// <summary>The content of <c>fetch-summary.json</c> (snake_case keys). No times, so it is deterministic.</summary>
/// <param name="Article">The article id.</param>
/// <param name="Published">Its publication day.</param>
/// <param name="Countries">Every scope country.</param>
/// <param name="Needed">The span the mentions need and the rule.</param>
/// <param name="Sources">ACLED, then UCDP GED.</param>
/// <param name="Notes">Every clip and skip, as sentences.</param>
/// <param name="Tool">Tool and version that wrote it.</param>
public sealed record ArticleFetchSummary(string Article, string Published, IReadOnlyList<string> Countries, SummarySpan Needed, IReadOnlyList<SummarySource> Sources, IReadOnlyList<string> Notes, string Tool);

/// <summary>The needed span in the summary.</summary>
/// <param name="From">First day needed.</param>
/// <param name="To">Last day needed.</param>
/// <param name="WindowBins">k, the grid's widest window.</param>
/// <param name="Bin">The bin unit reaching furthest.</param>
/// <param name="EarliestMention">The mention starting first.</param>
/// <param name="EarliestStart">Its start.</param>
/// <param name="DaysBefore">Days from <paramref name="From"/> to <paramref name="EarliestStart"/>.</param>
/// <param name="DaysAfter">Days from publication (or the latest mention end) to <paramref name="To"/>.</param>
/// <param name="Rule">The rule in words.</param>
public sealed record SummarySpan(string From, string To, int WindowBins, string Bin, string EarliestMention, string EarliestStart, int DaysBefore, int DaysAfter, string Rule);

/// <summary>One source in the summary.</summary>
/// <param name="Dataset"><c>ACLED</c> or <c>UCDP GED 25.1</c>.</param>
/// <param name="Status"><c>fetched</c> or <c>skipped</c> (no country covered in the span).</param>
/// <param name="File">The events CSV, in the folder, or null when skipped.</param>
/// <param name="Provenance">Its provenance file, or null when skipped.</param>
/// <param name="Rows">Events in the CSV, or null when skipped.</param>
/// <param name="UcdpSource"><c>archive</c> or <c>api</c> for UCDP; null for ACLED.</param>
/// <param name="Countries">Each country's dates asked for (null when skipped) and why clipped or skipped.</param>
public sealed record SummarySource(string Dataset, string Status, string? File, string? Provenance, int? Rows, string? UcdpSource, IReadOnlyList<SummaryCountry> Countries);

/// <summary>One country of one source in the summary.</summary>
/// <param name="Country">The country.</param>
/// <param name="From">First day asked for, or null when skipped.</param>
/// <param name="To">Last day asked for, or null when skipped.</param>
/// <param name="Note">Why clipped or skipped, or null.</param>
public sealed record SummaryCountry(string Country, string? From, string? To, string? Note);
