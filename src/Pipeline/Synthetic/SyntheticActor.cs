namespace Pipeline.Synthetic;

/// <summary>
/// An actor name with its numeric ACLED <c>inter</c> code (1 state forces, 2 rebel groups,
/// 3 political militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other
/// forces) and a coarse side, so battles are drawn between actors that plausibly fight each other.
/// </summary>
/// <param name="Name">ACLED-style actor name, the text a user filters on.</param>
/// <param name="Inter">ACLED interaction code of the actor (pre-2024 numeric form).</param>
/// <param name="Side">Coalition used only to avoid drawing allies as battle opponents.</param>
internal sealed record SyntheticActor(string Name, int Inter, ActorSide Side);
