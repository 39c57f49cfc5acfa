namespace Pipeline.Articles;

/// <summary>
/// Whether a mention refers to a single moment or to a span of time. Charts draw a point as a
/// marker and a period as a shaded band, and the event study needs to know which one it is
/// comparing against.
/// </summary>
public enum MentionKind
{
    /// <summary>One dated moment; <see cref="Mention.End"/> equals <see cref="Mention.Start"/>.</summary>
    Point = 1,

    /// <summary>A span from <see cref="Mention.Start"/> to <see cref="Mention.End"/>, both inclusive.</summary>
    Period = 2,
}
