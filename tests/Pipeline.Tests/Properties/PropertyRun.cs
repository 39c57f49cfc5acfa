using System.Globalization;
using CsCheck;

namespace Pipeline.Tests.Properties;

/// <summary>
/// Deterministic sampling for the property tests. CsCheck's <c>Sample</c> runs its seed first and then keeps
/// drawing from random seeds, so a run would differ from the last; here iteration <c>i</c> of a property draws
/// from <c>new PCG(i, seed)</c>, so every run tries exactly the same cases and any one case can be replayed
/// alone. <c>PIPELINE_PROPERTY_ITER</c> overrides the iteration counts (e.g. 5000 for a long local run).
/// </summary>
internal static class PropertyRun
{
    public const string IterationsVariable = "PIPELINE_PROPERTY_ITER";

    /// <summary>The fixed default, or the override from <see cref="IterationsVariable"/> when it is a positive number.</summary>
    public static int Iterations(int defaultCount) =>
        int.TryParse(Environment.GetEnvironmentVariable(IterationsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : defaultCount;

    /// <summary>The case of iteration <paramref name="iteration"/> of a property seeded <paramref name="seed"/>.</summary>
    public static T Case<T>(this Gen<T> gen, ulong seed, int iteration) => gen.Generate(new PCG((uint)iteration, seed), null!, out _);

    /// <summary>Draws one value from <paramref name="gen"/> with the caller's generator (for imperative generators).</summary>
    public static T Draw<T>(this Gen<T> gen, PCG pcg) => gen.Generate(pcg, null!, out _);

    /// <summary>One of <paramref name="items"/>, uniformly.</summary>
    public static T Pick<T>(this PCG pcg, IReadOnlyList<T> items) => items[(int)pcg.Next((uint)items.Count)];

    /// <summary>True with probability <paramref name="percent"/>/100.</summary>
    public static bool Chance(this PCG pcg, int percent) => pcg.Next(100) < (uint)percent;

    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static int Between(this PCG pcg, int min, int max) => min + (int)pcg.Next((uint)(max - min + 1));

    /// <summary>A generator written as ordinary code that draws from the given <see cref="PCG"/>.</summary>
    public static Gen<T> From<T>(Func<PCG, T> build) => new FuncGen<T>(build);

    private sealed class FuncGen<T>(Func<PCG, T> build) : Gen<T>
    {
        public override T Generate(PCG pcg, Size? min, out Size size)
        {
            size = new Size(0);
            return build(pcg);
        }
    }
}

/// <summary>Counts failing cases of a property and keeps the first few descriptions for the assertion message.</summary>
internal sealed class Failures
{
    private readonly List<string> examples = [];

    public int Count { get; private set; }

    public void Add(string description)
    {
        Count++;
        if (examples.Count < 3)
        {
            examples.Add(description);
        }
    }

    /// <summary>Fails the test when any case failed, quoting the first few.</summary>
    public void AssertNone(string what)
    {
        Assert.True(Count == 0, $"{what}: {Count} failing case(s). First: {string.Join("\n---\n", examples)}");
    }
}
