using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Pipeline.Articles;
using Pipeline.Events;
using Pipeline.Fetch;
using Pipeline.Notebooks;

namespace Pipeline.Cli;

/// <summary>
/// The <c>pipeline</c> command: parses arguments and calls the library. Exit codes: 0 ok, 1 input error (a run
/// that cannot start or finish: a missing or bad file, an unknown article), 2 usage error (an unknown option or
/// command, a missing argument: one line on stderr and the hint to run <c>--help</c>), 3 <c>verify</c>: not
/// reproduced, 4 <c>run</c>: a notebook cell failed.
/// </summary>
public static class CliApp
{
    /// <summary>The command's name, in usage, errors and the installed tool (<c>ToolCommandName</c>).</summary>
    public const string Name = "pipeline";

    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for an input error: the command was understood but cannot run (a missing or bad input, an unwritable output).</summary>
    public const int InputError = 1;

    /// <summary>Exit code for a usage error: an unknown option or command, a missing or malformed argument.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code of <c>pipeline verify</c> when a re-run does not reproduce the recorded outputs (or an input changed).</summary>
    public const int NotReproduced = 3;

    /// <summary>Exit code for a notebook cell that failed (<c>pipeline run</c>).</summary>
    public const int CellFailed = 4;

    /// <summary>Runs the command line with the given writers (tests pass string writers).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = Build(stdout, stderr, out var verbose);
        var parse = root.Parse(RunCommand.JoinParameterPairs(args));
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction or null)
        {
            stderr.WriteLine(UsageMessage(parse));
            return UsageError;
        }

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

    /// <summary>The command tree (the root is named <see cref="Name"/>, whatever the executable is called).</summary>
    internal static Command Build(TextWriter stdout, TextWriter stderr) => Build(stdout, stderr, out _);

    private static Command Build(TextWriter stdout, TextWriter stderr, out Option<bool> verbose)
    {
        verbose = new Option<bool>("--verbose") { Description = "Show stack traces on errors", Recursive = true };
        var help = new HelpOption { Recursive = true };
        help.Action = new HelpWithExamples((HelpAction)help.Action!);
        var root = new Command(Name, "Pipeline: set an op-ed's dated claims against ACLED / UCDP conflict-event data.")
        {
            help,
            new VersionOption(),
            verbose,
        };
        root.Subcommands.Add(InspectCommand.Create(stdout, stderr));
        root.Subcommands.Add(SynthCommand.Create(stdout));
        root.Subcommands.Add(ReportCommand.Create(stdout, stderr));
        root.Subcommands.Add(RunCommand.Create(stdout, stderr));
        root.Subcommands.Add(VerifyCommand.Create(stdout, stderr));
        root.Subcommands.Add(FetchCommand.Create(stdout, stderr));
        root.Subcommands.Add(BenchCommand.Create(stdout, stderr));
        root.Subcommands.Add(MentionsCommand.Create(stdout, stderr));
        return root;
    }

    /// <summary>
    /// A usage error as one line: what is wrong (with a close match when a name is misspelled) and where the help is,
    /// e.g. <c>error: unknown option '--out-dir' for 'pipeline report' (did you mean '--out'?). Run 'pipeline report --help'.</c>
    /// </summary>
    internal static string UsageMessage(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var path = CliExamples.PathOf(command);
        string problem;
        if (parse.UnmatchedTokens.FirstOrDefault() is { } token)
        {
            var optionLike = token.StartsWith('-');
            var candidates = optionLike
                ? command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options).Where(o => o.Recursive))
                    .Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))
                : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
            var suggestion = Closest(token, candidates.ToList());
            problem = (optionLike ? $"unknown option '{token}' for '{path}'"
                    : command.Subcommands.Count > 0 ? $"unknown command '{token}' for '{path}'"
                    : $"unexpected argument '{token}' for '{path}'")
                + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)");
        }
        else
        {
            // System.CommandLine lists allowed values on lines of their own; one line keeps the error one line.
            var first = string.Join(' ', parse.Errors[0].Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
            problem = command.Subcommands.Count > 0 && first.StartsWith("Required command", StringComparison.Ordinal)
                ? $"'{path}' needs a command: {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}"
                : $"{path}: {first}";
        }

        return $"error: {problem}. Run '{path} --help'.";
    }

    /// <summary>The candidate closest to <paramref name="token"/> (at most 2 edits away, or a prefix of it like <c>--out</c> of <c>--out-dir</c>), or null.</summary>
    internal static string? Closest(string token, IReadOnlyList<string> candidates)
    {
        var best = candidates
            .Select(c => (Name: c, Distance: Distance(token, c)))
            .Where(c => c.Distance <= Math.Max(1, Math.Min(2, c.Name.Length / 3)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
        return best ?? candidates
            .Where(c => c.Length >= 3 && c.TrimStart('-').Length >= 2 && token.StartsWith(c + "-", StringComparison.Ordinal))
            .OrderByDescending(c => c.Length)
            .FirstOrDefault();
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }

    /// <summary>For people reading a manifest: the command line as parsed (<c>pipeline</c> and its tokens, quoted where needed).
    /// An absolute path among them is shown relative to the current folder (<see cref="Recorded"/>), so a manifest records no home folder.</summary>
    internal static string CommandLine(ParseResult parse) =>
        string.Join(' ', new[] { Name }.Concat(parse.Tokens.Select(t => Quote(Recorded(t.Value)))));

    /// <summary>
    /// A path as the tool records it (in the report, the manifest, papermill's metadata): as given when relative, and
    /// relative to the current folder when absolute, so nothing written names the user's home folder and the
    /// recorded paths still resolve when the tree is copied elsewhere.
    /// </summary>
    internal static string Recorded(string path) =>
        path.Length > 1 && Path.IsPathRooted(path) ? Path.GetRelativePath(Environment.CurrentDirectory, path).Replace('\\', '/') : path;

    internal static string Quote(string token) =>
        token.Length > 0 && !token.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '$' or '`') ? token : "'" + token.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>System.CommandLine's help, then the command's <see cref="CliExamples"/>.</summary>
    private sealed class HelpWithExamples(HelpAction inner) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var code = inner.Invoke(parseResult);
            CliExamples.Write(parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output);
            return code;
        }
    }
}
