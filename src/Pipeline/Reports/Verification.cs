namespace Pipeline.Reports;

/// <summary>How one file compared in a verification.</summary>
public enum FileCheck
{
    /// <summary>Same bytes.</summary>
    Match,

    /// <summary>Different bytes.</summary>
    Mismatch,

    /// <summary>An input the manifest names is gone.</summary>
    MissingInput,

    /// <summary>An output the manifest names was not produced by the re-run.</summary>
    MissingOutput,

    /// <summary>Not compared, with the reason (e.g. PNGs depend on the renderer).</summary>
    Skipped,
}

/// <summary>One row of a verification table.</summary>
/// <param name="Kind">"input" or "output".</param>
/// <param name="Path">The path as the manifest records it.</param>
/// <param name="Check">The outcome.</param>
/// <param name="Detail">Expected vs actual hash prefix, or why it was skipped.</param>
public sealed record VerificationRow(string Kind, string Path, FileCheck Check, string Detail);

/// <summary>The outcome of re-running a manifest.</summary>
/// <param name="Rows">Every input and output, in manifest order.</param>
/// <param name="RerunExitCode">Exit code of the re-run (0 when it succeeded).</param>
/// <param name="RerunMessage">What the re-run printed on error, if it failed.</param>
public sealed record VerificationResult(IReadOnlyList<VerificationRow> Rows, int RerunExitCode, string? RerunMessage)
{
    /// <summary>All inputs present and unchanged, the re-run succeeded, and every compared output matches.</summary>
    public bool Success => RerunExitCode == 0 && Rows.All(r => r.Check is FileCheck.Match or FileCheck.Skipped);

    /// <summary>
    /// Inputs the manifest names that are not where it says (relative to its folder): the check could not run, which is
    /// not the same as a run that did not reproduce. The re-run is not attempted then.
    /// </summary>
    public IReadOnlyList<VerificationRow> MissingInputs => Rows.Where(r => r.Check == FileCheck.MissingInput).ToList();

    /// <summary>Outputs compared and equal.</summary>
    public int Matched => Rows.Count(r => r.Kind == "output" && r.Check == FileCheck.Match);
}

/// <summary>
/// Re-runs what a manifest records into a fresh folder and compares every output byte for byte (by
/// SHA-256), after checking that every input is still there and unchanged and that the outputs shipped
/// beside the manifest are still what it describes (when an input is missing nothing is re-run). The re-run is a callback given the manifest's recorded
/// inputs (data, never a command line): <see cref="ReportReplay.Rerun"/> replays reports; a front end adds notebook runs.
/// </summary>
public static class Verification
{
    /// <summary>Verifies <paramref name="manifestPath"/>.</summary>
    /// <param name="manifestPath">The manifest written by <c>report</c> or <c>run</c>.</param>
    /// <param name="rerun">Re-runs the manifest's recorded inputs into the request's folder; returns the exit code and any error text.</param>
    /// <param name="workFolder">Where the re-run writes (created; deleted by the caller).</param>
    /// <exception cref="ManifestFormatException">The manifest cannot be read, was written by an older version (the message says how to regenerate it), or records a failed run.</exception>
    public static VerificationResult Verify(string manifestPath, Func<ReplayRequest, (int Code, string Error)> rerun, string workFolder)
    {
        var manifest = Manifest.Read(manifestPath);

        if (manifest.Failure is not null)
        {
            throw new ManifestFormatException(manifestPath, $"records a run that failed ({manifest.Failure}), so there is nothing reproduced to verify; fix the failure and run it again");
        }

        var rows = new List<VerificationRow>();
        var shippedFolder = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        if (OwnedOutputs.HasInterruptedCommit(shippedFolder, Path.GetFileName(manifestPath)))
        {
            // Outputs beside the manifest are a mix of two runs until the next run finishes the commit.
            rows.Add(new VerificationRow("folder", OwnedOutputs.JournalName(Path.GetFileName(manifestPath)), FileCheck.Mismatch,
                "a commit into this folder was interrupted (the run was killed while moving its files into place); run the same command again to finish it, then verify"));
        }

        foreach (var input in manifest.Inputs)
        {
            var onDisk = Path.GetFullPath(Path.Combine(shippedFolder, input.Path));
            if (!File.Exists(onDisk))
            {
                rows.Add(new VerificationRow("input", input.Path, FileCheck.MissingInput, $"not found at {onDisk} (inputs are recorded relative to the manifest's folder; move the manifest's folder and its inputs together)"));
                continue;
            }

            var now = ManifestEntry.Of(onDisk, input.Path);
            rows.Add(now.Sha256 == input.Sha256
                ? new VerificationRow("input", input.Path, FileCheck.Match, Short(input.Sha256))
                : new VerificationRow("input", input.Path, FileCheck.Mismatch, $"expected {Short(input.Sha256)}, now {Short(now.Sha256)} ({now.Size} bytes)"));
        }

        Directory.CreateDirectory(workFolder);
        var outDir = Path.Combine(workFolder, "out");
        var missing = rows.Count(r => r.Check == FileCheck.MissingInput);
        var (code, error) = missing > 0
            ? (1, $"not re-run: {missing} input{(missing == 1 ? " is" : "s are")} missing")
            : rerun(new ReplayRequest(manifest, shippedFolder, outDir));
        var shipped = shippedFolder;
        foreach (var output in manifest.Outputs)
        {
            // The copy beside the manifest must still be what the manifest describes.
            var onDisk = Path.Combine(shipped, output.Path);
            if (!File.Exists(onDisk))
            {
                rows.Add(new VerificationRow("output", output.Path, FileCheck.MissingOutput, "listed in the manifest but no longer beside it (deleted or moved)"));
                continue;
            }

            if (ManifestEntry.Of(onDisk, output.Path).Sha256 is var diskSha && diskSha != output.Sha256)
            {
                rows.Add(new VerificationRow("output", output.Path, FileCheck.Mismatch, $"the file beside the manifest was changed: expected {Short(output.Sha256)}, found {Short(diskSha)}"));
                continue;
            }

            if (output.Path.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            {
                rows.Add(new VerificationRow("output", output.Path, FileCheck.Skipped, "PNG pixels depend on the renderer; not compared"));
                continue;
            }

            var produced = Path.Combine(outDir, output.Path);
            if (!File.Exists(produced))
            {
                rows.Add(new VerificationRow("output", output.Path, FileCheck.MissingOutput, code == 0 ? "the re-run did not write it" : "the re-run failed"));
                continue;
            }

            var now = ManifestEntry.Of(produced, output.Path);
            rows.Add(now.Sha256 == output.Sha256
                ? new VerificationRow("output", output.Path, FileCheck.Match, Short(output.Sha256))
                : new VerificationRow("output", output.Path, FileCheck.Mismatch, $"expected {Short(output.Sha256)} ({output.Size} bytes), re-run {Short(now.Sha256)} ({now.Size} bytes)"));
        }

        return new VerificationResult(rows, code, code == 0 ? null : error.Trim());
    }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
