using System.Globalization;
using System.Text;
using Pipeline.Intensity;
using Pipeline.Text;
using static Pipeline.Reports.HtmlReport;

namespace Pipeline.Reports;

/// <summary>One actor text (<see cref="ReportInputs.Actors"/>) matched against one source's analysed events.</summary>
/// <param name="Actor">The actor text, as given.</param>
/// <param name="Source">The source's label.</param>
/// <param name="Events">Events whose actor fields (actor 1 and 2 and their associates) contain the text, ignoring case.</param>
/// <param name="First">Date of the first matched event, or null when none matched.</param>
/// <param name="Last">Date of the last matched event, or null.</param>
/// <param name="Mentions">Each mention with matched events inside its study window (before and after, or before and inside), in the
/// mention's own scope countries, with how many; in mention order.</param>
internal sealed record ActorMatch(string Actor, string Source, int Events, DateOnly? First, DateOnly? Last, IReadOnlyList<(string MentionId, int Events)> Mentions);

/// <summary>
/// The report's actor-match table (section id <c>actors</c>): per source and actor text, how many analysed events name
/// the actor and when, and which mentions' study windows they fall in. Counts come straight from the events list;
/// the per-bin series is in <c>tables/actors.csv</c>.
/// </summary>
internal static class ReportActors
{
    /// <summary>One match per source (input order) and actor text (given order).</summary>
    public static IReadOnlyList<ActorMatch> Matches(ReportAnalysis a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var list = new List<ActorMatch>();
        foreach (var s in a.Sources)
        {
            foreach (var actor in a.Inputs.Actors)
            {
                var matched = s.Events.Where(e => EventFilter.MatchesActor(e, actor)).ToList();
                var mentions = new List<(string, int)>();
                foreach (var r in s.Study)
                {
                    if (r.Window is not { } w || ScopedStudy.ScopeCountries(r) is not { } scope)
                    {
                        continue;
                    }

                    var n = matched.Count(e => scope.Contains(e.Country) && e.Date >= w.BeforeFirst && e.Date <= w.AfterLast);
                    if (n > 0)
                    {
                        mentions.Add((r.Target.Id, n));
                    }
                }

                list.Add(new ActorMatch(actor, s.Name, matched.Count, matched.Count == 0 ? null : matched.Min(e => e.Date), matched.Count == 0 ? null : matched.Max(e => e.Date), mentions));
            }
        }

        return list;
    }

    /// <summary>The section with its table (id <c>actor-table</c>), every data string escaped.</summary>
    public static string Html(ReportAnalysis a)
    {
        var h = new StringBuilder();
        h.Append("<section id=\"actors\">\n<h2>Actor matches</h2>\n<p>Events whose actor fields (actor 1, actor 2 and their associated actors) contain each actor text, ignoring case, per source. A match is a text match on how the dataset names actors, not proof of who was involved; a text the dataset never uses matches nothing. “Mention windows”: mentions whose study window (the bins before and after the date, or before and inside the period, in the mention's own countries) holds matched events, with how many.</p>\n");
        if (a.Inputs.Actors.Count == 0)
        {
            h.Append("<p>No actor texts were given.</p>\n</section>\n");
            return h.ToString();
        }

        // An aggregate-only report leaves out First and Last: the date of one matched event is an event-level value.
        var dates = !a.Inputs.AggregateOnly;
        h.Append("<table id=\"actor-table\">\n<thead><tr><th>Actor text</th><th>Source</th><th>Events matched</th>").Append(dates ? "<th>First</th><th>Last</th>" : "").Append("<th>Mention windows</th></tr></thead>\n<tbody>\n");
        foreach (var m in Matches(a))
        {
            h.Append("<tr><td>").Append(E(m.Actor)).Append("</td><td>").Append(E(m.Source)).Append("</td><td>").Append(m.Events.ToString(CultureInfo.InvariantCulture)).Append("</td><td>");
            if (dates)
            {
                h.Append(m.First is { } f ? E(IsoDate.Format(f)) : "–").Append("</td><td>").Append(m.Last is { } l ? E(IsoDate.Format(l)) : "–").Append("</td><td>");
            }

            h
                .Append(m.Mentions.Count == 0 ? "none" : E(string.Join("; ", m.Mentions.Select(x => $"{x.MentionId} ({x.Events.ToString(CultureInfo.InvariantCulture)})")))).Append("</td></tr>\n");
        }

        h.Append("</tbody>\n</table>\n<p class=\"note\">Per-bin counts of these matches are in <code>tables/actors.csv</code>.</p>\n</section>\n");
        return h.ToString();
    }
}
