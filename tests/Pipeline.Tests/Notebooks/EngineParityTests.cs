using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Tests.Support;
using Xunit.Abstractions;

namespace Pipeline.Tests.Notebooks;

/// <summary>
/// <c>pipeline run</c> against the real .NET Interactive kernel (Jupyter's nbclient), cell for cell, on every shipped
/// notebook: the executed notebook <c>pipeline run</c> writes (injected parameters included) is executed again by
/// nbclient, so both engines run the same cells, and their <c>stream</c> text, <c>text/plain</c> values and HTML
/// tables must be equal once element ids and line ends are normalised.
/// </summary>
/// <remarks>
/// Both run the same kernel (pipeline run starts it as a child process), so every cell, the <c>kernel-only</c> one
/// included, is executed by both and compared whole. Left out, and named here: the kernel's "Loading extensions from …"
/// lines under <c>#r</c> (kernel chatter with machine paths), and element ids (GUIDs and time-stamped table ids in
/// nbclient's copy, counters in pipeline run's, which makes its output deterministic).
/// </remarks>
[Collection(NotebookCollection.Name)]
[Trait(TestCategory.Trait, TestCategory.Kernel)]
[Trait(TestCategory.Trait, TestCategory.Process)]
public sealed partial class EngineParityTests(ITestOutputHelper log)
{
    private const string KernelRunner = KernelFactAttribute.NbclientExecute + """
        print('seconds %.1f' % (time.time() - started))
        """;

    [KernelFact]
    public async Task Every_shipped_notebook_gives_the_same_stream_text_and_table_outputs_in_pipeline_run_and_the_kernel()
    {
        var folder = Path.Combine(TestPaths.RepoRoot, "notebooks");
        var timings = new List<string>();
        foreach (var name in new[] { "explore", "op-ed-report", "reproduce" })
        {
            using var tmp = new TempFolder();
            var written = Path.Combine(tmp.Path, "written");
            string[] parameters = name switch
            {
                "op-ed-report" => ["-p", $"outDir={written}"],
                "reproduce" => ["-p", $"manifestPath={Path.Combine(written, "manifest.json")}"],
                _ => [],
            };

            var clock = Stopwatch.StartNew();
            var (code, _, stderr) = CliRun.Run(["run", Path.Combine(folder, name + ".ipynb"), .. parameters, "-o", tmp["run.ipynb"]]);
            Assert.True(code == 0, $"{name}: pipeline run exit {code}: {stderr}");
            var runSeconds = clock.Elapsed.TotalSeconds;

            // The kernel starts from the same state: what the run wrote is gone.
            if (Directory.Exists(written))
            {
                Directory.Delete(written, recursive: true);
            }

            var script = tmp["kernel.py"];
            await File.WriteAllTextAsync(script, KernelRunner);
            clock.Restart();
            var (kernelCode, output) = await ProcessRun.RunAsync(KernelFactAttribute.Python, [script, tmp["run.ipynb"], tmp["kernel.ipynb"], folder]);
            Assert.True(kernelCode == 0, $"{name}: nbclient failed\n{output}");
            var kernelSeconds = clock.Elapsed.TotalSeconds;

            var run = Cells(tmp["run.ipynb"]);
            var kernel = Cells(tmp["kernel.ipynb"]);
            Assert.Equal(run.Count, kernel.Count);
            Assert.Equal(run.Select(c => c.Source), kernel.Select(c => c.Source));
            Assert.Equal(1, run.Count(c => c.KernelOnly));
            for (var i = 0; i < run.Count; i++)
            {
                var (r, k) = (run[i], kernel[i]);
                var where = $"{name}, code cell {i + 1}:\n{r.Source}";
                Assert.True(k.Executed, $"kernel did not execute {where}");
                Assert.True(k.Errors.Count == 0, $"kernel error in {where}\n{string.Join("\n", k.Errors)}");
                Assert.True(r.Executed, $"pipeline run did not execute {where}");
                Assert.True(r.Errors.Count == 0, $"pipeline run error in {where}\n{string.Join("\n", r.Errors)}");
                Assert.True(k.Stdout == r.Stdout, $"stdout differs in {where}\nrun:    {r.Stdout}\nkernel: {k.Stdout}");
                Assert.True(k.Stderr == r.Stderr, $"stderr differs in {where}\nrun:    {r.Stderr}\nkernel: {k.Stderr}");
                var kernelPlain = k.Plain.Where(p => !p.StartsWith("Loading extensions from `", StringComparison.Ordinal)).ToList();
                var runPlain = r.Plain.Where(p => !p.StartsWith("Loading extensions from `", StringComparison.Ordinal)).ToList();
                Assert.True(kernelPlain.SequenceEqual(runPlain), $"text/plain differs in {where}\nrun:    {string.Join(" | ", runPlain)}\nkernel: {string.Join(" | ", kernelPlain)}");
                Assert.True(k.Tables.Count == r.Tables.Count, $"{r.Tables.Count} tables from pipeline run, {k.Tables.Count} from the kernel in {where}");
                for (var t = 0; t < r.Tables.Count; t++)
                {
                    Assert.True(k.Tables[t] == r.Tables[t], $"table {t + 1} differs in {where}\nrun:    {r.Tables[t]}\nkernel: {k.Tables[t]}");
                }
            }

            var compared = run;
            timings.Add($"{name}: pipeline run {runSeconds:0.0} s, kernel {kernelSeconds:0.0} s; compared {compared.Count} cells: " +
                        $"{compared.Count(c => c.Stdout.Length + c.Stderr.Length > 0)} with stream text, {compared.Sum(c => c.Plain.Count)} text/plain, {compared.Sum(c => c.Tables.Count)} tables");
        }

        log.WriteLine(string.Join("\n", timings));
    }

