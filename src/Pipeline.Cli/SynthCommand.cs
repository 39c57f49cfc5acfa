using System.CommandLine;
using Pipeline.Synthetic;

namespace Pipeline.Cli;

/// <summary><c>pipeline synth [--seed N] [--out FILE]</c>: writes the seeded synthetic default dataset.</summary>
internal static class SynthCommand
{
    public static Command Create(TextWriter stdout)
    {
        var seed = new Option<ulong>("--seed") { Description = "Seed of the generator", DefaultValueFactory = _ => SyntheticOptions.DefaultSeed };
        var output = new Option<string>("--out") { Description = "Output CSV file", DefaultValueFactory = _ => Path.Combine("data", "events", SyntheticAcledGenerator.DefaultFileName) };
        var command = new Command("synth", "Write the seeded synthetic ACLED-format Libya dataset (SYNTHETIC, not real events)") { seed, output };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            SyntheticSummary summary;
            try
            {
                summary = SyntheticAcledGenerator.WriteFile(path, new SyntheticOptions { Seed = parse.GetValue(seed) });
            }
            catch (Exception ex) when (OutputErrors.Explain(ex, "the synthetic dataset", path, "--out") is { } explained)
            {
                throw explained;
            }

            stdout.WriteLine($"wrote {path}: {summary.RowsWritten} SYNTHETIC events, {summary.FirstEventDate:yyyy-MM-dd} .. {summary.LastEventDate:yyyy-MM-dd}, seed {summary.Seed}");
            return CliApp.Ok;
        });
        return command;
    }
}
