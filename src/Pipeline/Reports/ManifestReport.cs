using System.Text.Json.Serialization;
using Pipeline.Events;
using Pipeline.Intensity;

namespace Pipeline.Reports;

/// <summary>
/// A report's <see cref="ReportInputs"/> as the manifest stores them: plain data, replayed by
/// <see cref="ToInputs"/>. Event files and the article folder are kept as given (the report shows them so),
/// relative to <see cref="Folder"/>, which is relative to the manifest's folder; so a manifest moved together
/// with its inputs still replays, from any current folder.
/// </summary>
public sealed record ManifestReport
{
    /// <summary>The folder the run read relative paths from, relative to the manifest's folder ('/' separated; "." for the same).</summary>
    [JsonPropertyName("folder")]
    public required string Folder { get; init; }

    /// <summary>Event files, as given.</summary>
    [JsonPropertyName("events")]
    public required IReadOnlyList<string> Events { get; init; }

    /// <summary>The article's id.</summary>
    [JsonPropertyName("article_id")]
    public required string ArticleId { get; init; }

    /// <summary>The article catalog's folder, as given.</summary>
    [JsonPropertyName("articles_folder")]
    public required string ArticlesFolder { get; init; }

    /// <summary>Country filter, or null for all.</summary>
    [JsonPropertyName("country")]
    public string? Country { get; init; }

    /// <summary>First day, or null for each source's first covered day.</summary>
    [JsonPropertyName("from")]
    public DateOnly? From { get; init; }

    /// <summary>Last day, or null for each source's last covered day.</summary>
    [JsonPropertyName("to")]
    public DateOnly? To { get; init; }

    /// <summary>Harmonised event types kept (their names), or null for all.</summary>
    [JsonPropertyName("event_types")]
    public IReadOnlyList<string>? EventTypes { get; init; }

    /// <summary>Actor text every kept event must contain, or null.</summary>
    [JsonPropertyName("actor")]
    public string? Actor { get; init; }

    /// <summary>Bin unit name (<see cref="Bins.Name"/>).</summary>
    [JsonPropertyName("bin")]
    public required string Bin { get; init; }

    /// <summary>Imprecise-date policy: <c>band</c> or <c>spread</c>.</summary>
    [JsonPropertyName("imprecise")]
    public required string Imprecise { get; init; }

    /// <summary>Event-study window, bins each side.</summary>
    [JsonPropertyName("window")]
    public required int Window { get; init; }

    /// <summary><see cref="EventStudyOptions.MinimumPlacebos"/>.</summary>
    [JsonPropertyName("min_placebo_windows")]
    public required int MinimumPlacebos { get; init; }

    /// <summary><see cref="EventStudyOptions.MinimumDisjointPlacebos"/>.</summary>
    [JsonPropertyName("min_disjoint_placebo_windows")]
    public required int MinimumDisjointPlacebos { get; init; }

    /// <summary><see cref="EventStudyOptions.Seed"/>.</summary>
    [JsonPropertyName("seed")]
    public required ulong Seed { get; init; }

    /// <summary>Actor texts of the actor series.</summary>
    [JsonPropertyName("actors")]
    public required IReadOnlyList<string> Actors { get; init; }

    /// <summary><see cref="ReportInputs.AggregateOnly"/>; written only when true, so manifests of ordinary reports (and
    /// those written before it existed, read as false) stay as they were.</summary>
    [JsonPropertyName("aggregate_only")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool AggregateOnly { get; init; }

    /// <summary>The data of <paramref name="inputs"/> for a manifest that will sit in <paramref name="manifestFolder"/>.</summary>
    public static ManifestReport Of(ReportInputs inputs, string manifestFolder) => new()
    {
        Folder = ManifestPaths.Relative(manifestFolder, inputs.Folder ?? Environment.CurrentDirectory),
        Events = inputs.EventFiles,
        ArticleId = inputs.ArticleId,
        ArticlesFolder = inputs.ArticlesFolder,
        Country = inputs.Filter.Country,
        From = inputs.Filter.From,
        To = inputs.Filter.To,
        EventTypes = inputs.Filter.EventTypes?.Select(t => t.ToString()).Order(StringComparer.Ordinal).ToList(),
        Actor = inputs.Filter.Actor,
        Bin = Bins.Name(inputs.Intensity.Bin),
        Imprecise = inputs.Intensity.Imprecise == ImprecisePolicy.Spread ? "spread" : "band",
        Window = inputs.Study.Window,
        MinimumPlacebos = inputs.Study.MinimumPlacebos,
        MinimumDisjointPlacebos = inputs.Study.MinimumDisjointPlacebos,
        Seed = inputs.Study.Seed,
        Actors = inputs.Actors,
        AggregateOnly = inputs.AggregateOnly,
    };

    /// <summary>The inputs again, reading relative paths from <see cref="Folder"/> beside <paramref name="manifestFolder"/>.</summary>
    /// <exception cref="ParameterException">A value no version of the library writes (an unknown bin, policy or event type).</exception>
    public ReportInputs ToInputs(string manifestFolder) => new()
    {
        Folder = Path.GetFullPath(Path.Combine(manifestFolder, Folder)),
        EventFiles = Events,
        ArticleId = ArticleId,
        ArticlesFolder = ArticlesFolder,
        Filter = new EventFilter
        {
            Country = Country,
            From = From,
            To = To,
            EventTypes = EventTypes?.Select(t => Enum.TryParse<HarmonisedEventType>(t, out var type) && Enum.IsDefined(type) ? type
                : throw new ParameterException($"unknown event type '{t}' in {{EventFilter.EventTypes}}")).ToList(),
            Actor = Actor,
        },
        Intensity = new IntensityOptions
        {
            Bin = Bins.Parse(Bin),
            Imprecise = Imprecise switch
            {
                "band" => ImprecisePolicy.Band,
                "spread" => ImprecisePolicy.Spread,
                _ => throw new ParameterException($"unknown {{IntensityOptions.Imprecise}} '{Imprecise}'; use band or spread"),
            },
        },
        Study = EventStudyOptions.Default with { Window = Window, MinimumPlacebos = MinimumPlacebos, MinimumDisjointPlacebos = MinimumDisjointPlacebos, Seed = Seed },
        Actors = Actors,
        AggregateOnly = AggregateOnly,
    };
}

/// <summary>How manifests spell paths: relative to the manifest's folder, with '/'.</summary>
internal static class ManifestPaths
{
    /// <summary><paramref name="path"/> relative to <paramref name="folder"/> (both made absolute first), '/' separated.</summary>
    public static string Relative(string folder, string path) =>
        Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(path)).Replace('\\', '/');
}
