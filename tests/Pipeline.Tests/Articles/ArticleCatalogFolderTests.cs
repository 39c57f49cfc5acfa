using Pipeline.Articles;

namespace Pipeline.Tests.Articles;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public sealed class ArticleCatalogFolderTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "pipeline-articles-" + Guid.NewGuid().ToString("N"));

    public ArticleCatalogFolderTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_second_article_needs_only_a_new_json_file()
    {
        File.Copy(ArticleTestPaths.ShippedOpEdFile, Path.Combine(folder, Path.GetFileName(ArticleTestPaths.ShippedOpEdFile)));
        File.Copy(ArticleTestPaths.Fixture("second-article/2021-05-01-other-outlet.json"), Path.Combine(folder, "2021-05-01-other-outlet.json"));

        var catalog = ArticleCatalog.LoadFolder(folder);

        Assert.Equal(2, catalog.Count);
        Assert.True(catalog.TryGet("other-outlet-2021-05-01", out var second));
        Assert.Equal("other-event", second.Mentions[0].Id);
        Assert.Equal("daily-sabah-2020-01-03-libya", catalog["daily-sabah-2020-01-03-libya"].Id);
    }

    [Fact]
    public void Loads_files_in_file_name_order_whatever_order_they_were_written()
    {
        WriteArticle("b-later.json", "bbb");
        WriteArticle("a-earlier.json", "aaa");
        WriteArticle("c-last.json", "ccc");

        var catalog = ArticleCatalog.LoadFolder(folder);

        Assert.Equal(["aaa", "bbb", "ccc"], catalog.Articles.Select(a => a.Id));
    }

    [Fact]
    public void Ignores_files_that_are_not_json_such_as_the_readme()
    {
        WriteArticle("one.json", "one");
        File.WriteAllText(Path.Combine(folder, "README.md"), "# not an article");
        File.WriteAllText(Path.Combine(folder, "one.json.bak"), "{ broken");

        var catalog = ArticleCatalog.LoadFolder(folder);

        Assert.Equal("one", Assert.Single(catalog).Id);
    }

    [Fact]
    public void Rejects_two_files_with_the_same_article_id_and_names_the_second_file()
    {
        var error = Assert.Throws<ArticleCatalogException>(() => ArticleCatalog.LoadFolder(ArticleTestPaths.Fixture("duplicate-article-id")));

        Assert.Equal(ArticleErrorKind.DuplicateId, error.Kind);
        Assert.EndsWith("b-second.json", error.File);
        Assert.Equal("$.id", error.JsonPath);
        Assert.Equal(2, error.Line);
        Assert.Equal(9, error.Column);
        Assert.Contains("a-first.json", error.Hint);
    }

    [Fact]
    public void Stops_at_the_first_invalid_file_with_its_name()
    {
        WriteArticle("a-good.json", "good");
        File.Copy(ArticleTestPaths.Fixture("bad-date/start-with-slashes.json"), Path.Combine(folder, "b-bad.json"));

        var error = Assert.Throws<ArticleCatalogException>(() => ArticleCatalog.LoadFolder(folder));

        Assert.EndsWith("b-bad.json", error.File);
        Assert.Equal(ArticleErrorKind.BadDate, error.Kind);
    }

    [Fact]
    public void Missing_folder_is_reported_with_its_full_path()
    {
        var missing = Path.Combine(folder, "nope");

        var error = Assert.Throws<DirectoryNotFoundException>(() => ArticleCatalog.LoadFolder(missing));

        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void Unknown_article_id_lists_the_known_ids()
    {
        var catalog = ArticleCatalog.LoadFolder(ArticleTestPaths.ShippedArticles);

        var error = Assert.Throws<KeyNotFoundException>(() => catalog["no-such-article"]);

        Assert.Contains("daily-sabah-2020-01-03-libya", error.Message);
    }

    [Fact]
    public void Accepts_a_file_that_starts_with_a_byte_order_mark()
    {
        var json = File.ReadAllBytes(ArticleTestPaths.Fixture("valid/minimal-article.json"));
        File.WriteAllBytes(Path.Combine(folder, "bom.json"), [0xEF, 0xBB, 0xBF, .. json]);

        Assert.Single(ArticleCatalog.LoadFolder(folder));
    }

    private void WriteArticle(string fileName, string id)
    {
        var text = File.ReadAllText(ArticleTestPaths.Fixture("valid/minimal-article.json"))
            .Replace("\"fixture-article\"", $"\"{id}\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, fileName), text);
    }
}
