using Pipeline.Fetch;
using Pipeline.Reports;
using Pipeline.Synthetic;
using Pipeline.Tests.Browser;
using Pipeline.Tests.Reports;

namespace Pipeline.Tests.Faults;

/// <summary>
/// A run owns only what it wrote: the files its manifest lists. Re-runs replace exactly those, remove the
/// ones no longer produced, and leave everything else in the folder (a nested report, executed notebooks,
/// a user's notes, links) untouched; a killed commit is finished by the next run and flagged by verify.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Fault)]
public sealed class OwnedOutputTests
{
    /// <summary>Writes a small PNG-named file per chart, so stale-PNG handling is tested without a browser.</summary>
    private sealed class FakePngRenderer : IChartImageRenderer
    {
        public string? Unavailable => null;

        public Task RenderAsync(string htmlFile, IReadOnlyList<(string ElementId, string PngPath)> targets, CancellationToken ct)
        {
            foreach (var (id, png) in targets)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(png)!);
                File.WriteAllBytes(png, [.. PngFile.Signature.ToArray(), .. System.Text.Encoding.ASCII.GetBytes(id)]);
            }

            return Task.CompletedTask;
        }
    }

    private static string[] Report(string outDir, params string[] extra) =>
        ["report", "--events", ReportRun.DefaultEvents, "--articles", ReportRun.Articles, "--no-png", "--out", outDir, .. extra];

    [Notebooks.KernelFact]
    public void The_readme_sequence_then_report_again_keeps_every_earlier_output_and_user_file()
    {
        using var temp = new TempFolder();
        var outDir = temp["out"];

        // README: report; report on other data into out/real; a notebook run into out/; then a note of the user's.
        var first = CliRun.Run(Report(outDir));
        Assert.True(first.Code == 0, first.Err);
        var nested = CliRun.Run(Report(Path.Combine(outDir, "real"), "--from", "2019-01-01", "--to", "2020-06-30", "--bin", "month", "--window", "2"));
        Assert.True(nested.Code == 0, nested.Err);
        File.WriteAllText(temp["nb.ipynb"], TestNotebook.Json("int n = 2;", "Console.WriteLine(n * 21);"));
        var run = CliRun.Run("run", temp["nb.ipynb"], "-o", Path.Combine(outDir, "op-ed-report.ipynb"));
        Assert.True(run.Code == 0, run.Err);
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "my notes\n");
        Directory.CreateDirectory(Path.Combine(outDir, "tables"));
        File.WriteAllText(Path.Combine(outDir, "tables", "mine.csv"), "a,b\n");
        var reportFiles = Manifest.Read(Path.Combine(outDir, Manifest.FileName)).Outputs.Select(o => o.Path).Append(Manifest.FileName).ToHashSet();
        var others = Snapshot.Of(outDir).Where(kv => !reportFiles.Contains(kv.Key)).ToDictionary();

        var again = CliRun.Run(Report(outDir, "--seed", "99"));

        Assert.True(again.Code == 0, again.Err);
        var after = Snapshot.Of(outDir);
        Assert.All(others, kv => Assert.Equal(kv.Value, after.GetValueOrDefault(kv.Key)));
        Assert.Contains("real/manifest.json", others.Keys);
        Assert.Contains("op-ed-report.ipynb", others.Keys);
        Assert.Contains("op-ed-report.manifest.json", others.Keys);
        Assert.Contains("left alone (not written by this report): notes.txt, op-ed-report.html, op-ed-report.ipynb, op-ed-report.manifest.json, real/, tables/mine.csv", again.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(after.Keys, k => k.StartsWith('.'));

        // Each manifest still verifies its own files, and the nested report re-runs the same way.
        Assert.Equal(0, CliRun.Run("verify", Path.Combine(outDir, "real", Manifest.FileName)).Code);
        var verify = CliRun.Run("verify", Path.Combine(outDir, Manifest.FileName));
        Assert.True(verify.Code == 0, verify.Out + verify.Err);
    }

    [Fact]
    public async Task Outputs_no_longer_produced_are_removed_and_user_files_beside_them_are_kept()
    {
        using var temp = new TempFolder();
        var outDir = temp["out"];
        var (_, withPng) = await ReportRun.WriteAsync(ReportRun.Inputs(), outDir, new FakePngRenderer());
        Assert.Equal(8, withPng.Outputs.Count(o => o.Path.StartsWith("charts/", StringComparison.Ordinal)));
        File.WriteAllText(Path.Combine(outDir, "charts", "sketch.png"), "mine");

        var (_, noPng) = await ReportRun.WriteAsync(ReportRun.Inputs(), outDir);

        Assert.Equal(["charts/actors-synthetic.png", "charts/admin1-heatmap-synthetic.png", "charts/event-types-synthetic.png", "charts/fatalities-synthetic.png", "charts/forest-synthetic.png", "charts/map-synthetic.png", "charts/mention-windows-synthetic.png", "charts/timeline-synthetic.png"], noPng.Removed);
        Assert.Equal(["charts/sketch.png"], noPng.LeftAlone);
        Assert.Equal(["sketch.png"], Directory.EnumerateFiles(Path.Combine(outDir, "charts")).Select(Path.GetFileName));

        // Without the user's file the emptied charts/ folder goes too.
        await ReportRun.WriteAsync(ReportRun.Inputs(), outDir, new FakePngRenderer());
        File.Delete(Path.Combine(outDir, "charts", "sketch.png"));
        await ReportRun.WriteAsync(ReportRun.Inputs(), outDir);
        Assert.False(Directory.Exists(Path.Combine(outDir, "charts")));
    }

    [Fact]
    public void A_non_empty_folder_without_tool_output_is_refused_naming_what_is_there_and_nothing_is_touched()
    {
        using var temp = new TempFolder();
        var project = temp["project"];
        Directory.CreateDirectory(Path.Combine(project, "src"));
        File.WriteAllText(Path.Combine(project, "src", "keep.cs"), "// precious");
        File.WriteAllText(Path.Combine(project, "report.html"), "<p>mine</p>");
        var before = Snapshot.Of(project);

        var (code, _, err) = CliRun.Run(Report(project));

        Assert.Equal(1, code);
        Assert.Contains("is not empty and holds no earlier output of pipeline", err, StringComparison.Ordinal);
        Assert.Contains("report.html, src/", err, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot.Of(project));
        Assert.Equal(["report.html", "src"], Directory.EnumerateFileSystemEntries(project).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // A folder that did not exist and whose run failed is not left behind.
        var missingArticle = CliRun.Run(Report(temp["new"], "--article", "no-such-article"));
        Assert.Equal(1, missingArticle.Code);
        Assert.False(Directory.Exists(temp["new"]));
    }

    [Notebooks.KernelFact]
    public async Task A_file_of_another_run_is_never_replaced_even_in_a_folder_the_tool_owns_part_of()
    {
        using var temp = new TempFolder();
        var outDir = temp["out"];
        await ReportRun.WriteAsync(ReportRun.Inputs(), outDir);
        var html = File.ReadAllText(Path.Combine(outDir, ReportWriter.HtmlFile));
        File.WriteAllText(temp["nb.ipynb"], TestNotebook.Json("int n = 2;", "Console.WriteLine(n);"));

        // A notebook run asked to write its HTML over the report's page is refused; the page keeps its bytes.
        var run = CliRun.Run("run", temp["nb.ipynb"], "-o", Path.Combine(outDir, "nb.ipynb"), "--html", Path.Combine(outDir, ReportWriter.HtmlFile));

        Assert.Equal(1, run.Code);
        Assert.Contains("exists and was not written by an earlier run of this output", run.Err, StringComparison.Ordinal);
        Assert.Equal(html, File.ReadAllText(Path.Combine(outDir, ReportWriter.HtmlFile)));
        Assert.False(File.Exists(Path.Combine(outDir, "nb.ipynb")));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(outDir), e => Path.GetFileName(e).StartsWith('.'));
    }

    [Fact]
    public async Task Links_inside_the_folder_are_never_followed_out()
    {
        using var temp = new TempFolder();
        var outDir = temp["out"];
        var outside = temp["outside"];
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "precious.txt"), "outside");
        File.WriteAllText(Path.Combine(outside, "event_study.csv"), "not the tool's");
        await ReportRun.WriteAsync(ReportRun.Inputs(), outDir);

        // An owned file replaced by a link: the link is replaced, what it points to is untouched.
        File.Delete(Path.Combine(outDir, ReportWriter.HtmlFile));
        File.CreateSymbolicLink(Path.Combine(outDir, ReportWriter.HtmlFile), Path.Combine(outside, "precious.txt"));
        File.CreateSymbolicLink(Path.Combine(outDir, "link.txt"), Path.Combine(outside, "precious.txt"));
        var (_, result) = await ReportRun.WriteAsync(ReportRun.Inputs(), outDir);
        Assert.Null(new FileInfo(Path.Combine(outDir, ReportWriter.HtmlFile)).LinkTarget);
        Assert.Equal("outside", File.ReadAllText(Path.Combine(outside, "precious.txt")));
        Assert.Equal(["link.txt"], result.LeftAlone);

        // A folder the report writes into replaced by a link out of the folder: refused before anything moves.
        Directory.Delete(Path.Combine(outDir, "tables"), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(outDir, "tables"), outside);
        var before = Snapshot.Of(outside);
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => ReportRun.WriteAsync(ReportRun.Inputs(), outDir));
        Assert.Contains("is a symbolic link", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot.Of(outside));
        Assert.Equal(2, Directory.EnumerateFiles(outside).Count());
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(outDir), e => Path.GetFileName(e).StartsWith('.'));
    }

    [Fact]
    public async Task A_commit_killed_at_any_step_is_flagged_by_verify_and_finished_by_the_next_run()
    {
        using var temp = new TempFolder();
        var reference = temp["reference"];
        var (_, expected) = await ReportRun.WriteAsync(ReportRun.Inputs(), reference);
        var expectedFiles = Snapshot.Of(reference);
        var steps = 7 + expected.Outputs.Count + 1; // 7 stale PNGs removed, the outputs and the manifest moved

        for (var stop = 0; stop < steps; stop++)
        {
            var outDir = temp[$"out{stop}"];
            await ReportRun.WriteAsync(ReportRun.Inputs(), outDir, new FakePngRenderer());
            File.WriteAllText(Path.Combine(outDir, "notes.txt"), "mine");

            // A run staged the new report (no PNGs) and was killed after `stop` steps of its commit.
            using (var owned = OwnedOutputs.Begin(outDir, Manifest.FileName))
            {
                foreach (var (path, _) in expectedFiles)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(owned.Staging, path))!);
                    File.Copy(Path.Combine(reference, path), Path.Combine(owned.Staging, path));
                }

                Assert.Null(owned.Commit(stopAfter: stop));
            }

            Assert.True(OwnedOutputs.HasInterruptedCommit(outDir, Manifest.FileName));
            if (stop % 6 == 0)
            {
                // verify re-runs the whole report, so it is asked at a few of the steps.
                var verify = CliRun.Run("verify", Path.Combine(outDir, Manifest.FileName));
                Assert.Equal(3, verify.Code);
                Assert.Contains("a commit into this folder was interrupted", verify.Out, StringComparison.Ordinal);
            }

            await ReportRun.WriteAsync(ReportRun.Inputs(), outDir);

            var after = Snapshot.Of(outDir);
            Assert.Equal("mine", File.ReadAllText(Path.Combine(outDir, "notes.txt")));
            after.Remove("notes.txt");
            Assert.Equal(expectedFiles.Keys, after.Keys);
            Assert.All(expected.Outputs, o => Assert.Equal(expectedFiles[o.Path], after[o.Path]));
            Assert.False(OwnedOutputs.HasInterruptedCommit(outDir, Manifest.FileName));
        }
    }

    [Fact]
    public async Task A_folder_written_by_the_first_manifest_format_is_still_owned_and_replaced()
    {
        using var temp = new TempFolder();
        var outDir = temp["out"];
        await ReportRun.WriteAsync(ReportRun.Inputs(), outDir, new FakePngRenderer());
        var manifestPath = Path.Combine(outDir, Manifest.FileName);
        var v1 = string.Join('\n', File.ReadAllLines(manifestPath).Where(l => !l.Contains("\"schema_version\"", StringComparison.Ordinal))) + "\n";
        File.WriteAllText(manifestPath, v1);
        Assert.Contains("older version of pipeline (manifest schema_version 1", Assert.Throws<ManifestFormatException>(() => Manifest.Read(manifestPath)).Message, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "mine");

        var (_, result) = await ReportRun.WriteAsync(ReportRun.Inputs(), outDir);

        Assert.Equal(8, result.Removed.Count); // the eight PNGs
        Assert.Equal(["notes.txt"], result.LeftAlone);
        Assert.Equal(Manifest.CurrentSchemaVersion, Manifest.Read(manifestPath).SchemaVersion);

        // A manifest from a newer format is refused, not guessed at.
        File.WriteAllText(manifestPath, File.ReadAllText(manifestPath).Replace($"\"schema_version\": {Manifest.CurrentSchemaVersion}", "\"schema_version\": 9", StringComparison.Ordinal));
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => ReportRun.WriteAsync(ReportRun.Inputs(), outDir));
        Assert.Contains("schema_version 9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Synth_never_replaces_a_file_it_did_not_write()
    {
        using var temp = new TempFolder();
        var mine = temp["events.csv"];
        File.WriteAllText(mine, "event_id_cnty,event_date\nLBY1,2020-01-01\n");

        var (code, _, err) = CliRun.Run("synth", "--out", mine);

        Assert.Equal(1, code);
        Assert.Contains("is not a synthetic dataset written by this generator", err, StringComparison.Ordinal);
        Assert.Equal("event_id_cnty,event_date\nLBY1,2020-01-01\n", File.ReadAllText(mine));

        // Its own output is replaced as before.
        var synth = temp["synth.csv"];
        Assert.Equal(0, CliRun.Run("synth", "--out", synth).Code);
        Assert.Equal(0, CliRun.Run("synth", "--out", synth, "--seed", "3").Code);
        Assert.StartsWith("event_id_cnty,", File.ReadAllText(synth), StringComparison.Ordinal);
    }

    [Fact]
    public void Fetch_never_replaces_an_events_file_without_its_provenance()
    {
        using var temp = new TempFolder();
        var csv = temp["acled_libya.csv"];
        File.WriteAllText(csv, "mine\n");

        var ex = Assert.Throws<FetchException>(() => FetchProvenance.EnsureOwned(csv));

        Assert.Contains("was not written by pipeline fetch", ex.Message, StringComparison.Ordinal);
        Assert.Equal("mine\n", File.ReadAllText(csv));
        FetchProvenance.EnsureOwned(temp["absent.csv"]);
    }
}
