using Pipeline.Events;

namespace Pipeline.Charts;

/// <summary>
/// One fixed colour per harmonised event type, used by every chart and every report, so two reports can be read
/// side by side (Protests are the same colour in both). Colours are Okabe–Ito (colour-blind safe) with grey for
/// <see cref="HarmonisedEventType.Unknown"/>; they never depend on which types a file happens to contain or their order.
/// </summary>
public static class EventTypeColours
{
    /// <summary>The colour of <paramref name="type"/> as a CSS hex string.</summary>
    public static string Of(HarmonisedEventType type) => type switch
    {
        HarmonisedEventType.Battles => "#D55E00",
        HarmonisedEventType.ExplosionsRemoteViolence => "#E69F00",
        HarmonisedEventType.ViolenceAgainstCivilians => "#CC79A7",
        HarmonisedEventType.Protests => "#0072B2",
        HarmonisedEventType.Riots => "#56B4E9",
        HarmonisedEventType.StrategicDevelopments => "#009E73",
        _ => "#7F7F7F",
    };
}
