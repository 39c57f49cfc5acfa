using System.Text;

namespace Pipeline.Notebooks;

/// <summary>Writes a file so that readers see either the old bytes or the new ones, never half a file.</summary>
public static class AtomicFile
{
    /// <summary>Writes UTF-8 text (no BOM) to a temporary file beside <paramref name="path"/>, then moves it over.</summary>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + "." + Path.GetRandomFileName() + ".tmp";
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
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
