namespace Pipeline.Fetch;

/// <summary>What a fetch wrote and how it got there.</summary>
/// <param name="CsvPath">The events file (loads with <c>EventLoader.Load</c>).</param>
/// <param name="ProvenancePath">The provenance file beside it (see <see cref="FetchProvenance"/>).</param>
/// <param name="Rows">Events in the file.</param>
/// <param name="PagesFetched">Responses downloaded in this run.</param>
/// <param name="PagesFromCache">Responses read from the cache.</param>
/// <param name="PagesRepaired">Cached responses found missing or damaged and downloaded again.</param>
/// <param name="Update">Counts of an incremental update, when one was made.</param>
/// <param name="PreviousSnapshot">Where the file it replaced was kept, when an update replaced one.</param>
public sealed record FetchResult(
    string CsvPath,
    string ProvenancePath,
    int Rows,
    int PagesFetched,
    int PagesFromCache,
    int PagesRepaired,
    AcledUpdateCounts? Update = null,
    string? PreviousSnapshot = null);

/// <summary>The effect of one incremental ACLED update.</summary>
/// <param name="Since">The <c>timestamp</c> threshold (newest in the cache before the update), Unix seconds.</param>
/// <param name="Added">Events new to the dataset.</param>
/// <param name="Changed">Events already present whose record ACLED revised.</param>
/// <param name="Deleted">Events removed because ACLED deleted them.</param>
public sealed record AcledUpdateCounts(long Since, int Added, int Changed, int Deleted);
