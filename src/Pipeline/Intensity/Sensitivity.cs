using Pipeline.Articles;
using Pipeline.Events;

namespace Pipeline.Intensity;

/// <summary>One setting of the sensitivity table: bin unit, window k and imprecise policy.</summary>
/// <param name="Bin">Bin width.</param>
/// <param name="Window">k: bins each side of a point mention.</param>
/// <param name="Imprecise">How imprecise events were handled.</param>
public sealed record SensitivitySetting(BinUnit Bin, int Window, ImprecisePolicy Imprecise)
{
    /// <summary>"week, k = 4, band".</summary>
    public override string ToString() => $"{Bins.Name(Bin)}, k = {Window}, {Sensitivity.PolicyName(Imprecise)}";
}

/// <summary>What a sensitivity row compares.</summary>
public enum SensitivityComparison
{
    /// <summary>The event study itself: after (or inside) vs before.</summary>
    Study,

    /// <summary>The pre-trend check: the before-window vs the L bins before it (the study placed L bins earlier).</summary>
    PreTrend,
}

/// <summary>
/// One cell of the sensitivity table: the events difference of one mention at one setting, or "not computable".
/// </summary>
/// <param name="MentionId">The mention.</param>
/// <param name="Source">The source the events came from (a file name or dataset label, as the caller names it).</param>
/// <param name="Setting">Bin, k and policy.</param>
/// <param name="Comparison">The study or its pre-trend check.</param>
/// <param name="Difference">Mean events per bin after (or inside) − before; null when not computable.</param>
/// <param name="Low">Lower end of the 95% placebo interval; null when not computable.</param>
/// <param name="High">Upper end; null when not computable.</param>
/// <param name="PValue">Two-sided placebo p, not adjusted (the table is descriptive); null when not computable.</param>
/// <param name="SignDiffersFromPrimary">Whether the difference's sign (−, 0, +) differs from the primary setting's; null when either is not computable, and for the pre-trend row.</param>
/// <param name="Note">"not computable: …" with the reason when there is no number; otherwise the study's note (imprecise band, clipping) or null.</param>
public sealed record SensitivityRow(
    string MentionId,
    string Source,
    SensitivitySetting Setting,
    SensitivityComparison Comparison,
    double? Difference,
    double? Low,
    double? High,
    double? PValue,
    bool? SignDiffersFromPrimary,
    string? Note)
{
    /// <summary>Whether the setting is the declared primary one (<see cref="Sensitivity.Primary"/>).</summary>
    public bool IsPrimary => Setting == Sensitivity.Primary;

    /// <summary>Whether the row has a number: false means "not computable", with the reason in <see cref="Note"/>.</summary>
    public bool IsComputable => Difference is not null;
}

/// <summary>
/// The sensitivity of the event study to its settings, for one source's events: every mention studied at
/// k ∈ {2, 4, 8, 12} × bins {day, ISO week, ACLED week, month} × imprecise {band, spread}, each row flagged where
/// the sign of the events difference differs from the declared primary setting (ISO week, k = 4, band), plus the
/// pre-trend check at the primary setting. Descriptive: the p-values are the raw placebo p-values of each
/// setting, not adjusted, and no setting is preferred after the fact.
/// </summary>
/// <remarks>
/// <para>Contract: <c>events</c> are one source's events, already scoped (for a mention studied on its scope
/// countries, pass only their events); the series of each setting is computed from them between
/// <c>from</c> and <c>to</c>, with coverage from their first and last date, and every mention of the article is
/// placed per bin unit as <see cref="MentionView.For(Pipeline.Articles.Article, Coverage, BinUnit)"/> does (a month-dated point in week bins is a period) and
/// kept out of every placebo set. A setting where the window reaches outside the series or too few placebo
/// windows remain (<see cref="EventStudyOptions.MinimumPlacebos"/>, <see cref="EventStudyOptions.MinimumDisjointPlacebos"/>)
/// gives a row with no numbers and "not computable: reason" in its note, never a number.</para>
/// <para>Cost: 8 series (4 bin units × 2 policies) and 36 study runs per call; day bins over ten years are
/// 3,650 bins.</para>
/// </remarks>
internal static class Sensitivity
{
    /// <summary>The declared primary setting: ISO week bins, k = 4, imprecise events in a band.</summary>
    public static SensitivitySetting Primary { get; } = new(BinUnit.IsoWeek, 4, ImprecisePolicy.Band);

    /// <summary>The windows tried.</summary>
    public static IReadOnlyList<int> Windows { get; } = [2, 4, 8, 12];

