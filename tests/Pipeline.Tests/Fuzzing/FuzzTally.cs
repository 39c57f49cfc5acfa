using System.Text;

namespace Pipeline.Tests.Fuzzing;

/// <summary>Counts outcomes over a fuzz run and keeps the first failures with their reproducing seed.</summary>
internal sealed class FuzzTally
{
    private readonly List<string> failures = [];

    public int Cases { get; private set; }

    public int Loaded { get; private set; }

    public int FileErrors { get; private set; }

    public int Failures => failures.Count;

    public long RowsRead { get; private set; }

    public long RowsRejected { get; private set; }

    /// <summary>Rows whose fate could not be accounted for (read ≠ loaded + rejected, or a record count that moved).</summary>
    public long RowsUnaccounted { get; private set; }

    public void Add(FuzzOutcome outcome, long rowsRead = 0, long rejected = 0, long unaccounted = 0, string? failure = null)
    {
        Cases++;
        RowsRead += rowsRead;
        RowsRejected += rejected;
        RowsUnaccounted += unaccounted;
        switch (outcome)
        {
            case FuzzOutcome.Loaded:
                Loaded++;
                break;
            case FuzzOutcome.FileError:
                FileErrors++;
                break;
            default:
                failures.Add(failure ?? "failure");
                break;
        }

        if (outcome != FuzzOutcome.Failure && unaccounted != 0)
        {
            failures.Add(failure ?? $"{unaccounted} rows unaccounted");
        }
    }

    /// <summary>The failures, each with the seed and the saved file that reproduce it.</summary>
    public string Report()
    {
        var b = new StringBuilder();
        b.AppendLine($"{Failures} of {Cases} cases failed (kept in {FuzzFiles.FailureFolder}; copy one into Fixtures/fuzz/regressions/ named after what it found, fix, and keep it):");
        foreach (var f in failures.Take(20))
        {
            b.AppendLine("  " + f);
        }

        return b.ToString();
    }
}
