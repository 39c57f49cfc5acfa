using Pipeline.Events;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Events;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class UcdpGedTests
{
    private static EventTable Load(string name) => EventLoader.Load(TestPaths.Events(name));

    [Fact]
    public void Reads_country_download_with_crlf_bare_lf_and_48_fields_under_47_names()
    {
        var t = Load("ucdp-ged-country-download-crlf-48-fields.csv");
        Assert.Equal(EventSource.UcdpGed, t.Source);
        Assert.Equal(6, t.Loaded);
        Assert.Empty(t.Rejections);
        var e = t.Events[0];
        Assert.Equal(new DateOnly(2011, 4, 17), e.Date);
        Assert.Null(e.DateEnd);
        Assert.Equal((12, 10, 15), (e.Fatalities, e.FatalitiesLow!.Value, e.FatalitiesHigh!.Value));
        Assert.Equal("Government of Libya", e.Actor1);
        Assert.Equal("LNA", e.Actor2);
        Assert.Equal("Tripoli district", e.Admin1);
        Assert.Equal("State-based conflict", e.EventType);
        Assert.Equal(HarmonisedEventType.Battles, e.HarmonisedType);
        Assert.Equal([2L, 3L, 5L], t.Events.Take(3).Select(x => x.SourceLine)); // row 2 spans lines 3-4 (bare LF in a quoted headline)
    }

    [Fact]
    public void Maps_date_prec_codes_to_precision_as_documented()
    {
        var t = Load("ucdp-ged-country-download-crlf-48-fields.csv");
        Assert.Equal(
            [DatePrecision.Day, DatePrecision.Week, DatePrecision.Month, DatePrecision.Year, DatePrecision.Week, DatePrecision.Day],
            t.Events.Select(e => e.Precision));
        Assert.Equal(new DateOnly(2014, 5, 4), t.Events[1].DateEnd);
    }

    [Fact]
    public void Maps_one_sided_violence_to_violence_against_civilians()
    {
        var e = Load("ucdp-ged-country-download-crlf-48-fields.csv").Events[2];
        Assert.Equal((HarmonisedEventType.ViolenceAgainstCivilians, "Attack", "One-sided violence"), (e.HarmonisedType, e.SubEventType, e.EventType));
    }

    [Fact]
    public void Keeps_a_row_whose_best_lies_outside_low_high_and_warns()
    {
        var t = Load("ucdp-ged-country-download-crlf-48-fields.csv");
        var w = Assert.Single(t.Warnings);
        Assert.Equal(8, w.Line);
        Assert.Equal("best_est", w.Column);
        Assert.Equal(7, t.Events[5].Fatalities);
    }

    [Fact]
    public void Reads_bulk_csv_with_best_low_high_and_iso_dates_with_time()
    {
        var t = Load("ucdp-ged-bulk-iso-dates.csv");
        Assert.StartsWith("UCDP GED bulk CSV", t.Layout);
        Assert.Equal([new DateOnly(2019, 4, 5), new DateOnly(2019, 4, 6)], t.Events.Select(e => e.Date));
        Assert.Equal((9, 8, 12), (t.Events[0].Fatalities, t.Events[0].FatalitiesLow!.Value, t.Events[0].FatalitiesHigh!.Value));
    }
}
