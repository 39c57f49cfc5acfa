using System.Globalization;
using System.Text;

namespace Pipeline.Text;

/// <summary>
/// Makes invisible formatting controls in data text visible before it is shown in a page or chart. Bidi
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) can make text display in a different
/// order than it is stored ("Trojan Source"), and C0 controls display as nothing; a fact-checker must see
/// such characters, not be misled by them. Each is shown as <c>[U+202E]</c>. The data files and CSV tables
/// keep the text exactly as published. Left-to-right and right-to-left marks (U+200E, U+200F, U+061C),
/// which do not reorder text, are kept.
/// </summary>
internal static class VisibleControls
{
    /// <summary>The text with every reordering control and C0 control except tab and line breaks written as [U+XXXX].</summary>
    public static string Reveal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().IndexOfAny(Hidden);
        if (first < 0)
        {
            return text;
        }

        var b = new StringBuilder(text.Length + 16);
        b.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (Hidden.Contains(c))
            {
                b.Append("[U+").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                b.Append(c);
            }
        }

        return b.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Hidden = System.Buffers.SearchValues.Create(
    [
        .. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c),
        '\u007F',
        '\u202A', '\u202B', '\u202C', '\u202D', '\u202E',
        '\u2066', '\u2067', '\u2068', '\u2069',
    ]);
}
