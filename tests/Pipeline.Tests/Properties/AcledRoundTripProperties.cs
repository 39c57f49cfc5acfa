using System.Globalization;
using CsCheck;
using Pipeline.Events;

namespace Pipeline.Tests.Properties;

/// <summary>
/// Random valid ACLED events, written as CSV in each layout the loader supports and loaded back through
/// <see cref="EventLoader.Load(string, EventLoadOptions)"/>, come back as exactly the events written, after the
/// documented mapping: text trimmed, empty and <c>NA</c> cells null, <c>time_precision</c> 1/2/3 → Day/Week/Month,
/// old type names harmonised (crosswalk in <see cref="EventTaxonomy"/>), <c>ally_actor_*</c> read as
/// <c>assoc_actor_*</c>, <c>data_id</c> as the id when <c>event_id_cnty</c> is empty.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Property)]
public class AcledRoundTripProperties
{
    private const ulong Seed = 1234;

    /// <summary>One ACLED layout: a real header (from the fixtures) and what the loader should call it.</summary>
    private sealed record Layout(string Name, string[] Header, bool TextInterCodes, string LayoutPrefix)
    {
        public bool Has(string column) => Header.Any(h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));

        public override string ToString() => Name;
    }

    private static readonly Layout[] Layouts =
    [
        new("2016 API dump, index column", EventCells.FixtureHeader("acled-2016-api-dump-index-column.csv"), false, "ACLED 2016 API dump"),
        new("2017 upper-case headers", EventCells.FixtureHeader("acled-2017-upper-case-headers.csv"), false, "ACLED 2017 file, upper-case headers"),
        new("2018 export", EventCells.FixtureHeader("acled-2018-export-iso-dates.csv"), false, "ACLED 2018 export"),
        new("2019–2022 export", EventCells.FixtureHeader("acled-2020-export-long-dates.csv"), false, "ACLED 2019–2022 export"),
        new("2023 export", [.. AcledExportLayout2023.Columns], false, "ACLED 2023+ export"),
        new("2024 text inter codes", EventCells.FixtureHeader("acled-2024-text-inter-codes-crlf.csv"), true, "ACLED 2023+ export"),
        new("spreadsheet re-save, 8 columns", EventCells.FixtureHeader("acled-spreadsheet-resaved-dates.csv"), false, "ACLED 2018 export"),
    ];

    /// <summary>Type names of every vintage, as the crosswalk documents them (the oracle, written independently of the reader).</summary>
    private static readonly (string Name, HarmonisedEventType Type, string? SubType)[] KnownTypes =
    [
        ("Battles", HarmonisedEventType.Battles, null),
        ("Explosions/Remote violence", HarmonisedEventType.ExplosionsRemoteViolence, null),
        ("Violence against civilians", HarmonisedEventType.ViolenceAgainstCivilians, null),
        ("Protests", HarmonisedEventType.Protests, null),
        ("Riots", HarmonisedEventType.Riots, null),
        ("Strategic developments", HarmonisedEventType.StrategicDevelopments, null),
        ("Battle-No change of territory", HarmonisedEventType.Battles, "Armed clash"),
        ("Battle-Non-state actor overtakes territory", HarmonisedEventType.Battles, "Non-state actor overtakes territory"),
        ("Battle-Government regains territory", HarmonisedEventType.Battles, "Government regains territory"),
        ("Remote violence", HarmonisedEventType.ExplosionsRemoteViolence, null),
        ("Strategic development", HarmonisedEventType.StrategicDevelopments, null),
        ("Headquarters or base established", HarmonisedEventType.StrategicDevelopments, "Headquarters or base established"),
        ("Non-violent transfer of territory", HarmonisedEventType.StrategicDevelopments, "Non-violent transfer of territory"),
        ("Riots/Protests", HarmonisedEventType.Unknown, null), // split by inter codes, see Expected
    ];

    /// <summary>Names the crosswalk does not know: kept with type Unknown, never rejected.</summary>
    private static readonly string[] UnknownTypes = ["Cyber attack", "Riots / Protests", "Battle-Something else", "Kämpfe, \"heftig\"", "=Battles"];

    private static readonly string[] TextInterCodes =
        ["State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters", "Civilians", "External/Other forces", "rioters (Libya)"];

    /// <summary>One generated row: the cells by header position and the event the loader should make of it.</summary>
    private sealed record Row(string[] Cells, bool[] Quote, ConflictEvent Expected, int DateForm, bool Synthetic, int TrailingEmpty);

    private sealed record FileCase(Layout Layout, string Newline, bool Bom, IReadOnlyList<Row> Rows);

    private static Gen<FileCase> FileFor(Layout layout) => PropertyRun.From(pcg =>
    {
        var quoteMode = pcg.Between(0, 2); // 0: only where needed, 1: every field, 2: at random
        var rows = new List<Row>();
        var n = pcg.Between(1, 25);
        for (var i = 0; i < n; i++)
        {
            rows.Add(RowFor(pcg, layout, i, quoteMode));
        }

        return new FileCase(layout, pcg.Chance(50) ? "\n" : "\r\n", pcg.Chance(20), rows);
    });

    private static Row RowFor(PCG pcg, Layout layout, int index, int quoteMode)
    {
        var h = layout.Header.Select(x => x.Trim().ToLowerInvariant()).ToArray();
        var cells = new string[h.Length];
        string Cell(string column) => Array.IndexOf(h, column) is var i and >= 0 ? cells[i] : "";
        bool Has(string column) => Array.IndexOf(h, column) >= 0;
        string? Loaded(params string[] columns) => columns.Where(Has).Select(c => AwkwardText.Loaded(Cell(c))).FirstOrDefault();

        var date = Gen.DateOnly[new DateOnly(1997, 1, 1), new DateOnly(2030, 12, 31)].Draw(pcg);
        var form = pcg.Between(0, EventCells.DateForms.Length - 1);
        var precision = pcg.Between(1, 3);
        var fatalities = pcg.Chance(50) ? pcg.Between(0, 20) : pcg.Between(0, 100_000);
        var (latCell, lat) = EventCells.CoordinateCell(pcg, 90);
        var (lonCell, lon) = EventCells.CoordinateCell(pcg, 180);
        int? geo = pcg.Chance(20) ? null : pcg.Between(1, 3);

        var typeIndex = pcg.Between(0, KnownTypes.Length + 1);
        var typeName = typeIndex < KnownTypes.Length ? KnownTypes[typeIndex].Name
            : typeIndex == KnownTypes.Length ? pcg.Pick(UnknownTypes)
            : AwkwardText.Present.Draw(pcg);
        var typeCell = pcg.Between(0, 5) switch
        {
            0 => typeName.ToUpperInvariant(),
            1 => typeName.ToLowerInvariant(),
            2 => typeName.Replace("-", " - ", StringComparison.Ordinal), // spaces around hyphens are ignored
            3 => $"  {typeName} ",
            _ => typeName,
        };

        string Inter() => layout.TextInterCodes
            ? (pcg.Chance(15) ? "" : pcg.Pick(TextInterCodes))
            : (pcg.Chance(15) ? pcg.Pick(["", "NA"]) : IntTextCell(pcg, pcg.Between(0, 8)));

        var idBlank = Has("data_id") && pcg.Chance(15);
        for (var c = 0; c < h.Length; c++)
        {
            cells[c] = h[c] switch
            {
                "" => index.ToString(CultureInfo.InvariantCulture),
                "event_id_cnty" => idBlank ? pcg.Pick(["", "NA", "  "]) : AwkwardText.Present.Draw(pcg),
                "data_id" => pcg.Between(1, 9_999_999).ToString(CultureInfo.InvariantCulture),
                "event_date" => EventCells.DateCell(pcg, date, form),
                "year" => EventCells.IntCell(pcg, date.Year),
                "time_precision" => EventCells.IntCell(pcg, precision),
                "event_type" => typeCell,
                "country" => AwkwardText.Present.Draw(pcg),
                "fatalities" => EventCells.IntCell(pcg, fatalities),
                "latitude" => latCell,
                "longitude" => lonCell,
                "geo_precision" => geo is { } g ? EventCells.IntCell(pcg, g) : pcg.Pick(["", "NA"]),
                "inter1" or "inter2" => Inter(),
                _ => AwkwardText.Optional.Draw(pcg), // free text, and columns the reader ignores
            };
        }

        var inter1 = Loaded("inter1");
        var inter2 = Loaded("inter2");
        var (harmonised, impliedSubType) = Expected(typeCell, inter1, inter2);
        var expected = new ConflictEvent
        {
            Id = Loaded("event_id_cnty") ?? Loaded("data_id")!,
            Source = EventSource.Acled,
            Date = date,
            Precision = (DatePrecision)precision,
            EventType = typeCell.Trim(),
            HarmonisedType = harmonised,
            SubEventType = Loaded("sub_event_type") ?? impliedSubType,
            DisorderType = Loaded("disorder_type"),
            Actor1 = Loaded("actor1"),
            AssocActor1 = Loaded("assoc_actor_1", "ally_actor_1"),
            Actor2 = Loaded("actor2"),
            AssocActor2 = Loaded("assoc_actor_2", "ally_actor_2"),
            Inter1 = inter1,
            Inter2 = inter2,
            Country = Loaded("country")!,
            Admin1 = Loaded("admin1"),
            Admin2 = Loaded("admin2"),
            Admin3 = Loaded("admin3"),
            Location = Loaded("location"),
            Latitude = Has("latitude") ? lat : null,
            Longitude = Has("longitude") ? lon : null,
            GeoPrecision = Has("geo_precision") ? geo : null,
            Fatalities = fatalities,
            SourceLine = 0, // set when written
        };

        var quote = cells.Select(_ => quoteMode == 1 || (quoteMode == 2 && pcg.Chance(30))).ToArray();
        var synthetic = Loaded("source") is { } s && s.StartsWith("Synthetic", StringComparison.OrdinalIgnoreCase);
        return new Row(cells, quote, expected, form, synthetic, pcg.Chance(10) ? pcg.Between(1, 2) : 0);
    }

    private static string IntTextCell(PCG pcg, int value) => pcg.Chance(85) ? value.ToString(CultureInfo.InvariantCulture) : $" {value}";

    /// <summary>The documented crosswalk: matching ignores case and spaces around hyphens; Riots/Protests splits on a rioter code.</summary>
    private static (HarmonisedEventType, string?) Expected(string typeCell, string? inter1, string? inter2)
    {
        var key = typeCell.Trim();
        if (key.Contains(" -", StringComparison.Ordinal) || key.Contains("- ", StringComparison.Ordinal))
        {
            key = string.Join('-', key.Split('-').Select(p => p.Trim()));
        }

        static bool Rioter(string? inter) => inter is not null && (inter == "5" || inter.StartsWith("Rioters", StringComparison.OrdinalIgnoreCase));
        if (string.Equals(key, "Riots/Protests", StringComparison.OrdinalIgnoreCase))
        {
            return Rioter(inter1) || Rioter(inter2) ? (HarmonisedEventType.Riots, null) : (HarmonisedEventType.Protests, null);
        }

        var hit = KnownTypes.FirstOrDefault(t => string.Equals(t.Name, key, StringComparison.OrdinalIgnoreCase));
        return hit.Name is null ? (HarmonisedEventType.Unknown, null) : (hit.Type, hit.SubType);
    }

    [Fact]
    public void Written_events_load_back_equal_in_every_layout_and_date_form()
    {
        var perLayout = PropertyRun.Iterations(30);
        var files = perLayout * Layouts.Length;
        var mismatched = 0;
        var rejected = 0;
        var unaccounted = 0L;
        var rowsWritten = 0;
        var formsSeen = new HashSet<int>();
        var failures = new Failures();
        using var tmp = new TempFolder();
        for (var i = 0; i < files; i++)
        {
            var layout = Layouts[i % Layouts.Length];
            var file = FileFor(layout).Case(Seed, i);
            var path = tmp[$"acled-{i}.csv"];
            var expected = Write(file, path);
            rowsWritten += expected.Count;
            formsSeen.UnionWith(file.Rows.Select(r => r.DateForm));
            var where = $"seed {Seed}, iteration {i}, layout {layout}";
            if (RoundTripLoad.Load(path, expected.Count, layout.LayoutPrefix, where, failures, ref rejected, ref unaccounted) is not { } table)
            {
                continue;
            }

            if (table.IsSynthetic != file.Rows.Any(r => r.Synthetic))
            {
                failures.Add($"{where}: IsSynthetic {table.IsSynthetic} but rows with a Synthetic source: {file.Rows.Count(r => r.Synthetic)}");
            }

            var unknown = expected.Where(e => e.HarmonisedType == HarmonisedEventType.Unknown).GroupBy(e => e.EventType, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            if (!unknown.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(table.UnknownEventTypes.OrderBy(p => p.Key, StringComparer.Ordinal)))
            {
                failures.Add($"{where}: unknown event types reported {table.UnknownEventTypes.Count}, expected {unknown.Count}");
            }

            var loaded = table.Events;
            for (var k = 0; k < expected.Count; k++)
            {
                var diff = k < loaded.Count ? EventCells.Diff(expected[k], loaded[k]) : "missing";
                if (diff is not null)
                {
                    mismatched++;
                    failures.Add($"{where}, row {k + 1} (date form '{EventCells.DateForms[file.Rows[k].DateForm]}', cell {AwkwardText.Show(file.Rows[k].Cells[Array.FindIndex(layout.Header, x => x.Equals("event_date", StringComparison.OrdinalIgnoreCase))])}): {diff}");
                }
            }
        }

        Reliability.Record(
            ReliabilityArea.Properties,
            "ACLED CSV write → load round trip",
            $"random valid events in {Layouts.Length} ACLED layouts × {EventCells.DateForms.Length} date forms, awkward text, LF/CRLF, BOM, quoting styles",
            $"{files} files, {rowsWritten} rows (seed {Seed})",
            $"{mismatched} mismatches, {rejected} rejected, {unaccounted} rows unaccounted");

        failures.AssertNone("ACLED round trip");
        Assert.Equal(EventCells.DateForms.Length, formsSeen.Count); // the generator reached every date form
    }

    /// <summary>Ways to make a valid row invalid, each one row that must be rejected and nothing else.</summary>
    private static readonly (string Name, Func<string[], string[], string[]> Break)[] Breakages =
    [
        ("day that does not exist", (h, c) => Set(h, c, "event_date", "2019-02-31")),
        ("year disagrees with the date", (h, c) => Set(h, c, "year", "1899")),
        ("fatalities not a whole number", (h, c) => Set(h, c, "fatalities", "three")),
        ("negative fatalities", (h, c) => Set(h, c, "fatalities", "-1")),
        ("country missing", (h, c) => Set(h, c, "country", "NA")),
        ("latitude out of range", (h, c) => Set(h, c, "latitude", "91.5")),
        ("row cut short", (h, c) => c[..^3]),
        ("extra non-empty field", (h, c) => [.. c, "surplus"]),
    ];

    private static string[] Set(string[] header, string[] cells, string column, string value)
    {
        var copy = cells.ToArray();
        copy[Array.FindIndex(header, x => x.Equals(column, StringComparison.OrdinalIgnoreCase))] = value;
        return copy;
    }

    /// <summary>
    /// A file above the loader's parallel threshold, read on one thread and on four, gives the same table: the
    /// same events in file order (equal to those written), the same rejections at the same lines (exactly the
    /// rows broken on purpose), the same counts. Malformed quoting is left out: it is reported by the scanning
    /// thread and merged back by line, which other tests cover.
    /// </summary>
    [Fact]
    public void Large_files_load_the_same_on_one_thread_and_on_several()
    {
        var files = PropertyRun.Iterations(2);
        var differences = 0;
        var mismatched = 0;
        var rejectionsOff = 0;
        var rows = 0;
        var broken = 0;
        var failures = new Failures();
        using var tmp = new TempFolder();
        for (var i = 0; i < files; i++)
        {
            var layout = Layouts[i % 2 == 0 ? 4 : 0]; // the 2023 export and the 2016 dump (index column, data_id)
            var where = $"seed {Seed + 100}, large file {i}, layout {layout}";
            var path = tmp[$"large-{i}.csv"];
            var gen = PropertyRun.From(pcg =>
            {
                var csv = new TestCsv(pcg.Chance(50) ? "\n" : "\r\n", false);
                csv.Record(layout.Header, _ => false);
                var expected = new List<ConflictEvent>();
                var brokenLines = new List<long>();
                for (var n = 0; csv.Length < (int)EventLoader.ParallelThresholdBytes + 300_000; n++)
                {
                    var row = RowFor(pcg, layout, n, quoteMode: 0);
                    var line = csv.LinesSoFar + 1;
                    if (pcg.Chance(3))
                    {
                        brokenLines.Add(line);
                        csv.Record(pcg.Pick(Breakages).Break(layout.Header, row.Cells), _ => false);
                    }
                    else
                    {
                        expected.Add(row.Expected with { SourceLine = line });
                        csv.Record(row.Cells, _ => false);
                    }
                }

                csv.Save(path);
                return (expected, brokenLines);
            });
            var (expected, brokenLines) = gen.Case(Seed + 100, i);
            rows += expected.Count + brokenLines.Count;
            broken += brokenLines.Count;
            var serial = EventLoader.Load(path, EventLoadOptions.Default with { MaxDegreeOfParallelism = 1 });
            var parallel = EventLoader.Load(path, EventLoadOptions.Default with { MaxDegreeOfParallelism = 4 });
            if (serial.RowsRead != parallel.RowsRead || !serial.Events.SequenceEqual(parallel.Events)
                || !serial.Rejections.SequenceEqual(parallel.Rejections)
                || !serial.UnknownEventTypes.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(parallel.UnknownEventTypes.OrderBy(p => p.Key, StringComparer.Ordinal)))
            {
                differences++;
                failures.Add($"{where}: one thread read {serial.RowsRead} rows ({serial.Loaded} loaded, {serial.Rejected} rejected), four read {parallel.RowsRead} ({parallel.Loaded}, {parallel.Rejected}), or the events or rejections differ");
            }

            foreach (var table in new[] { serial, parallel })
            {
                if (!table.Rejections.Select(r => r.Line).SequenceEqual(brokenLines))
                {
                    rejectionsOff++;
                    failures.Add($"{where}: rejected lines [{string.Join(",", table.Rejections.Select(r => r.Line).Take(10))}…], broken [{string.Join(",", brokenLines.Take(10))}…]");
                }

                for (var k = 0; k < expected.Count; k++)
                {
                    if ((k < table.Events.Count ? EventCells.Diff(expected[k], table.Events[k]) : "missing") is { } diff)
                    {
                        mismatched++;
                        failures.Add($"{where}, event {k + 1}: {diff}");
                    }
                }
            }
        }

        Reliability.Record(
            ReliabilityArea.Properties,
            "ACLED large file: parallel load = serial load",
            $"random files just over the {EventLoader.ParallelThresholdBytes >> 20} MiB parallel threshold (2023 and 2016 layouts), ~3% of rows broken in {Breakages.Length} ways; 1 vs 4 threads",
            $"{files} files, {rows} rows, {broken} broken (seed {Seed + 100})",
            $"{differences} files differing between 1 and 4 threads, {rejectionsOff} rejection lists off, {mismatched} event mismatches");

        failures.AssertNone("parallel vs serial load");
    }

    /// <summary>Writes file <paramref name="iteration"/> of this property's generator (layouts in turn) and returns the events it holds.</summary>
    internal static List<ConflictEvent> WriteRandomFile(ulong seed, int iteration, string path) =>
        Write(FileFor(Layouts[iteration % Layouts.Length]).Case(seed, iteration), path);

    /// <summary>Writes the file and returns the expected events with the line each record starts on.</summary>
    private static List<ConflictEvent> Write(FileCase file, string path)
    {
        var csv = new TestCsv(file.Newline, file.Bom);
        csv.Record(file.Layout.Header, _ => false);
        var expected = new List<ConflictEvent>();
        foreach (var row in file.Rows)
        {
            expected.Add(row.Expected with { SourceLine = csv.LinesSoFar + 1 });
            var quote = row.Quote;
            csv.Record([.. row.Cells, .. Enumerable.Repeat("", row.TrailingEmpty)], i => i < quote.Length && quote[i]);
        }

        csv.Save(path);
        return expected;
    }
}
