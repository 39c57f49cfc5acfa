using System.Text.RegularExpressions;
using Pipeline.Intensity;

namespace Pipeline.Articles.Suggest;

/// <summary>
/// Finds the countries a paragraph names: every country in ACLED's country table (<see cref="AcledCountries"/>)
/// by its name, plus the common short names and demonyms below ("Libyan" → Libya, "Turkish" → Turkey,
/// "the UAE" → United Arab Emirates). Matching is whole-word and case-sensitive, so "chad" the word is not Chad.
/// </summary>
internal static partial class CountryNames
{
    /// <summary>Short names and demonyms, each with the country name as ACLED spells it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Libyan"] = "Libya", ["Libyans"] = "Libya", ["Turkish"] = "Turkey", ["Turk"] = "Turkey", ["Turks"] = "Turkey", ["Türkiye"] = "Turkey",
        ["Egyptian"] = "Egypt", ["Egyptians"] = "Egypt", ["Chadian"] = "Chad", ["Chadians"] = "Chad", ["Tunisian"] = "Tunisia",
        ["Algerian"] = "Algeria", ["Moroccan"] = "Morocco", ["Sudanese"] = "Sudan", ["Nigerien"] = "Niger", ["Nigerian"] = "Nigeria",
        ["Malian"] = "Mali", ["Syrian"] = "Syria", ["Syrians"] = "Syria", ["Iraqi"] = "Iraq", ["Iraqis"] = "Iraq", ["Iranian"] = "Iran",
        ["Israeli"] = "Israel", ["Palestinian"] = "Palestine", ["Lebanese"] = "Lebanon", ["Jordanian"] = "Jordan", ["Yemeni"] = "Yemen",
        ["Saudi"] = "Saudi Arabia", ["Saudis"] = "Saudi Arabia", ["Emirati"] = "United Arab Emirates", ["UAE"] = "United Arab Emirates",
        ["U.A.E."] = "United Arab Emirates", ["Qatari"] = "Qatar", ["Omani"] = "Oman", ["Kuwaiti"] = "Kuwait", ["Bahraini"] = "Bahrain",
        ["Russian"] = "Russia", ["Russians"] = "Russia", ["Ukrainian"] = "Ukraine", ["French"] = "France", ["Italian"] = "Italy",
        ["German"] = "Germany", ["Greek"] = "Greece", ["Cypriot"] = "Cyprus", ["British"] = "United Kingdom", ["UK"] = "United Kingdom",
        ["U.K."] = "United Kingdom", ["Britain"] = "United Kingdom", ["American"] = "United States", ["Americans"] = "United States",
        ["US"] = "United States", ["U.S."] = "United States", ["USA"] = "United States", ["United States of America"] = "United States",
        ["Afghan"] = "Afghanistan", ["Pakistani"] = "Pakistan", ["Indian"] = "India", ["Chinese"] = "China", ["Somali"] = "Somalia",
        ["Ethiopian"] = "Ethiopia", ["Eritrean"] = "Eritrea", ["Kenyan"] = "Kenya", ["Burkinabe"] = "Burkina Faso",
        ["Congolese"] = "Democratic Republic of Congo", ["DRC"] = "Democratic Republic of Congo", ["Spanish"] = "Spain", ["Maltese"] = "Malta",
        ["Azerbaijani"] = "Azerbaijan", ["Armenian"] = "Armenia", ["Georgian"] = "Georgia", ["Mozambican"] = "Mozambique",
        ["Cameroonian"] = "Cameroon", ["Mauritanian"] = "Mauritania", ["Ivorian"] = "Ivory Coast", ["Senegalese"] = "Senegal",
        ["Venezuelan"] = "Venezuela", ["Colombian"] = "Colombia", ["Mexican"] = "Mexico", ["Brazilian"] = "Brazil",
        ["Burmese"] = "Myanmar", ["Filipino"] = "Philippines", ["Bangladeshi"] = "Bangladesh", ["Sri Lankan"] = "Sri Lanka",
        ["Tajik"] = "Tajikistan", ["Uzbek"] = "Uzbekistan", ["Kazakh"] = "Kazakhstan", ["Kyrgyz"] = "Kyrgyzstan",
    };

    private static readonly Lazy<(Regex Pattern, Dictionary<string, string> Names)> Matcher = new(Build);

    /// <summary>The countries named in <paramref name="text"/>, as ACLED spells them, in order of first appearance.</summary>
    public static IReadOnlyList<string> In(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (pattern, names) = Matcher.Value;
        var found = new List<string>();
        foreach (Match m in pattern.Matches(text))
        {
            var country = names[m.Value];
            if (!found.Contains(country, StringComparer.Ordinal))
            {
                found.Add(country);
            }
        }

        return found;
    }

    private static (Regex, Dictionary<string, string>) Build()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var country in AcledCountries.StartYears.Keys)
        {
            names[country] = country;
        }

        foreach (var (alias, country) in Aliases)
        {
            names[alias] = country;
        }

        var alternatives = names.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).Select(Regex.Escape);
        var pattern = new Regex(@"(?<![\p{L}\p{N}])(?:" + string.Join('|', alternatives) + @")(?![\p{L}\p{N}])", RegexOptions.CultureInvariant);
        return (pattern, names);
    }
}
