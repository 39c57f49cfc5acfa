using System.Collections.Immutable;
using Pipeline.Statistics;

namespace Pipeline.Synthetic;

/// <summary>
/// Sets the quiet and intense stretches of the synthetic data with a seeded three-state Markov chain
/// over consecutive seven-day blocks, and turns each block's phase into daily event counts.
/// </summary>
/// <remarks>
/// <para>
/// Why a Markov chain: the pipeline's event study compares counts before and after the op-ed's
/// mention dates. If phases were placed at or near those dates, any pattern found around them would be
/// put there by us. So the phases come from a neutral random process whose only inputs are the seed
/// and the number of blocks. <b>No mention date, no article and no real event date is read or used.</b>
/// </para>
/// <para>
/// The process, exactly:
/// 1. Block k covers days Start + 7k .. Start + 7k + 6 (the last block may be cut short by End).
/// 2. Block 0 is <see cref="SyntheticPhase.Quiet"/>. Each later block's phase is drawn from the
///    previous block's row of <see cref="TransitionsPerMille"/> (weights out of 1000):
///    Quiet → 955 Quiet, 45 Active, 0 Intense; Active → 40 Quiet, 920 Active, 40 Intense;
///    Intense → 0 Quiet, 90 Active, 910 Intense. Expected stays are about 22, 12.5 and 11 weeks; the
///    stationary shares are about 38% quiet, 43% active and 19% intense (phases cannot jump
///    between quiet and intense without passing through active).
/// 3. Each block's rate is the phase mean (11, 36 and 96 events a week) times a factor drawn
///    uniformly from 70%–130%, rounded down, so weeks within a phase are not identical.
/// 4. Each day's count is Binomial(64, rate / 448): 64 trials, each a success when a uniform integer
///    below 448 (= 7 × 64) is below the weekly rate. Its mean is rate / 7 and it needs no
///    floating point.
/// The chain draws from its own random stream (forked from the seed before the event stream), so
/// changing how events are filled in never moves the phases.
/// </para>
/// </remarks>
internal sealed class RegimeSwitchingProcess
{
    /// <summary>Trials per day in the binomial day count; 64 keeps the count near-Poisson for these rates.</summary>
    private const int TrialsPerDay = 64;

    private const int TicketsPerTrial = 7 * TrialsPerDay;

    /// <summary>Row = current phase, column = next phase, in <see cref="SyntheticPhase"/> order; each row sums to 1000.</summary>
    internal static readonly ImmutableArray<ImmutableArray<int>> TransitionsPerMille =
    [
        [955, 45, 0],
        [40, 920, 40],
        [0, 90, 910],
    ];

    private static readonly ImmutableArray<PhaseProfile> Profiles =
    [
        new(SyntheticPhase.Quiet, 11, new WeightedTable<string>(
            (AcledEventTypes.Battles, 14),
            (AcledEventTypes.ExplosionsRemoteViolence, 8),
            (AcledEventTypes.ViolenceAgainstCivilians, 10),
            (AcledEventTypes.Protests, 36),
            (AcledEventTypes.Riots, 6),
            (AcledEventTypes.StrategicDevelopments, 26))),
        new(SyntheticPhase.Active, 36, new WeightedTable<string>(
            (AcledEventTypes.Battles, 30),
            (AcledEventTypes.ExplosionsRemoteViolence, 20),
            (AcledEventTypes.ViolenceAgainstCivilians, 12),
            (AcledEventTypes.Protests, 15),
            (AcledEventTypes.Riots, 4),
            (AcledEventTypes.StrategicDevelopments, 19))),
        new(SyntheticPhase.Intense, 96, new WeightedTable<string>(
            (AcledEventTypes.Battles, 40),
            (AcledEventTypes.ExplosionsRemoteViolence, 35),
            (AcledEventTypes.ViolenceAgainstCivilians, 9),
            (AcledEventTypes.Protests, 4),
            (AcledEventTypes.Riots, 2),
            (AcledEventTypes.StrategicDevelopments, 10))),
    ];

    private readonly SplitMix64 random;

    /// <summary>Uses <paramref name="random"/> for the chain and the block rates only.</summary>
    public RegimeSwitchingProcess(SplitMix64 random) => this.random = random;

    /// <summary>The profile (rate and event-type mix) of <paramref name="phase"/>.</summary>
    public static PhaseProfile ProfileOf(SyntheticPhase phase) => Profiles[(int)phase];

    /// <summary>
    /// Runs the chain for <paramref name="blocks"/> seven-day blocks and draws each block's weekly rate.
    /// </summary>
    public (ImmutableArray<SyntheticPhase> Phases, ImmutableArray<int> WeeklyRates) Simulate(int blocks)
    {
        var phases = ImmutableArray.CreateBuilder<SyntheticPhase>(blocks);
        var rates = ImmutableArray.CreateBuilder<int>(blocks);
        var phase = SyntheticPhase.Quiet;
        for (int k = 0; k < blocks; k++)
        {
            if (k > 0)
            {
                phase = NextPhase(phase);
            }

            phases.Add(phase);
            int rate = ProfileOf(phase).MeanEventsPerWeek * random.NextInRange(70, 130) / 100;
            rates.Add(Math.Min(rate, TicketsPerTrial));
        }

        return (phases.MoveToImmutable(), rates.MoveToImmutable());
    }

    /// <summary>Number of events on one day of a block whose weekly rate is <paramref name="weeklyRate"/>.</summary>
    public static int DrawDayCount(SplitMix64 random, int weeklyRate)
    {
        int count = 0;
        for (int trial = 0; trial < TrialsPerDay; trial++)
        {
            if (random.NextBelow(TicketsPerTrial) < weeklyRate)
            {
                count++;
            }
        }

        return count;
    }

    private SyntheticPhase NextPhase(SyntheticPhase current)
    {
        var row = TransitionsPerMille[(int)current];
        int ticket = random.NextBelow(1000);
        int cumulative = 0;
        for (int next = 0; next < row.Length; next++)
        {
            cumulative += row[next];
            if (ticket < cumulative)
            {
                return (SyntheticPhase)next;
            }
        }

        throw new InvalidOperationException("Unreachable: transition rows sum to 1000.");
    }
}
