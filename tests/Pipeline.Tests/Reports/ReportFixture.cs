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

    public static async Task<(ReportAnalysis Analysis, ReportResult Result)> WriteAsync(ReportInputs inputs, string outDir, IChartImageRenderer? renderer = null)
    {
        var analysis = ReportAnalysis.Run(inputs);
        var result = await ReportWriter.WriteAsync(analysis, outDir, renderer);
        return (analysis, result);
    }
}
