using System.Text;

namespace Pipeline.Fetch;

/// <summary>File-name pieces shared by the fetchers.</summary>
internal static class FetchNames
{
    /// <summary>Lower-case letters and digits, other runs collapsed to '-': <c>Democratic Republic of Congo</c> → <c>democratic-republic-of-congo</c>.</summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().Trim('-') is { Length: > 0 } s ? s : "all";
    }
}
