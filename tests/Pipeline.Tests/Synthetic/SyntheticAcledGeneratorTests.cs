using System.Globalization;
using System.Security.Cryptography;
using Pipeline.Synthetic;

namespace Pipeline.Tests.Synthetic;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public sealed class SyntheticAcledGeneratorTests(DefaultSyntheticData data) : IClassFixture<DefaultSyntheticData>
{
    private const string Layout2023Header =
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
        + "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
        + "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

    private static readonly string[] LibyaAdmin1 =
    [
        "Tripoli", "Benghazi", "Misrata", "Al Jfara", "Az Zawiyah", "Sirt", "Al Jufrah", "Sabha", "Murzuq", "Darnah",
        "Al Jabal al Akhdar", "Al Marj", "Al Wahat", "Al Kufrah", "Nalut", "Al Jabal al Gharbi", "Al Murgub",
        "An Nuqat al Khams", "Wadi al Hayat", "Wadi ash Shati", "Ghat", "Al Butnan",
    ];

    private static byte[] Generate(SyntheticOptions options)
    {
        using var stream = new MemoryStream();
        SyntheticAcledGenerator.Write(stream, options);
        return stream.ToArray();
    }

    [Fact]
    public void Same_seed_gives_identical_bytes()
    {
        byte[] again = Generate(new SyntheticOptions());

        Assert.Equal(SHA256.HashData(data.Bytes), SHA256.HashData(again));
        Assert.Equal(data.Bytes.Length, again.Length);
    }

    [Fact]
    public void Different_seed_gives_different_bytes()
    {
        byte[] other = Generate(new SyntheticOptions { Seed = SyntheticOptions.DefaultSeed + 1 });

        Assert.NotEqual(SHA256.HashData(data.Bytes), SHA256.HashData(other));
    }

    [Fact]
    public void Header_is_the_2023_export_layout_exactly()
    {
        Assert.Equal(Layout2023Header, string.Join(',', data.Header));
        string firstLine = System.Text.Encoding.UTF8.GetString(data.Bytes, 0, Layout2023Header.Length + 1);
        Assert.Equal(Layout2023Header + "\n", firstLine);
    }

    [Fact]
    public void Every_row_has_31_fields()
    {
        Assert.Equal(31, data.Header.Length);
        Assert.All(data.Rows, row => Assert.Equal(31, row.Length));
    }

    [Fact]
    public void Every_row_is_marked_synthetic_in_source_tags_and_notes()
    {
        Assert.All(data.Values("source"), s => Assert.Equal("Synthetic (Pipeline generator)", s));
        Assert.All(data.Values("tags"), t => Assert.Contains("synthetic", t, StringComparison.Ordinal));
        Assert.All(data.Values("notes"), n => Assert.StartsWith("SYNTHETIC:", n, StringComparison.Ordinal));
    }

    [Fact]
    public void File_is_UTF8_without_BOM_with_LF_line_ends()
    {
        Assert.False(data.Bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "The file must not start with a BOM.");
        Assert.DoesNotContain((byte)'\r', data.Bytes);
        Assert.Equal((byte)'\n', data.Bytes[^1]);
    }

