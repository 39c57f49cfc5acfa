using System.Text;
using System.Text.Json;
using Pipeline.Articles;
using Pipeline.Articles.Suggest;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Articles.Suggest;

/// <summary>
/// <c>pipeline mentions suggest|confirm</c> and the catalog's refusal of drafts: reading text and HTML, bad input
/// (each a one-line error naming the file), the draft's shape (null paraphrases, no copied words), countries with
/// demonyms, and the confirm step.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public sealed class MentionSuggestTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 1, 1);

    // Our own invented text (not from any article).
    private const string Sample = "Rival forces clashed near the Libyan port in March 2019.\n\nTurkish drones arrived last year, officials in Ankara said.\n\n   \n\nNo date here, only 2,014 people and page 1999.\n";

    private readonly string folder = Directory.CreateTempSubdirectory("suggest-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Plain_text_is_split_on_blank_lines_and_blank_runs_are_not_paragraphs()
    {
        var text = ArticleText.Parse("a.txt", Encoding.UTF8.GetBytes(Sample));
        Assert.False(text.IsHtml);
        Assert.Equal(3, text.Paragraphs.Count);
        Assert.StartsWith("Turkish", text.Paragraphs[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Html_paragraphs_are_p_elements_with_tags_stripped_and_entities_decoded()
    {
        var html = "<html><head><style>p{}</style><script>var p='<p>x</p>';</script></head><body><h1>Head</h1><p class=\"a\">Fighting in <b>March&nbsp;2019</b> &amp; after.</p><!-- <p>hidden 1990</p> --><p>Second &#8211; 2014.</p><p> </p></body></html>";
        var text = ArticleText.Parse("a.html", Encoding.UTF8.GetBytes(html));
        Assert.True(text.IsHtml);
        Assert.Equal(["Fighting in March 2019 & after.", "Second \u2013 2014."], text.Paragraphs);
        var found = DateExpressionFinder.Find(text.Paragraphs, Today);
        Assert.Equal([(1, new DateOnly(2019, 3, 1)), (2, new DateOnly(2014, 1, 1))], found.Select(f => (f.Paragraph, f.SpanStart)));
    }

    [Fact]
    public void Bad_files_give_one_line_errors_naming_the_file_and_the_fix()
    {
        AssertError("empty.txt", [], "empty.txt: the file is empty");
        AssertError("blank.txt", Encoding.UTF8.GetBytes(" \n\n\t\n"), "blank.txt: the file holds only white space");
        AssertError("doc.pdf", [0x25, 0x50, 0x44, 0x46, 0x0A, 0x00, 0x01], "doc.pdf:2:1: a NUL byte");
        AssertError("latin.txt", [0x61, 0x0A, 0x62, 0x63, 0xE9, 0x0A], "latin.txt:2:3: byte 0xE9 is not UTF-8");
        AssertError("digits.txt", Encoding.UTF8.GetBytes("1 2 3\n\n4 5 6\n"), "digits.txt: no paragraph with any letters");
        AssertError("page.html", Encoding.UTF8.GetBytes("<html><body><div>text 2014</div></body></html>"), "page.html: no <p> paragraph");

        static void AssertError(string name, byte[] bytes, string start)
        {
            var ex = Assert.Throws<ArticleTextException>(() => ArticleText.Parse(name, bytes));
            Assert.StartsWith(start, ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', ex.Message);
        }
    }

    [Theory]
    [InlineData("2020-13-01", "is not a yyyy-MM-dd date")]
    [InlineData("3 January 2020", "is not a yyyy-MM-dd date")]
    [InlineData("2026-01-02", "is in the future (today is 2026-01-01)")]
    public void Bad_publication_days_are_refused(string value, string reason)
    {
        var ex = Assert.Throws<ArticleTextException>(() => MentionSuggester.ParsePublished(value, Today));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 1, 1), MentionSuggester.ParsePublished("2026-01-01", Today));
    }

    [Fact]
    public void Ambiguous_numeric_dates_are_not_proposed_but_reported()
    {
        string[] paragraphs = ["Stamped 3/1/2020, then 13/1/2020, then 5/5/2020 and 1/13/2020.", "Nothing 40/40/2020 here."];
        var found = DateExpressionFinder.Find(paragraphs, Today);
        Assert.Equal([new DateOnly(2020, 1, 13), new DateOnly(2020, 5, 5), new DateOnly(2020, 1, 13)], found.Select(f => f.SpanStart));
        Assert.Equal([(1, 8, 8)], DateExpressionFinder.AmbiguousNumericDates(paragraphs, Today));

        var file = Path.Combine(folder, "numeric.txt");
        File.WriteAllText(file, paragraphs[0]);
        var (code, _, stderr) = CliRun.Run("mentions", "suggest", file, "--published", "2020-06-01");
        Assert.Equal(0, code);
        Assert.Contains("paragraph 1, characters 8..16: a numeric date that reads as day/month or month/day; not proposed", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Countries_are_found_by_name_and_demonym_in_ACLED_spelling()
    {
        Assert.Equal(["Libya", "Turkey", "United Arab Emirates", "United States"], CountryNames.In("Libyan and Turkish officers met the UAE envoy and a U.S. diplomat in Tripoli."));
        Assert.Equal(["Chad", "Libya"], CountryNames.In("The Chadian-Libyan border war."));
        Assert.Empty(CountryNames.In("We had to chad the ballot; a turkish bath."));
    }

    [Fact]
    public void The_draft_proposes_every_expression_with_null_paraphrases_and_copies_no_words()
    {
        var text = ArticleText.Parse("sample.txt", Encoding.UTF8.GetBytes(Sample));
        var published = new DateOnly(2020, 1, 3);
        var found = MentionSuggester.Find(text, published);
        var json = MentionSuggester.Draft(text, published, "sample", found);
        Assert.Equal(json, MentionSuggester.Draft(text, published, "sample", found));

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("Libya", root.GetProperty("scopeCountry").GetString());
        Assert.Equal(3, root.GetProperty("paragraphCount").GetInt32());
        var mentions = root.GetProperty("mentions").EnumerateArray().ToList();
        Assert.Equal(2, mentions.Count);
        Assert.All(mentions, m =>
        {
            Assert.Equal(JsonValueKind.Null, m.GetProperty("paraphrase").ValueKind);
            Assert.Equal("suggested", m.GetProperty("status").GetString());
        });

        var march = mentions[0];
        Assert.Equal("p1-2019-03", march.GetProperty("id").GetString());
        Assert.Equal(("point", "2019-03-01", "2019-03-01", "month"), (march.GetProperty("kind").GetString(), march.GetProperty("start").GetString(), march.GetProperty("end").GetString(), march.GetProperty("precision").GetString()));
        Assert.Equal(["Libya"], march.GetProperty("scopeCountries").EnumerateArray().Select(c => c.GetString()));
        var trigger = march.GetProperty("suggestion");
        Assert.Equal("March 2019", text.Paragraphs[0].Substring(trigger.GetProperty("offset").GetInt32(), trigger.GetProperty("length").GetInt32()));
        Assert.Equal("2019-03-31", trigger.GetProperty("spanEnd").GetString());

        var lastYear = mentions[1];
        Assert.Equal(("p2-2019", "2019-01-01"), (lastYear.GetProperty("id").GetString(), lastYear.GetProperty("start").GetString()));
        Assert.Equal(["Turkey"], lastYear.GetProperty("scopeCountries").EnumerateArray().Select(c => c.GetString()));

        // No run of four words from the article reaches the draft.
        var draftWindows = OpEdText.WordWindows(json, 4);
        Assert.Empty(OpEdText.WordWindows(Sample, 4).Intersect(draftWindows));
    }

    [Fact]
    public void The_catalog_refuses_a_draft_naming_the_file_and_the_unconfirmed_mention_then_accepts_it_once_confirmed()
    {
        var path = WriteDraft();
        var ex = Assert.Throws<ArticleCatalogException>(() => ArticleCatalog.LoadFile(path));
        Assert.Equal(ArticleErrorKind.UnconfirmedMention, ex.Kind);
        Assert.Equal("$.mentions[0].status", ex.JsonPath);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("mention 'p1-2019-03' is a suggestion nobody has confirmed yet", ex.Message, StringComparison.Ordinal);
        Assert.Contains("confirm it (MentionConfirmer.Confirm, or the command pipeline mentions confirm)", ex.Message, StringComparison.Ordinal);

        // Confirm refuses while a paraphrase is null, names it, and changes nothing.
        var before = File.ReadAllBytes(path);
        var refused = Assert.Throws<ArticleTextException>(() => MentionConfirmer.Confirm(path, null));
        Assert.Contains("'p1-2019-03' ($.mentions[0].paraphrase)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'p2-2019' ($.mentions[1].paraphrase)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));

        Fill(path, 0);
        Assert.Equal(["p1-2019-03"], MentionConfirmer.Confirm(path, "p1-2019-03"));
        var second = Assert.Throws<ArticleCatalogException>(() => ArticleCatalog.LoadFile(path));
        Assert.Equal("$.mentions[1].status", second.JsonPath);

        var typo = Assert.Throws<ArticleTextException>(() => MentionConfirmer.Confirm(path, "p2-2018"));
        Assert.Contains("did you mean 'p2-2019'?", typo.Message, StringComparison.Ordinal);

        Fill(path, 1);
        Assert.Equal(["p2-2019"], MentionConfirmer.Confirm(path, null));
        var article = ArticleCatalog.LoadFile(path);
        Assert.Equal(2, article.Mentions.Count);
        Assert.Equal("Our words for the first find.", article.Mentions[0].Paraphrase);
    }

    [Fact]
    public void A_null_paraphrase_is_refused_even_without_a_status_and_a_bad_status_is_named()
    {
        var path = WriteDraft();
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        Fill(node, "title", "author", "outlet");
        node["mentions"]![0]!.AsObject().Remove("status");
        var unparaphrased = Assert.Throws<ArticleCatalogException>(() => ArticleCatalog.Parse(node.ToJsonString(), "d.json"));
        Assert.Equal((ArticleErrorKind.UnconfirmedMention, "$.mentions[0].paraphrase"), (unparaphrased.Kind, unparaphrased.JsonPath));
        Assert.Contains("mention 'p1-2019-03' has no paraphrase yet", unparaphrased.Message, StringComparison.Ordinal);

        node["mentions"]![0]!["status"] = "approved";
        var bad = Assert.Throws<ArticleCatalogException>(() => ArticleCatalog.Parse(node.ToJsonString(), "d.json"));
        Assert.Equal((ArticleErrorKind.InvalidValue, "$.mentions[0].status"), (bad.Kind, bad.JsonPath));
    }

    [Fact]
    public void Cli_suggest_writes_the_draft_refuses_an_existing_out_without_force_and_notes_no_dates()
    {
        var article = Path.Combine(folder, "My Article.txt");
        File.WriteAllText(article, Sample);
        var draft = Path.Combine(folder, "draft.json");

        var (code, stdout, stderr) = CliRun.Run("mentions", "suggest", article, "--published", "2020-01-03", "--out", draft);
        Assert.Equal(0, code);
        Assert.Contains("2 suggested mention(s) in 3 paragraph(s)", stdout, StringComparison.Ordinal);
        Assert.Contains("paragraph 1, characters 45..55: month-year", stderr, StringComparison.Ordinal);
        Assert.Equal("my-article", JsonDocument.Parse(File.ReadAllText(draft)).RootElement.GetProperty("id").GetString());

        File.WriteAllText(draft, "mine");
        (code, _, stderr) = CliRun.Run("mentions", "suggest", article, "--published", "2020-01-03", "--out", draft);
        Assert.Equal(1, code);
        Assert.Contains($"--out {draft} already exists; pass --force", stderr, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(draft));

        (code, _, _) = CliRun.Run("mentions", "suggest", article, "--published", "2020-01-03", "--out", draft, "--force", "--id", "x-1");
        Assert.Equal(0, code);
        Assert.Equal("x-1", JsonDocument.Parse(File.ReadAllText(draft)).RootElement.GetProperty("id").GetString());

        var plain = Path.Combine(folder, "plain.txt");
        File.WriteAllText(plain, "Nothing dated happens in this paragraph.\n");
        (code, stdout, stderr) = CliRun.Run("mentions", "suggest", plain, "--published", "2020-01-03");
        Assert.Equal(0, code);
        Assert.Contains("note: ", stderr, StringComparison.Ordinal);
        Assert.Contains("no dated expressions found in 1 paragraph(s)", stderr, StringComparison.Ordinal);
        Assert.Equal(0, JsonDocument.Parse(stdout).RootElement.GetProperty("mentions").GetArrayLength());

        (code, _, stderr) = CliRun.Run("mentions", "suggest", plain, "--published", "3000-01-01");
        Assert.Equal(1, code);
        Assert.Contains("error: --published 3000-01-01 is in the future", stderr, StringComparison.Ordinal);

        File.WriteAllBytes(plain, []);
        (code, _, stderr) = CliRun.Run("mentions", "suggest", plain, "--published", "2020-01-03");
        Assert.Equal(1, code);
        Assert.Contains($"error: {plain}: the file is empty", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_confirm_refuses_a_null_paraphrase_by_name_and_reports_what_is_still_to_fix()
    {
        var path = WriteDraft();
        var (code, _, stderr) = CliRun.Run("mentions", "confirm", path, "--id", "p2-2019");
        Assert.Equal(1, code);
        Assert.Contains("cannot confirm 'p2-2019'", stderr, StringComparison.Ordinal);

        Fill(path, 1);
        (code, var stdout, _) = CliRun.Run("mentions", "confirm", path, "--id", "p2-2019");
        Assert.Equal(0, code);
        Assert.Contains("confirmed p2-2019", stdout, StringComparison.Ordinal);
        Assert.Contains("still to fix before the catalog takes it", stdout, StringComparison.Ordinal);
        Assert.Contains("'p1-2019-03'", stdout, StringComparison.Ordinal);
    }

    private string WriteDraft()
    {
        var text = ArticleText.Parse("sample.txt", Encoding.UTF8.GetBytes(Sample));
        var published = new DateOnly(2020, 1, 3);
        var path = Path.Combine(folder, "draft.json");
        var node = System.Text.Json.Nodes.JsonNode.Parse(MentionSuggester.Draft(text, published, "sample", MentionSuggester.Find(text, published)))!;
        Fill(node, "title", "author", "outlet");
        File.WriteAllText(path, node.ToJsonString());
        return path;
    }

    private static void Fill(System.Text.Json.Nodes.JsonNode node, params string[] fields)
    {
        foreach (var f in fields)
        {
            node[f] = "Filled by hand";
        }
    }

    private static void Fill(string path, int mention)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        node["mentions"]![mention]!["paraphrase"] = mention == 0 ? "Our words for the first find." : "Our words for the second find.";
        File.WriteAllText(path, node.ToJsonString());
    }
}
