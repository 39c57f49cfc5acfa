using System.CommandLine;
using System.Globalization;
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
            var file = parse.GetValue(parameterFile);
            var request = new RunRequest
            {
                Notebook = CliApp.Recorded(parse.GetValue(notebook)!),
                ParametersFile = file,
                Given = (parse.GetValue(parameters) ?? []).Select(ParseOverride).ToList(),
                WorkingDirectory = parse.GetValue(cwd),
                TimeoutSeconds = parse.GetValue(timeout),
                Output = parse.GetValue(output),
                Html = parse.GetValue(html),
                CommandLine = CliApp.CommandLine(parse),
            };
            return await ExecuteAsync(request, stdout, stderr, ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>A notebook run as <c>run</c>'s options give it, or as <c>verify</c> rebuilds it from a manifest's <see cref="ManifestNotebook"/>.</summary>
    internal sealed record RunRequest
    {
        /// <summary>The notebook on disk.</summary>
        public required string Notebook { get; init; }

        /// <summary>The notebook path recorded in papermill's metadata (as first given); null for <see cref="Notebook"/>.</summary>
        public string? RecordedNotebook { get; init; }

        public string? ParametersFile { get; init; }

        public required IReadOnlyList<KeyValuePair<string, string>> Given { get; init; }

        public string? WorkingDirectory { get; init; }

        public double? TimeoutSeconds { get; init; }

        public string? Output { get; init; }

        public string? Html { get; init; }

        public string? CommandLine { get; init; }
    }

    /// <summary>Runs the notebook and writes the executed copy, its HTML and the manifest; the exit code.</summary>
    internal static async Task<int> ExecuteAsync(RunRequest request, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
            var path = request.Notebook;
            var file = request.ParametersFile;
            var fromFile = file is null ? [] : ParameterFile.Read(file);
            var given = request.Given;
            var overrides = fromFile.Where(f => !given.Any(g => g.Key == f.Key)).Concat(given).ToList();
            var workingDirectory = request.WorkingDirectory;
            if (workingDirectory is not null && !Directory.Exists(workingDirectory))
            {
                throw new ArgumentException($"--cwd '{workingDirectory}' is not a folder");
            }
            var seconds = request.TimeoutSeconds;
            if (seconds is { } s && (!(s > 0) || double.IsInfinity(s)))
            {
                throw new ArgumentException($"--timeout must be a positive number of seconds; got {s.ToString(CultureInfo.InvariantCulture)}");
            }

            var outPath = request.Output ?? Path.Combine("out", Path.GetFileNameWithoutExtension(path) + ".ipynb");
            if (!outPath.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"-o '{outPath}' must end in .ipynb (executed notebooks are written as nbformat 4)");
            }

            var htmlPath = request.Html ?? Path.ChangeExtension(outPath, ".html");
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
            var ipynbName = ManifestNotebook.Relative(outDir, outPath);
            var htmlName = ManifestNotebook.Relative(outDir, htmlPath);
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
                var executed = result.Notebook with { Metadata = WithPapermill(result.Notebook.Metadata, request.RecordedNotebook ?? path, ipynbName, overrides, result) };
                File.WriteAllText(stagedIpynb, NotebookFile.ToIpynb(executed));
                File.WriteAllText(stagedHtml, NotebookHtml.Render(executed, Path.GetFileName(path)));
                var manifest = Manifest(request, owned.Staging, outDir, ipynbName, htmlName, result);
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
                stderr.WriteLine($"error: {path}: {failure}{(failure.ErrorType == nameof(TimeoutException) ? " (--timeout S sets the limit)" : "")} (the executed notebook with the error is in {outPath}; its manifest records the failure, so verify will not re-run it)");
                return CliApp.CellFailed;
            }

            stdout.WriteLine($"wrote {outPath}, {htmlPath}, {Path.Combine(Path.GetDirectoryName(outPath) ?? "", manifestName)}: {result.Notebook.Cells.Count(c => c.ExecutionCount is not null)} code cells in {result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
            return CliApp.Ok;
    }

    /// <summary>The run a notebook manifest records, rebuilt from its data to write into <paramref name="outDir"/> (for <c>verify</c>).</summary>
    internal static RunRequest FromManifest(ManifestNotebook n, string manifestFolder, string outDir) => new()
    {
        Notebook = ManifestNotebook.Resolve(manifestFolder, n.Path),
        RecordedNotebook = n.InputPath,
        ParametersFile = n.ParametersFile is null ? null : ManifestNotebook.Resolve(manifestFolder, n.ParametersFile),
        Given = n.Parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)).ToList(),
        WorkingDirectory = n.WorkingDirectory is null ? null : ManifestNotebook.Resolve(manifestFolder, n.WorkingDirectory),
        TimeoutSeconds = n.CellTimeoutSeconds,
        Output = Path.Combine(outDir, n.Output),
        Html = Path.Combine(outDir, n.Html),
    };

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

    private static string? RepositoryRoot(string folder) => ProjectPaths.TryFind(folder)?.Root;

    /// <summary>
    /// The manifest for <c>verify</c> (through the library's one builder): the notebook, the parameters file and the
    /// files its parameters name as inputs, the executed notebook and HTML as outputs, and the run as data.
    /// </summary>
    private static Manifest Manifest(RunRequest request, string staging, string outDir, string ipynbName, string htmlName, RunResult result)
    {
        var notebookFull = Path.GetFullPath(request.Notebook);
        var notebookDir = Path.GetDirectoryName(notebookFull)!;
        var read = new List<string> { notebookFull };
        if (request.ParametersFile is { } parameterFile)
        {
            read.Add(Path.GetFullPath(parameterFile));
        }

        foreach (var p in result.Parameters.Where(p => p.Kind == ParameterKind.String && p.Value.Length > 0))
        {
            // A path parameter may be relative to the notebook (like #r) or to the repository root (the
            // shipped notebooks resolve it with ProjectPaths); whichever names an existing file is an input.
            try
            {
                var full = new[] { notebookDir, RepositoryRoot(notebookDir) }
                    .Where(d => d is not null)
                    .Select(d => Path.GetFullPath(Path.Combine(d!, p.Value)))
                    .FirstOrDefault(File.Exists);
                if (full is not null)
                {
                    read.Add(full);
                }
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                // Not a path.
            }
        }

        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        if (result.KernelVersion is { } kernel)
        {
            extra["microsoft.dotnet-interactive"] = kernel;
        }

        return ManifestBuilder.Build(new ManifestRun
        {
            ManifestFolder = outDir,
            WrittenFolder = staging,
            Read = read,
            Parameters = result.Parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal),
            Notebook = new ManifestNotebook
            {
                Path = ManifestNotebook.Relative(outDir, notebookFull),
                InputPath = (request.RecordedNotebook ?? request.Notebook).Replace('\\', '/'),
                Parameters = request.Given.Select(g => new ManifestParameter(g.Key, g.Value)).ToList(),
                ParametersFile = request.ParametersFile is null ? null : ManifestNotebook.Relative(outDir, request.ParametersFile),
                WorkingDirectory = request.WorkingDirectory is null ? null : ManifestNotebook.Relative(outDir, request.WorkingDirectory),
                CellTimeoutSeconds = request.TimeoutSeconds,
                Output = ipynbName,
                Html = htmlName,
            },
            CommandLine = request.CommandLine,
            ExtraPackages = extra,
            SourceFolder = notebookDir,
            Failure = result.Failure?.ToString(),
        });
    }
}
