namespace Pipeline.Synthetic;

/// <summary>
/// The hidden state of the synthetic data's regime-switching process. It is exposed (in
/// <see cref="SyntheticSummary.WeeklyPhases"/>) as ground truth, so an analysis can be checked against
/// the phases that really drove the counts.
/// </summary>
public enum SyntheticPhase
{
    /// <summary>Few events, mostly protests and strategic developments.</summary>
    Quiet,

    /// <summary>A moderate rate with a mix of fighting and other events.</summary>
    Active,

    /// <summary>Many events, dominated by battles and remote violence.</summary>
    Intense,
}
