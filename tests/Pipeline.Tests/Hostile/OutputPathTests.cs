using System.Text.Json.Nodes;
using Pipeline.Articles;
using Pipeline.Reports;
using Pipeline.Tests.Reports;

namespace Pipeline.Tests.Hostile;

/// <summary>
/// Names from data never leave their folder: article ids (which become file names) must be plain slugs,
/// and a report never replaces a folder that is not an earlier report (so <c>--out .</c> or a home folder
/// cannot be wiped).
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Property)]
public sealed class OutputPathTests
{
    public static TheoryData<string> UnsafeIds => new(UnsafeIdList);

    private static readonly string[] UnsafeIdList =
    [
        "../evil", "..", "/etc/passwd", "a/b", "a\\b", "c:evil", "C:\\evil", "con", "nul", "aux", "prn", "com1", "lpt9",
        ".hidden", "Upper", "-leading-hyphen", "space id", "tab\tid", "nul\0byte", "ünïcode", new string('x', 101), "",
    ];

    private static string ArticleWithId(string id)
    {
        var json = JsonNode.Parse(File.ReadAllText(TestPaths.Fixture("articles", Path.Combine("valid", "minimal-article.json"))))!;
        json["id"] = id;
        return json.ToJsonString();
    }

    [Theory]
    [MemberData(nameof(UnsafeIds))]
    public void Unsafe_article_id_is_rejected_with_its_location(string id)
    {
        var ex = Assert.Throws<ArticleCatalogException>(() => ArticleCatalog.Parse(ArticleWithId(id), "hostile.json"));
        Assert.Equal("hostile.json", ex.File);
        Assert.Equal("$.id", ex.JsonPath);
        Assert.NotNull(ex.Line);
        Assert.Contains(ex.Kind, new[] { ArticleErrorKind.UnsafeId, ArticleErrorKind.InvalidValue });
    }

    [Fact]
    public void Every_unsafe_id_is_refused_and_safe_ones_still_load()
    {
        var ids = UnsafeIdList;
        var refused = ids.Count(id => Record.Exception(() => { ArticleCatalog.Parse(ArticleWithId(id), "hostile.json"); }) is ArticleCatalogException);
        Reliability.Record(
            ReliabilityArea.HostileContent,
            "article ids that would escape or break a folder",
            "../, absolute and drive paths, separators, reserved device names (con, nul, com1, lpt9 …), dot files, upper case, NUL, non-ASCII, 101 characters, empty",
            $"{ids.Length} ids",
            $"{refused} of {ids.Length} refused with file, JSON path and line");
        Assert.Equal(ids.Length, refused);
        Assert.Equal("a-1", ArticleCatalog.Parse(ArticleWithId("a-1"), "ok.json").Id);
        Assert.Equal("console", ArticleCatalog.Parse(ArticleWithId("console"), "ok.json").Id);
    }

    [Fact]
    public async Task Report_refuses_to_replace_a_folder_that_is_not_an_earlier_report()
    {
        using var tmp = new TempFolder();
        var project = tmp["project"];
        Directory.CreateDirectory(Path.Combine(project, "src"));
        File.WriteAllText(Path.Combine(project, "src", "keep.cs"), "// precious");
        File.WriteAllText(Path.Combine(project, Manifest.FileName), "{\"not\": \"ours\"}");
        var analysis = ReportAnalysis.Run(ReportRun.Inputs());

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => ReportWriter.WriteAsync(analysis, project, null));
        Assert.Contains("not a manifest this tool wrote", ex.Message, StringComparison.Ordinal);
        Assert.Equal("// precious", File.ReadAllText(Path.Combine(project, "src", "keep.cs")));
        Assert.Equal(["project"], Directory.EnumerateFileSystemEntries(tmp.Path).Select(Path.GetFileName));

        // The CLI says the same with exit 1, and an empty folder or an earlier report is fine.
        var (code, _, err) = CliRun.Run("report", "--events", ReportRun.DefaultEvents, "--articles", ReportRun.Articles, "--out", project, "--no-png");
        Assert.Equal(1, code);
        Assert.Contains("it is left alone", err, StringComparison.Ordinal);
        Directory.CreateDirectory(tmp["empty"]);
        await ReportWriter.WriteAsync(analysis, tmp["empty"], null);
        await ReportWriter.WriteAsync(analysis, tmp["empty"], null);
        Assert.True(File.Exists(Path.Combine(tmp["empty"], ReportWriter.HtmlFile)));
    }
}
