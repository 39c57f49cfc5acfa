using System.Collections.Immutable;
using System.Xml.Linq;

namespace Pipeline.Notebooks;

/// <summary>
/// Resolves <c>#r "nuget: Name, Version"</c> from the local package folder (<c>NUGET_PACKAGES</c>, else
/// <c>~/.nuget/packages</c>) and never downloads: a package that is not restored is a clear error. The package's
/// <c>lib/</c> DLLs for the best framework are referenced, and so are those of its dependencies found in the folder.
/// </summary>
internal sealed class NuGetCache(string root, IReadOnlyList<string>? localSources = null)
{
    /// <summary>Folders of <c>.nupkg</c> files searched when a package is not in <see cref="Root"/> or its version
    /// floats (<c>0.1.0-local.*</c>): the packages folder the build writes for notebooks (<c>notebooks/.packages</c>).</summary>
    public IReadOnlyList<string> LocalSources { get; } = localSources ?? [];

    /// <summary>Frameworks this runtime can load, best first.</summary>
    private static readonly ImmutableArray<string> Frameworks =
    [
        "net10.0", "net9.0", "net8.0", "net7.0", "net6.0", "net5.0", "netcoreapp3.1", "netcoreapp3.0", "netcoreapp2.2", "netcoreapp2.1",
        "netcoreapp2.0", "netstandard2.1", "netstandard2.0", "netstandard1.6", "netstandard1.5", "netstandard1.4", "netstandard1.3",
        "netstandard1.2", "netstandard1.1", "netstandard1.0",
    ];

    /// <summary>The package folder.</summary>
    public string Root { get; } = root;

