using System.CommandLine;
using System.Globalization;
using System.Reflection;
using Pipeline;
using Pipeline.Notebooks;
using Pipeline.Reports;

namespace Pipeline.Cli;

/// <summary>
/// <c>pipeline run NOTEBOOK [-p name=value | -p NAME VALUE]... [-f params.yaml|json] [--cwd DIR] [-o OUT.ipynb]
/// [--html OUT.html] [--timeout SECONDS]</c>: runs a notebook headless in the .NET Interactive kernel pinned in
/// <c>.config/dotnet-tools.json</c> (a child process, as Jupyter runs it) with papermill's options, writes the executed copy
/// (with <c>metadata.papermill</c>), its HTML rendering and <c>&lt;name&gt;.manifest.json</c> beside it. On a terminal,
/// a line per cell goes to stderr as it starts.
/// Exit 0 when every cell ran, 1 for input errors (nothing executed), 2 when a cell failed (the executed notebook,
/// with the error in that cell, is still written).
/// </summary>
internal static class RunCommand
{
    /// <summary>The manifest written beside <c>OUT.ipynb</c>: <c>OUT.manifest.json</c>.</summary>
    public const string ManifestSuffix = ".manifest.json";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var notebook = new Argument<string>("notebook") { Description = "The notebook (.ipynb or .dib); never modified" };
        var parameters = new Option<string[]>("--parameter", "-p") { Description = "name=value (or NAME VALUE, as papermill) overriding the parameters cell (typed from its default); repeat for several", AllowMultipleArgumentsPerToken = false };
        var parameterFile = new Option<string?>("--parameters-file", "-f") { Description = "YAML or JSON file of name: value pairs (papermill's -f); -p overrides it" };
        var cwd = new Option<string?>("--cwd") { Description = "Working directory while cells run (default: the notebook's folder)" };
        var output = new Option<string?>("--output", "-o") { Description = "Executed notebook (default out/<name>.ipynb)" };
        var html = new Option<string?>("--html") { Description = "HTML rendering (default: the output path with .html)" };
        var timeout = new Option<double?>("--timeout") { Description = "Seconds one cell may run (default: no limit, as in papermill)" };
        var command = new Command("run", "Run a notebook headless in the .NET Interactive kernel pinned in .config/dotnet-tools.json (as Jupyter runs it) with parameters; write the executed .ipynb, its HTML and a manifest")
        {
            notebook, parameters, parameterFile, cwd, output, html, timeout,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(notebook)!;
            var file = parse.GetValue(parameterFile);
            var fromFile = file is null ? [] : ParameterFile.Read(file);
            var given = (parse.GetValue(parameters) ?? []).Select(ParseOverride).ToList();
            var overrides = fromFile.Where(f => !given.Any(g => g.Key == f.Key)).Concat(given).ToList();
            var workingDirectory = parse.GetValue(cwd);
            if (workingDirectory is not null && !Directory.Exists(workingDirectory))
            {
                throw new ArgumentException($"--cwd '{workingDirectory}' is not a folder");
            }
            var seconds = parse.GetValue(timeout);
            if (seconds is { } s && (!(s > 0) || double.IsInfinity(s)))
            {
                throw new ArgumentException($"--timeout must be a positive number of seconds; got {s.ToString(CultureInfo.InvariantCulture)}");
            }

            var outPath = parse.GetValue(output) ?? Path.Combine("out", Path.GetFileNameWithoutExtension(path) + ".ipynb");
            if (!outPath.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"-o '{outPath}' must end in .ipynb (executed notebooks are written as nbformat 4)");
            }

            var htmlPath = parse.GetValue(html) ?? Path.ChangeExtension(outPath, ".html");
            var progress = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? (Action<string>)(line => stderr.WriteLine($"{path}: {line}")) : null;
            var options = new NotebookRunOptions
            {
                Parameters = overrides,
                CellTimeout = seconds is { } limit ? TimeSpan.FromSeconds(limit) : null,
                WorkingDirectory = workingDirectory,
                Progress = progress,
            };
            var result = await new NotebookRunner(options).RunFileAsync(path, ct).ConfigureAwait(false);

