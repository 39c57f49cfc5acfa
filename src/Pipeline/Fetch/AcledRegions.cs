using System.Globalization;
using Pipeline.Text;

namespace Pipeline.Fetch;

/// <summary>
/// ACLED's region codes for the API's <c>region=</c> filter with each region's name and first covered date, from
/// the table embedded in the library (<c>data/reference/acled_regions.csv</c>, facts from acledR 1.0.1).
/// </summary>
internal static class AcledRegions
{
    /// <summary>The embedded resource's name.</summary>
    public const string Resource = "Pipeline.Reference.acled_regions.csv";

    private static readonly Lazy<IReadOnlyDictionary<int, (string Name, DateOnly FirstEvent)>> Table = new(Load);

    /// <summary>Every region code with its name and first covered date.</summary>
    public static IReadOnlyDictionary<int, (string Name, DateOnly FirstEvent)> All => Table.Value;

    /// <summary>Parses the table's text (header <c>region,region_name,first_event_date</c>).</summary>
    /// <exception cref="FormatException">A malformed line, named by its number and column.</exception>
    internal static IReadOnlyDictionary<int, (string Name, DateOnly FirstEvent)> Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines[0].Trim() != "region,region_name,first_event_date")
        {
            throw new FormatException($"{Resource} line 1: header must be 'region,region_name,first_event_date'");
        }

        var result = new SortedDictionary<int, (string, DateOnly)>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var cells = lines[i].Split(',');
            if (cells.Length != 3)
            {
                throw new FormatException($"{Resource} line {i + 1}: expected 3 cells, found {cells.Length}");
            }

            if (!int.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                throw new FormatException($"{Resource} line {i + 1}, column region: '{cells[0]}' is not a number");
            }

            if (!DateOnly.TryParseExact(cells[2], IsoDate.Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            {
                throw new FormatException($"{Resource} line {i + 1}, column first_event_date: '{cells[2]}' is not a yyyy-MM-dd date");
            }

            result[code] = (cells[1], first);
        }

        return result;
    }

    private static IReadOnlyDictionary<int, (string Name, DateOnly FirstEvent)> Load()
    {
        using var stream = typeof(AcledRegions).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"resource {Resource} is missing from the Pipeline assembly; rebuild it (src/Pipeline/Pipeline.csproj embeds data/reference/acled_regions.csv)");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
