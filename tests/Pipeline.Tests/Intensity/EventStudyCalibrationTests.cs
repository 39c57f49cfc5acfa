using System.Globalization;
using Pipeline.Articles;
using Pipeline.Intensity;
using Pipeline.Statistics;
using Pipeline.Synthetic;

namespace Pipeline.Tests.Intensity;

/// <summary>
/// The event study's error rate on weekly series (2011–2020, as the default data) with no change at any date,
/// for several kinds of null series and the mention layouts the report uses, and its power when an effect of
/// known size is planted. Every draw is seeded; the rows go to the README's calibration and power tables.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Simulation)]
public class EventStudyCalibrationTests
{
    /// <summary>Null series per kind; each gives one single-point study, one single-period study and the catalog's mentions.</summary>
    private const int NullSeries = 1000;

    private const int PowerSeries = 300;

    private const ulong Seed = 20260414;

    private static readonly DateOnly From = new(2011, 1, 1);
    private static readonly DateOnly To = new(2020, 12, 31);
    private static readonly IReadOnlyList<DateOnly> Starts = Bins.Range(From, To, BinUnit.IsoWeek);
    private static readonly Coverage Cover = new(From, To);

    private static readonly Lazy<IReadOnlyList<StudyTarget>> CatalogTargets = new(() =>
        ArticleCatalog.LoadFolder(TestPaths.Project.Articles).Articles
            .SelectMany(a => MentionView.For(a, Cover, BinUnit.IsoWeek)).Select(m => m.Target).ToList());

    public enum NullKind
    {
        Poisson = 1,
        NegativeBinomial = 2,
        Autocorrelated = 3,
        RegimeSwitching = 4,
        Sparse = 5,
        HeavyTailedFatalities = 6,
    }

    private enum Layout
    {
        Point = 1,
        Period = 2,
        Catalog = 3,
        PreTrend = 4,
        ImprecisePile = 5,
    }

    public static TheoryData<NullKind> Kinds => [.. Enum.GetValues<NullKind>()];

    private static readonly string[] CalibrationHeader =
    [
        "null series", "mentions", "studies per CI run", "events: 95% CI excludes 0", "events: p < 0.05",
        "fatalities: 95% CI excludes 0", "fatalities: p < 0.05", "events: rate-ratio CI excludes 1",
    ];

