namespace Pipeline.Tests.Support;

/// <summary>Folders shared by the tests of one run.</summary>
internal static class Folders
{
    private static readonly Lazy<string> Run = new(() =>
    {
        var path = Directory.CreateTempSubdirectory("pipeline-test-run-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // The OS cleans temp folders.
            }
        };
        return path;
    });

    /// <summary>A temporary folder that lives as long as the test run (deleted, best effort, when the test process exits):
    /// for outputs written once and read by many tests.</summary>
    public static string ForTheRun => Run.Value;

    /// <summary>Copies every file and folder under <paramref name="from"/> into <paramref name="to"/> (created), byte for byte.</summary>
    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
