using System.CommandLine;
using System.Text.RegularExpressions;
using Pipeline.Cli;
using Pipeline.Notebooks;

namespace Pipeline.Tests.Cli;

/// <summary>
/// The command as a user meets it: called <c>pipeline</c> in usage and errors, a usage error is one line on stderr
/// with the hint to run <c>--help</c> (exit 2), and <c>--help</c> shows examples that parse.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public class UsageTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Theory]
    [InlineData(new[] { "report", "--out-dir", "x" }, "unknown option '--out-dir' for 'pipeline report' (did you mean '--out'?). Run 'pipeline report --help'.")]
    [InlineData(new[] { "report", "--windo", "3" }, "unknown option '--windo' for 'pipeline report' (did you mean '--window'?). Run 'pipeline report --help'.")]
    [InlineData(new[] { "repot" }, "unknown command 'repot' for 'pipeline' (did you mean 'report'?). Run 'pipeline --help'.")]
    [InlineData(new[] { "mentions", "sugest", "a.txt" }, "unknown command 'sugest' for 'pipeline mentions' (did you mean 'suggest'?). Run 'pipeline mentions --help'.")]
    [InlineData(new[] { "verify" }, "pipeline verify: Required argument missing for command: 'verify'. Run 'pipeline verify --help'.")]
    [InlineData(new[] { "report", "--bin", "yearly" }, "Run 'pipeline report --help'.")]
    [InlineData(new[] { "fetch", "ucdp", "--country", "Libya" }, "Option '--version' is required. Run 'pipeline fetch ucdp --help'.")]
    [InlineData(new string[0], "'pipeline' needs a command: inspect, synth, report, run, verify, fetch, bench, mentions. Run 'pipeline --help'.")]
    public void A_usage_error_is_one_line_on_stderr_with_the_hint_and_exit_2(string[] args, string expected)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(CliApp.UsageError, code);
        Assert.Equal("", output);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.EndsWith(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Pipeline.Cli", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_input_error_is_still_exit_1_not_a_usage_error()
    {
        var (code, _, error) = Run("inspect", "no/such/file.csv");
        Assert.Equal(CliApp.InputError, code);
        Assert.Single(Lines(error));
    }

    [Fact]
    public void Usage_and_help_name_the_command_pipeline()
    {
        var root = Run("--help");
        Assert.Equal(0, root.Code);
        Assert.Contains("Usage:\n  pipeline [command] [options]", root.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var report = Run("report", "--help");
        Assert.Contains("Usage:\n  pipeline report [options]", report.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("Pipeline.Cli", root.Out + report.Out, StringComparison.Ordinal);
    }

    /// <summary>Every command in the tree, as <c>pipeline …</c> paths.</summary>
    private static IEnumerable<Command> Commands(Command c) => c.Subcommands.SelectMany(Commands).Prepend(c);

    /// <summary>The examples <c>--help</c> prints for the command at <paramref name="path"/>: the lines under <c>Examples:</c> that start with <c>pipeline </c>.</summary>
    private static List<string> ExamplesInHelp(string path)
    {
        var args = path.Split(' ').Skip(1).Append("--help").ToArray();
        var (code, output, error) = Run(args);
        Assert.True(code == 0, error);
        var text = output.ReplaceLineEndings("\n");
        var at = text.IndexOf("\nExamples:\n", StringComparison.Ordinal);
        Assert.True(at >= 0, $"{path} --help has no Examples section:\n{text}");
        return text[at..].Split('\n').Where(l => l.StartsWith("  pipeline ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
    }

    [Fact]
    public void Help_of_every_command_shows_two_or_three_examples_that_parse_with_the_real_parser()
    {
        var root = CliApp.Build(TextWriter.Null, TextWriter.Null);
        var paths = Commands(root).Select(CliExamples.PathOf).ToList();
        Assert.Contains("pipeline mentions suggest", paths);
        foreach (var path in paths)
        {
            var examples = ExamplesInHelp(path);
            Assert.InRange(examples.Count, 2, 3);
            foreach (var example in examples)
            {
                var tokens = CliExamples.Split(example);
                Assert.Equal("pipeline", tokens[0]);
                var parse = CliApp.Build(TextWriter.Null, TextWriter.Null).Parse(tokens.Skip(1).ToList());
                Assert.True(parse.Errors.Count == 0, $"{path}: '{example}' does not parse: {string.Join("; ", parse.Errors.Select(e => e.Message))}");

                // An example of a command shows that command (or one of its subcommands), not another.
                Assert.StartsWith(path, CliExamples.PathOf(parse.CommandResult.Command), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Closest_suggests_a_near_name_or_the_option_a_longer_spelling_starts_with_and_nothing_for_a_far_one()
    {
        string[] options = ["--out", "--window", "--no-png", "--events"];
        Assert.Equal("--window", CliApp.Closest("--widnow", options));
        Assert.Equal("--out", CliApp.Closest("--out-dir", options));
        Assert.Equal("--events", CliApp.Closest("--event", options));
        Assert.Null(CliApp.Closest("--colour", options));
    }

    [Fact]
    public void Readme_exit_code_table_lists_every_code_the_command_returns()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        foreach (var (code, words) in new[] { (CliApp.Ok, "ok"), (CliApp.InputError, "cannot run"), (CliApp.UsageError, "usage error"), (CliApp.NotReproduced, "not reproduced"), (CliApp.CellFailed, "notebook cell failed") })
        {
            Assert.Matches(new Regex($@"^\| `{code}` \| [^|\n]*{Regex.Escape(words)}", RegexOptions.Multiline), readme);
        }

        Assert.Equal(CliApp.NotReproduced, VerifyCommand.Mismatch);
    }

    [Fact]
    public void A_cell_failure_is_named_as_the_executed_notebook_and_its_html_show_the_cell()
    {
        var failure = new CellFailure(7, "cell-abc", 3, "System.DivideByZeroException", "Attempted to divide by zero.") { ExecutionCount = 6 };
        Assert.Equal("In [6], line 3: System.DivideByZeroException: Attempted to divide by zero.", failure.ToString());
        Assert.Equal("cell 7: X: y", new CellFailure(7, "c", null, "X", "y").ToString()); // no count: the position
    }
}
