using System.Collections.Immutable;
using Pipeline.Statistics;

namespace Pipeline.Synthetic;

/// <summary>
/// A categorical distribution with integer weights. Integer weights keep every draw exact (see
/// <see cref="SplitMix64"/>) and make the tables in the generator read like the percentages they are.
/// </summary>
/// <typeparam name="T">The kind of thing drawn.</typeparam>
internal sealed class WeightedTable<T>
{
    private readonly ImmutableArray<T> items;
    private readonly ImmutableArray<int> cumulative;

    /// <summary>Builds the table; order matters for reproducibility, so callers list items in a fixed order.</summary>
    public WeightedTable(params (T Item, int Weight)[] entries)
    {
        if (entries.Length == 0)
        {
            throw new ArgumentException("A weighted table needs at least one entry.", nameof(entries));
        }

        var itemBuilder = ImmutableArray.CreateBuilder<T>(entries.Length);
        var cumulativeBuilder = ImmutableArray.CreateBuilder<int>(entries.Length);
        int total = 0;
        foreach (var (item, weight) in entries)
        {
            if (weight <= 0)
            {
                throw new ArgumentException($"Weight of '{item}' is {weight}; weights must be positive.", nameof(entries));
            }

            total = checked(total + weight);
            itemBuilder.Add(item);
            cumulativeBuilder.Add(total);
        }

        items = itemBuilder.MoveToImmutable();
        cumulative = cumulativeBuilder.MoveToImmutable();
        Total = total;
    }

    /// <summary>The sum of all weights.</summary>
    public int Total { get; }

    /// <summary>The items in table order.</summary>
    public ImmutableArray<T> Items => items;

    /// <summary>Draws one item with probability weight / <see cref="Total"/>.</summary>
    public T Pick(SplitMix64 random)
    {
        int ticket = random.NextBelow(Total);
        for (int i = 0; i < cumulative.Length; i++)
        {
            if (ticket < cumulative[i])
            {
                return items[i];
            }
        }

        throw new InvalidOperationException("Unreachable: the ticket is below the last cumulative weight.");
    }
}
