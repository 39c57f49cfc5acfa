using System.Globalization;
using System.Text;
using Pipeline.Charts;
using Pipeline.Events;
using Pipeline.Intensity;

namespace Pipeline.Reports;

/// <summary>
/// The report's sensitivity table and chart (<see cref="Sensitivity"/>) and the events behind each mention's
/// windows (<see cref="WindowEvents"/>), with the CSV tables and the page section they become.
/// </summary>
/// <remarks>
/// <para>For now the sources are not yet analysed apart: <see cref="For"/> is the one place that decides what a
/// "source" is, and it takes the analysis' events together, named by the input files' names. Each mention is
/// studied on the events of the countries its primary study was scoped to (<see cref="EventStudyResult.Scope"/>);
/// a mention not in the data's scope gets "not computable" rows with that reason. To analyse sources apart, call
/// <see cref="Sensitivity.Run"/> and <see cref="WindowEvents.Of(IReadOnlyCollection{ConflictEvent}, IEnumerable{EventStudyResult}, string, BinUnit, ImprecisePolicy)"/>
/// once per source with that source's scoped events and concatenate the rows.</para>
/// </remarks>
/// <param name="Rows">Sensitivity rows, mention by mention in catalog order.</param>
/// <param name="Events">Events inside each studied mention's windows at the run's own setting.</param>
public sealed record ReportSensitivity(IReadOnlyList<SensitivityRow> Rows, IReadOnlyList<WindowEvent> Events)
{
    /// <summary>Column names of <c>tables/sensitivity.csv</c>.</summary>
    public static readonly string[] SensitivityColumns =
        ["mention_id", "source", "bin", "k", "imprecise", "comparison", "events_difference", "low", "high", "p", "sign_differs_from_primary", "note"];

    /// <summary>Column names of <c>tables/window_events.csv</c>.</summary>
    public static readonly string[] WindowEventColumns =
        ["mention_id", "source", "window", "window_first", "window_last", "counted", "event_id", "date", "date_end", "precision", "event_type", "country", "admin1", "fatalities", "source_file_line"];

    /// <summary>Computes both for a report (see the type's remarks for what a source is here); the window events are
    /// the analysis' own (<see cref="ReportAnalysis.WindowEvents"/>), so they are computed once either way.</summary>
    public static ReportSensitivity For(ReportAnalysis a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var rows = new List<SensitivityRow>();
        var byScope = new Dictionary<(string Source, string Scope), IReadOnlyList<SensitivityRow>>();
        foreach (var (r, s, scope, scoped) in Scoped(a))
        {
            if (scope is null)
            {
                rows.AddRange(Sensitivity.Settings.Select(setting => NotComputable(r, s.Name, setting, SensitivityComparison.Study))
                    .Append(NotComputable(r, s.Name, Sensitivity.Primary, SensitivityComparison.PreTrend)));
                continue;
            }

            if (!byScope.TryGetValue((s.Name, scope), out var all))
            {
                var set = ScopedStudy.ScopeCountries(r)!;
                var span = s.Coverage.Of(set) ?? Coverage.Of(scoped);
                // A covered country where the source recorded no event is studied on zeros over its coverage, as the primary study does.
                all = Sensitivity.Run(scoped, a.Article, s.Name, a.Inputs.Filter.From ?? span.First, a.Inputs.Filter.To ?? span.Last, a.Inputs.Study, coverage: scoped.Count == 0 ? span : null);
                byScope[(s.Name, scope)] = all;
            }

            rows.AddRange(all.Where(x => x.MentionId == r.Target.Id));
        }

        return new ReportSensitivity(rows, a.WindowEvents);
    }

    /// <summary>The events inside each studied mention's windows at the run's own setting, mention by mention and
    /// within a mention source by source (what <see cref="ReportAnalysis.WindowEvents"/> holds).</summary>
    internal static IReadOnlyList<WindowEvent> WindowEventsOf(ReportAnalysis a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var windowEvents = new List<WindowEvent>();
        foreach (var (r, s, _, scoped) in Scoped(a))
        {
            if (r.Window is { } w)
            {
                windowEvents.AddRange(WindowEvents.Of(scoped, r.Target.Id, s.Name, w, a.Inputs.Intensity.Bin, a.Inputs.Intensity.Imprecise));
            }
        }

        return windowEvents;
    }

    /// <summary>Each study result with its source, its scope (null when the mention is not in the data's scope) and
    /// the source's events in that scope's countries (empty then), filtered once per source and scope (most mentions
    /// share one).</summary>
    private static IEnumerable<(EventStudyResult Result, SourceAnalysis Source, string? Scope, List<ConflictEvent> Scoped)> Scoped(ReportAnalysis a)
    {
        var byScope = new Dictionary<(string Source, string Scope), List<ConflictEvent>>();
        foreach (var r in a.Study)
        {
            var s = a.Sources.First(x => x.Name == r.Source);
            if (r.Scope is not { } scope || ScopedStudy.ScopeCountries(r) is not { } set)
            {
                yield return (r, s, null, []);
                continue;
            }

            if (!byScope.TryGetValue((s.Name, scope), out var scoped))
            {
                scoped = s.Events.Where(e => set.Contains(e.Country)).ToList();
                byScope[(s.Name, scope)] = scoped;
            }

            yield return (r, s, scope, scoped);
        }
    }

