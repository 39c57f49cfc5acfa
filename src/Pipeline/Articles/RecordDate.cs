namespace Pipeline.Articles;

/// <summary>
/// A date the documentary record gives for a claim, with a label saying what happened then. The
/// claim-check table sets these beside the article's own date, and charts can mark them.
/// </summary>
public sealed record RecordDate
{
    /// <summary>Creates a labelled record date.</summary>
    /// <param name="date">The day the record gives.</param>
    /// <param name="label">What happened on that day, in our own words.</param>
    /// <exception cref="ArgumentException">The label is blank.</exception>
    public RecordDate(DateOnly date, string label)
    {
        Date = date;
        Label = Preconditions.NotBlank(label, nameof(label));
    }

    /// <summary>The day the record gives.</summary>
    public DateOnly Date { get; }

    /// <summary>What happened on <see cref="Date"/>, in our own words.</summary>
    public string Label { get; }
}
