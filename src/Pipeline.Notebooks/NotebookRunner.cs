using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Scripting.Hosting;

namespace Pipeline.Notebooks;

/// <summary>
/// Runs a notebook's C# code cells in order with Roslyn scripting, state shared from cell to cell as in a kernel,
/// and returns a new executed document; the document and file it came from are never changed. Before any cell
/// runs, parameters are applied (papermill's conventions) and every <c>#r</c> is resolved, so input mistakes
/// surface as a <see cref="NotebookInputException"/> with nothing executed. A cell that throws, does not compile or
/// runs past its time stops the run: its error goes into its outputs and later code cells stay unexecuted.
/// </summary>
/// <remarks>
/// Cells write to <see cref="Console.Out"/> and resolve relative paths against the current directory, both of
/// which belong to the whole process, so runs in one process take turns.
/// </remarks>
public sealed partial class NotebookRunner
{
    /// <summary>Cells with this tag run in a .NET Interactive kernel only (e.g. the one that adds the local package
    /// folder with the kernel's API); the runner leaves them unexecuted: it has no <c>Kernel.Root</c> to send them to,
    /// and resolves <c>#r "nuget: …"</c> from the <see cref="LocalPackagesFolder"/> itself.</summary>
    public const string KernelOnlyTag = "kernel-only";

    /// <summary>The folder beside a notebook searched for <c>.nupkg</c> files (the build packs the library there), as
    /// the kernel-only cell adds it to the kernel's package sources.</summary>
    public const string LocalPackagesFolder = ".packages";

    /// <summary>Console and the current directory are process-wide; this makes concurrent runs take turns.</summary>
    private static readonly SemaphoreSlim ProcessWideTurn = new(1, 1);

    /// <summary>The namespaces the .NET Interactive C# kernel (1.0.712001) imports before the first cell, no more and no
    /// fewer, so a cell that compiles here compiles there (System.IO, for one, needs its own <c>using</c> in both).</summary>
    public static readonly ImmutableArray<string> KernelImports = ["System", "System.Collections", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks"];

    private readonly NotebookRunOptions _options;

    /// <summary>Creates a runner.</summary>
    public NotebookRunner(NotebookRunOptions? options = null)
    {
        _options = options ?? new NotebookRunOptions();
        _options.Validate();
    }

    /// <summary>Reads and runs a notebook file.</summary>
    /// <exception cref="NotebookFormatException">The file cannot be read as a notebook.</exception>
    /// <exception cref="NotebookInputException">A parameter or directive problem; nothing was executed.</exception>
    public Task<RunResult> RunFileAsync(string notebookPath, CancellationToken cancellationToken = default) =>
        RunAsync(NotebookFile.Read(notebookPath), notebookPath, cancellationToken);

    /// <summary>Runs a document; <paramref name="notebookPath"/> is where it came from (relative <c>#r</c> paths and,
    /// by default, the working directory are taken from its folder).</summary>
    /// <exception cref="NotebookInputException">A parameter or directive problem; nothing was executed.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<RunResult> RunAsync(NotebookDocument notebook, string notebookPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(notebookPath);
        var clock = Stopwatch.StartNew();
        var folder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        var (cells, parameters) = ApplyParameters(notebook.Cells);
        var nuget = new NuGetCache(_options.NuGetPackagesFolder ?? NuGetCache.DefaultRoot(), [Path.Combine(folder, LocalPackagesFolder)]);
        var prepared = new Dictionary<int, CellDirectives>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Kind != CellKind.Code)
            {
                continue;
            }

            if (_options.Engine == NotebookEngine.Kernel)
            {
                // The kernel resolves #r and magic commands itself and reports their errors in the cell.
                if (cells[i].Language is { } kernelLanguage && !IsCSharp(kernelLanguage))
                {
                    throw new NotebookInputException($"the cell is in '{kernelLanguage}'; pipeline run runs C# cells only", i + 1);
                }

                continue;
            }

            if (cells[i].HasTag(KernelOnlyTag))
            {
                continue;
            }

            if (cells[i].Language is { } language && !IsCSharp(language))
            {
                throw new NotebookInputException($"the cell is in '{language}'; the headless runner runs C# cells only", i + 1);
            }

