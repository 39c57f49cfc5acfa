using System.Collections.Immutable;

namespace Pipeline.Events;

/// <summary>
/// The 31 columns of ACLED's 2023 export, in file order (verified against a real 2023 export; see
/// ../shared/data/real/README.md). The synthetic file uses the newest layout with numeric inter codes
/// so that it exercises the same reader path as a real recent download.
/// </summary>
internal static class AcledExportLayout2023
{
    /// <summary>Header names in file order.</summary>
    public static readonly ImmutableArray<string> Columns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
        "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
        "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
        "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
        "fatalities", "tags", "timestamp",
    ];
}
