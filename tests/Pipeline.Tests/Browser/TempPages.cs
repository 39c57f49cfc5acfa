namespace Pipeline.Tests.Browser;

/// <summary>A temp folder for hand-written test pages and their PNGs, removed with its contents on dispose.</summary>
internal sealed class TempPages : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pipeline-browser-");

    public string Folder => _dir.FullName;

    /// <summary>Writes a complete UTF-8 page around <paramref name="body"/> and returns its path.</summary>
    public string Write(string name, string body, string head = "")
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{name}</title>
            <style>html, body {"{"} margin: 0; background: #ffffff; {"}"}</style>{head}</head>
            <body>{body}</body></html>
            """);
        return path;
    }

    public string PathOf(string relative) => Path.Combine(Folder, relative);

    public void Dispose() => _dir.Delete(recursive: true);
}
