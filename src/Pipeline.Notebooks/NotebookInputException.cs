namespace Pipeline.Notebooks;

/// <summary>
/// A problem found before any cell runs, which the user fixes on the command line, in the notebook or in the set-up:
/// an unknown parameter, a value of the wrong type, a cell in a language other than C#, no kernel pinned or restored
/// (<c>dotnet tool restore</c>). A <c>#r</c> target that is not there is the kernel's error in that cell, not this.
/// The CLI maps it to exit code 1.
/// </summary>
public sealed class NotebookInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">One line saying what is wrong and what to do.</param>
    /// <param name="cellNumber">1-based position of the cell in the executed notebook, when a cell is at fault.</param>
    /// <param name="line">1-based line in that cell, when known.</param>
    public NotebookInputException(string message, int? cellNumber = null, int? line = null)
        : base(cellNumber is null ? message : $"cell {cellNumber}{(line is null ? "" : $", line {line}")}: {message}")
    {
        CellNumber = cellNumber;
        Line = line;
    }

    /// <summary>1-based position of the cell in the executed notebook, or null.</summary>
    public int? CellNumber { get; }

    /// <summary>1-based line inside the cell, or null.</summary>
    public int? Line { get; }
}