    private static readonly string[] PowerHeader = ["series", "planted effect", "studies per CI run", "events: p < 0.05", "fatalities: p < 0.05"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Null_mentions_get_intervals_excluding_zero_and_p_below_0_05_at_3_to_7_percent(NullKind kind)
    {
        var tallies = new Dictionary<Layout, Tally> { [Layout.Point] = new(), [Layout.Period] = new(), [Layout.Catalog] = new(), [Layout.PreTrend] = new(), [Layout.ImprecisePile] = new() };
        var wholeAtFirstWeek = new Tally();
        for (var i = 0; i < NullSeries; i++)
        {
            var rng = new SplitMix64(SplitMix64.Derive(Seed, $"{kind}/{i}"));
            var series = Series(Simulate(kind, rng, 0, 0, 1));
            var n = series.Count;
            var b = 4 + rng.NextBelow(n - 7);
            tallies[Layout.Point].Add(EventStudy.Run(series, [new StudyTarget("p", "p", Starts[b], Starts[b], false)], Cover, EventStudyOptions.Default));
            var l = 2 + rng.NextBelow(12);
            var first = l + rng.NextBelow(n - (2 * l) + 1);
            tallies[Layout.Period].Add(EventStudy.Run(series, [new StudyTarget("q", "q", Starts[first], Starts[first + l - 1].AddDays(6), true)], Cover, EventStudyOptions.Default));
            tallies[Layout.Catalog].Add(EventStudy.Run(series, CatalogTargets.Value, Cover, EventStudyOptions.Default));

            // The pre-trend's point is drawn from a stream of its own, so the rows above stay as they were.
            var extra = new SplitMix64(SplitMix64.Derive(Seed, $"{kind}/{i}/pre-trend"));
            var c = 8 + extra.NextBelow(n - 11);
            tallies[Layout.PreTrend].Add(EventStudy.PreTrend(series, [new StudyTarget("p", "p", Starts[c], Starts[c], false)], Cover, EventStudyOptions.Default));

            // Imprecise events piled on the random point's first week, as UCDP events running from an offensive's first day
            // for months are: three weeks' worth of the series' mean. The band leaves them out of the counts at the mention
            // and at every placebo window, so this row must equal the point row; counted whole there, they would not.
            var pile = new double[n];
            pile[b] = Math.Round(3 * series.Events.Average());
            var piled = new IntensitySeries("simulated", BinUnit.IsoWeek, ImprecisePolicy.Band, Starts, series.Events, series.Fatalities, pile, pile, null, null);
            var at = new StudyTarget("p", "p", Starts[b], Starts[b], false);
            tallies[Layout.ImprecisePile].Add(EventStudy.Run(piled, [at], Cover, EventStudyOptions.Default));
            var whole = new IntensitySeries("simulated", BinUnit.IsoWeek, ImprecisePolicy.Band, Starts, piled.AllEvents(), piled.AllFatalities(), new double[n], new double[n], null, null);
            wholeAtFirstWeek.Add(EventStudy.Run(whole, [at], Cover, EventStudyOptions.Default));
        }

        Assert.Equal(0, tallies[Layout.Point].Skipped); // a single point mention always has enough placebo windows
        Assert.Equal(0, tallies[Layout.PreTrend].Skipped);
        Assert.Equal(NullSeries, tallies[Layout.PreTrend].Events.Studies);
        Assert.Equal(tallies[Layout.Point].Events.Significant, tallies[Layout.ImprecisePile].Events.Significant); // the band leaves the pile out
        Assert.Equal(tallies[Layout.Point].Fatalities.Significant, tallies[Layout.ImprecisePile].Fatalities.Significant);
        var failures = new List<string>();
        foreach (var (layout, t) in tallies)
        {
            var mentions = layout switch
            {
                Layout.Point => "one random point (k = 4)",
                Layout.Period => "one random period (2–13 weeks)",
                Layout.PreTrend => "pre-trend check of one random point (k = 4: the 4 weeks before the before-window vs the before-window)",
                Layout.ImprecisePile => $"the random point above with 3 weeks' mean of imprecise events piled on its first week, left out by the band (counted whole there instead: p < 0.05 in {Share(wholeAtFirstWeek.Events.Significant, wholeAtFirstWeek.Events.Studies)})",
                _ => $"the catalog's {CatalogTargets.Value.Count} mentions (k = 4)",
            };
            Calibration.Record(CalibrationTable.Calibration, (10 * (int)kind) + (int)layout, CalibrationHeader,
            [
                Describe(kind), mentions, $"{t.Events.Studies} ({NullSeries} series, {t.Skipped} more not computable; seed {Seed})",
                Share(t.Events.Excluding, t.Events.Studies), Share(t.Events.Significant, t.Events.Studies),
                Share(t.Fatalities.Excluding, t.Fatalities.Studies), Share(t.Fatalities.Significant, t.Fatalities.Studies),
                Share(t.RatioExcluding, t.RatioStudies),
            ]);

            foreach (var (what, o) in new[] { ("events", t.Events), ("fatalities", t.Fatalities) })
            {
                if (o.Excluding != o.Significant || o.Mismatched > 0)
                {
                    failures.Add($"{kind}, {layout}, {what}: {o.Mismatched} studies where 'interval excludes 0' and 'p < 0.05' disagree");
                }

                var rate = (double)o.Significant / o.Studies;
                if (o.Studies < 500 || rate < 0.03 || rate > 0.07)
                {
                    failures.Add($"{kind}, {layout}, {what}: p < 0.05 in {Share(o.Significant, o.Studies)} of null studies (want 3–7% of at least 500)");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Planted_effects_for_8_weeks_are_found_more_often_the_larger_they_are()
    {
        var order = 0;
        foreach (var kind in new[] { NullKind.Poisson, NullKind.NegativeBinomial, NullKind.Autocorrelated, NullKind.RegimeSwitching, NullKind.Sparse })
        {
            var found = new List<double>();
            foreach (var multiplier in new[] { 1.5, 2.0, 3.0 })
            {
                var t = new Tally();
                for (var i = 0; i < PowerSeries; i++)
                {
                    var rng = new SplitMix64(SplitMix64.Derive(Seed, $"power/{kind}/{multiplier.ToString(CultureInfo.InvariantCulture)}/{i}"));
                    var b = 4 + rng.NextBelow(Starts.Count - 11);
                    var series = Series(Simulate(kind, rng, b, 8, multiplier));
                    t.Add(EventStudy.Run(series, [new StudyTarget("p", "p", Starts[b], Starts[b], false)], Cover, EventStudyOptions.Default));
                }

                found.Add((double)t.Events.Significant / t.Events.Studies);
                Calibration.Record(CalibrationTable.Power, ++order, PowerHeader,
                [
                    Describe(kind), $"rate ×{multiplier.ToString(CultureInfo.InvariantCulture)} for 8 weeks from a random point (k = 4)",
                    $"{t.Events.Studies} (seed {Seed})", Share(t.Events.Significant, t.Events.Studies), Share(t.Fatalities.Significant, t.Fatalities.Studies),
                ]);
            }

            Assert.True(found[0] < found[2], $"{kind}: power at ×1.5 ({found[0]:P1}) is not below power at ×3 ({found[2]:P1})");
            Assert.True(found[2] > 0.1, $"{kind}: a tripled rate was found in only {found[2]:P1} of studies");
        }
    }

    private sealed class Outcome
    {
        public int Studies { get; set; }

        public int Excluding { get; set; }

        public int Significant { get; set; }

        public int Mismatched { get; set; }

        public void Add(WindowEffect e)
        {
            Studies++;
            Excluding += e.ExcludesZero ? 1 : 0;
            Significant += e.PValue < 0.05 ? 1 : 0;
            Mismatched += e.ExcludesZero != e.PValue < 0.05 ? 1 : 0;
        }
    }

    private sealed class Tally
    {
        public Outcome Events { get; } = new();

        public Outcome Fatalities { get; } = new();

        public int RatioStudies { get; private set; }

        public int RatioExcluding { get; private set; }

        public int Skipped { get; private set; }

        /// <summary>Counts the studies that have a p-value, and those with means but none.</summary>
        public void Add(IReadOnlyList<EventStudyResult> results)
        {
            var skipped = 0;
                foreach (var r in results)
            {
                if (r.Events?.PValue is null)
                {
                    // Outside coverage, too near the edge, or too few placebo windows: no number to calibrate.
                    skipped += r.Events is null ? 0 : 1;
                    continue;
                }

                Events.Add(r.Events);
                Fatalities.Add(r.Fatalities!);
                if (r.Events.RatioLow is { } low && r.Events.RatioHigh is { } high)
                {
                    RatioStudies++;
                    RatioExcluding += low > 1 || high < 1 ? 1 : 0;
                }
            }

            Skipped += skipped;
        }
    }

    private static string Share(int count, int of) =>
        of == 0 ? "–" : $"{(100.0 * count / of).ToString("0.0", CultureInfo.InvariantCulture)}% ({count}/{of})";

    private static string Describe(NullKind kind) => kind switch
    {
        NullKind.Poisson => "independent Poisson, 20 events a week",
        NullKind.NegativeBinomial => "negative binomial, mean 20, size 2",
        NullKind.Autocorrelated => "Poisson with AR(1) log-rate (φ = 0.8, σ = 0.35)",
        NullKind.RegimeSwitching => "regime-switching (the synthetic data's 3-phase chain)",
        NullKind.Sparse => "sparse: negative binomial, mean 0.4 a week (~75% empty weeks)",
        _ => "heavy-tailed fatalities: Pareto (α = 1.1) per event, 10 events a week",
    };

    private static IntensitySeries Series((double[] Events, double[] Fatalities) s)
    {
        var zeros = new double[s.Events.Length];
        return new IntensitySeries("simulated", BinUnit.IsoWeek, ImprecisePolicy.Band, Starts, s.Events, s.Fatalities, zeros, zeros, null, null);
    }

    /// <summary>Weekly events and fatalities of one kind; the rate is multiplied by <paramref name="multiplier"/> in <paramref name="length"/> weeks from <paramref name="start"/>.</summary>
    private static (double[] Events, double[] Fatalities) Simulate(NullKind kind, SplitMix64 rng, int start, int length, double multiplier)
    {
        var n = Starts.Count;
        var rate = new double[n];
        switch (kind)
        {
            case NullKind.NegativeBinomial:
                for (var t = 0; t < n; t++)
                {
                    rate[t] = Gamma(rng, 2) * 10;
                }

                break;
            case NullKind.Autocorrelated:
                var x = Normal(rng) * 0.35 / Math.Sqrt(1 - (0.8 * 0.8));
                for (var t = 0; t < n; t++)
                {
                    rate[t] = 20 * Math.Exp(x);
                    x = (0.8 * x) + (0.35 * Normal(rng));
                }

                break;
            case NullKind.RegimeSwitching:
                double[] means = [11, 36, 96];
                var phase = 0;
                for (var t = 0; t < n; t++)
                {
                    rate[t] = means[phase] * (0.7 + (0.6 * rng.NextDouble()));
                    var draw = rng.NextBelow(1000);
                    var row = RegimeSwitchingProcess.TransitionsPerMille[phase];
                    phase = draw < row[0] ? 0 : draw < row[0] + row[1] ? 1 : 2;
                }

                break;
            case NullKind.Sparse:
                for (var t = 0; t < n; t++)
                {
                    rate[t] = Gamma(rng, 0.4);
                }

                break;
            default:
                Array.Fill(rate, kind == NullKind.HeavyTailedFatalities ? 10 : 20);
                break;
        }

        var events = new double[n];
        var deaths = new double[n];
        for (var t = 0; t < n; t++)
        {
            var e = Poisson(rng, rate[t] * (t >= start && t < start + length ? multiplier : 1));
            events[t] = e;
            if (kind == NullKind.HeavyTailedFatalities)
            {
                for (var j = 0; j < e; j++)
                {
                    deaths[t] += Math.Floor(Math.Pow(Uniform(rng), -1 / 1.1)) - 1; // discrete Pareto, infinite variance
                }
            }
            else
            {
                deaths[t] = e == 0 ? 0 : Poisson(rng, Gamma(rng, e) * 1.5); // a geometric count (mean 1.5) per event
            }
        }

        return (events, deaths);
    }

    /// <summary>Uniform on (0, 1): never 0, so logs and negative powers are finite.</summary>
    private static double Uniform(SplitMix64 rng) => ((rng.NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));

    private static double Normal(SplitMix64 rng) => Math.Sqrt(-2 * Math.Log(Uniform(rng))) * Math.Cos(2 * Math.PI * Uniform(rng));

    /// <summary>Gamma(shape, 1) by Marsaglia and Tsang; shapes below 1 through Gamma(shape + 1)·U^(1/shape).</summary>
    private static double Gamma(SplitMix64 rng, double shape)
    {
        if (shape < 1)
        {
            return Gamma(rng, shape + 1) * Math.Pow(Uniform(rng), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            var z = Normal(rng);
            var v = 1 + (c * z);
            if (v <= 0)
            {
                continue;
            }

            v = v * v * v;
            if (Math.Log(Uniform(rng)) < (0.5 * z * z) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    /// <summary>Poisson by Knuth's product method, in pieces of at most 30 so e^−λ never underflows.</summary>
    private static int Poisson(SplitMix64 rng, double lambda)
    {
        var total = 0;
        while (lambda > 0)
        {
            var piece = Math.Min(lambda, 30);
            lambda -= piece;
            var limit = Math.Exp(-piece);
            var p = Uniform(rng);
            while (p > limit)
            {
                total++;
                p *= Uniform(rng);
            }
        }

        return total;
    }
}
