namespace Pipeline.Statistics;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014; the seeding generator of Java's SplittableRandom and of
/// xoshiro). Implemented here rather than using <see cref="System.Random"/> because .NET does not
/// promise that Random's algorithm stays the same across versions, and the committed synthetic file
/// must be reproducible byte for byte from its seed forever, as must every bootstrap and placebo draw.
/// Not thread-safe: each computation owns its instance.
/// </summary>
/// <remarks>
/// Everything the generator draws is an integer: probabilities are integer weights, coordinates are
/// integer ten-thousandths of a degree. No Math.Exp/Log/Sin is used anywhere, because those may differ
/// in the last bit between CPUs and runtimes and a single flipped comparison would change the file.
/// </remarks>
internal sealed class SplitMix64
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    private ulong state;

    /// <summary>Starts the stream at <paramref name="seed"/>; every seed, including 0, is valid.</summary>
    public SplitMix64(ulong seed) => state = seed;

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        state += GoldenGamma;
        ulong z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>
    /// A new generator seeded from this one, so that separate concerns (the phase chain, the events)
    /// draw from separate streams: changing how events are drawn then never changes the phases.
    /// </summary>
    public SplitMix64 Fork() => new(NextUInt64());

    /// <summary>
    /// A uniform integer in [0, <paramref name="bound"/>) without modulo bias (Lemire's
    /// multiply-and-reject method on the high 32 bits).
    /// </summary>
    public int NextBelow(int bound)
    {
        if (bound <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bound), bound, "The bound must be positive.");
        }

        uint b = (uint)bound;
        ulong product = (NextUInt64() >> 32) * b;
        uint low = (uint)product;
        if (low < b)
        {
            uint threshold = (0u - b) % b;
            while (low < threshold)
            {
                product = (NextUInt64() >> 32) * b;
                low = (uint)product;
            }
        }

        return (int)(product >> 32);
    }

    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="max"/>], both ends included.</summary>
    public int NextInRange(int min, int max) => min + NextBelow(max - min + 1);

    /// <summary>True with probability <paramref name="perMille"/>/1000; integer so it is exact everywhere.</summary>
    public bool Chance(int perMille) => NextBelow(1000) < perMille;

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

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
