namespace Pipeline.Tests.Support;

/// <summary>A temporary folder for one test, deleted (best effort) when the test ends.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("pipeline-test-").FullName;

    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>A path inside the folder.</summary>
    public string File(string name) => this[name];

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
        catch (IOException)
        {
            // A cell abandoned after its timeout may still hold a file; the OS cleans temp folders.
        }
    }
}