    private sealed record Cell(string Source, bool KernelOnly, bool Executed, string Stdout, string Stderr, List<string> Plain, List<string> Tables, List<string> Errors);

    private static List<Cell> Cells(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var cells = new List<Cell>();
        foreach (var c in doc.RootElement.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code"))
        {
            var tags = c.GetProperty("metadata").TryGetProperty("tags", out var t) ? t.EnumerateArray().Select(x => x.GetString()).ToList() : [];
            var cell = new Cell(Text(c.GetProperty("source")), tags.Contains("kernel-only"), c.GetProperty("execution_count").ValueKind == JsonValueKind.Number, "", "", [], [], []);
            var stdout = "";
            var stderr = "";
            foreach (var o in c.GetProperty("outputs").EnumerateArray())
            {
                switch (o.GetProperty("output_type").GetString())
                {
                    case "stream" when o.GetProperty("name").GetString() == "stderr":
                        stderr += Text(o.GetProperty("text"));
                        break;
                    case "stream":
                        stdout += Text(o.GetProperty("text"));
                        break;
                    case "error":
                        cell.Errors.Add($"{o.GetProperty("ename").GetString()}: {o.GetProperty("evalue").GetString()}");
                        break;
                    default:
                        var data = o.GetProperty("data");
                        if (data.TryGetProperty("text/plain", out var plain))
                        {
                            cell.Plain.Add(Text(plain));
                        }

                        if (data.TryGetProperty("text/html", out var html) && Text(html) is var h && h.Contains("<table", StringComparison.Ordinal))
                        {
                            cell.Tables.Add(WithoutIds(h));
                        }

                        break;
                }
            }

            cells.Add(cell with { Stdout = stdout, Stderr = stderr });
        }

        return cells;
    }

    private static string Text(JsonElement e) =>
        (e.ValueKind == JsonValueKind.Array ? string.Concat(e.EnumerateArray().Select(x => x.GetString())) : e.GetString() ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Element ids (GUIDs, the runner's <c>dni-N-K</c>, the kernel's <c>table_TICKS</c>) differ by design.</summary>
    private static string WithoutIds(string html) => Ids().Replace(html, "ID");

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32}|table_k?[0-9]+|\bk[0-9]+\b")]
    private static partial Regex Ids();
}
