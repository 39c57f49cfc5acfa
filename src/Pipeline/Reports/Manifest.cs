using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Text;

namespace Pipeline.Reports;

/// <summary>A file named in a manifest, with the hash that proves it unchanged.</summary>
/// <param name="Path">Path relative to the manifest's folder, with '/'.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the bytes.</param>
/// <param name="Size">Size in bytes.</param>
public sealed record ManifestEntry(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("size")] long Size)
{
    /// <summary>Hashes a file on disk.</summary>
    public static ManifestEntry Of(string pathOnDisk, string recordedPath) =>
        new(recordedPath, Sha256Hex.OfFile(pathOnDisk), new FileInfo(pathOnDisk).Length);
}

/// <summary>The tool that wrote a manifest.</summary>
/// <param name="Name">Tool name.</param>
/// <param name="Version">Library version.</param>
/// <param name="GitCommit">Commit of the work tree, when there is one.</param>
public sealed record ManifestTool(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("git_commit")] string? GitCommit);

/// <summary>The part of a manifest that changes from run to run and is never compared.</summary>
/// <param name="Note">Says so, for a reader of the file.</param>
/// <param name="GeneratedAtUtc">When the run happened (<c>yyyy-MM-ddTHH:mm:ssZ</c>).</param>
public sealed record ManifestNondeterministic(
    [property: JsonPropertyName("note")] string Note,
    [property: JsonPropertyName("generated_at_utc")] string? GeneratedAtUtc)
{
    /// <summary>The note every manifest carries.</summary>
    public const string DefaultNote = "values here change from run to run and are not compared by verify";
}

/// <summary>
/// What a run read, with which inputs (as data, replayed by <see cref="Verification"/>), tool and package
/// versions, and what it wrote, each file with SHA-256 and size: enough for a reviewer to re-run and compare byte
/// for byte. Paths are relative to the manifest's folder. The only time-dependent value is under
/// <see cref="Nondeterministic"/>, so comparisons can skip it. Serialized with System.Text.Json source generation
/// (<see cref="ManifestJson"/>); built by <see cref="ManifestBuilder"/>.
/// </summary>
public sealed record Manifest
{
    /// <summary>
    /// The manifest format this version writes and reads. 1 and 2 (older versions) recorded the command line
    /// and were replayed by parsing it; 3 records the run's inputs as data (<see cref="Report"/> or
    /// <see cref="Notebook"/>) with paths relative to the manifest's folder. Older manifests are refused by
    /// <see cref="Read"/> with the command that regenerates them.
    /// </summary>
    public const int CurrentSchemaVersion = 3;

    /// <summary>The manifest's own file name inside a report folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The format version (<see cref="CurrentSchemaVersion"/>).</summary>
    [JsonPropertyName("schema_version")]
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The tool that wrote it.</summary>
    [JsonPropertyName("tool")]
    public required ManifestTool Tool { get; init; }

    /// <summary>For people only: the command line that made the run, as the caller gave it (null from a notebook). Nothing reads it back.</summary>
    [JsonPropertyName("command_line")]
    public string? CommandLine { get; init; }

    /// <summary>Versions of the packages loaded when the run finished, and of .NET and plotly.js.</summary>
    [JsonPropertyName("packages")]
    public required IReadOnlyDictionary<string, string> Packages { get; init; }

    /// <summary>The run's parameters as shown to people (the report's parameter table, or a notebook's parameters).</summary>
    [JsonPropertyName("parameters")]
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    /// <summary>A report's inputs, as data a replay turns back into <see cref="ReportInputs"/>; null for a notebook run.</summary>
    [JsonPropertyName("report")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ManifestReport? Report { get; init; }

    /// <summary>A notebook run's inputs, as data; null for a report.</summary>
    [JsonPropertyName("notebook")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ManifestNotebook? Notebook { get; init; }

    /// <summary>Files read, with hashes, sorted by path.</summary>
    [JsonPropertyName("inputs")]
    public required IReadOnlyList<ManifestEntry> Inputs { get; init; }

    /// <summary>Files written, with hashes, sorted by path; with the manifest itself, every file the run owns in its folder.</summary>
    [JsonPropertyName("outputs")]
    public required IReadOnlyList<ManifestEntry> Outputs { get; init; }

    /// <summary>Why the run it records failed (a notebook cell), or null when it succeeded; a failed run is not re-run by verify.</summary>
    [JsonPropertyName("failure")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Failure { get; init; }

    /// <summary>Values that change from run to run.</summary>
    [JsonPropertyName("nondeterministic")]
    public required ManifestNondeterministic Nondeterministic { get; init; }

    /// <summary>Reads a manifest written by <see cref="ToJson"/>.</summary>
    /// <exception cref="ManifestFormatException">The file is not such a manifest (or an older version's, with how to regenerate it), or holds an entry that is not allowed.</exception>
    public static Manifest Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ManifestFormatException(path, $"cannot be read: {ex.Message}", ex);
        }

        Manifest? manifest;
        try
        {
            RefuseOlderSchema(path, bytes);
            manifest = JsonSerializer.Deserialize(bytes, ManifestJson.Shared.Manifest);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : "";
            throw new ManifestFormatException(path, $"is not a manifest's JSON{where}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is not ManifestFormatException && (ex is InvalidOperationException or FormatException or ArgumentException or NotSupportedException))
        {
            throw new ManifestFormatException(path, $"does not have the fields a manifest has ({ex.Message})", ex);
        }

        if (manifest is null)
        {
            throw new ManifestFormatException(path, "holds null instead of a manifest");
        }

        Check(manifest, path);
        return manifest;
    }

    /// <summary>
    /// Who wrote a manifest and which files it lists as outputs, for <see cref="OwnedOutputs"/> deciding what a new
    /// run may replace: manifests of this version (<see cref="Read"/>), and also those of schema 1 and 2, so running
    /// again into an older report's folder (the way to regenerate it) replaces that report.
    /// </summary>
    /// <exception cref="ManifestFormatException">Neither a manifest of this version nor an older one with output paths inside its folder.</exception>
    internal static (string Tool, IReadOnlyList<string> Outputs) ReadOwnership(string path)
    {
        try
        {
            var m = Read(path);
            return (m.Tool.Name, m.Outputs.Select(o => o.Path).ToList());
        }
        catch (ManifestFormatException) when (OlderOwnership(path) is { } older)
        {
            return older;
        }
    }

    private static (string Tool, IReadOnlyList<string> Outputs)? OlderOwnership(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowDuplicateProperties = false });
            var r = doc.RootElement;
            var schema = r.TryGetProperty("schema_version", out var sv) ? sv.GetInt32() : 1;
            if (schema is not (1 or 2))
            {
                return null;
            }

            var tool = r.GetProperty("tool").GetProperty("name").GetString()!;
            var outputs = r.GetProperty("outputs").EnumerateArray().Select(o => o.GetProperty("path").GetString()!).ToList();
            return outputs.All(o => o.Length > 0 && OwnedOutputs.IsInside(o)) ? (tool, outputs) : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException or KeyNotFoundException or FormatException or ArgumentException or NullReferenceException)
        {
            return null;
        }
    }

