using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Pipeline.Intensity;
using Pipeline.Rendering;
using Pipeline.Reports;
using Pipeline.Synthetic;
using Spectre.Console;
using Pipeline.Text;

namespace Pipeline.Cli;

/// <summary>
/// <c>pipeline report</c>: loads events and the article, computes intensity, the event study and claim
/// checks, and writes the report folder. Defaults: the synthetic default data and the Libya op-ed.
/// </summary>
internal static class ReportCommand
{
    public const string DefaultArticle = "daily-sabah-2020-01-03-libya";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var events = new Option<string[]>("--events") { Description = "Events file (ACLED or UCDP GED CSV); repeat for several", AllowMultipleArgumentsPerToken = false, DefaultValueFactory = _ => [Path.Combine("data", "events", SyntheticAcledGenerator.DefaultFileName)] };
        var article = new Option<string>("--article") { Description = "Article id in the catalog", DefaultValueFactory = _ => DefaultArticle };
        var articles = new Option<string>("--articles") { Description = "Article catalog folder", DefaultValueFactory = _ => Path.Combine("data", "articles") };
        var country = new Option<string?>("--country") { Description = "Keep only events in this country" };
        var from = new Option<string?>("--from") { Description = "First day (yyyy-MM-dd)" };
        var to = new Option<string?>("--to") { Description = "Last day (yyyy-MM-dd)" };
        var bin = new Option<string>("--bin") { Description = "day | week | acled-week | month", DefaultValueFactory = _ => "week" };
        bin.AcceptOnlyFromAmong("day", "week", "acled-week", "month");
        var window = new Option<int>("--window") { Description = "Bins before and after each mention", DefaultValueFactory = _ => EventStudyOptions.Default.Window };
        var imprecise = new Option<string>("--imprecise") { Description = "band | spread: events dated more coarsely than the bin", DefaultValueFactory = _ => "band" };
        imprecise.AcceptOnlyFromAmong("band", "spread");
        var seed = new Option<ulong>("--seed") { Description = "Recorded for replay; the event study uses every placebo window and draws nothing at random", DefaultValueFactory = _ => EventStudyOptions.Default.Seed };
        var output = new Option<string>("--out") { Description = "Output folder; an earlier report there is replaced once the new one is complete, other files are left alone", DefaultValueFactory = _ => "out" };
        var noPng = new Option<bool>("--no-png") { Description = "Do not render PNGs with Chromium" };
        var share = new Option<bool>("--share") { Description = "Aggregate-only report for sharing (ACLED's terms restrict redistributing events): counts per bin, area and 0.5° map cell; no event rows, ids, notes or per-event hovers" };
        var noCache = CacheSwitch.Create();
        var command = new Command("report", "Write the self-contained HTML report, CSV tables, PNG charts and manifest.json")
        {
            events, article, articles, country, from, to, bin, window, imprecise, seed, output, noPng, share, noCache,
        };
        command.SetAction(async (parse, ct) =>
        {
            var inputs = new ReportInputs
            {
                EventFiles = parse.GetValue(events)!.Select(CliApp.Recorded).ToList(),
                ArticleId = parse.GetValue(article)!,
                ArticlesFolder = CliApp.Recorded(parse.GetValue(articles)!),
                Filter = new EventFilter { Country = parse.GetValue(country), From = Date(parse.GetValue(from), "--from"), To = Date(parse.GetValue(to), "--to") },
                Intensity = new IntensityOptions { Bin = Bins.Parse(parse.GetValue(bin)!), Imprecise = parse.GetValue(imprecise) == "spread" ? ImprecisePolicy.Spread : ImprecisePolicy.Band },
                Study = EventStudyOptions.Default with { Window = parse.GetValue(window), Seed = parse.GetValue(seed) },
                AggregateOnly = parse.GetValue(share),
            };
            var interactive = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
            var clock = Stopwatch.StartNew();
            ReportAnalysis? analysis = null;
            ReportResult? result = null;
            TimeSpan analysed = default;
            async Task Work(IProgress<string>? progress)
            {
                analysis = ReportAnalysis.Run(inputs, progress, CacheSwitch.Options(parse.GetValue(noCache), stderr));
                analysed = clock.Elapsed;
                var outDir = parse.GetValue(output)!;
                try
                {
                    result = await ReportWriter.WriteAsync(analysis, outDir, parse.GetValue(noPng) ? null : new ChromiumChartRenderer(), progress, ct, CliApp.CommandLine(parse)).ConfigureAwait(false);
                }
                catch (Exception ex) when (OutputErrors.Explain(ex, "the report", outDir, "--out") is { } explained)
                {
                    throw explained;
                }
            }

            if (interactive)
            {
                await AnsiConsole.Status().StartAsync("starting", async ctx => await Work(new Progress<string>(s => ctx.Status(s))).ConfigureAwait(false)).ConfigureAwait(false);
            }
            else
            {
                await Work(null).ConfigureAwait(false);
            }

            var r = result!;
            var a = analysis!;
            if (a.IsSynthetic)
            {
                stdout.WriteLine("*** SYNTHETIC DATA: the report is built on generated events, not real ones ***");
            }

            stdout.WriteLine($"wrote {Path.Combine(r.OutDir, ReportWriter.HtmlFile)} ({new FileInfo(Path.Combine(r.OutDir, ReportWriter.HtmlFile)).Length / 1024.0:0} KiB), {r.Outputs.Count} files listed in manifest.json");
            foreach (var s in a.Sources)
            {
                stdout.WriteLine($"{s.Name}: events analysed {s.Events.Count}; mentions outside its coverage {s.Mentions.Count(m => m.Coverage == CoverageStatus.Outside)} of {s.Mentions.Count}; rejected rows {s.Table.Rejected}");
            }
            if (r.Removed.Count > 0)
            {
                stdout.WriteLine($"removed {r.Removed.Count} file(s) the earlier report wrote and this one does not: {string.Join(", ", r.Removed)}");
            }

            if (r.LeftAlone.Count > 0)
            {
                stdout.WriteLine($"left alone (not written by this report): {Shown(r.LeftAlone)}");
            }

            if (r.PngNote is not null)
            {
                stdout.WriteLine(r.PngNote + " (--no-png leaves them out without this note)");
            }

            stdout.WriteLine("time: " + string.Join(", ", new[] { ("load+compute", analysed) }.Concat(r.Timings).Select(t => $"{t.Item1} {t.Item2.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s")));
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>The first entries of a list and how many more, so a folder of thousands stays one line.</summary>
    internal static string Shown(IReadOnlyList<string> entries, int first = 12) =>
        string.Join(", ", entries.Take(first)) + (entries.Count > first ? $" and {entries.Count - first} more" : "");

    private static DateOnly? Date(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        return IsoDate.TryParse(text, out var d)
            ? d
            : throw new ArgumentException($"{option} '{text}' is not a date; use yyyy-MM-dd, e.g. 2019-04-04");
    }
}
