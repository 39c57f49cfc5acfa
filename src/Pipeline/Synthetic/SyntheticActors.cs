namespace Pipeline.Synthetic;

/// <summary>
/// The actor names the synthetic data draws from. They include the strings a user of the op-ed report
/// is likely to filter on (Haftar, Government of National Accord, Wagner, Turkey, United Arab Emirates,
/// Egypt, United States, Islamic State), spelled as ACLED spells them.
/// </summary>
/// <remarks>
/// Actor draws deliberately do not depend on the date: an actor filter then shows only the pattern of
/// the regime-switching process, never a step we put at a date (which could sit near an op-ed
/// mention). The price is anachronism (e.g. the 2016 Government of National Accord appears in 2011);
/// the data are synthetic and labelled so.
/// </remarks>
internal static class SyntheticActors
{
    public static readonly SyntheticActor Haftar = new("Military Forces of Libya (2014-) Haftar Faction", 1, ActorSide.East);
    public static readonly SyntheticActor Wagner = new("Wagner Group", 8, ActorSide.East);
    public static readonly SyntheticActor Uae = new("Military Forces of the United Arab Emirates (2019-)", 8, ActorSide.East);
    public static readonly SyntheticActor Egypt = new("Military Forces of Egypt (2014-)", 8, ActorSide.East);
    public static readonly SyntheticActor Gna = new("Military Forces of Libya (2016-) Government of National Accord", 1, ActorSide.West);
    public static readonly SyntheticActor GnaPolice = new("Police Forces of Libya (2016-) Government of National Accord", 1, ActorSide.West);
    public static readonly SyntheticActor Turkey = new("Military Forces of Turkey (2016-)", 8, ActorSide.West);
    public static readonly SyntheticActor MisrataMilitia = new("Misrata Communal Militia (Libya)", 4, ActorSide.West);
    public static readonly SyntheticActor IslamicState = new("Islamic State (Libya)", 2, ActorSide.Other);
    public static readonly SyntheticActor Unidentified = new("Unidentified Armed Group (Libya)", 3, ActorSide.Other);
    public static readonly SyntheticActor TebuMilitia = new("Tebu Ethnic Militia (Libya)", 4, ActorSide.Other);
    public static readonly SyntheticActor TuaregMilitia = new("Tuareg Ethnic Militia (Libya)", 4, ActorSide.Other);
    public static readonly SyntheticActor ZintanMilitia = new("Zintan Communal Militia (Libya)", 4, ActorSide.Other);
    public static readonly SyntheticActor UnitedStates = new("Military Forces of the United States (2017-2021)", 8, ActorSide.Other);
    public static readonly SyntheticActor Protesters = new("Protesters (Libya)", 6, ActorSide.Other);
    public static readonly SyntheticActor Rioters = new("Rioters (Libya)", 5, ActorSide.Other);
    public static readonly SyntheticActor Civilians = new("Civilians (Libya)", 7, ActorSide.Other);

    /// <summary>Armed actors in battles, shelling and violence against civilians.</summary>
    public static readonly WeightedTable<SyntheticActor> Armed = new(
        (Haftar, 30), (Gna, 25), (GnaPolice, 3), (Unidentified, 12), (IslamicState, 6), (Wagner, 4),
        (Turkey, 4), (Uae, 2), (Egypt, 2), (MisrataMilitia, 3), (ZintanMilitia, 3), (TebuMilitia, 3),
        (TuaregMilitia, 2), (UnitedStates, 1));

    /// <summary>Who flies aircraft and drones over Libya in the synthetic data.</summary>
    public static readonly WeightedTable<SyntheticActor> AirPowers = new(
        (Haftar, 30), (Gna, 20), (Uae, 10), (Turkey, 8), (Egypt, 3), (UnitedStates, 3));

    /// <summary>Who plants explosives and sends suicide bombers.</summary>
    public static readonly WeightedTable<SyntheticActor> Bombers = new((Unidentified, 60), (IslamicState, 40));

    /// <summary>State forces that intervene in protests and make arrests.</summary>
    public static readonly WeightedTable<SyntheticActor> StateForces = new((GnaPolice, 50), (Gna, 20), (Haftar, 30));

    /// <summary>Groups named as associated actors of protesters or civilians.</summary>
    public static readonly WeightedTable<string> SocialGroups = new(
        ("Students (Libya)", 20), ("Women (Libya)", 15), ("Labour Group (Libya)", 20),
        ("Health Workers (Libya)", 10), ("Teachers (Libya)", 10), ("Journalists (Libya)", 10),
        ("Migrants (Africa)", 15));
}
