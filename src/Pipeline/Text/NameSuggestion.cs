namespace Pipeline.Text;

/// <summary>
/// "Did you mean …?" for misspelt column and field names: the closest known name by edit distance, when it is
/// close enough to be a likely typo. One implementation for every reader, so suggestions behave alike.
/// </summary>
internal static class NameSuggestion
{
    /// <summary>The candidate nearest to <paramref name="wanted"/> (ignoring case), or null when none is within max(2, length/3) edits.</summary>
    public static string? Nearest(string wanted, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(wanted.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                (best, bestDistance) = (candidate, d);
            }
        }

        return best is not null && bestDistance <= Math.Max(2, wanted.Length / 3) ? best : null;
    }

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
