using Pipeline.Events;
using Pipeline.Text;

namespace Pipeline.Intensity;

/// <summary>
/// Which events to analyse: country, date range, event types and an actor text. A filter that matches
/// nothing is an error that lists what the data do contain, because an empty chart explains nothing.
/// </summary>
public sealed record EventFilter
{
    /// <summary>No filtering.</summary>
    public static EventFilter None { get; } = new();

    /// <summary>Country name, compared ignoring case; null for all.</summary>
    public string? Country { get; init; }

    /// <summary>First day included; null for the data's first.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day included; null for the data's last.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Harmonised types to keep; null or empty for all.</summary>
    public IReadOnlyCollection<HarmonisedEventType>? EventTypes { get; init; }

    /// <summary>Text that some actor field must contain (ignoring case); null for all.</summary>
    public string? Actor { get; init; }

    /// <summary>Whether any actor field of the event contains <paramref name="pattern"/>, ignoring case.</summary>
    public static bool MatchesActor(ConflictEvent e, string pattern) =>
        Contains(e.Actor1, pattern) || Contains(e.Actor2, pattern) || Contains(e.AssocActor1, pattern) || Contains(e.AssocActor2, pattern);

    /// <summary>The events that pass, in input order.</summary>
    /// <exception cref="ArgumentException">The range is empty, or the country is not in the data.</exception>
    public IReadOnlyList<ConflictEvent> Apply(IReadOnlyList<ConflictEvent> events)
    {
        if (From is { } f && To is { } t && t < f)
        {
            throw new ParameterException($"empty date range: {{EventFilter.To}} {IsoDate.Format(t)} is before {{EventFilter.From}} {IsoDate.Format(f)}");
        }

        if (Country is { } c && !events.Any(e => string.Equals(e.Country, c, StringComparison.OrdinalIgnoreCase)))
        {
            var present = events.Select(e => e.Country).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).Take(20);
            throw new ArgumentException($"unknown country '{c}': the data hold {string.Join(", ", present)}");
        }

        var types = EventTypes is { Count: > 0 } ? new HashSet<HarmonisedEventType>(EventTypes) : null;
        return events.Where(e =>
                (Country is null || string.Equals(e.Country, Country, StringComparison.OrdinalIgnoreCase))
                && (From is null || e.Date >= From)
                && (To is null || e.Date <= To)
                && (types is null || types.Contains(e.HarmonisedType))
                && (Actor is null || MatchesActor(e, Actor)))
            .ToList();
    }

    private static bool Contains(string? field, string pattern) =>
        field is not null && field.Contains(pattern, StringComparison.OrdinalIgnoreCase);
}
