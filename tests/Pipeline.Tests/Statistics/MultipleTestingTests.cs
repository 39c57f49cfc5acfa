using Xunit.Abstractions;
using Pipeline.Intensity;
using Pipeline.Statistics;

namespace Pipeline.Tests.Statistics;

[Trait(TestCategory.Trait, TestCategory.Unit)]
public class MultipleTestingTests
{
    [Fact]
    public void Holm_matches_R_p_adjust_on_a_hand_computed_example()
    {
        // Sorted: 0.005 (×4 = 0.02), 0.01 (×3 = 0.03), 0.03 (×2 = 0.06), 0.04 (×1 = 0.04, raised to the running max 0.06).
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02
        var holm = MultipleTesting.Holm([0.01, 0.04, 0.03, 0.005]);
        Assert.Equal([0.03, 0.06, 0.06, 0.02], holm.Select(x => Math.Round(x, 12)));
    }

    [Fact]
    public void Benjamini_Hochberg_matches_R_p_adjust_on_a_hand_computed_example()
    {
        // From the largest down: 0.04·4/4 = 0.04, 0.03·4/3 = 0.04, 0.01·4/2 = 0.02, 0.005·4/1 = 0.02 (running min).
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH") = 0.02 0.04 0.04 0.02
        var bh = MultipleTesting.BenjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
        Assert.Equal([0.02, 0.04, 0.04, 0.02], bh.Select(x => Math.Round(x, 12)));
    }

    [Fact]
    public void Both_are_capped_at_1_and_keep_the_order_of_the_raw_p_values()
    {
        // Holm: 0.5·3 = 1.5 → 1, then the running max stays 1. BH: 0.9·3/3 = 0.9, 0.6·3/2 = 0.9, 0.5·3/1 = 1.5 → min 0.9.
        Assert.Equal([1.0, 1.0, 1.0], MultipleTesting.Holm([0.6, 0.5, 0.9]));
        Assert.Equal([0.9, 0.9, 0.9], MultipleTesting.BenjaminiHochberg([0.6, 0.5, 0.9]).Select(x => Math.Round(x, 12)));

        var p = new[] { 0.2, 0.001, 0.04, 0.04, 0.7, 0.012, 0.3 };
        foreach (var adjusted in new[] { MultipleTesting.Holm(p), MultipleTesting.BenjaminiHochberg(p) })
        {
            for (var i = 0; i < p.Length; i++)
            {
                Assert.InRange(adjusted[i], p[i], 1.0);
                for (var j = 0; j < p.Length; j++)
                {
                    Assert.True(p[i] > p[j] || adjusted[i] <= adjusted[j], $"p[{i}] = {p[i]} ≤ p[{j}] = {p[j]} but adjusted {adjusted[i]} > {adjusted[j]}");
                }
            }
        }

        Assert.All(MultipleTesting.Holm(p).Zip(MultipleTesting.BenjaminiHochberg(p)), x => Assert.True(x.First >= x.Second));
    }

    [Fact]
    public void One_p_value_is_unchanged_and_an_empty_family_gives_nothing()
    {
        Assert.Equal([0.03], MultipleTesting.Holm([0.03]));
        Assert.Equal([0.03], MultipleTesting.BenjaminiHochberg([0.03]));
        Assert.Empty(MultipleTesting.Holm([]));
        Assert.Empty(MultipleTesting.BenjaminiHochberg([]));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void A_value_that_is_not_a_probability_is_refused(double bad)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MultipleTesting.Holm([0.1, bad]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MultipleTesting.BenjaminiHochberg([0.1, bad]));
    }
}

/// <summary>Holm against a known global null: a simulation, so it runs outside the fast unit set.</summary>
[Trait(TestCategory.Trait, TestCategory.Simulation)]
public class MultipleTestingSimulationTests(ITestOutputHelper output)
{
    [Fact]
    public void Under_the_global_null_Holm_keeps_the_family_wise_error_of_placebo_p_values_near_5_percent()
    {
        // 400 families of 20 null mentions, each studied by the placebo method on its own simulated weekly Poisson
        // series with no change anywhere. Unadjusted, most families have some p < 0.05; Holm keeps that share ≤ ~5%.
        const int Families = 400;
        const int Size = 20;
        var starts = Bins.Range(new DateOnly(2011, 1, 3), new DateOnly(2020, 12, 27), BinUnit.IsoWeek);
        var cover = new Coverage(starts[0], starts[^1].AddDays(6));
        var zeros = new double[starts.Count];
        var anyRaw = 0;
        var anyHolm = 0;
        for (var f = 0; f < Families; f++)
        {
            var rng = new SplitMix64(SplitMix64.Derive(20261201, $"family/{f}"));
            var ps = new List<double>();
            for (var m = 0; m < Size; m++)
            {
                var events = new double[starts.Count];
                var deaths = new double[starts.Count];
                for (var t = 0; t < events.Length; t++)
                {
                    events[t] = Poisson(rng, 10);
                    deaths[t] = Poisson(rng, 20);
                }

                var series = new IntensitySeries("null", BinUnit.IsoWeek, ImprecisePolicy.Band, starts, events, deaths, zeros, zeros, null, null);
                var b = 4 + rng.NextBelow(starts.Count - 8);
                var r = Assert.Single(EventStudy.Run(series, [new StudyTarget("n", "n", starts[b], starts[b], false)], cover, EventStudyOptions.Default));
                ps.Add(r.Events!.PValue!.Value);
            }

            anyRaw += ps.Any(p => p < 0.05) ? 1 : 0;
            anyHolm += MultipleTesting.Holm(ps).Any(p => p < 0.05) ? 1 : 0;
        }

        output.WriteLine($"families with some p < 0.05: unadjusted {anyRaw} of {Families}, Holm {anyHolm} of {Families}");
        Assert.True(anyRaw > Families / 2, $"unadjusted: only {anyRaw} of {Families} families had some p < 0.05; the null p-values are not behaving like 20 tests at 5%");
        Assert.True(anyHolm <= Families * 0.07, $"Holm: {anyHolm} of {Families} families had some adjusted p < 0.05 (at most 7% allowed)");
    }

    /// <summary>A Poisson draw by multiplying uniforms (Knuth); fine for small means.</summary>
    private static double Poisson(SplitMix64 rng, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        var product = rng.NextDouble();
        while (product > limit)
        {
            k++;
            product *= rng.NextDouble();
        }

        return k;
    }
}
