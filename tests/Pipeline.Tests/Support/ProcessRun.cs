using System.Diagnostics;

namespace Pipeline.Tests.Support;

/// <summary>Runs a program from the repository root and returns its exit code with stdout and stderr joined (no time limit: the caller's test decides).</summary>
internal static class ProcessRun
{
    public static async Task<(int Code, string Output)> RunAsync(string file, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = TestPaths.RepoRoot };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout + "\n" + await stderr);
    }
}
