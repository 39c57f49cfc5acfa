using Pipeline.Notebooks;
using Pipeline.Reports;
using Pipeline.Tests.Reports;

namespace Pipeline.Tests.Fuzzing;

/// <summary>
/// Seeded fuzzing of the remaining readers: report manifests (what <c>pipeline verify</c> reads first) and
/// notebooks (.ipynb JSON and .dib text, what <c>pipeline run</c> reads first). A damaged file must give a
/// result or one clear error naming the file, never an unhandled exception.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Property)]
public sealed class ManifestAndNotebookFuzzTests
{
    private const int ManifestCases = 2000;
    private const int NotebookCases = 2000;
    private const int DefaultSeed = 20260303;

    private static byte[] Damage(byte[] bytes, Random random, List<string> what)
    {
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var m = Mutation.All[random.Next(Mutation.All.Count)];
            bytes = m.Apply(bytes, random);
            what.Add(m.Name);
        }

        return bytes;
    }

    [Fact]
    public async Task Damaged_manifests_verify_or_fail_with_one_clear_error()
    {
        using var tmp = new TempFolder();
        await ReportRun.WriteAsync(ReportRun.Inputs(), tmp["report"]);
        // A committed manifest (of the default report, with a fixed commit and time), not the one just
        // written: that one records this commit and machine, and the table must not change with them.
        var manifest = File.ReadAllBytes(TestPaths.Fixture("fuzz", "manifest-base.json"));
        var first = FuzzFiles.FirstSeed(DefaultSeed);
        var cases = FuzzFiles.Cases(ManifestCases);
        var (results, errors, failures) = (0, 0, new List<string>());
        var path = Path.Combine(tmp["report"], Manifest.FileName);
        for (var seed = first; seed < first + cases; seed++)
        {
            var what = new List<string>();
            var bytes = Damage(manifest, new Random(seed), what);
            File.WriteAllBytes(path, bytes);
            var name = $"manifest.seed{seed}.{string.Join('+', what)}";
            try
            {
                // The re-run is not what is fuzzed here: a stub stands in for it.
                Verification.Verify(path, _ => (1, "not re-run in this test"), tmp[$"work-{seed}"]);
                results++;
            }
            catch (ManifestFormatException ex) when (ex.Message.StartsWith(path, StringComparison.Ordinal))
            {
                errors++;
            }
            catch (Exception ex)
            {
                failures.Add($"seed {seed} ({name}): {ex.GetType().Name}: {ex.Message} at {EventReaderCheck.FirstFrame(ex)}");
                FuzzFiles.Keep(name, bytes, ".json");
            }
        }

        Reliability.Record(
            ReliabilityArea.Fuzzing,
            "Manifest reader (pipeline verify): damaged manifest.json",
            $"a report manifest (committed fixture) × {Mutation.All.Count} operators, 1–3 per case",
            $"{cases} files (seeds {first}–{first + cases - 1})",
            $"{failures.Count} unhandled exceptions or errors not naming the file ({results} read and checked, {errors} clear errors)");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} failed:\n" + string.Join('\n', failures.Take(15)));
    }

    [Fact]
    public void Damaged_notebooks_parse_or_fail_with_one_clear_error()
    {
        var folder = TestPaths.Project.Root;
        (string Name, byte[] Bytes)[] bases =
        [
            ("op-ed-report.ipynb", File.ReadAllBytes(Path.Combine(folder, "notebooks", "op-ed-report.ipynb"))),
            ("op-ed-report.dib", File.ReadAllBytes(Path.Combine(folder, "notebooks", "op-ed-report.dib"))),
            ("parameters.ipynb", File.ReadAllBytes(TestPaths.Fixture("notebooks", "parameters.ipynb"))),
        ];
        using var tmp = new TempFolder();
        var first = FuzzFiles.FirstSeed(DefaultSeed);
        var cases = FuzzFiles.Cases(NotebookCases);
        var (parsed, errors, failures) = (0, 0, new List<string>());
        for (var seed = first; seed < first + cases; seed++)
        {
            var random = new Random(seed);
            var (baseName, original) = bases[random.Next(bases.Length)];
            var what = new List<string>();
            var bytes = Damage(original, random, what);
            var name = $"{Path.GetFileNameWithoutExtension(baseName)}.seed{seed}.{string.Join('+', what)}";
            var path = tmp[$"case-{seed}{Path.GetExtension(baseName)}"];
            File.WriteAllBytes(path, bytes);
            try
            {
                NotebookFile.Read(path);
                parsed++;
            }
            catch (NotebookFormatException ex) when (ex.Path == path)
            {
                errors++;
            }
            catch (Exception ex)
            {
                failures.Add($"seed {seed} ({name}): {ex.GetType().Name}: {ex.Message} at {EventReaderCheck.FirstFrame(ex)}");
                FuzzFiles.Keep(name, bytes, Path.GetExtension(baseName));
            }

            File.Delete(path);
        }

        Reliability.Record(
            ReliabilityArea.Fuzzing,
            "Notebook readers (pipeline run): damaged .ipynb and .dib",
            $"2 shipped notebooks and a fixture × {Mutation.All.Count} operators, 1–3 per case",
            $"{cases} files (seeds {first}–{first + cases - 1})",
            $"{failures.Count} unhandled exceptions or errors not naming the file ({parsed} still parsed, {errors} clear errors)");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} failed:\n" + string.Join('\n', failures.Take(15)));
    }
}
