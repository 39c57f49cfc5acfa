using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Events;
using Pipeline.Intensity;
using Pipeline.Text;

namespace Pipeline.Articles.Suggest;

/// <summary>
/// Proposes a draft catalog entry for an article: every dated expression <see cref="DateExpressionFinder"/> finds
/// becomes a mention with <c>"paraphrase": null</c> and <c>"status": "suggested"</c>, its paragraph, dates,
/// precision, the countries its paragraph names, and a <c>suggestion</c> object with the trigger's offsets, the
/// span it could mean and a confidence. No words of the article are copied into the draft.
/// </summary>
public static partial class MentionSuggester
{
    /// <summary>The value of a mention's <c>status</c> field in a draft; the catalog refuses it.</summary>
    public const string Suggested = "suggested";

    /// <summary>The value <c>pipeline mentions confirm</c> writes once a person has checked the mention.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>The publication day parameter, as messages name it (the CLI shows <c>--published</c>).</summary>
    public const string Published = "MentionSuggester.Published";

    /// <summary>The draft file parameter, as messages name it (the CLI shows <c>--out</c>).</summary>
    public const string Out = "MentionSuggester.Out";

    /// <summary>Checks a <c>--published</c> value: a real <c>yyyy-MM-dd</c> day not after <paramref name="today"/>.</summary>
    /// <exception cref="ArticleTextException">Unparsable, or in the future.</exception>
    public static DateOnly ParsePublished(string value, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsoDate.TryParse(value.Trim(), out var day))
        {
            throw new ArticleTextException($"{{MentionSuggester.Published}} '{value}' is not a yyyy-MM-dd date; give the day the article appeared, e.g. {{MentionSuggester.Published}} 2020-01-03");
        }

        if (day > today)
        {
            throw new ArticleTextException($"{{MentionSuggester.Published}} {IsoDate.Format(day)} is in the future (today is {IsoDate.Format(today)}); give the day the article appeared");
        }

        return day;
    }

    /// <summary>True when <paramref name="value"/> is a safe slug the catalog accepts as an id.</summary>
    public static bool IsSlug(string? value) => ArticleRules.IsSafeSlug(value);

    /// <summary>An article id from a file name: lower-case letters and digits joined by hyphens.</summary>
    public static string IdFromFileName(string path)
    {
        var slug = NotSlug().Replace(Path.GetFileNameWithoutExtension(path).ToLowerInvariant(), "-").Trim('-');
        return slug.Length == 0 ? "article" : slug;
    }

    /// <summary>Finds the dated expressions of <paramref name="text"/> relative to <paramref name="published"/>.</summary>
    public static IReadOnlyList<DateExpression> Find(ArticleText text, DateOnly published)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DateExpressionFinder.Find(text.Paragraphs, published);
    }

    /// <summary>The draft catalog entry as indented JSON (LF line ends, deterministic for the same input).</summary>
    /// <param name="text">The article's paragraphs.</param>
    /// <param name="published">Publication day.</param>
    /// <param name="id">The article id (a slug).</param>
    /// <param name="found">The expressions to propose, from <see cref="Find"/>.</param>
    public static string Draft(ArticleText text, DateOnly published, string id, IReadOnlyList<DateExpression> found)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(found);
        Preconditions.Slug(id, nameof(id));
        var countries = text.Paragraphs.Select(CountryNames.In).ToList();
        var main = countries.SelectMany(c => c)
            .GroupBy(c => c, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => countries.FindIndex(c => c.Contains(g.Key)))
            .Select(g => g.Key)
            .FirstOrDefault();

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteNull("title");
            w.WriteNull("author");
            w.WriteNull("outlet");
            w.WriteString("published", IsoDate.Format(published));
            w.WriteNull("url");
            w.WriteString("language", "en");
            if (main is null)
            {
                w.WriteNull("scopeCountry");
            }
            else
            {
                w.WriteString("scopeCountry", main);
            }

            w.WriteNumber("paragraphCount", text.Paragraphs.Count);
            w.WriteStartArray("mentions");
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in found)
            {
                WriteMention(w, e, MentionId(e, used), countries[e.Paragraph - 1], main);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string MentionId(DateExpression e, HashSet<string> used)
    {
        var dates = e.Kind == MentionKind.Period
            ? $"{Label(e.SpanStart, e.Precision)}-to-{Label(e.SpanEnd, e.Precision)}"
            : Label(e.SpanStart, e.Precision);
        var stem = $"p{e.Paragraph}-{dates}";
        var id = stem;
        for (var n = 2; !used.Add(id); n++)
        {
            id = $"{stem}-{n}";
        }

        return id;
    }

    private static string Label(DateOnly day, DatePrecision precision) => MentionDates.AtPrecision(day, precision);

    private static void WriteMention(Utf8JsonWriter w, DateExpression e, string id, IReadOnlyList<string> countries, string? main)
    {
        static string Day(DateOnly d) => IsoDate.Format(d);
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteStartArray("paragraphs");
        w.WriteNumberValue(e.Paragraph);
        w.WriteEndArray();
        w.WriteNull("paraphrase");
        w.WriteString("kind", e.Kind == MentionKind.Point ? "point" : "period");
        w.WriteString("start", Day(e.Start));
        w.WriteString("end", Day(e.End));
        w.WriteString("precision", e.Precision.ToString().ToLowerInvariant());
        w.WriteBoolean("dateInferred", false);
        w.WriteString("dateBasis", $"Suggested from paragraph {e.Paragraph} ({e.Form}); check the dates against the text.");
        w.WriteStartArray("scopeCountries");
        foreach (var c in countries.Count > 0 ? countries : main is null ? [] : [main])
        {
            w.WriteStringValue(c);
        }

        w.WriteEndArray();
        w.WriteStartArray("tags");
        w.WriteEndArray();
        w.WriteString("status", Suggested);
        w.WriteStartObject("suggestion");
        w.WriteNumber("paragraph", e.Paragraph);
        w.WriteNumber("offset", e.Offset);
        w.WriteNumber("length", e.Length);
        w.WriteString("form", e.Form);
        w.WriteString("spanStart", Day(e.SpanStart));
        w.WriteString("spanEnd", Day(e.SpanEnd));
        w.WriteNumber("confidence", Math.Round(e.Confidence, 2));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
