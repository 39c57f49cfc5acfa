using Pipeline.Reports;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Reports;

/// <summary>Paths and a one-call report run shared by the report tests.</summary>
internal static class ReportRun
{
    public static string DefaultEvents => TestPaths.Project.DefaultEvents;

    public static string Articles => TestPaths.Project.Articles;

    public static ReportInputs Inputs(params string[] events) => new()
    {
        EventFiles = events.Length == 0 ? [DefaultEvents] : events,
        ArticlesFolder = Articles,
        ArticleId = "daily-sabah-2020-01-03-libya",
    };

    private static readonly Lazy<ReportAnalysis> DefaultAnalysis = new(() => ReportAnalysis.Run(Inputs()));

    private static readonly Lazy<ReportAnalysis> DefaultShareAnalysis = new(() => ReportAnalysis.Run(Inputs() with { AggregateOnly = true }));

    private static readonly Lazy<Task<WrittenReport>> DefaultReport = new(() => WriteOnceAsync("default", aggregateOnly: false));

    private static readonly Lazy<Task<WrittenReport>> DefaultShareReport = new(() => WriteOnceAsync("share", aggregateOnly: true));

    /// <summary>The default analysis, computed once for every test that reads it and changes nothing in it (tests that
    /// compare two analyses call <see cref="ReportAnalysis.Run(ReportInputs, IProgress{string}?, Pipeline.Events.EventLoadOptions?)"/> themselves).</summary>
    public static ReportAnalysis Default(bool aggregateOnly = false) => (aggregateOnly ? DefaultShareAnalysis : DefaultAnalysis).Value;

    /// <summary>The default report (or, with <paramref name="aggregateOnly"/>, its --share form) written into
    /// <paramref name="outDir"/> from one analysis shared by every caller: for tests about the files a report writes
    /// or leaves alone, not about whether two analyses agree (those call <see cref="WriteAsync"/>, which analyses anew).</summary>
    public static async Task<(ReportAnalysis Analysis, ReportResult Result)> WriteDefaultAsync(string outDir, bool aggregateOnly = false)
    {
        var analysis = Default(aggregateOnly);
        return (analysis, await ReportWriter.WriteAsync(analysis, outDir, renderer: null));
    }

    /// <summary>
    /// The default report (or its --share form), written once per test run by the first test that asks, into a folder
    /// of its own that no test writes to: for tests that only read what a report wrote. A test that changes a report's
    /// files, or needs one in a folder beside its own, copies it with <see cref="CopyDefaultAsync"/>.
    /// </summary>
    public static Task<WrittenReport> WrittenDefaultAsync(bool aggregateOnly = false) => (aggregateOnly ? DefaultShareReport : DefaultReport).Value;

    /// <summary>A byte-for-byte copy of the once-written default report (or its --share form) in <paramref name="outDir"/>:
    /// the files the tool wrote, manifest included, as a second run would leave them (the run's time aside).</summary>
    public static async Task CopyDefaultAsync(string outDir, bool aggregateOnly = false) =>
        Folders.Copy((await WrittenDefaultAsync(aggregateOnly)).Folder, outDir);

    public static async Task<(ReportAnalysis Analysis, ReportResult Result)> WriteAsync(ReportInputs inputs, string outDir, IChartImageRenderer? renderer = null)
    {
        var analysis = ReportAnalysis.Run(inputs);
        var result = await ReportWriter.WriteAsync(analysis, outDir, renderer);
        return (analysis, result);
    }

    private static async Task<WrittenReport> WriteOnceAsync(string name, bool aggregateOnly)
    {
        var folder = Path.Combine(Folders.ForTheRun, name, "out");
        var (analysis, result) = await WriteDefaultAsync(folder, aggregateOnly);
        return new WrittenReport(analysis, result, folder);
    }
}

/// <summary>A report written once for the test run: its analysis, what the writer returned and its folder (read it, never write to it).</summary>
internal sealed record WrittenReport(ReportAnalysis Analysis, ReportResult Result, string Folder)
{
    /// <summary>A path inside the report's folder.</summary>
    public string this[string relative] => Path.Combine(Folder, relative);
}
