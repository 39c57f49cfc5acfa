using Pipeline.Events;

namespace Pipeline.Intensity;

/// <summary>Which window of a study an event belongs to.</summary>
public enum StudyWindowSide
{
    /// <summary>The before (reference) window.</summary>
    Before,

    /// <summary>The after window of a point, or the inside of a period.</summary>
    After,
}

/// <summary>How an event inside a window entered (or did not enter) the study's counts.</summary>
public enum WindowEventCount
{
    /// <summary>Precisely dated for the bin: counted whole in the bin of its date.</summary>
    Counted,

    /// <summary>Imprecise under the band policy: not counted; its possible days overlap the window, so it is part of the window's imprecise band.</summary>
    ImpreciseBand,

    /// <summary>Imprecise under the spread policy: the share of its possible days that fall in the window is counted.</summary>
    SpreadShare,
}

/// <summary>One event inside a mention's study window, for a fact-checker to open in the source.</summary>
/// <param name="MentionId">The mention.</param>
/// <param name="Source">The source's name, as the caller gave it.</param>
/// <param name="Window">Before or after (inside).</param>
/// <param name="Count">How the study counted it.</param>
/// <param name="Event">The event (id, dates, precision, type, country, admin1, fatalities).</param>
public sealed record WindowEvent(string MentionId, string Source, StudyWindowSide Window, WindowEventCount Count, ConflictEvent Event);

/// <summary>
/// The events behind a mention's before and after numbers: every event the study counted in each window, and the
/// imprecise ones that could fall in it, so each number can be traced to source rows.
/// </summary>
/// <remarks>
/// Contract: pass one source's events, already scoped as for the study, and the <see cref="StudyWindow"/> of that
/// study's result (<see cref="EventStudyResult.Window"/>) with the bin and policy of its series. A precise event
/// is in a window when its date is; an imprecise one (<see cref="EventPeriod.IsCoarserThan(ConflictEvent, BinUnit)"/>)
/// when any of its possible days (<see cref="EventPeriod.Of"/>) is, so it may be listed in both windows. Rows come
/// before-window first, then by date, then by id (ordinal), so the export is deterministic.
/// </remarks>
internal static class WindowEvents
{
    /// <summary>The events in both windows of one study.</summary>
    public static IReadOnlyList<WindowEvent> Of(IEnumerable<ConflictEvent> events, string mentionId, string source, StudyWindow window, BinUnit bin, ImprecisePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(window);
        var rows = new List<WindowEvent>();
        foreach (var e in events)
        {
            var imprecise = EventPeriod.IsCoarserThan(e, bin);
            var (first, last) = imprecise ? EventPeriod.Of(e) : (e.Date, e.Date);
            var count = !imprecise ? WindowEventCount.Counted : policy == ImprecisePolicy.Band ? WindowEventCount.ImpreciseBand : WindowEventCount.SpreadShare;
            if (first <= window.BeforeLast && last >= window.BeforeFirst)
            {
                rows.Add(new WindowEvent(mentionId, source, StudyWindowSide.Before, count, e));
            }

            if (first <= window.AfterLast && last >= window.AfterFirst)
            {
                rows.Add(new WindowEvent(mentionId, source, StudyWindowSide.After, count, e));
            }
        }

        return rows.OrderBy(r => r.Window).ThenBy(r => r.Event.Date).ThenBy(r => r.Event.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The events of every studied result (those with a <see cref="EventStudyResult.Window"/>), in result order.</summary>
    public static IReadOnlyList<WindowEvent> Of(IReadOnlyCollection<ConflictEvent> events, IEnumerable<EventStudyResult> results, string source, BinUnit bin, ImprecisePolicy policy) =>
        results.Where(r => r.Window is not null).SelectMany(r => Of(events, r.Target.Id, source, r.Window!, bin, policy)).ToList();

    /// <summary>"counted", "imprecise band" or "spread share", as the CSV writes it.</summary>
    public static string Name(WindowEventCount count) => count switch
    {
        WindowEventCount.Counted => "counted",
        WindowEventCount.ImpreciseBand => "imprecise band (not counted)",
        _ => "spread share",
    };
}
