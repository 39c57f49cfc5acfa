using System.CommandLine;
using Pipeline.Reports;

namespace Pipeline.Cli;

/// <summary>
/// <c>pipeline verify MANIFEST</c>: re-runs what the manifest records into a temporary folder and compares
/// every output byte for byte. Exit 0 when all match, 3 with a table of what differs.
/// </summary>
internal static class VerifyCommand
{
    public const int Mismatch = 3;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var manifest = new Argument<string>("manifest") { Description = "manifest.json written by report or run" };
        var command = new Command("verify", "Re-run the inputs a manifest records and compare every output byte for byte (exit 3 on any difference)") { manifest };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(manifest)!;
            if (!File.Exists(path))
            {
                throw new ArgumentException($"manifest not found: {path}");
            }

            var work = Directory.CreateTempSubdirectory("pipeline-verify-");
            try
            {
                var result = Verification.Verify(path, Rerun, work.FullName);
                foreach (var row in result.Rows)
                {
                    stdout.WriteLine($"{Label(row.Check),-15} {row.Kind,-6} {row.Path}  {row.Detail}");
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
