using Pipeline.Events;

namespace Pipeline.Articles;

/// <summary>
/// One dated thing an article refers to, paraphrased in our own words. Mentions are what the
/// intensity charts mark and what the event study tests, so they are validated once here and
/// trusted downstream.
/// </summary>
/// <remarks>
/// A coarse date is stored as the whole span it could mean: a point known only to the year is
/// written as the first day of that year with <see cref="DatePrecision.Year"/>; a period known to
/// the month starts on the first and ends on the last day of its months. <see cref="Precision"/>
/// tells later stages how far to trust the day.
/// </remarks>
public sealed record Mention
{
    /// <summary>Creates a mention.</summary>
    /// <param name="id">A slug unique within the article (<c>^[a-z0-9][a-z0-9-]*$</c>).</param>
    /// <param name="paragraphs">1-based paragraph numbers where the article makes the mention.</param>
    /// <param name="paraphrase">A short paraphrase in our words; never the article's sentence.</param>
    /// <param name="kind">Point or period.</param>
    /// <param name="start">First day.</param>
    /// <param name="end">Last day (inclusive); equals <paramref name="start"/> for a point.</param>
    /// <param name="precision">How precisely the dates are known.</param>
    /// <param name="scopeCountries">The countries the mention is about, at least one.</param>
    /// <param name="tags">Actor and topic names usable as text filters on events (e.g. Wagner).</param>
    /// <param name="note">Context a reader needs, e.g. that a period was still running at publication.</param>
    /// <param name="claimCheck">Our check against the record, when we made one.</param>
    /// <param name="dateInferred">True when the article does not state these dates itself and we took them from
    /// the record (our inference); false when the article states them (to the given precision).</param>
    /// <param name="dateBasis">Where the dates came from, in a few words; required when
    /// <paramref name="dateInferred"/> is true.</param>
    /// <exception cref="ArgumentException">Any rule above is broken.</exception>
    public Mention(
        string id,
        IEnumerable<int> paragraphs,
        string paraphrase,
        MentionKind kind,
        DateOnly start,
        DateOnly end,
        DatePrecision precision,
        IEnumerable<string> scopeCountries,
        IEnumerable<string> tags,
        string? note = null,
        ClaimCheck? claimCheck = null,
        bool dateInferred = false,
        string? dateBasis = null)
    {
        Id = Preconditions.Slug(id, nameof(id));
        Paragraphs = Preconditions.List(paragraphs, nameof(paragraphs), nonEmpty: true);
        Preconditions.Check(Paragraphs.All(p => p >= 1), nameof(paragraphs), "paragraph numbers start at 1");
        Preconditions.Check(Paragraphs.Distinct().Count() == Paragraphs.Count, nameof(paragraphs), "paragraph numbers must not repeat");
        Paraphrase = Preconditions.NotBlank(paraphrase, nameof(paraphrase));
        Kind = Preconditions.Defined(kind, nameof(kind));
        Preconditions.Check(end >= start, nameof(end), $"end {end:yyyy-MM-dd} is before start {start:yyyy-MM-dd}");
        Preconditions.Check(kind != MentionKind.Point || end == start, nameof(end), "a point mention ends on the day it starts");
        Start = start;
        End = end;
        Precision = Preconditions.Defined(precision, nameof(precision));
        ScopeCountries = Preconditions.TextList(scopeCountries, nameof(scopeCountries), nonEmpty: true);
        Tags = Preconditions.TextList(tags, nameof(tags), nonEmpty: false);
        Note = Preconditions.NullOrNotBlank(note, nameof(note));
        ClaimCheck = claimCheck;
        DateBasis = Preconditions.NullOrNotBlank(dateBasis, nameof(dateBasis));
        Preconditions.Check(!dateInferred || DateBasis is not null, nameof(dateBasis), "an inferred date needs a basis saying where it came from");
        DateInferred = dateInferred;
    }

    /// <summary>A slug unique within the article; later used in file and chart names.</summary>
    public string Id { get; }

    /// <summary>1-based paragraph numbers where the article makes the mention.</summary>
    public IReadOnlyList<int> Paragraphs { get; }

    /// <summary>Our short paraphrase; used as hover text on charts.</summary>
    public string Paraphrase { get; }

    /// <summary>Point or period.</summary>
    public MentionKind Kind { get; }

    /// <summary>First day of the mention.</summary>
    public DateOnly Start { get; }

    /// <summary>Last day of the mention (inclusive).</summary>
    public DateOnly End { get; }

    /// <summary>How precisely <see cref="Start"/> and <see cref="End"/> are known.</summary>
    public DatePrecision Precision { get; }

    /// <summary>True when the article does not state <see cref="Start"/> and <see cref="End"/> itself: they are
    /// our inference from the record, and <see cref="DateBasis"/> says from what. Reports mark such dates.</summary>
    public bool DateInferred { get; }

    /// <summary>Where the dates came from, in a few words; always set when <see cref="DateInferred"/> is true.</summary>
    public string? DateBasis { get; }

    /// <summary>The countries the mention is about.</summary>
    public IReadOnlyList<string> ScopeCountries { get; }

    /// <summary>Actor and topic names usable as text filters on events.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>Context a reader needs, if any.</summary>
    public string? Note { get; }

    /// <summary>Our check against the record, if we made one.</summary>
    public ClaimCheck? ClaimCheck { get; }

    /// <summary>
    /// True when one of <see cref="Tags"/> equals <paramref name="tag"/>, ignoring case, so a user
    /// can type "wagner" and still find the mention.
    /// </summary>
    public bool HasTag(string tag) => Tags.Any(t => string.Equals(t, tag, StringComparison.OrdinalIgnoreCase));
}
