namespace Pipeline.Articles;

/// <summary>
/// Our check of what an article implies against the record. It sits on the mention it checks, so
/// the claim-check table and the timeline can never drift apart.
/// </summary>
public sealed record ClaimCheck
{
    /// <summary>Creates a claim check.</summary>
    /// <param name="implied">What the article implies, in our own words.</param>
    /// <param name="record">What the record says, in our own words.</param>
    /// <param name="recordDates">The record's dates for the claim; may be empty when the record gives none.</param>
    /// <param name="verdict">How the two compare.</param>
    /// <param name="sources">Where the record comes from. Every verdict but Unverifiable needs at least one:
    /// a verdict nobody can trace is worth nothing.</param>
    /// <exception cref="ArgumentException">A text is blank, or a verdict other than Unverifiable has no source.</exception>
    public ClaimCheck(
        string implied,
        string record,
        IEnumerable<RecordDate> recordDates,
        Verdict verdict,
        IEnumerable<SourceReference> sources)
    {
        Implied = Preconditions.NotBlank(implied, nameof(implied));
        Record = Preconditions.NotBlank(record, nameof(record));
        RecordDates = Preconditions.List(recordDates, nameof(recordDates), nonEmpty: false);
        Verdict = Preconditions.Defined(verdict, nameof(verdict));
        Sources = Preconditions.List(sources, nameof(sources), nonEmpty: verdict != Verdict.Unverifiable);
    }

    /// <summary>What the article implies, in our own words.</summary>
    public string Implied { get; }

    /// <summary>What the record says, in our own words.</summary>
    public string Record { get; }

    /// <summary>The record's dates, in the order the catalog lists them.</summary>
    public IReadOnlyList<RecordDate> RecordDates { get; }

    /// <summary>How the implication compares with the record.</summary>
    public Verdict Verdict { get; }

    /// <summary>Where the record comes from.</summary>
    public IReadOnlyList<SourceReference> Sources { get; }
}
