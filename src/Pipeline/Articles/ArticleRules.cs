using Pipeline.Text;

namespace Pipeline.Articles;

/// <summary>
/// The catalog's rules stated once, so the JSON loader (which reports paths and lines) and the
/// constructors (which guard programmatic use) can never disagree.
/// </summary>
internal static class ArticleRules
{
    /// <summary>The only date format the catalog accepts: ISO 8601 calendar dates.</summary>
    public const string DateFormat = IsoDate.Pattern;

    public const string SlugHint =
        "ids become file names later: use lower-case letters, digits and hyphens, starting with a letter or digit, at most 100 characters, and not a name Windows reserves for devices (con, prn, aux, nul, com1–9, lpt1–9); e.g. daily-sabah-2020-01-03-libya";

    /// <summary>The longest id accepted (file names stay well under every file system's limit).</summary>
    public const int MaxSlugLength = 100;

    /// <summary>Device names Windows will not create files under, with or without an extension.</summary>
    private static readonly HashSet<string> ReservedNames = new(
        ["con", "prn", "aux", "nul", .. Enumerable.Range(0, 10).Select(i => $"com{i}"), .. Enumerable.Range(0, 10).Select(i => $"lpt{i}")],
        StringComparer.Ordinal);

    public const string DateHint = "dates are written yyyy-MM-dd, e.g. 2019-04-04";

    public const string UrlHint = "use an absolute http or https address, e.g. https://undocs.org/S/RES/2259(2015)";

    /// <summary>
    /// True when <paramref name="value"/> matches <c>^[a-z0-9][a-z0-9-]*$</c>, is at most
    /// <see cref="MaxSlugLength"/> characters and is not a reserved device name: such an id can never name a
    /// path outside its folder (no separators, no dots, not absolute) nor a file some system refuses.
    /// </summary>
    public static bool IsSafeSlug(string? value)
    {
        if (string.IsNullOrEmpty(value) || value[0] == '-' || value.Length > MaxSlugLength || ReservedNames.Contains(value))
        {
            return false;
        }

        foreach (var c in value)
        {
            var ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsWebAddress(Uri? uri) =>
        uri is not null && uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>Language tags are kept short (ISO 639-1/-3, lower case) so they can be used as filters.</summary>
    public static bool IsLanguageCode(string? value) =>
        value is { Length: >= 2 and <= 3 } && value.All(c => c is >= 'a' and <= 'z');
}
