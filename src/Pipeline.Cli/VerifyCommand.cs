using System.CommandLine;
using Pipeline.Reports;

namespace Pipeline.Cli;

/// <summary>
/// <c>pipeline verify MANIFEST</c>: re-runs what the manifest records into a temporary folder and compares
/// every output byte for byte. Exit 0 when all match; 3 (not reproduced) with a table of what differs; 1 (cannot
/// run) when an input is missing or the re-run cannot start, with a message naming the file and the folder the
/// manifest's paths are relative to. Paths are read relative to the manifest's folder, never the current one.
/// </summary>
internal static class VerifyCommand
{
    /// <summary>Exit code when the re-run does not reproduce the recorded outputs: <see cref="CliApp.NotReproduced"/>.</summary>
    public const int Mismatch = CliApp.NotReproduced;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var manifest = new Argument<string>("manifest") { Description = "manifest.json written by report or run" };
        var command = new Command("verify", "Re-run the inputs a manifest records (paths relative to its folder) and compare every output byte for byte (exit 3 on any difference, 1 when an input is missing)") { manifest };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(manifest)!;
            if (!File.Exists(path))
            {
                throw new ArgumentException($"manifest not found: {path} (looked for at {Path.GetFullPath(path)})");
            }

            var work = Directory.CreateTempSubdirectory("pipeline-verify-");
            try
            {
                var result = Verification.Verify(path, Rerun, work.FullName);
                foreach (var row in result.Rows)
                {
                    stdout.WriteLine($"{Label(row.Check),-15} {row.Kind,-6} {row.Path}  {row.Detail}");
                }

                var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
                if (result.MissingInputs is [var first, ..] missing)
                {
                    stderr.WriteLine($"error: cannot verify {path}: {(missing.Count == 1 ? "its input" : $"{missing.Count} inputs, first")} {first.Path} not found at {Path.GetFullPath(Path.Combine(folder, first.Path))}. "
                        + $"The manifest records its inputs relative to its own folder ({folder}), whatever the current folder; put them back there (copy the repository together with the output folder), then verify again. Nothing was re-run");
                    return CliApp.InputError;
                }

                var inputsChanged = result.Rows.Any(r => r.Kind == "input" && r.Check == FileCheck.Mismatch);
                if (result.RerunExitCode == CliApp.InputError && !inputsChanged)
                {
                    stderr.WriteLine($"error: cannot verify {path}: the re-run could not start: {result.RerunMessage} (paths are read relative to the manifest's folder, {folder})");
                    return CliApp.InputError;
                }

                if (result.RerunMessage is not null)
                {
                    stderr.WriteLine($"re-run failed (exit {result.RerunExitCode}): {result.RerunMessage}");
                }

                var outputs = result.Rows.Count(r => r.Kind == "output" && r.Check != FileCheck.Skipped);
                if (result.Success)
                {
                    stdout.WriteLine($"all {outputs} outputs match");
                    return CliApp.Ok;
                }

                stdout.WriteLine($"{result.Rows.Count(r => r.Check is not (FileCheck.Match or FileCheck.Skipped))} of {result.Rows.Count} files differ or are missing; {result.Matched} of {outputs} outputs match");
                return Mismatch;
            }
            finally
            {
                work.Delete(recursive: true);
            }
        });
        return command;
    }

    /// <summary>Re-runs a manifest's recorded inputs (data, not a command line): reports in the library, notebook runs as <c>run</c> does.</summary>
    private static (int Code, string Error) Rerun(ReplayRequest request)
    {
        if (request.Manifest.Notebook is not { } notebook)
        {
            return ReportReplay.Rerun(request);
        }

        var output = new StringWriter();
        var error = new StringWriter();
        try
        {
            var run = RunCommand.FromManifest(notebook, request.ManifestFolder, request.OutDir);
            var code = RunCommand.ExecuteAsync(run, output, error, CancellationToken.None).GetAwaiter().GetResult();
            return (code, error.ToString());
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or Notebooks.NotebookInputException or Notebooks.NotebookFormatException)
        {
            return (CliApp.InputError, CliFlags.Message(ex));
        }
    }

    private static string Label(FileCheck check) => check switch
    {
        FileCheck.Match => "match",
        FileCheck.Mismatch => "MISMATCH",
        FileCheck.MissingInput => "MISSING INPUT",
        FileCheck.MissingOutput => "MISSING OUTPUT",
        _ => "skipped",
    };
}
