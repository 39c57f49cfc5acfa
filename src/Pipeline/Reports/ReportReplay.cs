namespace Pipeline.Reports;

/// <summary>What <see cref="Verification.Verify"/> asks a replay to do: re-run <see cref="Manifest"/>'s inputs into <see cref="OutDir"/>.</summary>
/// <param name="Manifest">The manifest read.</param>
/// <param name="ManifestFolder">The folder the manifest sits in (its recorded paths are relative to it), absolute.</param>
/// <param name="OutDir">The fresh folder the re-run writes into.</param>
public sealed record ReplayRequest(Manifest Manifest, string ManifestFolder, string OutDir);

/// <summary>
/// Re-runs a report from the inputs its manifest records as data (<see cref="ManifestReport"/>), inside the
/// library: for notebooks (which have no command line) and for <see cref="Verification"/>. Nothing here reads a
/// command line.
/// </summary>
public static class ReportReplay
{
    /// <summary>The report inputs a manifest records, with relative paths read from beside the manifest.</summary>
    /// <exception cref="ParameterException">The manifest records a notebook run, not a report, or a value no version writes.</exception>
    public static ReportInputs Inputs(Manifest manifest, string manifestFolder) =>
        (manifest.Report ?? throw new ParameterException("the manifest records a notebook run, not a report; only a report's inputs replay as a report", "Manifest.Report"))
        .ToInputs(manifestFolder);

    /// <summary>A re-run callback for <see cref="Verification.Verify"/> that replays report manifests in-process (without PNGs).</summary>
    public static (int Code, string Error) Rerun(ReplayRequest request)
    {
        try
        {
            var analysis = ReportAnalysis.Run(Inputs(request.Manifest, request.ManifestFolder));
            ReportWriter.WriteAsync(analysis, request.OutDir, null).GetAwaiter().GetResult();
            return (0, "");
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or Events.EventFileException or Articles.ArticleCatalogException)
        {
            return (1, ex.Message);
        }
    }
}
