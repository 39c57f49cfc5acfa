using System.Text;
using BenchmarkDotNet.Attributes;
using Pipeline.Events;
using Pipeline.Intensity;

namespace Pipeline.Bench;

/// <summary>Date parsing of each accepted form, from a string and from the cell's UTF-8 bytes (the loader's path).</summary>
[MemoryDiagnoser]
public class DateParsingBenchmarks
{
    private byte[] utf8 = [];

    [Params("2012-03-01", "21 March 2020", "29-Feb-20", "04/17/2011 00:00:00")]
    public string Text { get; set; } = "";

    [GlobalSetup]
    public void Setup() => utf8 = Encoding.UTF8.GetBytes(Text);

    [Benchmark(Baseline = true)]
    public DateOnly FromString() => EventDates.TryParse(Text, out var d) ? d : default;

    [Benchmark]
    public DateOnly FromUtf8() => EventDates.TryParse(utf8, out var d) ? d : default;
}

/// <summary>Bin assignment: the start of each bin for 10,000 dates, and a whole weekly series of 100,000 events.</summary>
[MemoryDiagnoser]
public class BinBenchmarks
{
    private readonly DateOnly[] dates = [.. Enumerable.Range(0, 10_000).Select(i => new DateOnly(2011, 1, 1).AddDays(i % 3500))];
    private List<ConflictEvent> events = [];

    [Params(BinUnit.IsoWeek, BinUnit.AcledWeek, BinUnit.Month)]
    public BinUnit Unit { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        events = [.. dates.Take(10_000).SelectMany((d, i) => Enumerable.Range(0, 10).Select(k => new ConflictEvent
        {
            Id = "X" + i, Source = EventSource.Acled, Date = d, Precision = (DatePrecision)(1 + (k % 3)), EventType = "Battles",
            HarmonisedType = HarmonisedEventType.Battles, Country = "Libya", Fatalities = k, SourceLine = i,
        }))];
    }

    [Benchmark]
    public int BinStarts()
    {
        var sum = 0;
        foreach (var d in dates)
        {
            sum += Bins.Start(d, Unit).DayNumber;
        }

        return sum;
    }

    [Benchmark]
    public double Series() =>
        IntensityCalculator.Compute(events, IntensityOptions.Default with { Bin = Unit }, new DateOnly(2011, 1, 1), new DateOnly(2020, 12, 31)).TotalEvents;
}

/// <summary>Row mapping end to end: reading, checking and mapping 20,000 ACLED rows (~11 MB), on one thread and on all.</summary>
[MemoryDiagnoser]
public class RowMappingBenchmarks
{
    private string file = "";

    [Params(1, 0)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        file = Path.Combine(Path.GetTempPath(), "pipeline-bench-rows-20000.csv");
        if (!File.Exists(file))
        {
            AcledScaleGenerator.WriteFile(file, new AcledScaleOptions { Rows = 20_000 });
        }
    }

    [Benchmark]
    public int Load() => EventLoader.Load(file, EventLoadOptions.Default with { MaxDegreeOfParallelism = Threads }).Loaded;
}
