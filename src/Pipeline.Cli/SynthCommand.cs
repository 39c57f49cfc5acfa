using System.CommandLine;

namespace Pipeline.Cli;

/// <summary><c>pipeline synth</c>: placeholder until the generator lands (wired in the same issue).</summary>
internal static class SynthCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("synth", "Write the seeded synthetic ACLED-format Libya dataset (SYNTHETIC, not real)");
        command.SetAction(_ =>
        {
            stdout.WriteLine("synth: not wired yet");
            return 1;
        });
        return command;
    }
}
