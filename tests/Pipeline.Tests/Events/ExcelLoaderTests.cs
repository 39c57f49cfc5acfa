using Pipeline.Events;
using Pipeline.Tests.Support;
using static Pipeline.Tests.Events.ExcelWorkbook;

namespace Pipeline.Tests.Events;

/// <summary>ACLED Excel exports through <see cref="EventLoader.Load(string)"/>: fixtures written here with OpenXml, and the real 2017 file.</summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public sealed class ExcelLoaderTests : IDisposable
{
    private static readonly object?[] Header2017 =
    [
        "GWNO", "EVENT_ID_CNTY", "EVENT_ID_NO_CNTY", "EVENT_DATE", "YEAR", "TIME_PRECISION", "EVENT_TYPE", "ACTOR1", "ALLY_ACTOR_1", "INTER1",
        "ACTOR2", "ALLY_ACTOR_2", "INTER2", "INTERACTION", "COUNTRY", "ADMIN1", "ADMIN2", "ADMIN3", "LOCATION", "LATITUDE", "LONGITUDE",
        "GEO_PRECISION", "SOURCE", "NOTES", "FATALITIES",
    ];

    private readonly string dir = Directory.CreateTempSubdirectory("pipeline-excel-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static object?[] Row2017(string id, object date, object year, object fatalities, object? latitude = null, string type = "Remote Violence") =>
    [
        620, id, null, date, year, 1, type, "Military Forces of Libya (2014-) Haftar Faction", null, 1,
        "Shura Council of Benghazi Revolutionaries", null, 3, 13, "Libya", "Benghazi", "Benghazi", null, "Benghazi", latitude ?? 32.117664, 20.129275,
        1, "almarsad", "Shelling reported.", fatalities,
    ];

    private string Write(string name, IReadOnlyList<object?[]?> rows, bool extraSheet = false)
    {
        var path = Path.Combine(dir, name);
        ExcelWorkbook.Write(path, rows, extraSheet: extraSheet);
        return path;
    }

    [Fact]
    public void Reads_upper_case_2017_sheet_with_serial_dates_date_cells_and_text_dates()
    {
        var path = Write("acled-2017-mixed-dates.xlsx",
        [
            Header2017,
            Row2017("1RTA", new ExcelSerial(42736), 2017, 3),
            Row2017("2RTA", new DateTime(2017, 2, 28), 2017, 0, 31.7019),
            Row2017("3RTA", "21 March 2017", 2017.0, 12.0),
        ]);

        var t = EventLoader.Load(path);

        Assert.Equal(3, t.RowsRead);
        Assert.Equal(0, t.Rejected);
        Assert.Equal("ACLED 2017 file, upper-case headers (25 columns)", t.Layout);
        Assert.Equal(["1RTA", "2RTA", "3RTA"], t.Events.Select(e => e.Id));
        Assert.Equal([new DateOnly(2017, 1, 1), new DateOnly(2017, 2, 28), new DateOnly(2017, 3, 21)], t.Events.Select(e => e.Date));
        Assert.Equal([3, 0, 12], t.Events.Select(e => e.Fatalities));
        Assert.Equal(32.117664, t.Events[0].Latitude);
        Assert.Equal(31.7019, t.Events[1].Latitude);
        Assert.Equal(HarmonisedEventType.ExplosionsRemoteViolence, t.Events[0].HarmonisedType);
        Assert.Equal(2, t.Events[0].SourceLine);
        Assert.Equal(4, t.Events[2].SourceLine);
    }

    [Fact]
    public void Rejections_name_the_spreadsheet_row_and_the_header_name()
    {
        var path = Write("acled-2017-bad-rows.xlsx",
        [
            Header2017,
            Row2017("1RTA", new ExcelSerial(42736), 2017, 1),
            null,
            Row2017("3RTA", new ExcelSerial(42737), 2017, -2),
            Row2017("4RTA", new ExcelSerial(42738), 2016, 0),
            [.. Row2017("5RTA", new ExcelSerial(42739), 2017, 0), null, "stray"],
            Row2017("6RTA", "2017-02-30", 2017, 0),
            Row2017("7RTA", new ExcelSerial(42740), 2017, 0, latitude: "north"),
        ]);

        var t = EventLoader.Load(path);

        Assert.Equal(6, t.RowsRead);
        Assert.Equal(1, t.Loaded);
        Assert.Equal(t.RowsRead, t.Loaded + t.Rejected);
        var byLine = t.Rejections.ToDictionary(r => r.Line);
        Assert.Equal([4L, 5, 6, 7, 8], byLine.Keys.Order());
        Assert.Equal("FATALITIES", byLine[4].Column);
        Assert.Equal("-2", byLine[4].Value);
        Assert.Equal("YEAR", byLine[5].Column);
        Assert.Contains("year disagrees with event_date 2017-01-03", byLine[5].Reason);
        Assert.Null(byLine[6].Column);
        Assert.Equal(27, byLine[6].ColumnNumber);
        Assert.Equal("stray", byLine[6].Value);
        Assert.Equal("EVENT_DATE", byLine[7].Column);
        Assert.Contains("day 30 does not exist in February 2017", byLine[7].Reason);
        Assert.Equal("LATITUDE", byLine[8].Column);
        Assert.All(t.Rejections, r => Assert.Equal(path, r.File));
    }

    [Fact]
    public void Strict_mode_stops_at_the_first_bad_row_with_its_spreadsheet_row()
    {
        var path = Write("acled-2017-strict.xlsx", [Header2017, Row2017("1RTA", new ExcelSerial(42736), 2017, 0), Row2017("2RTA", new ExcelSerial(42736), 2017, "many")]);

        var ex = Assert.Throws<RowRejectedException>(() => EventLoader.Load(path, EventLoadOptions.Default with { Strict = true }));

        Assert.Equal(3, ex.Rejection.Line);
        Assert.Equal("FATALITIES", ex.Rejection.Column);
    }

    [Fact]
    public void Reads_lower_case_2023_export_from_the_first_sheet_only()
    {
        object?[] header = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1", "inter1", "country", "admin1", "latitude", "longitude", "fatalities", "timestamp"];
        object?[] Row(string id, DateTime d, int deaths) => [id, d, d.Year, 1, "Political violence", "Battles", "Armed clash", "LNA", 1, "Libya", "Tripoli", 32.8872, 13.1913, deaths, 1690000000];
        var path = Write("acled-2023-date-cells.XLSX", [header, Row("LBY1", new DateTime(2023, 5, 1), 2), Row("LBY2", new DateTime(2023, 5, 2), 0)], extraSheet: true);

        var t = EventLoader.Load(path);

        Assert.Equal(2, t.Loaded);
        Assert.Equal(0, t.Rejected);
        Assert.Equal("ACLED 2023+ export (15 columns)", t.Layout);
        Assert.Equal(new DateOnly(2023, 5, 2), t.Events[1].Date);
        Assert.Equal("Armed clash", t.Events[0].SubEventType);
    }

    [Fact]
    public void Header_row_without_events_is_a_file_error()
    {
        var path = Write("acled-header-only.xlsx", [Header2017]);

        var ex = Assert.Throws<EventFileException>(() => EventLoader.Load(path));

        Assert.Contains("header but no data rows", ex.Problem);
    }

    [Fact]
    public void Sheet_that_is_not_acled_names_the_columns_found()
    {
        var path = Write("not-events.xlsx", [["name", "budget"], ["a", 1]]);

        var ex = Assert.Throws<EventFileException>(() => EventLoader.Load(path));

        Assert.Contains("neither ACLED nor UCDP", ex.Problem);
        Assert.Contains("name, budget", ex.Hint);
    }

    [Fact]
    public void A_csv_saved_with_an_xlsx_name_is_a_clear_file_error()
    {
        var path = Path.Combine(dir, "really-a-csv.xlsx");
        File.WriteAllText(path, "event_id_cnty,event_date\nLBY1,2020-01-01\n");

        var ex = Assert.Throws<EventFileException>(() => EventLoader.Load(path));

        Assert.Contains("not a readable Excel workbook", ex.Problem);
        Assert.Contains("rename it to .csv", ex.Hint);
    }

    [RealDataFact]
    public void Real_2017_all_africa_workbook_loads_every_row()
    {
        var t = EventLoader.Load(TestPaths.Real("acled-africa-2017/ACLED-All-Africa-File_20170101-to-20171111.xlsx"));

        Assert.Equal(14473, t.RowsRead);
        Assert.Equal(0, t.Rejected);
        Assert.Equal("ACLED 2017 file, upper-case headers (25 columns)", t.Layout);
        Assert.Empty(t.UnknownEventTypes);
        Assert.Equal(796, t.Events.Count(e => e.Country == "Libya"));
        Assert.Equal((new DateOnly(2017, 1, 1), new DateOnly(2017, 11, 11)), t.DateSpan);
    }

    [RealDataFact]
    public void Real_2017_workbook_matches_the_libya_csv_derived_from_it_event_by_event()
    {
        var workbook = EventLoader.Load(TestPaths.Real("acled-africa-2017/ACLED-All-Africa-File_20170101-to-20171111.xlsx"));
        var csv = EventLoader.Load(TestPaths.Real("acled-africa-2017/acled_2017_libya_only.csv"));

        var libya = workbook.Events.Where(e => e.Country == "Libya").ToList();
        Assert.Equal(csv.Events.Count, libya.Count);
        for (var i = 0; i < libya.Count; i++)
        {
            var (x, c) = (libya[i], csv.Events[i]);
            Assert.Equal(c.Id, x.Id);
            Assert.Equal(c.Date, x.Date);
            Assert.Equal(c.Fatalities, x.Fatalities);
            Assert.Equal(c.EventType, x.EventType);
            Assert.Equal(c.Precision, x.Precision);
            Assert.Equal(c.Actor1, x.Actor1);
            Assert.Equal(c.Latitude, x.Latitude);
            Assert.Equal(c.Longitude, x.Longitude);
        }

        Assert.Equal(1514, libya.Sum(e => e.Fatalities));
    }
}
