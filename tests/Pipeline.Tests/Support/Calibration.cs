using System.Runtime.CompilerServices;

namespace Pipeline.Tests.Support;

/// <summary>The README tables the calibration suite writes.</summary>
internal enum CalibrationTable
{
    /// <summary>Error rates on null series: share of 95% intervals excluding 0 and of p &lt; 0.05.</summary>
    Calibration,

    /// <summary>Share of p &lt; 0.05 when an effect of known size is planted.</summary>
    Power,
}

/// <summary>
/// Rows of the README's calibration and power tables, each written by the test that measured it (to
/// <c>tests/Pipeline.Tests/TestResults/calibration/</c>, or <c>$PIPELINE_CALIBRATION_DIR</c>), and turned
/// into the tables by the DevTools <c>calibration</c> command, as <see cref="Reliability"/> does for its table. Every
/// draw is seeded and nothing is timed, so the rows are the same on every machine.
/// </summary>
internal static class Calibration
{
    private static readonly RowFolder Rows = new(() => ResultsFolder);

    /// <summary>Where the rows are written.</summary>
    public static string ResultsFolder =>
        Environment.GetEnvironmentVariable("PIPELINE_CALIBRATION_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(TestPaths.RepoRoot, "tests", "Pipeline.Tests", "TestResults", "calibration");

    /// <summary>Records one row: its column headers, its place in the table and its cells (owned by the calling test, as in <see cref="Reliability.Record"/>).</summary>
    public static void Record(CalibrationTable table, int order, IReadOnlyList<string> header, IReadOnlyList<string> cells,
        [CallerFilePath] string callerFile = "", [CallerMemberName] string callerMember = "")
    {
        if (header.Count != cells.Count)
        {
            throw new ArgumentException($"{cells.Count} cells for {header.Count} columns", nameof(cells));
        }

        var name = table.ToString().ToLowerInvariant();
        Rows.Write($"{name}-{order:D4}.json", new Dictionary<string, object> { ["table"] = name, ["order"] = order, ["header"] = header, ["cells"] = cells }, RowFolder.TestName(callerFile, callerMember));
    }
}
