namespace Pipeline.Intensity;

/// <summary>The width of a time bin. Two week conventions exist because ACLED's own weekly files run Saturday–Friday.</summary>
public enum BinUnit
{
    /// <summary>One calendar day.</summary>
    Day,

    /// <summary>ISO week, Monday–Sunday.</summary>
    IsoWeek,

    /// <summary>ACLED week, Saturday–Friday.</summary>
    AcledWeek,

    /// <summary>Calendar month.</summary>
    Month,
}
