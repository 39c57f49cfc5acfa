using System.Globalization;
using System.Text;
using Pipeline.Charts;

namespace Pipeline.Reports;

/// <summary>
/// The numbered mention table under each timeline panel: every mention of the article, with the number its label
/// carries on the chart (1..N in date order), its date, our paraphrase and id, and whether this source's panel draws
/// it (a line, a shaded span) or not (outside the source's coverage or the charted range). Nothing is cut: a reader
/// without a mouse finds every mention here.
/// </summary>
internal static class TimelineLegend
{
    /// <summary>The table for the chart named <paramref name="chart"/> when it is a source's timeline
    /// (<c>timeline-{slug}</c>), else the empty string.</summary>
    public static string For(string chart, ReportAnalysis a)
    {
        var source = a.Sources.FirstOrDefault(s => chart == "timeline-" + s.Source.Slug);
        return source is null || source.Overall.Count == 0 ? "" : Html(source);
    }

    /// <summary>The table of one source's timeline, with id <c>mention-legend-{slug}</c>.</summary>
    public static string Html(SourceAnalysis s)
    {
        var h = new StringBuilder();
        h.Append("<table id=\"mention-legend-").Append(HtmlReport.E(s.Source.Slug)).Append("\" class=\"mention-legend\">\n<caption>Mentions on this chart, numbered in date order</caption>\n")
            .Append("<thead><tr><th>No.</th><th>Date</th><th>Mention (our paraphrase)</th><th>On this chart</th></tr></thead>\n<tbody>\n");
        foreach (var l in TimelineChart.Labels(s.Overall, s.Mentions))
        {
            h.Append("<tr data-mention=\"").Append(HtmlReport.E(l.View.Mention.Id)).Append("\"").Append(l.IsDrawn ? "" : " class=\"not-drawn\"").Append("><td>")
                .Append(l.Number.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(HtmlReport.E(l.View.StatedDate)).Append("</td><td>")
                .Append(HtmlReport.E($"{l.View.Paragraphs} {l.View.Mention.Paraphrase}")).Append(" <span class=\"id\">").Append(HtmlReport.E(l.View.Mention.Id)).Append("</span></td><td>")
                .Append(HtmlReport.E(l.Status)).Append("</td></tr>\n");
        }

        return h.Append("</tbody>\n</table>").ToString();
    }
}
