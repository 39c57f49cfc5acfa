using System.Globalization;

namespace Pipeline.Intensity;

/// <summary>
/// ACLED's first year of coverage per country, from the table embedded in the library
/// (<c>data/reference/acled_countries.csv</c>: facts from ACLED's R package acledR 1.0.1; see
/// <c>data/reference/SOURCE.md</c>). Country names compare ignoring case.
/// </summary>
internal static class AcledCountries
{
    /// <summary>The embedded resource's name.</summary>
    public const string Resource = "Pipeline.Reference.acled_countries.csv";

    /// <summary>Where the facts come from, as the report cites them.</summary>
    public const string Citation = "ACLED's country start years as shipped in the R package acledR 1.0.1 (data/reference/acled_countries.csv)";

    private static readonly Lazy<IReadOnlyDictionary<string, int>> Table = new(Load);

    /// <summary>Every country in the table with its start year.</summary>
    public static IReadOnlyDictionary<string, int> StartYears => Table.Value;

    /// <summary>The first year ACLED covers <paramref name="country"/>, or null when the table does not list it.</summary>
    public static int? StartYear(string country) => Table.Value.TryGetValue(country.Trim(), out var y) ? y : null;

    /// <summary>Parses the table's text (header <c>country,region,start_year</c>; RFC 4180 quotes around names with commas).</summary>
    /// <exception cref="FormatException">A malformed line, named by its number.</exception>
    internal static IReadOnlyDictionary<string, int> Parse(string text)
    {
        var result = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "country,region,start_year")
        {
            throw new FormatException($"{Resource} line 1: header must be 'country,region,start_year'");
        }

        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            string country;
            string rest;
            if (line.StartsWith('"'))
            {
                var close = 1;
                while (close < line.Length && (line[close] != '"' || (close + 1 < line.Length && line[close + 1] == '"')))
                {
                    close += line[close] == '"' ? 2 : 1;
                }

                if (close + 1 >= line.Length || line[close + 1] != ',')
                {
                    throw new FormatException($"{Resource} line {i + 1}: unclosed quote in the country name");
                }

                country = line[1..close].Replace("\"\"", "\"", StringComparison.Ordinal);
                rest = line[(close + 2)..];
            }
            else
            {
                var comma = line.IndexOf(',', StringComparison.Ordinal);
                country = comma < 0 ? line : line[..comma];
                rest = comma < 0 ? "" : line[(comma + 1)..];
            }

            var year = rest[(rest.LastIndexOf(',') + 1)..];
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 1900 || y > 2100)
            {
                throw new FormatException($"{Resource} line {i + 1}, column start_year: '{year}' is not a year");
            }

            result[country] = y;
        }

        return result;
    }

    private static IReadOnlyDictionary<string, int> Load()
    {
        using var stream = typeof(AcledCountries).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"resource {Resource} is missing from the Pipeline assembly; rebuild it (src/Pipeline/Pipeline.csproj embeds data/reference/acled_countries.csv)");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
