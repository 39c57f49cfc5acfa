using System.CommandLine;
using Pipeline.Articles;
using Pipeline.Events;
using Pipeline.Fetch;
using Pipeline.Notebooks;

namespace Pipeline.Cli;

/// <summary>
/// The <c>pipeline</c> command: parses arguments and calls the library. Exit codes: 0 ok, 1 usage or input
/// error, 2 notebook cell failed, 3 verification mismatch.
/// </summary>
public static class CliApp
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for a usage or input error.</summary>
    public const int InputError = 1;

    /// <summary>Exit code for a notebook cell that failed (<c>pipeline run</c>).</summary>
    public const int CellFailed = 2;

    /// <summary>Runs the command line with the given writers (tests pass string writers).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var verbose = new Option<bool>("--verbose") { Description = "Show stack traces on errors", Recursive = true };
        var root = new RootCommand("Pipeline: set an op-ed's dated claims against ACLED / UCDP conflict-event data.");
        root.Options.Add(verbose);
        root.Subcommands.Add(InspectCommand.Create(stdout, stderr));
        root.Subcommands.Add(SynthCommand.Create(stdout));
        root.Subcommands.Add(ReportCommand.Create(stdout, stderr));
        root.Subcommands.Add(RunCommand.Create(stdout, stderr));
        root.Subcommands.Add(VerifyCommand.Create(stdout, stderr));
        root.Subcommands.Add(FetchCommand.Create(stdout, stderr));
        root.Subcommands.Add(BenchCommand.Create(stdout, stderr));
        root.Subcommands.Add(MentionsCommand.Create(stdout, stderr));

        var parse = root.Parse(RunCommand.JoinParameterPairs(args));
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is EventFileException or Articles.Suggest.ArticleTextException or RowRejectedException or ArticleCatalogException or FetchException or NotebookInputException or NotebookFormatException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            stderr.WriteLine($"error: {CliFlags.Message(ex)}");
            if (parse.GetValue(verbose))
            {
                stderr.WriteLine(ex);
            }

            return InputError;
        }
    }

    /// <summary>For people reading a manifest: the command line as parsed (<c>pipeline</c> and its tokens, quoted where needed).</summary>
    internal static string CommandLine(ParseResult parse) =>
        string.Join(' ', new[] { "pipeline" }.Concat(parse.Tokens.Select(t => Quote(t.Value))));

    internal static string Quote(string token) =>
        token.Length > 0 && !token.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '$' or '`') ? token : "'" + token.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
