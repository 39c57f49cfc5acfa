namespace Pipeline.Notebooks;

/// <summary>
/// Reading and writing notebook files. The format is chosen from the file extension here and nowhere else:
/// <c>.ipynb</c> (nbformat 4) and <c>.dib</c> (Polyglot text) are read; executed notebooks are always written as
/// nbformat 4.5 <c>.ipynb</c>.
/// </summary>
public static class NotebookFile
{
    /// <summary>The format a path names by its extension.</summary>
    /// <exception cref="NotebookFormatException">The extension is neither <c>.ipynb</c> nor <c>.dib</c>.</exception>
    public static NotebookFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".ipynb" => NotebookFormat.Ipynb,
        ".dib" => NotebookFormat.Dib,
        var ext => throw new NotebookFormatException(path, $"unknown notebook extension '{ext}'; expected .ipynb or .dib"),
    };

    /// <summary>Reads a notebook file; the file is opened for reading only.</summary>
    /// <exception cref="NotebookFormatException">Unknown extension, unreadable file, or content that is not a notebook.</exception>
    public static NotebookDocument Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var format = FormatOf(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new NotebookFormatException(path, ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : ex.Message, ex);
        }

        return Parse(text, format, path);
    }

    /// <summary>Parses notebook text of a known format; <paramref name="path"/> only names it in messages.</summary>
    public static NotebookDocument Parse(string text, NotebookFormat format, string path = "(notebook)")
    {
        ArgumentNullException.ThrowIfNull(text);
        return format == NotebookFormat.Dib ? DibReader.Read(text, path) : IpynbReader.Read(text, path);
    }

    /// <summary>The document as nbformat 4.5 JSON: keys sorted, one-space indent, stable cell ids, a final newline.</summary>
    public static string ToIpynb(NotebookDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return IpynbWriter.Write(document);
    }
}
