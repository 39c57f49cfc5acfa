using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.Articles;

namespace Pipeline.Tests.Articles;

/// <summary>
/// Writes an <see cref="Article"/> in the catalog's JSON schema, so the round-trip tests can save an article and
/// check that the catalog reads it back unchanged (test-only: moved out of the library, which never writes articles). Output is canonical: fixed
/// field order, two-space indent, <c>\n</c> line ends, non-ASCII letters kept readable.
/// </summary>
internal static class ArticleJsonWriter
{
    /// <summary>Returns the article as catalog JSON, ending with a newline.</summary>
    public static string ToJson(Article article)
    {
        using var stream = new MemoryStream();
        Write(article, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the article as UTF-8 catalog JSON (no byte-order mark) to <paramref name="stream"/>.</summary>
    public static void Write(Article article, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(stream);
        var options = new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 2,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            WriteArticle(writer, article);
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>
    /// Saves the article to <paramref name="path"/> atomically (temporary file, then move), creating
    /// the folder if needed, so a crash never leaves a half-written file for the catalog to trip on.
    /// </summary>
    public static void Save(Article article, string path)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);

        // The temporary name does not end in .json, so a catalog load running meanwhile ignores it.
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                Write(article, stream);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static void WriteArticle(Utf8JsonWriter w, Article a)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("title", a.Title);
        w.WriteString("author", a.Author);
        w.WriteString("outlet", a.Outlet);
        w.WriteString("published", Format(a.Published));
        if (a.Url is not null)
        {
            w.WriteString("url", a.Url.OriginalString);
        }

        w.WriteString("language", a.Language);
        w.WriteString("scopeCountry", a.ScopeCountry);
        w.WriteNumber("paragraphCount", a.ParagraphCount);
        w.WriteStartArray("mentions");
        foreach (var mention in a.Mentions)
        {
            WriteMention(w, mention);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteMention(Utf8JsonWriter w, Mention m)
    {
        w.WriteStartObject();
        w.WriteString("id", m.Id);
        w.WriteStartArray("paragraphs");
        foreach (var paragraph in m.Paragraphs)
        {
            w.WriteNumberValue(paragraph);
        }

        w.WriteEndArray();
        w.WriteString("paraphrase", m.Paraphrase);
        w.WriteString("kind", NameOf(ArticleJsonReader.KindNames, m.Kind));
        w.WriteString("start", Format(m.Start));
        w.WriteString("end", Format(m.End));
        w.WriteString("precision", NameOf(ArticleJsonReader.PrecisionNames, m.Precision));
        w.WriteBoolean("dateInferred", m.DateInferred);
        if (m.DateBasis is not null)
        {
            w.WriteString("dateBasis", m.DateBasis);
        }

        WriteTexts(w, "scopeCountries", m.ScopeCountries);
        WriteTexts(w, "tags", m.Tags);
        if (m.Note is not null)
        {
            w.WriteString("note", m.Note);
        }

        if (m.ClaimCheck is { } check)
        {
            w.WritePropertyName("claimCheck");
            WriteClaimCheck(w, check);
        }

        w.WriteEndObject();
    }

    private static void WriteClaimCheck(Utf8JsonWriter w, ClaimCheck c)
    {
        w.WriteStartObject();
        w.WriteString("implied", c.Implied);
        w.WriteString("record", c.Record);
        w.WriteStartArray("recordDates");
        foreach (var date in c.RecordDates)
        {
            w.WriteStartObject();
            w.WriteString("date", Format(date.Date));
            w.WriteString("label", date.Label);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("verdict", NameOf(ArticleJsonReader.VerdictNames, c.Verdict));
        w.WriteStartArray("sources");
        foreach (var source in c.Sources)
        {
            w.WriteStartObject();
            w.WriteString("title", source.Title);
            w.WriteString("publisher", source.Publisher);
            w.WriteString("url", source.Url.OriginalString);
            if (source.Accessed is { } accessed)
            {
                w.WriteString("accessed", Format(accessed));
            }

            w.WriteBoolean("verified", source.Verified);

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTexts(Utf8JsonWriter w, string name, IReadOnlyList<string> texts)
    {
        w.WriteStartArray(name);
        foreach (var text in texts)
        {
            w.WriteStringValue(text);
        }

        w.WriteEndArray();
    }

    private static string Format(DateOnly date) => date.ToString(ArticleRules.DateFormat, CultureInfo.InvariantCulture);

    private static string NameOf<T>(System.Collections.Immutable.ImmutableArray<(string Name, T Value)> names, T value)
        where T : struct, Enum =>
        names.First(n => EqualityComparer<T>.Default.Equals(n.Value, value)).Name;
}
