using Pipeline.Articles;

namespace Pipeline.Tests.Articles;

public sealed class ArticleRoundTripTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "pipeline-articles-rt-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Saved_op_ed_loads_back_equal()
    {
        var original = ArticleCatalog.LoadFile(ArticleTestPaths.ShippedOpEdFile);
        var path = Path.Combine(folder, "nested", "op-ed.json");

        ArticleJsonWriter.Save(original, path);
        var reloaded = ArticleCatalog.LoadFile(path);

        Assert.Equal(original, reloaded);
    }

    [Fact]
    public void Writing_is_deterministic_and_canonical()
    {
        var original = ArticleCatalog.LoadFile(ArticleTestPaths.ShippedOpEdFile);

        var first = ArticleJsonWriter.ToJson(original);
        var second = ArticleJsonWriter.ToJson(ArticleCatalog.Parse(first));

        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first);
        Assert.Contains("\"author\": \"Melih Altınok\"", first);
    }

    [Fact]
    public void Save_leaves_no_temporary_files_behind()
    {
        var original = ArticleCatalog.LoadFile(ArticleTestPaths.Fixture("valid/minimal-article.json"));
        var path = Path.Combine(folder, "a.json");

        ArticleJsonWriter.Save(original, path);
        ArticleJsonWriter.Save(original, path);

        Assert.Equal(["a.json"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Records_with_lists_compare_by_content()
    {
        var a = ArticleCatalog.LoadFile(ArticleTestPaths.ShippedOpEdFile);
        var b = ArticleCatalog.LoadFile(ArticleTestPaths.ShippedOpEdFile);

        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }
}
