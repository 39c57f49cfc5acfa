using Pipeline.Cli;
using Pipeline.Tests.Reports;

namespace Pipeline.Tests.Cli;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class VerifyCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => Support.CliRun.Run(args);

    /// <summary>A report written once through the command line over copies of the inputs (given as absolute paths), in a
    /// folder as deep as each test's own, so the copy's manifest finds the current folder it records where the original's does.</summary>
    private static readonly Lazy<string> Written = new(() =>
    {
        var folder = Support.Folders.CreateForTheRun("pipeline-test-verify-");
        File.Copy(ReportRun.DefaultEvents, Path.Combine(folder, "events.synthetic.csv"));
        Directory.CreateDirectory(Path.Combine(folder, "articles"));
        foreach (var f in Directory.EnumerateFiles(ReportRun.Articles, "*.json"))
        {
            File.Copy(f, Path.Combine(folder, "articles", Path.GetFileName(f)));
        }

        var (code, _, error) = Run("report", "--events", Path.Combine(folder, "events.synthetic.csv"), "--articles", Path.Combine(folder, "articles"), "--out", Path.Combine(folder, "out"), "--no-png");
        Assert.True(code == 0, error);
        return folder;
    });

    /// <summary>That report and its inputs copied into <paramref name="tmp"/>, so the test may alter them. The copy's
    /// manifest lists the inputs relative to itself, so verify checks the copy's inputs and outputs; the re-run reads the
    /// arguments the command line recorded relative to the current folder, which lead to the original's inputs (no test
    /// changes those).</summary>
    private static string WriteReport(TempFolder tmp)
    {
        Support.Folders.Copy(Written.Value, tmp.Path);
        return tmp["out/manifest.json"];
    }

    [Fact]
    public void Verify_passes_on_a_fresh_run()
    {
        using var tmp = new TempFolder();
        var (code, output, error) = Run("verify", WriteReport(tmp));
        Assert.True(code == 0, $"exit {code}: {output}{error}");
        Assert.Contains("all 13 outputs match", output);
    }

    [Fact]
    public void One_changed_byte_in_an_output_exits_3_naming_the_file()
    {
        using var tmp = new TempFolder();
        var manifest = WriteReport(tmp);
        var csv = tmp["out/tables/event_study.csv"];
        var bytes = File.ReadAllBytes(csv);
        bytes[^2] ^= 1;
        File.WriteAllBytes(csv, bytes);
        var (code, output, error) = Run("verify", manifest);
        Assert.True(code == 3, $"exit {code}: {output}{error}");
        Assert.Contains("MISMATCH        output tables/event_study.csv  the file beside the manifest was changed", output);
        Assert.Contains("12 of 13 outputs match", output);
    }

    [Fact]
    public void A_deleted_output_beside_the_manifest_exits_3_naming_it()
    {
        using var tmp = new TempFolder();
        var manifest = WriteReport(tmp);
        File.Delete(tmp["out/tables/claim_checks.csv"]);
        var (code, output, error) = Run("verify", manifest);
        Assert.True(code == 3, $"exit {code}: {output}{error}");
        Assert.Contains("tables/claim_checks.csv  listed in the manifest but no longer beside it", output);
    }

    [Fact]
    public void One_changed_byte_in_an_input_exits_3_naming_the_input()
    {
        using var tmp = new TempFolder();
        var manifest = WriteReport(tmp);
        var events = tmp["events.synthetic.csv"];
        var bytes = File.ReadAllBytes(events);
        var at = Array.LastIndexOf(bytes, (byte)'2');
        bytes[at] = (byte)'3';
        File.WriteAllBytes(events, bytes);
        var (code, output, error) = Run("verify", manifest);
        Assert.True(code == 3, $"exit {code}: {output}{error}");
        Assert.Contains("MISMATCH        input  ../events.synthetic.csv", output); // inputs are recorded relative to the manifest's folder
    }

    [Fact]
    public void A_missing_input_means_verify_cannot_run_exit_1_naming_the_file_and_the_folder_paths_are_relative_to()
    {
        using var tmp = new TempFolder();
        var manifest = WriteReport(tmp);
        File.Delete(tmp["events.synthetic.csv"]);
        var (code, output, error) = Run("verify", manifest);
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("MISSING INPUT   input  ../events.synthetic.csv", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"its input ../events.synthetic.csv not found at {tmp["events.synthetic.csv"]}", line);
        Assert.Contains($"relative to its own folder ({tmp["out"]})", line);
        Assert.Contains("Nothing was re-run", line);
        Assert.DoesNotContain("outputs match", output);
    }

    [Fact]
    public void An_input_the_rerun_cannot_read_is_cannot_run_but_a_changed_one_is_not_reproduced()
    {
        using var tmp = new TempFolder();
        var manifest = WriteReport(tmp);

        // The catalog folder holds the article the report names; an edited manifest naming another one cannot re-run.
        var text = File.ReadAllText(manifest).Replace("\"article_id\": \"daily-sabah-2020-01-03-libya\"", "\"article_id\": \"no-such-article\"", StringComparison.Ordinal);
        var edited = tmp["out/manifest.json"];
        File.WriteAllText(edited, text);
        var (code, _, error) = Run("verify", edited);
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("cannot verify", error);
        Assert.Contains("unknown article 'no-such-article'", error);
    }

    [Fact]
    public void The_manifest_records_no_absolute_path_even_for_absolute_arguments()
    {
        using var tmp = new TempFolder();
        var manifest = WriteReport(tmp); // --events, --articles and --out given as absolute paths
        var strings = new List<string>();
        Walk(System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))!);
        Assert.Contains(strings, s => s.EndsWith("events.synthetic.csv", StringComparison.Ordinal));
        foreach (var s in strings)
        {
            Assert.False(Path.IsPathRooted(s), $"absolute path in the manifest: {s}");
            Assert.DoesNotContain(" /", s, StringComparison.Ordinal); // nor inside the command line
        }

        // The report still re-runs from those relative paths.
        var verified = Run("verify", manifest);
        Assert.True(verified.Code == 0, $"exit {verified.Code}: {verified.Out}{verified.Err}");

        void Walk(System.Text.Json.Nodes.JsonNode node)
        {
            switch (node)
            {
                case System.Text.Json.Nodes.JsonObject o:
                    foreach (var (_, v) in o)
                    {
                        if (v is not null)
                        {
                            Walk(v);
                        }
                    }

                    break;
                case System.Text.Json.Nodes.JsonArray a:
                    foreach (var v in a)
                    {
                        if (v is not null)
                        {
                            Walk(v);
                        }
                    }

                    break;
                case System.Text.Json.Nodes.JsonValue v when v.TryGetValue<string>(out var text):
                    strings.Add(text);
                    break;
            }
        }
    }

    [Fact]
    public void A_missing_manifest_is_an_input_error()
    {
        var (code, _, error) = Run("verify", "no/such/manifest.json");
        Assert.Equal(1, code);
        Assert.Contains("manifest not found", error);
    }
}
