using System.Globalization;

namespace Pipeline.Fetch;

/// <summary>
/// The dataset being assembled, keyed by <c>event_id_cnty</c> (a later copy of an event replaces an earlier
/// one: paging may shift while ACLED publishes). Rows without an id are kept as they come.
/// </summary>
internal sealed class AcledRows
{
    private readonly Dictionary<string, OrderedDictionary<string, string>> byId = new(StringComparer.Ordinal);
    private readonly List<OrderedDictionary<string, string>> withoutId = [];

    public int Count => byId.Count + withoutId.Count;

    /// <summary>The newest <c>timestamp</c> (Unix seconds) of any row, or null when no row has one.</summary>
    public long? NewestTimestamp
    {
        get
        {
            long? newest = null;
            foreach (var row in byId.Values.Concat(withoutId))
            {
                if (Timestamp(row) is { } v && (newest is null || v > newest))
                {
                    newest = v;
                }
            }

            return newest;
        }
    }

    /// <summary>What <see cref="UpsertNewest"/> did with a row.</summary>
    public enum Outcome
    {
        /// <summary>A new id (or a row without an id).</summary>
        Added,

        /// <summary>Replaced a row with the same id whose content differed.</summary>
        Changed,

        /// <summary>Same id and same content as the row held: nothing changed.</summary>
        Unchanged,

        /// <summary>Older <c>timestamp</c> than the row held, which is kept.</summary>
        Older,
    }

    /// <summary>Adds every row, keeping the newest version of each id (<see cref="UpsertNewest"/>).</summary>
    public void AddBase(IEnumerable<OrderedDictionary<string, string>> rows)
    {
        foreach (var row in rows)
        {
            UpsertNewest(row);
        }
    }

    /// <summary>
    /// Adds a row, or replaces the row with its <c>event_id_cnty</c> unless that one has a newer <c>timestamp</c>
    /// (an equal or unreadable timestamp lets the later copy win).
    /// </summary>
    public Outcome UpsertNewest(OrderedDictionary<string, string> row)
    {
        if (row.GetValueOrDefault("event_id_cnty") is not { Length: > 0 } id)
        {
            withoutId.Add(row);
            return Outcome.Added;
        }

        if (!byId.TryGetValue(id, out var held))
        {
            byId[id] = row;
            return Outcome.Added;
        }

        if (Timestamp(held) is { } old && Timestamp(row) is { } incoming && incoming < old)
        {
            return Outcome.Older;
        }

        byId[id] = row;
        return Same(held, row) ? Outcome.Unchanged : Outcome.Changed;
    }

    public bool Remove(string id) => byId.Remove(id);

    /// <summary>All rows by event date, then id (ordinal), so the same data always gives the same file.</summary>
    public List<IReadOnlyDictionary<string, string>> Sorted() =>
        byId.Values.Concat(withoutId)
            .OrderBy(r => r.GetValueOrDefault("event_date") ?? "", StringComparer.Ordinal)
            .ThenBy(r => r.GetValueOrDefault("event_id_cnty") ?? "", StringComparer.Ordinal)
            .Cast<IReadOnlyDictionary<string, string>>()
            .ToList();

    private static long? Timestamp(OrderedDictionary<string, string> row) =>
        row.GetValueOrDefault("timestamp") is { } t && long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static bool Same(OrderedDictionary<string, string> a, OrderedDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var other) && string.Equals(kv.Value, other, StringComparison.Ordinal));
}
