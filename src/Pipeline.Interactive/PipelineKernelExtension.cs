using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;
using Pipeline.Charts;
using Pipeline.Intensity;
using Pipeline.Reports;

namespace Pipeline.Interactive;

/// <summary>
/// Loaded by the .NET Interactive kernel from the Pipeline package's <c>interactive-extensions/dotnet/</c> folder when
/// a notebook runs <c>#r "nuget: Pipeline, …"</c>. Shows plotly.js once (under that cell) and registers the
/// formatters in <see cref="PipelineFormatters"/>.
/// </summary>
public sealed class PipelineKernelExtension : IKernelExtension
{
    /// <inheritdoc />
    public Task OnLoadAsync(Kernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        PipelineFormatters.Register();
        if (KernelInvocationContext.Current is { } context)
        {
            context.Display(new HtmlString(PipelineFormatters.TakePlotlyScript()), HtmlFormatter.MimeType);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// How Pipeline's values look in a notebook: a <see cref="ChartFigure"/> as Plotly (<c>application/vnd.plotly.v1+json</c>
/// for front ends with a Plotly renderer, and HTML that draws with the plotly.js shown once per session, for every
/// other front end and for nbconvert); claim checks, event-study results and CSV tables as the report's HTML tables.
/// </summary>
public static class PipelineFormatters
{
    /// <summary>Plotly's figure MIME type, read by JupyterLab's and VS Code's Plotly renderers.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    private static readonly Lock Gate = new();
    private static bool _scriptShown;
    private static int _charts;

    /// <summary>Registers the formatters (again: registration is idempotent in effect, the last one wins).</summary>
    public static void Register()
    {
        Formatter.Register<ChartFigure>((figure, writer) => writer.Write(ChartHtml(figure)), HtmlFormatter.MimeType);
        Formatter.Register<ChartFigure>((figure, writer) => writer.Write(figure.FigureJson), PlotlyMimeType);
        Formatter.Register<ChartFigure>((figure, writer) => writer.Write(Describe(figure)), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(ChartFigure), HtmlFormatter.MimeType, PlotlyMimeType);

        Formatter.Register<IEnumerable<ClaimRow>>((rows, writer) => writer.Write(HtmlTables.Claims(rows)), HtmlFormatter.MimeType);
        Formatter.Register<IEnumerable<EventStudyResult>>((rows, writer) => writer.Write(HtmlTables.Study(rows)), HtmlFormatter.MimeType);
        Formatter.Register<CsvTable>((table, writer) => writer.Write(HtmlTables.Table(table)), HtmlFormatter.MimeType);
    }

    /// <summary>The plotly.js output the first time it is asked for in this session, then an empty string. It carries the
    /// world outlines maps are drawn with (<see cref="Charts.ChartHtml.GeoAssets"/>, 137 KB) too: shown with plotly.js
    /// under the cell that loads the package, they stay on the page when a map's own cell is re-run, and plotly.js never
    /// fetches them from its CDN.</summary>
    public static string TakePlotlyScript()
    {
        lock (Gate)
        {
            if (_scriptShown)
            {
                return "";
            }

            _scriptShown = true;
        }

        return Charts.ChartHtml.PlotlyScript() + Charts.ChartHtml.GeoAssets();
    }

    /// <summary>A chart's HTML: a div with an id unique in the session, drawn once plotly.js is on the page (carried
    /// along with this chart if no output has shown it yet).</summary>
    public static string ChartHtml(ChartFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        int n;
        lock (Gate)
        {
            n = ++_charts;
        }

        var id = $"chart-{figure.Name}-{n.ToString(CultureInfo.InvariantCulture)}";
        return TakePlotlyScript() + Charts.ChartHtml.DeferredDiv(figure, id);
    }

    private static string Describe(ChartFigure figure) =>
        $"{figure.Title} ({figure.TraceCount.ToString(CultureInfo.InvariantCulture)} trace{(figure.TraceCount == 1 ? "" : "s")})";
}
