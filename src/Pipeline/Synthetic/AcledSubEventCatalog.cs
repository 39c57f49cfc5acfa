using Pipeline.Statistics;

namespace Pipeline.Synthetic;

/// <summary>
/// The sub-event types drawn within each event type, with weights that give roughly the mix seen in
/// ACLED's Libya data (armed clashes dominate battles, shelling and air strikes dominate remote
/// violence). Only sub-types that make sense for Libya 2011–2020 are listed.
/// </summary>
/// <remarks>
/// Disorder types follow ACLED's 2023 codebook: battles, remote violence, violence against civilians
/// and mob violence are "Political violence"; protests and violent demonstrations are
/// "Demonstrations"; strategic developments are "Strategic developments".
/// </remarks>
internal static class AcledSubEventCatalog
{
    private const string PoliticalViolence = "Political violence";
    private const string Demonstrations = "Demonstrations";
    private const string Strategic = "Strategic developments";

    private static readonly WeightedTable<SubEventKind> BattleKinds = new(
        (new(AcledEventTypes.Battles, "Armed clash", PoliticalViolence,
            new(440, 160, 150, 100, 75, 45, 20, 8, 2), "armed clash"), 85),
        (new(AcledEventTypes.Battles, "Government regains territory", PoliticalViolence,
            new(420, 150, 150, 110, 80, 55, 25, 8, 2), "forces regained positions"), 7),
        (new(AcledEventTypes.Battles, "Non-state actor overtakes territory", PoliticalViolence,
            new(420, 150, 150, 110, 80, 55, 25, 8, 2), "armed group took over positions"), 8));

    private static readonly WeightedTable<SubEventKind> RemoteViolenceKinds = new(
        (new(AcledEventTypes.ExplosionsRemoteViolence, "Shelling/artillery/missile attack", PoliticalViolence,
            new(650, 150, 110, 50, 25, 10, 4, 1), "shelling"), 55),
        (new(AcledEventTypes.ExplosionsRemoteViolence, "Air/drone strike", PoliticalViolence,
            new(500, 150, 150, 90, 60, 35, 12, 3), "air/drone strike"), 30),
        (new(AcledEventTypes.ExplosionsRemoteViolence, "Remote explosive/landmine/IED", PoliticalViolence,
            new(450, 250, 150, 80, 45, 18, 5, 2), "explosive device detonated"), 13),
        (new(AcledEventTypes.ExplosionsRemoteViolence, "Suicide bomb", PoliticalViolence,
            new(60, 90, 150, 200, 200, 150, 90, 45, 15), "suicide bombing"), 2));

    private static readonly WeightedTable<SubEventKind> CivilianViolenceKinds = new(
        (new(AcledEventTypes.ViolenceAgainstCivilians, "Attack", PoliticalViolence,
            new(300, 450, 150, 60, 25, 10, 4, 1), "attack on civilians"), 75),
        (new(AcledEventTypes.ViolenceAgainstCivilians, "Abduction/forced disappearance", PoliticalViolence,
            new(950, 40, 10), "abduction"), 25));

    private static readonly WeightedTable<SubEventKind> ProtestKinds = new(
        (new(AcledEventTypes.Protests, "Peaceful protest", Demonstrations,
            FatalityDistribution.None, "peaceful protest"), 90),
        (new(AcledEventTypes.Protests, "Protest with intervention", Demonstrations,
            new(985, 10, 5), "protest dispersed"), 10));

    private static readonly WeightedTable<SubEventKind> RiotKinds = new(
        (new(AcledEventTypes.Riots, "Violent demonstration", Demonstrations,
            new(940, 40, 20), "violent demonstration"), 60),
        (new(AcledEventTypes.Riots, "Mob violence", PoliticalViolence,
            new(800, 150, 40, 10), "mob violence"), 40));

    private static readonly WeightedTable<SubEventKind> StrategicKinds = new(
        (new(AcledEventTypes.StrategicDevelopments, "Agreement", Strategic,
            FatalityDistribution.None, "local \"ceasefire\" agreed"), 8),
        (new(AcledEventTypes.StrategicDevelopments, "Arrests", Strategic,
            FatalityDistribution.None, "arrests"), 20),
        (new(AcledEventTypes.StrategicDevelopments, "Change to group/activity", Strategic,
            FatalityDistribution.None, "group changed posture"), 15),
        (new(AcledEventTypes.StrategicDevelopments, "Disrupted weapons use", Strategic,
            new(970, 20, 10), "weapons use disrupted"), 12),
        (new(AcledEventTypes.StrategicDevelopments, "Headquarters or base established", Strategic,
            FatalityDistribution.None, "base established"), 5),
        (new(AcledEventTypes.StrategicDevelopments, "Looting/property destruction", Strategic,
            FatalityDistribution.None, "looting"), 15),
        (new(AcledEventTypes.StrategicDevelopments, "Non-violent transfer of territory", Strategic,
            FatalityDistribution.None, "territory handed over"), 5),
        (new(AcledEventTypes.StrategicDevelopments, "Other", Strategic,
            FatalityDistribution.None, "other development"), 20));

    /// <summary>Draws a sub-event type of <paramref name="eventType"/>.</summary>
    public static SubEventKind Pick(string eventType, SplitMix64 random) => KindsOf(eventType).Pick(random);

    /// <summary>All sub-event kinds of one event type; used by tests to check the taxonomy.</summary>
    public static WeightedTable<SubEventKind> KindsOf(string eventType) => eventType switch
    {
        AcledEventTypes.Battles => BattleKinds,
        AcledEventTypes.ExplosionsRemoteViolence => RemoteViolenceKinds,
        AcledEventTypes.ViolenceAgainstCivilians => CivilianViolenceKinds,
        AcledEventTypes.Protests => ProtestKinds,
        AcledEventTypes.Riots => RiotKinds,
        AcledEventTypes.StrategicDevelopments => StrategicKinds,
        _ => throw new ArgumentOutOfRangeException(nameof(eventType), eventType, "Not one of ACLED's six event types."),
    };
}
