using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pipeline.Reports;

/// <summary>A file named in a manifest, with the hash that proves it unchanged.</summary>
/// <param name="Path">Path as given (inputs) or relative to the output folder with '/' (outputs).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the bytes.</param>
/// <param name="Size">Size in bytes.</param>
public sealed record ManifestEntry(string Path, string Sha256, long Size)
{
    /// <summary>Hashes a file on disk.</summary>
    public static ManifestEntry Of(string pathOnDisk, string recordedPath)
    {
        using var stream = File.OpenRead(pathOnDisk);
        var hash = SHA256.HashData(stream);
        return new ManifestEntry(recordedPath, Convert.ToHexStringLower(hash), new FileInfo(pathOnDisk).Length);
    }
}

/// <summary>
/// What a run read, with which parameters and tool versions, and what it wrote, each file with SHA-256 and
/// size: enough for a reviewer to re-run and compare byte for byte. The only time-dependent value is
/// <see cref="GeneratedAtUtc"/>, kept under the key <c>nondeterministic</c> so comparisons can skip it.
/// </summary>
/// <param name="Tool">Tool name.</param>
/// <param name="ToolVersion">Library version.</param>
/// <param name="GitCommit">Commit of the work tree, when there is one.</param>
/// <param name="Packages">Package and runtime versions.</param>
/// <param name="Parameters">The run's parameters.</param>
/// <param name="Inputs">Files read, with hashes.</param>
/// <param name="Outputs">Files written (paths relative to the output folder), with hashes.</param>
/// <param name="GeneratedAtUtc">When the run happened (the one value that is not reproducible).</param>
/// <param name="Command">The <c>pipeline</c> arguments that produced the outputs, with <see cref="OutPlaceholder"/> for the output folder, so <c>verify</c> can re-run them elsewhere.</param>
public sealed record Manifest(
    string Tool,
    string ToolVersion,
    string? GitCommit,
    IReadOnlyDictionary<string, string> Packages,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<ManifestEntry> Inputs,
    IReadOnlyList<ManifestEntry> Outputs,
    string? GeneratedAtUtc,
    IReadOnlyList<string> Command)
{
    /// <summary>
    /// The manifest format this version writes. 1: no <c>schema_version</c> key (read as before); 2: the key is
    /// written, <see cref="Outputs"/> is the complete list of files the run owns in its folder (with the
    /// manifest itself), which a re-run replaces or removes and nothing else, and a failed notebook run is
    /// recorded with <see cref="Failure"/>.
    /// </summary>
    public const int CurrentSchemaVersion = 2;

    /// <summary>The format version this manifest was read from (<see cref="CurrentSchemaVersion"/> when built in memory).</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Why the run it records failed (a notebook cell), or null when it succeeded; a failed run is not re-run by verify.</summary>
    public string? Failure { get; init; }

    /// <summary>Stands for the output folder inside <see cref="Command"/>.</summary>
    public const string OutPlaceholder = "{out}";

    /// <summary>The manifest's own file name inside the output folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The packages whose versions a manifest records (the ones whose behaviour shapes the outputs).</summary>
    public static readonly IReadOnlyList<string> RecordedPackages =
    [
        "CsvHelper", "ExcelDataReader", "Microsoft.Data.Analysis", "Microsoft.Playwright",
        "Microsoft.CodeAnalysis.CSharp", "Microsoft.DotNet.Interactive.Documents", "Markdig", "Microsoft.DotNet.Interactive.Formatting", "Apache.Arrow", "Polly.Core",
        "System.CommandLine", "Spectre.Console",
    ];

    /// <summary>
    /// NuGet versions of <see cref="RecordedPackages"/> as the running application resolved them (from its
    /// deps.json, which names package versions exactly), falling back to assembly metadata when there is no
    /// deps.json (e.g. inside a notebook kernel); plus the .NET runtime version.
    /// </summary>
    public static IReadOnlyDictionary<string, string> PackageVersions()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var wanted = new HashSet<string>(RecordedPackages, StringComparer.OrdinalIgnoreCase);
        var deps = (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (Assembly.GetEntryAssembly()?.GetName().Name is { } entry)
        {
            deps.Add(Path.Combine(AppContext.BaseDirectory, entry + ".deps.json"));
        }

        foreach (var file in deps.Distinct(StringComparer.Ordinal).Where(File.Exists))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            if (!doc.RootElement.TryGetProperty("libraries", out var libraries))
            {
                continue;
            }

            foreach (var lib in libraries.EnumerateObject())
            {
                var slash = lib.Name.IndexOf('/', StringComparison.Ordinal);
                if (slash > 0 && wanted.Contains(lib.Name[..slash]) && lib.Value.TryGetProperty("type", out var type) && type.GetString() == "package")
                {
                    result[lib.Name[..slash]] = lib.Name[(slash + 1)..];
                }
            }
        }

        foreach (var name in RecordedPackages.Where(n => !result.ContainsKey(n)))
        {
            var asm = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase));
            if (asm is not null)
            {
                result[name] = asm.GetName().Version?.ToString(3) ?? "unknown";
            }
        }

        result["plotly.js"] = Charts.PlotlyAssets.Version; // embedded in the library, from npm's plotly.js-dist-min
        result[".NET"] = Environment.Version.ToString();
        return result;
    }

    /// <summary>The library's version.</summary>
    public static string LibraryVersion() =>
        typeof(Manifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>The commit checked out in the git work tree holding <paramref name="folder"/>, or null.</summary>
    public static string? FindGitCommit(string folder)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (File.Exists(git))
            {
                var line = File.ReadAllText(git).Trim();
                git = line.StartsWith("gitdir:", StringComparison.Ordinal) ? Path.GetFullPath(Path.Combine(dir.FullName, line[7..].Trim())) : git;
            }

            if (!Directory.Exists(git))
            {
                continue;
            }

            var head = File.ReadAllText(Path.Combine(git, "HEAD")).Trim();
            if (!head.StartsWith("ref:", StringComparison.Ordinal))
            {
                return head;
            }

            var refName = head[4..].Trim();
            foreach (var root in new[] { git, CommonDir(git) })
            {
                var refFile = Path.Combine(root, refName);
                if (File.Exists(refFile))
                {
                    return File.ReadAllText(refFile).Trim();
                }

                var packed = Path.Combine(root, "packed-refs");
                if (File.Exists(packed))
                {
                    var hit = File.ReadLines(packed).FirstOrDefault(l => l.EndsWith(" " + refName, StringComparison.Ordinal));
                    if (hit is not null)
                    {
                        return hit.Split(' ')[0];
                    }
                }
            }

            return null;
        }

        return null;
    }

    /// <summary>Reads a manifest written by <see cref="ToJson"/>.</summary>
    /// <exception cref="ManifestFormatException">The file is not such a manifest, or holds an entry that is not allowed.</exception>
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

        Manifest manifest;
        try
        {
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowDuplicateProperties = false });
            manifest = FromJson(doc.RootElement);
        }
        catch (JsonException ex)
        {
            throw new ManifestFormatException(path, $"is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException or ArgumentException or IndexOutOfRangeException)
        {
            // GetProperty on a missing key, GetString on a number, invalid UTF-8 inside a string, …
            throw new ManifestFormatException(path, $"does not have the fields a manifest has ({ex.Message})", ex);
        }

        Check(manifest, path);
        return manifest;
    }

    private static Manifest FromJson(JsonElement r)
    {
        static IReadOnlyDictionary<string, string> Map(JsonElement e) =>
            e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
        static IReadOnlyList<ManifestEntry> Files(JsonElement e) =>
            e.EnumerateArray().Select(f => new ManifestEntry(f.GetProperty("path").GetString()!, f.GetProperty("sha256").GetString()!, f.GetProperty("size").GetInt64())).ToList();
        var tool = r.GetProperty("tool");
        var schema = r.TryGetProperty("schema_version", out var sv) ? sv.GetInt32() : 1;
        return new Manifest(
            tool.GetProperty("name").GetString()!,
            tool.GetProperty("version").GetString()!,
            tool.TryGetProperty("git_commit", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null,
            Map(r.GetProperty("packages")),
            Map(r.GetProperty("parameters")),
            Files(r.GetProperty("inputs")),
            Files(r.GetProperty("outputs")),
            r.GetProperty("nondeterministic").TryGetProperty("generated_at_utc", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null,
            r.TryGetProperty("command", out var cmd) ? cmd.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [])
        {
            SchemaVersion = schema,
            Failure = r.TryGetProperty("failure", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null,
        };
    }

    /// <summary>
    /// What verify relies on: SHA-256 hashes, sizes, output paths that stay inside the folder beside the
    /// manifest (inputs may be anywhere: they are only read), and a command that is a pipeline report or
    /// run writing into the placeholder folder, so a re-run can never write anywhere else.
    /// </summary>
    private static void Check(Manifest m, string path)
    {
        if (m.SchemaVersion is < 1 or > CurrentSchemaVersion)
        {
            throw new ManifestFormatException(path, $"has schema_version {m.SchemaVersion}; this version of pipeline reads 1 to {CurrentSchemaVersion} (a newer pipeline wrote it?)");
        }

        foreach (var (kind, entries) in new[] { ("inputs", m.Inputs), ("outputs", m.Outputs) })
        {
            for (var i = 0; i < entries.Count; i++)
            {
                var e = entries[i];
                if (e.Path.Length == 0 || e.Sha256.Length != 64 || !e.Sha256.All(char.IsAsciiHexDigitLower) || e.Size < 0)
                {
                    throw new ManifestFormatException(path, $"{kind}[{i}] ('{e.Path}') needs a path, a 64-digit lower-case SHA-256 and a size ≥ 0");
                }

                if (kind == "outputs" && (Path.IsPathRooted(e.Path) || e.Path.Replace('\\', '/').Split('/').Any(p => p is ".." or "")))
                {
                    throw new ManifestFormatException(path, $"outputs[{i}] path '{e.Path}' leaves the folder of the manifest; outputs are relative paths inside it");
                }
            }
        }

        if (m.Command.Count > 0 && (m.Command[0] is not ("report" or "run") || !m.Command.Any(a => a.Contains(OutPlaceholder, StringComparison.Ordinal))))
        {
            throw new ManifestFormatException(path, $"the recorded command ({string.Join(' ', m.Command.Take(3))} …) is not a pipeline report or run writing into {OutPlaceholder}, so verify will not re-run it");
        }
    }

    /// <summary>Indented JSON with keys in a fixed order and entries sorted by path.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("schema_version", SchemaVersion);
            w.WriteStartObject("tool");
            w.WriteString("name", Tool);
            w.WriteString("version", ToolVersion);
            w.WriteString("git_commit", GitCommit);
            w.WriteEndObject();
            w.WriteStartArray("command");
            foreach (var arg in Command)
            {
                w.WriteStringValue(arg);
            }

            w.WriteEndArray();
            WriteMap(w, "packages", Packages);
            WriteMap(w, "parameters", Parameters);
            WriteFiles(w, "inputs", Inputs);
            WriteFiles(w, "outputs", Outputs);
            if (Failure is not null)
            {
                w.WriteString("failure", Failure);
            }

            w.WriteStartObject("nondeterministic");
            w.WriteString("note", "values here change from run to run and are not compared by verify");
            w.WriteString("generated_at_utc", GeneratedAtUtc);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string CommonDir(string git)
    {
        var common = Path.Combine(git, "commondir");
        return File.Exists(common) ? Path.GetFullPath(Path.Combine(git, File.ReadAllText(common).Trim())) : git;
    }

    private static void WriteMap(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, string> map)
    {
        w.WriteStartObject(name);
        foreach (var (k, v) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.WriteString(k, v);
        }

        w.WriteEndObject();
    }

    private static void WriteFiles(Utf8JsonWriter w, string name, IReadOnlyList<ManifestEntry> files)
    {
        w.WriteStartArray(name);
        foreach (var f in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("path", f.Path);
            w.WriteString("sha256", f.Sha256);
            w.WriteNumber("size", f.Size);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
