namespace Pipeline.Cli;

/// <summary>An output could not be written; the message names the path, the cause and what to do.</summary>
internal sealed class OutputWriteException(string message, Exception inner) : IOException(message, inner);

/// <summary>
/// Turns the operating system's write failures (disk full, read-only file system, permission denied) into
/// one line that names the output the user asked for, not the staging file the error arose on, and says
/// what to do. Other failures pass through unchanged.
/// </summary>
internal static class OutputErrors
{
    private const int Enospc = 28;
    private const int Erofs = 30;
    private const int Edquot = 122;

    /// <summary>A clearer exception for <paramref name="ex"/>, or null when it is not a known write failure.</summary>
    /// <param name="ex">What the write threw.</param>
    /// <param name="what">What was being written, e.g. "the report".</param>
    /// <param name="path">The output as the user gave it.</param>
    /// <param name="option">The option that names it, e.g. "--out".</param>
    /// <param name="replacesAtomically">True when the writer replaces its output only once complete, so the message may say nothing was replaced.</param>
    public static OutputWriteException? Explain(Exception ex, string what, string path, string option, bool replacesAtomically = true)
    {
        if (ex is OutputWriteException)
        {
            return null;
        }

        var detail = ex.Message;
        var kept = replacesAtomically ? "; nothing was replaced" : "";
        string? message = ex switch
        {
            IOException when ex.HResult is Enospc or Edquot
                || detail.Contains("No space left", StringComparison.OrdinalIgnoreCase)
                || detail.Contains("disk was full", StringComparison.OrdinalIgnoreCase)
                || detail.Contains("quota exceeded", StringComparison.OrdinalIgnoreCase) =>
                $"cannot write {what} to {path}: the disk is full ({detail}). Free some space there, or give {option} a location on a disk with room{kept}.",
            IOException when ex.HResult == Erofs || detail.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase) =>
                $"cannot write {what} to {path}: the file system there is read-only ({detail}). Give {option} a writable location{kept}.",
            UnauthorizedAccessException =>
                $"cannot write {what} to {path}: permission denied ({detail}). Give {option} a location you may write to, or change the folder's permissions{kept}.",
            _ => null,
        };
        return message is null ? null : new OutputWriteException(message, ex);
    }
}
