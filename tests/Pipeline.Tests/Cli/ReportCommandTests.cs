using Pipeline.Cli;
using Pipeline.Tests.Reports;

namespace Pipeline.Tests.Cli;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class ReportCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => Support.CliRun.Run(args);

    private static string[] Base(TempFolder tmp) =>
        ["report", "--events", ReportRun.DefaultEvents, "--articles", ReportRun.Articles, "--out", tmp["out"], "--no-png"];

    [Fact]
    public void Report_writes_the_folder_and_says_what_it_wrote_without_progress_noise()
    {
        using var tmp = new TempFolder();
        var (code, output, error) = Run(Base(tmp));
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.StartsWith("*** SYNTHETIC DATA", output);
        Assert.Contains("report.html", output);
        Assert.True(File.Exists(tmp["out/report.html"]));
        Assert.DoesNotContain("\u001b[", output); // no ANSI escapes when not on a terminal
    }

    [Theory]
    [InlineData("unknown article 'nope'", "--article", "nope")]
    [InlineData("unknown country 'Mars'", "--country", "Mars")]
    [InlineData("--from '2019-13-01' is not a date", "--from", "2019-13-01")]
    [InlineData("empty date range", "--from", "2019-05-01", "--to", "2019-04-01")]
    [InlineData("needs at least 2001 bins", "--window", "1000")]
    public void Bad_input_exits_1_with_one_line_and_writes_nothing(string message, params string[] extra)
    {
        using var tmp = new TempFolder();
        var (code, output, error) = Run([.. Base(tmp), .. extra]);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains(message, error);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(tmp["out"]));
    }

    [Fact]
    public void Unknown_bin_is_a_usage_error()
    {
        using var tmp = new TempFolder();
        var (code, output, error) = Run([.. Base(tmp), "--bin", "fortnight"]);
        Assert.Equal(CliApp.UsageError, code);
        Assert.Equal("", output);
        Assert.Equal("error: pipeline report: Argument 'fortnight' not recognized. Must be one of: 'day' 'week' 'acled-week' 'month'. Run 'pipeline report --help'.", error.Trim());
    }

    [Fact]
    public void Out_that_is_a_file_exits_1()
    {
        using var tmp = new TempFolder();
        File.WriteAllText(tmp["out"], "x");
        var (code, _, error) = Run(Base(tmp));
        Assert.Equal(1, code);
        Assert.Contains("is a file", error);
    }

    [Fact]
    public void Unwritable_output_folder_exits_1_naming_the_problem()
    {
        var (code, _, error) = Run("report", "--events", ReportRun.DefaultEvents, "--articles", ReportRun.Articles, "--out", "/proc/pipeline-cannot-write/out", "--no-png");
        Assert.Equal(1, code);
        Assert.StartsWith("error: ", error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }
}
