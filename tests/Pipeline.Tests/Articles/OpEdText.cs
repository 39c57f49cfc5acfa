using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Tests.Articles;

/// <summary>Splits the op-ed into paragraphs, sentences and word windows for the no-copying checks.</summary>
internal static partial class OpEdText
{
    public static IReadOnlyList<string> Paragraphs(string text) =>
        BlankLines().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal))
            .Select(p => p.Trim())
            .Where(p => p.Length > 0)
            .ToList();

    public static IReadOnlyList<string> Sentences(string text) =>
        Paragraphs(text)
            .SelectMany(p => SentenceEnd().Split(p))
            .Select(Normalize)
            .Where(s => s.Split(' ').Length >= 3)
            .ToList();

    /// <summary>Lower-case words only, so punctuation or curly quotes cannot hide a copied phrase.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public static HashSet<string> WordWindows(string text, int size)
    {
        var words = Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var windows = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + size <= words.Length; i++)
        {
            windows.Add(string.Join(' ', words, i, size));
        }

        return windows;
    }

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"(?<=[.!?])[""”]?\s+")]
    private static partial Regex SentenceEnd();
}