    /// <summary>A manifest of schema 1 or 2 recorded a command line instead of data: say which and how to make a new one.</summary>
    private static void RefuseOlderSchema(string path, byte[] bytes)
    {
        using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowDuplicateProperties = false });
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return; // the typed read below says what is wrong
        }

        var schema = root.TryGetProperty("schema_version", out var sv) ? (sv.TryGetInt32(out var v) ? v : -1) : 1;
        if (schema is 1 or 2)
        {
            var folder = Path.GetDirectoryName(path) is { Length: > 0 } d ? d : ".";
            var recorded = root.TryGetProperty("command", out var c) && c.ValueKind == JsonValueKind.Array
                ? string.Join(' ', c.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.String ? a.GetString()!.Replace("{out}", folder, StringComparison.Ordinal) : "?"))
                : null;
            throw new ManifestFormatException(path,
                $"was written by an older version of pipeline (manifest schema_version {schema}; this version reads {CurrentSchemaVersion}, which records the run's inputs as data)",
                recorded is null
                    ? "Regenerate it by running the report or notebook again into the same folder, then verify the new manifest"
                    : $"Regenerate it by running the command it records again from the folder it was first run in (pipeline {recorded}), then verify the new manifest");
        }

        if (schema != CurrentSchemaVersion)
        {
            throw new ManifestFormatException(path, $"has schema_version {sv}; this version of pipeline reads {CurrentSchemaVersion} (a newer pipeline wrote it?)");
        }
    }

    /// <summary>
    /// What verify relies on: SHA-256 hashes, sizes, output paths that stay inside the folder of the manifest
    /// (inputs may be anywhere: they are only read), and exactly one of <see cref="Report"/> and
    /// <see cref="Notebook"/>, whose outputs also stay inside that folder, so a re-run can never write anywhere else.
    /// </summary>
    private static void Check(Manifest m, string path)
    {
        foreach (var (kind, entries) in new[] { ("inputs", m.Inputs), ("outputs", m.Outputs) })
        {
            for (var i = 0; i < entries.Count; i++)
            {
                var e = entries[i];
                if (e is null || e.Path.Length == 0 || e.Sha256.Length != 64 || !e.Sha256.All(char.IsAsciiHexDigitLower) || e.Size < 0)
                {
                    throw new ManifestFormatException(path, $"{kind}[{i}] ('{e?.Path}') needs a path, a 64-digit lower-case SHA-256 and a size ≥ 0");
                }

                if (kind == "outputs" && !OwnedOutputs.IsInside(e.Path))
                {
                    throw new ManifestFormatException(path, $"outputs[{i}] path '{e.Path}' leaves the folder of the manifest; outputs are relative paths inside it");
                }
            }
        }

        if ((m.Report is null) == (m.Notebook is null))
        {
            throw new ManifestFormatException(path, "must record exactly one of a report's inputs ('report') and a notebook run's ('notebook'), so verify knows what to re-run");
        }

        if (m.Notebook is { } n && (!OwnedOutputs.IsInside(n.Output) || !OwnedOutputs.IsInside(n.Html)))
        {
            throw new ManifestFormatException(path, $"the notebook's output '{n.Output}' or HTML '{n.Html}' leaves the folder of the manifest, so verify will not re-run it");
        }
    }

    /// <summary>Indented JSON (keys in a fixed order, entries as built: sorted by path) ending in a newline.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ManifestJson.Shared.Manifest) + "\n";
}

/// <summary>The source-generated System.Text.Json contract of <see cref="Manifest"/>.</summary>
[JsonSerializable(typeof(Manifest))]
internal sealed partial class ManifestJson : JsonSerializerContext
{
    /// <summary>
    /// The options manifests are written and read with: indented, relaxed escaping (as written since schema 1),
    /// strict numbers, and nulls, missing required keys and duplicate keys refused.
    /// </summary>
    public static ManifestJson Shared { get; } = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
        NumberHandling = JsonNumberHandling.Strict,
    });
}
