using System.Globalization;
using System.Text;
using Pipeline.Intensity;
using static Pipeline.Reports.HtmlReport;

namespace Pipeline.Reports;

/// <summary>What one source's event study says about one mention, in words a reader can quote.</summary>
/// <param name="Source">The source's label (<see cref="SourceAnalysis.Name"/>).</param>
/// <param name="Direction">"rose", "fell", "no clear change", "not judged" (means but too few placebo windows) or "nothing measured".</param>
/// <param name="Text">The sentence: means before → after, difference with its 95% interval, p and its Holm and BH adjustments; or why nothing is measured.</param>
/// <param name="Detail">The study's own note (clipping, scope, placebo counts), or null.</param>
internal sealed record SummaryFinding(string Source, string Direction, string Text, string? Detail);

/// <summary>One row of the summary: a mention, its date and where the date comes from, the claim-check verdict, and what each source shows.</summary>
/// <param name="View">The mention, with the best coverage any source gives it.</param>
/// <param name="DateText">The date at its precision (e.g. 2019-04-04, 2014, 2019-09 .. 2020-01).</param>
/// <param name="DateOrigin">"stated in the article", or "inferred: " and the catalog's basis.</param>
/// <param name="Verdict">The claim-check verdict, or "not checked".</param>
/// <param name="Findings">One per source, in input order.</param>
internal sealed record SummaryRow(MentionView View, string DateText, string DateOrigin, string Verdict, IReadOnlyList<SummaryFinding> Findings);

/// <summary>
/// The report's first section: one row per mention in date order (start date, ties by id) with what each source's
/// event study shows, in plain words. Every number comes from the analysis (<see cref="SourceAnalysis.Study"/>,
/// <see cref="ReportAnalysis.Claims"/>); nothing is computed here. The wording is descriptive only: how counts moved
/// around a date, never why.
/// </summary>
internal static class ReportSummary
{
    /// <summary>The rows, one per mention, ordered by start date and then id (ordinal).</summary>
    public static IReadOnlyList<SummaryRow> Rows(ReportAnalysis a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var bin = Bins.Name(a.Inputs.Intensity.Bin);
        return Enumerable.Range(0, a.Mentions.Count)
            .OrderBy(i => a.Mentions[i].Mention.Start)
            .ThenBy(i => a.Mentions[i].Mention.Id, StringComparer.Ordinal)
            .Select(i =>
            {
                var v = a.Mentions[i];
                var origin = v.Mention.DateInferred ? $"inferred: {v.Mention.DateBasis}" : "stated in the article";
                return new SummaryRow(v, v.StatedDate, origin, a.Claims[i].VerdictText, a.Sources.Select(s => Finding(s.Name, s.Study[i], bin, a.StudyFamily)).ToList());
            })
            .ToList();
    }

    /// <summary>What one study result says, in words.</summary>
    internal static SummaryFinding Finding(string source, EventStudyResult r, string bin, int family)
    {
        var e = r.Events;
        if (e is null)
        {
            var why = r.Scope is null ? "Nothing measured: not in this source's scope (it covers none of the mention's countries)."
                : r.Coverage == CoverageStatus.Outside ? "Nothing measured: outside this source's coverage."
                : "Nothing measured: the comparison window does not fit inside the analysed data.";
            return new SummaryFinding(source, "nothing measured", why, r.Note);
        }

        var span = r.Target.IsPeriod
            ? $"mean events per {bin} in the {Count(r.BinsBefore, bin)} before the period vs the {Count(r.BinsAfter, bin)} inside it"
            : $"mean events per {bin} in the {Count(r.BinsBefore, bin)} before the date vs the {Count(r.BinsAfter, bin)} from it";
        var means = $"{N(e.Before)} → {N(e.After)} ({span})";
        if (e.PValue is not { } p)
        {
            return new SummaryFinding(source, "not judged", $"Not judged: {means}, difference {Signed(e.Difference)}; too few placebo windows for a 95% interval or p-value.", r.Note);
        }

        var direction = !e.ExcludesZero ? "no clear change" : e.Difference > 0 ? "rose" : "fell";
        var text = new StringBuilder();
        text.Append(char.ToUpperInvariant(direction[0])).Append(direction[1..]).Append(": ").Append(means)
            .Append("; difference ").Append(Signed(e.Difference)).Append(", 95% interval [").Append(N(e.DifferenceLow)).Append(", ").Append(N(e.DifferenceHigh)).Append("]; p = ").Append(N(p, "0.000"));
        if (r.Adjusted is { EventsHolm: { } holm, EventsBh: { } bh })
        {
            text.Append("; adjusted for the page's ").Append(family.ToString(CultureInfo.InvariantCulture)).Append(" tests: Holm p = ").Append(N(holm, "0.000")).Append(", BH p = ").Append(N(bh, "0.000"));
            if (e.ExcludesZero && holm >= 0.05)
            {
                text.Append(" (with all the tests on this page counted, a change this size is not unusual: read it with care)");
            }
        }

        text.Append('.');
        return new SummaryFinding(source, direction, text.ToString(), r.Note);
    }

