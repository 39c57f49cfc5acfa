using Pipeline.Events;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Events;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class AcledLayoutTests
{
    private static EventTable Load(string name) => EventLoader.Load(TestPaths.Events(name));

    [Fact]
    public void Loads_2018_export_with_iso_dates_and_old_taxonomy()
    {
        var t = Load("acled-2018-export-iso-dates.csv");
        Assert.Equal(6, t.Loaded);
        Assert.Empty(t.Rejections);
        Assert.Equal("ACLED 2018 export (29 columns)", t.Layout);
        var first = t.Events[0];
        Assert.Equal("LBY9001", first.Id);
        Assert.Equal(new DateOnly(2011, 3, 19), first.Date);
        Assert.Equal(DatePrecision.Day, first.Precision);
        Assert.Equal("Battle-No change of territory", first.EventType);
        Assert.Equal(HarmonisedEventType.Battles, first.HarmonisedType);
        Assert.Equal("Armed clash", first.SubEventType);
        Assert.Equal(14, first.Fatalities);
        Assert.Equal("Rebel Forces of Libya (2011)", first.Actor2);
        Assert.Equal(32.1167, first.Latitude);
        Assert.Equal(2, first.SourceLine);
        Assert.Equal(DatePrecision.Week, t.Events[1].Precision);
        Assert.Equal(HarmonisedEventType.ExplosionsRemoteViolence, t.Events[1].HarmonisedType);
        Assert.Equal(DatePrecision.Month, t.Events[2].Precision);
    }

    [Fact]
    public void Splits_old_riots_protests_by_rioter_or_protester_code()
    {
        var t = Load("acled-2018-export-iso-dates.csv");
        Assert.Equal(HarmonisedEventType.Riots, t.Events[2].HarmonisedType);
        Assert.Equal(HarmonisedEventType.Protests, t.Events[3].HarmonisedType);
        Assert.Equal("Riots/Protests", t.Events[3].EventType);
        Assert.Equal(("Government regains territory"), t.Events[4].SubEventType);
        Assert.Equal((HarmonisedEventType.StrategicDevelopments, "Headquarters or base established"), (t.Events[5].HarmonisedType, t.Events[5].SubEventType));
    }

    [Fact]
    public void Loads_2020_export_dates_like_21_March_2020()
    {
        var t = Load("acled-2020-export-long-dates.csv");
        Assert.Equal([new DateOnly(2020, 3, 21), new DateOnly(2020, 2, 1)], t.Events.Select(e => e.Date));
        Assert.Equal("Shelling/artillery/missile attack", t.Events[0].SubEventType);
        Assert.Equal("Wagner Group", t.Events[0].AssocActor1);
        Assert.Null(t.Events[0].Actor2);
        Assert.Equal("ACLED 2019–2022 export (31 columns)", t.Layout);
    }

    [Fact]
    public void Loads_spreadsheet_dates_like_29_Feb_20_and_5_Aug_24_with_two_digit_year_window()
    {
        var t = Load("acled-spreadsheet-resaved-dates.csv");
        Assert.Empty(t.Rejections);
        Assert.Equal([new DateOnly(2020, 2, 29), new DateOnly(2024, 8, 5), new DateOnly(1997, 1, 1)], t.Events.Select(e => e.Date));
    }

    [Fact]
    public void Maps_upper_case_2017_headers_and_ally_actor_columns()
    {
        var t = Load("acled-2017-upper-case-headers.csv");
        Assert.Equal(2, t.Loaded);
        Assert.StartsWith("ACLED 2017 file", t.Layout);
        Assert.Equal("Militia A", t.Events[1].AssocActor1);
        Assert.Equal("Remote Violence", t.Events[0].EventType);
        Assert.Equal(HarmonisedEventType.ExplosionsRemoteViolence, t.Events[0].HarmonisedType);
        Assert.Equal(HarmonisedEventType.ViolenceAgainstCivilians, t.Events[1].HarmonisedType);
    }

    [Fact]
    public void Tolerates_the_unnamed_index_column_of_the_2016_api_dump()
    {
        var t = Load("acled-2016-api-dump-index-column.csv");
        Assert.Equal(["8001RTA", "8002RTA"], t.Events.Select(e => e.Id));
        Assert.Equal(HarmonisedEventType.Protests, t.Events[0].HarmonisedType);
        Assert.Equal(12, t.Events[1].Fatalities);
        Assert.StartsWith("ACLED 2016 API dump", t.Layout);
    }

    [Fact]
    public void Reads_NA_cells_as_missing_values()
    {
        var t = Load("acled-2023-na-cells.csv");
        Assert.Empty(t.Rejections);
        Assert.Null(t.Events[0].AssocActor1);
        Assert.Null(t.Events[0].Admin3);
        Assert.Null(t.Events[1].Actor2);
        Assert.Null(t.Events[1].Latitude);
        Assert.Null(t.Events[1].GeoPrecision);
        Assert.Equal("Political violence", t.Events[0].DisorderType);
        Assert.Equal(new DateOnly(2022, 12, 28), t.Events[0].Date);
    }

    [Fact]
    public void Reads_2024_text_inter_codes_and_crlf_without_actor2_columns()
    {
        var t = Load("acled-2024-text-inter-codes-crlf.csv");
        Assert.Equal(2, t.Loaded);
        Assert.Equal("Rioters", t.Events[0].Inter1);
        Assert.Equal("State forces", t.Events[1].Inter1);
        Assert.Equal(HarmonisedEventType.Riots, t.Events[0].HarmonisedType);
        Assert.Equal([2L, 3L], t.Events.Select(e => e.SourceLine));
        Assert.Equal("Sabha", t.Events[1].Admin1);
    }

    [Fact]
    public void Counts_lines_inside_quoted_notes_so_later_rows_are_located_exactly()
    {
        var t = Load("acled-quoted-newline-in-notes.csv");
        Assert.Equal([2L, 5L], t.Events.Select(e => e.SourceLine));
        var r = Assert.Single(t.Rejections);
        Assert.Equal(6, r.Line);
        Assert.Equal("fatalities", r.Column);
        Assert.Equal(8, r.ColumnNumber);
        Assert.Equal("x", r.Value);
    }

    [Fact]
    public void Maps_time_precision_1_2_3_to_day_week_month()
    {
        var t = Load("acled-time-precision-mix.csv");
        Assert.Equal([DatePrecision.Day, DatePrecision.Week, DatePrecision.Month], t.Events.Select(e => e.Precision));
    }

    [Fact]
    public void Accepts_empty_trailing_fields_beyond_the_header()
    {
        var t = Load("acled-trailing-empty-fields.csv");
        Assert.Equal(2, t.Loaded);
        Assert.Empty(t.Rejections);
    }

    [Fact]
    public void Accepts_a_utf8_byte_order_mark()
    {
        var t = Load("acled-utf8-bom.csv");
        Assert.Equal("LBY1", Assert.Single(t.Events).Id);
    }

    [Fact]
    public void Keeps_and_reports_an_unknown_event_type()
    {
        var t = Load("acled-unknown-event-type.csv");
        Assert.Equal(2, t.Loaded);
        Assert.Equal(HarmonisedEventType.Unknown, t.Events[0].HarmonisedType);
        Assert.Equal("Cyber attack", t.Events[0].EventType);
        Assert.Equal(1, t.UnknownEventTypes["Cyber attack"]);
    }

    [Fact]
    public void Marks_data_synthetic_from_the_file_name()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var copy = Path.Combine(dir.FullName, "demo.synthetic.csv");
            File.Copy(TestPaths.Events("acled-time-precision-mix.csv"), copy);
            Assert.True(EventLoader.Load(copy).IsSynthetic);
            Assert.False(Load("acled-time-precision-mix.csv").IsSynthetic);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
