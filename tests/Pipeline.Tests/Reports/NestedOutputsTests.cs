using Pipeline.Reports;

namespace Pipeline.Tests.Reports;

/// <summary>
/// After <c>dotnet test</c> or a notebook run, <c>out/</c> may hold other outputs of the tool in folders of their own
/// (<c>out/notebook-report/</c>, <c>out/reproduce-demo/</c>, each with its manifest). They are the tool's outputs, so a
/// report into <c>out/</c> is not refused for them, and it leaves them (and a user's notes) byte for byte as they were.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public class NestedOutputsTests
{
    private static Dictionary<string, byte[]> Bytes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_report_beside_a_nested_report_and_a_users_notes_succeeds_and_leaves_both_byte_identical(bool earlierReport)
    {
        using var tmp = new TempFolder();
        var outDir = tmp["out"];
        if (earlierReport)
        {
            await ReportRun.CopyDefaultAsync(outDir); // the files of an earlier report, as the tool wrote them
        }

        // A report nested in a folder of its own, as the report notebook writes out/notebook-report/.
        await ReportRun.CopyDefaultAsync(Path.Combine(outDir, "notebook-report"));
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "my notes\n");
        var nested = Bytes(Path.Combine(outDir, "notebook-report"));
        var notesWritten = File.GetLastWriteTimeUtc(Path.Combine(outDir, "notes.txt"));

        var (_, result) = await ReportRun.WriteDefaultAsync(outDir);

        Assert.True(File.Exists(Path.Combine(outDir, Manifest.FileName)));
        Assert.Equal(nested, Bytes(Path.Combine(outDir, "notebook-report")));
        Assert.Equal("my notes\n", File.ReadAllText(Path.Combine(outDir, "notes.txt")));
        Assert.Equal(notesWritten, File.GetLastWriteTimeUtc(Path.Combine(outDir, "notes.txt")));
        Assert.Equal(["notebook-report/", "notes.txt"], result.LeftAlone);
    }

    [Fact]
    public async Task A_folder_whose_only_subfolder_holds_a_file_named_manifest_json_not_written_by_the_tool_is_still_refused()
    {
        using var tmp = new TempFolder();
        var outDir = tmp["out"];
        Directory.CreateDirectory(Path.Combine(outDir, "other"));
        File.WriteAllText(Path.Combine(outDir, "other", Manifest.FileName), "{\"name\": \"someone else's\"}");
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "my notes\n");

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => ReportRun.WriteDefaultAsync(outDir));
        Assert.Contains("holds no earlier output of pipeline", ex.Message, StringComparison.Ordinal);
        Assert.Equal("my notes\n", File.ReadAllText(Path.Combine(outDir, "notes.txt")));
        Assert.False(File.Exists(Path.Combine(outDir, Manifest.FileName)));
    }
}
