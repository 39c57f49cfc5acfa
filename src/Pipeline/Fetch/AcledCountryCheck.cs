using System.Globalization;
using Pipeline.Intensity;
using Pipeline.Text;

namespace Pipeline.Fetch;

/// <summary>
/// Checks an <see cref="AcledQuery"/>'s countries and region offline, before any request, against ACLED's
/// country table with its start years (<see cref="AcledCountries"/>) and its region table
/// (<see cref="AcledRegions"/>): an unknown country is refused with the nearest spelling ("Lybia" → "Libya"),
/// an unknown region code with the list of codes, and a date range that ends before a country's (or the
/// region's) coverage starts is refused naming the start. A range that only begins before it is allowed with a note.
/// </summary>
internal static class AcledCountryCheck
{
    /// <summary>
    /// Returns the query with each country spelt as ACLED's table spells it (case may differ in the input), plus
    /// a note when the range begins before some coverage start (null otherwise).
    /// </summary>
    /// <exception cref="FetchException">A country not in ACLED's table, an unknown region code, or a range wholly before a coverage start.</exception>
    public static (AcledQuery Query, string? Note) Check(AcledQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var table = AcledCountries.StartYears;
        var canonicalNames = new List<string>();
        var starts = new List<(string What, DateOnly Start, string StartText)>();
        foreach (var wanted in query.Countries)
        {
            var canonical = table.Keys.FirstOrDefault(k => string.Equals(k, wanted, StringComparison.OrdinalIgnoreCase));
            if (canonical is null)
            {
                var nearest = NameSuggestion.Nearest(wanted, table.Keys.OrderBy(k => k, StringComparer.Ordinal));
                throw new FetchException(
                    $"'{wanted}' is not a country in ACLED's country table; nothing was requested",
                    nearest is null
                        ? $"spell the country as ACLED does (e.g. Libya, Democratic Republic of Congo); the {table.Count} names are in data/reference/acled_countries.csv"
                        : $"did you mean \"{nearest}\"? Spell the country as ACLED does; the {table.Count} names are in data/reference/acled_countries.csv");
            }

            canonicalNames.Add(canonical);
            var year = table[canonical];
            starts.Add((canonical, new DateOnly(year, 1, 1), year.ToString(CultureInfo.InvariantCulture)));
        }

        if (query.Region is { } code)
        {
            if (!AcledRegions.All.TryGetValue(code, out var region))
            {
                throw new FetchException(
                    $"region {code.ToString(CultureInfo.InvariantCulture)} is not one of ACLED's region codes; nothing was requested",
                    $"use one of {string.Join(", ", AcledRegions.All.Select(r => $"{r.Key.ToString(CultureInfo.InvariantCulture)} = {r.Value.Name}"))} (data/reference/acled_regions.csv)");
            }

            starts.Add(($"region {code.ToString(CultureInfo.InvariantCulture)} ({region.Name})", region.FirstEvent, Iso(region.FirstEvent)));
        }

        foreach (var (what, start, startText) in starts)
        {
            if (query.To < start)
            {
                throw new FetchException(
                    $"ACLED covers {what} from {startText}, but the range {Iso(query.From)}..{Iso(query.To)} ends before that; nothing was requested",
                    $"ask for dates from {Iso(start)} on ({AcledCountries.Citation}; regions: data/reference/acled_regions.csv)");
            }
        }

        var early = starts.Where(s => query.From < s.Start).Select(s => $"ACLED covers {s.What} from {s.StartText}; the range's part before {Iso(s.Start)} will hold no events for it").ToList();
        return (query with { Country = string.Join('|', canonicalNames) }, early.Count == 0 ? null : string.Join("; ", early));
    }

    private static string Iso(DateOnly d) => IsoDate.Format(d);
}
