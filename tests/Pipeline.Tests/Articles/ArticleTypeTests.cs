using Pipeline.Articles;
using Pipeline.Events;

namespace Pipeline.Tests.Articles;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class ArticleTypeTests
{
    private static readonly DateOnly Day = new(2019, 4, 4);

    [Fact]
    public void Mention_constructor_rejects_end_before_start()
    {
        var error = Assert.Throws<ArgumentException>(() => Point(end: Day.AddDays(-1), kind: MentionKind.Period));

        Assert.Equal("end", error.ParamName);
    }

    [Fact]
    public void Mention_constructor_rejects_point_spanning_days()
    {
        var error = Assert.Throws<ArgumentException>(() => Point(end: Day.AddDays(1)));

        Assert.Equal("end", error.ParamName);
    }

    [Fact]
    public void Mention_constructor_rejects_unsafe_id()
    {
        var error = Assert.Throws<ArgumentException>(() => Point(id: "../escape"));

        Assert.Equal("id", error.ParamName);
    }

    [Fact]
    public void Article_constructor_rejects_paragraph_beyond_count_and_duplicate_mention_ids()
    {
        Assert.Throws<ArgumentException>(() => Article([Point(paragraphs: [12])]));
        Assert.Throws<ArgumentException>(() => Article([Point(), Point()]));
    }

    [Fact]
    public void Claim_check_needs_a_source_unless_unverifiable()
    {
        Assert.Throws<ArgumentException>(() => new ClaimCheck("i", "r", [], Verdict.Supported, []));

        var unverifiable = new ClaimCheck("i", "r", [], Verdict.Unverifiable, []);
        Assert.Empty(unverifiable.Sources);
    }

    [Fact]
    public void Source_reference_rejects_non_web_address()
    {
        Assert.Throws<ArgumentException>(() => new SourceReference("t", "p", new Uri("file:///etc/passwd")));
    }

    [Fact]
    public void Mention_lists_cannot_be_changed_through_the_input_collection()
    {
        var tags = new List<string> { "Haftar" };
        var mention = new Mention("m", [1], "p", MentionKind.Point, Day, Day, DatePrecision.Day, ["Libya"], tags);

        tags.Add("Wagner");

        Assert.Equal(["Haftar"], mention.Tags);
        Assert.True(mention.HasTag("haftar"));
        Assert.False(mention.HasTag("Wagner"));
    }

    [Fact]
    public void Catalog_constructor_rejects_duplicate_article_ids()
    {
        Assert.Throws<ArgumentException>(() => new ArticleCatalog([Article([]), Article([])]));
    }

    private static Mention Point(string id = "m", int[]? paragraphs = null, DateOnly? end = null, MentionKind kind = MentionKind.Point) =>
        new(id, paragraphs ?? [1], "paraphrase", kind, Day, end ?? Day, DatePrecision.Day, ["Libya"], ["Haftar"]);

    private static Article Article(IEnumerable<Mention> mentions) =>
        new("a", "t", "au", "o", new DateOnly(2020, 1, 3), null, "en", "Libya", 11, mentions);
}
