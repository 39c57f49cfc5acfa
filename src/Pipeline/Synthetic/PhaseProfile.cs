namespace Pipeline.Synthetic;

/// <summary>
/// How one <see cref="SyntheticPhase"/> shapes the events drawn while it lasts: how many per week and
/// which ACLED event types. Intense phases are fighting-heavy, quiet ones protest-heavy, so phases show
/// up in the event-type charts as well as in the totals.
/// </summary>
/// <param name="Phase">The phase described.</param>
/// <param name="MeanEventsPerWeek">Expected events per seven days before the weekly noise factor.</param>
/// <param name="EventTypes">Relative weights of ACLED's six event types during this phase.</param>
internal sealed record PhaseProfile(SyntheticPhase Phase, int MeanEventsPerWeek, WeightedTable<string> EventTypes);
