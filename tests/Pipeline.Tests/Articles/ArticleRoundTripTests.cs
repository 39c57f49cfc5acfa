using Pipeline.Articles;

namespace Pipeline.Tests.Articles;

[Trait(TestCategory.Trait, TestCategory.Unit)]
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
    public void Round_trip_keeps_inferred_dates_contradicted_verdicts_and_source_verification()
    {
        var original = ArticleCatalog.LoadFile(ArticleTestPaths.Fixture("new-fields/inferred-contradicted-unverified.json"));

        var json = ArticleJsonWriter.ToJson(original);
        var reloaded = ArticleCatalog.Parse(json);

        Assert.Equal(original, reloaded);
        var mention = reloaded.Mentions[0];
        Assert.True(mention.DateInferred);
        Assert.Equal("Record: an invented report of that day.", mention.DateBasis);
        Assert.Equal(Verdict.Contradicted, mention.ClaimCheck!.Verdict);
        Assert.Equal([false, true], mention.ClaimCheck.Sources.Select(s => s.Verified));
        Assert.Contains("\"dateInferred\": true", json);
        Assert.Contains("\"verdict\": \"contradicted\"", json);
        Assert.Contains("\"verified\": false", json);
    }

    [Fact]
    public void Records_differing_only_in_the_new_fields_are_not_equal()
    {
        var stated = new Mention("m", [1], "p", MentionKind.Point, new DateOnly(2019, 1, 1), new DateOnly(2019, 1, 1), Pipeline.Events.DatePrecision.Day, ["Libya"], []);
        var inferred = new Mention("m", [1], "p", MentionKind.Point, new DateOnly(2019, 1, 1), new DateOnly(2019, 1, 1), Pipeline.Events.DatePrecision.Day, ["Libya"], [], dateInferred: true, dateBasis: "b");
        var url = new Uri("https://example.org/");

        Assert.NotEqual(stated, inferred);
        Assert.NotEqual(new SourceReference("t", "p", url), new SourceReference("t", "p", url, verified: true));
        Assert.Throws<ArgumentException>(() => new Mention("m", [1], "p", MentionKind.Point, new DateOnly(2019, 1, 1), new DateOnly(2019, 1, 1), Pipeline.Events.DatePrecision.Day, ["Libya"], [], dateInferred: true));
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
