namespace Pipeline.Reports;

/// <summary>
/// A manifest that cannot be read: not JSON, a field missing or of the wrong type, or an entry that is
/// not allowed (an output path leaving the report folder, a hash that is not SHA-256, neither report nor
/// notebook inputs recorded), or one written by an older version (with how to regenerate it). The message starts with the manifest's path.
/// </summary>
public sealed class ManifestFormatException : ArgumentException
{
    /// <summary>Creates the error for <paramref name="path"/>.</summary>
    /// <param name="path">The manifest file.</param>
    /// <param name="problem">What is wrong, in words.</param>
    /// <param name="inner">The underlying parse error, if any.</param>
    public ManifestFormatException(string path, string problem, Exception? inner = null)
        : this(path, problem, "The manifest was damaged or edited; take it from the original run again", inner)
    {
    }

    /// <summary>Creates the error for <paramref name="path"/> with its own remedy.</summary>
    /// <param name="path">The manifest file.</param>
    /// <param name="problem">What is wrong, in words.</param>
    /// <param name="remedy">What to do about it, as a sentence.</param>
    /// <param name="inner">The underlying parse error, if any.</param>
    public ManifestFormatException(string path, string problem, string remedy, Exception? inner = null)
        : base($"{path}: {problem}. {remedy}", inner)
    {
        ManifestPath = path;
    }

    /// <summary>The manifest file.</summary>
    public string ManifestPath { get; }
}
