using Pipeline.Intensity;

namespace Pipeline.Reports;

/// <summary>
/// The CSV tables a report writes to <c>tables/</c>, built from a <see cref="ReportAnalysis"/>. Every table has a
/// <c>source</c> column (the input file's <see cref="Events.DataSource.Name"/>) and holds each source's own rows;
/// no number in any of them is summed across sources.
/// </summary>
internal static class ReportTables
{
    /// <summary>All tables, in a fixed order. An aggregate-only report (<see cref="ReportInputs.AggregateOnly"/>) leaves
    /// out <c>window_events</c> (one row per event, with its id) and writes rejections as counts per source, column and
    /// reason instead of rows with their raw values.</summary>
    public static IReadOnlyList<CsvTable> Build(ReportAnalysis a) => a.Inputs.AggregateOnly
        ? [Sources(a), CoverageTable(a), Intensity(a), EventTypes(a), Admin1Monthly(a), Actors(a), Study(a), Agreement(a), a.Sensitivity.SensitivityTable(), Claims(a), RejectionCounts(a)]
        : [Sources(a), CoverageTable(a), Intensity(a), EventTypes(a), Admin1Monthly(a), Actors(a), Study(a), Agreement(a), a.Sensitivity.SensitivityTable(), a.Sensitivity.WindowEventsTable(a.Study), Claims(a), Rejections(a)];

    private static CsvTable Sources(ReportAnalysis a)
    {
        var t = new CsvTable("sources", "source", "dataset", "version", "licence", "access_date", "file", "provenance_file", "synthetic", "rows_read", "loaded", "rejected", "events_analysed", "analysed_from", "analysed_to");
        foreach (var s in a.Sources)
        {
            var d = s.Source;
            t.Add(s.Name, d.Dataset, d.Version ?? Events.DataSource.NotStated, d.Licence ?? Events.DataSource.NotStated, d.AccessDate ?? Events.DataSource.NotStated,
                Path.GetFileName(d.File), d.ProvenanceFile is null ? null : Path.GetFileName(d.ProvenanceFile), d.IsSynthetic ? "SYNTHETIC" : "real",
                s.Table.RowsRead, s.Table.Loaded, s.Table.Rejected, s.Events.Count, s.From, s.To);
        }

        return t;
    }

    private static CsvTable CoverageTable(ReportAnalysis a)
    {
        var t = new CsvTable("coverage", "source", "country", "covered_from", "covered_to", "declared", "extracted");
        foreach (var s in a.Sources)
        {
            foreach (var c in s.Coverage.Countries)
            {
                t.Add(s.Name, c.Country, c.Span?.First, c.Span?.Last, c.Declared, c.Extracted);
            }
        }

        return t;
    }

    private static CsvTable Intensity(ReportAnalysis a)
    {
        var t = new CsvTable("intensity", "source", "bin_start", "events", "fatalities", "imprecise_events", "imprecise_fatalities", "fatalities_low", "fatalities_high");
        foreach (var src in a.Sources)
        {
            var s = src.Overall;
            for (var i = 0; i < s.Count; i++)
            {
                t.Add(src.Name, s.BinStarts[i], s.Events[i], s.Fatalities[i], s.ImpreciseEvents[i], s.ImpreciseFatalities[i], s.FatalitiesLow?[i], s.FatalitiesHigh?[i]);
            }
        }

        return t;
    }

    private static CsvTable EventTypes(ReportAnalysis a) => Long(a, "event_types", "event_type", s => s.ByType);

    /// <summary>Events per month and admin1 as each source writes the names; with two or more sources an
    /// <c>admin1_canonical</c> column beside <c>admin1</c> gives the crosswalk's name, the one the heatmaps show.</summary>
    private static CsvTable Admin1Monthly(ReportAnalysis a)
    {
        if (a.Sources.Count < 2)
        {
            return Long(a, "admin1_month", "admin1", s => s.ByAdmin1Monthly);
        }

        var t = new CsvTable("admin1_month", "source", "bin_start", "admin1", "admin1_canonical", "events", "fatalities");
        foreach (var src in a.Sources)
        {
            foreach (var s in src.ByAdmin1Monthly)
            {
                var canonical = src.Admin1Canonical?.GetValueOrDefault(s.Name) ?? s.Name;
                var ev = s.AllEvents();
                var fa = s.AllFatalities();
                for (var i = 0; i < s.Count; i++)
                {
                    t.Add(src.Name, s.BinStarts[i], s.Name, canonical, ev[i], fa[i]);
                }
            }
        }

        return t;
    }

    private static CsvTable Actors(ReportAnalysis a) => Long(a, "actors", "actor_match", s => s.ByActor);

    private static CsvTable Long(ReportAnalysis a, string name, string key, Func<SourceAnalysis, IReadOnlyList<IntensitySeries>> series)
    {
        var t = new CsvTable(name, "source", "bin_start", key, "events", "fatalities");
        foreach (var src in a.Sources)
        {
            foreach (var s in series(src))
            {
                var ev = s.AllEvents();
                var fa = s.AllFatalities();
                for (var i = 0; i < s.Count; i++)
                {
                    t.Add(src.Name, s.BinStarts[i], s.Name, ev[i], fa[i]);
                }
            }
        }

        return t;
    }