    /// <summary>The bin units tried.</summary>
    public static IReadOnlyList<BinUnit> BinUnits { get; } = [BinUnit.Day, BinUnit.IsoWeek, BinUnit.AcledWeek, BinUnit.Month];

    /// <summary>Every setting, in table order: bin, then k, then band before spread.</summary>
    public static IReadOnlyList<SensitivitySetting> Settings { get; } =
        [.. BinUnits.SelectMany(b => Windows.SelectMany(k => new[] { new SensitivitySetting(b, k, ImprecisePolicy.Band), new SensitivitySetting(b, k, ImprecisePolicy.Spread) }))];

    /// <summary>"band" or "spread": the policy's name in tables and in the manifest's parameters.</summary>
    public static string PolicyName(ImprecisePolicy policy) => policy == ImprecisePolicy.Band ? "band" : "spread";

    /// <summary>The sensitivity rows of every mention of <paramref name="article"/> (or only <paramref name="mentionId"/>), mention by mention in catalog order, each with its settings in <see cref="Settings"/> order and then its pre-trend row.</summary>
    /// <param name="events">One source's (scoped) events; at least one unless <paramref name="coverage"/> is given.</param>
    /// <param name="article">The article whose mentions are studied.</param>
    /// <param name="source">The source's name, copied into every row.</param>
    /// <param name="from">First analysed day.</param>
    /// <param name="to">Last analysed day.</param>
    /// <param name="study">Placebo minimums (its window is replaced by each setting's k).</param>
    /// <param name="mentionId">Only this mention's rows, or null for all; every mention's window still stays out of every placebo set.</param>
    /// <param name="coverage">The data's coverage when there are no events (a covered country where the source recorded none: its
    /// counts are zeros); null for the events' first and last date, which is what is used whenever there are events.</param>
    public static IReadOnlyList<SensitivityRow> Run(IReadOnlyCollection<ConflictEvent> events, Article article, string source, DateOnly from, DateOnly to, EventStudyOptions study, string? mentionId = null, Coverage? coverage = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(study);
        if (mentionId is not null && article.Mentions.All(m => m.Id != mentionId))
        {
            throw new ArgumentException($"article '{article.Id}' has no mention '{mentionId}'", nameof(mentionId));
        }

        coverage = events.Count == 0 && coverage is not null ? coverage : Coverage.Of(events);
        var results = new Dictionary<SensitivitySetting, IReadOnlyList<EventStudyResult>>();
        IReadOnlyList<EventStudyResult>? preTrend = null;
        foreach (var group in Settings.GroupBy(s => (s.Bin, s.Imprecise)))
        {
            var series = IntensityCalculator.Compute(events, new IntensityOptions { Bin = group.Key.Bin, Imprecise = group.Key.Imprecise }, from, to);
            var targets = MentionView.For(article, coverage, group.Key.Bin).Select(m => m.Target).ToList();
            foreach (var setting in group)
            {
                var options = study with { Window = setting.Window };
                results[setting] = EventStudy.Run(series, targets, coverage, options, events);
                if (setting == Primary)
                {
                    preTrend = EventStudy.PreTrend(series, targets, coverage, options, events);
                }
            }
        }

        var rows = new List<SensitivityRow>();
        for (var i = 0; i < article.Mentions.Count; i++)
        {
            var id = article.Mentions[i].Id;
            if (mentionId is not null && id != mentionId)
            {
                continue;
            }

            var primary = results[Primary][i].Events;
            var primaryComputable = primary?.PValue is not null;
            foreach (var setting in Settings)
            {
                var r = results[setting][i];
                rows.Add(Row(id, source, setting, SensitivityComparison.Study, r, e => primaryComputable ? Math.Sign(e.Difference) != Math.Sign(primary!.Difference) : null));
            }

            rows.Add(Row(id, source, Primary, SensitivityComparison.PreTrend, preTrend![i], _ => null));
        }

        return rows;
    }

    /// <summary>A row from one study result: numbers only when the result has a p-value, else "not computable" and the reason.</summary>
    private static SensitivityRow Row(string id, string source, SensitivitySetting setting, SensitivityComparison comparison, EventStudyResult r, Func<WindowEffect, bool?> differs)
    {
        if (r.Events is not { PValue: { } p, DifferenceLow: { } low, DifferenceHigh: { } high } e)
        {
            return new SensitivityRow(id, source, setting, comparison, null, null, null, null, null, $"not computable: {r.Note ?? "no result"}");
        }

        return new SensitivityRow(id, source, setting, comparison, e.Difference, low, high, p, differs(e), r.Note);
    }
}
