namespace Pipeline.Statistics;

/// <summary>
/// A small seeded pseudo-random generator (SplitMix64, Steele, Lea &amp; Flood 2014). Used instead of
/// <see cref="System.Random"/> because Random's algorithm is not guaranteed to stay the same across .NET
/// versions, and every bootstrap and placebo draw in a report must be reproducible byte for byte.
/// Not thread-safe: each computation owns its instance.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMax"/>), without modulo bias.</summary>
    public int NextInt(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);
        var bound = (ulong)exclusiveMax;
        var threshold = (0UL - bound) % bound;
        while (true)
        {
            var r = NextUInt64();
            if (r >= threshold)
            {
                return (int)(r % bound);
            }
        }
    }

    /// <summary>
    /// A seed derived from a base seed and a name (FNV-1a of the name mixed in), so each mention gets its own
    /// stream and adding one mention does not change the draws of the others.
    /// </summary>
    public static ulong Derive(ulong seed, string name)
    {
        var h = 14695981039346656037UL;
        foreach (var c in name)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return new SplitMix64(seed ^ h).NextUInt64();
    }
}