    /// <summary>The section: a heading, a short guide and the table (id <c>summary-table</c>), every data string escaped.</summary>
    public static string Html(ReportAnalysis a)
    {
        var rows = Rows(a);
        var h = new StringBuilder();
        h.Append("<section id=\"summary\">\n<h2>Summary: each dated mention and what the data show</h2>\n");
        h.Append("<p>One row per dated mention, earliest first. “Rose” or “fell” means the 95% interval of the change excludes 0; “no clear change” means it includes 0. Adjusted p-values allow for the many tests on this page (Holm: family-wise; BH: false discovery rate). These are descriptions of recorded counts around a date; they do not say what produced a change.")
            .Append(a.IsSynthetic ? " <strong>SYNTHETIC data: these numbers describe generated events, not Libya.</strong>" : "").Append("</p>\n");
        h.Append("<table id=\"summary-table\">\n<thead><tr><th>Date</th><th>Mention (our paraphrase)</th><th>Claim check</th>");
        foreach (var s in a.Sources)
        {
            h.Append("<th>What the data show: ").Append(E(s.Name)).Append(s.IsSynthetic ? " (SYNTHETIC)" : "").Append("</th>");
        }

        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var r in rows)
        {
            h.Append("<tr data-mention=\"").Append(E(r.View.Mention.Id)).Append("\"><td>").Append(E(r.DateText)).Append("<br><span class=\"")
                .Append(r.View.Mention.DateInferred ? "inferred" : "stated").Append("\">").Append(E(r.DateOrigin)).Append("</span></td><td>")
                .Append(E(r.View.Mention.Paraphrase)).Append("<br><span class=\"id\">").Append(E(r.View.Paragraphs)).Append(' ').Append(E(r.View.Mention.Id)).Append("</span></td><td class=\"verdict ")
                .Append(E(r.Verdict.Replace(' ', '-'))).Append("\">").Append(E(r.Verdict)).Append("</td>");
            foreach (var f in r.Findings)
            {
                h.Append("<td class=\"finding ").Append(E(f.Direction.Replace(' ', '-'))).Append("\">").Append(E(f.Text));
                if (f.Detail is not null)
                {
                    h.Append("<br><span class=\"note\">").Append(E(f.Detail)).Append("</span>");
                }

                h.Append("</td>");
            }

            h.Append("</tr>\n");
        }

        h.Append("</tbody>\n</table>\n<p class=\"note\">Full numbers (fatalities, ratios, placebo counts) are in the event-study tables below and in <code>tables/event_study.csv</code>; the claim checks' sources are in the claim-check table.</p>\n</section>\n");
        return h.ToString();
    }

    private static string Count(int bins, string bin) => $"{bins.ToString(CultureInfo.InvariantCulture)} {bin}{(bins == 1 ? "" : "s")}";

    private static string Signed(double d) => (d > 0 ? "+" : "") + N(d);
}
