using System.Text.Json;
using Pipeline.Reports;
using Pipeline.Tests.Browser;
using Pipeline.Tests.Notebooks;

namespace Pipeline.Tests.Faults;

/// <summary>
/// <c>pipeline verify</c> against one changed byte in each file a manifest lists, inputs and outputs alike
/// (PNGs included: they are not re-rendered, but their recorded hash beside the manifest is checked).
/// Runs in the notebook collection because <c>pipeline run</c> moves the process's current folder.
/// </summary>
[Collection(NotebookCollection.Name)]
[Trait(TestCategory.Trait, TestCategory.Fault)]
public sealed class VerifyEveryFileTests
{
    private const int Seed = 8;

    [BrowserFact]
    public void Verify_detects_one_changed_byte_in_every_file_of_a_report_and_a_notebook_manifest()
    {
        using var temp = new TempFolder();
        var report = WriteReport(temp);
        var notebook = WriteNotebookRun(temp);
        var random = new Random(Seed);
        var results = new List<(string Manifest, string File, bool Detected, string Output)>();
        foreach (var manifestPath in new[] { report, notebook })
        {
            var manifest = Manifest.Read(manifestPath);
            var shipped = Path.GetDirectoryName(manifestPath)!;
            var files = manifest.Inputs.Select(i => (Recorded: i.Path, OnDisk: Path.Combine(shipped, i.Path)))
                .Concat(manifest.Outputs.Select(o => (Recorded: o.Path, OnDisk: Path.Combine(shipped, o.Path))));
            foreach (var (recorded, onDisk) in files)
            {
                var original = File.ReadAllBytes(onDisk);
                var changed = (byte[])original.Clone();
                changed[random.Next(changed.Length)] ^= 0x01;
                File.WriteAllBytes(onDisk, changed);
                var (code, output, _) = CliRun.Run("verify", manifestPath);
                File.WriteAllBytes(onDisk, original);
                var named = output.Split('\n').Any(l => l.StartsWith("MISMATCH", StringComparison.Ordinal) && l.Contains($" {recorded}  ", StringComparison.Ordinal));
                results.Add((Path.GetFileName(manifestPath), recorded, code == 3 && named, output));
            }
        }

        var restored = new[] { report, notebook }.Select(m => CliRun.Run("verify", m)).ToList();
        var pngs = results.Count(r => r.File.EndsWith(".png", StringComparison.Ordinal));
        Reliability.Record(ReliabilityArea.Faults, "verify: one changed byte in any manifest file",
            "report (with PNGs) inputs + outputs and notebook run manifest (notebook, data file, .ipynb, .html)",
            $"{results.Count} files ({pngs} PNGs), 1 byte each (seed {Seed})",
            $"{results.Count(r => r.Detected)}/{results.Count} detected, exit 3 naming the file; restored: exit 0");

        Assert.All(results, r => Assert.True(r.Detected, $"{r.Manifest}: a changed byte in {r.File} was not reported:\n{r.Output}"));
        Assert.Equal(8, pngs);
        Assert.True(results.Count >= 18, $"{results.Count} files");
        Assert.All(restored, r => Assert.True(r.Code == 0, r.Out + r.Err));
    }

    /// <summary>A report over copies of the inputs (so they may be altered), with PNGs.</summary>
    private static string WriteReport(TempFolder temp)
    {
        File.Copy(TestPaths.Project.DefaultEvents, temp["events.synthetic.csv"]);
        Directory.CreateDirectory(temp["articles"]);
        foreach (var f in Directory.EnumerateFiles(TestPaths.Project.Articles, "*.json"))
        {
            File.Copy(f, Path.Combine(temp["articles"], Path.GetFileName(f)));
        }

        var (code, _, err) = CliRun.Run("report", "--events", temp["events.synthetic.csv"], "--articles", temp["articles"], "--out", temp["report"]);
        Assert.True(code == 0, err);
        return temp["report/manifest.json"];
    }

    /// <summary>A notebook whose string parameter names a data file, so the manifest lists two inputs and two outputs.</summary>
    private static string WriteNotebookRun(TempFolder temp)
    {
        Directory.CreateDirectory(temp["nb"]);
        File.WriteAllText(temp["nb/data.txt"], "alpha\nbeta\ngamma\n");
        File.WriteAllText(temp["nb/data.ipynb"], TestNotebook.Json("var dataPath = \"data.txt\";", "using System.IO;\nConsole.WriteLine(string.Join(\",\", File.ReadAllLines(dataPath)));"));
        var (code, _, err) = CliRun.Run("run", temp["nb/data.ipynb"], "-o", temp["nb/out/data.ipynb"]);
        Assert.True(code == 0, err);
        var manifest = temp["nb/out/data.manifest.json"];
        Assert.Equal(2, Manifest.Read(manifest).Inputs.Count);
        return manifest;
    }
}
