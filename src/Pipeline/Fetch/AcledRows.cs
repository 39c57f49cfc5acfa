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
                if (row.GetValueOrDefault("timestamp") is { } t && long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && (newest is null || v > newest))
                {
                    newest = v;
                }
            }

            return newest;
        }
    }

    public void AddBase(IEnumerable<OrderedDictionary<string, string>> rows)
    {
        foreach (var row in rows)
        {
            Upsert(row);
        }
    }

    /// <summary>Adds or replaces a row; true when it replaced one with the same id.</summary>
    public bool Upsert(OrderedDictionary<string, string> row)
    {
        if (row.GetValueOrDefault("event_id_cnty") is not { Length: > 0 } id)
        {
            withoutId.Add(row);
            return false;
        }

        var existed = byId.ContainsKey(id);
        byId[id] = row;
        return existed;
    }

    public bool Remove(string id) => byId.Remove(id);

    /// <summary>All rows by event date, then id (ordinal), so the same data always gives the same file.</summary>
    public List<IReadOnlyDictionary<string, string>> Sorted() =>
        byId.Values.Concat(withoutId)
            .OrderBy(r => r.GetValueOrDefault("event_date") ?? "", StringComparer.Ordinal)
            .ThenBy(r => r.GetValueOrDefault("event_id_cnty") ?? "", StringComparer.Ordinal)
            .Cast<IReadOnlyDictionary<string, string>>()
            .ToList();
}
