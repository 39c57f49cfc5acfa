using System.Text.Json.Nodes;

namespace Pipeline.Tests.Support;

/// <summary>
/// A filtered test run must not wipe the README tables' rows of tests it did not run, and rows of checks that
/// were renamed or tests that were removed must not linger.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public sealed class RowFolderTests
{
    private static readonly HashSet<string> Existing = ["A.One", "B.Two"];

    private static Dictionary<string, object> Row(string result) => new() { ["result"] = result };

    private static string Result(string folder, string file) => (string)JsonNode.Parse(File.ReadAllText(Path.Combine(folder, file)))!["result"]!;

    [Fact]
    public void A_later_run_of_one_test_keeps_the_rows_of_tests_it_did_not_run()
    {
        using var tmp = new TempFolder();
        var folder = tmp["rows"];
        var full = new RowFolder(() => folder, "run-1", Existing.Contains);
        full.Write("1-one.json", Row("first"), "A.One");
        full.Write("1-two.json", Row("first"), "B.Two");

        var filtered = new RowFolder(() => folder, "run-2", Existing.Contains);
        filtered.Write("1-one.json", Row("second"), "A.One");

        Assert.Equal(["1-one.json", "1-two.json"], Directory.GetFiles(folder).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("second", Result(folder, "1-one.json"));
        Assert.Equal("first", Result(folder, "1-two.json"));
        var written = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "1-one.json")))!;
        Assert.Equal("A.One", (string?)written["test"]);
        Assert.Equal("run-2", (string?)written["run"]);
    }

    [Fact]
    public void A_renamed_check_replaces_its_old_row_and_rows_of_removed_tests_or_the_old_format_go()
    {
        using var tmp = new TempFolder();
        var folder = tmp["rows"];
        var first = new RowFolder(() => folder, "run-1", Existing.Contains);
        first.Write("1-old-name.json", Row("x"), "A.One");
        first.Write("1-keep.json", Row("x"), "B.Two");
        first.Write("1-gone.json", Row("x"), "C.Removed");
        File.WriteAllText(Path.Combine(folder, "1-old-format.json"), """{"result": "no owner"}""");

        var second = new RowFolder(() => folder, "run-2", Existing.Contains);
        second.Write("1-new-name.json", Row("y"), "A.One");
        second.Write("1-second-row.json", Row("y"), "A.One");

        Assert.Equal(["1-keep.json", "1-new-name.json", "1-second-row.json"], Directory.GetFiles(folder).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void The_owner_is_the_calling_file_and_member()
    {
        Assert.Equal("IntensityProperties.Bins_hold", RowFolder.TestName("/repo/tests/Pipeline.Tests/Properties/IntensityProperties.cs", "Bins_hold"));
        Assert.Equal("X.M", RowFolder.TestName(@"C:\repo\tests\X.cs", "M"));
    }
}
