using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Articles.Suggest;

/// <summary>
/// <c>pipeline mentions confirm</c>: marks a draft's suggested mentions <c>"status": "confirmed"</c> once a person
/// has written their paraphrases. Refuses (changing nothing) when a mention to confirm still has a null or blank
/// paraphrase, naming it. Other fields, and the <c>suggestion</c> record of where the text said it, are kept.
/// </summary>
public static class MentionConfirmer
{
    /// <summary>Confirms the suggested mentions of the draft at <paramref name="path"/> and rewrites it atomically.</summary>
    /// <param name="path">The draft catalog file.</param>
    /// <param name="mentionId">Only this mention, or null for every suggested mention.</param>
    /// <returns>The ids confirmed now (empty when none was still suggested).</returns>
    /// <exception cref="ArticleTextException">The file is missing or not JSON, the id is unknown, or a paraphrase is missing.</exception>
    public static IReadOnlyList<string> Confirm(string path, string? mentionId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new ArticleTextException($"{path}: no such file; give the draft that mentions suggest wrote (its {{MentionSuggester.Out}} FILE.json)");
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllBytes(path), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } l ? $":{l + 1}:{(ex.BytePositionInLine ?? 0) + 1}" : string.Empty;
            throw new ArticleTextException($"{path}{where}: not valid JSON ({ex.Message.Split(" LineNumber:")[0].TrimEnd('.')}); fix the JSON at that position and run confirm again");
        }

        if (root?["mentions"] is not JsonArray mentions)
        {
            throw new ArticleTextException($"{path}: $.mentions: no mentions array; this is not an article file (see data/articles/README.md)");
        }

        var items = mentions.Select((m, i) => (Node: m as JsonObject, Index: i)).ToList();
        var notObject = items.FindIndex(x => x.Node is null);
        if (notObject >= 0)
        {
            throw new ArticleTextException($"{path}: $.mentions[{notObject}]: a mention must be a JSON object; fix or remove it");
        }

        var chosen = items.Where(x => mentionId is null
                ? IsSuggested(x.Node!)
                : string.Equals(Id(x.Node!), mentionId, StringComparison.Ordinal))
            .ToList();
        if (mentionId is not null && chosen.Count == 0)
        {
            var ids = items.Select(x => Id(x.Node!)).OfType<string>().ToList();
            var near = Text.NameSuggestion.Nearest(mentionId, ids);
            var hint = near is null ? $"the draft's ids are: {string.Join(", ", ids)}" : $"did you mean '{near}'?";
            throw new ArticleTextException($"{path}: no mention with id '{mentionId}'; {hint}");
        }

        var unwritten = chosen.Where(x => x.Node!["paraphrase"] is not JsonValue v || v.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetValue<string>())).ToList();
        if (unwritten.Count > 0)
        {
            var named = string.Join(", ", unwritten.Select(x => $"'{Id(x.Node!)}' ($.mentions[{x.Index}].paraphrase)"));
            throw new ArticleTextException($"{path}: cannot confirm {named}: the paraphrase is still null; write a short paraphrase in your own words (never the article's sentence), check the dates, then run confirm again. Nothing was changed");
        }

        foreach (var (node, _) in chosen)
        {
            node!["status"] = MentionSuggester.Confirmed;
        }

        var bytes = Encoding.UTF8.GetBytes(root.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            NewLine = "\n",
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n");
        AtomicFile.Write(path, bytes);
        return chosen.Select(x => Id(x.Node!) ?? $"mentions[{x.Index}]").ToList();
    }

    private static string? Id(JsonObject mention) =>
        mention["id"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static bool IsSuggested(JsonObject mention) =>
        mention["status"] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == MentionSuggester.Suggested;
}
