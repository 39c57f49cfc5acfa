using System.Collections.Immutable;
using Pipeline.Statistics;

namespace Pipeline.Synthetic;

/// <summary>
/// A heavy-tailed fatality count built from log-spaced buckets (0, 1, 2–3, 4–6, 7–12, 13–25, 26–50,
/// 51–100, 101–200): a bucket is drawn by weight, then a value uniformly inside it. This is a discrete
/// stand-in for the lognormal / negative-binomial tails of real event data that needs only integer
/// arithmetic (see <see cref="SplitMix64"/>), and its last bucket caps fatalities at 200.
/// </summary>
internal sealed class FatalityDistribution
{
    /// <summary>Bucket bounds, inclusive, in the order the weights are given.</summary>
    internal static readonly ImmutableArray<(int Low, int High)> Buckets =
    [
        (0, 0), (1, 1), (2, 3), (4, 6), (7, 12), (13, 25), (26, 50), (51, 100), (101, 200),
    ];

    private readonly WeightedTable<(int Low, int High)> table;

    /// <summary>Weights per bucket (per mille by convention); fewer weights than buckets means the rest are 0.</summary>
    public FatalityDistribution(params int[] weights)
    {
        if (weights.Length == 0 || weights.Length > Buckets.Length)
        {
            throw new ArgumentException($"Give 1 to {Buckets.Length} bucket weights.", nameof(weights));
        }

        var entries = new List<((int, int), int)>();
        for (int i = 0; i < weights.Length; i++)
        {
            if (weights[i] > 0)
            {
                entries.Add((Buckets[i], weights[i]));
            }
        }

        table = new WeightedTable<(int Low, int High)>([.. entries]);
    }

    /// <summary>An event type that never kills (peaceful protests, agreements).</summary>
    public static FatalityDistribution None { get; } = new(1000);

    /// <summary>Draws one fatality count.</summary>
    public int Draw(SplitMix64 random)
    {
        var (low, high) = table.Pick(random);
        return random.NextInRange(low, high);
    }
}
