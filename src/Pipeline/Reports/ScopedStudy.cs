using Pipeline.Events;
using Pipeline.Intensity;
using Pipeline.Statistics;

namespace Pipeline.Reports;

/// <summary>
/// The report's event study with each mention studied only against events in its scope countries, and the
/// p-values adjusted across the family of tests.
/// </summary>
/// <remarks>
/// <para>Scope rule: a source is in scope for a country when its coverage (<see cref="SourceCoverage"/>: declared
/// coverage intersected with the extraction) covers it and, with <c>--country</c>, it is that country; countries
/// compare ignoring case. A mention is studied on the series of the source's events in its in-scope countries,
/// pooled when there are several, with coverage from those countries and placebo windows from that same series;
/// countries left out are named in its note. A mention none of whose countries
/// is in scope gets no numbers and a note saying it is not in the data's scope; it is never studied against
/// another country's events.</para>
/// <para>Family: every p-value of a studied mention (events and fatalities) is one test; Holm and
/// Benjamini–Hochberg adjustments are over all of them. Mentions without a p-value are left out of the family.</para>
/// </remarks>
internal static class ScopedStudy
{
    /// <summary>Countries listed in a note before the rest is summarised as "and N more".</summary>
    private const int ListedCountries = 8;

    /// <summary>Studies every mention on its scoped series, with coverage from the events themselves (every country present, first to last event); results in mention order, adjusted over this one family.</summary>
    /// <param name="events">The analysed (filtered) events.</param>
    /// <param name="mentions">The mentions, in order.</param>
    /// <param name="intensity">How events become a series (bin, imprecise policy).</param>
    /// <param name="study">Window and placebo minimums.</param>
    /// <param name="country">The country the events were filtered to (<see cref="Intensity.EventFilter.Country"/>), or null; only used to word the notes.</param>
    /// <param name="from">First analysed day (<see cref="Intensity.EventFilter.From"/>), or null for the start of the scoped coverage.</param>
    /// <param name="to">Last analysed day (<see cref="Intensity.EventFilter.To"/>), or null for the end of the scoped coverage.</param>
    /// <param name="familySize">The number of p-values the adjustment was taken over.</param>
    public static IReadOnlyList<EventStudyResult> Run(IReadOnlyList<ConflictEvent> events, IReadOnlyList<MentionView> mentions, IntensityOptions intensity, EventStudyOptions study, string? country, DateOnly? from, DateOnly? to, out int familySize)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Adjust(Run(events, mentions, intensity, study, SourceCoverage.FromEvents(events), country, from, to), out familySize);
    }

    /// <summary>Studies every mention on the events of its scope countries that <paramref name="coverage"/> covers (one source); results in mention order with <see cref="EventStudyResult.Scope"/> set, not yet adjusted (see <see cref="Adjust"/>).</summary>
    /// <param name="events">The source's analysed (filtered) events.</param>
    /// <param name="mentions">The mentions, in order.</param>
    /// <param name="intensity">How events become a series (bin, imprecise policy).</param>
    /// <param name="study">Window and placebo minimums.</param>
    /// <param name="coverage">The source's coverage per country: a country is in scope when it is covered (and is the filter's country, when given), and a mention's coverage and series span are those of its in-scope countries.</param>
    /// <param name="country">The country the events were filtered to (<see cref="Intensity.EventFilter.Country"/>), or null.</param>
    /// <param name="from">First analysed day (<see cref="Intensity.EventFilter.From"/>), or null for the start of the scoped coverage.</param>
    /// <param name="to">Last analysed day (<see cref="Intensity.EventFilter.To"/>), or null for the end of the scoped coverage.</param>
    public static IReadOnlyList<EventStudyResult> Run(IReadOnlyList<ConflictEvent> events, IReadOnlyList<MentionView> mentions, IntensityOptions intensity, EventStudyOptions study, SourceCoverage coverage, string? country, DateOnly? from, DateOnly? to)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(intensity);
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(coverage);
        var present = coverage.Covered.Where(c => country is null || string.Equals(c, country, StringComparison.OrdinalIgnoreCase)).ToList();
        var inData = new HashSet<string>(present, StringComparer.OrdinalIgnoreCase);
        var targets = mentions.Select(m => m.Target).ToList();
        var results = new EventStudyResult[mentions.Count];
        var groups = new SortedDictionary<string, (List<string> Countries, List<int> Members)>(StringComparer.Ordinal);
        var leftOut = new List<string>[mentions.Count];
        var studiedOn = new List<string>[mentions.Count];
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            var countries = m.Mention.ScopeCountries.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var inScope = countries.Where(inData.Contains).ToList();
            studiedOn[i] = inScope;
            leftOut[i] = countries.Where(c => !inData.Contains(c)).ToList();
            if (inScope.Count == 0)
            {
                results[i] = new EventStudyResult(m.Target, CoverageStatus.Outside, null, null, null, $"not in the data's scope: {Why(leftOut[i], present, country)}", 0, 0);
                continue;
            }

            var key = string.Join("\n", inScope.Select(c => c.ToUpperInvariant()).Order(StringComparer.Ordinal));
            if (!groups.TryGetValue(key, out var g))
            {
                g = (inScope, []);
                groups.Add(key, g);
            }

            g.Members.Add(i);
        }

        foreach (var (_, (countries, members)) in groups)
        {
            var set = new HashSet<string>(countries, StringComparer.OrdinalIgnoreCase);
            var scoped = events.Where(e => set.Contains(e.Country)).ToList();
            var span = coverage.Of(countries)!;
            var series = IntensityCalculator.Compute(scoped, intensity, from ?? span.First, to ?? span.Last);

            // Every mention's window stays out of every placebo set, whatever its scope, as in an unscoped study.
            var run = EventStudy.Run(series, targets, span, study, scoped);
            foreach (var i in members)
            {
                var r = run[i];
                var note = r.Note;
                if (leftOut[i].Count > 0)
                {
                    var part = $"studied on {Join(studiedOn[i])} only; left out: {Why(leftOut[i], present, country)}";
                    note = note is null ? part : $"{part}; {note}";
                }

                results[i] = r with { Note = note, Scope = string.Join(ScopeSeparator, studiedOn[i]) };
            }
        }

        return results;
    }

    /// <summary>How <see cref="EventStudyResult.Scope"/> joins the countries a mention was studied on.</summary>
    private const string ScopeSeparator = "; ";

    /// <summary>The countries a result was studied on (<see cref="EventStudyResult.Scope"/> as <see cref="Run(IReadOnlyList{ConflictEvent}, IReadOnlyList{MentionView}, IntensityOptions, EventStudyOptions, SourceCoverage, string?, DateOnly?, DateOnly?)"/>
    /// writes it), compared ignoring case as event countries are; null when the mention was studied on none.</summary>
    public static HashSet<string>? ScopeCountries(EventStudyResult result) =>
        result.Scope is { } scope ? new HashSet<string>(scope.Split(ScopeSeparator), StringComparer.OrdinalIgnoreCase) : null;

    /// <summary>
    /// The events per bin of a studied mention's before and after (or inside) windows, counted as its study counted
    /// them: the source's events in the result's scope countries, binned with the same options from the first day of
    /// the before window to the last of the after window (those days are whole bins of the study's series, and a
    /// series counts each day the same whatever its range, so the bins are the study's); null when the mention was not
    /// placed in a series.
    /// </summary>
    /// <param name="events">The source's analysed events (as passed to <see cref="Run(IReadOnlyList{ConflictEvent}, IReadOnlyList{MentionView}, IntensityOptions, EventStudyOptions, SourceCoverage, string?, DateOnly?, DateOnly?)"/>).</param>
    /// <param name="result">The mention's result from that run.</param>
    /// <param name="intensity">The run's binning options.</param>
    public static IntensitySeries? WindowBins(IReadOnlyList<ConflictEvent> events, EventStudyResult result, IntensityOptions intensity)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Window is not { } w || ScopeCountries(result) is not { } countries)
        {
            return null;
        }

        return IntensityCalculator.Compute(events.Where(e => countries.Contains(e.Country)), intensity, w.BeforeFirst, w.AfterLast, result.Target.Id);
    }

    /// <summary>Holm and Benjamini–Hochberg adjustments over every non-null events and fatalities p-value of <paramref name="results"/>.</summary>
    public static IReadOnlyList<EventStudyResult> Adjust(IReadOnlyList<EventStudyResult> results, out int familySize)
    {
        ArgumentNullException.ThrowIfNull(results);
        var family = new List<(int Row, bool Fatalities, double P)>();
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Events?.PValue is { } pe)
            {
                family.Add((i, false, pe));
            }

            if (results[i].Fatalities?.PValue is { } pf)
            {
                family.Add((i, true, pf));
            }
        }

        familySize = family.Count;
        var ps = family.Select(f => f.P).ToList();
        var holm = MultipleTesting.Holm(ps);
        var bh = MultipleTesting.BenjaminiHochberg(ps);
        var adjusted = new AdjustedPValues?[results.Count];
        for (var j = 0; j < family.Count; j++)
        {
            var (row, fatalities, _) = family[j];
            var a = adjusted[row] ?? new AdjustedPValues(null, null, null, null);
            adjusted[row] = fatalities ? a with { FatalitiesHolm = holm[j], FatalitiesBh = bh[j] } : a with { EventsHolm = holm[j], EventsBh = bh[j] };
        }

        return results.Select((r, i) => r with { Adjusted = adjusted[i] }).ToList();
    }

    private static string Why(IReadOnlyList<string> missing, IReadOnlyList<string> present, string? country) =>
        country is not null
            ? $"the report is limited to {country} (its country filter), so {Join(missing)} {(missing.Count == 1 ? "is" : "are")} outside it"
            : present.Count == 0 ? $"the data cover none of {Join(missing)} (they cover no country)"
            : $"the data do not cover {Join(missing)} (they cover {Join(present)})";

    private static string Join(IReadOnlyList<string> countries) =>
        countries.Count <= ListedCountries
            ? string.Join(", ", countries)
            : $"{string.Join(", ", countries.Take(ListedCountries))} and {countries.Count - ListedCountries} more";
}
