using System.Text.Json;
using Pipeline.Cli;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Cli;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class InspectCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => Support.CliRun.Run(args);

    [Fact]
    public void Inspect_prints_counts_rejections_with_lines_span_and_types()
    {
        var (code, output, _) = Run("inspect", TestPaths.Events("acled-bad-rows-one-per-reason.csv"));
        Assert.Equal(0, code);
        Assert.Contains("rows:       11 read (records on physical lines 2–12), 1 loaded, 10 rejected", output);
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

    [Theory]
    [InlineData("acled-quote-closed-on-next-line.csv", "2 read (records on physical lines 2–4), 1 loaded, 1 rejected", 3, 4, "line 4 is read as its own row")]
    [InlineData("acled-quote-swallows-lines-mid-file.csv", "4 read (records on physical lines 2–8), 3 loaded, 1 rejected", 3, 6, "lines 4–6 are read as their own rows")]
    [InlineData("acled-quote-never-closed-at-end.csv", "3 read (records on physical lines 2–6), 2 loaded, 1 rejected", 4, 6, "nothing after it could be loaded")]
    public void Inspect_names_every_line_a_quote_swallowed(string file, string rows, long first, long last, string fix)
    {
        var (code, output, _) = Run("inspect", TestPaths.Events(file));
        Assert.Equal(0, code);
        Assert.Contains($"rows:       {rows}\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"(lines {first}–{last} (read as one record))", output, StringComparison.Ordinal);
        Assert.Contains($"hint: lines {first}–{last}", output, StringComparison.Ordinal);
        Assert.Contains($"were read as one record because the quote opened in line {first}, column 27 (field 5, 'actor1')", output, StringComparison.Ordinal);
        Assert.Contains(fix, output, StringComparison.Ordinal);

        var (jsonCode, json, _) = Run("inspect", TestPaths.Events(file), "--json");
        Assert.Equal(0, jsonCode);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(rows, root.GetProperty("row_counts").GetString());
        Assert.Equal(root.GetProperty("rows_read").GetInt64(), root.GetProperty("loaded").GetInt64() + root.GetProperty("rejected").GetInt64());
        var group = Assert.Single(root.GetProperty("rejections").EnumerateArray());
        Assert.Equal($"lines {first}–{last} (read as one record)", group.GetProperty("where").GetString());
        var record = Assert.Single(group.GetProperty("first_records").EnumerateArray());
        Assert.Equal((first, last), (record.GetProperty("first").GetInt64(), record.GetProperty("last").GetInt64()));
        Assert.StartsWith($"lines {first}–{last}", group.GetProperty("hint").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_does_not_flag_a_valid_note_written_on_several_lines()
    {
        var (_, output, _) = Run("inspect", TestPaths.Events("acled-quoted-newline-in-notes.csv"));
        Assert.Contains("rows:       3 read (records on physical lines 2–6), 2 loaded, 1 rejected", output, StringComparison.Ordinal);
        Assert.Contains("fatalities is not a whole number (lines 6)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("read as one record", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_counts_cells_with_control_characters_in_text_and_json()
    {
        using var tmp = new TempFolder();
        var path = tmp["nul.csv"];
        File.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(
            "event_id_cnty,event_date,time_precision,event_type,actor1,country,notes,fatalities\n"
            + "LBY1,2019-04-04,1,Battles,Act\0or A,Libya,o\u001bk,2\nLBY2,2019-04-05,1,Battles,Actor B,Libya,ok,3\n"));

        var (code, output, _) = Run("inspect", path);
        Assert.Equal(0, code);
        Assert.Contains("control characters: 2 loaded cells hold NUL or another invisible control character (see warnings)", output, StringComparison.Ordinal);
        Assert.Contains("line 2, column 'actor1': holds a control character, U+0000 (NUL), at character 4;", output, StringComparison.Ordinal);
        Assert.Contains("line 2, column 'notes': holds a control character, U+001B (ESC), at character 2;", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', output);
        Assert.DoesNotContain('\u001b', output);

        var (_, json, _) = Run("inspect", path, "--json");
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(2, doc.RootElement.GetProperty("control_character_cells").GetInt32());
        var first = doc.RootElement.GetProperty("warnings")[0];
        Assert.Equal("control_character", first.GetProperty("kind").GetString());
        Assert.Equal("Act[U+0000]or A", first.GetProperty("value").GetString());
    }

    [Fact]
    public void Inspect_of_an_excel_workbook_named_csv_exits_1_naming_the_file_and_what_it_is()
    {
        using var tmp = new TempFolder();
        var path = tmp["events.csv"];
        File.Copy(TestPaths.Fixture("fuzz", "workbook-base.xlsx"), path);
        var (code, output, error) = Run("inspect", path);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains($"{path}: this file is an Excel workbook (.xlsx, a zip archive), not CSV text.", error, StringComparison.Ordinal);
        Assert.Contains("rename it to .xlsx", error, StringComparison.Ordinal);
        Assert.False(error.Any(c => c < 0x20 && c is not ('\n' or '\r')), "control bytes on stderr");
    }
}
