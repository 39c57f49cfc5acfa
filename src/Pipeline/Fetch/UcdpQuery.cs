using System.Text.RegularExpressions;

namespace Pipeline.Fetch;

/// <summary>What to download from UCDP: one country's GED events in one dataset version.</summary>
/// <param name="Country">Country name as UCDP writes it (e.g. <c>Libya</c>) or its Gleditsch–Ward code (e.g. <c>620</c>).</param>
/// <param name="Version">GED version, e.g. <c>25.1</c>.</param>
/// <param name="Source">API or CSV archive.</param>
public sealed partial record UcdpQuery(string Country, string Version, UcdpSource Source = UcdpSource.Archive)
{
    /// <summary>Throws <see cref="ArgumentException"/> for a blank country or a version not like <c>25.1</c>.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Country))
        {
            throw new ParameterException("{UcdpQuery.Country} is empty; name the country as UCDP writes it (e.g. Libya) or give its Gleditsch–Ward code (e.g. 620)");
        }

        if (!VersionPattern().IsMatch(Version))
        {
            throw new ParameterException($"{{UcdpQuery.Version}} must look like 25.1 (GED major.minor), got '{Version}'");
        }
    }

    /// <summary>The output file's stem, e.g. <c>ucdp_ged_25.1_libya</c>.</summary>
    public string FileStem => $"ucdp_ged_{Version}_{FetchNames.Slug(Country)}";

    [GeneratedRegex(@"^\d{1,2}\.\d{1,2}$")]
    private static partial Regex VersionPattern();
}
