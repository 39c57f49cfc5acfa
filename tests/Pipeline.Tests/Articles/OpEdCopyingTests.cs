using System.Text.Json;
using Pipeline.Articles;

namespace Pipeline.Tests.Articles;

/// <summary>
/// The catalog must describe the op-ed in our own words. These checks read the op-ed from
/// ../shared/seeds; without it they pass vacuously on a workstation and fail on CI.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public class OpEdCopyingTests
{
    private const int WindowSize = 8;

    [Fact]
    public void No_paraphrase_or_claim_text_equals_or_contains_a_sentence_of_the_op_ed()
    {
        if (!TryReadOpEd(out var opEd))
        {
            return;
        }

        var sentences = OpEdText.Sentences(opEd);
        Assert.NotEmpty(sentences);
        foreach (var (where, text) in OurTexts())
        {
            var normalized = OpEdText.Normalize(text);
            foreach (var sentence in sentences)
            {
                Assert.False(normalized.Contains(sentence, StringComparison.Ordinal), $"{where} contains the op-ed sentence: {sentence}");
            }
        }
    }

    [Fact]
    public void No_eight_word_run_of_the_op_ed_appears_anywhere_in_the_shipped_JSON()
    {
        if (!TryReadOpEd(out var opEd))
        {
            return;
        }

        var opEdWindows = OpEdText.WordWindows(opEd, WindowSize);
        Assert.NotEmpty(opEdWindows);
        foreach (var file in Directory.GetFiles(ArticleTestPaths.ShippedArticles, "*.json"))
        {
            foreach (var text in AllStrings(file))
            {
                var shared = OpEdText.WordWindows(text, WindowSize).Intersect(opEdWindows).ToList();
                Assert.True(shared.Count == 0, $"{Path.GetFileName(file)} repeats the op-ed: \"{shared.FirstOrDefault()}\"");
            }
        }
    }

    [Fact]
    public void Window_check_catches_a_pasted_phrase()
    {
        // Guards the guard: a lightly re-punctuated copy must still be detected.
        var source = "One two three, four five six seven eight nine.";
        var copied = "prefix ONE two three four five -- six seven eight suffix";

        Assert.NotEmpty(OpEdText.WordWindows(copied, WindowSize).Intersect(OpEdText.WordWindows(source, WindowSize)));
    }

    private static IEnumerable<(string Where, string Text)> OurTexts()
    {
        var catalog = ArticleCatalog.LoadFolder(ArticleTestPaths.ShippedArticles);
        foreach (var article in catalog)
        {
            foreach (var mention in article.Mentions)
            {
                var at = $"{article.Id}/{mention.Id}";
                yield return ($"{at} paraphrase", mention.Paraphrase);
                if (mention.Note is not null)
                {
                    yield return ($"{at} note", mention.Note);
                }

                if (mention.ClaimCheck is { } check)
                {
                    yield return ($"{at} implied", check.Implied);
                    yield return ($"{at} record", check.Record);
                }
            }
        }
    }

    private static IEnumerable<string> AllStrings(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        var pending = new Stack<JsonElement>();
        pending.Push(document.RootElement);
        var found = new List<string>();
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    found.Add(element.GetString()!);
                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        pending.Push(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }

        return found;
    }

    private static bool TryReadOpEd(out string text)
    {
        var path = ArticleTestPaths.OpEdText;
        if (File.Exists(path))
        {
            text = File.ReadAllText(path);
            return true;
        }

        Assert.False(ArticleTestPaths.OnCi, $"CI must provide the op-ed at {path}");
        text = string.Empty;
        return false;
    }
}
