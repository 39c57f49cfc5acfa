namespace Pipeline.Fetch;

/// <summary>
/// Writes files so that a reader (or a crash) never sees half of one: the bytes go to a staging file in the
/// same folder, which then replaces the target in one rename.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var staging = StagingPath(path);
        try
        {
            using (var s = new FileStream(staging, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                s.Write(bytes);
                s.Flush(flushToDisk: true);
            }

            File.Move(staging, path, overwrite: true);
        }
        finally
        {
            File.Delete(staging);
        }
    }

    /// <summary>Writes through a stream callback, then renames into place.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var staging = StagingPath(path);
        try
        {
            using (var s = new FileStream(staging, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(s);
                s.Flush(flushToDisk: true);
            }

            File.Move(staging, path, overwrite: true);
        }
        finally
        {
            File.Delete(staging);
        }
    }

    /// <summary>A staging name beside the target, unique to this process and call.</summary>
    public static string StagingPath(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
    }
}
