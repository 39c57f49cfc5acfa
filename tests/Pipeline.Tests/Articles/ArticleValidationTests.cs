using Pipeline.Articles;

namespace Pipeline.Tests.Articles;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class ArticleValidationTests
{
    [Fact]
    public void Rejects_unknown_mention_field_and_suggests_the_right_name()
    {
        var error = Reject("unknown-field/mention-field-typo.json");

        Assert.Equal(ArticleErrorKind.UnknownField, error.Kind);
        Assert.Equal("$.mentions[0].paraphase", error.JsonPath);
        Assert.Equal(14, error.Line);
        Assert.Equal(7, error.Column);
        Assert.Equal("paraphase", error.Value);
        Assert.Contains("did you mean 'paraphrase'", error.Hint);
        Assert.Contains("allowed fields here: id, paragraphs, paraphrase", error.Hint);
    }

    [Fact]
    public void Rejects_date_with_slashes_and_names_the_expected_format()
    {
        var error = Reject("bad-date/start-with-slashes.json");

        Assert.Equal(ArticleErrorKind.BadDate, error.Kind);
        Assert.Equal("$.mentions[0].start", error.JsonPath);
        Assert.Equal(16, error.Line);
        Assert.Equal(16, error.Column);
        Assert.Equal("2019/04/04", error.Value);
        Assert.Contains("yyyy-MM-dd", error.Hint);
    }

    [Fact]
    public void Rejects_February_30_as_not_a_calendar_date()
    {
        var error = Reject("bad-date/february-30.json");

        Assert.Equal(ArticleErrorKind.BadDate, error.Kind);
        Assert.Equal("$.mentions[0].end", error.JsonPath);
        Assert.Equal(17, error.Line);
        Assert.Equal("2019-02-30", error.Value);
        Assert.Contains("calendar date", error.Reason);
    }

    [Fact]
    public void Rejects_mention_whose_end_is_before_start_and_names_the_path()
    {
        var error = Reject("end-before-start/second-mention-ends-a-year-early.json");

        Assert.Equal(ArticleErrorKind.EndBeforeStart, error.Kind);
        Assert.Equal("$.mentions[1].end", error.JsonPath);
        Assert.Equal(28, error.Line);
        Assert.Equal("2018-04-04", error.Value);
        Assert.Contains("swap start and end", error.Hint);
    }

    [Fact]
    public void Rejects_duplicate_mention_id_and_points_at_the_first_use()
    {
        var error = Reject("duplicate-mention-id/two-mentions-called-first.json");

        Assert.Equal(ArticleErrorKind.DuplicateId, error.Kind);
        Assert.Equal("$.mentions[1].id", error.JsonPath);
        Assert.Equal(23, error.Line);
        Assert.Equal(13, error.Column);
        Assert.Equal("first", error.Value);
        Assert.Contains("$.mentions[0]", error.Hint);
    }

    [Fact]
    public void Rejects_article_without_author_and_points_at_its_object()
    {
        var error = Reject("missing-required-field/no-author.json");

        Assert.Equal(ArticleErrorKind.MissingField, error.Kind);
        Assert.Equal("$.author", error.JsonPath);
        Assert.Equal(1, error.Line);
        Assert.Equal(1, error.Column);
        Assert.Null(error.Value);
        Assert.Contains("\"author\"", error.Hint);
    }

    [Fact]
    public void Rejects_mention_without_end_because_end_is_always_written()
    {
        var error = Reject("missing-required-field/mention-without-end.json");

        Assert.Equal(ArticleErrorKind.MissingField, error.Kind);
        Assert.Equal("$.mentions[0].end", error.JsonPath);
        Assert.Equal(11, error.Line);
        Assert.Equal(5, error.Column);
    }

    [Fact]
    public void Reports_missing_comma_with_line_and_byte_position_from_the_parser()
    {
        var error = Reject("malformed-json/missing-comma-after-title.json");

        Assert.Equal(ArticleErrorKind.MalformedJson, error.Kind);
        Assert.Equal("$", error.JsonPath);
        Assert.Equal(4, error.Line);
        Assert.Equal(3, error.Column);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
        Assert.Contains("missing comma", error.Hint);
    }

    [Fact]
    public void Reports_trailing_comma_with_the_path_of_the_array_it_is_in()
    {
        var error = Reject("malformed-json/trailing-comma-in-tags.json");

        Assert.Equal(ArticleErrorKind.MalformedJson, error.Kind);
        Assert.Equal("$.mentions[0].tags", error.JsonPath);
        Assert.Equal(20, error.Line);
        Assert.Contains("trailing commas", error.Hint);
    }

