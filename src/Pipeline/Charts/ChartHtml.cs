using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Pipeline.Charts;

/// <summary>
/// HTML for charts: ids come from the chart name (never GUIDs), plotly.js is inlined (never fetched from a CDN)
/// and the same figure gives the same bytes.
/// </summary>
public static class ChartHtml
{
    /// <summary>The Plotly config every chart gets: resizes with the page, no Plotly logo link.</summary>
    public const string Config = """{"responsive":true,"displaylogo":false,"staticPlot":false}""";

    /// <summary>
    /// A <c>div</c> (as tall as the figure's layout height) and the script that draws the figure into it. The page must load plotly.js first (see
    /// <see cref="PlotlyAssets.PlotlyJs"/>). The JSON is made safe for a <c>script</c> element: <c>&lt;</c>,
    /// <c>&gt;</c>, <c>&amp;</c> and U+2028/U+2029 are written as <c>\uXXXX</c>, so text from data such as
    /// <c>&lt;/script&gt;</c> cannot end the script early.
    /// </summary>
    public static string Div(ChartFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        using var doc = JsonDocument.Parse(figure.FigureJson);
        var data = doc.RootElement.TryGetProperty("data", out var d) ? d.GetRawText() : "[]";
        var layout = doc.RootElement.TryGetProperty("layout", out var l) ? l.GetRawText() : "{}";
        var id = WebUtility.HtmlEncode("chart-" + figure.Name);
        var sb = new StringBuilder();
        sb.Append("<div id=\"").Append(id).Append("\" class=\"chart\" data-traces=\"")
            .Append(figure.TraceCount.ToString(CultureInfo.InvariantCulture)).Append('"');

        // The div is as tall as the figure, so nothing below the plot (axis title, notes) is cut off on the page or in its PNG.
        if (figure.Layout.Height is { } height)
        {
            sb.Append(" style=\"height:").Append(height.ToString(CultureInfo.InvariantCulture)).Append("px\"");
        }

        sb.Append("></div>");
        sb.Append("<script>Plotly.newPlot(\"").Append(id).Append("\", ")
            .Append(ScriptSafe(data)).Append(", ").Append(ScriptSafe(layout)).Append(", ").Append(Config).Append(");</script>");
        return sb.ToString();
    }

    /// <summary>
    /// A chart for a notebook output, where plotly.js comes from another output (<see cref="PlotlyScript"/>, shown
    /// once per notebook): the script waits for <c>window.Plotly</c> (up to about 15 s, as outputs may be attached in
    /// any order) and, if it never comes, says so in the chart's place instead of failing silently.
    /// </summary>
    /// <param name="figure">The chart.</param>
    /// <param name="id">The div's id, unique in the notebook.</param>
    public static string DeferredDiv(ChartFigure figure, string id)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        using var doc = JsonDocument.Parse(figure.FigureJson);
        var data = doc.RootElement.GetProperty("data").GetRawText();
        var layout = doc.RootElement.GetProperty("layout").GetRawText();
        var htmlId = WebUtility.HtmlEncode(id);
        var jsId = ScriptSafe(JsonSerializer.Serialize(id));
        var sb = new StringBuilder();
        sb.Append("<div id=\"").Append(htmlId).Append("\" class=\"chart\" data-traces=\"")
            .Append(figure.TraceCount.ToString(CultureInfo.InvariantCulture)).Append("\"></div>");
        sb.Append("<script>(function(){var n=0;function draw(){var el=document.getElementById(").Append(jsId).Append(");if(!el){return;}")
            .Append("if(window.Plotly){window.Plotly.newPlot(el, ").Append(ScriptSafe(data)).Append(", ").Append(ScriptSafe(layout)).Append(", ").Append(Config).Append(");}")
            .Append("else if(++n<300){setTimeout(draw,50);}")
            .Append("else{el.textContent=\"plotly.js is not loaded: run the notebook from its first cell, which loads the Pipeline package\";}}draw();})();</script>");
        return sb.ToString();
    }

    /// <summary>
    /// plotly.js as one notebook output, inlined so charts draw offline (JupyterLab, VS Code, nbconvert's HTML). It
    /// always sets <c>window.Plotly</c>: an AMD loader on the page (require.js in classic Jupyter pages) is hidden
    /// while the script runs, so plotly.js does not register itself as a module instead.
    /// </summary>
    public static string PlotlyScript()
    {
        var js = PlotlyAssets.PlotlyJs;
        if (js.Contains("</script", StringComparison.OrdinalIgnoreCase) || js.Contains("<!--", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the embedded plotly.js contains '</script' or '<!--' and cannot be inlined safely");
        }

        return "<div class=\"plotly-js\" data-version=\"" + PlotlyAssets.Version + "\" style=\"display:none\"></div>"
            + "<script>window.__pipelineDefine=window.define;window.define=undefined;</script>"
            + "<script>" + js + "</script>"
            + "<script>window.define=window.__pipelineDefine;delete window.__pipelineDefine;</script>";
    }

    /// <summary>
    /// The script element that hands plotly.js the world outlines (<see cref="PlotlyAssets.GeoAssetsScript"/>): a page
    /// that inlines plotly.js and draws a map carries it once, before the map is plotted, so the map needs no network.
    /// </summary>
    public static string GeoAssets() => "<script>" + PlotlyAssets.GeoAssetsScript + "</script>";

    /// <summary>
    /// A complete page holding one chart and plotly.js, inlined once: used to render the chart's PNG in a
    /// headless browser and to open one chart on its own, with no network request.
    /// </summary>
    /// <param name="figure">The chart.</param>
    /// <param name="pageTitle">The page title; HTML-escaped.</param>
    public static string Standalone(ChartFigure figure, string pageTitle)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(pageTitle);
        var js = PlotlyAssets.PlotlyJs;
        if (js.Contains("</script", StringComparison.OrdinalIgnoreCase) || js.Contains("<!--", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the embedded plotly.js contains '</script' or '<!--' and cannot be inlined safely");
        }

        var sb = new StringBuilder(js.Length + 4096);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>").Append(WebUtility.HtmlEncode(pageTitle)).Append("</title>\n");
        sb.Append("<style>body{margin:0;padding:8px;background:#fff;font-family:sans-serif}.chart{width:1000px}</style>\n");
        sb.Append("<script>").Append(js).Append("</script>\n");
        if (figure.IsMap)
        {
            sb.Append(GeoAssets()).Append('\n');
        }

        sb.Append("</head>\n<body>\n");
        sb.Append(Div(figure)).Append('\n');
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>
    /// Escapes JSON text for a script element. The characters replaced can only occur inside JSON strings, where
    /// <c>\uXXXX</c> means the same character, so the value is unchanged.
    /// </summary>
    internal static string ScriptSafe(string json)
    {
        var sb = new StringBuilder(json.Length + 16);
        foreach (var c in json)
        {
            _ = c switch
            {
                '<' => sb.Append("\\u003c"),
                '>' => sb.Append("\\u003e"),
                '&' => sb.Append("\\u0026"),
                '\u2028' => sb.Append("\\u2028"),
                '\u2029' => sb.Append("\\u2029"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }
}
