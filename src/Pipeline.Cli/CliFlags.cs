namespace Pipeline.Cli;

/// <summary>
/// The CLI's names for the library's parameters: library errors name a parameter as <c>Type.Member</c>
/// (<see cref="ParameterText"/>), and the CLI shows the option that sets it, so a user reads <c>--window</c>.
/// </summary>
internal static class CliFlags
{
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        ["ReportInputs.EventFiles"] = "--events",
        ["ReportInputs.ArticleId"] = "--article",
        ["ReportInputs.ArticlesFolder"] = "--articles",
        ["EventFilter.Country"] = "--country",
        ["EventFilter.From"] = "--from",
        ["EventFilter.To"] = "--to",
        ["IntensityOptions.Bin"] = "--bin",
        ["IntensityOptions.Imprecise"] = "--imprecise",
        ["EventStudyOptions.Window"] = "--window",
        ["EventStudyOptions.Seed"] = "--seed",
        ["ReportInputs.AggregateOnly"] = "--share",
        ["AcledQuery.Country"] = "--country",
        ["AcledQuery.From"] = "--from",
        ["AcledQuery.To"] = "--to",
        ["AcledQuery.Region"] = "--region",
        ["UcdpQuery.Country"] = "--country",
        ["UcdpQuery.Version"] = "--version",
        ["UcdpQuery.Source"] = "--source",
        ["UcdpQuery.From"] = "--from",
        ["UcdpQuery.To"] = "--to",
        ["AcledFetchOptions.BaseUrl"] = "--base-url",
        ["UcdpFetchOptions.ApiBaseUrl"] = "--base-url",
        ["UcdpFetchOptions.ArchiveBaseUrl"] = "--base-url",
        ["FetchMode.Refresh"] = "--refresh",
        ["FetchMode.Update"] = "--update",
        ["MentionSuggester.Published"] = "--published",
        ["MentionSuggester.Out"] = "--out",
        ["ArticleFetchPlan.UcdpVersion"] = "--ucdp-version",
        ["ArticleFetcher.ArticleId"] = "--article",
        ["ArticleFetcher.OutFolder"] = "--out",
        ["ArticleFetcher.Force"] = "--force",
    };

    /// <summary>The option that sets <paramref name="parameter"/>, or null when the CLI has none (the library's name is shown then).</summary>
    public static string? For(string parameter) => Flags.GetValueOrDefault(parameter);

    /// <summary>The parameters the map knows (for tests: every parameter a library message names must be here).</summary>
    public static IReadOnlyCollection<string> Known => Flags.Keys;

    /// <summary>The error's message as the CLI shows it: library parameters named by their options.</summary>
    public static string Message(Exception ex) =>
        ex is INamesParameters named ? ParameterText.Render(named.MessageTemplate, For) : ex.Message;
}
