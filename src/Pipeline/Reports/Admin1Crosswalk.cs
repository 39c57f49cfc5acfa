using CsvHelper;
using Pipeline.Events;

namespace Pipeline.Reports;

/// <summary>
/// One name per first-level administrative area when sources are compared: UCDP GED writes <c>Misrata district</c>
/// where ACLED writes <c>Misratah</c> (2011–2017 exports) or <c>Misrata</c> (2020 export). The mappings are data,
/// embedded from <c>data/reference/admin1_crosswalk.csv</c> (columns <c>country, source, name, canonical, basis</c>;
/// where each comes from is in <c>data/reference/SOURCE.md</c>). A report applies it only when it has two or more
/// sources (the admin1 heatmaps' rows, and an <c>admin1_canonical</c> column beside <c>admin1</c> in
/// <c>tables/admin1_month.csv</c>); every table keeps the names as the source wrote them.
/// </summary>
/// <remarks>A name the table does not list passes through unchanged, except that a UCDP name ending in
/// <c> district</c> loses that suffix (UCDP's own convention); nothing is ever dropped.</remarks>
internal sealed class Admin1Crosswalk
{
    /// <summary>The embedded resource's name.</summary>
    public const string Resource = "Pipeline.Reference.admin1_crosswalk.csv";

    /// <summary>The suffix UCDP GED appends to every district name.</summary>
    public const string UcdpSuffix = " district";

    private static readonly Lazy<Admin1Crosswalk> Embedded = new(Load);

    private readonly Dictionary<(string Country, string Source, string Name), string> map;

    private Admin1Crosswalk(IReadOnlyList<Admin1CrosswalkEntry> entries)
    {
        Entries = entries;
        map = entries.ToDictionary(e => (e.Country.ToUpperInvariant(), e.Source, e.Name), e => e.Canonical);
    }

    /// <summary>The crosswalk embedded in the library.</summary>
    public static Admin1Crosswalk Default => Embedded.Value;

    /// <summary>Every mapping, in file order.</summary>
    public IReadOnlyList<Admin1CrosswalkEntry> Entries { get; }

    /// <summary>
    /// The name <paramref name="admin1"/> (as <paramref name="source"/> writes it for <paramref name="country"/>) has
    /// when sources are compared: the table's canonical name when it lists the name, else the name itself (a UCDP
    /// name without its <c> district</c> suffix). Null stays null.
    /// </summary>
    public string? Canonical(EventSource source, string country, string? admin1)
    {
        if (admin1 is null)
        {
            return null;
        }

        var dataset = source == EventSource.UcdpGed ? DataSource.UcdpGed : DataSource.Acled;
        if (map.TryGetValue((country.Trim().ToUpperInvariant(), dataset, admin1), out var canonical))
        {
            return canonical;
        }

        return source == EventSource.UcdpGed && admin1.EndsWith(UcdpSuffix, StringComparison.Ordinal) && admin1.Length > UcdpSuffix.Length
            ? admin1[..^UcdpSuffix.Length]
            : admin1;
    }

    /// <summary>Parses the table's text: header <c>country,source,name,canonical,basis</c>, RFC 4180 quoting.</summary>
    /// <exception cref="FormatException">A malformed line, named by its number: wrong header or field count, an empty
    /// field, an unknown source, a name listed twice, or a canonical name that is itself mapped elsewhere.</exception>
    internal static Admin1Crosswalk Parse(string text)
    {
        using var bytes = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        using var reader = CsvReader.Create(bytes, CsvReaderOptions.Default with { TrackLineNumbers = true, FieldCountMismatch = CsvFieldCountHandling.Allow }, leaveOpen: false);
        if (reader.Headers is not ["country", "source", "name", "canonical", "basis"])
        {
            throw new FormatException($"{Resource} line 1: header must be 'country,source,name,canonical,basis'");
        }

        var entries = new List<Admin1CrosswalkEntry>();
        var lines = new Dictionary<(string, string, string), long>();
        while (reader.Read())
        {
            var line = reader.LineNumber;
            var r = new string[reader.FieldCount];
            for (var i = 0; i < r.Length; i++)
            {
                r[i] = reader.GetString(i);
            }

            if (r.Length != 5)
            {
                throw new FormatException($"{Resource} line {line}: {r.Length} fields, expected 5 (country, source, name, canonical, basis)");
            }

            if (Array.FindIndex(r, f => f.Trim().Length == 0) is var empty and >= 0)
            {
                throw new FormatException($"{Resource} line {line}: field {empty + 1} is empty; every mapping needs all five fields");
            }

            if (r[1] is not (DataSource.Acled or DataSource.UcdpGed))
            {
                throw new FormatException($"{Resource} line {line}: source '{r[1]}' is neither '{DataSource.Acled}' nor '{DataSource.UcdpGed}'");
            }

            var key = (r[0].ToUpperInvariant(), r[1], r[2]);
            if (!lines.TryAdd(key, line))
            {
                throw new FormatException($"{Resource} line {line}: '{r[2]}' ({r[1]}, {r[0]}) is already mapped on line {lines[key]}");
            }

            entries.Add(new Admin1CrosswalkEntry(r[0], r[1], r[2], r[3], r[4]));
        }

        foreach (var e in entries)
        {
            if (entries.FirstOrDefault(o => string.Equals(o.Country, e.Country, StringComparison.OrdinalIgnoreCase) && o.Name == e.Canonical && o.Canonical != e.Canonical) is { } chained)
            {
                throw new FormatException($"{Resource} line {lines[(e.Country.ToUpperInvariant(), e.Source, e.Name)]}: canonical '{e.Canonical}' is itself mapped to '{chained.Canonical}' on line {lines[(chained.Country.ToUpperInvariant(), chained.Source, chained.Name)]}; map both names to one canonical name");
            }
        }

        return new Admin1Crosswalk(entries);
    }

    private static Admin1Crosswalk Load()
    {
        using var stream = typeof(Admin1Crosswalk).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"resource {Resource} is missing from the library build");
        using var text = new StreamReader(stream);
        return Parse(text.ReadToEnd());
    }
}

/// <summary>One line of the admin1 crosswalk.</summary>
/// <param name="Country">Country as the sources write it (compared ignoring case).</param>
/// <param name="Source"><see cref="DataSource.Acled"/> or <see cref="DataSource.UcdpGed"/>.</param>
/// <param name="Name">The admin1 name exactly as that source writes it.</param>
/// <param name="Canonical">The name every source's rows share when compared.</param>
/// <param name="Basis">Why the two names mean the same place.</param>
internal sealed record Admin1CrosswalkEntry(string Country, string Source, string Name, string Canonical, string Basis);

/// <summary>The <see cref="Admin1Crosswalk.Default"/> crosswalk applied to events.</summary>
internal static class Admin1Names
{
    /// <summary>The event's admin1 as compared across sources.</summary>
    public static string? Canonical(ConflictEvent e) => Admin1Crosswalk.Default.Canonical(e.Source, e.Country, e.Admin1);

    /// <summary>Each admin1 name of <paramref name="events"/> (as written) → its crosswalk name; a name that maps to
    /// different crosswalk names in different countries gets them sorted and joined by <c>; </c>.</summary>
    public static IReadOnlyDictionary<string, string> Map(IEnumerable<ConflictEvent> events)
    {
        var names = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Admin1 is { } written)
            {
                if (!names.TryGetValue(written, out var set))
                {
                    names[written] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(Canonical(e)!);
            }
        }

        return names.ToDictionary(p => p.Key, p => string.Join("; ", p.Value), StringComparer.Ordinal);
    }
}