    private static CsvTable Study(ReportAnalysis a)
    {
        var t = new CsvTable("event_study",
            "mention_id", "source", "paragraphs", "studied_as", "start", "end", "coverage", "scope", "bins_before", "bins_after",
            "events_before", "events_after", "events_difference", "events_difference_low", "events_difference_high", "events_p", "events_p_holm", "events_p_bh", "events_ratio", "events_ratio_low", "events_ratio_high",
            "fatalities_before", "fatalities_after", "fatalities_difference", "fatalities_difference_low", "fatalities_difference_high", "fatalities_p", "fatalities_p_holm", "fatalities_p_bh", "fatalities_ratio", "fatalities_ratio_low", "fatalities_ratio_high",
            "placebo_windows", "note");
        for (var m = 0; m < a.Mentions.Count; m++)
        {
            var v = a.Mentions[m];
            foreach (var s in a.Sources)
            {
                var r = s.Study[m];
                var e = r.Events;
                var f = r.Fatalities;
                t.Add(r.Target.Id, s.Name, v.Paragraphs, r.Target.IsPeriod ? "period" : "point", r.Target.Start, r.Target.End, global::Pipeline.Intensity.Coverage.Label(r.Coverage), r.Scope, r.BinsBefore, r.BinsAfter,
                    e?.Before, e?.After, e?.Difference, e?.DifferenceLow, e?.DifferenceHigh, e?.PValue, r.Adjusted?.EventsHolm, r.Adjusted?.EventsBh, e?.Ratio, e?.RatioLow, e?.RatioHigh,
                    f?.Before, f?.After, f?.Difference, f?.DifferenceLow, f?.DifferenceHigh, f?.PValue, r.Adjusted?.FatalitiesHolm, r.Adjusted?.FatalitiesBh, f?.Ratio, f?.RatioLow, f?.RatioHigh,
                    r.Placebo?.Count, r.Note);
            }
        }

        return t;
    }

    private static CsvTable Agreement(ReportAnalysis a)
    {
        var t = new CsvTable("agreement", "mention_id", "outcome", "source", "difference", "same_direction", "intervals_overlap", "verdict");
        foreach (var g in a.Agreement)
        {
            for (var i = 0; i < g.Sources.Count; i++)
            {
                t.Add(g.MentionId, g.Outcome, g.Sources[i], g.Differences[i], g.SameDirection ? "yes" : "no", g.IntervalsOverlap is { } o ? (o ? "yes" : "no") : "not computable", g.Verdict);
            }
        }

        return t;
    }

    private static CsvTable Claims(ReportAnalysis a)
    {
        var t = new CsvTable("claim_checks", "mention_id", "source", "paragraphs", "paraphrase", "stated_date", "date_origin", "date_basis", "coverage", "implied", "record", "record_dates", "verdict", "sources");
        for (var m = 0; m < a.Claims.Count; m++)
        {
            var c = a.Claims[m];
            foreach (var s in a.Sources)
            {
                t.Add(c.View.Mention.Id, s.Name, c.View.Paragraphs, c.View.Mention.Paraphrase, c.View.StatedDate, c.DateOrigin, c.View.Mention.DateBasis, global::Pipeline.Intensity.Coverage.Label(s.Mentions[m].Coverage),
                    c.Check?.Implied, c.Check?.Record, c.RecordDates, c.VerdictText,
                    c.Check is null ? null : c.SourcesText);
            }
        }

        return t;
    }

    /// <summary>Rejected rows counted per source, column and reason (reasons are short and stable): no line, raw value or hint.</summary>
    private static CsvTable RejectionCounts(ReportAnalysis a)
    {
        var t = new CsvTable("rejections", "source", "file", "column", "reason", "rows");
        foreach (var s in a.Sources)
        {
            foreach (var g in s.Table.Rejections.GroupBy(r => (File: Path.GetFileName(r.File), r.Column, r.Reason)).OrderBy(g => g.Key.File, StringComparer.Ordinal).ThenBy(g => g.Key.Column, StringComparer.Ordinal).ThenBy(g => g.Key.Reason, StringComparer.Ordinal))
            {
                t.Add(s.Name, g.Key.File, g.Key.Column, g.Key.Reason, g.Count());
            }
        }

        return t;
    }

    private static CsvTable Rejections(ReportAnalysis a)
    {
        var t = new CsvTable("rejections", "source", "file", "line", "column", "value", "reason", "hint");
        foreach (var s in a.Sources)
        {
            foreach (var r in s.Table.Rejections)
            {
                t.Add(s.Name, Path.GetFileName(r.File), r.Line, r.Column, r.Value, r.Reason, r.Hint);
            }
        }

        return t;
    }
}
