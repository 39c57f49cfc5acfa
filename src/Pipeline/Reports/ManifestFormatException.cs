namespace Pipeline.Reports;

/// <summary>
/// A manifest that cannot be read: not JSON, a field missing or of the wrong type, or an entry that is
/// not allowed (an output path leaving the report folder, a hash that is not SHA-256, a command that is
/// not a pipeline report or run). The message starts with the manifest's path.
/// </summary>
public sealed class ManifestFormatException : ArgumentException
{
    /// <summary>Creates the error for <paramref name="path"/>.</summary>
    /// <param name="path">The manifest file.</param>
    /// <param name="problem">What is wrong, in words.</param>
    /// <param name="inner">The underlying parse error, if any.</param>
    public ManifestFormatException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}. The manifest was damaged or edited; take it from the original run again", inner)
    {
        ManifestPath = path;
    }

    /// <summary>The manifest file.</summary>
    public string ManifestPath { get; }
}
