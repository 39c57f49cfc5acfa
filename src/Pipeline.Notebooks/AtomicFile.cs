using System.Text;

namespace Pipeline.Notebooks;

/// <summary>Writes a file so that readers see either the old bytes or the new ones, never half a file.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Writes UTF-8 text (no BOM) to a temporary file beside <paramref name="path"/>, then moves it over; a
    /// temporary file left by a killed run is removed. A device or FIFO is written into directly.
    /// </summary>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        if (OutputFiles.IsSpecial(full))
        {
            // A device or FIFO (/dev/stdout, /dev/null): write into it; a rename would replace the device.
            File.WriteAllText(full, text, encoding);
            return;
        }

        // The temporary file carries this process's id, so a later run can remove what a killed one left.
        var folder = Path.GetDirectoryName(full)!;
        var prefix = "." + Path.GetFileName(full) + ".tmp-";
        OutputFiles.RemoveStale(folder, prefix);
        var temp = Path.Combine(folder, prefix + OutputFiles.ProcessTag + "." + Path.GetRandomFileName());
        try
        {
            File.WriteAllText(temp, text, encoding);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
