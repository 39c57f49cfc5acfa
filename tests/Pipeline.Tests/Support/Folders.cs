using System.Collections.Concurrent;

namespace Pipeline.Tests.Support;

/// <summary>Folders shared by the tests of one run.</summary>
internal static class Folders
{
    private static readonly ConcurrentBag<string> Created = [];

    private static readonly Lazy<string> Run = new(() => CreateForTheRun("pipeline-test-run-"));

    static Folders() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var path in Created)
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // The OS cleans temp folders.
            }
        }
    };

    /// <summary>A temporary folder that lives as long as the test run (deleted, best effort, when the test process exits):
    /// for outputs written once and read by many tests.</summary>
    public static string ForTheRun => Run.Value;

    /// <summary>A new folder directly in the temp folder, as deep as a <see cref="TempFolder"/>, that lives as long as the
    /// test run: a tree written once there and copied into a test's own folder keeps its relative paths to everything
    /// outside (a manifest records the current folder relative to itself).</summary>
    public static string CreateForTheRun(string prefix)
    {
        var path = Directory.CreateTempSubdirectory(prefix).FullName;
        Created.Add(path);
        return path;
    }

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
