using Pipeline.Events;

namespace Pipeline.Tests.Fuzzing;

/// <summary>
/// Loads one (possibly damaged) events file and checks the reader's contract: no unhandled exception; the
/// outcome is a table whose every rejection is located (this file, a line that exists, a reason and a hint)
/// and whose counts add up, or one clear file-level error; strict mode agrees with lax mode (it throws the
/// first rejection, or loads the same rows).
/// </summary>
internal static class EventReaderCheck
{
    public readonly record struct Result(FuzzOutcome Outcome, long RowsRead, long Rejected, long Unaccounted, string? Failure);

    /// <param name="path">The file to load.</param>
    /// <param name="expectedRecords">When the damage left every record boundary in place, the records the undamaged file had.</param>
    /// <param name="linesKnown">False for workbooks, whose rejections name spreadsheet rows rather than text lines.</param>
    public static Result Check(string path, long? expectedRecords = null, bool linesKnown = true)
    {
        EventTable table;
        try
        {
            table = EventLoader.Load(path, EventLoadOptions.Default);
        }
        catch (EventFileException ex)
        {
            return IsClear(ex, path) is { } problem ? new Result(FuzzOutcome.Failure, 0, 0, 0, problem) : new Result(FuzzOutcome.FileError, 0, 0, 0, null);
        }
        catch (Exception ex)
        {
            return new Result(FuzzOutcome.Failure, 0, 0, 0, $"unhandled {ex.GetType().Name}: {ex.Message} at {FirstFrame(ex)}");
        }

        var lines = linesKnown ? CountLines(File.ReadAllBytes(path)) : long.MaxValue - 1;
        foreach (var r in table.Rejections)
        {
            if (r.File != path || r.Line < 1 || r.Line > lines + 1 || string.IsNullOrWhiteSpace(r.Reason) || string.IsNullOrWhiteSpace(r.Hint))
            {
                return new Result(FuzzOutcome.Failure, table.RowsRead, table.Rejected, 0, $"unlocated rejection (file has {lines} lines): {r}");
            }
        }

        var unaccounted = Math.Abs(table.RowsRead - table.Loaded - table.Rejected);
        string? failure = null;
        if (expectedRecords is { } expected && table.RowsRead != expected)
        {
            unaccounted += Math.Abs(table.RowsRead - expected);
            failure = $"record boundaries were untouched but {table.RowsRead} records were read instead of {expected}";
        }

        if (StrictDisagrees(path, table) is { } strictProblem)
        {
            return new Result(FuzzOutcome.Failure, table.RowsRead, table.Rejected, unaccounted, strictProblem);
        }

        return new Result(FuzzOutcome.Loaded, table.RowsRead, table.Rejected, unaccounted, failure);
    }

    /// <summary>Counts how the tally records one checked file.</summary>
    public static void AddTo(FuzzTally tally, Result result, string name) =>
        tally.Add(result.Outcome, result.RowsRead, result.Rejected, result.Unaccounted, result.Failure is null ? null : $"{name}: {result.Failure}");

    private static string? StrictDisagrees(string path, EventTable lax)
    {
        try
        {
            var strict = EventLoader.Load(path, EventLoadOptions.Default with { Strict = true });
            return lax.Rejected == 0 && strict.Loaded == lax.Loaded ? null : $"strict mode loaded {strict.Loaded} rows where lax mode loaded {lax.Loaded} and rejected {lax.Rejected}";
        }
        catch (RowRejectedException ex)
        {
            return lax.Rejected > 0 && ex.Rejection.Line == lax.Rejections[0].Line ? null
                : $"strict mode threw at line {ex.Rejection.Line} but lax mode's first rejection is {(lax.Rejected > 0 ? lax.Rejections[0].Line : "none")}";
        }
        catch (Exception ex)
        {
            return $"strict mode: unhandled {ex.GetType().Name}: {ex.Message} at {FirstFrame(ex)}";
        }
    }

    private static string? IsClear(EventFileException ex, string path) =>
        ex.File != path ? $"file-level error names '{ex.File}' instead of the file"
        : string.IsNullOrWhiteSpace(ex.Problem) || string.IsNullOrWhiteSpace(ex.Hint) ? $"file-level error without a problem or hint: {ex.Message}"
        : null;

    /// <summary>Lines as an editor counts them: LF, CRLF or a lone CR each end one.</summary>
    public static long CountLines(ReadOnlySpan<byte> bytes)
    {
        long lines = 1;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.Length || bytes[i + 1] != '\n')))
            {
                lines++;
            }
        }

        return lines;
    }

    public static string FirstFrame(Exception ex) =>
        ex.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "(no stack)";
}
