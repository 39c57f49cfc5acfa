namespace Pipeline.Events;

/// <summary>
/// A problem with a whole input file (missing, empty, wrong delimiter, missing columns…) that stops it
/// from being read at all. Carries the location and a hint as properties so the CLI and tests can use them
/// without parsing the message.
/// </summary>
public sealed class EventFileException : Exception
{
    /// <summary>Creates the exception; the message is composed from the parts.</summary>
    public EventFileException(string file, string problem, string hint, long? line = null, string? column = null, string? value = null)
        : base(Compose(file, problem, hint, line, column, value))
    {
        File = file;
        Problem = problem;
        Hint = hint;
        Line = line;
        Column = column;
        Value = value;
    }

    /// <summary>The file at fault.</summary>
    public string File { get; }

    /// <summary>What is wrong, without location.</summary>
    public string Problem { get; }

    /// <summary>What the user can do about it.</summary>
    public string Hint { get; }

    /// <summary>1-based line, when the problem has one.</summary>
    public long? Line { get; }

    /// <summary>Column name, when the problem has one.</summary>
    public string? Column { get; }

    /// <summary>The offending value, when there is one.</summary>
    public string? Value { get; }

    private static string Compose(string file, string problem, string hint, long? line, string? column, string? value)
    {
        var where = line is { } l ? $"{file}:{l}" : file;
        // Values and column names come from the file: control characters are shown, never printed raw.
        var col = column is null ? "" : $" column '{Text.VisibleControls.Reveal(column)}':";
        var val = value is null ? "" : $" (got '{Text.VisibleControls.Reveal(value)}')";
        return $"{where}:{col} {problem}{val}. {hint}";
    }
}
