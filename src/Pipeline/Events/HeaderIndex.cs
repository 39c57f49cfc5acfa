namespace Pipeline.Events;

/// <summary>
/// Header names mapped to positions, case-insensitively and ignoring surrounding spaces, because ACLED has
/// shipped the same columns in lower and UPPER case and in different orders. Also finds the nearest
/// header name for a missing column, so the error can say "did you mean …".
/// </summary>
internal sealed class HeaderIndex
{
    private readonly Dictionary<string, int> positions = new(StringComparer.OrdinalIgnoreCase);

    public HeaderIndex(IReadOnlyList<string> names)
    {
        Names = names;
        for (var i = 0; i < names.Count; i++)
        {
            var key = names[i].Trim();
            if (key.Length > 0)
            {
                positions.TryAdd(key, i);
            }
        }
    }

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    public bool Has(string name) => positions.ContainsKey(name);

    /// <summary>The position of the first alias present, or −1.</summary>
    public int Find(params ReadOnlySpan<string> aliases)
    {
        foreach (var alias in aliases)
        {
            if (positions.TryGetValue(alias, out var i))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The closest present header to a wanted name, when it is close enough to be a likely typo.</summary>
    public string? Nearest(string wanted)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in positions.Keys)
        {
            var d = Distance(wanted.ToLowerInvariant(), name.ToLowerInvariant());
            if (d < bestDistance)
            {
                (best, bestDistance) = (name, d);
            }
        }

        return best is not null && bestDistance <= Math.Max(2, wanted.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
