using Pipeline.Events;

namespace Pipeline.Intensity;

/// <summary>Where a dated mention falls relative to the loaded data.</summary>
public enum CoverageStatus
{
    /// <summary>The whole mention lies within the data's span.</summary>
    Inside,

    /// <summary>The mention overlaps the span but reaches outside it.</summary>
    Partly,

    /// <summary>The mention lies entirely outside the span: the data cannot speak to it.</summary>
    Outside,
}

/// <summary>
/// The date span the loaded data cover. Mentions outside it are not dropped; they are labelled, because
/// "the data do not reach back to 1987" is itself a finding a reader needs to see.
/// </summary>
/// <param name="First">First day covered.</param>
/// <param name="Last">Last day covered.</param>
public sealed record Coverage(DateOnly First, DateOnly Last)
{
    /// <summary>The span of a set of events (UCDP end dates included).</summary>
    public static Coverage Of(IReadOnlyCollection<ConflictEvent> events)
    {
        if (events.Count == 0)
        {
            throw new ArgumentException("no events: coverage is undefined", nameof(events));
        }

        return new Coverage(events.Min(e => e.Date), events.Max(e => e.DateEnd ?? e.Date));
    }

    /// <summary>Classifies the span <paramref name="start"/>..<paramref name="end"/> (inclusive).</summary>
    public CoverageStatus Classify(DateOnly start, DateOnly end)
    {
        if (end < First || start > Last)
        {
            return CoverageStatus.Outside;
        }

        return start >= First && end <= Last ? CoverageStatus.Inside : CoverageStatus.Partly;
    }

    /// <summary>The label tables and legends show.</summary>
    public static string Label(CoverageStatus status) => status switch
    {
        CoverageStatus.Inside => "inside coverage",
        CoverageStatus.Partly => "partly outside coverage",
        _ => "outside coverage",
    };
}