    /// <summary>The folder named by <c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>.</summary>
    public static string DefaultRoot() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } env
            ? env
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>DLL paths for <c>Name, Version</c> (the text after <c>nuget:</c>).</summary>
    public IReadOnlyList<string> Resolve(string spec, int cellNumber, int line)
    {
        var parts = spec.Split(',', StringSplitOptions.TrimEntries);
        var name = parts[0];
        var version = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null;
        if (name.Length == 0 || parts.Length > 2)
        {
            throw new NotebookInputException($"#r \"nuget:{spec}\": write it as #r \"nuget: Name, Version\"", cellNumber, line);
        }

        var folder = version is not null && version.Contains('*', StringComparison.Ordinal)
            ? FromLocalSources(name, version)
            : PackageFolder(name, version) ?? (version is null ? null : FromLocalSources(name, version));
        if (folder is null)
        {
            var what = version is null ? name : $"{name} {version}";
            throw new NotebookInputException(
                $"NuGet package {what} is not in the local package folder {Root}; the runner does not download packages: add <PackageReference Include=\"{name}\"{(version is null ? "" : $" Version=\"{version}\"")} /> to a project (versions go in Directory.Packages.props) and run `dotnet restore`",
                cellNumber,
                line);
        }

        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!AddPackage(folder, name, result, seen))
        {
            throw new NotebookInputException($"NuGet package {name} {Path.GetFileName(folder)} has no lib/ assemblies for .NET 10 in {folder}", cellNumber, line);
        }

        return result;
    }

    /// <summary>The highest <c>{name}.{version}.nupkg</c> in <see cref="LocalSources"/> whose version matches (a
    /// trailing <c>*</c> floats), extracted beside it under <c>.runner/</c> once, as NuGet would into its cache.</summary>
    private string? FromLocalSources(string name, string version)
    {
        var prefix = version.EndsWith('*') ? version[..^1] : null;
        var found = LocalSources.Where(Directory.Exists)
            .SelectMany(source => Directory.EnumerateFiles(source, "*.nupkg").Select(file => (Source: source, File: file)))
            .Select(x => (x.Source, x.File, Version: VersionOf(Path.GetFileName(x.File), name)))
            .Where(x => x.Version is not null && (prefix is null
                ? string.Equals(x.Version, version, StringComparison.OrdinalIgnoreCase)
                : x.Version.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(x => VersionKey(x.Version!)).ThenByDescending(x => x.Version, StringComparer.Ordinal)
            .FirstOrDefault();
        if (found.File is null)
        {
            return null;
        }

        var target = Path.Combine(found.Source, ".runner", name.ToLowerInvariant(), found.Version!.ToLowerInvariant());
        if (!Directory.Exists(target))
        {
            var staging = target + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            System.IO.Compression.ZipFile.ExtractToDirectory(found.File, staging, overwriteFiles: true);
            try
            {
                Directory.Move(staging, target);
            }
            catch (IOException) when (Directory.Exists(target))
            {
                Directory.Delete(staging, recursive: true); // another run extracted the same package first
            }
        }

        return target;
    }

    private static string? VersionOf(string fileName, string name) =>
        fileName.StartsWith(name + ".", StringComparison.OrdinalIgnoreCase) && fileName.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase)
            && fileName[(name.Length + 1)..^".nupkg".Length] is { Length: > 0 } v && char.IsDigit(v[0])
            ? v
            : null;

    private string? PackageFolder(string name, string? version)
    {
        var packageRoot = Path.Combine(Root, name.ToLowerInvariant());
        if (!Directory.Exists(packageRoot))
        {
            return null;
        }

        if (version is not null)
        {
            var exact = Path.Combine(packageRoot, version.ToLowerInvariant());
            return Directory.Exists(exact) ? exact : null;
        }

        return Directory.GetDirectories(packageRoot).OrderByDescending(d => VersionKey(Path.GetFileName(d))).ThenByDescending(d => d, StringComparer.Ordinal).FirstOrDefault();
    }

    private bool AddPackage(string folder, string name, List<string> dlls, HashSet<string> seen)
    {
        if (!seen.Add(name))
        {
            return true;
        }

        var lib = Path.Combine(folder, "lib");
        var tfm = Directory.Exists(lib)
            ? Frameworks.FirstOrDefault(f => Directory.Exists(Path.Combine(lib, f)) && Directory.EnumerateFiles(Path.Combine(lib, f), "*.dll").Any())
            : null;
        if (tfm is null)
        {
            return false;
        }

        dlls.AddRange(Directory.GetFiles(Path.Combine(lib, tfm), "*.dll").Order(StringComparer.Ordinal));
        foreach (var (id, minVersion) in Dependencies(folder, tfm))
        {
            var depRoot = Path.Combine(Root, id.ToLowerInvariant());
            if (!Directory.Exists(depRoot))
            {
                continue; // Often a framework package the runtime already has; a real gap shows up when the type is used.
            }

            var min = VersionKey(minVersion);
            var dep = Directory.GetDirectories(depRoot)
                .Where(d => VersionKey(Path.GetFileName(d)).CompareTo(min) >= 0)
                .OrderBy(d => VersionKey(Path.GetFileName(d)))
                .FirstOrDefault();
            if (dep is not null)
            {
                AddPackage(dep, id, dlls, seen);
            }
        }

        return true;
    }

    /// <summary>The dependencies of the nuspec group that fits <paramref name="tfm"/>, each with its minimum version.</summary>
    private static IEnumerable<(string Id, string MinVersion)> Dependencies(string folder, string tfm)
    {
        var nuspec = Directory.EnumerateFiles(folder, "*.nuspec").FirstOrDefault();
        if (nuspec is null)
        {
            return [];
        }

        var doc = XDocument.Load(nuspec);
        var deps = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "dependencies");
        if (deps is null)
        {
            return [];
        }

        var groups = deps.Elements().Where(e => e.Name.LocalName == "group").ToList();
        IEnumerable<XElement> chosen = deps.Elements().Where(e => e.Name.LocalName == "dependency");
        if (groups.Count > 0)
        {
            var rank = Frameworks.IndexOf(tfm);
            var best = groups
                .Select(g => (Group: g, Rank: Frameworks.IndexOf(Normalize((string?)g.Attribute("targetFramework")))))
                .Where(g => g.Rank >= rank || (string?)g.Group.Attribute("targetFramework") is null)
                .OrderBy(g => g.Rank < 0 ? int.MaxValue : g.Rank)
                .FirstOrDefault();
            chosen = best.Group?.Elements().Where(e => e.Name.LocalName == "dependency") ?? [];
        }

        return chosen
            .Select(e => ((string?)e.Attribute("id"), ((string?)e.Attribute("version") ?? "0").Trim('[', '(', ' ').Split(',')[0].Trim()))
            .Where(d => d.Item1 is not null)
            .Select(d => (d.Item1!, d.Item2))
            .ToList();
    }

    private static string Normalize(string? framework)
    {
        if (framework is null)
        {
            return "";
        }

        var f = framework.ToLowerInvariant().TrimStart('.');
        return f.StartsWith("netcoreapp", StringComparison.Ordinal) && f.Length > 10 && f[10..] is var v && double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 5
            ? "net" + v
            : f;
    }

    /// <summary>Orders NuGet versions by their numeric part, a release before its prereleases.</summary>
    private static (Version Number, int Release, string Label) VersionKey(string text)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var number = dash < 0 ? text : text[..dash];
        var label = dash < 0 ? "" : text[(dash + 1)..];
        return (Version.TryParse(number, out var v) ? v : new Version(0, 0), dash < 0 ? 1 : 0, label);
    }
}
