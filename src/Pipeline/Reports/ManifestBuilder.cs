using System.Reflection;
using System.Text.Json;
using Pipeline.Text;

namespace Pipeline.Reports;

/// <summary>
/// What a run hands to <see cref="ManifestBuilder.Build"/>: where the manifest will sit, what was read and
/// written, and the run's inputs as data (a report's or a notebook run's).
/// </summary>
public sealed record ManifestRun
{
    /// <summary>The folder the manifest will sit in once the run is committed; every recorded path is relative to it.</summary>
    public required string ManifestFolder { get; init; }

    /// <summary>The folder holding exactly the files the run wrote (its staging folder), laid out as they will be in <see cref="ManifestFolder"/>.</summary>
    public required string WrittenFolder { get; init; }

    /// <summary>Files read, on disk (hashed and recorded relative to <see cref="ManifestFolder"/>).</summary>
    public required IEnumerable<string> Read { get; init; }

    /// <summary>The parameters as shown to people.</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    /// <summary>A report's inputs, or null.</summary>
    public ManifestReport? Report { get; init; }

    /// <summary>A notebook run's inputs, or null.</summary>
    public ManifestNotebook? Notebook { get; init; }

    /// <summary>For people: the command line that made the run, as its caller spells it; null when there was none.</summary>
    public string? CommandLine { get; init; }

    /// <summary>Versions the caller knows and the loaded assemblies cannot tell (e.g. the notebook kernel's), by name.</summary>
    public IReadOnlyDictionary<string, string> ExtraPackages { get; init; } = new Dictionary<string, string>();

    /// <summary>The folder whose git work tree names the commit; null for the current folder.</summary>
    public string? SourceFolder { get; init; }

    /// <summary>Why the run failed, or null.</summary>
    public string? Failure { get; init; }
}

/// <summary>
/// The one builder of <see cref="Manifest"/>s, shared by reports (<see cref="ReportWriter"/>) and notebook runs:
/// hashes what was read and written, records package versions of the assemblies actually loaded, the tool
/// version and git commit, and stamps the time.
/// </summary>
public static class ManifestBuilder
{
    /// <summary>The tool name manifests record.</summary>
    public const string ToolName = "pipeline";

    /// <summary>Builds the manifest of <paramref name="run"/>; inputs and outputs are sorted by path.</summary>
    public static Manifest Build(ManifestRun run)
    {
        var folder = Path.GetFullPath(run.ManifestFolder);
        var inputs = run.Read.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal)
            .Select(f => ManifestEntry.Of(f, ManifestPaths.Relative(folder, f)))
            .OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        var outputs = Directory.EnumerateFiles(run.WrittenFolder, "*", SearchOption.AllDirectories)
            .Select(f => ManifestEntry.Of(f, Path.GetRelativePath(run.WrittenFolder, f).Replace('\\', '/')))
            .OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        var packages = new SortedDictionary<string, string>(PackageVersions().ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal);
        foreach (var (name, version) in run.ExtraPackages)
        {
            packages[name] = version;
        }

        return new Manifest
        {
            Tool = new ManifestTool(ToolName, LibraryVersion(), GitHead.Commit(run.SourceFolder ?? Environment.CurrentDirectory)),
            CommandLine = run.CommandLine,
            Packages = packages,
            Parameters = new SortedDictionary<string, string>(run.Parameters.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal),
            Report = run.Report,
            Notebook = run.Notebook,
            Inputs = inputs,
            Outputs = outputs,
            Failure = run.Failure,
            Nondeterministic = new ManifestNondeterministic(ManifestNondeterministic.DefaultNote, IsoDate.FormatUtc(DateTimeOffset.UtcNow)),
        };
    }

    /// <summary>The library's version.</summary>
    public static string LibraryVersion() =>
        typeof(Manifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>
    /// The NuGet packages among the assemblies loaded in this process, with their versions: from the application's
    /// deps.json where it names the package (exact NuGet versions), else from the NuGet cache folder the assembly
    /// was loaded from (as in a notebook kernel); plus the .NET runtime and the embedded plotly.js. No package name
    /// is written into the library: whatever shaped the run is loaded by then.
    /// </summary>
    public static IReadOnlyDictionary<string, string> PackageVersions()
    {
        var known = DepsPackages();
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var asm in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (asm.IsDynamic || asm.GetName().Name is not { } name || name.StartsWith("Pipeline", StringComparison.Ordinal))
            {
                continue;
            }

            if (known.TryGetValue(name, out var package))
            {
                result[package.Name] = package.Version;
            }
            else if (FromNuGetCache(asm.Location) is { } cached)
            {
                result[cached.Name] = cached.Version;
            }
        }

        result["plotly.js"] = Charts.PlotlyAssets.Version; // embedded in the library, from npm's plotly.js-dist-min
        result[".NET"] = Environment.Version.ToString();
        return result;
    }

    /// <summary>Assembly name → (package id, version) for every package library of the loaded deps.json files.</summary>
    private static Dictionary<string, (string Name, string Version)> DepsPackages()
    {
        var map = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
        var deps = (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (Assembly.GetEntryAssembly()?.GetName().Name is { } entry)
        {
            deps.Add(Path.Combine(AppContext.BaseDirectory, entry + ".deps.json"));
        }

        foreach (var file in deps.Distinct(StringComparer.Ordinal).Where(File.Exists))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            if (!doc.RootElement.TryGetProperty("libraries", out var libraries) || !doc.RootElement.TryGetProperty("targets", out var targets))
            {
                continue;
            }

            var packages = libraries.EnumerateObject()
                .Where(l => l.Value.TryGetProperty("type", out var t) && t.GetString() == "package")
                .Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var target in targets.EnumerateObject())
            {
                foreach (var lib in target.Value.EnumerateObject().Where(l => packages.Contains(l.Name)))
                {
                    var slash = lib.Name.IndexOf('/', StringComparison.Ordinal);
                    if (slash <= 0 || !lib.Value.TryGetProperty("runtime", out var runtime))
                    {
                        continue;
                    }

                    foreach (var dll in runtime.EnumerateObject())
                    {
                        map.TryAdd(Path.GetFileNameWithoutExtension(dll.Name), (lib.Name[..slash], lib.Name[(slash + 1)..]));
                    }
                }
            }
        }

        return map;
    }

    /// <summary>(id, version) from a path like <c>…/.nuget/packages/&lt;id&gt;/&lt;version&gt;/lib/…</c>, else null.</summary>
    private static (string Name, string Version)? FromNuGetCache(string location)
    {
        var parts = location.Replace('\\', '/').Split('/');
        var at = Array.LastIndexOf(parts, "packages");
        return at > 0 && at + 3 < parts.Length && parts[at - 1] is ".nuget" or "nuget" ? (parts[at + 1], parts[at + 2]) : null;
    }
}
