namespace Pipeline.Notebooks;

/// <summary>The error that stopped a run, written into the cell that raised it.</summary>
/// <param name="EName">The exception type's name (e.g. <c>System.DivideByZeroException</c>).</param>
/// <param name="EValue">The exception message.</param>
/// <param name="Traceback">Lines naming where it happened, the first being <c>cell N, line L</c> when known.</param>
public sealed record ErrorOutput(string EName, string EValue, IReadOnlyList<string> Traceback) : CellOutput;
