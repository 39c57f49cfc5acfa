using System.CommandLine;
using System.Globalization;
using Pipeline.Fetch;
using Pipeline.Text;
using Spectre.Console;

namespace Pipeline.Cli;

/// <summary>
/// <c>pipeline fetch acled|ucdp</c>: downloads real events into a CSV that <c>inspect</c> and <c>report</c>
/// read. Progress goes to stderr, the written CSV's path to stdout. Credentials come from the environment only
/// (<c>ACLED_EMAIL</c>, <c>ACLED_PASSWORD</c>, <c>UCDP_TOKEN</c>). On a terminal, <c>fetch acled</c> shows a
/// progress bar by page instead of the progress lines. <c>pipeline fetch --article ID</c> fetches both sources for
/// a catalog article (<see cref="ArticleFetcher"/>): the CSV paths go to stdout, progress, notes and the
/// <c>pipeline report</c> command that reads them to stderr.
/// </summary>
internal static class FetchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var article = new Option<string?>("--article") { Description = "Fetch ACLED and UCDP GED for this catalog article's countries over the span its mentions need, into one folder" };
        var articles = new Option<string>("--articles") { Description = "Article catalog folder (with --article)", DefaultValueFactory = _ => Path.Combine("data", "articles") };
        var output = new Option<string?>("--out") { Description = "Output folder (with --article; default data/fetched/<article id>/)" };
        var force = new Option<bool>("--force") { Description = "Fetch again into a folder that holds an earlier fetch (with --article; its cache is reused)" };
        var refresh = new Option<bool>("--refresh") { Description = "Download every response again instead of reading the cache (with --article)" };
        var baseUrl = new Option<string>("--base-url") { Description = "ACLED API base URL (with --article)", DefaultValueFactory = _ => AcledFetchOptions.DefaultBaseUrl.AbsoluteUri };
        var pageSize = new Option<int>("--page-size") { Description = "ACLED rows per request (with --article), at most 5000", DefaultValueFactory = _ => 5000 };
        var ucdpVersion = new Option<string>("--ucdp-version") { Description = "UCDP GED version (with --article)", DefaultValueFactory = _ => DefaultUcdpVersion };
        var ucdpSource = new Option<string>("--ucdp-source") { Description = "archive (CSV zip, no token) | api (needs UCDP_TOKEN), with --article", DefaultValueFactory = _ => "archive" };
        ucdpSource.AcceptOnlyFromAmong("archive", "api");
        var ucdpBaseUrl = new Option<string?>("--ucdp-base-url") { Description = "Base URL of UCDP's API or archive site (with --article; default: UCDP's)" };
        var command = new Command("fetch", "Download ACLED or UCDP GED events into a CSV (cached, with provenance); --article fetches both for an article")
        {
            article, articles, output, force, refresh, baseUrl, pageSize, ucdpVersion, ucdpSource, ucdpBaseUrl,
        };
        command.Subcommands.Add(CreateAcled(stdout, stderr));
        command.Subcommands.Add(CreateUcdp(stdout, stderr));
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(article) is not { } id)
            {
                throw new ArgumentException("pipeline fetch needs --article ID, or a source: fetch acled … | fetch ucdp … (see pipeline fetch --help)");
            }

            var catalogFolder = parse.GetValue(articles)!;
            var found = ArticleFetcher.Find(Articles.ArticleCatalog.LoadFolder(catalogFolder), id, catalogFolder);
            var time = TimeProvider.System;
            var plan = ArticleFetchPlan.For(found, parse.GetValue(ucdpVersion)!, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
            var outDir = parse.GetValue(output) ?? ArticleFetcher.DefaultFolder(found.Id);
            var acledOptions = new AcledFetchOptions { BaseUrl = Url(parse.GetValue(baseUrl)!), PageSize = parse.GetValue(pageSize), Progress = Progress(stderr) };
            var ucdpOptions = new UcdpFetchOptions { Progress = Progress(stderr) };
            if (parse.GetValue(ucdpBaseUrl) is { } custom)
            {
                ucdpOptions = ucdpOptions with { ApiBaseUrl = Url(custom, "--ucdp-base-url"), ArchiveBaseUrl = Url(custom, "--ucdp-base-url") };
            }

            stderr.WriteLine($"fetch: article {found.Id}: countries {string.Join(", ", plan.Countries)}; the mentions need {IsoDate.Format(plan.Needed.From)}..{IsoDate.Format(plan.Needed.To)} ({plan.Needed.Rule})");
            using var http = CreateHttpClient();
            var result = await new ArticleFetcher(http, acledOptions, ucdpOptions)
                .FetchAsync(plan, outDir, parse.GetValue(ucdpSource) == "api" ? UcdpSource.Api : UcdpSource.Archive, parse.GetValue(force), parse.GetValue(refresh) ? FetchMode.Refresh : FetchMode.Cached, ct).ConfigureAwait(false);
            foreach (var r in result.Sources)
            {
                Report(r, stdout, stderr);
            }

            foreach (var s in result.Summary.Sources.Where(s => s.Status == "skipped"))
            {
                stderr.WriteLine($"fetch: {s.Dataset} skipped: no country is covered in the span (see the notes above)");
            }

            if (result.Removed.Count > 0)
            {
                stderr.WriteLine($"fetch: removed {string.Join(", ", result.Removed)} (written by the earlier fetch into this folder, not by this one)");
            }

            stderr.WriteLine($"fetch: summary in {result.SummaryPath}");
            var events = string.Concat(result.Sources.Select(r => $" --events {CliApp.Quote(r.CsvPath)}"));
            var catalog = catalogFolder == Path.Combine("data", "articles") ? "" : $" --articles {CliApp.Quote(catalogFolder)}";
            stderr.WriteLine($"next: pipeline report{events} --article {found.Id}{catalog}");
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>The GED version <c>fetch --article</c> asks for unless <c>--ucdp-version</c> says otherwise.</summary>
    public const string DefaultUcdpVersion = "25.1";

    private static Command CreateAcled(TextWriter stdout, TextWriter stderr)
    {
        var country = new Option<string[]>("--country") { Description = "Country as ACLED spells it, e.g. Libya; repeat for several in one request (checked offline against ACLED's country table)", AllowMultipleArgumentsPerToken = false };
        var region = new Option<int?>("--region") { Description = "ACLED region code, e.g. 5 = Northern Africa (data/reference/acled_regions.csv)" };
        var from = new Option<string>("--from") { Description = "First event date (yyyy-MM-dd)", Required = true };
        var to = new Option<string>("--to") { Description = "Last event date (yyyy-MM-dd)", Required = true };
        var output = new Option<string>("--out") { Description = "Output folder (CSV, provenance and cache/)", DefaultValueFactory = _ => Path.Combine("data", "raw", "acled") };
        var refresh = new Option<bool>("--refresh") { Description = "Download every page again instead of reading the cache" };
        var update = new Option<bool>("--update") { Description = "Fetch only rows changed since the newest cached timestamp and apply deletions" };
        var baseUrl = new Option<string>("--base-url") { Description = "API base URL", DefaultValueFactory = _ => AcledFetchOptions.DefaultBaseUrl.AbsoluteUri };
        var pageSize = new Option<int>("--page-size") { Description = "Rows per request (limit), at most 5000", DefaultValueFactory = _ => 5000 };
        var command = new Command("acled", "ACLED events through the API (OAuth with ACLED_EMAIL / ACLED_PASSWORD)")
        {
            country, region, from, to, output, refresh, update, baseUrl, pageSize,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(refresh) && parse.GetValue(update))
            {
                throw new ArgumentException("--refresh and --update exclude each other: --refresh downloads everything again, --update only what changed");
            }

            var query = new AcledQuery(string.Join('|', parse.GetValue(country) ?? []), Date(parse.GetValue(from)!, "--from"), Date(parse.GetValue(to)!, "--to")) { Region = parse.GetValue(region) };
            var options = new AcledFetchOptions { BaseUrl = Url(parse.GetValue(baseUrl)!), PageSize = parse.GetValue(pageSize), Progress = Progress(stderr) };
            var mode = parse.GetValue(refresh) ? FetchMode.Refresh : parse.GetValue(update) ? FetchMode.Update : FetchMode.Cached;
            using var http = CreateHttpClient();
            var result = await WithPageBar(stderr, $"ACLED {query.Selection}", query.YearRanges().Count, progress => new AcledFetcher(http, options with { Progress = progress }).FetchAsync(query, parse.GetValue(output)!, mode, ct)).ConfigureAwait(false);
            Report(result, stdout, stderr);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command CreateUcdp(TextWriter stdout, TextWriter stderr)
    {
        var country = new Option<string>("--country") { Description = "Country as UCDP writes it (e.g. Libya) or its Gleditsch–Ward code (e.g. 620); several joined by | (Libya|Egypt)", Required = true };
        var version = new Option<string>("--version") { Description = "GED version, e.g. 25.1", Required = true };
        var source = new Option<string>("--source") { Description = "archive (CSV zip, no token) | api (needs UCDP_TOKEN)", DefaultValueFactory = _ => "archive" };
        source.AcceptOnlyFromAmong("archive", "api");
        var output = new Option<string>("--out") { Description = "Output folder (CSV, provenance and cache/)", DefaultValueFactory = _ => Path.Combine("data", "raw", "ucdp") };
        var refresh = new Option<bool>("--refresh") { Description = "Download again instead of reading the cache" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Base URL of the API or archive site (default: UCDP's)" };
        var from = new Option<string?>("--from") { Description = "Keep events ending on or after this day (yyyy-MM-dd); default: all" };
        var to = new Option<string?>("--to") { Description = "Keep events starting on or before this day (yyyy-MM-dd); default: all" };
        var command = new Command("ucdp", "UCDP GED events from the versioned CSV archive or the GED API")
        {
            country, version, source, output, refresh, baseUrl, from, to,
        };
        command.SetAction(async (parse, ct) =>
        {
            var api = parse.GetValue(source) == "api";
            var query = new UcdpQuery(parse.GetValue(country)!, parse.GetValue(version)!, api ? UcdpSource.Api : UcdpSource.Archive)
            {
                From = parse.GetValue(from) is { } f ? Date(f, "--from") : null,
                To = parse.GetValue(to) is { } t ? Date(t, "--to") : null,
            };
            var options = new UcdpFetchOptions { Progress = Progress(stderr) };
            if (parse.GetValue(baseUrl) is { } custom)
            {
                options = options with { ApiBaseUrl = Url(custom), ArchiveBaseUrl = Url(custom) };
            }

            using var http = CreateHttpClient();
            var result = await new UcdpFetcher(http, options).FetchAsync(query, parse.GetValue(output)!, parse.GetValue(refresh) ? FetchMode.Refresh : FetchMode.Cached, ct).ConfigureAwait(false);
            Report(result, stdout, stderr);
            return CliApp.Ok;
        });
        return command;
    }

    private static Action<string> Progress(TextWriter stderr) => line => stderr.WriteLine($"fetch: {line}");

    /// <summary>
    /// Runs a fetch with a progress bar on stderr when stderr is the process's terminal: it advances one step per
    /// page read (downloaded or cached) and shows the latest progress line (other lines, such as notes and retries, are printed above it); the expected length grows as pages come,
    /// since ACLED does not say how many pages a range has. When stderr is redirected (or a test's writer), the
    /// plain <c>fetch: …</c> lines are written instead, unchanged.
    /// </summary>
    private static async Task<FetchResult> WithPageBar(TextWriter stderr, string title, int ranges, Func<Action<string>, Task<FetchResult>> fetch)
    {
        if (!ReferenceEquals(stderr, Console.Error) || Console.IsErrorRedirected)
        {
            return await fetch(Progress(stderr)).ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        FetchResult? result = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: ranges + 1);
                var pages = 0;
                result = await fetch(line =>
                {
                    if (line.Contains(" page ", StringComparison.Ordinal) && line.Contains(" rows", StringComparison.Ordinal))
                    {
                        pages++;
                        task.MaxValue = Math.Max(task.MaxValue, pages + 1);
                        task.Value = pages;
                    }
                    else
                    {
                        // Notes, retries and cache repairs stay visible above the bar, as in the plain output.
                        console.WriteLine($"fetch: {line}");
                    }

                    task.Description = Markup.Escape($"{title}: {pages} pages; {line}");
                }).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return result!;
    }

    private static void Report(FetchResult result, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine($"fetch: {result.Rows} events; {result.PagesFetched} responses downloaded, {result.PagesFromCache} from cache{(result.PagesRepaired > 0 ? $", {result.PagesRepaired} damaged cache files fetched again" : "")}");
        if (result.Update is { } u)
        {
            stderr.WriteLine($"fetch: update since timestamp {u.Since}: {u.Added} added, {u.Changed} changed, {u.Deleted} deleted");
        }

        if (result.PreviousSnapshot is { } previous)
        {
            stderr.WriteLine($"fetch: previous file kept as {previous}");
        }

        stderr.WriteLine($"fetch: provenance in {result.ProvenancePath}");
        stdout.WriteLine(result.CsvPath);
    }

    private static HttpClient CreateHttpClient()
    {
        // Per-attempt time-outs are set by the fetchers; the client's own would cut long archive downloads.
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("pipeline-fetch/1.0");
        return http;
    }

    private static DateOnly Date(string text, string option) =>
        IsoDate.TryParse(text, out var d)
            ? d
            : throw new ArgumentException($"{option} '{text}' is not a date in the form yyyy-MM-dd (e.g. 2011-01-01)");

    private static Uri Url(string text, string option = "--base-url") =>
        Uri.TryCreate(text, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
            ? u
            : throw new ArgumentException($"{option} '{text}' is not an absolute http(s) URL");
}
