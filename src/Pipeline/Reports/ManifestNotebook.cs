using System.Text.Json.Serialization;

namespace Pipeline.Reports;

/// <summary>A parameter passed to a notebook run, by name, as text.</summary>
/// <param name="Name">The parameter's name in the notebook's parameters cell.</param>
/// <param name="Value">Its value as given (typed from the cell's default when the run starts).</param>
public sealed record ManifestParameter(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value);

/// <summary>
/// A notebook run's inputs as the manifest stores them: plain data that a replay turns back into a run. Paths
/// are relative to the manifest's folder ('/' separated).
/// </summary>
public sealed record ManifestNotebook
{
    /// <summary>The notebook, relative to the manifest's folder.</summary>
    [JsonPropertyName("path")]
    public required string Path { get; init; }

    /// <summary>The notebook path as the run was given it (written into the executed notebook's papermill metadata, so a replay writes the same bytes).</summary>
    [JsonPropertyName("input_path")]
    public required string InputPath { get; init; }

    /// <summary>Parameters given one by one, in order (they override <see cref="ParametersFile"/>).</summary>
    [JsonPropertyName("parameters")]
    public required IReadOnlyList<ManifestParameter> Parameters { get; init; }

    /// <summary>The YAML or JSON parameters file, relative to the manifest's folder, or null.</summary>
    [JsonPropertyName("parameters_file")]
    public string? ParametersFile { get; init; }

    /// <summary>The folder cells ran in, relative to the manifest's folder, or null for the notebook's folder.</summary>
    [JsonPropertyName("working_directory")]
    public string? WorkingDirectory { get; init; }

    /// <summary>Seconds one cell could run, or null for no limit.</summary>
    [JsonPropertyName("cell_timeout_seconds")]
    public double? CellTimeoutSeconds { get; init; }

    /// <summary>The executed notebook, relative to the manifest's folder (inside it).</summary>
    [JsonPropertyName("output")]
    public required string Output { get; init; }

    /// <summary>The HTML rendering, relative to the manifest's folder (inside it).</summary>
    [JsonPropertyName("html")]
    public required string Html { get; init; }

    /// <summary><paramref name="path"/> relative to <paramref name="manifestFolder"/>, as this record stores paths.</summary>
    public static string Relative(string manifestFolder, string path) => ManifestPaths.Relative(manifestFolder, path);

    /// <summary>Where a path of this record is on disk, given the manifest's folder.</summary>
    public static string Resolve(string manifestFolder, string recorded) => System.IO.Path.GetFullPath(System.IO.Path.Combine(manifestFolder, recorded));
}
