using Pipeline.Articles;
using Pipeline.Events;

namespace Pipeline.Tests.Articles;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class ShippedOpEdTests
{
    private static readonly Article OpEd = ArticleCatalog.LoadFile(ArticleTestPaths.ShippedOpEdFile);

    [Fact]
    public void Shipped_catalog_loads_the_op_ed_by_id()
    {
        var catalog = ArticleCatalog.LoadFolder(ArticleTestPaths.ShippedArticles);

        var article = catalog["daily-sabah-2020-01-03-libya"];
        Assert.Equal("Daily Sabah", article.Outlet);
        Assert.Equal("Melih Altınok", article.Author);
        Assert.Equal("Libya's only chance is Turkey", article.Title);
        Assert.Equal(new DateOnly(2020, 1, 3), article.Published);
        Assert.Equal("en", article.Language);
        Assert.Equal("Libya", article.ScopeCountry);
        Assert.Equal(11, article.ParagraphCount);
        Assert.Null(article.Url);
    }

    [Theory]
    [InlineData("egypt-coup-2013", "2013-07-03", "2013-07-03", MentionKind.Point, DatePrecision.Day)]
    [InlineData("haftar-freeze-announcement-2014", "2014-02-14", "2014-02-14", MentionKind.Point, DatePrecision.Day)]
    [InlineData("operation-dignity-2014", "2014-05-16", "2014-05-16", MentionKind.Point, DatePrecision.Day)]
    [InlineData("gna-elected-2014", "2014-01-01", "2014-01-01", MentionKind.Point, DatePrecision.Year)]
    [InlineData("tripoli-offensive-2019", "2019-04-04", "2020-01-03", MentionKind.Period, DatePrecision.Day)]
    [InlineData("chad-libya-conflict", "1978-01-01", "1987-12-31", MentionKind.Period, DatePrecision.Year)]
    [InlineData("haftar-death-sentence-1993", "1993-01-01", "1993-01-01", MentionKind.Point, DatePrecision.Year)]
    [InlineData("haftar-coup-attempt-1993", "1993-01-01", "1993-01-01", MentionKind.Point, DatePrecision.Year)]
    [InlineData("lna-threats-against-turkey-2019", "2019-06-28", "2019-07-01", MentionKind.Period, DatePrecision.Day)]
    [InlineData("turkey-gna-memoranda-2019", "2019-11-27", "2019-11-27", MentionKind.Point, DatePrecision.Day)]
    [InlineData("gna-requests-turkish-support-2019", "2019-12-26", "2019-12-26", MentionKind.Point, DatePrecision.Day)]
    [InlineData("wagner-mercenaries-2019", "2019-09-01", "2020-01-03", MentionKind.Period, DatePrecision.Month)]
    [InlineData("turkish-parliament-mandate-2020", "2020-01-02", "2020-01-02", MentionKind.Point, DatePrecision.Day)]
    [InlineData("operation-peace-spring-2019", "2019-10-09", "2019-10-09", MentionKind.Point, DatePrecision.Day)]
    public void Op_ed_mention_has_the_agreed_dates(string id, string start, string end, MentionKind kind, DatePrecision precision)
    {
        var mention = OpEd.FindMention(id);

        Assert.NotNull(mention);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), mention.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), mention.End);
        Assert.Equal(kind, mention.Kind);
        Assert.Equal(precision, mention.Precision);
    }

    [Fact]
    public void Op_ed_has_exactly_the_agreed_mentions_in_order()
    {
        string[] expected =
        [
            "egypt-coup-2013", "haftar-freeze-announcement-2014", "operation-dignity-2014", "gna-elected-2014",
            "tripoli-offensive-2019", "chad-libya-conflict", "haftar-death-sentence-1993", "haftar-coup-attempt-1993", "lna-threats-against-turkey-2019",
            "turkey-gna-memoranda-2019", "gna-requests-turkish-support-2019", "wagner-mercenaries-2019",
            "turkish-parliament-mandate-2020", "operation-peace-spring-2019",
        ];

        Assert.Equal(expected, OpEd.Mentions.Select(m => m.Id));
    }

    [Fact]
    public void Election_claim_is_contradicted_by_the_elections_and_the_House_s_non_endorsement()
    {
        var check = OpEd.FindMention("gna-elected-2014")!.ClaimCheck;

        Assert.NotNull(check);
        Assert.Equal(Verdict.Contradicted, check.Verdict);
        Assert.Equal(
            [
                new DateOnly(2012, 7, 7), new DateOnly(2014, 6, 25), new DateOnly(2015, 12, 17), new DateOnly(2015, 12, 23),
                new DateOnly(2016, 1, 25), new DateOnly(2016, 3, 30), new DateOnly(2016, 8, 22),
            ],
            check.RecordDates.Select(d => d.Date));
        Assert.Contains(check.Sources, s => s.Url.AbsoluteUri == "https://www.un.org/press/en/2015/sc12185.doc.htm" && s.Verified);
        Assert.Contains(check.Sources, s => s.Url.AbsoluteUri == "https://undocs.org/S/RES/2259(2015)" && !s.Verified);
    }

    [Fact]
    public void Coup_attempt_of_1993_is_its_own_year_precise_mention_stated_in_paragraph_6()
    {
        var coup = OpEd.FindMention("haftar-coup-attempt-1993")!;

        Assert.Equal([6], coup.Paragraphs);
        Assert.Equal(["Libya"], coup.ScopeCountries);
        Assert.False(coup.DateInferred);
        Assert.NotEqual(OpEd.FindMention("haftar-death-sentence-1993")!.Id, coup.Id);
    }

    [Fact]
    public void Request_for_Turkish_support_is_the_conditional_statement_of_26_December()
    {
        var request = OpEd.FindMention("gna-requests-turkish-support-2019")!;

        Assert.True(request.DateInferred);
        Assert.Contains("2019-12-26", request.DateBasis);
        Assert.Contains("conditional", request.Note);
        Assert.All(request.ClaimCheck!.Sources, s => Assert.True(s.Verified, s.Title));
    }

    [Fact]
    public void No_mention_ends_after_publication_and_running_periods_end_on_it()
    {
        Assert.All(OpEd.Mentions, m => Assert.True(m.End <= OpEd.Published, m.Id));
        Assert.Equal(OpEd.Published, OpEd.FindMention("wagner-mercenaries-2019")!.End);
        Assert.Equal(OpEd.Published, OpEd.FindMention("tripoli-offensive-2019")!.End);
    }

    [Theory]
    [InlineData("gna-elected-2014", false)]
    [InlineData("chad-libya-conflict", false)]
    [InlineData("haftar-death-sentence-1993", false)]
    [InlineData("haftar-coup-attempt-1993", false)]
    [InlineData("egypt-coup-2013", true)]
    [InlineData("haftar-freeze-announcement-2014", true)]
    [InlineData("operation-dignity-2014", true)]
    [InlineData("tripoli-offensive-2019", true)]
    [InlineData("lna-threats-against-turkey-2019", true)]
    [InlineData("turkey-gna-memoranda-2019", true)]
    [InlineData("gna-requests-turkish-support-2019", true)]
    [InlineData("wagner-mercenaries-2019", true)]
    [InlineData("turkish-parliament-mandate-2020", true)]
    [InlineData("operation-peace-spring-2019", true)]
    public void Each_mention_says_whether_the_column_states_its_date(string id, bool inferred)
    {
        var mention = OpEd.FindMention(id)!;

        Assert.Equal(inferred, mention.DateInferred);
        Assert.False(string.IsNullOrWhiteSpace(mention.DateBasis), id);
    }

    [Fact]
    public void Every_mention_and_source_in_the_file_is_marked_explicitly()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(ArticleTestPaths.ShippedOpEdFile));
        foreach (var mention in doc.RootElement.GetProperty("mentions").EnumerateArray())
        {
            Assert.True(mention.TryGetProperty("dateInferred", out _), mention.GetProperty("id").GetString());
            if (mention.TryGetProperty("claimCheck", out var check))
            {
                Assert.All(check.GetProperty("sources").EnumerateArray(), s => Assert.True(s.TryGetProperty("verified", out _)));
            }
        }
    }

    [Theory]
    [InlineData("tripoli-offensive-2019", "2019-04-04")]
    [InlineData("lna-threats-against-turkey-2019", "2019-06-28")]
    [InlineData("turkey-gna-memoranda-2019", "2019-11-27")]
    [InlineData("gna-requests-turkish-support-2019", "2019-12-26")]
    [InlineData("turkish-parliament-mandate-2020", "2020-01-02")]
    [InlineData("operation-peace-spring-2019", "2019-10-09")]
    public void Checked_claims_are_supported_by_a_dated_sourced_record(string id, string recordDate)
    {
        var check = OpEd.FindMention(id)!.ClaimCheck;

        Assert.NotNull(check);
        Assert.Equal(Verdict.Supported, check.Verdict);
        Assert.Contains(check.RecordDates, d => d.Date == DateOnly.Parse(recordDate, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEmpty(check.Sources);
    }

    [Theory]
    [InlineData("egypt-coup-2013", Verdict.Supported, "2013-07-03")]
    [InlineData("haftar-freeze-announcement-2014", Verdict.Supported, "2014-02-14")]
    [InlineData("operation-dignity-2014", Verdict.Disputed, "2014-05-16")]
    [InlineData("chad-libya-conflict", Verdict.Supported, null)]
    [InlineData("haftar-death-sentence-1993", Verdict.Unverifiable, null)]
    [InlineData("haftar-coup-attempt-1993", Verdict.Unverifiable, "1993-10-22")]
    [InlineData("wagner-mercenaries-2019", Verdict.Supported, null)]
    public void Checks_added_for_issue_16_carry_their_verdict_record_date_and_a_source(string id, Verdict verdict, string? recordDate)
    {
        var check = OpEd.FindMention(id)!.ClaimCheck;

        Assert.NotNull(check);
        Assert.Equal(verdict, check.Verdict);
        if (recordDate is not null)
        {
            Assert.Contains(check.RecordDates, d => d.Date == DateOnly.Parse(recordDate, System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.NotEmpty(check.Sources); // even the unverifiable ones name what we read
    }

    [Fact]
    public void Every_mention_now_has_a_claim_check() =>
        Assert.All(OpEd.Mentions, m => Assert.NotNull(m.ClaimCheck));

    [Fact]
    public void Tripoli_offensive_notes_it_was_ongoing_and_the_December_push()
    {
        var mention = OpEd.FindMention("tripoli-offensive-2019")!;

        Assert.Equal(OpEd.Published, mention.End);
        Assert.Contains("2019-12-12", mention.Note);
        Assert.Contains(mention.ClaimCheck!.RecordDates, d => d.Date == new DateOnly(2019, 12, 12));
    }

    [Theory]
    [InlineData("Wagner")]
    [InlineData("Turkey")]
    [InlineData("Haftar")]
    [InlineData("Government of National Accord")]
    [InlineData("United Arab Emirates")]
    [InlineData("Egypt")]
    [InlineData("France")]
    [InlineData("United States")]
    [InlineData("Saudi Arabia")]
    public void Actor_filters_find_at_least_one_mention(string actor)
    {
        Assert.Contains(OpEd.Mentions, m => m.HasTag(actor));
    }

    [Fact]
    public void Foreign_backers_of_paragraph_4_are_tags_of_the_Tripoli_offensive()
    {
        var mention = OpEd.FindMention("tripoli-offensive-2019")!;

        Assert.Contains(4, mention.Paragraphs);
        foreach (var backer in new[] { "United Arab Emirates", "Egypt", "France", "United States", "Saudi Arabia" })
        {
            Assert.True(mention.HasTag(backer), backer);
        }
    }

    [Fact]
    public void Paraphrases_stay_short_so_they_cannot_carry_the_column_s_sentences()
    {
        foreach (var mention in OpEd.Mentions)
        {
            var words = mention.Paraphrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.True(words <= 15, $"{mention.Id} paraphrase has {words} words");
        }
    }

    [Fact]
    public void Op_ed_text_has_the_declared_eleven_paragraphs()
    {
        if (!File.Exists(ArticleTestPaths.OpEdText))
        {
            Assert.False(ArticleTestPaths.OnCi, $"op-ed text missing on CI: {ArticleTestPaths.OpEdText}");
            return;
        }

        var paragraphs = OpEdText.Paragraphs(File.ReadAllText(ArticleTestPaths.OpEdText));

        Assert.Equal(OpEd.ParagraphCount, paragraphs.Count);
    }
}
