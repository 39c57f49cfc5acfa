using Xunit.Abstractions;
using System.Diagnostics;
using System.Text.Json;
using Pipeline.Reports;

namespace Pipeline.Tests.Faults;

/// <summary>
/// A real kill (SIGKILL of the child process tree) in the middle of writing: the previous output keeps its
/// bytes, and the next run succeeds and removes what the killed one left. The child is frozen (SIGSTOP)
/// before the kill, so the test can check that the kill lands before the commit (the rename) and never passes
/// vacuously. The report child is parked deterministically (its browser never answers); the notebook child is
/// caught while its temporary file exists, and a kill that came too late is retried with more to write.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Browser)]
[Trait(TestCategory.Trait, TestCategory.Fault)]
public sealed class InterruptedWriteTests(ITestOutputHelper log)
{
    private const int Attempts = 3;
    private const string RunManifestSuffix = ".manifest.json";

    [Fact]
    public void A_report_killed_while_writing_leaves_the_previous_report_intact_and_the_next_run_succeeds()
    {
        using var temp = new TempFolder();
        var repo = TestPaths.RepoRoot;
        var outDir = temp["out"];
        var previous = ChildCli.Run(repo, "report", "--no-png", "--seed", "7", "--out", outDir);
        Assert.True(previous.Code == 0, previous.Err);
        var before = Snapshot.Visible(outDir);

        // The child's "Chromium" is a script that says it started and then never answers: the report has
        // written report.html and its tables into staging and now waits for the browser (up to its load limit),
        // so the kill lands before the commit however fast or slow the machine is. No race, no retries.
        var started = temp.File("chromium-started");
        var browser = temp.File("stuck-chromium.sh");
        File.WriteAllText(browser, $"#!/bin/sh\n: > '{started}'\nexec sleep infinity\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(browser, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var environment = new Dictionary<string, string> { [Pipeline.Rendering.PngRenderer.ChromiumVariable] = browser };

        var interrupted = false;
        string? staging;
        var stagingFiles = 0;
        using (var child = ChildCli.Start(environment, repo, "report", "--out", outDir))
        {
            var reached = WaitFor(child, () => File.Exists(started) ? started : null);
            Assert.True(reached is not null, $"the report never started its browser: {(child.HasExited ? child.Wait().Err : "still running")}");
            staging = Directory.EnumerateDirectories(outDir, OwnedOutputs.StagingPrefix(Manifest.FileName) + "pid*").SingleOrDefault();
            if (staging is not null && child.Freeze())
            {
                // Frozen: the manifest is the last file staged before the journal is written, so its absence (and the
                // journal's) proves no commit yet.
                interrupted = Directory.Exists(Path.Combine(staging, "tables")) && File.Exists(Path.Combine(staging, ReportWriter.HtmlFile))
                    && !File.Exists(Path.Combine(staging, Manifest.FileName)) && !OwnedOutputs.HasInterruptedCommit(outDir, Manifest.FileName)
                    && Same(before, Snapshot.Visible(outDir));
                stagingFiles = interrupted ? Snapshot.Of(staging).Count : 0;
            }

            log.WriteLine($"staging {(staging is null ? "not found" : "found")}; {(interrupted ? "frozen before the commit" : "not interrupted")}");
            child.KillTree();
        }

        var after = Snapshot.Visible(outDir);
        var leftover = staging is not null && Directory.Exists(staging);
        var next = ChildCli.Run(repo, "report", "--no-png", "--out", outDir);
        var stale = Directory.EnumerateFileSystemEntries(outDir, ".*").Concat(Directory.EnumerateFileSystemEntries(temp.Path, ".*")).ToList();
        var nextManifest = next.Code == 0 ? Manifest.Read(Path.Combine(outDir, Manifest.FileName)) : null;
        var intact = Same(before, after);
        Reliability.Record(ReliabilityArea.Faults, "report killed mid-write (SIGKILL of the process tree)",
            "previous report in --out; `pipeline report` child frozen and killed while its staging folder (inside --out) holds report.html and tables and it waits for a browser that never answers",
            "1 kill before the commit",
            $"{(interrupted ? "killed before commit" : "kill never landed before commit")}; previous {before.Count} files {(intact ? "byte-identical" : "CHANGED")}; next run exit {next.Code}, {stale.Count} stale staging folders left");

        Assert.True(interrupted, "the kill never landed before the commit (no staging, or it already held the manifest); the test proved nothing");
        Assert.True(leftover, "the killed run's staging folder should still be there before the next run");
        Assert.True(stagingFiles > 0);
        Assert.Equal(14, before.Count); // 13 outputs and the manifest
        Assert.Equal(before, after);
        Assert.True(next.Code == 0, next.Err);
        Assert.Empty(stale);
        Assert.NotEqual(before, Snapshot.Visible(outDir));
        Assert.All(nextManifest!.Outputs, o => Assert.Equal(o.Sha256, Snapshot.File(Path.Combine(outDir, o.Path))));
    }

    [Notebooks.KernelFact]
    public void A_notebook_run_killed_while_writing_its_output_leaves_the_previous_file_intact()
    {
        using var temp = new TempFolder();
        var notebook = temp.File("big.ipynb");
        File.WriteAllText(notebook, BigOutputNotebook());
        var output = temp.File("out/big.ipynb");
        var previous = ChildCli.Run(temp.Path, "run", notebook, "-p", "size=10", "-o", output);
        Assert.True(previous.Code == 0, previous.Err);
        var before = Snapshot.File(output);
        var beforeHtml = Snapshot.File(temp.File("out/big.html"));

        var interrupted = false;
        string? tempFile = null;
        var size = 16_000_000;
        for (var attempt = 1; attempt <= Attempts && !interrupted; attempt++, size *= 2)
        {
            using var child = ChildCli.Start(temp.Path, "run", notebook, "-p", $"size={size}", "-o", output);
            tempFile = WaitFor(child, () => Directory.EnumerateDirectories(temp["out"], OwnedOutputs.StagingPrefix("big" + RunManifestSuffix) + "pid*")
                .Select(d => Path.Combine(d, "big.ipynb")).FirstOrDefault(File.Exists));
            if (tempFile is not null && child.Freeze())
            {
                // Frozen with its staged notebook still there and no journal: the commit has not started.
                interrupted = File.Exists(tempFile) && !OwnedOutputs.HasInterruptedCommit(temp["out"], "big" + RunManifestSuffix) && Snapshot.File(output) == before;
            }

            log.WriteLine($"attempt {attempt}, {size} characters: {(interrupted ? "frozen before the rename" : "too late")}");

            child.KillTree();
        }

        var after = Snapshot.File(output);
        var afterHtml = Snapshot.File(temp.File("out/big.html"));
        var leftover = tempFile is not null && File.Exists(tempFile);
        var next = ChildCli.Run(temp.Path, "run", notebook, "-p", "size=20", "-o", output);
        var stale = Directory.EnumerateFileSystemEntries(temp["out"], ".*").ToList();
        Reliability.Record(ReliabilityArea.Faults, "notebook output killed mid-write (SIGKILL while the .ipynb is written)",
            "previous executed notebook at -o; `pipeline run` child writing a 16 MB output frozen and killed once its staged notebook appears",
            "1 kill before the rename (retried up to 3 times with twice the output if late)",
            $"{(interrupted ? "killed before the rename" : "kill never landed before the rename")}; previous .ipynb {(after == before ? "byte-identical" : "CHANGED")}; next run exit {next.Code}, {stale.Count} stale temporary files left");

        Assert.True(interrupted, "the kill never landed before the rename; the test proved nothing");
        Assert.True(leftover, "the killed run's temporary file should still be there before the next run");
        Assert.Equal(before, after);
        Assert.Equal(beforeHtml, afterHtml);
        Assert.True(next.Code == 0, next.Err);
        Assert.Empty(stale);
        Assert.NotEqual(before, Snapshot.File(output));
        Assert.Contains("\"size\": \"20\"", File.ReadAllText(temp.File("out/big.manifest.json")), StringComparison.Ordinal);
    }

    /// <summary>Polls (every few milliseconds) until <paramref name="probe"/> finds something or the child exits; the ten-minute limit is only a safety net.</summary>
    private static string? WaitFor(ChildCli child, Func<string?> probe)
    {
        var clock = Stopwatch.StartNew();
        while (!child.HasExited && clock.Elapsed < TimeSpan.FromMinutes(10))
        {
            try
            {
                if (probe() is { } found)
                {
                    return found;
                }
            }
            catch (IOException)
            {
                // A folder vanished between listing and looking: try again.
            }

            Thread.Sleep(2);
        }

        return null;
    }

    private static bool Same(SortedDictionary<string, string> a, SortedDictionary<string, string> b) => a.SequenceEqual(b);

    /// <summary>A notebook whose one output cell prints <c>size</c> characters, so its .ipynb takes a while to write.</summary>
    private static string BigOutputNotebook() => TestNotebook.Json("int size = 10;", "Console.Write(new string('x', size));");
}
