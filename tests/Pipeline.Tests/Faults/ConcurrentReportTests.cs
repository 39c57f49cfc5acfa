using Pipeline.Reports;

namespace Pipeline.Tests.Faults;

/// <summary>Two <c>pipeline report</c> processes writing side by side into sibling folders do not interfere.</summary>
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
        Assert.Equal(8, expected.Count);
        Assert.All(results, r => Assert.Equal(expected, r));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path, ".*"));
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
