namespace Pipeline.Intensity;

/// <summary>
/// A dated thing to study around: a point (one day) or a period. Article mentions are turned into these so
/// the event study does not depend on how articles are stored.
/// </summary>
/// <param name="Id">Stable id (the mention id); also seeds the mention's random stream.</param>
/// <param name="Label">Short label for tables and charts.</param>
/// <param name="Start">First day.</param>
/// <param name="End">Last day (equal to <paramref name="Start"/> for a point).</param>
/// <param name="IsPeriod">Whether this is a period (inside vs before) rather than a point (before vs after).</param>
public sealed record StudyTarget(string Id, string Label, DateOnly Start, DateOnly End, bool IsPeriod);
