using System.Text.Json;
using Pipeline.Cli;
using Pipeline.Events;
using Pipeline.Tests.Performance;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Events;

/// <summary>
/// <c>inspect</c> counts an uncached CSV while reading it (<see cref="EventSummary.Load"/>) instead of loading every
/// <see cref="ConflictEvent"/> and summarising the table. Its JSON must be byte for byte what the table's summary
/// gives: same rejections (file, line, column, reason, hint), warnings, counts, span and years, or the same
/// file-level error, on every fixture, the default data (read on all cores), a large file with broken records and
/// the real ACLED and UCDP files.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public sealed class CountingSummaryTests
{
    /// <summary>The old path (load every record, then summarise) and the counting path, as inspect's JSON or the error each ends in.</summary>
    internal static (string FromTable, string Counted) BothPaths(string path, EventLoadOptions options) =>
        (Outcome(() => EventSummary.From(EventLoader.Load(path, options))), Outcome(() => EventSummary.Load(path, options)));

    private static string Outcome(Func<EventSummary> summarise)
    {
        try
        {
            return JsonSerializer.Serialize(summarise(), InspectCommand.Json);
        }
        catch (EventFileException ex)
        {
            return $"file error: {ex.Message} | line {ex.Line} | column {ex.Column} | hint {ex.Hint}";
        }
        catch (RowRejectedException ex)
        {
            var r = ex.Rejection;
            return $"strict: {ex.Message} | {r.File} | {r.Line}–{r.LastLine} | {r.Column} #{r.ColumnNumber} | {r.Value} | {r.Reason} | {r.Hint}";
        }
    }

    public static TheoryData<string> EventFixtures() =>
        [.. Directory.EnumerateFiles(Path.GetDirectoryName(TestPaths.Events("x"))!, "*.csv").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(EventFixtures))]
    public void Counting_while_reading_gives_the_loaded_tables_summary_for_every_events_fixture(string fixture)
    {
        foreach (var strict in new[] { false, true })
        {
            var (fromTable, counted) = BothPaths(TestPaths.Events(fixture), EventLoadOptions.Uncached with { Strict = strict });
            Assert.Equal(fromTable, counted);
        }
    }

    [Fact]
    public void Counting_gives_the_same_rejections_with_lines_and_columns_for_the_one_bad_row_per_reason_fixture()
    {
        var path = TestPaths.Events("acled-bad-rows-one-per-reason.csv");
        var counted = EventSummary.Load(path, EventLoadOptions.Uncached);
        var table = EventLoader.Load(path, EventLoadOptions.Uncached);

        Assert.Equal(10, counted.Rejected);
        Assert.Equal(table.Rejections.Select(r => (r.Line, r.Column, r.Reason)), counted.Rejections.SelectMany(g => g.FirstLines.Select(l => (l, table.Rejections.Single(r => r.Line == l).Column, g.Reason))).OrderBy(x => x.l));
        Assert.Contains(counted.Rejections, g => g.Reason == "event_date: day 31 does not exist in February 2019" && g.FirstLines.SequenceEqual([3L]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Counting_the_default_data_on_all_cores_or_one_gives_the_loaded_tables_summary(int parallelism)
    {
        var path = TestPaths.Project.DefaultEvents;
        Assert.True(new FileInfo(path).Length >= EventLoader.ParallelThresholdBytes, "the default data must be large enough to be read on all cores");
        var (fromTable, counted) = BothPaths(path, EventLoadOptions.Uncached with { MaxDegreeOfParallelism = parallelism });
        Assert.Equal(fromTable, counted);
        Assert.Contains("\"is_synthetic\": true", counted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Counting_a_large_file_with_malformed_invalid_utf8_and_bad_rows_gives_the_loaded_tables_summary(int parallelism)
    {
        using var temp = new TempFolder();
        var path = temp.File("acled-scale.csv");
        ParallelLoadingTests.WriteScaleFileWithBrokenRecords(path, rows: 12_000);
        var (fromTable, counted) = BothPaths(path, EventLoadOptions.Uncached with { MaxDegreeOfParallelism = parallelism });
        Assert.Equal(fromTable, counted);
        Assert.Contains("invalid UTF-8 bytes", counted, StringComparison.Ordinal);
        Assert.Contains("malformed CSV quoting", counted, StringComparison.Ordinal);
    }

    [Fact]
    public void Counting_ucdp_date_ranges_ends_the_span_at_the_latest_date_end_and_keeps_band_warnings()
    {
        var lines = File.ReadAllLines(TestPaths.Events("ucdp-ged-bulk-iso-dates.csv"));
        var header = lines[0].Split(',');
        string Row(string start, string end, string prec, string best, string high, string low, string country = "Libya")
        {
            var cells = lines[1].Split(',');
            void Set(string column, string value) => cells[Array.IndexOf(header, column)] = value;
            Set("date_start", start);
            Set("date_end", end);
            Set("date_prec", prec);
            Set("best", best);
            Set("high", high);
            Set("low", low);
            Set("country", country);
            return string.Join(',', cells);
        }

        using var temp = new TempFolder();
        var path = temp.File("ucdp-ranges.csv");
        File.WriteAllLines(path,
        [
            lines[0],
            Row("2019-12-20", "2020-01-20", "4", "3", "4", "2"),  // a month-long range across the year end: the span's last day
            Row("2019-06-01", "2019-06-01", "1", "9", "8", "2"),  // best above high: kept with a warning
            Row("2019-03-01", "2019-03-03", "2", "1", "1", "1", "NA"), // country missing: rejected
            Row("2019-01-05", "2019-01-05", "0", "2", "2", "2"),  // code 0: precision from the span
        ]);

        var (fromTable, counted) = BothPaths(path, EventLoadOptions.Uncached);
        Assert.Equal(fromTable, counted);
        var summary = EventSummary.Load(path, EventLoadOptions.Uncached);
        Assert.Equal((new DateOnly(2019, 1, 5), new DateOnly(2020, 1, 20)), (summary.FirstDate!.Value, summary.LastDate!.Value));
        Assert.Equal((3, 1, 14L), (summary.Loaded, summary.Rejected, summary.TotalFatalities));
        Assert.Contains(summary.Warnings, w => w.Message.StartsWith("best estimate 9 lies outside low..high (2..8)", StringComparison.Ordinal));
    }

    [RealDataFact]
    public void Counting_every_real_acled_and_ucdp_file_gives_the_loaded_tables_summary()
    {
        var files = Directory.EnumerateFiles(TestPaths.RealData, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(files, f => f.Contains("ucdp", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains("acled", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var (fromTable, counted) = BothPaths(file, EventLoadOptions.Uncached);
            Assert.True(fromTable == counted, $"{file}: the counted summary differs from the loaded table's");
        }
    }

    [Fact]
    public void Inspect_json_without_the_cache_prints_the_loaded_tables_summary()
    {
        var path = TestPaths.Events("acled-quote-swallows-lines-mid-file.csv");
        var (code, output, error) = CliRun.Run("inspect", path, "--json", "--no-cache");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(BothPaths(path, EventLoadOptions.Uncached).FromTable, output.TrimEnd('\n', '\r'));
    }

    [Fact]
    public void Counting_builds_no_event_records()
    {
        // One thread, so the allocations are this thread's: a record per loaded row is at least 150 bytes (see the bench notes).
        var path = TestPaths.Project.DefaultEvents;
        var options = EventLoadOptions.Uncached with { MaxDegreeOfParallelism = 1 };
        EventSummary.Load(path, options);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var summary = EventSummary.Load(path, options);
        var counting = GC.GetAllocatedBytesForCurrentThread() - before;

        before = GC.GetAllocatedBytesForCurrentThread();
        var table = EventLoader.Load(path, options);
        var loading = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(table.Loaded, summary.Loaded);
        Assert.True(loading - counting > 150L * table.Loaded, $"counting allocated {counting:N0} bytes, loading {loading:N0}, for {table.Loaded:N0} events");
    }
}
