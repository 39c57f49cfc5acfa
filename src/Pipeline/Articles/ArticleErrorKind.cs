namespace Pipeline.Articles;

/// <summary>
/// What went wrong in an article file. Tests and the CLI branch on this rather than on message
/// text, which is free to improve.
/// </summary>
public enum ArticleErrorKind
{
    /// <summary>The file is not well-formed JSON.</summary>
    MalformedJson = 1,

    /// <summary>A field the schema does not know; usually a typo.</summary>
    UnknownField,

    /// <summary>The same field appears twice in one object, so which one counts would be a guess.</summary>
    DuplicateField,

    /// <summary>A required field is absent or null.</summary>
    MissingField,

    /// <summary>A value has the wrong JSON type (e.g. text where a number belongs).</summary>
    WrongType,

    /// <summary>A date is not a real <c>yyyy-MM-dd</c> calendar date.</summary>
    BadDate,

    /// <summary>A mention ends before it starts.</summary>
    EndBeforeStart,

    /// <summary>A point mention whose end differs from its start.</summary>
    PointEndMismatch,

    /// <summary>A mention id used twice in one article, or an article id used twice in the catalog.</summary>
    DuplicateId,

    /// <summary>An id that is not a safe slug; ids become file names.</summary>
    UnsafeId,

    /// <summary>A paragraph number below 1 or above the article's paragraph count.</summary>
    ParagraphOutOfRange,

    /// <summary>Any other value the schema rejects (unknown enum name, blank text, bad address).</summary>
    InvalidValue,

    /// <summary>A mention still as <c>pipeline mentions suggest</c> drafted it: suggested, or with no paraphrase yet.</summary>
    UnconfirmedMention,
}
