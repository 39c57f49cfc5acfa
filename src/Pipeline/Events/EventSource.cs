namespace Pipeline.Events;

/// <summary>The dataset family an event came from; the two code fatalities and precision differently.</summary>
public enum EventSource
{
    /// <summary>Armed Conflict Location &amp; Event Data (ACLED).</summary>
    Acled,

    /// <summary>UCDP Georeferenced Event Dataset (GED).</summary>
    UcdpGed,
}
