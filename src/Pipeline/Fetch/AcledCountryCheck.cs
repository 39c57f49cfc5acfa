using System.Globalization;
using Pipeline.Intensity;
using Pipeline.Text;

namespace Pipeline.Fetch;

/// <summary>
/// Checks an <see cref="AcledQuery"/>'s country offline, before any request, against ACLED's country table
/// with its start years (<see cref="AcledCountries"/>): an unknown name is refused with the nearest spelling
/// ("Lybia" → "Libya"), and a date range that ends before the country's coverage starts is refused naming the
/// start year. A range that only begins before the start year is allowed with a note.
/// </summary>
public static class AcledCountryCheck
{
    /// <summary>
    /// Returns the query with the country spelt as ACLED's table spells it (case may differ in the input), plus
    /// a note when the range begins before the country's coverage (null otherwise).
    /// </summary>
    /// <exception cref="FetchException">The country is not in ACLED's table, or the whole range lies before its start year.</exception>
    public static (AcledQuery Query, string? Note) Check(AcledQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var wanted = query.Country.Trim();
        var table = AcledCountries.StartYears;
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

        var start = table[canonical];
        var coverage = new DateOnly(start, 1, 1);
        if (query.To < coverage)
        {
            throw new FetchException(
                $"ACLED covers {canonical} from {start.ToString(CultureInfo.InvariantCulture)}, but the range {Iso(query.From)}..{Iso(query.To)} ends before that; nothing was requested",
                $"ask for dates from {Iso(coverage)} on ({AcledCountries.Citation})");
        }

        var note = query.From < coverage
            ? $"ACLED covers {canonical} from {start.ToString(CultureInfo.InvariantCulture)}; the range's part before {Iso(coverage)} will hold no events"
            : null;
        return (query with { Country = canonical }, note);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