    [Fact]
    public void Notes_exercise_every_CSV_quoting_case()
    {
        var notes = data.Values("notes").ToList();

        Assert.Contains(notes, n => n.Contains(',', StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains('"', StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains('\n', StringComparison.Ordinal));
        int multiLine = notes.Count(n => n.Contains('\n', StringComparison.Ordinal));
        Assert.InRange(multiLine, 1, notes.Count / 50);
    }

    [Fact]
    public void Time_precision_is_mostly_day_with_about_7_percent_week_and_3_percent_month()
    {
        var precisions = data.Values("time_precision").ToList();
        double Share(string code) => precisions.Count(p => p == code) / (double)precisions.Count;

        Assert.All(precisions, p => Assert.Contains(p, new[] { "1", "2", "3" }));
        Assert.InRange(Share("1"), 0.87, 0.93);
        Assert.InRange(Share("2"), 0.05, 0.09);
        Assert.InRange(Share("3"), 0.015, 0.045);
    }

    [Fact]
    public void Event_dates_use_ACLED_day_month_name_year_and_span_the_requested_range()
    {
        var options = new SyntheticOptions();
        var dates = data.Rows.Select(r =>
        {
            var date = DateOnly.ParseExact(r[data.Column("event_date")], "dd MMMM yyyy", CultureInfo.InvariantCulture);
            Assert.Equal(date.Year.ToString(CultureInfo.InvariantCulture), r[data.Column("year")]);
            return date;
        }).ToList();

        Assert.Contains(data.Rows, r => r[data.Column("event_date")] == "03 January 2020");
        Assert.True(dates.Zip(dates.Skip(1)).All(p => p.First >= p.Second), "Rows should be newest first.");
        Assert.True(dates.Min() >= options.Start, $"Earliest {dates.Min()} is before {options.Start}.");
        Assert.True(dates.Max() <= options.End, $"Latest {dates.Max()} is after {options.End}.");
        Assert.True(dates.Min() <= options.Start.AddDays(14), $"Earliest {dates.Min()} is far from the start.");
        Assert.True(dates.Max() >= options.End.AddDays(-14), $"Latest {dates.Max()} is far from the end.");
        Assert.Equal(dates.Min(), data.Summary.FirstEventDate);
        Assert.Equal(dates.Max(), data.Summary.LastEventDate);
    }

    [Fact]
    public void Rows_are_newest_first_with_unique_LBY_ids_counting_up_in_date_order()
    {
        var ids = data.Values("event_id_cnty").ToList();

        Assert.All(ids, id => Assert.Matches("^LBY[1-9][0-9]*$", id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("LBY" + ids.Count.ToString(CultureInfo.InvariantCulture), ids[0]);
        Assert.Equal("LBY1", ids[^1]);
    }

    [Fact]
    public void Fatalities_are_non_negative_with_a_heavy_tail()
    {
        var fatalities = data.Values("fatalities").Select(f => int.Parse(f, NumberStyles.None, CultureInfo.InvariantCulture)).ToList();
        var nonZero = fatalities.Where(f => f > 0).Order().ToList();
        int medianNonZero = nonZero[nonZero.Count / 2];

        Assert.All(fatalities, f => Assert.InRange(f, 0, 200));
        Assert.True(fatalities.Count(f => f == 0) > fatalities.Count / 2, "Most events should have no fatalities.");
        Assert.True(fatalities.Max() > 20 * medianNonZero, $"Max {fatalities.Max()} is not > 20 × median {medianNonZero}.");
        Assert.Equal(fatalities.Sum(f => (long)f), data.Summary.TotalFatalities);
    }

    [Fact]
    public void Peaceful_protests_never_kill()
    {
        int subType = data.Column("sub_event_type");
        var protests = data.Rows.Where(r => r[subType] == "Peaceful protest").ToList();

        Assert.NotEmpty(protests);
        Assert.All(protests, r => Assert.Equal("0", r[data.Column("fatalities")]));
    }

    [Fact]
    public void Event_types_sub_types_and_disorder_types_follow_the_ACLED_taxonomy()
    {
        var expected = new Dictionary<string, (string EventType, string Disorder)>
        {
            ["Armed clash"] = ("Battles", "Political violence"),
            ["Government regains territory"] = ("Battles", "Political violence"),
            ["Non-state actor overtakes territory"] = ("Battles", "Political violence"),
            ["Shelling/artillery/missile attack"] = ("Explosions/Remote violence", "Political violence"),
            ["Air/drone strike"] = ("Explosions/Remote violence", "Political violence"),
            ["Remote explosive/landmine/IED"] = ("Explosions/Remote violence", "Political violence"),
            ["Suicide bomb"] = ("Explosions/Remote violence", "Political violence"),
            ["Attack"] = ("Violence against civilians", "Political violence"),
            ["Abduction/forced disappearance"] = ("Violence against civilians", "Political violence"),
            ["Peaceful protest"] = ("Protests", "Demonstrations"),
            ["Protest with intervention"] = ("Protests", "Demonstrations"),
            ["Violent demonstration"] = ("Riots", "Demonstrations"),
            ["Mob violence"] = ("Riots", "Political violence"),
            ["Agreement"] = ("Strategic developments", "Strategic developments"),
            ["Arrests"] = ("Strategic developments", "Strategic developments"),
            ["Change to group/activity"] = ("Strategic developments", "Strategic developments"),
            ["Disrupted weapons use"] = ("Strategic developments", "Strategic developments"),
            ["Headquarters or base established"] = ("Strategic developments", "Strategic developments"),
            ["Looting/property destruction"] = ("Strategic developments", "Strategic developments"),
            ["Non-violent transfer of territory"] = ("Strategic developments", "Strategic developments"),
            ["Other"] = ("Strategic developments", "Strategic developments"),
        };

        foreach (var row in data.Rows)
        {
            string subType = row[data.Column("sub_event_type")];
            Assert.True(expected.TryGetValue(subType, out var want), $"Unexpected sub_event_type '{subType}'.");
            Assert.Equal(want.EventType, row[data.Column("event_type")]);
            Assert.Equal(want.Disorder, row[data.Column("disorder_type")]);
        }

        Assert.Equal(6, data.Values("event_type").Distinct().Count());
    }

    [Fact]
    public void Interaction_combines_the_inter_codes_and_civilian_targeting_marks_violence_against_civilians()
    {
        foreach (var row in data.Rows)
        {
            int inter1 = int.Parse(row[data.Column("inter1")], CultureInfo.InvariantCulture);
            int inter2 = int.Parse(row[data.Column("inter2")], CultureInfo.InvariantCulture);
            int expected = inter2 == 0 ? inter1 * 10 : (Math.Min(inter1, inter2) * 10) + Math.Max(inter1, inter2);
            Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), row[data.Column("interaction")]);
            Assert.Equal(inter2 == 0, row[data.Column("actor2")].Length == 0);

            bool targeted = row[data.Column("civilian_targeting")] == "Civilian targeting";
            bool againstCivilians = row[data.Column("actor2")] == "Civilians (Libya)"
                && row[data.Column("disorder_type")] == "Political violence";
            Assert.Equal(againstCivilians, targeted);
        }

        Assert.All(
            data.Rows.Where(r => r[data.Column("event_type")] == "Violence against civilians"),
            r => Assert.Equal("Civilian targeting", r[data.Column("civilian_targeting")]));
    }

    [Fact]
    public void Places_are_Libyan_districts_with_four_decimal_coordinates_inside_Libya()
    {
        Assert.All(data.Values("iso"), v => Assert.Equal("434", v));
        Assert.All(data.Values("region"), v => Assert.Equal("Northern Africa", v));
        Assert.All(data.Values("country"), v => Assert.Equal("Libya", v));
        Assert.All(data.Values("admin1"), v => Assert.Contains(v, LibyaAdmin1));
        Assert.All(data.Values("geo_precision"), v => Assert.Contains(v, new[] { "1", "2", "3" }));
        foreach (var row in data.Rows)
        {
            string lat = row[data.Column("latitude")];
            string lon = row[data.Column("longitude")];
            Assert.Matches(@"^\d{2}\.\d{4}$", lat);
            Assert.Matches(@"^\d{1,2}\.\d{4}$", lon);
            Assert.InRange(decimal.Parse(lat, CultureInfo.InvariantCulture), 19.5m, 33.5m);
            Assert.InRange(decimal.Parse(lon, CultureInfo.InvariantCulture), 9.3m, 25.3m);
        }
    }

    [Theory]
    [InlineData("Military Forces of Libya (2014-) Haftar Faction")]
    [InlineData("Military Forces of Libya (2016-) Government of National Accord")]
    [InlineData("Wagner Group")]
    [InlineData("Military Forces of Turkey (2016-)")]
    [InlineData("Military Forces of the United Arab Emirates (2019-)")]
    [InlineData("Islamic State (Libya)")]
    [InlineData("Protesters (Libya)")]
    [InlineData("Rioters (Libya)")]
    [InlineData("Civilians (Libya)")]
    public void Actors_include_names_a_user_filters_on(string actor)
    {
        Assert.Contains(data.Rows, r => r[data.Column("actor1")] == actor || r[data.Column("actor2")] == actor);
    }

    [Fact]
    public void Summary_matches_the_rows_written()
    {
        Assert.Equal(SyntheticOptions.DefaultSeed, data.Summary.Seed);
        Assert.Equal(data.Rows.Count, data.Summary.RowsWritten);
        var counted = data.Values("event_type").GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(counted.OrderBy(kv => kv.Key, StringComparer.Ordinal), data.Summary.CountsByEventType);
    }

    [Fact]
    public void All_three_phases_occur_and_every_week_has_one()
    {
        var options = new SyntheticOptions();
        int days = options.End.DayNumber - options.Start.DayNumber + 1;

        Assert.Equal((days + 6) / 7, data.Summary.WeeklyPhases.Count);
        Assert.All(data.Summary.WeeksByPhase.Values, weeks => Assert.True(weeks > 0));
        Assert.Equal(options.Start, data.Summary.PhaseBlockStart);
    }

    [Fact]
    public void Phase_sequence_depends_on_the_seed_not_on_calendar_dates()
    {
        // Shifting the whole span by a year leaves the phase of every block unchanged: nothing in the
        // chain looks at dates, so no phase can have been placed at a date (e.g. an op-ed mention).
        var shifted = new SyntheticOptions
        {
            Start = SyntheticOptions.DefaultStart.AddYears(1),
            End = SyntheticOptions.DefaultEnd.AddYears(1),
        };
        var summary = SyntheticAcledGenerator.Write(Stream.Null, shifted);
        int common = Math.Min(summary.WeeklyPhases.Count, data.Summary.WeeklyPhases.Count);

        Assert.Equal(data.Summary.WeeklyPhases.Take(common), summary.WeeklyPhases.Take(common));
    }

    [Fact]
    public void Default_file_is_under_5_MB_with_roughly_15_thousand_rows()
    {
        Assert.True(data.Bytes.Length < 5_000_000, $"Default file is {data.Bytes.Length} bytes.");
        Assert.InRange(data.Rows.Count, 10_000, 25_000);
    }

    [Fact]
    public void Committed_default_file_equals_a_fresh_generation()
    {
        string path = SyntheticTestPaths.DefaultEventsFile;
        Assert.True(File.Exists(path), $"Missing {path}; regenerate with `dotnet run --project src/Pipeline.Cli -- synth`.");

        byte[] committed = File.ReadAllBytes(path);

        Assert.True(
            committed.AsSpan().SequenceEqual(data.Bytes),
            $"{path} differs from a fresh generation with default options; regenerate it and commit the result.");
    }

    [Fact]
    public void WriteFile_creates_the_folder_and_replaces_an_existing_file_without_leftovers()
    {
        string folder = Path.Combine(Path.GetTempPath(), "pipeline-synth-" + Guid.NewGuid().ToString("N"), "nested");
        string path = Path.Combine(folder, SyntheticAcledGenerator.DefaultFileName);
        var small = new SyntheticOptions { Start = new DateOnly(2019, 4, 1), End = new DateOnly(2019, 4, 30) };
        try
        {
            SyntheticAcledGenerator.WriteFile(path, new SyntheticOptions { Seed = 7, Start = small.Start, End = small.End });
            var summary = SyntheticAcledGenerator.WriteFile(path, small);

            Assert.Equal(Generate(small), File.ReadAllBytes(path));
            Assert.True(summary.RowsWritten > 0);
            Assert.Equal([path], Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Fact]
    public void Rejects_an_end_before_the_start_and_names_both_dates()
    {
        var options = new SyntheticOptions { Start = new DateOnly(2020, 1, 2), End = new DateOnly(2020, 1, 1) };

        var error = Assert.Throws<ArgumentException>(() => SyntheticAcledGenerator.Write(Stream.Null, options));
        Assert.Equal("End", error.ParamName);
        Assert.Contains("2020-01-01", error.Message, StringComparison.Ordinal);
        Assert.Contains("2020-01-02", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_country_whose_geography_it_does_not_know()
    {
        var options = new SyntheticOptions { Country = "Egypt" };

        var error = Assert.Throws<ArgumentException>(() => SyntheticAcledGenerator.Write(Stream.Null, options));
        Assert.Equal("Country", error.ParamName);
        Assert.Contains("Libya", error.Message, StringComparison.Ordinal);
    }
}
