using System.Runtime.CompilerServices;

namespace Pipeline.Tests.Support;

/// <summary>The areas of the README's reliability table, in the order they are listed.</summary>
internal enum ReliabilityArea
{
    Properties = 1,
    Fuzzing = 2,
    HostileContent = 3,
    Faults = 4,
}

/// <summary>
/// Rows of the README's reliability table, each written by the test that measured it (to
/// <c>tests/Pipeline.Tests/TestResults/reliability/</c>, or <c>$PIPELINE_RELIABILITY_DIR</c>), and turned
/// into the table by the DevTools <c>reliability</c> command. A test records what it actually counted before it asserts,
/// so a failing run records its failure too. Nothing here is machine-dependent (no timings), so the table
/// is the same on every machine for the same seeds.
/// </summary>
internal static class Reliability
{
    private static readonly RowFolder Rows = new(() => ResultsFolder);

    /// <summary>Where the rows are written.</summary>
    public static string ResultsFolder =>
        Environment.GetEnvironmentVariable("PIPELINE_RELIABILITY_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(TestPaths.RepoRoot, "tests", "Pipeline.Tests", "TestResults", "reliability");

    /// <summary>
    /// Records one row. <paramref name="check"/> names what was tried (unique within the area),
    /// <paramref name="cases"/> what the inputs were, <paramref name="perRun"/> how many seeds or iterations
    /// one CI run tries, and <paramref name="result"/> the counted outcome.
    /// </summary>
    public static void Record(ReliabilityArea area, string check, string cases, string perRun, string result, string? fallback = null,
        [CallerFilePath] string callerFile = "", [CallerMemberName] string callerMember = "")
    {
        var row = new Dictionary<string, object>
        {
            ["order"] = (int)area,
            ["area"] = Title(area),
            ["check"] = check,
            ["cases"] = cases,
            ["per_run"] = perRun,
            ["result"] = result,
        };
        if (fallback is not null)
        {
            row["fallback"] = fallback;
        }

        Rows.Write($"{(int)area}-{Slug(check)}.json", row, RowFolder.TestName(callerFile, callerMember));
    }

    private static string Title(ReliabilityArea area) => area switch
    {
        ReliabilityArea.Properties => "Properties",
        ReliabilityArea.Fuzzing => "Fuzzing",
        ReliabilityArea.HostileContent => "Hostile content",
        ReliabilityArea.Faults => "Faults",
        _ => area.ToString(),
    };

    private static string Slug(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = new string(chars);
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return slug.Trim('-');
    }
}
