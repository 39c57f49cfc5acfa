using Pipeline.Tests.Notebooks;

namespace Pipeline.Tests.Faults;

/// <summary>
/// Writing to a full disk or a read-only folder: exit code 1, one line naming the output and what to do, no
/// stack trace, and no half-written output (a previous file keeps its bytes, no staging is left behind).
/// As root, chmod does not stop writes, so a tmpfs is mounted (full: 256 KiB; read-only: <c>-o ro</c>);
/// without mount, read-only falls back to a folder under /sys (EPERM even for root) or chmod 0555, and a full
/// disk to /dev/full for <c>synth</c>. Under CI=true every strategy must work.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Fault)]
public sealed class DiskFaultTests
{
    /// <summary>A small file as synth writes it (header and one row with the generator's source marker), so synth may replace it.</summary>
    private static readonly string PreviousSynth = File.ReadLines(Pipeline.Tests.Reports.ReportRun.DefaultEvents).Take(2).Aggregate((a, b) => a + "\n" + b) + "\n";

    private sealed record Outcome(string Command, bool Clear, string Detail);

    [Fact]
    public void A_full_disk_gives_exit_1_naming_the_output_and_leaves_nothing_half_written()
    {
        using var temp = new TempFolder();
        using var mount = TmpfsMount.TryMount(temp["full"], "size=256k", out var why);
        var outcomes = new List<Outcome>();
        string strategy;
        if (mount is not null)
        {
            strategy = "tmpfs of 256 KiB";
            // A previous small output of synth (its marker in the first row), which the failed run must not touch.
            File.WriteAllText(Path.Combine(mount.Path, "events.csv"), PreviousSynth);
            outcomes.Add(Check("report", mount.Path, "the disk is full", "--out", Path.Combine(mount.Path, "report"),
                () => CliRun.Run(Report(Path.Combine(mount.Path, "report")))));
            outcomes.Add(Check("synth", mount.Path, "the disk is full", "--out", Path.Combine(mount.Path, "events.csv"),
                () => CliRun.Run("synth", "--out", Path.Combine(mount.Path, "events.csv"))));
        }
        else
        {
            // No mount here (an unprivileged machine): /dev/full still fails every write with ENOSPC.
            strategy = "/dev/full (no mount: " + why + ")";
            outcomes.Add(Check("synth", null, "the disk is full", "--out", "/dev/full", () => CliRun.Run("synth", "--out", "/dev/full")));
        }

        Reliability.Record(ReliabilityArea.Faults, "full disk",
            mount is not null ? "`report --no-png` and `synth` writing to a 256 KiB tmpfs (a previous file on it)" : "`synth` writing to /dev/full (no tmpfs could be mounted on this machine)",
            $"{outcomes.Count} commands",
            $"{outcomes.Count(o => o.Clear)}/{outcomes.Count} exit 1 with one line naming the path and what to do, no stack trace, previous file intact, no staging left",
            fallback: mount is null ? $"no tmpfs could be mounted ({why})" : null);
        Assert.True(mount is not null || File.Exists("/dev/full"), strategy);
        Assert.All(outcomes, o => Assert.True(o.Clear, $"{o.Command}: {o.Detail}"));
        Assert.Equal(mount is null ? 1 : 2, outcomes.Count);
        if (mount is not null)
        {
            Assert.Equal(PreviousSynth, File.ReadAllText(Path.Combine(mount.Path, "events.csv")));
        }
    }

    [Notebooks.KernelFact]
    public void A_read_only_output_folder_gives_exit_1_naming_the_output_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var (root, reason, cleanup) = ReadOnlyFolder(temp);
        try
        {
            Assert.True(root is not null, reason);
            var outcomes = new List<Outcome>
            {
                Check("report", root, reason, "--out", Path.Combine(root!, "report"), () => CliRun.Run(Report(Path.Combine(root!, "report")))),
                Check("synth", root, reason, "--out", Path.Combine(root!, "events.csv"), () => CliRun.Run("synth", "--out", Path.Combine(root!, "events.csv"))),
                Check("run", root, reason, "-o", Path.Combine(root!, "nb", "p.ipynb"),
                    () => ChildCli.Run(temp.Path, "run", NotebookTestSupport.Fixture("parameters.ipynb"), "-o", Path.Combine(root!, "nb", "p.ipynb"))),
            };
            Reliability.Record(ReliabilityArea.Faults, "read-only output folder", $"`report --no-png`, `synth` and `run` (child process) writing into {(root!.StartsWith("/sys/", StringComparison.Ordinal) ? "sysfs, where even root cannot create files (no tmpfs could be mounted)" : reason == "read-only" ? "a read-only tmpfs" : "a folder without write permission (no tmpfs could be mounted)")}", $"{outcomes.Count} commands",
                $"{outcomes.Count(o => o.Clear)}/{outcomes.Count} exit 1 with one line naming the path and what to do, no stack trace, nothing written",
                fallback: reason == "read-only" ? null : $"no tmpfs could be mounted ({reason})");
            Assert.All(outcomes, o => Assert.True(o.Clear, $"{o.Command}: {o.Detail}"));
        }
        finally
        {
            cleanup();
        }
    }

    private static string[] Report(string outDir) =>
        ["report", "--events", TestPaths.Project.DefaultEvents, "--articles", TestPaths.Project.Articles, "--no-png", "--out", outDir];

    /// <summary>Runs one command that must fail cleanly, and says whether it did (and how not).</summary>
    private static Outcome Check(string command, string? folder, string expected, string option, string path, Func<(int Code, string Out, string Err)> run)
    {
        var before = folder is null ? null : Snapshot.Of(folder);
        var (code, _, err) = run();
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var problems = new List<string>();
        if (code != 1)
        {
            problems.Add($"exit {code}");
        }

        if (lines.Length != 1 || !lines[0].StartsWith("error: ", StringComparison.Ordinal))
        {
            problems.Add($"{lines.Length} stderr lines");
        }

        if (err.Contains("   at ", StringComparison.Ordinal) || err.Contains("Exception", StringComparison.Ordinal))
        {
            problems.Add("stack trace or exception name");
        }

        foreach (var part in new[] { path, expected, option })
        {
            if (!err.Contains(part, StringComparison.Ordinal))
            {
                problems.Add($"message lacks '{part}'");
            }
        }

        if (folder is not null && Directory.Exists(folder) && !Snapshot.Of(folder).SequenceEqual(before!))
        {
            problems.Add("files under the output folder changed");
        }

        if (folder is not null && Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder, "*tmp*", SearchOption.AllDirectories).Any())
        {
            problems.Add("staging left behind");
        }

        return new Outcome(command, problems.Count == 0, problems.Count == 0 ? "" : string.Join("; ", problems) + $"\nstderr: {err}");
    }

    private static void Restore(string folder)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>A folder no write can go to, the words the error should use, and how to undo it.</summary>
    private static (string? Folder, string Words, Action Cleanup) ReadOnlyFolder(TempFolder temp)
    {
        var mount = TmpfsMount.TryMount(temp["ro"], "ro,size=64k", out var why);
        if (mount is not null)
        {
            return (mount.Path, "read-only", mount.Dispose);
        }

        if (Privilege.IsRoot && Directory.Exists("/sys/kernel"))
        {
            // Even root cannot create folders in sysfs (EPERM).
            return ("/sys/kernel/pipeline-fault-test", "permission denied", () => { });
        }

        if (OperatingSystem.IsWindows())
        {
            return (null, "no read-only strategy on Windows", () => { });
        }

        var folder = temp["ro"];
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return (folder, "permission denied", () => Restore(folder));
    }
}
