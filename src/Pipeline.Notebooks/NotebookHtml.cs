using System.Globalization;
using System.Net;
using System.Text;
using Markdig;
using Pipeline.Charts;

namespace Pipeline.Notebooks;

/// <summary>
/// A self-contained HTML page of an executed notebook: sources HTML-escaped, markdown rendered by Markdig (CommonMark,
/// raw HTML escaped), outputs as the kernel sent them, and, when a chart is drawn and no output already carries it,
/// plotly.js inlined once at the top when any output draws a chart. The same document gives the same bytes.
/// </summary>
public static class NotebookHtml
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
        .cell{margin:1em 0}
        .prompt{color:#888;font-family:monospace;font-size:.85em}
        pre{background:#f6f8fa;padding:.6em;overflow-x:auto;margin:.3em 0}
        pre.source{border-left:3px solid #4a7bd0}
        pre.stderr,pre.error{background:#fdecec;color:#8a1111}
        .output{margin:.3em 0 .3em 1em}
        table{border-collapse:collapse;font-size:.9em}
        td,th{border:1px solid #ddd;padding:2px 6px;text-align:left}
        .chart{width:100%;min-height:420px}
        """;

    /// <summary>Renders the notebook.</summary>
    /// <param name="notebook">The (usually executed) notebook.</param>
    /// <param name="title">The page title; HTML-escaped.</param>
    public static string Render(NotebookDocument notebook, string title)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(title);
        var body = new StringBuilder();
        var hasCharts = false;
        foreach (var cell in notebook.Cells)
        {
            body.Append("<div class=\"cell ").Append(cell.Kind.ToString().ToLowerInvariant()).Append("\" id=\"").Append(WebUtility.HtmlEncode(cell.Id ?? "")).Append("\">\n");
            switch (cell.Kind)
            {
                case CellKind.Markdown:
                    body.Append(Markdown(cell.Source));
                    break;
                case CellKind.Raw:
                    body.Append("<pre class=\"raw\">").Append(WebUtility.HtmlEncode(cell.Source)).Append("</pre>\n");
                    break;
                default:
                    var count = cell.ExecutionCount is { } c ? c.ToString(CultureInfo.InvariantCulture) : " ";
                    body.Append("<div class=\"prompt\">In [").Append(count).Append("]:</div>\n");
                    body.Append("<pre class=\"source\"><code>").Append(WebUtility.HtmlEncode(cell.Source)).Append("</code></pre>\n");
                    foreach (var output in cell.Outputs)
                    {
                        hasCharts |= Output(body, output);
                    }

                    break;
            }

            body.Append("</div>\n");
        }

        var page = new StringBuilder(body.Length + 8192);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        page.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        page.Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n");
        page.Append("<style>\n").Append(Style).Append("\n</style>\n");
        // In the kernel, loading the package displays plotly.js once (the kernel extension's output, before any chart):
        // then the page already has it and inlining it again would double the page's size.
        if (hasCharts && !body.ToString().Contains(PlotlyAssets.PlotlyJs[..200], StringComparison.Ordinal))
        {
            var js = PlotlyAssets.PlotlyJs;
            if (js.Contains("</script", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("the embedded plotly.js contains '</script' and cannot be inlined safely");
            }

            page.Append("<script>").Append(js).Append("</script>\n");
        }

        // A map drawn by an output that did not bring the world outlines (the kernel extension's plotly.js output does):
        // inline them once, or plotly.js would fetch them from its CDN.
        var text = body.ToString();
        if (hasCharts && text.Contains("\"type\":\"scattergeo\"", StringComparison.Ordinal) && !text.Contains(ChartHtml.GeoAssets(), StringComparison.Ordinal))
        {
            page.Append(ChartHtml.GeoAssets()).Append('\n');
        }

        page.Append("</head>\n<body>\n").Append(body).Append("</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>Writes one output; true when it draws a Plotly chart.</summary>
    private static bool Output(StringBuilder body, CellOutput output)
    {
        switch (output)
        {
            case StreamOutput s:
                body.Append("<pre class=\"output ").Append(s.Name == StreamOutput.Stderr ? "stderr" : "stdout").Append("\">")
                    .Append(WebUtility.HtmlEncode(s.Text)).Append("</pre>\n");
                return false;
            case DisplayOutput d when d[DisplayOutput.Html] is { } html:
                // The HTML is the kernel's (its formatters and the package's kernel extension), as Jupyter shows it.
                body.Append("<div class=\"output display\">").Append(html).Append("</div>\n");
                return html.Contains("Plotly.newPlot(", StringComparison.Ordinal);
            case DisplayOutput d:
                body.Append("<pre class=\"output\">").Append(WebUtility.HtmlEncode(d[DisplayOutput.PlainText] ?? "")).Append("</pre>\n");
                return false;
            case ErrorOutput e:
                body.Append("<pre class=\"output error\">").Append(WebUtility.HtmlEncode(string.Join("\n", e.Traceback.DefaultIfEmpty($"{e.EName}: {e.EValue}")))).Append("</pre>\n");
                return false;
            default:
                return false;
        }
    }

    /// <summary>CommonMark with raw HTML switched off, so every character of text is escaped and a notebook's
    /// markdown cannot inject markup into the page.</summary>
    private static readonly MarkdownPipeline MarkdownPipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>A markdown cell's HTML (Markdig, CommonMark, raw HTML escaped), in a <c>div.markdown</c>.</summary>
    internal static string Markdown(string source) =>
        "<div class=\"markdown\">\n" + Markdig.Markdown.ToHtml(source.Replace("\r\n", "\n", StringComparison.Ordinal), MarkdownPipeline) + "</div>\n";
}
