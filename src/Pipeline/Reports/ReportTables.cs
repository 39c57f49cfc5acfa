using Pipeline.Intensity;

namespace Pipeline.Reports;

/// <summary>The CSV tables a report writes to <c>tables/</c>, built from a <see cref="ReportAnalysis"/>.</summary>
public static class ReportTables
{
    /// <summary>All tables, in a fixed order.</summary>
    public static IReadOnlyList<CsvTable> Build(ReportAnalysis a) =>
        [Intensity(a), EventTypes(a), Admin1Monthly(a), Actors(a), Study(a), a.Sensitivity.SensitivityTable(), a.Sensitivity.WindowEventsTable(a.Study), Claims(a), Rejections(a)];

    private static CsvTable Intensity(ReportAnalysis a)
    {
        var s = a.Overall;
        var t = new CsvTable("intensity", "bin_start", "events", "fatalities", "imprecise_events", "imprecise_fatalities", "fatalities_low", "fatalities_high");
        for (var i = 0; i < s.Count; i++)
        {
            t.Add(s.BinStarts[i], s.Events[i], s.Fatalities[i], s.ImpreciseEvents[i], s.ImpreciseFatalities[i], s.FatalitiesLow?[i], s.FatalitiesHigh?[i]);
        }

        return t;
    }

    private static CsvTable EventTypes(ReportAnalysis a) => Long("event_types", "event_type", a.ByType);

    private static CsvTable Admin1Monthly(ReportAnalysis a) => Long("admin1_month", "admin1", a.ByAdmin1Monthly);

    private static CsvTable Actors(ReportAnalysis a) => Long("actors", "actor_match", a.ByActor);

    private static CsvTable Long(string name, string key, IReadOnlyList<IntensitySeries> series)
    {
        var t = new CsvTable(name, "bin_start", key, "events", "fatalities");
        foreach (var s in series)
        {
            var ev = s.AllEvents();
            var fa = s.AllFatalities();
            for (var i = 0; i < s.Count; i++)
            {
                t.Add(s.BinStarts[i], s.Name, ev[i], fa[i]);
            }
        }

        return t;
    }

    private static CsvTable Study(ReportAnalysis a)
    {
        var t = new CsvTable("event_study",
            "mention_id", "paragraphs", "studied_as", "start", "end", "coverage", "scope", "bins_before", "bins_after",
            "events_before", "events_after", "events_difference", "events_difference_low", "events_difference_high", "events_p", "events_p_holm", "events_p_bh", "events_ratio", "events_ratio_low", "events_ratio_high",
            "fatalities_before", "fatalities_after", "fatalities_difference", "fatalities_difference_low", "fatalities_difference_high", "fatalities_p", "fatalities_p_holm", "fatalities_p_bh", "fatalities_ratio", "fatalities_ratio_low", "fatalities_ratio_high",
            "placebo_windows", "note");
        foreach (var (r, v) in a.Study.Zip(a.Mentions))
        {
            var e = r.Events;
            var f = r.Fatalities;
            t.Add(r.Target.Id, v.Paragraphs, r.Target.IsPeriod ? "period" : "point", r.Target.Start, r.Target.End, global::Pipeline.Intensity.Coverage.Label(r.Coverage), r.Scope, r.BinsBefore, r.BinsAfter,
                e?.Before, e?.After, e?.Difference, e?.DifferenceLow, e?.DifferenceHigh, e?.PValue, r.Adjusted?.EventsHolm, r.Adjusted?.EventsBh, e?.Ratio, e?.RatioLow, e?.RatioHigh,
                f?.Before, f?.After, f?.Difference, f?.DifferenceLow, f?.DifferenceHigh, f?.PValue, r.Adjusted?.FatalitiesHolm, r.Adjusted?.FatalitiesBh, f?.Ratio, f?.RatioLow, f?.RatioHigh,
                r.Placebo?.Count, r.Note);
        }

        return t;
    }

    private static CsvTable Claims(ReportAnalysis a)
    {
        var t = new CsvTable("claim_checks", "mention_id", "paragraphs", "paraphrase", "stated_date", "coverage", "implied", "record", "record_dates", "verdict", "sources");
        foreach (var c in a.Claims)
        {
            t.Add(c.View.Mention.Id, c.View.Paragraphs, c.View.Mention.Paraphrase, c.View.StatedDate, global::Pipeline.Intensity.Coverage.Label(c.View.Coverage),
                c.Check?.Implied, c.Check?.Record, c.RecordDates, c.VerdictText,
                c.Check is null ? null : string.Join("; ", c.Check.Sources.Select(s => $"{s.Title} ({s.Publisher}) {s.Url}")));
        }

        return t;
    }

    private static CsvTable Rejections(ReportAnalysis a)
    {
        var t = new CsvTable("rejections", "file", "line", "column", "value", "reason", "hint");
        foreach (var table in a.Tables)
        {
            foreach (var r in table.Rejections)
            {
                t.Add(Path.GetFileName(r.File), r.Line, r.Column, r.Value, r.Reason, r.Hint);
            }
        }

        return t;
    }
}
