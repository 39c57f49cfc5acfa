using CsCheck;
using Pipeline.Events;
using Pipeline.Intensity;

namespace Pipeline.Tests.Properties;

/// <summary>
/// The event study depends on the events, not on the order of the rows they came in: shuffling the input
/// rows gives identical before/after means, differences, ratios, placebo intervals, p-values and bands, for
/// every bin unit and both imprecise policies. Reordering the targets only reorders the results, since the
/// placebo windows leave out the windows of every target whatever their order.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Property)]
public class EventStudyProperties
{
    private const ulong Seed = 20200103;

    private sealed record StudyCase(DateOnly From, DateOnly To, List<ConflictEvent> Events, List<ConflictEvent> Shuffled, List<StudyTarget> Targets, ulong StudySeed)
    {
        public override string ToString() => $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}, {Events.Count} events, {Targets.Count} targets";
    }

    private static readonly Gen<StudyCase> Cases = PropertyRun.From(pcg =>
    {
        var from = Gen.DateOnly[new DateOnly(2012, 1, 1), new DateOnly(2020, 12, 31)].Draw(pcg);
        var to = from.AddDays(pcg.Between(700, 2200));
        var events = Enumerable.Range(0, pcg.Between(50, 600)).Select(i => IntensityData.Event(pcg, from.AddDays(-60), to.AddDays(60), i)).ToList();

        // A burst somewhere, so that some windows see a real change.
        var burst = Gen.DateOnly[from, to].Draw(pcg);
        events.AddRange(Enumerable.Range(0, pcg.Between(0, 150)).Select(i => IntensityData.Event(pcg, burst, burst.AddDays(pcg.Between(0, 40)), events.Count + i)));

        var shuffled = events.ToList();
        for (var i = shuffled.Count - 1; i > 0; i--)
        {
            var j = pcg.Between(0, i);
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }

        var targets = new List<StudyTarget>();
        for (var t = pcg.Between(1, 6); t > 0; t--)
        {
            var start = Gen.DateOnly[from.AddDays(-30), to.AddDays(30)].Draw(pcg);
            var period = pcg.Chance(40);
            targets.Add(new StudyTarget($"m{t}", $"mention {t}", start, period ? start.AddDays(pcg.Between(0, 200)) : start, period));
        }

        return new StudyCase(from, to, events, shuffled, targets, pcg.Chance(50) ? 20200103UL : pcg.Next64());
    });

    [Fact]
    public void Shuffling_the_input_rows_changes_no_statistic()
    {
        var iterations = PropertyRun.Iterations(40);
        var studies = 0;
        var withPlacebo = 0;
        var changed = 0;
        var reordered = 0;
        var failures = new Failures();
        for (var i = 0; i < iterations; i++)
        {
            var c = Cases.Case(Seed, i);
            var options = EventStudyOptions.Default with { Seed = c.StudySeed };
            foreach (var unit in IntensityData.Units)
            {
                foreach (var policy in new[] { ImprecisePolicy.Band, ImprecisePolicy.Spread })
                {
                    var where = $"seed {Seed}, iteration {i}, {c}, {unit}, {policy}";
                    var o = new IntensityOptions { Bin = unit, Imprecise = policy };
                    var before = EventStudy.Run(IntensityCalculator.Compute(c.Events, o, c.From, c.To), c.Targets, Coverage.Of(c.Events), options);
                    var after = EventStudy.Run(IntensityCalculator.Compute(c.Shuffled, o, c.From, c.To), c.Targets, Coverage.Of(c.Shuffled), options);
                    studies += before.Count;
                    withPlacebo += before.Count(r => r.Placebo is not null);
                    for (var k = 0; k < before.Count; k++)
                    {
                        if (before[k] != after[k])
                        {
                            changed++;
                            failures.Add($"{where}, target {c.Targets[k]}:\n in order: {before[k]}\n shuffled: {after[k]}");
                        }
                    }

                    var reversedTargets = c.Targets.AsEnumerable().Reverse().ToList();
                    var backwards = EventStudy.Run(IntensityCalculator.Compute(c.Shuffled, o, c.From, c.To), reversedTargets, Coverage.Of(c.Shuffled), options);
                    if (!backwards.Reverse().SequenceEqual(after))
                    {
                        reordered++;
                        failures.Add($"{where}: reversing the targets changed a result, not just the order");
                    }
                }
            }
        }

        Reliability.Record(
            ReliabilityArea.Properties,
            "Event study unchanged when input rows are shuffled",
            "random events with a burst, point and period targets (some at the edges) × 4 bin units × band/spread; rows shuffled (every admissible placebo window); targets reversed",
            $"{iterations} cases, {studies} target studies, {withPlacebo} with placebos (seed {Seed})",
            $"{changed} results changed by shuffling, {reordered} changed by reordering targets");

        failures.AssertNone("event study under shuffling");
        Assert.True(withPlacebo > 0, "no study had a placebo reference: the property did not reach the placebo code");
    }
}
