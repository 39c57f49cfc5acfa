using Pipeline.Events;
using Pipeline.Text;

namespace Pipeline.Intensity;

/// <summary>Where a dated mention falls relative to the loaded data.</summary>
public enum CoverageStatus
{
    /// <summary>The whole mention lies within the data's span.</summary>
    Inside,

    /// <summary>The mention overlaps the span but reaches outside it.</summary>
    Partly,

    /// <summary>The mention lies entirely outside the span: the data cannot speak to it.</summary>
    Outside,
}

/// <summary>
/// The date span the loaded data cover. Mentions outside it are not dropped; they are labelled, because
/// "the data do not reach back to 1987" is itself a finding a reader needs to see.
/// </summary>
/// <param name="First">First day covered.</param>
/// <param name="Last">Last day covered.</param>
public sealed record Coverage(DateOnly First, DateOnly Last)
{
    /// <summary>The span of a set of events (UCDP end dates included).</summary>
    public static Coverage Of(IReadOnlyCollection<ConflictEvent> events)
    {
        if (events.Count == 0)
        {
            throw new ArgumentException("no events: coverage is undefined", nameof(events));
        }

        return new Coverage(events.Min(e => e.Date), events.Max(e => e.DateEnd ?? e.Date));
    }

    /// <summary>Classifies the span <paramref name="start"/>..<paramref name="end"/> (inclusive).</summary>
    public CoverageStatus Classify(DateOnly start, DateOnly end)
    {
        if (end < First || start > Last)
        {
            return CoverageStatus.Outside;
        }

        return start >= First && end <= Last ? CoverageStatus.Inside : CoverageStatus.Partly;
    }

    /// <summary>The label tables and legends show.</summary>
    public static string Label(CoverageStatus status) => status switch
    {
        CoverageStatus.Inside => "inside coverage",
        CoverageStatus.Partly => "partly outside coverage",
        _ => "outside coverage",
    };
}

/// <summary>
/// A source's coverage of one country: the dataset's declared coverage intersected with what the file was
/// extracted for, and the rule each part came from (shown in the report's coverage table).
/// </summary>
/// <param name="Country">The country.</param>
/// <param name="Span">The covered days, or null when the declared coverage and the extraction do not overlap.</param>
/// <param name="Declared">The dataset's declared coverage and where it comes from.</param>
/// <param name="Extracted">What the file was extracted for and how that is known (fetch query or the file itself).</param>
public sealed record CountryCoverage(string Country, Coverage? Span, string Declared, string Extracted);

/// <summary>The coverage of one source, country by country; a country it does not list is not covered.</summary>
/// <param name="Countries">Each country the source was extracted for, in name order.</param>
public sealed record SourceCoverage(IReadOnlyList<CountryCoverage> Countries)
{
    /// <summary>The entry for <paramref name="country"/> (ignoring case), or null when the source was not extracted for it.</summary>
    public CountryCoverage? Find(string country) => Countries.FirstOrDefault(c => string.Equals(c.Country, country, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the source covers some day of <paramref name="country"/>.</summary>
    public bool Covers(string country) => Find(country)?.Span is not null;

    /// <summary>The countries with a covered span, in name order.</summary>
    public IReadOnlyList<string> Covered => Countries.Where(c => c.Span is not null).Select(c => c.Country).ToList();

    /// <summary>From the first covered day to the last over the covered ones of <paramref name="countries"/>, or null when none is covered.</summary>
    public Coverage? Of(IEnumerable<string> countries)
    {
        ArgumentNullException.ThrowIfNull(countries);
        var spans = countries.Select(Find).Where(c => c?.Span is not null).Select(c => c!.Span!).ToList();
        return spans.Count == 0 ? null : new Coverage(spans.Min(s => s.First), spans.Max(s => s.Last));
    }

    /// <summary>The coverage the events alone show: every country present, each from the first to the last event of them all (the rule used when nothing is declared).</summary>
    public static SourceCoverage FromEvents(IReadOnlyCollection<ConflictEvent> events)
    {
        var span = Coverage.Of(events);
        var rule = $"the events' first and last date ({span.First:yyyy-MM-dd} .. {span.Last:yyyy-MM-dd})";
        return new SourceCoverage(events.Select(e => e.Country).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)
            .Select(c => new CountryCoverage(c, span, "not declared", rule)).ToList());
    }
}

/// <summary>
/// Declared coverage per source and country. ACLED covers a country from 1 January of its start year in
/// <see cref="AcledCountries"/>, with no declared end; UCDP GED covers 1989-01-01 to 31 December of the year
/// before its version's year (GED 25.1: to 2024-12-31), and with no stated version it ends at the file's last
/// date; synthetic data cover what was generated (the file's first to last date). That is intersected with what
/// the file was extracted for: the countries and dates of its fetch query when a provenance file says so, else
/// the countries present in the file and its first and last date. A country outside the extraction is not
/// covered, whatever the dataset covers (a Libya-only file never covers Egypt).
/// </summary>
public static class DeclaredCoverage
{
    /// <summary>UCDP GED's first covered day.</summary>
    public static readonly DateOnly UcdpStart = new(1989, 1, 1);