            var outDir = Path.GetDirectoryName(Path.GetFullPath(outPath))!;
            var manifestName = Path.GetFileNameWithoutExtension(outPath) + ManifestSuffix;
            var ipynbName = Relative(outDir, Path.GetFullPath(outPath));
            var htmlName = Relative(outDir, Path.GetFullPath(htmlPath));
            if (!OwnedOutputs.IsInside(htmlName))
            {
                throw new ArgumentException($"--html '{htmlPath}' must be inside the folder of -o ({outDir}), where the manifest lists it");
            }

            CommitResult commit;
            try
            {
                using var owned = OwnedOutputs.Begin(outDir, manifestName, wholeFolder: false);
                var stagedIpynb = Path.Combine(owned.Staging, ipynbName);
                var stagedHtml = Path.Combine(owned.Staging, htmlName);
                Directory.CreateDirectory(Path.GetDirectoryName(stagedHtml)!);
                var executed = result.Notebook with { Metadata = WithPapermill(result.Notebook.Metadata, path, ipynbName, overrides, result) };
                File.WriteAllText(stagedIpynb, NotebookFile.ToIpynb(executed));
                File.WriteAllText(stagedHtml, NotebookHtml.Render(executed, Path.GetFileName(path)));
                var timeoutArgs = seconds is { } limitGiven ? new[] { "--timeout", limitGiven.ToString(CultureInfo.InvariantCulture) } : [];
                string[] extraArgs = [.. file is null ? [] : new[] { "-f", file }, .. workingDirectory is null ? [] : new[] { "--cwd", workingDirectory }, .. timeoutArgs];
                var manifest = Manifest(path, file, given, (stagedIpynb, ipynbName), (stagedHtml, htmlName), result, extraArgs, outDir);
                File.WriteAllText(Path.Combine(owned.Staging, manifestName), manifest.ToJson());
                commit = owned.Commit();
            }
            catch (Exception ex) when (OutputErrors.Explain(ex, "the executed notebook", outPath, "-o") is { } explained)
            {
                throw explained;
            }

            if (commit.LeftAlone.Count > 0 && commit.LeftAlone.Count <= 20)
            {
                var shownDir = Path.GetDirectoryName(outPath) is { Length: > 0 } d ? d : ".";
                stdout.WriteLine($"left alone in {shownDir} (not written by this run): {ReportCommand.Shown(commit.LeftAlone)}");
            }

            if (result.Failure is { } failure)
            {
                stderr.WriteLine($"error: {path}: {failure} (the executed notebook with the error is in {outPath}; its manifest records the failure, so verify will not re-run it)");
                return CliApp.CellFailed;
            }

            stdout.WriteLine($"wrote {outPath}, {htmlPath}, {Path.Combine(Path.GetDirectoryName(outPath) ?? "", manifestName)}: {result.Notebook.Cells.Count(c => c.ExecutionCount is not null)} code cells in {result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>
    /// papermill's record of the run in the notebook's metadata: the input path as given, the output path relative
    /// to the output folder (so a re-run elsewhere writes the same bytes), the parameters passed and whether a cell
    /// failed. papermill's start and end times are left out: the executed notebook is deterministic.
    /// </summary>
    private static System.Text.Json.Nodes.JsonObject WithPapermill(System.Text.Json.Nodes.JsonObject metadata, string inputPath, string outputPath, IReadOnlyList<KeyValuePair<string, string>> overrides, RunResult result)
    {
        var copy = (System.Text.Json.Nodes.JsonObject)metadata.DeepClone();
        var passed = new System.Text.Json.Nodes.JsonObject();
        foreach (var (name, value) in overrides)
        {
            passed[name] = value;
        }

        copy["papermill"] = new System.Text.Json.Nodes.JsonObject
        {
            ["exception"] = result.Failure is not null,
            ["input_path"] = inputPath.Replace('\\', '/'),
            ["output_path"] = outputPath,
            ["parameters"] = passed,
        };
        return copy;
    }

    private static readonly HashSet<string> Options = new(StringComparer.Ordinal)
    {
        "-p", "--parameter", "-f", "--parameters-file", "--cwd", "-o", "--output", "--html", "--timeout", "--verbose", "-h", "--help", "-?",
    };

    /// <summary>papermill's <c>-p NAME VALUE</c> in a command line becomes <c>-p NAME=VALUE</c> (a name never holds
    /// <c>=</c>), so both spellings parse alike; anything else is left as it is.</summary>
    public static string[] JoinParameterPairs(string[] args)
    {
        if (args.Length == 0 || args[0] != "run")
        {
            return args;
        }

        var joined = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            joined.Add(args[i]);
            if (args[i] is "-p" or "--parameter" && i + 2 < args.Length && !args[i + 1].Contains('=', StringComparison.Ordinal)
                && !args[i + 1].StartsWith('-') && !Options.Contains(args[i + 2]))
            {
                joined.Add($"{args[i + 1]}={args[i + 2]}");
                i += 2;
            }
        }

        return [.. joined];
    }

