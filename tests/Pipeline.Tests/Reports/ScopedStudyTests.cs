using Pipeline.Articles;
using Pipeline.Events;
using Pipeline.Intensity;
using Pipeline.Reports;
using Pipeline.Statistics;

namespace Pipeline.Tests.Reports;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class ScopedStudyTests
{
    [Theory]
    [InlineData("egypt-coup-2013", "Egypt")]
    [InlineData("operation-peace-spring-2019", "Syria")]
    [InlineData("turkish-parliament-mandate-2020", "Turkey")]
    public void A_mention_about_a_country_without_data_is_not_studied_against_Libyan_events(string id, string country)
    {
        var a = ReportRun.Default();
        var r = a.Study.Single(s => s.Target.Id == id);
        Assert.Null(r.Events);
        Assert.Null(r.Fatalities);
        Assert.Null(r.Placebo);
        Assert.Null(r.Scope);
        Assert.Null(r.Adjusted);
        Assert.Equal($"not in the data's scope: the data do not cover {country} (they cover Libya)", r.Note);
    }

    [Fact]
    public async Task Out_of_scope_mentions_stay_in_the_csv_and_the_page_with_empty_numbers_and_their_note()
    {
        var report = await ReportRun.WrittenDefaultAsync();
        var a = report.Analysis;
        var lines = File.ReadAllLines(report["tables/event_study.csv"]);
        var header = Cells(lines[0]);
        Assert.Equal(a.Article.Mentions.Count, lines.Length - 1); // one source: one row per mention
        var egypt = lines.Single(l => l.StartsWith("egypt-coup-2013,", StringComparison.Ordinal));
        var cells = Cells(egypt);
        foreach (var column in new[] { "scope", "events_difference", "events_p", "events_p_holm", "events_p_bh", "fatalities_p", "fatalities_p_holm", "fatalities_p_bh", "placebo_windows" })
        {
            Assert.Equal("", cells[Array.IndexOf(header, column)]);
        }

        Assert.Contains("not in the data's scope: the data do not cover Egypt (they cover Libya)", egypt, StringComparison.Ordinal);
        var memoranda = Cells(lines.Single(l => l.StartsWith("turkey-gna-memoranda-2019,", StringComparison.Ordinal)));
        Assert.Equal("Libya", memoranda[Array.IndexOf(header, "scope")]);

        var html = File.ReadAllText(report["report.html"]);
        Assert.Contains("not in the data&#39;s scope: the data do not cover Egypt (they cover Libya)", html, StringComparison.Ordinal);
        Assert.Contains("<th>Scope (countries studied)</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th>p (Holm)</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Libya_and_Turkey_mention_on_Libya_only_data_is_studied_on_Libya_and_says_Turkey_was_left_out()
    {
        var a = ReportRun.Default();
        var r = a.Study.Single(s => s.Target.Id == "turkey-gna-memoranda-2019");
        Assert.Equal("Libya", r.Scope);
        Assert.NotNull(r.Events?.PValue);
        Assert.StartsWith("studied on Libya only; left out: the data do not cover Turkey (they cover Libya)", r.Note, StringComparison.Ordinal);

        // The data are Libya only, so its numbers are those of the whole series.
        var source = a.Sources.Single();
        var whole = EventStudy.Run(source.Overall, source.Mentions.Select(m => m.Target), source.Coverage.Of(["Libya"])!, a.Inputs.Study).Single(s => s.Target.Id == r.Target.Id);
        Assert.Equal(whole.Events, r.Events);
        Assert.Equal(whole.Fatalities, r.Fatalities);
        Assert.Equal(whole.Placebo, r.Placebo);
    }

    [Fact]
    public async Task Adjusted_p_values_cover_every_studied_test_and_match_Holm_and_BH_over_that_family()
    {
        var report = await ReportRun.WrittenDefaultAsync();
        var a = report.Analysis;
        var family = a.Study.SelectMany(r => new[] { r.Events?.PValue, r.Fatalities?.PValue }).OfType<double>().ToList();
        Assert.Equal(family.Count, a.StudyFamily);
        Assert.True(family.Count >= 10, $"only {family.Count} tests in the family");
        var holm = MultipleTesting.Holm(family);
        var bh = MultipleTesting.BenjaminiHochberg(family);
        var adjusted = a.Study.SelectMany(r => new[] { (r.Events?.PValue, r.Adjusted?.EventsHolm, r.Adjusted?.EventsBh), (r.Fatalities?.PValue, r.Adjusted?.FatalitiesHolm, r.Adjusted?.FatalitiesBh) })
            .Where(x => x.Item1 is not null).ToList();
        Assert.Equal(holm, adjusted.Select(x => x.Item2!.Value));
        Assert.Equal(bh, adjusted.Select(x => x.Item3!.Value));
        Assert.Contains(holm.Zip(family), x => x.First > x.Second); // the adjustment changes something

        var lines = File.ReadAllLines(report["tables/event_study.csv"]);
        var header = Cells(lines[0]);
        foreach (var column in new[] { "mention_id", "scope", "events_difference", "events_difference_low", "events_difference_high", "events_p", "events_p_holm", "events_p_bh", "fatalities_p", "fatalities_p_holm", "fatalities_p_bh", "note" })
        {
            Assert.Contains(column, header);
        }

        var html = File.ReadAllText(report["report.html"]);
        Assert.Contains($"family of {family.Count} tests", html, StringComparison.Ordinal);
        Assert.Contains("this run uses week bins, k = 4, imprecise band, the primary setting.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_effect_planted_in_one_country_is_found_by_a_mention_scoped_to_it_and_not_by_one_scoped_to_the_other()
    {
        var date = new DateOnly(2017, 6, 7);
        var events = TwoCountries(date);
        MentionView[] mentions =
        [
            View("in-a", date, "atlantis"), // case differs from the data's "Atlantis"
            View("in-b", date, "Borduria"),
            View("in-a-and-c", date, "Atlantis", "Erewhon"),
            View("in-c", date, "Erewhon"),
        ];
        var results = ScopedStudy.Run(events, mentions, IntensityOptions.Default, EventStudyOptions.Default, null, null, null, out var family);

        var a = results[0];
        Assert.Equal("atlantis", a.Scope);
        Assert.True(a.Events!.PValue < 0.01, $"planted effect in Atlantis: p = {a.Events.PValue}");
        Assert.True(a.Events.Difference > 10, $"difference {a.Events.Difference}");

        var b = results[1];
        Assert.Equal("Borduria", b.Scope);
        Assert.True(b.Events!.PValue > 0.05, $"no effect in Borduria, yet p = {b.Events.PValue}");
        Assert.True(Math.Abs(b.Events.Difference) < 3, $"difference {b.Events.Difference}");

        Assert.Equal(a.Events, results[2].Events); // Erewhon has no data: studied on Atlantis alone
        Assert.Equal("studied on Atlantis only; left out: the data do not cover Erewhon (they cover Atlantis, Borduria)", results[2].Note);

        Assert.Null(results[3].Events);
        Assert.Equal("not in the data's scope: the data do not cover Erewhon (they cover Atlantis, Borduria)", results[3].Note);
        Assert.Equal(6, family); // three studied mentions × events, fatalities
    }

    [Fact]
    public void Several_countries_are_pooled_and_a_country_filter_is_named_in_the_note()
    {
        var date = new DateOnly(2017, 6, 7);
        var events = TwoCountries(date);
        var pooled = ScopedStudy.Run(events, [View("both", date, "Borduria", "Atlantis")], IntensityOptions.Default, EventStudyOptions.Default, null, null, null, out _)[0];
        var alone = ScopedStudy.Run(events, [View("a", date, "Atlantis"), View("b", date, "Borduria")], IntensityOptions.Default, EventStudyOptions.Default, null, null, null, out _);
        Assert.Equal("Borduria; Atlantis", pooled.Scope);
        Assert.Null(pooled.Note);
        Assert.Equal(alone[0].Events!.Before + alone[1].Events!.Before, pooled.Events!.Before, 9);
        Assert.Equal(alone[0].Events!.After + alone[1].Events!.After, pooled.Events.After, 9);

        var onlyB = events.Where(e => e.Country == "Borduria").ToList();
        var filtered = ScopedStudy.Run(onlyB, [View("a", date, "Atlantis")], IntensityOptions.Default, EventStudyOptions.Default, "Borduria", null, null, out var family)[0];
        Assert.Null(filtered.Events);
        Assert.Equal("not in the data's scope: the report is limited to Borduria (its country filter), so Atlantis is outside it", filtered.Note);
        Assert.Equal(0, family);
    }

    /// <summary>The cells of one CSV line (RFC 4180 quoting; no line breaks inside cells in these rows).</summary>
    private static string[] Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }

    private static MentionView View(string id, DateOnly date, params string[] countries)
    {
        var m = new Mention(id, [1], $"mention {id}", MentionKind.Point, date, date, DatePrecision.Day, countries, []);
        return new MentionView(m, CoverageStatus.Inside, new StudyTarget(id, id, date, date, false));
    }

    /// <summary>Weekly events 2015–2019 in Atlantis and Borduria, about 10 a week each (seeded); Atlantis has 30 a week for the 4 weeks from <paramref name="date"/>.</summary>
    private static List<ConflictEvent> TwoCountries(DateOnly date)
    {
        var rng = new SplitMix64(20261202);
        var list = new List<ConflictEvent>();
        var planted = Bins.Start(date, BinUnit.IsoWeek);
        for (var week = new DateOnly(2015, 1, 5); week < new DateOnly(2020, 1, 6); week = week.AddDays(7))
        {
            foreach (var country in new[] { "Atlantis", "Borduria" })
            {
                var n = 7 + rng.NextBelow(7);
                if (country == "Atlantis" && week >= planted && week < planted.AddDays(28))
                {
                    n = 30;
                }

                for (var i = 0; i < n; i++)
                {
                    list.Add(Event(list.Count, week.AddDays(rng.NextBelow(7)), country, rng.NextBelow(3)));
                }
            }
        }

        return list;
    }

    private static ConflictEvent Event(int n, DateOnly date, string country, int deaths) => new()
    {
        Id = $"e{n}",
        Source = EventSource.Acled,
        Date = date,
        Precision = DatePrecision.Day,
        EventType = HarmonisedEventType.Battles.DisplayName(),
        HarmonisedType = HarmonisedEventType.Battles,
        Country = country,
        Fatalities = deaths,
        SourceLine = n + 2,
    };
}
