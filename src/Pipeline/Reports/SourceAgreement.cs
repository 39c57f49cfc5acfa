using Pipeline.Intensity;

namespace Pipeline.Reports;

/// <summary>
/// Whether the sources that studied one mention agree on one outcome: the same direction of change (sign of
/// the difference; 0 is its own direction) and 95% intervals that overlap (there is a value inside all of them).
/// </summary>
/// <param name="MentionId">The mention.</param>
/// <param name="Outcome"><c>events</c> or <c>fatalities</c>.</param>
/// <param name="Sources">The sources that studied it, in report order.</param>
/// <param name="Differences">Each source's difference (after − before), in the same order.</param>
/// <param name="SameDirection">Whether every difference has the same sign.</param>
/// <param name="IntervalsOverlap">Whether all intervals overlap; null when some source has no interval.</param>
public sealed record SourceAgreement(string MentionId, string Outcome, IReadOnlyList<string> Sources, IReadOnlyList<double> Differences, bool SameDirection, bool? IntervalsOverlap)
{
    /// <summary>Agree: the same direction and overlapping intervals.</summary>
    public bool Agree => SameDirection && IntervalsOverlap == true;

    /// <summary>The verdict in words, as the table and page show it.</summary>
    public string Verdict => (SameDirection, IntervalsOverlap) switch
    {
        (true, true) => "agree: same direction, intervals overlap",
        (true, false) => "differ: same direction, but the intervals do not overlap",
        (false, true) => "differ: opposite directions, though the intervals overlap",
        (false, false) => "disagree: opposite directions, intervals do not overlap",
        (true, null) => "same direction; intervals not computable for every source",
        (false, null) => "opposite directions; intervals not computable for every source",
    };

    /// <summary>Every mention × outcome studied (a difference computed) by two or more sources; <paramref name="bySource"/> holds each source's results in mention order.</summary>
    public static IReadOnlyList<SourceAgreement> For(IReadOnlyList<(string Source, IReadOnlyList<EventStudyResult> Study)> bySource)
    {
        ArgumentNullException.ThrowIfNull(bySource);
        var list = new List<SourceAgreement>();
        var mentions = bySource.Count == 0 ? 0 : bySource.Min(s => s.Study.Count);
        for (var i = 0; i < mentions; i++)
        {
            foreach (var outcome in new[] { "events", "fatalities" })
            {
                var rows = bySource
                    .Select(s => (s.Source, Effect: outcome == "events" ? s.Study[i].Events : s.Study[i].Fatalities))
                    .Where(x => x.Effect is not null)
                    .ToList();
                if (rows.Count < 2)
                {
                    continue;
                }

                var signs = rows.Select(x => Math.Sign(x.Effect!.Difference)).Distinct().Count();
                bool? overlap = rows.All(x => x.Effect!.DifferenceLow is not null && x.Effect.DifferenceHigh is not null)
                    ? rows.Max(x => x.Effect!.DifferenceLow!.Value) <= rows.Min(x => x.Effect!.DifferenceHigh!.Value)
                    : null;
                list.Add(new SourceAgreement(bySource[0].Study[i].Target.Id, outcome, rows.Select(x => x.Source).ToList(), rows.Select(x => x.Effect!.Difference).ToList(), signs == 1, overlap));
            }
        }

        return list;
    }

    /// <summary>One sentence for the page: how many mention × outcome pairs agree, and which differ.</summary>
    public static string Sentence(IReadOnlyList<SourceAgreement> agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (agreement.Count == 0)
        {
            return "No mention was studied by two or more sources, so there is no agreement to state.";
        }

        var agree = agreement.Count(a => a.Agree);
        var differ = agreement.Where(a => !a.Agree).Select(a => $"{a.MentionId} ({a.Outcome}: {a.Verdict})").ToList();
        return $"Of {agreement.Count} mention × outcome pairs studied by two or more sources, {agree} agree (same direction, overlapping 95% intervals)"
            + (differ.Count == 0 ? "." : $" and {differ.Count} do not: {string.Join("; ", differ)}.");
    }
}
