using Pipeline.Reports;
using Pipeline.Synthetic;
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

    /// <summary>The default report (or, with <paramref name="aggregateOnly"/>, its --share form) written into
    /// <paramref name="outDir"/> from one analysis shared by every caller: for tests about the files a report writes
    /// or leaves alone, not about whether two analyses agree (those call <see cref="WriteAsync"/>, which analyses anew).</summary>
    public static async Task<(ReportAnalysis Analysis, ReportResult Result)> WriteDefaultAsync(string outDir, bool aggregateOnly = false)
    {
        var analysis = (aggregateOnly ? DefaultShareAnalysis : DefaultAnalysis).Value;
        return (analysis, await ReportWriter.WriteAsync(analysis, outDir, renderer: null));
    }

    public static async Task<(ReportAnalysis Analysis, ReportResult Result)> WriteAsync(ReportInputs inputs, string outDir, IChartImageRenderer? renderer = null)
    {
        var analysis = ReportAnalysis.Run(inputs);
        var result = await ReportWriter.WriteAsync(analysis, outDir, renderer);
        return (analysis, result);
    }
}