    /// <summary>
    /// The calendar year a UCDP GED version was released in: <c>25.1</c> → 2025 (majors 17 and up are two-digit
    /// years); null for a missing, malformed or pre-2017 numbering (GED 1.0 – 5.0), whose year is not read from
    /// the number.
    /// </summary>
    public static int? UcdpVersionYear(string? version)
    {
        if (version is null)
        {
            return null;
        }

        var dot = version.IndexOf('.', StringComparison.Ordinal);
        var major = dot < 0 ? version : version[..dot];
        return major.Length is >= 1 and <= 2 && major.All(char.IsAsciiDigit) && (dot < 0 || (dot + 1 < version.Length && version[(dot + 1)..].All(char.IsAsciiDigit)))
            && int.Parse(major, System.Globalization.CultureInfo.InvariantCulture) is var m && m >= 17
            ? 2000 + m
            : null;
    }

    /// <summary>
    /// The dataset's declared coverage of <paramref name="country"/>: first day (null: none declared), last day
    /// (null: open) and the rule in words. <paramref name="fileFirst"/> and <paramref name="fileLast"/> are the
    /// file's first and last date (used for synthetic data and a UCDP file of unknown version).
    /// </summary>
    public static (DateOnly? First, DateOnly? Last, string Rule) Declared(DataSource source, string country, DateOnly fileFirst, DateOnly fileLast)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.IsSynthetic)
        {
            return (fileFirst, fileLast, $"synthetic: generated for {D(fileFirst)} .. {D(fileLast)} (the file's first and last date)");
        }

        if (source.Family == EventSource.UcdpGed)
        {
            return UcdpVersionYear(source.Version) is { } year
                ? (UcdpStart, new DateOnly(year - 1, 12, 31), $"UCDP GED {source.Version}: {D(UcdpStart)} .. {year - 1}-12-31 (to the end of the year before the version's year)")
                : (UcdpStart, fileLast, $"UCDP GED, version {(source.Version is null ? DataSource.NotStated : $"'{source.Version}' not read as a year")}: from {D(UcdpStart)}; its end is unknown, so it ends at the file's last date {D(fileLast)}");
        }

        return AcledCountries.StartYear(country) is { } start
            ? (new DateOnly(start, 1, 1), null, $"ACLED: {country} from {start}-01-01 ({AcledCountries.Citation}), no declared end")
            : (null, null, $"ACLED: {country} is not in ACLED's country table ({AcledCountries.Citation}), so nothing is declared; the extraction alone bounds it");
    }

    /// <summary>The coverage of <paramref name="source"/> per country, from its declared coverage and its extraction; <paramref name="fileEvents"/> are all events loaded from the file (before any filter).</summary>
    /// <exception cref="ArgumentException">The file holds no events and no fetch query names a country and dates.</exception>
    public static SourceCoverage For(DataSource source, IReadOnlyCollection<ConflictEvent> fileEvents)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(fileEvents);
        var fromQuery = source.ProvenanceFile is not null;
        if (fileEvents.Count == 0 && !(fromQuery && source.QueryCountries.Count > 0 && source.QueryFrom is not null && source.QueryTo is not null))
        {
            throw new ArgumentException($"{source.File}: no events loaded and no fetch query giving its countries and dates, so its coverage cannot be stated; check the file (and tables/rejections.csv) or leave it out");
        }

        var fileFirst = fileEvents.Count == 0 ? source.QueryFrom!.Value : fileEvents.Min(e => e.Date);
        var fileLast = fileEvents.Count == 0 ? source.QueryTo!.Value : fileEvents.Max(e => e.DateEnd ?? e.Date);
        IReadOnlyList<string> countries;
        DateOnly? from, to;
        string extracted;
        var provenanceName = Path.GetFileName(source.ProvenanceFile ?? "");
        if (fromQuery && source.QueryCountries.Count > 0)
        {
            countries = source.QueryCountries;
            (from, to) = (source.QueryFrom, source.QueryTo);
            extracted = $"fetch query in {provenanceName}: {string.Join(", ", countries)}, {(from is null ? "no first day" : D(from.Value))} .. {(to is null ? "no last day" : D(to.Value))}";
        }
        else
        {
            countries = fileEvents.Select(e => e.Country).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
            (from, to) = (fileFirst, fileLast);
            extracted = (fromQuery ? $"the fetch query in {provenanceName} names no country, so " : "no fetch provenance file, so ")
                + $"the countries present in the file and its first and last date ({D(fileFirst)} .. {D(fileLast)})";
        }

        var list = new List<CountryCoverage>();
        foreach (var country in countries.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            var (declaredFirst, declaredLast, rule) = Declared(source, country, fileFirst, fileLast);
            var first = Max(declaredFirst, from) ?? fileFirst;
            var last = Min(declaredLast, to);
            var note = extracted;
            if (last is null)
            {
                last = fileLast;
                note += $"; neither sets a last day, so it ends at the file's last date {D(fileLast)}";
            }

            list.Add(new CountryCoverage(country, first <= last.Value ? new Coverage(first, last.Value) : null, rule, note));
        }

        return new SourceCoverage(list);
    }

    private static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateOnly? Min(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static string D(DateOnly d) => IsoDate.Format(d);
}
