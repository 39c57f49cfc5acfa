using System.Text.Json;
using Pipeline.Cli;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Cli;

public class InspectCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => Support.CliRun.Run(args);

    [Fact]
    public void Inspect_prints_counts_rejections_with_lines_span_and_types()
    {
        var (code, output, _) = Run("inspect", TestPaths.Events("acled-bad-rows-one-per-reason.csv"));
        Assert.Equal(0, code);
        Assert.Contains("rows:       11 read, 1 loaded, 10 rejected", output);
        Assert.Contains("event_date: day 31 does not exist in February 2019 (lines 3)", output);
        Assert.Contains("dates:      2019-02-01 .. 2019-02-01", output);
        Assert.Contains("Battles ← Battles", output);
        Assert.DoesNotContain("SYNTHETIC", output);
    }

    [Fact]
    public void Inspect_json_is_valid_and_carries_the_counts()
    {
        var (code, output, _) = Run("inspect", TestPaths.Events("acled-time-precision-mix.csv"), "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(3, doc.RootElement.GetProperty("rows_read").GetInt64());
        Assert.Equal(3, doc.RootElement.GetProperty("precision").GetArrayLength());
        Assert.False(doc.RootElement.GetProperty("is_synthetic").GetBoolean());
    }

    [Fact]
    public void Strict_inspect_exits_1_with_the_located_message_and_no_stack_trace()
    {
        var (code, output, error) = Run("inspect", TestPaths.Events("acled-bad-rows-one-per-reason.csv"), "--strict");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("acled-bad-rows-one-per-reason.csv:3: column 'event_date' (#2):", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Verbose_adds_the_stack_trace()
    {
        var (code, _, error) = Run("inspect", "missing.csv", "--verbose");
        Assert.Equal(1, code);
        Assert.Contains("file not found", error);
        Assert.Contains("   at ", error);
    }

    [Fact]
    public void Unknown_option_is_a_usage_error()
    {
        var (code, _, error) = Run("inspect", "--no-such-option");
        Assert.Equal(1, code);
        Assert.NotEqual("", error);
    }
}
