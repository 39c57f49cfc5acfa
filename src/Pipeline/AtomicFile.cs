using System.Text;

namespace Pipeline;

/// <summary>
/// Writes files so that a reader, a crash or a kill never leaves half of one: the bytes go to a staging
/// file in the same folder (named <c>.NAME.tmp-pid{N}.…</c>), which then replaces the target in one rename.
/// A staging file left by a killed run is removed by the next write to the same name; a device or FIFO
/// target (<c>/dev/null</c>, <c>/dev/full</c>) is written into, since a rename would replace the device.
/// Every command that writes a single file (synth, run, fetch, the caches' indexes) goes through here.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes through a stream callback, then renames into place; returns what the callback returned.</summary>
    public static T Write<T>(string path, Func<Stream, T> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        if (OutputFiles.IsSpecial(full))
        {
            using var device = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            var written = write(device);
            device.Flush();
            return written;
        }

        var staging = StagingPath(full);
        try
        {
            T result;
            using (var s = new FileStream(staging, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                result = write(s);
                s.Flush(flushToDisk: true);
            }

            File.Move(staging, full, overwrite: true);
            return result;
        }
        finally
        {
            if (File.Exists(staging))
            {
                File.Delete(staging);
            }
        }
    }

    /// <summary>Writes through a stream callback, then renames into place.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, s =>
        {
            write(s);
            return 0;
        });
    }

    /// <summary>Writes the bytes, then renames into place.</summary>
    public static void Write(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Write(path, s => s.Write(bytes));
    }

    /// <summary>Writes the bytes (copied once), then renames into place.</summary>
    public static void Write(string path, ReadOnlySpan<byte> bytes) => Write(path, bytes.ToArray());

    /// <summary>Writes UTF-8 text without a byte order mark, then renames into place.</summary>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(path, Utf8NoBom.GetBytes(text));
    }

    /// <summary>
    /// A staging name beside <paramref name="path"/> that belongs to this process (its folder is created);
    /// staging files of the same name left by processes no longer running are removed first.
    /// </summary>
    public static string StagingPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' names no file inside a folder", nameof(path));
        Directory.CreateDirectory(folder);
        var prefix = "." + Path.GetFileName(full) + ".tmp-";
        OutputFiles.RemoveStale(folder, prefix);
        return Path.Combine(folder, prefix + OutputFiles.ProcessTag + "." + Path.GetRandomFileName());
    }
}
