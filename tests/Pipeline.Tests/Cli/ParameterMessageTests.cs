using Pipeline.Tests.Support;
using System.Text.RegularExpressions;
using Pipeline.Cli;
using Pipeline.Reports;
using Pipeline.Tests.Reports;

namespace Pipeline.Tests.Cli;

/// <summary>The library names parameters, never CLI flags; the CLI shows its flags for them.</summary>
[Trait(TestCategory.Trait, TestCategory.Unit)]
public partial class ParameterMessageTests
{
    [Fact]
    public void A_library_error_names_the_parameter_and_the_cli_shows_the_option()
    {
        var inputs = ReportRun.Inputs() with { Study = Pipeline.Intensity.EventStudyOptions.Default with { Window = 1000 } };
        var ex = Assert.Throws<ParameterException>(() => ReportAnalysis.Run(inputs));
        Assert.Equal("EventStudyOptions.Window", ex.ParamName);
        Assert.EndsWith("use a smaller EventStudyOptions.Window or a finer IntensityOptions.Bin", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("use a smaller --window or a finer --bin", CliFlags.Message(ex), StringComparison.Ordinal);

        using var tmp = new TempFolder();
        var (code, _, error) = Support.CliRun.Run("report", "--events", ReportRun.DefaultEvents, "--articles", ReportRun.Articles, "--window", "1000", "--no-png", "--out", tmp["out"]);
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("use a smaller --window or a finer --bin", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_date_range_names_both_options_on_the_command_line()
    {
        using var tmp = new TempFolder();
        var (code, _, error) = Support.CliRun.Run("report", "--events", ReportRun.DefaultEvents, "--articles", ReportRun.Articles, "--from", "2019-05-01", "--to", "2019-04-01", "--no-png", "--out", tmp["out"]);
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("error: empty date range: --to 2019-04-01 is before --from 2019-05-01", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every parameter a library message template names (<c>{Type.Member}</c> in a plain string, <c>{{Type.Member}}</c>
    /// in an interpolated one) has a CLI option, or the user would read a library name; and no library string
    /// literal spells a flag for an error (the report's own page and tables still describe the command that made them).
    /// </summary>
    [Fact]
    public void Every_parameter_named_by_a_library_message_has_a_cli_option_and_no_library_error_spells_a_flag()
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        var flagged = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Support.TestPaths.RepoRoot, "src", "Pipeline"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.TrimStart().StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (Match m in Literal().Matches(line))
                {
                    var text = m.Value;
                    var placeholder = text.StartsWith('$') ? Interpolated() : Plain();
                    named.UnionWith(placeholder.Matches(text).Select(p => p.Groups[1].Value));
                    if (Flag().IsMatch(text) && (line.Contains("Exception(", StringComparison.Ordinal) || (i > 0 && lines[i - 1].Contains("Exception(", StringComparison.Ordinal))))
                    {
                        flagged.Add($"{Path.GetFileName(file)}:{i + 1}: {text}");
                    }
                }
            }
        }

        Assert.Empty(flagged);
        Assert.True(named.Count >= 15, string.Join(", ", named));
        Assert.DoesNotContain(named, n => CliFlags.For(n) is null && n != "EventFilter.EventTypes");
    }

    [GeneratedRegex("""\$?"(?:[^"\\]|\\.)*" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Literal();

    [GeneratedRegex(@"(?<!\{)\{([A-Z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9]*)\}")]
    private static partial Regex Plain();

    [GeneratedRegex(@"\{\{([A-Z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9]*)\}\}")]
    private static partial Regex Interpolated();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]+")]
    private static partial Regex Flag();
}
