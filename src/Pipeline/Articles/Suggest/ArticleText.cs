using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Articles.Suggest;

/// <summary>
/// An article's text split into numbered paragraphs: plain text split on blank lines, or HTML split on its
/// <c>&lt;p&gt;</c> elements with tags stripped and entities decoded. Paragraph texts are trimmed; the
/// offsets <see cref="MentionSuggester"/> reports are character (UTF-16) offsets into them.
/// </summary>
/// <param name="File">The file read, as given (labels errors and notes).</param>
/// <param name="IsHtml">True when the file was read as HTML.</param>
/// <param name="Paragraphs">The paragraphs in order; paragraph n is <c>Paragraphs[n - 1]</c>.</param>
public sealed partial record ArticleText(string File, bool IsHtml, IReadOnlyList<string> Paragraphs)
{
    /// <summary>Reads and splits <paramref name="path"/>.</summary>
    /// <exception cref="ArticleTextException">The file is empty, binary, not UTF-8, or has no paragraphs.</exception>
    public static ArticleText Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!System.IO.File.Exists(path))
        {
            throw new ArticleTextException($"{path}: no such file; give the path of the article saved as plain text (.txt) or HTML");
        }

        return Parse(path, System.IO.File.ReadAllBytes(path));
    }

    /// <summary>Splits the bytes of an article file; <paramref name="file"/> labels errors.</summary>
    /// <exception cref="ArticleTextException">The bytes are empty, binary, not UTF-8, or have no paragraphs.</exception>
    public static ArticleText Parse(string file, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            bytes = bytes[3..];
        }

        if (bytes.Length == 0)
        {
            throw new ArticleTextException($"{file}: the file is empty; save the article's text into it (plain text, a blank line between paragraphs) and run again");
        }

        var nul = Array.IndexOf(bytes, (byte)0);
        var bad = FirstInvalidUtf8(bytes);
        if (nul >= 0 || bad is not null)
        {
            var at = nul >= 0 && (bad is null || nul < bad) ? nul : bad!.Value;
            var (line, column) = Locate(bytes, at);
            var what = nul >= 0 && at == nul ? "a NUL byte: this looks like a binary file (PDF, Word, image)" : $"byte 0x{bytes[at]:X2} is not UTF-8";
            throw new ArticleTextException($"{file}:{line}:{column}: {what}; save the article as UTF-8 plain text (.txt) or HTML and give that file");
        }

        var text = Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArticleTextException($"{file}: the file holds only white space; save the article's text into it and run again");
        }

        var isHtml = LooksLikeHtml(file, text);
        var paragraphs = isHtml ? HtmlParagraphs(text) : TextParagraphs(text);
        if (paragraphs.Count == 0)
        {
            throw new ArticleTextException(isHtml
                ? $"{file}: no <p> paragraph with any letters in this HTML; save the article as plain text with a blank line between paragraphs instead"
                : $"{file}: no paragraph with any letters; the article's text must be words, with a blank line between paragraphs");
        }

        return new ArticleText(file, isHtml, paragraphs);
    }

    private static bool LooksLikeHtml(string file, string text)
    {
        var ext = Path.GetExtension(file);
        if (ext.Equals(".html", StringComparison.OrdinalIgnoreCase) || ext.Equals(".htm", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var head = text.TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || ParagraphElement().IsMatch(text);
    }

    private static List<string> TextParagraphs(string text) =>
        BlankLines().Split(text)
            .Select(p => p.Trim())
            .Where(p => p.Any(char.IsLetter))
            .ToList();

    private static List<string> HtmlParagraphs(string html)
    {
        var cleaned = ScriptOrStyle().Replace(Comment().Replace(html, " "), " ");
        var result = new List<string>();
        foreach (Match m in ParagraphElement().Matches(cleaned))
        {
            var inner = Tag().Replace(m.Groups[1].Value, " ");
            var decoded = WebUtility.HtmlDecode(inner);
            var collapsed = Spaces().Replace(decoded, " ").Trim();
            if (collapsed.Any(char.IsLetter))
            {
                result.Add(collapsed);
            }
        }

        return result;
    }

    private static int? FirstInvalidUtf8(byte[] bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return null;
        }

        var offset = 0;
        while (Rune.DecodeFromUtf8(bytes.AsSpan(offset), out _, out var read) == System.Buffers.OperationStatus.Done)
        {
            offset += read;
        }

        return offset;
    }

    /// <summary>1-based line and byte column of a byte offset.</summary>
    private static (int Line, int Column) Locate(byte[] bytes, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"<p\b[^>]*>(.*?)</p\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ParagraphElement();

    [GeneratedRegex(@"<(script|style)\b.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>An article file <see cref="ArticleText"/> or the suggester cannot use; the message is one line naming the file and the fix.</summary>
public sealed class ArticleTextException : Exception, INamesParameters
{
    /// <summary>Creates the exception; parameters in <paramref name="messageTemplate"/> are written as <c>{Type.Member}</c> (see <see cref="ParameterText"/>).</summary>
    public ArticleTextException(string messageTemplate)
        : base(ParameterText.Render(messageTemplate))
    {
        MessageTemplate = messageTemplate;
    }

    /// <inheritdoc />
    public string MessageTemplate { get; }
}