    [Fact]
    public void Rejects_point_mention_whose_end_differs_from_start()
    {
        var error = Reject("point-end-mismatch/point-spanning-two-days.json");

        Assert.Equal(ArticleErrorKind.PointEndMismatch, error.Kind);
        Assert.Equal("$.mentions[0].end", error.JsonPath);
        Assert.Equal(17, error.Line);
        Assert.Equal("2019-04-05", error.Value);
        Assert.Contains("make the mention a period", error.Hint);
    }

    [Fact]
    public void Rejects_paragraph_beyond_the_declared_paragraph_count()
    {
        var error = Reject("paragraph-out-of-range/paragraph-beyond-count.json");

        Assert.Equal(ArticleErrorKind.ParagraphOutOfRange, error.Kind);
        Assert.Equal("$.mentions[0].paragraphs[1]", error.JsonPath);
        Assert.Equal(13, error.Line);
        Assert.Equal(25, error.Column);
        Assert.Equal("4", error.Value);
        Assert.Contains("paragraphCount (3)", error.Reason);
    }

    [Fact]
    public void Rejects_paragraph_zero_because_paragraphs_count_from_one()
    {
        var error = Reject("paragraph-out-of-range/paragraph-zero.json");

        Assert.Equal(ArticleErrorKind.ParagraphOutOfRange, error.Kind);
        Assert.Equal("$.mentions[0].paragraphs[0]", error.JsonPath);
        Assert.Equal(13, error.Line);
        Assert.Contains("count paragraphs from 1", error.Hint);
    }

    [Fact]
    public void Rejects_article_id_that_is_not_a_safe_slug()
    {
        var error = Reject("unsafe-id/article-id-with-slash-and-capitals.json");

        Assert.Equal(ArticleErrorKind.UnsafeId, error.Kind);
        Assert.Equal("$.id", error.JsonPath);
        Assert.Equal(2, error.Line);
        Assert.Equal(9, error.Column);
        Assert.Equal("Daily Sabah/2020", error.Value);
        Assert.Contains("file names", error.Hint);
    }

    [Fact]
    public void Rejects_mention_id_with_spaces()
    {
        var error = Reject("unsafe-id/mention-id-with-spaces.json");

        Assert.Equal(ArticleErrorKind.UnsafeId, error.Kind);
        Assert.Equal("$.mentions[0].id", error.JsonPath);
        Assert.Equal(12, error.Line);
    }

    [Fact]
    public void Rejects_paragraph_count_written_as_text()
    {
        var error = Reject("wrong-type/paragraph-count-as-text.json");

        Assert.Equal(ArticleErrorKind.WrongType, error.Kind);
        Assert.Equal("$.paragraphCount", error.JsonPath);
        Assert.Equal(9, error.Line);
        Assert.Equal(21, error.Column);
        Assert.Contains("without quotes", error.Hint);
    }

    [Fact]
    public void Rejects_unknown_mention_kind_and_lists_the_known_ones()
    {
        var error = Reject("unknown-name/kind-moment.json");

        Assert.Equal(ArticleErrorKind.InvalidValue, error.Kind);
        Assert.Equal("$.mentions[0].kind", error.JsonPath);
        Assert.Equal(15, error.Line);
        Assert.Equal("moment", error.Value);
        Assert.Contains("point, period", error.Hint);
    }

    [Fact]
    public void Rejects_field_given_twice_in_one_object()
    {
        var error = Reject("duplicate-field/start-given-twice.json");

        Assert.Equal(ArticleErrorKind.DuplicateField, error.Kind);
        Assert.Equal("$.mentions[0].start", error.JsonPath);
        Assert.Equal(17, error.Line);
        Assert.Equal(7, error.Column);
    }

    [Fact]
    public void Rejects_supported_verdict_that_cites_no_source()
    {
        var error = Reject("claim-without-source/supported-with-no-sources.json");

        Assert.Equal(ArticleErrorKind.InvalidValue, error.Kind);
        Assert.Equal("$.mentions[0].claimCheck.sources", error.JsonPath);
        Assert.Equal(26, error.Line);
        Assert.Contains("unverifiable", error.Hint);
    }

    [Fact]
    public void Error_message_carries_file_line_column_path_value_and_hint()
    {
        var error = Reject("bad-date/start-with-slashes.json");

        Assert.EndsWith("start-with-slashes.json", error.File);
        Assert.Contains("start-with-slashes.json:16:16: $.mentions[0].start:", error.Message);
        Assert.Contains("(got `2019/04/04`)", error.Message);
        Assert.Contains("Hint: dates are written yyyy-MM-dd", error.Message);
    }