            prepared[i] = CellDirectives.Resolve(cells[i].Source, i + 1, folder, nuget);
        }

        await ProcessWideTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var failure = _options.Engine == NotebookEngine.Kernel
                ? await ExecuteInKernelAsync(cells, folder, cancellationToken).ConfigureAwait(false)
                : await ExecuteAsync(cells, prepared, folder, cancellationToken).ConfigureAwait(false);
            return new RunResult(notebook with { Cells = cells }, failure, parameters, clock.Elapsed);
        }
        finally
        {
            ProcessWideTurn.Release();
        }
    }

    private async Task<CellFailure?> ExecuteAsync(List<NotebookCell> cells, Dictionary<int, CellDirectives> prepared, string folder, CancellationToken ct)
    {
        using var probe = new AssemblyProbe();
        var loader = new InteractiveAssemblyLoader();
        var references = new Dictionary<string, MetadataReference>(StringComparer.Ordinal);
        foreach (var (index, directives) in prepared.OrderBy(p => p.Key))
        {
            foreach (var dll in directives.References)
            {
                loader.RegisterDependency(probe.Load(dll, index + 1));
            }
        }

        var options = ScriptOptions.Default
            .AddReferences(typeof(object).Assembly, typeof(Enumerable).Assembly, typeof(List<>).Assembly, typeof(Console).Assembly, typeof(File).Assembly, typeof(Regex).Assembly)
            .WithImports(KernelImports)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8);
        var formatter = new ValueFormatter();
        CellCapture? current = null;
        var globals = new NotebookGlobals(v => current?.Display(v));
        ScriptState<object>? state = null;
        CellFailure? failure = null;
        var count = 0;

        var stdout = Console.Out;
        var stderr = Console.Error;
        var cwd = Environment.CurrentDirectory;
        Environment.CurrentDirectory = _options.WorkingDirectory is { } wd ? Path.GetFullPath(wd) : folder;
        try
        {
            for (var i = 0; i < cells.Count; i++)
            {
                var cell = cells[i];
                if (cell.Kind != CellKind.Code)
                {
                    continue;
                }

                if (failure is not null || cell.HasTag(KernelOnlyTag))
                {
                    cells[i] = cell with { ExecutionCount = null, Outputs = [] };
                    continue;
                }

                var directives = prepared[i];
                foreach (var dll in directives.References)
                {
                    references.TryAdd(dll, MetadataReference.CreateFromFile(dll));
                }

                count++;
                _options.Progress?.Invoke($"cell {(i + 1).ToString(CultureInfo.InvariantCulture)} (code cell {count.ToString(CultureInfo.InvariantCulture)} of {prepared.Count.ToString(CultureInfo.InvariantCulture)})");
                var capture = new CellCapture(i + 1, formatter);
                current = capture;
                var cellOptions = options.AddReferences(references.Values).WithFilePath(CellFile(i + 1));
                Console.SetOut(capture.Out);
                Console.SetError(capture.Error);
                Task<ScriptState<object>>? run = null;
                try
                {
                    var previous = state;
                    run = Task.Run(
                        () => previous is null
                            ? CSharpScript.Create(directives.Code, cellOptions, typeof(NotebookGlobals), loader).RunAsync(globals, ct)
                            : previous.ContinueWithAsync(directives.Code, cellOptions, ct),
                        ct);
                    state = await (_options.CellTimeout is { } limit ? run.WaitAsync(limit, ct) : run.WaitAsync(ct)).ConfigureAwait(false);
                    capture.Result(state.ReturnValue, count);
                }
                catch (CompilationErrorException ex)
                {
                    (failure, var error) = CompileFailure(ex, cell, i + 1);
                    capture.Fail(error);
                }
                catch (TimeoutException) when (run is { IsCompleted: false } && _options.CellTimeout is { } limit)
                {
                    var seconds = limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
                    var message = $"the cell did not finish within {seconds} s (raise it with --timeout)";
                    failure = new CellFailure(i + 1, cell.Id!, null, nameof(TimeoutException), message);
                    capture.Fail(new ErrorOutput(nameof(TimeoutException), message, [$"{nameof(TimeoutException)}: {message}", $"   at cell {i + 1}"]));
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    (failure, var error) = RuntimeFailure(Unwrap(ex), cell, i + 1);
                    capture.Fail(error);
                }
                finally
                {
                    Console.SetOut(stdout);
                    Console.SetError(stderr);
                    current = null;
                }

                cells[i] = cell with { ExecutionCount = count, Outputs = capture.Outputs };
            }
        }
        finally
        {
            Environment.CurrentDirectory = cwd;
        }

        return failure;
    }

    private async Task<CellFailure?> ExecuteInKernelAsync(List<NotebookCell> cells, string folder, CancellationToken ct)
    {
        var total = cells.Count(c => c.Kind == CellKind.Code);
        var dll = KernelSession.FindKernel(folder, _options.NuGetPackagesFolder ?? NuGetCache.DefaultRoot());
        await using var kernel = KernelSession.Start(dll, _options.WorkingDirectory is { } wd ? Path.GetFullPath(wd) : folder);
        CellFailure? failure = null;
        var count = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            if (cell.Kind != CellKind.Code)
            {
                continue;
            }

            if (failure is not null)
            {
                cells[i] = cell with { ExecutionCount = null, Outputs = [] };
                continue;
            }

            count++;
            _options.Progress?.Invoke($"cell {(i + 1).ToString(CultureInfo.InvariantCulture)} (code cell {count.ToString(CultureInfo.InvariantCulture)} of {total.ToString(CultureInfo.InvariantCulture)})");
            var run = kernel.SubmitAsync(cell.Source, count, ct);
            try
            {
                var (outputs, error, line) = await (_options.CellTimeout is { } limit ? run.WaitAsync(limit, ct) : run.WaitAsync(ct)).ConfigureAwait(false);
                if (error is not null)
                {
                    failure = new CellFailure(i + 1, cell.Id!, line, error.EName, error.EValue);
                }

                cells[i] = cell with { ExecutionCount = count, Outputs = outputs };
            }
            catch (TimeoutException) when (_options.CellTimeout is { } limit)
            {
                // The kernel is killed when the session is disposed, which stops the cell.
                var seconds = limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
                var message = $"the cell did not finish within {seconds} s (raise it with --timeout)";
                failure = new CellFailure(i + 1, cell.Id!, null, nameof(TimeoutException), message);
                cells[i] = cell with { ExecutionCount = count, Outputs = [new ErrorOutput(nameof(TimeoutException), message, [$"{nameof(TimeoutException)}: {message}", $"   at cell {i + 1}"])] };
            }
        }

        return failure;
    }

    /// <summary>Parameters applied, injected cell inserted, every cell given a stable id.</summary>
    private (List<NotebookCell> Cells, IReadOnlyList<NotebookParameter> Parameters) ApplyParameters(IReadOnlyList<NotebookCell> input)
    {
        var cells = input.ToList();
        var parametersIndex = cells.FindIndex(c => c.Kind == CellKind.Code && c.HasTag(ParameterCell.ParametersTag));
        var defaults = parametersIndex >= 0 ? ParameterCell.Parse(cells[parametersIndex].Source) : [];
        IReadOnlyList<NotebookParameter> effective;
        if (_options.Parameters.Count > 0)
        {
            effective = ParameterCell.Override(defaults, _options.Parameters, parametersIndex >= 0);
            var parametersCell = cells[parametersIndex];
            cells.RemoveAll(c => c.HasTag(ParameterCell.InjectedTag));
            parametersIndex = cells.IndexOf(parametersCell);
            var overridden = _options.Parameters.Select(p => p.Key).Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
            var metadata = new JsonObject { ["tags"] = new JsonArray(JsonValue.Create(ParameterCell.InjectedTag)) };
            foreach (var key in new[] { "dotnet_interactive", "polyglot_notebook" })
            {
                if (parametersCell.Metadata[key] is { } value)
                {
                    metadata[key] = value.DeepClone();
                }
            }

            cells.Insert(parametersIndex + 1, new NotebookCell
            {
                Kind = CellKind.Code,
                Id = ParameterCell.InjectedTag,
                Source = ParameterCell.InjectedSource(effective.Where(p => overridden.Contains(p.Name))),
                Metadata = metadata,
            });
        }
        else
        {
            // An injected-parameters cell already in the file still runs, so its values are the effective ones.
            var injected = cells.FirstOrDefault(c => c.Kind == CellKind.Code && c.HasTag(ParameterCell.InjectedTag));
            var set = injected is null ? [] : ParameterCell.Parse(injected.Source).ToDictionary(p => p.Name, StringComparer.Ordinal);
            effective = defaults.Select(d => set.TryGetValue(d.Name, out var p) ? p with { DeclaredType = d.DeclaredType } : d).ToList();
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Count; i++)
        {
            cells[i] = cells[i] with { Id = IpynbWriter.StableId(cells[i], i, ids) };
        }

        return (cells, effective);
    }

    private static (CellFailure, ErrorOutput) CompileFailure(CompilationErrorException ex, NotebookCell cell, int cellNumber)
    {
        var errors = ex.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count == 0)
        {
            errors = [.. ex.Diagnostics];
        }

        string Describe(Diagnostic d)
        {
            var position = d.Location.GetMappedLineSpan().StartLinePosition;
            return $"cell {cellNumber}, line {position.Line + 1}, column {position.Character + 1}: error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}";
        }

        var first = errors.FirstOrDefault();
        int? line = first is null ? null : first.Location.GetMappedLineSpan().StartLinePosition.Line + 1;
        var message = first is null ? ex.Message : $"{first.Id}: {first.GetMessage(CultureInfo.InvariantCulture)}";
        const string type = "CompilationError";
        return (new CellFailure(cellNumber, cell.Id!, line, type, message), new ErrorOutput(type, message, errors.Select(Describe).ToList()));
    }

    private static (CellFailure, ErrorOutput) RuntimeFailure(Exception ex, NotebookCell cell, int cellNumber)
    {
        var type = ex.GetType().FullName ?? ex.GetType().Name;
        var traceback = new List<string> { $"{type}: {ex.Message}" };
        int? line = null;
        foreach (var frame in new StackTrace(ex, fNeedFileInfo: true).GetFrames())
        {
            var file = frame.GetFileName();
            var m = file is null ? null : CellFilePattern().Match(file);
            if (m is { Success: true })
            {
                var frameLine = frame.GetFileLineNumber();
                traceback.Add($"   at cell {m.Groups[1].Value}{(frameLine > 0 ? $", line {frameLine.ToString(CultureInfo.InvariantCulture)}" : "")}");
                if (m.Groups[1].Value == cellNumber.ToString(CultureInfo.InvariantCulture) && frameLine > 0)
                {
                    line = frameLine;
                }

                break;
            }

            // Method names only: file paths would differ between machines and make the notebook's bytes differ.
            if (frame.GetMethod() is MethodBase method)
            {
                traceback.Add($"   at {method.DeclaringType?.FullName}.{method.Name}");
            }
        }

        if (!traceback.Any(t => t.StartsWith("   at cell", StringComparison.Ordinal)))
        {
            traceback.Add($"   at cell {cellNumber}");
        }

        return (new CellFailure(cellNumber, cell.Id!, line, type, ex.Message), new ErrorOutput(type, ex.Message, traceback));
    }

    private static Exception Unwrap(Exception ex) => ex switch
    {
        AggregateException { InnerExceptions.Count: 1 } a => Unwrap(a.InnerExceptions[0]),
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => ex,
    };

    private static bool IsCSharp(string language) =>
        language.Equals("csharp", StringComparison.OrdinalIgnoreCase) || language.Equals("c#", StringComparison.OrdinalIgnoreCase) || language.Equals("cs", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file name a cell's code is compiled under; stack frames in it name the cell.</summary>
    private static string CellFile(int cellNumber) => $"notebook-cell-{cellNumber.ToString(CultureInfo.InvariantCulture)}";

    [GeneratedRegex("^notebook-cell-([0-9]+)$")]
    private static partial Regex CellFilePattern();
}
