namespace Pipeline.Synthetic;

/// <summary>
/// ACLED's six event types since its 2019 taxonomy, spelled exactly as in the exports, so the synthetic
/// file exercises the same strings a real 2023 export carries.
/// </summary>
internal static class AcledEventTypes
{
    public const string Battles = "Battles";
    public const string ExplosionsRemoteViolence = "Explosions/Remote violence";
    public const string ViolenceAgainstCivilians = "Violence against civilians";
    public const string Protests = "Protests";
    public const string Riots = "Riots";
    public const string StrategicDevelopments = "Strategic developments";
}
