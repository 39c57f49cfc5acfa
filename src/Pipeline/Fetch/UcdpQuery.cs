using System.Text.RegularExpressions;
using Pipeline.Text;

namespace Pipeline.Fetch;

/// <summary>What to download from UCDP: one or several countries' GED events in one dataset version, optionally between two dates.</summary>
/// <param name="Country">Country name as UCDP writes it (e.g. <c>Libya</c>) or its Gleditsch–Ward code (e.g. <c>620</c>);
/// several are joined by <c>|</c> (<c>Libya|Egypt</c>).</param>
/// <param name="Version">GED version, e.g. <c>25.1</c>.</param>
/// <param name="Source">API or CSV archive.</param>
public sealed partial record UcdpQuery(string Country, string Version, UcdpSource Source = UcdpSource.Archive)
{
    /// <summary>First event day to keep, or null for no lower bound. An event is kept when its
    /// <c>date_start</c>..<c>date_end</c> overlaps <see cref="From"/>..<see cref="To"/>; a row whose dates cannot be read is kept (the loader reports it).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last event day to keep, or null for no upper bound (see <see cref="From"/>).</summary>
    public DateOnly? To { get; init; }

    /// <summary>The countries named in <see cref="Country"/>, split at <c>|</c> and trimmed.</summary>
    public IReadOnlyList<string> Countries => Country.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Throws <see cref="ArgumentException"/> for no country, a version not like <c>25.1</c>, or reversed dates.</summary>
    public void Validate()
    {
        if (Countries.Count == 0)
        {
            throw new ParameterException("{UcdpQuery.Country} is empty; name the country as UCDP writes it (e.g. Libya) or give its Gleditsch–Ward code (e.g. 620)");
        }

        if (!VersionPattern().IsMatch(Version))
        {
            throw new ParameterException($"{{UcdpQuery.Version}} must look like 25.1 (GED major.minor), got '{Version}'");
        }

        if (From is { } f && To is { } t && t < f)
        {
            throw new ParameterException($"{{UcdpQuery.To}} {IsoDate.Format(t)} is before {{UcdpQuery.From}} {IsoDate.Format(f)}");
        }
    }

    /// <summary>
    /// The output file's stem, e.g. <c>ucdp_ged_25.1_libya</c>, <c>ucdp_ged_25.1_libya-egypt</c> for several countries,
    /// with <c>_FROM_TO</c> appended when dates are set (an open end is written <c>open</c>).
    /// </summary>
    public string FileStem => $"ucdp_ged_{Version}_{string.Join('-', Countries.Select(FetchNames.Slug))}"
        + (From is null && To is null ? "" : $"_{Day(From)}_{Day(To)}");

    /// <summary>The date filter as a readable cache-key part (empty when none), e.g. <c>&amp;from=1989-01-01&amp;to=2021-01-31</c>.</summary>
    internal string DateKey => (From is { } f ? $"&from={IsoDate.Format(f)}" : "") + (To is { } t ? $"&to={IsoDate.Format(t)}" : "");

    private static string Day(DateOnly? d) => d is { } x ? IsoDate.Format(x) : "open";

    [GeneratedRegex(@"^\d{1,2}\.\d{1,2}$")]
    private static partial Regex VersionPattern();
}
