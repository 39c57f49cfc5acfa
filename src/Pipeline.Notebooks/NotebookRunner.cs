using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Pipeline.Notebooks;

/// <summary>
/// Runs a notebook's code cells in order in the .NET Interactive kernel pinned in the repository's tool manifest
/// (<c>.config/dotnet-tools.json</c>), started as a child process (<see cref="KernelSession"/>) so the cells load
/// exactly what Jupyter's kernel loads, and returns a new executed document; the document and file it came from are
/// never changed. Before the kernel starts, parameters are applied (papermill's conventions), so input mistakes surface
/// as a <see cref="NotebookInputException"/> with nothing executed. A cell that fails (an exception, a compile error,
/// a missing <c>#r</c>) or runs past its time stops the run: its error goes into its outputs and later code cells
/// stay unexecuted.
/// </summary>
public sealed class NotebookRunner
{
    /// <summary>One kernel at a time per process: runs take turns (the machine's cores, not correctness, are the reason).</summary>
    private static readonly SemaphoreSlim ProcessWideTurn = new(1, 1);

    private readonly NotebookRunOptions _options;

    /// <summary>Creates a runner.</summary>
    public NotebookRunner(NotebookRunOptions? options = null)
    {
        _options = options ?? new NotebookRunOptions();
        _options.Validate();
    }

    /// <summary>Reads and runs a notebook file.</summary>
    /// <exception cref="NotebookFormatException">The file cannot be read as a notebook.</exception>
    /// <exception cref="NotebookInputException">A parameter problem, a cell in another language, or no kernel installed; nothing was executed.</exception>
    public Task<RunResult> RunFileAsync(string notebookPath, CancellationToken cancellationToken = default) =>
        RunAsync(NotebookFile.Read(notebookPath), notebookPath, cancellationToken);

    /// <summary>Runs a document; <paramref name="notebookPath"/> is where it came from (by default the kernel's working
    /// directory is its folder, as in Jupyter, and the kernel is the one pinned there or above).</summary>
    /// <exception cref="NotebookInputException">A parameter problem, a cell in another language, or no kernel installed; nothing was executed.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task<RunResult> RunAsync(NotebookDocument notebook, string notebookPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(notebookPath);
        var clock = Stopwatch.StartNew();
        var folder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        var (cells, parameters) = ApplyParameters(notebook.Cells);
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Kind == CellKind.Code && cells[i].Language is { } language && !IsCSharp(language))
            {
                throw new NotebookInputException($"the cell is in '{language}'; pipeline run runs C# cells only", i + 1);
            }
        }

        await ProcessWideTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            string? kernelVersion = null;
            var failure = await ExecuteAsync(cells, folder, v => kernelVersion = v, cancellationToken).ConfigureAwait(false);
            return new RunResult(notebook with { Cells = cells }, failure, parameters, clock.Elapsed) { KernelVersion = kernelVersion };
        }
        finally
        {
            ProcessWideTurn.Release();
        }
    }

    private async Task<CellFailure?> ExecuteAsync(List<NotebookCell> cells, string folder, Action<string> setKernelVersion, CancellationToken ct)
    {
        var total = cells.Count(c => c.Kind == CellKind.Code);
        var (dll, version) = KernelSession.FindKernel(folder, _options.NuGetPackagesFolder ?? KernelSession.DefaultNuGetRoot());
        setKernelVersion(version);
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
                    failure = new CellFailure(i + 1, cell.Id!, line, error.EName, error.EValue) { ExecutionCount = count };
                }

                cells[i] = cell with { ExecutionCount = count, Outputs = outputs };
            }
            catch (TimeoutException) when (_options.CellTimeout is { } limit)
            {
                // The kernel is killed when the session is disposed, which stops the cell.
                var seconds = limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
                var message = $"the cell did not finish within {seconds} s, the cell time limit (NotebookRunOptions.CellTimeout); raise it to give the cell longer";
                failure = new CellFailure(i + 1, cell.Id!, null, nameof(TimeoutException), message) { ExecutionCount = count };
                cells[i] = cell with { ExecutionCount = count, Outputs = [new ErrorOutput(nameof(TimeoutException), message, [$"{nameof(TimeoutException)}: {message}", $"   at {failure.Where}"])] };
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

    private static bool IsCSharp(string language) =>
        language.Equals("csharp", StringComparison.OrdinalIgnoreCase) || language.Equals("c#", StringComparison.OrdinalIgnoreCase) || language.Equals("cs", StringComparison.OrdinalIgnoreCase);
}
