using System.Globalization;
using System.Text.Json;
using Pipeline.Fetch;

namespace Pipeline.Events;

/// <summary>
/// One input file as a source of the report: which dataset, which version, under which licence, accessed when,
/// and what it was extracted for. Version, licence and access date come from the fetch provenance file beside
/// the events file (<see cref="FetchProvenance.PathFor"/>) when there is one; otherwise they are null and shown
/// as <see cref="NotStated"/>, never guessed.
/// </summary>
/// <param name="Name">The label every table's <c>source</c> column and every chart panel carry, e.g. <c>UCDP GED (conflict_libya.csv)</c>; unique within a report.</param>
/// <param name="Dataset"><c>ACLED</c>, <c>UCDP GED</c> or <c>synthetic ACLED-format</c>.</param>
/// <param name="Family">The dataset family the loader recognised.</param>
/// <param name="IsSynthetic">True for generated data (every chart and table of it says SYNTHETIC).</param>
/// <param name="Version">Dataset version (UCDP GED, e.g. <c>25.1</c>) from the provenance file, or null when not stated.</param>
/// <param name="Licence">Licence from the provenance file, or null when not stated.</param>
/// <param name="AccessDate">Day the data were fetched (UTC, from the provenance file), or null when not stated.</param>
/// <param name="File">The events file, as given.</param>
/// <param name="ProvenanceFile">The provenance file read, or null when there was none.</param>
/// <param name="QueryCountries">Countries the fetch query asked for, or empty when no provenance file names any.</param>
/// <param name="QueryFrom">First day the fetch query asked for, or null when it set none.</param>
/// <param name="QueryTo">Last day the fetch query asked for, or null when it set none.</param>
public sealed record DataSource(
    string Name,
    string Dataset,
    EventSource Family,
    bool IsSynthetic,
    string? Version,
    string? Licence,
    string? AccessDate,
    string File,
    string? ProvenanceFile,
    IReadOnlyList<string> QueryCountries,
    DateOnly? QueryFrom,
    DateOnly? QueryTo)
{
    /// <summary>What tables and the page say for a fact no provenance file gave.</summary>
    public const string NotStated = "not stated";

    /// <summary>The dataset name for ACLED files.</summary>
    public const string Acled = "ACLED";

    /// <summary>The dataset name for UCDP GED files.</summary>
    public const string UcdpGed = "UCDP GED";

    /// <summary>The dataset name for synthetic files in ACLED's layout.</summary>
    public const string SyntheticAcled = "synthetic ACLED-format";

    /// <summary>A short slug for chart names and HTML ids: <c>acled</c>, <c>ucdp-ged</c> or <c>synthetic</c>, with <c>-2</c>, <c>-3</c> … when a dataset repeats (see <see cref="Distinct"/>).</summary>
    public string Slug { get; init; } = "source";

    /// <summary>The source of a loaded table, reading the provenance file beside it when there is one.</summary>
    /// <exception cref="ArgumentException">The provenance file exists but cannot be read (its path and what to do are in the message).</exception>
    public static DataSource For(EventTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var path = FetchProvenance.PathFor(table.File);
        FetchProvenance? provenance;
        try
        {
            provenance = FetchProvenance.TryReadFor(table.File);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or IOException)
        {
            throw new ArgumentException($"{path}: the fetch provenance file beside {Path.GetFileName(table.File)} cannot be read ({ex.Message}); fix or remove it (without it version, licence and access date are reported as not stated)", ex);
        }

        return Of(table, provenance, provenance is null ? null : path);
    }

    /// <summary>The source of a table with the given provenance (null: none).</summary>
    public static DataSource Of(EventTable table, FetchProvenance? provenance, string? provenanceFile)
    {
        ArgumentNullException.ThrowIfNull(table);
        var dataset = table.IsSynthetic ? SyntheticAcled : table.Source == EventSource.UcdpGed ? UcdpGed : Acled;
        string? version = null;
        IReadOnlyList<string> countries = [];
        DateOnly? from = null, to = null;
        if (provenance is not null)
        {
            var q = provenance.Query ?? new Dictionary<string, string>();
            version = q.TryGetValue("version", out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim()
                : provenance.Dataset?.StartsWith("UCDP GED ", StringComparison.Ordinal) == true ? provenance.Dataset["UCDP GED ".Length..].Trim()
                : null;
            countries = q.TryGetValue("country", out var c) && !string.IsNullOrWhiteSpace(c) ? [c.Trim()] : [];
            from = Day(q, "from");
            to = Day(q, "to");
        }

        var name = version is null ? $"{dataset} ({Path.GetFileName(table.File)})" : $"{dataset} {version} ({Path.GetFileName(table.File)})";
        var access = provenance?.FetchedAtUtc is { Length: >= 10 } at && DateOnly.TryParseExact(at[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        return new DataSource(name, dataset, table.Source, table.IsSynthetic, version, string.IsNullOrWhiteSpace(provenance?.Licence) ? null : provenance.Licence, access,
            table.File, provenanceFile, countries, from, to)
        {
            Slug = table.IsSynthetic ? "synthetic" : table.Source == EventSource.UcdpGed ? "ucdp-ged" : "acled",
        };
    }

    /// <summary>The same sources, with " #2", " #3" … appended to names that repeat (two files of the same name in different folders) and "-2", "-3" … to slugs that repeat (two files of one dataset).</summary>
    public static IReadOnlyList<DataSource> Distinct(IReadOnlyList<DataSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var slugs = new Dictionary<string, int>(StringComparer.Ordinal);
        return sources.Select(s =>
        {
            var n = names[s.Name] = names.GetValueOrDefault(s.Name) + 1;
            var k = slugs[s.Slug] = slugs.GetValueOrDefault(s.Slug) + 1;
            return s with { Name = n == 1 ? s.Name : $"{s.Name} #{n}", Slug = k == 1 ? s.Slug : $"{s.Slug}-{k}" };
        }).ToList();
    }

    private static DateOnly? Day(IReadOnlyDictionary<string, string> query, string key) =>
        query.TryGetValue(key, out var text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
