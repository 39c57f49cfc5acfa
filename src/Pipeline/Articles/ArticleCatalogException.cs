namespace Pipeline.Articles;

/// <summary>
/// An article file the catalog refuses, with everything a person needs to fix it without reading
/// our code: the file, the JSON path, the line and byte column, the offending value and a hint.
/// </summary>
/// <remarks>
/// <see cref="Line"/> and <see cref="Column"/> are 1-based; the column counts UTF-8 bytes (like
/// <see cref="System.Text.Json.JsonException.BytePositionInLine"/> plus one). For a missing field
/// they point at the object that should hold it.
/// </remarks>
public sealed class ArticleCatalogException : Exception
{
    /// <summary>Creates the exception; the message is composed from the parts.</summary>
    /// <param name="kind">What went wrong.</param>
    /// <param name="file">The file, or null when the JSON did not come from a file.</param>
    /// <param name="jsonPath">Where in the document, e.g. <c>$.mentions[3].end</c>.</param>
    /// <param name="line">1-based line, when known.</param>
    /// <param name="column">1-based byte column, when known.</param>
    /// <param name="value">The offending value as written, when there is one.</param>
    /// <param name="reason">What is wrong, in one clause.</param>
    /// <param name="hint">What to do about it.</param>
    /// <param name="innerException">The parser's exception, for malformed JSON.</param>
    public ArticleCatalogException(
        ArticleErrorKind kind,
        string? file,
        string jsonPath,
        long? line,
        long? column,
        string? value,
        string reason,
        string hint,
        Exception? innerException = null)
        : base(Compose(file, jsonPath, line, column, value, reason, hint), innerException)
    {
        Kind = kind;
        File = file;
        JsonPath = jsonPath;
        Line = line;
        Column = column;
        Value = value;
        Reason = reason;
        Hint = hint;
    }

    /// <summary>What went wrong.</summary>
    public ArticleErrorKind Kind { get; }

    /// <summary>The file, or null when the JSON did not come from a file.</summary>
    public string? File { get; }

    /// <summary>Where in the document, e.g. <c>$.mentions[3].end</c>.</summary>
    public string JsonPath { get; }

    /// <summary>1-based line, when known.</summary>
    public long? Line { get; }

    /// <summary>1-based column in UTF-8 bytes, when known.</summary>
    public long? Column { get; }

    /// <summary>The offending value as written, if any.</summary>
    public string? Value { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }

    /// <summary>What to do about it.</summary>
    public string Hint { get; }

    private static string Compose(string? file, string jsonPath, long? line, long? column, string? value, string reason, string hint)
    {
        var where = file ?? "<json>";
        if (line is not null)
        {
            where += $":{line}";
            if (column is not null)
            {
                where += $":{column}";
            }
        }

        var got = value is null ? string.Empty : $" (got `{value}`)";
        return $"{where}: {jsonPath}: {reason.TrimEnd('.')}{got}. Hint: {hint}";
    }
}