    /// <summary><c>tables/sensitivity.csv</c>: one row per mention × source × setting, then the pre-trend row.</summary>
    public CsvTable SensitivityTable()
    {
        var t = new CsvTable("sensitivity", SensitivityColumns);
        foreach (var r in Rows)
        {
            t.Add(r.MentionId, r.Source, Bins.Name(r.Setting.Bin), r.Setting.Window, Sensitivity.PolicyName(r.Setting.Imprecise),
                r.Comparison == SensitivityComparison.Study ? "after vs before" : "pre-trend", r.Difference, r.Low, r.High, r.PValue, r.SignDiffersFromPrimary, r.Note);
        }

        return t;
    }

    /// <summary>
    /// One row per mention × source: how many settings are computable, how many differ in sign from the primary, and
    /// the primary and pre-trend numbers (empty when not computable). For notebooks, where the full table is long;
    /// not written to <c>tables/</c> (it is <c>sensitivity.csv</c> summarised).
    /// </summary>
    public CsvTable SummaryTable()
    {
        var t = new CsvTable("sensitivity_summary", "mention_id", "source", "settings_computable", "settings", "sign_differs_from_primary", "primary_difference", "primary_low", "primary_high", "primary_p", "pre_trend_difference", "pre_trend_low", "pre_trend_high", "pre_trend_p");
        foreach (var g in Rows.GroupBy(r => (r.MentionId, r.Source)))
        {
            var study = g.Where(r => r.Comparison == SensitivityComparison.Study).ToList();
            var p = study.FirstOrDefault(r => r.IsPrimary);
            var pre = g.FirstOrDefault(r => r.Comparison == SensitivityComparison.PreTrend);
            t.Add(g.Key.MentionId, g.Key.Source, study.Count(r => r.IsComputable), study.Count, p?.IsComputable == true ? study.Count(r => r.SignDiffersFromPrimary == true) : null,
                p?.Difference, p?.Low, p?.High, p?.PValue, pre?.Difference, pre?.Low, pre?.High, pre?.PValue);
        }

        return t;
    }

    /// <summary><c>tables/window_events.csv</c>: one row per mention × source × window × event.</summary>
    public CsvTable WindowEventsTable(IReadOnlyList<EventStudyResult> study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var windows = study.Where(r => r.Window is not null).ToDictionary(r => (r.Target.Id, r.Source), r => r.Window!);
        var t = new CsvTable("window_events", WindowEventColumns);
        foreach (var w in Events)
        {
            var span = windows[(w.MentionId, w.Source)];
            var (first, last) = w.Window == StudyWindowSide.Before ? (span.BeforeFirst, span.BeforeLast) : (span.AfterFirst, span.AfterLast);
            var e = w.Event;
            t.Add(w.MentionId, w.Source, w.Window == StudyWindowSide.Before ? "before" : "after", first, last, WindowEvents.Name(w.Count), e.Id, e.Date, e.DateEnd,
                e.Precision.ToString().ToLowerInvariant(), e.EventType, e.Country, e.Admin1, e.Fatalities, e.SourceLine);
        }

        return t;
    }

