using Pipeline.Intensity;
using Pipeline.Reports;

namespace Pipeline.Tests.Reports;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class ReportReplayTests
{
    [Fact]
    public void Recorded_command_parses_back_into_the_same_inputs()
    {
        var inputs = ReportRun.Inputs() with
        {
            Filter = new EventFilter { Country = "Libya", From = new DateOnly(2014, 1, 1), To = new DateOnly(2019, 12, 31) },
            Intensity = new IntensityOptions { Bin = BinUnit.AcledWeek, Imprecise = ImprecisePolicy.Spread },
            Study = EventStudyOptions.Default with { Window = 6, Seed = 7 },
        };
        var analysis = ReportAnalysis.Run(inputs);
        var (back, outDir) = ReportReplay.Parse(ReportWriter.Command(analysis));
        Assert.Equal(Manifest.OutPlaceholder, outDir);
        Assert.Equal(inputs.EventFiles.Select(f => f.Replace('\\', '/')), back.EventFiles);
        Assert.Equal(inputs.Filter.Country, back.Filter.Country);
        Assert.Equal(inputs.Filter.From, back.Filter.From);
        Assert.Equal(inputs.Filter.To, back.Filter.To);
        Assert.Equal(inputs.Intensity, back.Intensity);
        Assert.Equal(inputs.Study, back.Study);
        Assert.Equal(inputs.ArticleId, back.ArticleId);
    }

    [Fact]
    public async Task Library_replay_verifies_a_report_without_the_command_line()
    {
        using var tmp = new TempFolder();
        await ReportRun.WriteAsync(ReportRun.Inputs(), tmp["out"]);
        var result = Verification.Verify(tmp["out/manifest.json"], ReportReplay.Rerun, tmp["work"]);
        Assert.True(result.Success);
        Assert.Equal(13, result.Matched); // report.html and twelve tables
    }

    [Fact]
    public void Unknown_option_in_a_recorded_command_is_refused() =>
        Assert.Contains("--colour", Assert.Throws<ArgumentException>(() => ReportReplay.Parse(["report", "--colour", "red"])).Message);
}
