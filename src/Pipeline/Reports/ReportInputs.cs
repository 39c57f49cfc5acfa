using Pipeline.Intensity;

namespace Pipeline.Reports;

/// <summary>Everything a report is computed from; recorded in the manifest (as <see cref="ManifestReport"/>) so a run can be repeated.</summary>
public sealed record ReportInputs
{
    /// <summary>Event files (ACLED or UCDP GED CSV), as given (shown so in the report). One or more.</summary>
    public required IReadOnlyList<string> EventFiles { get; init; }

    /// <summary>Folder of the article catalog (one JSON per article), as given.</summary>
    public required string ArticlesFolder { get; init; }

    /// <summary>Id of the article whose mentions are studied.</summary>
    public required string ArticleId { get; init; }

    /// <summary>
    /// The folder that relative <see cref="EventFiles"/> and <see cref="ArticlesFolder"/> are read from; null for
    /// the current folder. A replay from a manifest sets it, so the paths stay as given (and the report's bytes
    /// the same) wherever the replay runs.
    /// </summary>
    public string? Folder { get; init; }

    /// <summary>Which events to analyse.</summary>
    public EventFilter Filter { get; init; } = EventFilter.None;

    /// <summary>Binning.</summary>
    public IntensityOptions Intensity { get; init; } = IntensityOptions.Default;

    /// <summary>Event-study parameters.</summary>
    public EventStudyOptions Study { get; init; } = EventStudyOptions.Default;

    /// <summary>Actor texts for the actor series (e.g. foreign backers named in the article).</summary>
    public IReadOnlyList<string> Actors { get; init; } = ["Wagner", "Turkey", "United Arab Emirates", "Egypt", "France"];

    /// <summary>
    /// True for a report meant to be shared where the data's terms restrict redistribution (ACLED's): it holds
    /// aggregates only — counts per bin, area and map cell — and no event-level row, note, event id or per-event hover.
    /// </summary>
    public bool AggregateOnly { get; init; }

    /// <summary>Where <paramref name="path"/> (one of <see cref="EventFiles"/> or <see cref="ArticlesFolder"/>) is on disk.</summary>
    public string Resolve(string path) => Folder is null ? path : Path.Combine(Folder, path);
}