    /// <summary>The page section: what the table is, the table, and one chart per mention with a computable row.</summary>
    public string Html(ReportAnalysis a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var h = new StringBuilder();
        h.Append("<h2 id=\"sensitivity\">Sensitivity to the study's settings</h2>\n");
        h.Append("<p>The events difference of each mention at k = ").Append(string.Join(", ", Sensitivity.Windows.Select(k => k.ToString(CultureInfo.InvariantCulture))))
            .Append(" bins, with day, ISO week (Monday–Sunday), ACLED week (Saturday–Friday) and month bins, and imprecise events in a band or spread. The declared primary setting is ")
            .Append(HtmlReport.E(Sensitivity.Primary.ToString()))
            .Append("; rows whose sign differs from it are flagged. The last row of each mention is the pre-trend check: the same statistic comparing the before-window with the same number of bins before it, with its placebo p. This table is descriptive: its p-values are not adjusted, and no setting is preferred on the strength of its result. Where the window reaches outside the data or too few placebo windows remain, the row says “not computable” and why. All rows are in <code>tables/sensitivity.csv</code>").Append(a.Inputs.AggregateOnly ? " (this aggregate-only report leaves out the list of events inside each mention's windows).</p>\n" : "; the events inside each mention's windows at this run's setting are in <code>tables/window_events.csv</code>.</p>\n");
        h.Append("<table class=\"sensitivity-summary\">\n<thead><tr><th>Mention</th><th>Source</th><th>Settings computable</th><th>Sign differs from primary</th><th>Primary difference (95% CI)</th><th>Pre-trend difference (95% CI), p</th></tr></thead>\n<tbody>\n");
        foreach (var g in Rows.GroupBy(r => (r.MentionId, r.Source)))
        {
            var study = g.Where(r => r.Comparison == SensitivityComparison.Study).ToList();
            var primary = study.FirstOrDefault(r => r.IsPrimary);
            var pre = g.FirstOrDefault(r => r.Comparison == SensitivityComparison.PreTrend);
            h.Append("<tr><td><code>").Append(HtmlReport.E(g.Key.MentionId)).Append("</code></td><td>").Append(HtmlReport.E(g.Key.Source)).Append("</td><td>")
                .Append(Count(study.Count(r => r.IsComputable))).Append(" of ").Append(Count(study.Count)).Append("</td><td>")
                .Append(primary?.IsComputable == true ? Count(study.Count(r => r.SignDiffersFromPrimary == true)) : "– (primary not computable)").Append("</td><td>")
                .Append(Cell(primary)).Append("</td><td>").Append(pre?.IsComputable == true ? $"{Cell(pre)}, p = {HtmlReport.N(pre.PValue, "0.000")}" : "not computable").Append("</td></tr>\n");
        }

        h.Append("</tbody>\n</table>\n");
        foreach (var (m, source) in a.Mentions.SelectMany(m => a.Sources.Select(s => (m, s))))
        {
            var rows = Rows.Where(r => r.MentionId == m.Mention.Id && r.Source == source.Name).ToList();
            if (!rows.Any(r => r.IsComputable))
            {
                continue;
            }

            var slug = a.Sources.Count == 1 ? m.Mention.Id : $"{m.Mention.Id}-{source.Source.Slug}";
            h.Append("<h3 id=\"sensitivity-").Append(HtmlReport.E(slug)).Append("\">").Append(HtmlReport.E(m.Mention.Id)).Append(a.Sources.Count == 1 ? "" : $" — {HtmlReport.E(source.Name)}").Append(" <span class=\"id\">").Append(HtmlReport.E(m.Paragraphs)).Append(", ").Append(HtmlReport.E(m.StatedDate)).Append("</span></h3>\n");
            h.Append("<table class=\"sensitivity\">\n<thead><tr><th>Setting</th><th>Compares</th><th>Events difference</th><th>95% CI</th><th>p (not adjusted)</th><th>Sign differs from primary</th><th>Note</th></tr></thead>\n<tbody>\n");
            foreach (var r in rows)
            {
                h.Append("<tr").Append(r.SignDiffersFromPrimary == true ? " class=\"flipped\"" : "").Append("><td>").Append(HtmlReport.E(r.Setting.ToString())).Append(r.IsPrimary && r.Comparison == SensitivityComparison.Study ? " <strong>(primary)</strong>" : "").Append("</td><td>")
                    .Append(r.Comparison == SensitivityComparison.Study ? "after vs before" : "pre-trend").Append("</td>");
                if (r.IsComputable)
                {
                    h.Append("<td>").Append(HtmlReport.N(r.Difference)).Append("</td><td>").Append(HtmlReport.N(r.Low)).Append(" .. ").Append(HtmlReport.N(r.High)).Append("</td><td>").Append(HtmlReport.N(r.PValue, "0.000")).Append("</td><td>")
                        .Append(r.SignDiffersFromPrimary switch { true => "<strong>yes</strong>", false => "no", null => "–" }).Append("</td>");
                }
                else
                {
                    h.Append("<td colspan=\"4\">not computable</td>");
                }

                h.Append("<td>").Append(HtmlReport.E(r.Note ?? "")).Append("</td></tr>\n");
            }

            h.Append("</tbody>\n</table>\n");
            var figure = SensitivityChart.Build(rows, $"sensitivity-{slug}", $"Sensitivity of the events difference: {m.Mention.Id} ({rows[0].Source})", a.IsSynthetic);
            h.Append("<section class=\"chart-block\">\n").Append(ChartHtml.Div(figure)).Append("\n</section>\n");
        }

        var none = a.Mentions.Where(m => !Rows.Any(r => r.MentionId == m.Mention.Id && r.IsComputable)).Select(m => m.Mention.Id).ToList();
        if (none.Count > 0)
        {
            h.Append("<p class=\"note\">No setting is computable for ").Append(HtmlReport.E(string.Join(", ", none))).Append("; the reasons are in <code>tables/sensitivity.csv</code>.</p>\n");
        }

        return h.ToString();
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Cell(SensitivityRow? r) =>
        r?.IsComputable == true ? $"{HtmlReport.N(r.Difference)} ({HtmlReport.N(r.Low)} .. {HtmlReport.N(r.High)})" : "not computable";

    private static SensitivityRow NotComputable(EventStudyResult r, string source, SensitivitySetting setting, SensitivityComparison comparison) =>
        new(r.Target.Id, source, setting, comparison, null, null, null, null, null, $"not computable: {r.Note ?? "no result"}");
}
