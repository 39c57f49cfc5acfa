using Pipeline.Articles;
using Pipeline.Events;
using Pipeline.Fetch;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Fetch;

/// <summary>What <c>fetch --article</c> asks for, worked out offline from the catalog: countries, the span the mentions need, each source's clipping.</summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public sealed class ArticleFetchPlanTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static Article OpEd() => ArticleCatalog.LoadFolder(TestPaths.Project.Articles)["daily-sabah-2020-01-03-libya"];

    private static Mention Point(string id, DateOnly day, params string[] countries) =>
        new(id, [1], "Our paraphrase of a dated point.", MentionKind.Point, day, day, DatePrecision.Day, countries, []);

    private static Article With(DateOnly published, string scope, params Mention[] mentions) =>
        new("test-article", "A title", "An author", "An outlet", published, null, "en", scope, 3, mentions);

    [Fact]
    public void The_op_eds_countries_are_its_scope_country_and_every_mentions_scope_countries()
    {
        var plan = ArticleFetchPlan.For(OpEd(), "25.1", Today);

        Assert.Equal(["Chad", "Egypt", "Libya", "Syria", "Turkey"], plan.Countries);
    }

    [Fact]
    public void The_span_is_twelve_month_bins_before_the_earliest_mentions_month_and_after_publications_month()
    {
        var span = ArticleFetchPlan.For(OpEd(), "25.1", Today).Needed;

        // Earliest mention: the Chad–Libya conflict from 1978 (year precision, stored as 1978-01-01).
        Assert.Equal("chad-libya-conflict", span.EarliestMention);
        Assert.Equal(new DateOnly(1977, 1, 1), span.From);
        Assert.Equal(new DateOnly(2021, 1, 31), span.To);
        Assert.Equal(12, span.WindowBins);
        Assert.Equal(Pipeline.Intensity.BinUnit.Month, span.Bin);
        Assert.Equal(365, span.DaysBefore);
        Assert.Equal(394, span.DaysAfter);
    }

    [Fact]
    public void Month_alignment_reaches_back_to_the_first_of_the_twelfth_month_before()
    {
        // A mention late in a month: its month bin starts on the 1st, and the 12 bins before it start a year before that.
        var span = ArticleSpan.For(With(new DateOnly(2020, 3, 10), "Libya", Point("late-in-month", new DateOnly(2019, 7, 31), "Libya")));

        Assert.Equal(new DateOnly(2018, 7, 1), span.From);
        Assert.Equal(new DateOnly(2021, 3, 31), span.To);
    }

    [Fact]
    public void Acled_is_clipped_per_country_to_its_start_year_and_countries_with_one_span_share_a_query()
    {
        var plan = ArticleFetchPlan.For(OpEd(), "25.1", Today);

        var libya = Assert.Single(plan.Acled, c => c.Country == "Libya");
        Assert.Equal(new DateOnly(1997, 1, 1), libya.From);
        Assert.Equal(new DateOnly(2021, 1, 31), libya.To);
        Assert.Contains("ACLED covers Libya from 1997", libya.Note);
        Assert.Contains("1977-01-01..1996-12-31 is not asked for", libya.Note);
        Assert.Equal(new DateOnly(2017, 1, 1), plan.Acled.Single(c => c.Country == "Syria").From);
        Assert.Equal(new DateOnly(2016, 1, 1), plan.Acled.Single(c => c.Country == "Turkey").From);
        Assert.Equal(
            ["Chad|Egypt|Libya 1997-01-01..2021-01-31", "Syria 2017-01-01..2021-01-31", "Turkey 2016-01-01..2021-01-31"],
            plan.AcledQueries().Select(q => $"{q.Country} {q.From:yyyy-MM-dd}..{q.To:yyyy-MM-dd}"));
    }

    [Fact]
    public void Ucdp_is_clipped_to_1989_and_to_the_end_of_the_year_before_its_version()
    {
        var plan = ArticleFetchPlan.For(OpEd(), "25.1", Today);

        var q = plan.UcdpQuery(UcdpSource.Archive)!;
        Assert.Equal("Chad|Egypt|Libya|Syria|Turkey", q.Country);
        Assert.Equal(new DateOnly(1989, 1, 1), q.From);
        Assert.Equal(new DateOnly(2021, 1, 31), q.To);
        Assert.All(plan.Ucdp, c => Assert.Contains("UCDP GED starts on 1989-01-01, so 1977-01-01..1988-12-31 is not asked for", c.Note));

        var old = ArticleFetchPlan.For(OpEd(), "20.1", Today).UcdpQuery(UcdpSource.Archive)!;
        Assert.Equal(new DateOnly(2019, 12, 31), old.To);
        Assert.Contains(ArticleFetchPlan.For(OpEd(), "20.1", Today).Notes, n => n.Contains("UCDP GED 20.1 ends on 2019-12-31", StringComparison.Ordinal));
    }

    [Fact]
    public void A_source_with_no_coverage_in_the_span_is_skipped_with_a_note()
    {
        var article = With(new DateOnly(1980, 6, 1), "Libya", Point("old-point", new DateOnly(1979, 5, 5), "Libya"), Point("odd-place", new DateOnly(1979, 6, 6), "Lybia"));

        var plan = ArticleFetchPlan.For(article, "25.1", Today);

        Assert.Empty(plan.AcledQueries());
        Assert.Null(plan.UcdpQuery(UcdpSource.Archive));
        Assert.Contains(plan.Notes, n => n.StartsWith("ACLED Libya: skipped: ACLED covers Libya from 1997, after the span", StringComparison.Ordinal));
        Assert.Contains(plan.Notes, n => n.StartsWith("ACLED Lybia: skipped: 'Lybia' is not in ACLED's country table", StringComparison.Ordinal) && n.Contains("did you mean \"Libya\"?", StringComparison.Ordinal));
        Assert.Contains(plan.Notes, n => n.StartsWith("UCDP GED Libya: skipped: UCDP GED 25.1 covers 1989-01-01..2024-12-31", StringComparison.Ordinal));
    }

    [Fact]
    public void Acled_ends_today_and_says_so()
    {
        var article = With(new DateOnly(2026, 11, 20), "Libya", Point("recent", new DateOnly(2026, 10, 1), "Libya"));

        var libya = ArticleFetchPlan.For(article, "25.1", Today).Acled.Single();

        Assert.Equal(Today, libya.To);
        Assert.Contains("nothing after today (2026-12-02)", libya.Note);
    }

    [Fact]
    public void An_article_without_mentions_or_with_a_bad_ged_version_is_refused()
    {
        var empty = Assert.Throws<ArgumentException>(() => ArticleFetchPlan.For(With(new DateOnly(2020, 1, 3), "Libya"), "25.1", Today));
        Assert.Contains("has no mentions", empty.Message);

        var version = Assert.Throws<ParameterException>(() => ArticleFetchPlan.For(OpEd(), "5.0", Today));
        Assert.Contains("must look like 25.1", version.Message);
    }
}
