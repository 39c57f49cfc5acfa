namespace Pipeline.Notebooks;

/// <summary>
/// One output of a code cell, in nbformat's vocabulary: <see cref="StreamOutput"/>, <see cref="DisplayOutput"/>
/// (<c>display_data</c> or <c>execute_result</c>), <see cref="ErrorOutput"/>, or <see cref="RawOutput"/> for an
/// output read from a file and kept as it was.
/// </summary>
public abstract record CellOutput;
