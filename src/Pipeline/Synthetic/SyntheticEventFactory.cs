using System.Globalization;
using Pipeline.Statistics;

namespace Pipeline.Synthetic;

/// <summary>
/// Fills in one event's columns for a given day and phase. The draws happen in a fixed order, all from
/// the event stream, so the output depends only on the seed and the span.
/// </summary>
/// <remarks>
/// Shape targets (all invented, loosely modelled on ACLED's Libya coding): <c>time_precision</c> is
/// 1 for 90%, 2 for 7% and 3 for 3% of events; <c>geo_precision</c> is 1/2/3 for 65/28/7%, with
/// coordinate jitter growing with it; fatalities follow <see cref="FatalityDistribution"/> per
/// sub-event type. Notes are short invented text prefixed <c>SYNTHETIC:</c>; rows with fatalities get a
/// comma in the note, agreements a quoted word, and 4 in 1000 notes a second line, so loaders meet
/// every RFC 4180 quoting case.
/// </remarks>
internal sealed class SyntheticEventFactory
{
    /// <summary>The literal every synthetic row carries in <c>source</c>, so loaders can recognise the data.</summary>
    public const string SourceMarker = "Synthetic (Pipeline generator)";

    /// <summary>The tag every synthetic row carries in <c>tags</c>.</summary>
    public const string SyntheticTag = "synthetic";

    /// <summary>The prefix of every synthetic note.</summary>
    public const string NotePrefix = "SYNTHETIC: ";

    private static readonly WeightedTable<int> TimePrecisions = new((1, 900), (2, 70), (3, 30));

    private static readonly WeightedTable<int> GeoPrecisions = new((1, 65), (2, 28), (3, 7));

    private static readonly WeightedTable<string> SourceScales = new(
        ("National", 55), ("National-International", 12), ("Other-National", 10), ("International", 8),
        ("New media", 8), ("Other", 7));

    private static readonly DateOnly UnixEpoch = new(1970, 1, 1);

    private readonly SplitMix64 random;

    /// <summary>Draws from <paramref name="random"/> only.</summary>
    public SyntheticEventFactory(SplitMix64 random) => this.random = random;

    /// <summary>Draws one event on <paramref name="date"/> during <paramref name="phase"/>.</summary>
    public SyntheticEvent Create(DateOnly date, SyntheticPhase phase)
    {
        string eventType = RegimeSwitchingProcess.ProfileOf(phase).EventTypes.Pick(random);
        SubEventKind kind = AcledSubEventCatalog.Pick(eventType, random);
        var (actor1, assoc1, actor2, assoc2) = DrawActors(kind);

        Admin1Place place = LibyaGeography.Places.Pick(random);
        int geoPrecision = GeoPrecisions.Pick(random);
        int spread = geoPrecision switch { 1 => 250, 2 => 800, _ => 1500 };
        int latitude = place.LatitudeE4 + Jitter(spread);
        int longitude = place.LongitudeE4 + Jitter(spread);

        int timePrecision = TimePrecisions.Pick(random);
        int fatalities = kind.Fatalities.Draw(random);
        string sourceScale = SourceScales.Pick(random);
        string notes = Note(kind, fatalities);

        string tags = kind.EventType is AcledEventTypes.Protests or AcledEventTypes.Riots
            ? SyntheticTag + "; crowd size=no report"
            : SyntheticTag;

        // ACLED's timestamp is when the row was last uploaded: some days after the event.
        int uploadDay = date.DayNumber - UnixEpoch.DayNumber + random.NextInRange(2, 45);
        long timestamp = (uploadDay * 86_400L) + random.NextBelow(86_400);

        return new SyntheticEvent(
            date, timePrecision, kind, actor1, assoc1, actor2, assoc2, place, latitude, longitude,
            geoPrecision, sourceScale, notes, fatalities, tags, timestamp);
    }

    private (SyntheticActor Actor1, string Assoc1, SyntheticActor? Actor2, string Assoc2) DrawActors(SubEventKind kind)
    {
        switch (kind.SubEventType)
        {
            case "Armed clash":
            case "Government regains territory":
            case "Non-state actor overtakes territory":
            {
                SyntheticActor a = SyntheticActors.Armed.Pick(random);
                return (a, "", Opponent(a), "");
            }

            case "Shelling/artillery/missile attack":
            {
                SyntheticActor a = SyntheticActors.Armed.Pick(random);
                return random.Chance(250)
                    ? (a, "", SyntheticActors.Civilians, "")
                    : (a, "", random.Chance(400) ? Opponent(a) : null, "");
            }

            case "Air/drone strike":
            {
                SyntheticActor a = SyntheticActors.AirPowers.Pick(random);
                return random.Chance(200)
                    ? (a, "", SyntheticActors.Civilians, "")
                    : (a, "", Opponent(a), "");
            }

            case "Remote explosive/landmine/IED":
            case "Suicide bomb":
            {
                SyntheticActor a = SyntheticActors.Bombers.Pick(random);
                return random.Chance(500)
                    ? (a, "", SyntheticActors.Civilians, "")
                    : (a, "", SyntheticActors.StateForces.Pick(random), "");
            }

            case "Attack":
            case "Abduction/forced disappearance":
            {
                SyntheticActor a = SyntheticActors.Armed.Pick(random);
                string assoc = random.Chance(200) ? SyntheticActors.SocialGroups.Pick(random) : "";
                return (a, "", SyntheticActors.Civilians, assoc);
            }

            case "Peaceful protest":
            {
                string assoc = random.Chance(250) ? SyntheticActors.SocialGroups.Pick(random) : "";
                return (SyntheticActors.Protesters, assoc, null, "");
            }

            case "Protest with intervention":
            {
                string assoc = random.Chance(250) ? SyntheticActors.SocialGroups.Pick(random) : "";
                return (SyntheticActors.Protesters, assoc, SyntheticActors.StateForces.Pick(random), "");
            }

            case "Violent demonstration":
                return (SyntheticActors.Rioters, "", random.Chance(300) ? SyntheticActors.StateForces.Pick(random) : null, "");

            case "Mob violence":
                return (SyntheticActors.Rioters, "", SyntheticActors.Civilians, "");

            case "Arrests":
                return (SyntheticActors.StateForces.Pick(random), "", random.Chance(500) ? SyntheticActors.Civilians : null, "");

            case "Agreement":
            {
                SyntheticActor a = SyntheticActors.Armed.Pick(random);
                return (a, "", Opponent(a), "");
            }

            default:
                return (SyntheticActors.Armed.Pick(random), "", null, "");
        }
    }

    /// <summary>An armed actor that is neither the same actor nor (for East/West) an ally of it.</summary>
    private SyntheticActor Opponent(SyntheticActor actor)
    {
        while (true)
        {
            SyntheticActor other = SyntheticActors.Armed.Pick(random);
            bool allies = actor.Side != ActorSide.Other && other.Side == actor.Side;
            if (other != actor && !allies)
            {
                return other;
            }
        }
    }

    /// <summary>Triangular offset in [-spread, spread] ten-thousandths of a degree (sum of two uniforms).</summary>
    private int Jitter(int spread) => random.NextInRange(-spread / 2, spread / 2) + random.NextInRange(-spread / 2, spread / 2);

    private string Note(SubEventKind kind, int fatalities)
    {
        string note = NotePrefix + kind.NoteVerb;
        if (fatalities > 0)
        {
            note += ", " + fatalities.ToString(CultureInfo.InvariantCulture) + " reported killed";
        }

        note += ".";
        if (random.Chance(4))
        {
            note += "\n" + NotePrefix + "follow-up report.";
        }

        return note;
    }
}
