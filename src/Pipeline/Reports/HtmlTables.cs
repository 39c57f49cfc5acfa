using System.Globalization;
using System.Text;
using Pipeline.Intensity;
using static Pipeline.Reports.HtmlReport;

namespace Pipeline.Reports;

/// <summary>
/// The report's tables as HTML fragments, shared by the report page and notebook displays (the .NET Interactive
/// kernel extension and the headless runner), so a notebook shows the same table the report does. All text from
/// data is HTML-escaped (see <see cref="HtmlReport.E"/>).
/// </summary>
public static class HtmlTables
{
    /// <summary>Rows a <see cref="CsvTable"/> shows before the rest is summarised in one line.</summary>
    public const int MaxRows = 60;

    /// <summary>The claim-check table: paragraph, paraphrase, date (marked "inferred: basis" when the article does not
    /// state it), implication, record, verdict, sources (each not checked here marked [unverified]).</summary>
    public static string Claims(IEnumerable<ClaimRow> claims, string id = "claim-table")
    {
        ArgumentNullException.ThrowIfNull(claims);
        var h = new StringBuilder();
        h.Append("<table id=\"").Append(E(id)).Append("\">\n<thead><tr><th>¶</th><th>Mention (our paraphrase)</th><th>Date (stated or inferred)</th><th>What the op-ed implies</th><th>What the record says</th><th>Verdict</th><th>Sources</th></tr></thead>\n<tbody>\n");
        foreach (var c in claims)
        {
            h.Append("<tr><td>").Append(E(c.View.Paragraphs)).Append("</td><td>").Append(E(c.View.Mention.Paraphrase))
                .Append("<br><span class=\"id\">").Append(E(c.View.Mention.Id)).Append(" · ").Append(E(Coverage.Label(c.View.Coverage))).Append("</span></td><td>")
                .Append(E(c.View.StatedDate));
            if (c.View.Mention.DateInferred)
            {
                h.Append("<br><span class=\"inferred\">inferred: ").Append(E(c.View.Mention.DateBasis)).Append("</span>");
            }

            h.Append("</td><td>").Append(E(c.Check?.Implied)).Append("</td><td>").Append(E(c.Check?.Record));
            if (c.Check is { RecordDates.Count: > 0 })
            {
                h.Append("<br><span class=\"dates\">").Append(E(c.RecordDates)).Append("</span>");
            }

            h.Append("</td><td class=\"verdict ").Append(E(c.VerdictText.Replace(' ', '-'))).Append("\">").Append(E(c.VerdictText)).Append("</td><td>");
            if (c.Check is not null)
            {
                h.Append(string.Join("<br>", c.Check.Sources.Select(s => $"{E(s.Title)} ({E(s.Publisher)}), <span class=\"url\">{E(s.Url.ToString())}</span>{(s.Verified ? "" : $" <span class=\"unverified\">{E(ClaimRow.UnverifiedMark)}</span>")}")));
            }

            h.Append("</td></tr>\n");
        }

        h.Append("</tbody>\n</table>\n");
        return h.ToString();
    }

    /// <summary>The event-study table, one row per result with its source (<see cref="EventStudyResult.Source"/>); with
    /// <paramref name="mentions"/> (in the same order) each row starts with the mention's paragraphs.</summary>
    public static string Study(IEnumerable<EventStudyResult> results, IReadOnlyList<MentionView>? mentions = null, string id = "study-table")
    {
        ArgumentNullException.ThrowIfNull(results);
        var h = new StringBuilder();
        h.Append("<table id=\"").Append(E(id)).Append("\">\n<thead><tr><th>Mention</th><th>Source</th><th>Studied span</th><th>Coverage</th><th>Scope (countries studied)</th><th>Before</th><th>After / inside</th><th>Difference [95% CI]</th><th>p</th><th>p (Holm)</th><th>p (BH)</th><th>Ratio [95% CI]</th><th>Fatalities difference [95% CI]</th><th>Fatalities p</th><th>Fatalities p (Holm)</th><th>Fatalities p (BH)</th><th>Placebo windows</th><th>Note</th></tr></thead>\n<tbody>\n");
        var i = 0;
        foreach (var r in results)
        {
            var e = r.Events;
            var f = r.Fatalities;
            h.Append("<tr><td>");
            if (mentions is not null && i < mentions.Count)
            {
                h.Append(E(mentions[i].Paragraphs)).Append(' ');
            }

            h.Append(E(r.Target.Id)).Append("</td><td>").Append(r.Source is null ? "–" : E(r.Source)).Append("</td><td>")
                .Append(E($"{(r.Target.IsPeriod ? "period" : "point")} {MentionDates.Describe(r.Target.Start, r.Target.End, Events.DatePrecision.Day)}")).Append("</td><td>")
                .Append(E(Coverage.Label(r.Coverage))).Append("</td><td>").Append(r.Scope is null ? "–" : E(r.Scope)).Append("</td><td>").Append(N(e?.Before)).Append("</td><td>").Append(N(e?.After)).Append("</td><td>")
                .Append(e is null ? "–" : $"{N(e.Difference)} [{N(e.DifferenceLow)}, {N(e.DifferenceHigh)}]").Append("</td><td>")
                .Append(N(e?.PValue, "0.000")).Append("</td><td>").Append(N(r.Adjusted?.EventsHolm, "0.000")).Append("</td><td>").Append(N(r.Adjusted?.EventsBh, "0.000")).Append("</td><td>")
                .Append(e?.Ratio is null ? "–" : $"{N(e.Ratio)} [{N(e.RatioLow)}, {N(e.RatioHigh)}]").Append("</td><td>")
                .Append(f is null ? "–" : $"{N(f.Difference)} [{N(f.DifferenceLow)}, {N(f.DifferenceHigh)}]").Append("</td><td>")
                .Append(N(f?.PValue, "0.000")).Append("</td><td>").Append(N(r.Adjusted?.FatalitiesHolm, "0.000")).Append("</td><td>").Append(N(r.Adjusted?.FatalitiesBh, "0.000")).Append("</td><td>")
                .Append(r.Placebo is { } p ? p.Count.ToString(CultureInfo.InvariantCulture) : "–").Append("</td><td>").Append(E(r.Note)).Append("</td></tr>\n");
            i++;
        }

        h.Append("</tbody>\n</table>\n");
        return h.ToString();
    }

    /// <summary>A CSV table (intensity, event types, rejections, …) as HTML: its name as caption, its columns, at
    /// most <see cref="MaxRows"/> rows and a line saying how many more there are.</summary>
    public static string Table(CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var h = new StringBuilder();
        h.Append("<table class=\"csv-table\" data-name=\"").Append(E(table.Name)).Append("\">\n<caption>").Append(E(table.Name)).Append("</caption>\n<thead><tr>");
        foreach (var c in table.Columns)
        {
            h.Append("<th>").Append(E(c)).Append("</th>");
        }

        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows.Take(MaxRows))
        {
            h.Append("<tr>");
            foreach (var cell in row)
            {
                h.Append("<td>").Append(E(cell)).Append("</td>");
            }

            h.Append("</tr>\n");
        }

        h.Append("</tbody>\n</table>\n");
        if (table.RowCount > MaxRows)
        {
            h.Append("<p class=\"note\">").Append((table.RowCount - MaxRows).ToString(CultureInfo.InvariantCulture)).Append(" more rows (")
                .Append(table.RowCount.ToString(CultureInfo.InvariantCulture)).Append(" in all)</p>\n");
        }

        return h.ToString();
    }
}
