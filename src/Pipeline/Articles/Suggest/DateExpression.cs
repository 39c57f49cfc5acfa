using Pipeline.Events;

namespace Pipeline.Articles.Suggest;

/// <summary>
/// One dated expression found in a paragraph: where its trigger words are (offsets only, never the words),
/// what it could mean, and how sure the rule is.
/// </summary>
/// <param name="Paragraph">1-based paragraph number.</param>
/// <param name="Offset">Character (UTF-16) offset of the trigger within the trimmed paragraph text.</param>
/// <param name="Length">Length of the trigger in characters.</param>
/// <param name="Form">Which rule fired, e.g. <c>full-date</c>, <c>month-year</c>, <c>year</c>, <c>year-range</c>,
/// <c>decade</c>, <c>relative</c> (the list is <see cref="DateExpressionFinder.Forms"/>).</param>
/// <param name="Kind">Point or period.</param>
/// <param name="Precision">How precisely the expression dates it.</param>
/// <param name="SpanStart">First day it could mean.</param>
/// <param name="SpanEnd">Last day it could mean (inclusive).</param>
/// <param name="Confidence">The rule's confidence, 0..1: how often such a match is a real date in news text.</param>
public sealed record DateExpression(
    int Paragraph,
    int Offset,
    int Length,
    string Form,
    MentionKind Kind,
    DatePrecision Precision,
    DateOnly SpanStart,
    DateOnly SpanEnd,
    double Confidence)
{
    /// <summary>The catalog start: the span's first day (for a coarse point, the first day of its year/month/week).</summary>
    public DateOnly Start => SpanStart;

    /// <summary>The catalog end: the span's last day for a period, the start for a point.</summary>
    public DateOnly End => Kind == MentionKind.Point ? SpanStart : SpanEnd;

    /// <summary>True when the span holds every day of [<paramref name="start"/>, <paramref name="end"/>].</summary>
    public bool Covers(DateOnly start, DateOnly end) => SpanStart <= start && end <= SpanEnd;
}
