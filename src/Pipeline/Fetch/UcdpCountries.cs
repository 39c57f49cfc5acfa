using System.Globalization;

namespace Pipeline.Fetch;

/// <summary>
/// Gleditsch–Ward country codes, which the GED API's <c>Country</c> filter takes, for the countries this
/// project and its neighbours need. Any other country can be given by its numeric code.
/// </summary>
internal static class UcdpCountries
{
    private static readonly Dictionary<string, int> Codes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Libya"] = 620, ["Egypt"] = 651, ["Tunisia"] = 616, ["Algeria"] = 615, ["Chad"] = 483, ["Sudan"] = 625,
        ["South Sudan"] = 626, ["Niger"] = 436, ["Mali"] = 432, ["Nigeria"] = 475, ["Burkina Faso"] = 439,
        ["Cameroon"] = 471, ["Central African Republic"] = 482, ["DR Congo (Zaire)"] = 490, ["Somalia"] = 520,
        ["Ethiopia"] = 530, ["Mozambique"] = 541, ["Syria"] = 652, ["Iraq"] = 645, ["Yemen (North Yemen)"] = 678,
        ["Turkey"] = 640, ["Israel"] = 666, ["Lebanon"] = 660, ["Afghanistan"] = 700, ["Pakistan"] = 770,
        ["Myanmar (Burma)"] = 775, ["Ukraine"] = 369, ["Russia (Soviet Union)"] = 365, ["Colombia"] = 100, ["Mexico"] = 70,
    };

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Yemen"] = "Yemen (North Yemen)", ["Myanmar"] = "Myanmar (Burma)", ["Russia"] = "Russia (Soviet Union)",
        ["DR Congo"] = "DR Congo (Zaire)", ["Democratic Republic of Congo"] = "DR Congo (Zaire)", ["Democratic Republic of the Congo"] = "DR Congo (Zaire)",
    };

    /// <summary>The country's name as UCDP writes it (null for a bare code) and its code (null when unknown).</summary>
    public static (string? Name, int? Code) Resolve(string country)
    {
        var text = country.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return (Codes.FirstOrDefault(c => c.Value == code).Key, code);
        }

        var name = Aliases.GetValueOrDefault(text) ?? text;
        return Codes.TryGetValue(name, out var known) ? (Codes.Keys.First(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)), known) : (name, null);
    }

    /// <summary>The names with codes, for hints.</summary>
    public static string Known => string.Join(", ", Codes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));
}
