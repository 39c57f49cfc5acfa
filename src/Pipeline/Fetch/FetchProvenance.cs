using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Json;

namespace Pipeline.Fetch;

/// <summary>
/// Where a fetched events file came from: the dataset and licence, the query, every response used with
/// its SHA-256 (so the file can be rebuilt offline from the cache and checked), the updates applied and the
/// file's own hash. Written as <c>{csv stem}.provenance.json</c> beside the CSV (<see cref="PathFor"/>), so a
/// report given the CSV can find it and list it in its manifest. It never holds a credential; the only
/// time-dependent values are the fetch times.
/// </summary>
/// <param name="Dataset">e.g. <c>ACLED</c> or <c>UCDP GED 25.1</c>.</param>
/// <param name="Endpoint">The API or archive URL (no credentials).</param>
/// <param name="Query">The query's parameters.</param>
/// <param name="Licence">Licence of the data.</param>
/// <param name="Attribution">How to cite the data.</param>
/// <param name="Pages">The responses the file was built from, in the order used.</param>
/// <param name="Updates">Incremental updates applied, oldest first.</param>
/// <param name="Output">The events file.</param>
/// <param name="Tool">Tool and version that wrote it.</param>
/// <param name="FetchedAtUtc">When this file was written (not reproducible).</param>
public sealed record FetchProvenance(
    string Dataset,
    string Endpoint,
    IReadOnlyDictionary<string, string> Query,
    string Licence,
    string Attribution,
    IReadOnlyList<ProvenancePage> Pages,
    IReadOnlyList<ProvenanceUpdate> Updates,
    ProvenanceOutput Output,
    string Tool,
    string FetchedAtUtc)
{
    /// <summary>Suffix of a provenance file after the CSV's stem.</summary>
    public const string Suffix = ".provenance.json";

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The provenance path for an events file: <c>x/acled_libya_….csv</c> → <c>x/acled_libya_….provenance.json</c>.</summary>
    public static string PathFor(string csvPath) => Path.Combine(Path.GetDirectoryName(csvPath) ?? "", Path.GetFileNameWithoutExtension(csvPath) + Suffix);

    /// <summary>Reads the provenance beside an events file, or null when there is none (the file was not fetched).</summary>
    public static FetchProvenance? TryReadFor(string csvPath)
    {
        var path = PathFor(csvPath);
        return File.Exists(path) ? JsonSerializer.Deserialize<FetchProvenance>(File.ReadAllBytes(path), Json) : null;
    }

    /// <summary>
    /// Refuses to replace an events file this tool did not fetch: an existing <paramref name="csvPath"/> is the
    /// tool's only when a provenance file written by pipeline sits beside it and names it; a provenance path
    /// holding something else is refused too. Devices are written into as before.
    /// </summary>
    /// <exception cref="FetchException">The file (or its provenance path) holds something the tool did not write.</exception>
    internal static void EnsureOwned(string csvPath)
    {
        var provenancePath = PathFor(csvPath);
        var csvExists = File.Exists(csvPath) && !OutputFiles.IsSpecial(csvPath);
        if (!csvExists && !File.Exists(provenancePath))
        {
            return;
        }

        FetchProvenance? provenance = null;
        try
        {
            provenance = TryReadFor(csvPath);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or IOException)
        {
            provenance = null;
        }

        var ours = provenance is not null && provenance.Tool.StartsWith("pipeline", StringComparison.Ordinal)
            && string.Equals(provenance.Output?.File, Path.GetFileName(csvPath), StringComparison.Ordinal);
        if (!ours)
        {
            var what = csvExists ? csvPath : provenancePath;
            throw new FetchException(
                $"{what} exists and was not written by pipeline fetch (no provenance file by pipeline naming it beside it); it is left alone",
                "move it away, or fetch into another folder");
        }
    }

    internal static string ToolName() =>
        "pipeline " + (typeof(FetchProvenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");

    internal void Write(string path) => AtomicFile.Write(path, JsonSerializer.SerializeToUtf8Bytes(this, Json));
}

/// <summary>One response a fetched file was built from.</summary>
/// <param name="Key">The cache key: the request's query, without credentials.</param>
/// <param name="File">The cached response, relative to the output folder.</param>
/// <param name="Sha256">SHA-256 of the response bytes.</param>
/// <param name="Rows">Records it held (−1 when not counted).</param>
/// <param name="FetchedUtc">When it was downloaded.</param>
/// <param name="FromCache">Whether this run read it from the cache.</param>
public sealed record ProvenancePage(string Key, string File, string Sha256, int Rows, string FetchedUtc, bool FromCache);

/// <summary>One incremental update in a file's history.</summary>
/// <param name="Since">Rows changed after this <c>timestamp</c> (Unix seconds) were applied.</param>
/// <param name="AppliedUtc">When the update was fetched.</param>
public sealed record ProvenanceUpdate(long Since, string AppliedUtc);

/// <summary>The events file a fetch wrote.</summary>
/// <param name="File">File name (beside the provenance file).</param>
/// <param name="Sha256">SHA-256 of its bytes.</param>
/// <param name="Rows">Events it holds.</param>
public sealed record ProvenanceOutput(string File, string Sha256, int Rows);
