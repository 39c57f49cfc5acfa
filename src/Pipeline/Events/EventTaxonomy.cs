using System.Collections.Frozen;

namespace Pipeline.Events;

/// <summary>
/// The one place where event types from every ACLED vintage and from UCDP GED are mapped onto ACLED's
/// current six types. Kept as data (a frozen table) so the crosswalk can be read, documented and tested
/// as a whole; readers never special-case type names themselves.
/// </summary>
/// <remarks>
/// Crosswalk (matching ignores case and spaces around hyphens):
/// <list type="table">
/// <item><term>Battle-No change of territory</term><description>Battles / Armed clash</description></item>
/// <item><term>Battle-Non-state actor overtakes territory</term><description>Battles / Non-state actor overtakes territory</description></item>
/// <item><term>Battle-Government regains territory</term><description>Battles / Government regains territory</description></item>
/// <item><term>Remote violence</term><description>Explosions/Remote violence (sub-type unknown)</description></item>
/// <item><term>Riots/Protests</term><description>Riots when either actor has interaction code 5 (rioters), else Protests (code 6, or no rioter code)</description></item>
/// <item><term>Strategic development</term><description>Strategic developments</description></item>
/// <item><term>Headquarters or base established</term><description>Strategic developments / Headquarters or base established</description></item>
/// <item><term>Non-violent transfer of territory</term><description>Strategic developments / Non-violent transfer of territory</description></item>
/// <item><term>UCDP type_of_violence 1 (state-based)</term><description>Battles / Armed clash</description></item>
/// <item><term>UCDP type_of_violence 2 (non-state)</term><description>Battles / Armed clash</description></item>
/// <item><term>UCDP type_of_violence 3 (one-sided)</term><description>Violence against civilians / Attack</description></item>
/// </list>
/// Anything else is <see cref="HarmonisedEventType.Unknown"/>: kept, counted and reported, never rejected.
/// </remarks>
public static class EventTaxonomy
{
    private static readonly FrozenDictionary<string, (HarmonisedEventType Type, string? SubType)> Table =
        new Dictionary<string, (HarmonisedEventType, string?)>(StringComparer.OrdinalIgnoreCase)
        {
            ["battles"] = (HarmonisedEventType.Battles, null),
            ["explosions/remote violence"] = (HarmonisedEventType.ExplosionsRemoteViolence, null),
            ["violence against civilians"] = (HarmonisedEventType.ViolenceAgainstCivilians, null),
            ["protests"] = (HarmonisedEventType.Protests, null),
            ["riots"] = (HarmonisedEventType.Riots, null),
            ["strategic developments"] = (HarmonisedEventType.StrategicDevelopments, null),
            ["battle-no change of territory"] = (HarmonisedEventType.Battles, "Armed clash"),
            ["battle-non-state actor overtakes territory"] = (HarmonisedEventType.Battles, "Non-state actor overtakes territory"),
            ["battle-government regains territory"] = (HarmonisedEventType.Battles, "Government regains territory"),
            ["remote violence"] = (HarmonisedEventType.ExplosionsRemoteViolence, null),
            ["strategic development"] = (HarmonisedEventType.StrategicDevelopments, null),
            ["headquarters or base established"] = (HarmonisedEventType.StrategicDevelopments, "Headquarters or base established"),
            ["non-violent transfer of territory"] = (HarmonisedEventType.StrategicDevelopments, "Non-violent transfer of territory"),
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The name ACLED uses today for a harmonised type, for tables and chart legends.</summary>
    public static string DisplayName(this HarmonisedEventType type) => type switch
    {
        HarmonisedEventType.Battles => "Battles",
        HarmonisedEventType.ExplosionsRemoteViolence => "Explosions/Remote violence",
        HarmonisedEventType.ViolenceAgainstCivilians => "Violence against civilians",
        HarmonisedEventType.Protests => "Protests",
        HarmonisedEventType.Riots => "Riots",
        HarmonisedEventType.StrategicDevelopments => "Strategic developments",
        _ => "Unknown",
    };

    /// <summary>
    /// Maps an ACLED event type (any vintage) to today's six. <paramref name="inter1"/> and
    /// <paramref name="inter2"/> are only consulted for the old combined <c>Riots/Protests</c> type, which
    /// ACLED itself split by whether rioters (code 5, or the 2024 text <c>Rioters</c>) took part.
    /// </summary>
    public static (HarmonisedEventType Type, string? SubType) HarmoniseAcled(string eventType, string? inter1, string? inter2)
    {
        var key = Normalise(eventType);
        if (string.Equals(key, "riots/protests", StringComparison.OrdinalIgnoreCase))
        {
            return IsRioter(inter1) || IsRioter(inter2)
                ? (HarmonisedEventType.Riots, null)
                : (HarmonisedEventType.Protests, null);
        }

        return Table.TryGetValue(key, out var hit) ? hit : (HarmonisedEventType.Unknown, null);
    }

    /// <summary>
    /// Maps UCDP GED's <c>type_of_violence</c> (1 state-based, 2 non-state, 3 one-sided). Returns false
    /// for any other code so the reader can reject the row with the value it saw.
    /// </summary>
    public static bool TryHarmoniseUcdp(int typeOfViolence, out HarmonisedEventType type, out string subType, out string originalName)
    {
        (type, subType, originalName) = typeOfViolence switch
        {
            1 => (HarmonisedEventType.Battles, "Armed clash", "State-based conflict"),
            2 => (HarmonisedEventType.Battles, "Armed clash", "Non-state conflict"),
            3 => (HarmonisedEventType.ViolenceAgainstCivilians, "Attack", "One-sided violence"),
            _ => (HarmonisedEventType.Unknown, "", ""),
        };
        return type != HarmonisedEventType.Unknown;
    }

    private static bool IsRioter(string? inter) =>
        inter is not null && (inter.Trim() == "5" || inter.Trim().StartsWith("Rioters", StringComparison.OrdinalIgnoreCase));

    private static string Normalise(string eventType)
    {
        var t = eventType.Trim();
        return t.Contains(" -", StringComparison.Ordinal) || t.Contains("- ", StringComparison.Ordinal)
            ? string.Join('-', t.Split('-').Select(p => p.Trim()))
            : t;
    }
}