    [Fact]
    public void Parse_reports_errors_without_a_file_name()
    {
        var error = Assert.Throws<ArticleCatalogException>(() => ArticleCatalog.Parse("{ \"id\": \"x\" }"));

        Assert.Null(error.File);
        Assert.Equal(ArticleErrorKind.MissingField, error.Kind);
        Assert.Equal("$.title", error.JsonPath);
        Assert.StartsWith("<json>:1:1:", error.Message);
    }

    [Fact]
    public void Loads_the_minimal_valid_fixture()
    {
        var article = ArticleCatalog.LoadFile(ArticleTestPaths.Fixture("valid/minimal-article.json"));

        Assert.Equal("fixture-article", article.Id);
        Assert.Null(article.Url);
        Assert.Single(article.Mentions);
    }

    [Fact]
    public void Rejects_date_inferred_written_as_text_with_file_line_and_column()
    {
        var error = Reject("wrong-type/date-inferred-as-text.json");

        Assert.Equal(ArticleErrorKind.WrongType, error.Kind);
        Assert.Equal("$.mentions[0].dateInferred", error.JsonPath);
        Assert.Equal(19, error.Line);
        Assert.Equal(23, error.Column);
        Assert.Equal("yes", error.Value);
        Assert.Contains("true or false without quotes", error.Hint);
        Assert.Contains("date-inferred-as-text.json:19:23: $.mentions[0].dateInferred:", error.Message);
    }

    [Fact]
    public void Rejects_an_inferred_date_without_a_basis_and_points_at_the_flag()
    {
        var error = Reject("missing-required-field/inferred-without-basis.json");

        Assert.Equal(ArticleErrorKind.MissingField, error.Kind);
        Assert.Equal("$.mentions[0].dateBasis", error.JsonPath);
        Assert.Equal(19, error.Line);
        Assert.Equal(23, error.Column);
        Assert.Contains("dateBasis", error.Hint);
        Assert.Contains("set dateInferred to false", error.Hint);
    }

    [Fact]
    public void Rejects_unknown_verdict_and_lists_the_known_ones_including_contradicted()
    {
        var error = Reject("unknown-name/verdict-refuted.json");

        Assert.Equal(ArticleErrorKind.InvalidValue, error.Kind);
        Assert.Equal("$.mentions[0].claimCheck.verdict", error.JsonPath);
        Assert.Equal(25, error.Line);
        Assert.Equal(20, error.Column);
        Assert.Equal("refuted", error.Value);
        Assert.Contains("supported, disputed, contradicted, unverifiable", error.Hint);
        Assert.Contains("verdict-refuted.json:25:20:", error.Message);
    }

    [Fact]
    public void Rejects_source_verified_written_as_text()
    {
        var error = Reject("wrong-type/verified-as-text.json");

        Assert.Equal(ArticleErrorKind.WrongType, error.Kind);
        Assert.Equal("$.mentions[0].claimCheck.sources[0].verified", error.JsonPath);
        Assert.Equal(27, error.Line);
        Assert.Equal(118, error.Column);
        Assert.Equal("no", error.Value);
    }

    [Fact]
    public void Reads_inferred_dates_contradicted_verdicts_and_source_verification()
    {
        var article = ArticleCatalog.LoadFile(ArticleTestPaths.Fixture("new-fields/inferred-contradicted-unverified.json"));
        var mention = Assert.Single(article.Mentions);

        Assert.True(mention.DateInferred);
        Assert.Equal("Record: an invented report of that day.", mention.DateBasis);
        Assert.Equal(Verdict.Contradicted, mention.ClaimCheck!.Verdict);
        Assert.Equal([false, true], mention.ClaimCheck.Sources.Select(s => s.Verified));
    }

    [Fact]
    public void Dates_are_stated_and_sources_unverified_unless_marked()
    {
        var mention = Assert.Single(ArticleCatalog.LoadFile(ArticleTestPaths.Fixture("valid/minimal-article.json")).Mentions);
        var source = new SourceReference("t", "p", new Uri("https://example.org/"));

        Assert.False(mention.DateInferred);
        Assert.Null(mention.DateBasis);
        Assert.False(source.Verified);
    }

    private static ArticleCatalogException Reject(string fixture) =>
        Assert.Throws<ArticleCatalogException>(() => ArticleCatalog.LoadFile(ArticleTestPaths.Fixture(fixture)));
}
