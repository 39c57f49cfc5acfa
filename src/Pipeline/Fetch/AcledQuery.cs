using System.Globalization;
using Pipeline.Text;

namespace Pipeline.Fetch;

/// <summary>What to download from ACLED: one country's events between two dates, both inclusive.</summary>
/// <param name="Country">Country as ACLED spells it (e.g. <c>Libya</c>).</param>
/// <param name="From">First event date.</param>
/// <param name="To">Last event date.</param>
public sealed record AcledQuery(string Country, DateOnly From, DateOnly To)
{
    /// <summary>Throws <see cref="ArgumentException"/> for a blank country or reversed dates.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Country))
        {
            throw new ParameterException("{AcledQuery.Country} is empty; name the country as ACLED spells it, e.g. Libya");
        }

        if (To < From)
        {
            throw new ParameterException($"{{AcledQuery.To}} {IsoDate.Format(To)} is before {{AcledQuery.From}} {IsoDate.Format(From)}");
        }
    }

    /// <summary>The query split into calendar years, so no single request covers more than one year.</summary>
    public IReadOnlyList<(DateOnly From, DateOnly To)> YearRanges()
    {
        var ranges = new List<(DateOnly, DateOnly)>();
        for (var y = From.Year; y <= To.Year; y++)
        {
            var start = y == From.Year ? From : new DateOnly(y, 1, 1);
            var end = y == To.Year ? To : new DateOnly(y, 12, 31);
            ranges.Add((start, end));
        }

        return ranges;
    }

    /// <summary>The output file's stem, e.g. <c>acled_libya_2011-01-01_2020-06-30</c>.</summary>
    public string FileStem => $"acled_{FetchNames.Slug(Country)}_{IsoDate.Format(From)}_{IsoDate.Format(To)}";
}
