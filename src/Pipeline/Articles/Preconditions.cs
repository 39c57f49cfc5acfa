namespace Pipeline.Articles;

/// <summary>
/// Every argument check of the article types in one place, so each check reads as one line and
/// every message has the same shape.
/// </summary>
internal static class Preconditions
{
    public static string NotBlank(string? value, string paramName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("must be non-empty text", paramName);
        }

        return value;
    }

    public static string? NullOrNotBlank(string? value, string paramName) =>
        value is null ? null : NotBlank(value, paramName);

    public static string Slug(string? value, string paramName)
    {
        if (!ArticleRules.IsSafeSlug(value))
        {
            throw new ArgumentException($"'{value}' is not a safe id; {ArticleRules.SlugHint}", paramName);
        }

        return value!;
    }

    public static T Defined<T>(T value, string paramName)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"not a defined {typeof(T).Name}");
        }

        return value;
    }

    public static Uri? NullOrWebAddress(Uri? value, string paramName) =>
        value is null ? null : WebAddress(value, paramName);

    public static Uri WebAddress(Uri? value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (!ArticleRules.IsWebAddress(value))
        {
            throw new ArgumentException($"'{value}' is not a web address; {ArticleRules.UrlHint}", paramName);
        }

        return value;
    }

    public static ValueList<T> List<T>(IEnumerable<T>? items, string paramName, bool nonEmpty)
    {
        ArgumentNullException.ThrowIfNull(items, paramName);
        var list = new ValueList<T>(items);
        if (nonEmpty && list.Count == 0)
        {
            throw new ArgumentException("must hold at least one item", paramName);
        }

        foreach (var item in list)
        {
            if (item is null)
            {
                throw new ArgumentException("must not hold null items", paramName);
            }
        }

        return list;
    }

    public static ValueList<string> TextList(IEnumerable<string>? items, string paramName, bool nonEmpty)
    {
        var list = List(items, paramName, nonEmpty);
        foreach (var item in list)
        {
            NotBlank(item, paramName);
        }

        return list;
    }

    public static void Check(bool condition, string paramName, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, paramName);
        }
    }
}
