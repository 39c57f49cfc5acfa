using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Running;
using Pipeline.Bench;

// Pipeline.Bench: `run` is what `pipeline bench` calls; `worker` is one measured engine run (started by
// `run`, one process each); `micro` runs the BenchmarkDotNet micro-benchmarks of the hot paths.
const string Usage = """
    usage: Pipeline.Bench run [--rows N] [--out DIR] [--repeat K] [--seed S] [--no-pandas] [--python PATH]
           Pipeline.Bench worker pipeline-cold|pipeline-warm|inspect|inspect-warm|duckdb CSV CACHE_FOLDER
           Pipeline.Bench generate CSV ROWS long|short
           Pipeline.Bench micro [BenchmarkDotNet arguments, e.g. --filter *Date*]
           Pipeline.Bench csv-writers ROUNDS CSV...
    """;

if (args.Length == 0)
{
    Console.Error.WriteLine(Usage);
    return 1;
}

try
{
    switch (args[0])
    {
        case "run":
            return new BenchRunner(ParseRun(args.AsSpan(1)), Console.Out).Run();
        case "worker" when args.Length == 4:
            Console.WriteLine(JsonSerializer.Serialize(Workers.Run(args[1], args[2], args[3])));
            return 0;
        case "generate" when args.Length == 4:
            Console.WriteLine(AcledScaleGenerator.WriteFile(args[1], new AcledScaleOptions
            {
                Rows = int.Parse(args[2], CultureInfo.InvariantCulture),
                LongNotes = args[3] == "long" ? true : args[3] == "short" ? false : throw new ArgumentException($"shape '{args[3]}': use long or short"),
            }));
            return 0;
        case "csv-writers" when args.Length >= 3:
            return CsvWriterComparison.Run(args[2..], int.Parse(args[1], CultureInfo.InvariantCulture), Console.Out);
        case "micro":
            BenchmarkSwitcher.FromAssembly(typeof(BenchRunner).Assembly).Run(args[1..]);
            return 0;
        default:
            Console.Error.WriteLine(Usage);
            return 1;
    }
}
catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or IOException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}

static BenchOptions ParseRun(ReadOnlySpan<string> args)
{
    var o = BenchOptions.Default;
    for (var i = 0; i < args.Length; i++)
    {
        string Next(ReadOnlySpan<string> a, ref int k) => k + 1 < a.Length ? a[++k] : throw new ArgumentException($"{a[k]} needs a value");
        o = args[i] switch
        {
            "--rows" => o with { Rows = int.Parse(Next(args, ref i), NumberStyles.AllowThousands, CultureInfo.InvariantCulture) },
            "--out" => o with { Out = Next(args, ref i) },
            "--repeat" => o with { Repeat = int.Parse(Next(args, ref i), CultureInfo.InvariantCulture) },
            "--seed" => o with { Seed = ulong.Parse(Next(args, ref i), CultureInfo.InvariantCulture) },
            "--no-pandas" => o with { Pandas = false },
            "--python" => o with { Python = Next(args, ref i) },
            _ => throw new ArgumentException($"unknown option '{args[i]}'"),
        };
    }

    if (o.Rows < 1 || o.Repeat < 1)
    {
        throw new ArgumentException("--rows and --repeat must be at least 1");
    }

    return o;
}
