using System.Globalization;
using Pipeline.Events;
using Pipeline.Fetch;
using Pipeline.Intensity;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Intensity;

/// <summary>Declared coverage per source and country, and what makes an input file a source (issue 14 part 4).</summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public class DeclaredCoverageTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static ConflictEvent Ev(string date, string country = "Libya", EventSource source = EventSource.Acled, string? end = null) => new()
    {
        Id = date + country,
        Source = source,
        Date = D(date),
        DateEnd = end is null ? null : D(end),
        Precision = DatePrecision.Day,
        EventType = HarmonisedEventType.Battles.DisplayName(),
        HarmonisedType = HarmonisedEventType.Battles,
        Country = country,
        Fatalities = 1,
        SourceLine = 2,
    };

    private static EventTable Table(string file, EventSource source, bool synthetic, params ConflictEvent[] events) =>
        new(file, source, "test layout", events, [], events.Length, synthetic, new Dictionary<string, int>());

    private static FetchProvenance Provenance(string dataset, params (string Key, string Value)[] query) =>
        new(dataset, "https://example.invalid/api", query.ToDictionary(q => q.Key, q => q.Value), "test licence", "cite us", [], [], new ProvenanceOutput("x.csv", "00", 0), "pipeline 1.0.0", "2026-11-30T08:15:00Z");

    private static DataSource Source(EventTable t, FetchProvenance? p = null) => DataSource.Of(t, p, p is null ? null : "/data/x.provenance.json");

    [Theory]
    [InlineData("25.1", 2025)]
    [InlineData("20.1", 2020)]
    [InlineData("17.1", 2017)] // the first year-numbered version
    [InlineData("17", 2017)]
    [InlineData("99.12", 2099)]
    [InlineData("16.1", null)] // below 17: not a year
    [InlineData("5.0", null)] // GED 5.0 (2016) is not read as 2005
    [InlineData("1.0", null)]
    [InlineData("25.", null)]
    [InlineData("25.x", null)]
    [InlineData(".1", null)]
    [InlineData("125.1", null)]
    [InlineData("v25.1", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Ucdp_version_year_is_read_only_from_two_digit_majors_from_17(string? version, int? year) =>
        Assert.Equal(year, DeclaredCoverage.UcdpVersionYear(version));

    [Fact]
    public void Ucdp_with_a_version_covers_1989_to_the_end_of_the_year_before_it()
    {
        var s = Source(Table("u.csv", EventSource.UcdpGed, false, Ev("2011-03-01", source: EventSource.UcdpGed)), Provenance("UCDP GED 25.1", ("country", "Libya"), ("version", "25.1")));
        var (first, last, rule) = DeclaredCoverage.Declared(s, "Libya", D("2011-03-01"), D("2011-03-01"));
        Assert.Equal(D("1989-01-01"), first);
        Assert.Equal(D("2024-12-31"), last);
        Assert.Equal("UCDP GED 25.1: 1989-01-01 .. 2024-12-31 (to the end of the year before the version's year)", rule);
    }

    [Fact]
    public void Ucdp_without_a_version_says_so_and_ends_at_the_files_last_date()
    {
        var s = Source(Table("u.csv", EventSource.UcdpGed, false, Ev("2011-03-01", source: EventSource.UcdpGed)));
        Assert.Null(s.Version);
        var (first, last, rule) = DeclaredCoverage.Declared(s, "Libya", D("2008-11-05"), D("2019-12-29"));
        Assert.Equal(D("1989-01-01"), first);
        Assert.Equal(D("2019-12-29"), last);
        Assert.Equal("UCDP GED, version not stated: from 1989-01-01; its end is unknown, so it ends at the file's last date 2019-12-29", rule);

        var odd = s with { Version = "5.0" };
        Assert.Contains("version '5.0' not read as a year", DeclaredCoverage.Declared(odd, "Libya", D("2008-11-05"), D("2019-12-29")).Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Libya", "1997-01-01")]
    [InlineData("libya", "1997-01-01")] // names compare ignoring case
    [InlineData("Egypt", "1997-01-01")]
    [InlineData("Turkey", "2016-01-01")]
    [InlineData("Syria", "2017-01-01")]
    public void Acled_covers_a_country_from_the_first_of_January_of_its_start_year_with_no_declared_end(string country, string start)
    {
        var s = Source(Table("a.csv", EventSource.Acled, false, Ev("2019-01-01")));
        var (first, last, rule) = DeclaredCoverage.Declared(s, country, D("2019-01-01"), D("2019-01-01"));
        Assert.Equal(D(start), first);
        Assert.Null(last);
        Assert.StartsWith($"ACLED: {country} from {start} (", rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Acled_country_not_in_its_table_declares_nothing_and_says_so()
    {
        var s = Source(Table("a.csv", EventSource.Acled, false, Ev("2019-01-01", "Atlantis")));
        var (first, last, rule) = DeclaredCoverage.Declared(s, "Atlantis", D("2019-01-01"), D("2019-01-01"));
        Assert.Null(first);
        Assert.Null(last);
        Assert.Contains("Atlantis is not in ACLED's country table", rule, StringComparison.Ordinal);
        var c = DeclaredCoverage.For(s, s is null ? [] : [Ev("2019-01-01", "Atlantis"), Ev("2019-02-01", "Atlantis")]).Countries.Single();
        Assert.Equal(new Coverage(D("2019-01-01"), D("2019-02-01")), c.Span); // the extraction alone bounds it
    }

    [Fact]
    public void Synthetic_data_cover_what_was_generated()
    {
        var s = Source(Table("x.synthetic.csv", EventSource.Acled, true, Ev("2011-01-01")));
        Assert.Equal(DataSource.SyntheticAcled, s.Dataset);
        var (first, last, rule) = DeclaredCoverage.Declared(s, "Libya", D("2011-01-01"), D("2020-06-30"));
        Assert.Equal((D("2011-01-01"), D("2020-06-30")), (first!.Value, last!.Value));
        Assert.StartsWith("synthetic:", rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_provenance_coverage_is_the_declared_span_cut_to_the_files_countries_and_first_and_last_date()
    {
        // ACLED Libya from 1997, file 2011-02-15 .. 2012-03-01 (an event's end date counts).
        var events = new[] { Ev("2011-02-15"), Ev("2011-06-01", end: "2012-03-01"), Ev("2011-07-01", "Tunisia") };
        var s = Source(Table("a.csv", EventSource.Acled, false, events));
        var c = DeclaredCoverage.For(s, events);
        Assert.Equal(["Libya", "Tunisia"], c.Countries.Select(x => x.Country));
        Assert.Equal(new Coverage(D("2011-02-15"), D("2012-03-01")), c.Find("Libya")!.Span);
        Assert.Equal(new Coverage(D("2011-02-15"), D("2012-03-01")), c.Find("tunisia")!.Span);
        Assert.Equal("no fetch provenance file, so the countries present in the file and its first and last date (2011-02-15 .. 2012-03-01)", c.Find("Libya")!.Extracted);
        Assert.False(c.Covers("Egypt")); // a Libya (and Tunisia) file never covers Egypt
        Assert.Null(c.Find("Egypt"));
        Assert.Null(c.Of(["Egypt"]));
        Assert.Equal(["Libya", "Tunisia"], c.Covered);
    }

    [Fact]
    public void A_declared_start_after_the_files_first_date_cuts_it()
    {
        // ACLED Turkey starts 2016: events of 2015 in a Turkey file lie before the declared coverage.
        var events = new[] { Ev("2015-06-01", "Turkey"), Ev("2016-03-01", "Turkey") };
        var c = DeclaredCoverage.For(Source(Table("a.csv", EventSource.Acled, false, events)), events).Countries.Single();
        Assert.Equal(new Coverage(D("2016-01-01"), D("2016-03-01")), c.Span);
    }

    [Fact]
    public void A_declared_end_before_the_files_last_date_cuts_it_and_no_overlap_means_not_covered()
    {
        // UCDP GED 20.1 ends 2019-12-31; a file reaching into 2020 is cut there, one only in 2020 is not covered.
        var v20 = Provenance("UCDP GED 20.1");
        var events = new[] { Ev("2019-12-31", source: EventSource.UcdpGed), Ev("2020-01-01", source: EventSource.UcdpGed) };
        var cut = DeclaredCoverage.For(Source(Table("u.csv", EventSource.UcdpGed, false, events), v20), events).Countries.Single();
        Assert.Equal(new Coverage(D("2019-12-31"), D("2019-12-31")), cut.Span); // inclusive at both ends
        Assert.Contains("names no country", cut.Extracted, StringComparison.Ordinal);

        var late = new[] { Ev("2020-01-01", source: EventSource.UcdpGed) };
        var none = DeclaredCoverage.For(Source(Table("u.csv", EventSource.UcdpGed, false, late), v20), late);
        Assert.Null(none.Countries.Single().Span);
        Assert.False(none.Covers("Libya"));
        Assert.Empty(none.Covered);
        Assert.Null(none.Of(["Libya"]));
    }

    [Fact]
    public void With_provenance_the_fetch_querys_country_and_dates_are_the_extraction()
    {
        // The ACLED query asked for Libya 2019-01-01 .. 2019-12-31; the file's events span less, and hold a stray Chad row.
        var p = Provenance("ACLED", ("country", "Libya"), ("from", "2019-01-01"), ("to", "2019-12-31"));
        var events = new[] { Ev("2019-03-01"), Ev("2019-10-01"), Ev("2019-05-01", "Chad") };
        var s = Source(Table("acled_libya.csv", EventSource.Acled, false, events), p);
        Assert.Equal(["Libya"], s.QueryCountries);
        Assert.Equal((D("2019-01-01"), D("2019-12-31")), (s.QueryFrom!.Value, s.QueryTo!.Value));
        var c = DeclaredCoverage.For(s, events);
        Assert.Equal("Libya", c.Countries.Single().Country); // Chad was not asked for: not covered
        Assert.Equal(new Coverage(D("2019-01-01"), D("2019-12-31")), c.Countries.Single().Span);
        Assert.Equal("fetch query in x.provenance.json: Libya, 2019-01-01 .. 2019-12-31", c.Countries.Single().Extracted);
        Assert.False(c.Covers("Chad"));
    }

    [Fact]
    public void A_query_for_several_countries_covers_each_from_its_own_start()
    {
        // fetch acled --country Libya --country Syria (or fetch --article) writes country=Libya|Syria; ACLED covers Syria from 2017.
        var p = Provenance("ACLED", ("country", "Libya|Syria"), ("from", "1997-01-01"), ("to", "2021-01-31"));
        var events = new[] { Ev("2019-03-01"), Ev("2019-10-01", "Syria") };
        var s = Source(Table("acled_libya-syria.csv", EventSource.Acled, false, events), p);
        Assert.Equal(["Libya", "Syria"], s.QueryCountries);
        var c = DeclaredCoverage.For(s, events);
        Assert.Equal(new Coverage(D("1997-01-01"), D("2021-01-31")), c.Countries.Single(x => x.Country == "Libya").Span);
        Assert.Equal(new Coverage(D("2017-01-01"), D("2021-01-31")), c.Countries.Single(x => x.Country == "Syria").Span);
    }

    [Fact]
    public void A_ucdp_query_has_no_dates_so_the_version_bounds_it()
    {
        var p = Provenance("UCDP GED 25.1", ("country", "Libya"), ("version", "25.1"), ("source", "archive"));
        var events = new[] { Ev("2011-03-01", source: EventSource.UcdpGed), Ev("2019-12-29", source: EventSource.UcdpGed) };
        var c = DeclaredCoverage.For(Source(Table("u.csv", EventSource.UcdpGed, false, events), p), events).Countries.Single();
        Assert.Equal(new Coverage(D("1989-01-01"), D("2024-12-31")), c.Span); // 1993, which UCDP covers, is inside
        Assert.Equal(CoverageStatus.Inside, c.Span!.Classify(D("1993-10-01"), D("1993-10-31")));
        Assert.Equal("fetch query in x.provenance.json: Libya, no first day .. no last day", c.Extracted);
    }

    [Fact]
    public void An_acled_query_without_dates_ends_at_the_files_last_date_and_says_so()
    {
        var p = Provenance("ACLED", ("country", "Libya"));
        var events = new[] { Ev("2019-03-01"), Ev("2019-10-01") };
        var c = DeclaredCoverage.For(Source(Table("a.csv", EventSource.Acled, false, events), p), events).Countries.Single();
        Assert.Equal(new Coverage(D("1997-01-01"), D("2019-10-01")), c.Span);
        Assert.EndsWith("neither sets a last day, so it ends at the file's last date 2019-10-01", c.Extracted, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_needs_a_query_with_country_and_dates()
    {
        var empty = Source(Table("a.csv", EventSource.Acled, false));
        var ex = Assert.Throws<ArgumentException>(() => DeclaredCoverage.For(empty, []));
        Assert.Contains("a.csv: no events loaded", ex.Message, StringComparison.Ordinal);

        var p = Provenance("ACLED", ("country", "Libya"), ("from", "2019-01-01"), ("to", "2019-06-30"));
        var queried = DeclaredCoverage.For(Source(Table("a.csv", EventSource.Acled, false), p), []).Countries.Single();
        Assert.Equal(new Coverage(D("2019-01-01"), D("2019-06-30")), queried.Span); // no events, but covered: zero is data

        Assert.Throws<ArgumentException>(() => DeclaredCoverage.For(Source(Table("a.csv", EventSource.Acled, false), Provenance("ACLED", ("country", "Libya"), ("from", "2019-01-01"))), []));
        Assert.Throws<ArgumentException>(() => DeclaredCoverage.For(Source(Table("a.csv", EventSource.Acled, false), Provenance("ACLED", ("country", "Libya"), ("to", "2019-01-01"))), []));
        Assert.Throws<ArgumentException>(() => DeclaredCoverage.For(Source(Table("a.csv", EventSource.Acled, false), Provenance("ACLED", ("from", "2019-01-01"), ("to", "2019-06-30"))), []));
    }

    [Fact]
    public void Several_countries_pool_to_the_first_and_last_covered_day_of_those_covered()
    {
        var c = new SourceCoverage(
        [
            new CountryCoverage("Egypt", new Coverage(D("2013-01-01"), D("2013-12-31")), "d", "e"),
            new CountryCoverage("Libya", new Coverage(D("2011-01-01"), D("2012-06-30")), "d", "e"),
            new CountryCoverage("Chad", null, "d", "e"),
        ]);
        Assert.Equal(new Coverage(D("2011-01-01"), D("2013-12-31")), c.Of(["libya", "EGYPT", "Chad", "Syria"]));
        Assert.Equal(new Coverage(D("2011-01-01"), D("2012-06-30")), c.Of(["Libya"]));
        Assert.Null(c.Of(["Chad", "Syria"]));
        Assert.Null(c.Of([]));
        Assert.True(c.Covers("egypt"));
        Assert.False(c.Covers("Chad"));
        Assert.Equal(["Egypt", "Libya"], c.Covered);
    }

    [Fact]
    public void From_events_covers_every_country_present_from_the_first_to_the_last_event()
    {
        var c = SourceCoverage.FromEvents([Ev("2011-05-01", "Libya"), Ev("2012-01-01", "Egypt", end: "2012-02-01")]);
        Assert.Equal(["Egypt", "Libya"], c.Countries.Select(x => x.Country));
        Assert.All(c.Countries, x => Assert.Equal(new Coverage(D("2011-05-01"), D("2012-02-01")), x.Span));
        Assert.Throws<ArgumentException>(() => SourceCoverage.FromEvents([]));
    }

    [Theory]
    [InlineData("2011-01-01", "2011-12-31", CoverageStatus.Inside)] // both ends inclusive
    [InlineData("2010-12-31", "2011-12-31", CoverageStatus.Partly)]
    [InlineData("2011-01-01", "2012-01-01", CoverageStatus.Partly)]
    [InlineData("2010-12-31", "2010-12-31", CoverageStatus.Outside)]
    [InlineData("2012-01-01", "2012-01-01", CoverageStatus.Outside)]
    [InlineData("2010-01-01", "2013-01-01", CoverageStatus.Partly)]
    public void Classify_is_inclusive_at_both_ends(string start, string end, CoverageStatus expected) =>
        Assert.Equal(expected, new Coverage(D("2011-01-01"), D("2011-12-31")).Classify(D(start), D(end)));

    [Fact]
    public void A_source_takes_version_licence_and_access_date_from_its_provenance_and_says_not_stated_without()
    {
        var t = Table("/data/ucdp_ged_25.1_libya.csv", EventSource.UcdpGed, false, Ev("2011-03-01", source: EventSource.UcdpGed));
        var with = Source(t, Provenance("UCDP GED 25.1", ("country", "Libya")));
        Assert.Equal(("UCDP GED", "25.1", "test licence", "2026-11-30"), (with.Dataset, with.Version, with.Licence, with.AccessDate));
        Assert.Equal("UCDP GED 25.1 (ucdp_ged_25.1_libya.csv)", with.Name);
        Assert.Equal("ucdp-ged", with.Slug);

        var versionInQuery = Source(t, Provenance("UCDP GED", ("version", "24.1")));
        Assert.Equal("24.1", versionInQuery.Version);

        var without = Source(t);
        Assert.Equal((null, null, null, null), (without.Version, without.Licence, without.AccessDate, without.ProvenanceFile));
        Assert.Equal("UCDP GED (ucdp_ged_25.1_libya.csv)", without.Name);
        Assert.Empty(without.QueryCountries);

        var acled = Source(Table("/data/a.csv", EventSource.Acled, false, Ev("2019-01-01")), Provenance("ACLED", ("country", "Libya")) with { FetchedAtUtc = "yesterday", Licence = " " });
        Assert.Equal(("ACLED", null, null, null, "acled"), (acled.Dataset, acled.Version, acled.Licence, acled.AccessDate, acled.Slug));
    }

    [Fact]
    public void Repeated_names_and_slugs_are_numbered()
    {
        var a = Source(Table("/one/a.csv", EventSource.Acled, false, Ev("2019-01-01")));
        var b = Source(Table("/two/a.csv", EventSource.Acled, false, Ev("2019-01-01")));
        var u = Source(Table("/two/u.csv", EventSource.UcdpGed, false, Ev("2019-01-01")));
        var d = DataSource.Distinct([a, b, u]);
        Assert.Equal(["ACLED (a.csv)", "ACLED (a.csv) #2", "UCDP GED (u.csv)"], d.Select(x => x.Name));
        Assert.Equal(["acled", "acled-2", "ucdp-ged"], d.Select(x => x.Slug));
    }

    [Fact]
    public void A_provenance_file_beside_the_events_is_read_and_a_broken_one_is_named()
    {
        using var tmp = new TempFolder();
        var csv = tmp["acled_libya.csv"];
        File.WriteAllText(csv, "x");
        var t = Table(csv, EventSource.Acled, false, Ev("2019-01-01"));
        Assert.Null(DataSource.For(t).ProvenanceFile);

        File.WriteAllText(FetchProvenance.PathFor(csv), System.Text.Json.JsonSerializer.Serialize(Provenance("ACLED", ("country", "Libya"), ("from", "2019-01-01"), ("to", "2019-12-31")), FetchProvenance.Json));
        var s = DataSource.For(t);
        Assert.Equal(FetchProvenance.PathFor(csv), s.ProvenanceFile);
        Assert.Equal("2026-11-30", s.AccessDate);

        File.WriteAllText(FetchProvenance.PathFor(csv), "{ not json");
        var ex = Assert.Throws<ArgumentException>(() => DataSource.For(t));
        Assert.StartsWith(FetchProvenance.PathFor(csv) + ": the fetch provenance file beside acled_libya.csv cannot be read", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_embedded_acled_table_holds_every_country_and_a_bad_line_is_named()
    {
        Assert.Equal(243, AcledCountries.StartYears.Count);
        Assert.Equal(2020, AcledCountries.StartYear("Saint Helena, Ascension and Tristan da Cunha")); // a quoted name with a comma
        Assert.Equal(1997, AcledCountries.StartYear(" Libya "));
        Assert.Null(AcledCountries.StartYear("Atlantis"));
        Assert.Equal(2018, AcledCountries.Parse("country,region,start_year\r\n\"A \"\"B\"\", C\",R,2018\r\n\r\n")["A \"B\", C"]);
        Assert.Contains("line 1: header", Assert.Throws<FormatException>(() => AcledCountries.Parse("name,year\n")).Message, StringComparison.Ordinal);
        Assert.Contains("line 2, column start_year: 'soon'", Assert.Throws<FormatException>(() => AcledCountries.Parse("country,region,start_year\nX,R,soon\n")).Message, StringComparison.Ordinal);
        Assert.Contains("line 2, column start_year: '1899'", Assert.Throws<FormatException>(() => AcledCountries.Parse("country,region,start_year\nX,R,1899\n")).Message, StringComparison.Ordinal);
        Assert.Contains("line 2, column start_year: '2101'", Assert.Throws<FormatException>(() => AcledCountries.Parse("country,region,start_year\nX,R,2101\n")).Message, StringComparison.Ordinal);
        Assert.Equal(1900, AcledCountries.Parse("country,region,start_year\nX,R,1900\n")["X"]);
        Assert.Equal(2100, AcledCountries.Parse("country,region,start_year\nX,R,2100\n")["X"]);
        Assert.Contains("line 2: unclosed quote", Assert.Throws<FormatException>(() => AcledCountries.Parse("country,region,start_year\n\"X,R,2000\n")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_embedded_table_is_the_projects_data_file()
    {
        var file = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "data", "reference", "acled_countries.csv"));
        Assert.Equal(AcledCountries.Parse(file), AcledCountries.StartYears);
    }

    [Fact]
    public void Coverage_labels_and_the_span_of_events_with_end_dates()
    {
        Assert.Equal("inside coverage", Coverage.Label(CoverageStatus.Inside));
        Assert.Equal("partly outside coverage", Coverage.Label(CoverageStatus.Partly));
        Assert.Equal("outside coverage", Coverage.Label(CoverageStatus.Outside));
        Assert.Equal(new Coverage(D("2011-01-05"), D("2011-03-01")), Coverage.Of([Ev("2011-02-01"), Ev("2011-01-05", end: "2011-03-01"), Ev("2011-01-20")]));
        var ex = Assert.Throws<ArgumentException>(() => Coverage.Of([]));
        Assert.StartsWith("no events: coverage is undefined", ex.Message, StringComparison.Ordinal);
        Assert.Equal("events", ex.ParamName);
    }

    [Theory]
    [InlineData("2019-01-01", "2019-12-31", "2019-03-01", "2019-10-01")] // a wider query: the declared (generated) span bounds it
    [InlineData("2019-04-01", "2019-06-30", "2019-04-01", "2019-06-30")] // a narrower query bounds it
    [InlineData("2019-01-01", "2019-06-30", "2019-03-01", "2019-06-30")]
    [InlineData("2019-04-01", "2019-12-31", "2019-04-01", "2019-10-01")]
    public void Coverage_is_the_later_first_day_and_the_earlier_last_day_of_declared_and_queried(string from, string to, string first, string last)
    {
        var events = new[] { Ev("2019-03-01"), Ev("2019-10-01") };
        var p = Provenance("ACLED", ("country", "Libya"), ("from", from), ("to", to));
        var s = Source(Table("x.synthetic.csv", EventSource.Acled, true, events), p);
        var c = DeclaredCoverage.For(s, events).Countries.Single();
        Assert.Equal(new Coverage(D(first), D(last)), c.Span);
        Assert.Equal("synthetic: generated for 2019-03-01 .. 2019-10-01 (the file's first and last date)", c.Declared);
    }

    [Fact]
    public void An_acled_query_from_before_the_countrys_start_year_is_cut_to_it()
    {
        var events = new[] { Ev("2016-03-01", "Turkey") };
        var p = Provenance("ACLED", ("country", "Turkey"), ("from", "2015-01-01"), ("to", "2016-06-30"));
        var c = DeclaredCoverage.For(Source(Table("a.csv", EventSource.Acled, false, events), p), events).Countries.Single();
        Assert.Equal(new Coverage(D("2016-01-01"), D("2016-06-30")), c.Span);
    }
}
