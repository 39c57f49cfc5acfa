using Pipeline.Events;
using Pipeline.Intensity;
using Pipeline.Reports;

namespace Pipeline.Tests.Reports;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class ReportReplayTests
{
    private static ReportInputs Unusual() => ReportRun.Inputs() with
    {
        Filter = new EventFilter { Country = "Libya", From = new DateOnly(2014, 1, 1), To = new DateOnly(2019, 12, 31), EventTypes = [HarmonisedEventType.Battles], Actor = "Wagner" },
        Intensity = new IntensityOptions { Bin = BinUnit.AcledWeek, Imprecise = ImprecisePolicy.Spread },
        Study = EventStudyOptions.Default with { Window = 6, Seed = 7, MinimumPlacebos = 41, MinimumDisjointPlacebos = 17 },
        Actors = ["Wagner"],
    };

    [Fact]
    public void Recorded_inputs_are_data_that_replay_as_the_same_inputs_through_the_manifest_json()
    {
        using var tmp = new TempFolder();
        var inputs = Unusual();
        var manifest = new Manifest
        {
            Tool = new ManifestTool("pipeline", "1.0.0", null),
            Packages = new Dictionary<string, string>(),
            Parameters = new Dictionary<string, string>(),
            Report = ManifestReport.Of(inputs, tmp["out"]),
            Inputs = [],
            Outputs = [],
            Nondeterministic = new ManifestNondeterministic(ManifestNondeterministic.DefaultNote, null),
        };
        Directory.CreateDirectory(tmp["out"]);
        File.WriteAllText(tmp["out/manifest.json"], manifest.ToJson());

        var back = ReportReplay.Inputs(Manifest.Read(tmp["out/manifest.json"]), tmp["out"]);
        Assert.Equal(inputs.EventFiles, back.EventFiles);
        Assert.Equal(inputs.ArticlesFolder, back.ArticlesFolder);
        Assert.Equal(inputs.ArticleId, back.ArticleId);
        Assert.Equal(Path.GetFullPath(Environment.CurrentDirectory), back.Folder);
        Assert.Equal(inputs.Filter.Country, back.Filter.Country);
        Assert.Equal(inputs.Filter.From, back.Filter.From);
        Assert.Equal(inputs.Filter.To, back.Filter.To);
        Assert.Equal(inputs.Filter.EventTypes, back.Filter.EventTypes);
        Assert.Equal(inputs.Filter.Actor, back.Filter.Actor);
        Assert.Equal(inputs.Intensity, back.Intensity);
        Assert.Equal(inputs.Study, back.Study);
        Assert.Equal(inputs.Actors, back.Actors);
    }

    [Fact]
    public async Task Library_replay_verifies_a_report_without_the_command_line()
    {
        using var tmp = new TempFolder();
        var report = await ReportRun.WrittenDefaultAsync();
        var result = Verification.Verify(report["manifest.json"], ReportReplay.Rerun, tmp["work"]);
        Assert.True(result.Success);
        Assert.Equal(13, result.Matched); // report.html and twelve tables
    }

    [Fact]
    public async Task A_report_folder_moved_together_with_its_inputs_still_verifies_from_another_current_folder()
    {
        using var tmp = new TempFolder();
        Directory.CreateDirectory(tmp["a/data/articles"]);
        File.Copy(ReportRun.DefaultEvents, tmp["a/data/events.csv"]);
        foreach (var f in Directory.EnumerateFiles(ReportRun.Articles, "*.json"))
        {
            File.Copy(f, Path.Combine(tmp["a/data/articles"], Path.GetFileName(f)));
        }

        var inputs = ReportRun.Inputs() with { EventFiles = ["data/events.csv"], ArticlesFolder = "data/articles", Folder = tmp["a"] };
        await ReportRun.WriteAsync(inputs, tmp["a/out"]);
        var manifest = File.ReadAllText(tmp["a/out/manifest.json"]);
        Assert.DoesNotContain(tmp.Path.Replace('\\', '/'), manifest.Replace("\\\\", "/"), StringComparison.Ordinal); // nothing absolute
        Assert.Contains("\"path\": \"../data/events.csv\"", manifest, StringComparison.Ordinal);

        Directory.Move(tmp["a"], tmp["b"]);
        var result = Verification.Verify(tmp["b/out/manifest.json"], ReportReplay.Rerun, tmp["work"]);
        Assert.True(result.Success, string.Join("\n", result.Rows.Select(r => $"{r.Check} {r.Path} {r.Detail}")) + result.RerunMessage);
        Assert.Equal(13, result.Matched);
    }

    [Fact]
    public void A_manifest_written_by_an_older_version_is_refused_naming_the_file_and_the_command_that_regenerates_it()
    {
        using var tmp = new TempFolder();
        Directory.CreateDirectory(tmp["old"]);
        File.WriteAllText(tmp["old/manifest.json"], """
            {
              "schema_version": 2,
              "tool": { "name": "pipeline", "version": "1.0.0", "git_commit": null },
              "command": [ "report", "--events", "data/events/x.csv", "--no-png", "--out", "{out}" ],
              "packages": {}, "parameters": {}, "inputs": [], "outputs": [],
              "nondeterministic": { "note": "", "generated_at_utc": null }
            }
            """);
        var ex = Assert.Throws<ManifestFormatException>(() => Verification.Verify(tmp["old/manifest.json"], ReportReplay.Rerun, tmp["work"]));
        Assert.StartsWith(tmp["old/manifest.json"] + ": was written by an older version of pipeline (manifest schema_version 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"(pipeline report --events data/events/x.csv --no-png --out {tmp["old"]})", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("damaged", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recorded_value_no_version_writes_is_refused_naming_the_parameter()
    {
        var data = ManifestReport.Of(ReportRun.Inputs(), ".") with { Imprecise = "smear" };
        var ex = Assert.Throws<ParameterException>(() => data.ToInputs("."));
        Assert.Equal("IntensityOptions.Imprecise", ex.ParamName);
        Assert.Equal("unknown IntensityOptions.Imprecise 'smear'; use band or spread", ex.Message);
    }
}
