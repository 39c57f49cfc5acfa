using Pipeline.Reports;
using Pipeline.Tests.Browser;

namespace Pipeline.Tests.Faults;

/// <summary>Two <c>pipeline report</c> processes writing side by side into sibling folders do not interfere.</summary>
[Trait(TestCategory.Trait, TestCategory.Fault)]
public sealed class ConcurrentReportTests
{
    [Fact]
    public void Two_report_processes_at_once_write_what_a_sequential_run_writes()
    {
        using var temp = new TempFolder();
        var repo = TestPaths.RepoRoot;
        var sequential = ChildCli.Run(repo, "report", "--no-png", "--out", temp["sequential"]);
        Assert.True(sequential.Code == 0, sequential.Err);

        // Sibling folders in one parent: their staging and moved-aside folders live side by side.
        using var a = ChildCli.Start(repo, "report", "--no-png", "--out", temp["a"]);
        using var b = ChildCli.Start(repo, "report", "--no-png", "--out", temp["b"]);
        var (codeA, _, errA) = a.Wait();
        var (codeB, _, errB) = b.Wait();

        var expected = Outputs(temp["sequential"]);
        var results = new[] { temp["a"], temp["b"] }.Select(Outputs).ToList();
        var identical = results.Count(r => r.SequenceEqual(expected));
        Reliability.Record(ReliabilityArea.Faults, "two report runs at once into sibling folders",
            "`report --no-png` twice as concurrent child processes vs one sequential run", $"2 concurrent runs, {expected.Count} files each",
            $"{identical}/2 byte-identical to the sequential run (report.html, CSVs, manifest output hashes)");

        Assert.True(codeA == 0, errA);
        Assert.True(codeB == 0, errB);
        Assert.Equal(13, expected.Count);
        Assert.All(results, r => Assert.Equal(expected, r));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path, ".*"));
    }

    [BrowserFact]
    public void Two_report_processes_with_pngs_at_once_each_render_their_own_charts()
    {
        using var temp = new TempFolder();
        var repo = TestPaths.RepoRoot;
        var sequential = ChildCli.Run(repo, "report", "--no-png", "--out", temp["sequential"]);
        Assert.True(sequential.Code == 0, sequential.Err);

        // Each run starts its own Chromium with its own profile; both render at the same time.
        using var a = ChildCli.Start(repo, "report", "--out", temp["a"]);
        using var b = ChildCli.Start(repo, "report", "--out", temp["b"]);
        var (codeA, _, errA) = a.Wait();
        var (codeB, _, errB) = b.Wait();

        var expected = Snapshot.Of(temp["sequential"]);
        expected.Remove(Manifest.FileName);
        var folders = new[] { temp["a"], temp["b"] };
        var sameText = 0;
        var pngs = 0;
        foreach (var folder in folders)
        {
            var files = Snapshot.Of(folder);
            sameText += expected.All(e => files.TryGetValue(e.Key, out var sha) && sha == e.Value) ? 1 : 0;
            pngs += Directory.Exists(Path.Combine(folder, "charts"))
                ? Directory.GetFiles(Path.Combine(folder, "charts"), "*.png").Count(IsRenderedPng)
                : 0;
        }

        Reliability.Record(ReliabilityArea.Faults, "two report runs with PNGs at once",
            "`report` (Chromium PNGs) twice as concurrent child processes, each with its own browser profile", "2 concurrent runs, 8 charts each",
            $"{(codeA == 0 ? 1 : 0) + (codeB == 0 ? 1 : 0)}/2 exit 0; {sameText}/2 with HTML and CSVs identical to a sequential run; {pngs}/16 PNGs rendered");

        Assert.True(codeA == 0, errA);
        Assert.True(codeB == 0, errB);
        Assert.Equal(2, sameText);
        Assert.Equal(16, pngs);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path, ".*"));
    }

    /// <summary>A PNG signature and more than a blank image's few hundred bytes.</summary>
    private static bool IsRenderedPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes.Length > 10_000 && bytes.AsSpan().StartsWith(PngFile.Signature);
    }

    /// <summary>Every output's hash plus the manifest's recorded output hashes (the manifest itself holds a timestamp).</summary>
    private static List<KeyValuePair<string, string>> Outputs(string folder)
    {
        var files = Snapshot.Of(folder);
        Assert.True(files.Remove(Manifest.FileName), $"{folder} has no manifest");
        var recorded = Manifest.Read(Path.Combine(folder, Manifest.FileName)).Outputs;
        Assert.Equal(files.Keys, recorded.Select(o => o.Path));
        Assert.All(recorded, o => Assert.Equal(files[o.Path], o.Sha256));
        return [.. files];
    }
}