    private static KeyValuePair<string, string> ParseOverride(string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new ArgumentException($"-p '{text}' must be name=value (or NAME VALUE), e.g. -p window=4");
        }

        return new(text[..eq].Trim(), text[(eq + 1)..]);
    }

    /// <summary>
    /// The manifest for <c>verify</c>: the notebook and the files its parameters name as inputs, the executed
    /// notebook and HTML as outputs (relative to the output folder), and the command with <c>{out}</c> for that folder.
    /// </summary>
    private static string? RepositoryRoot(string folder)
    {
        try
        {
            return ProjectPaths.Find(folder).Root;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static Manifest Manifest(string notebookPath, string? parameterFile, IReadOnlyList<KeyValuePair<string, string>> overrides, (string Staged, string Name) ipynb, (string Staged, string Name) html, RunResult result, string[] extraArgs, string outDir)
    {
        var notebookFull = Path.GetFullPath(notebookPath);
        var notebookDir = Path.GetDirectoryName(notebookFull)!;
        var inputs = new List<ManifestEntry> { ManifestEntry.Of(notebookPath, notebookPath) };
        if (parameterFile is not null)
        {
            inputs.Add(ManifestEntry.Of(parameterFile, parameterFile));
        }

        foreach (var p in result.Parameters.Where(p => p.Kind == ParameterKind.String && p.Value.Length > 0))
        {
            // A path parameter may be relative to the notebook (like #r) or to the repository root (the
            // shipped notebooks resolve it with ProjectPaths); whichever names an existing file is an input.
            string? full = null;
            try
            {
                full = new[] { notebookDir, RepositoryRoot(notebookDir) }
                    .Where(d => d is not null)
                    .Select(d => Path.GetFullPath(Path.Combine(d!, p.Value)))
                    .FirstOrDefault(File.Exists);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                continue; // Not a path.
            }

            if (full is not null && full != notebookFull && !inputs.Any(i => Path.GetFullPath(i.Path) == full))
            {
                inputs.Add(ManifestEntry.Of(full, Relative(Environment.CurrentDirectory, full)));
            }
        }

        var outputs = new List<ManifestEntry>
        {
            ManifestEntry.Of(ipynb.Staged, ipynb.Name),
            ManifestEntry.Of(html.Staged, html.Name),
        };
        var command = new List<string> { "run", notebookPath };
        foreach (var (name, value) in overrides)
        {
            command.Add("-p");
            command.Add($"{name}={value}");
        }

        command.AddRange(["-o", $"{Reports.Manifest.OutPlaceholder}/{outputs[0].Path}", "--html", $"{Reports.Manifest.OutPlaceholder}/{outputs[1].Path}"]);
        command.AddRange(extraArgs);

        var packages = new SortedDictionary<string, string>(Reports.Manifest.PackageVersions().ToDictionary(), StringComparer.Ordinal);
        var roslyn = typeof(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree).Assembly;
        packages[roslyn.GetName().Name!] = roslyn.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? roslyn.GetName().Version?.ToString() ?? "unknown";
        if (result.KernelVersion is { } kernel)
        {
            packages["microsoft.dotnet-interactive"] = kernel;
        }

        return new Manifest(
            "pipeline",
            Reports.Manifest.LibraryVersion(),
            Reports.Manifest.FindGitCommit(notebookDir),
            packages,
            result.Parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal),
            inputs,
            outputs,
            DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            command)
        {
            Failure = result.Failure?.ToString(),
        };
    }

    private static string Relative(string from, string path) => Path.GetRelativePath(from, path).Replace('\\', '/');
}
