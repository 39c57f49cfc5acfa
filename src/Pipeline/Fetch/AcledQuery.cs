using System.Globalization;
using Pipeline.Text;

namespace Pipeline.Fetch;

/// <summary>
/// What to download from ACLED: one or several countries' events, or a region's, between two dates, both inclusive.
/// </summary>
/// <param name="Country">Country as ACLED spells it (e.g. <c>Libya</c>); several are joined by <c>|</c> as ACLED's API
/// takes them (<c>Libya|Egypt</c>); empty when <see cref="Region"/> alone selects.</param>
/// <param name="From">First event date.</param>
/// <param name="To">Last event date.</param>
public sealed record AcledQuery(string Country, DateOnly From, DateOnly To)
{
    /// <summary>ACLED region code (the API's <c>region=</c>, e.g. 5 = Northern Africa; see <see cref="AcledRegions"/>), or null.</summary>
    public int? Region { get; init; }

    /// <summary>The countries named in <see cref="Country"/>, split at <c>|</c> and trimmed.</summary>
    public IReadOnlyList<string> Countries => Country.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Throws <see cref="ArgumentException"/> for no country and no region, or reversed dates.</summary>
    public void Validate()
    {
        if (Countries.Count == 0 && Region is null)
        {
throw new ParameterException("{AcledQuery.Country} is empty; name the country as ACLED spells it, e.g. Libya (several: repeat {AcledQuery.Country}), or give {AcledQuery.Region}");
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

    /// <summary>What the query selects, for messages: <c>Libya</c>, <c>Libya|Egypt</c>, <c>region 5</c> or <c>Libya in region 5</c>.</summary>
    public string Selection => (Countries.Count, Region) switch
    {
        (0, { } r) => $"region {r.ToString(CultureInfo.InvariantCulture)}",
        (_, { } r) => $"{string.Join('|', Countries)} in region {r.ToString(CultureInfo.InvariantCulture)}",
        _ => string.Join('|', Countries),
    };

    /// <summary>
    /// The output file's stem, e.g. <c>acled_libya_2011-01-01_2020-06-30</c>, <c>acled_libya-egypt_…</c> for several
    /// countries, <c>acled_region5_…</c> for a region.
    /// </summary>
    public string FileStem
    {
        get
        {
            var parts = Countries.Select(FetchNames.Slug).ToList();
            if (Region is { } r)
            {
                parts.Add($"region{r.ToString(CultureInfo.InvariantCulture)}");
            }

            return $"acled_{string.Join('-', parts)}_{IsoDate.Format(From)}_{IsoDate.Format(To)}";
        }
    }

    /// <summary>The selection as a readable cache-key part (<c>country=A|B</c>, plus <c>&amp;region=N</c>).</summary>
    internal string KeyFilter => $"country={string.Join('|', Countries)}" + (Region is { } r ? $"&region={r.ToString(CultureInfo.InvariantCulture)}" : "");

    /// <summary>The selection as URL query parameters (<c>country</c> omitted when empty).</summary>
    internal string UrlFilter
    {
        get
        {
            var parts = new List<string>();
            if (Countries.Count > 0)
            {
                parts.Add($"country={Uri.EscapeDataString(string.Join('|', Countries))}");
            }

            if (Region is { } r)
            {
                parts.Add($"region={r.ToString(CultureInfo.InvariantCulture)}");
            }

            return string.Join('&', parts);
        }
    }
}
