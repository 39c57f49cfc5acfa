using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Tests.Support;

/// <summary>
/// A folder of JSON rows that the tests write for a README table (<see cref="Reliability"/>,
/// <see cref="Calibration"/>). Each row names the test that wrote it and the run that wrote it, so a filtered
/// test run replaces only the rows of the tests it ran and keeps everyone else's: a row is removed only when a
/// newer run of the same test wrote other rows (a check that was renamed), or when its test no longer exists.
/// </summary>
/// <param name="folder">Where the rows go (read when the first row is written).</param>
/// <param name="run">This run's id, written into every row.</param>
/// <param name="testExists">Whether a test named <c>Class.Method</c> still exists; rows of tests that do not are removed.</param>
internal sealed class RowFolder(Func<string> folder, string run, Func<string, bool> testExists)
{
    /// <summary>A folder for this test run, checking test names against this test assembly.</summary>
    public RowFolder(Func<string> folder)
        : this(folder, ThisRun, TestExistsInThisAssembly)
    {
    }

    /// <summary>One id per test process: rows written by the same process belong together.</summary>
    private static readonly string ThisRun = Guid.NewGuid().ToString("N");

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Lock gate = new();
    private bool pruned;

    /// <summary>
    /// Writes <paramref name="row"/> as <paramref name="fileName"/> in the folder, recording <paramref name="test"/>
    /// (<c>Class.Method</c>) and this run, and removes the rows this test wrote in earlier runs.
    /// </summary>
    public void Write(string fileName, IReadOnlyDictionary<string, object> row, string test)
    {
        lock (gate)
        {
            var path = folder();
            Directory.CreateDirectory(path);
            foreach (var old in Directory.EnumerateFiles(path, "*.json"))
            {
                var (oldTest, oldRun) = Owner(old);
                var stale = oldTest is null
                    || (!pruned && !testExists(oldTest))
                    || (oldTest == test && oldRun != run && Path.GetFileName(old) != fileName);
                if (stale)
                {
                    File.Delete(old);
                }
            }

            pruned = true;
            var written = new Dictionary<string, object>(row) { ["test"] = test, ["run"] = run };
            File.WriteAllText(Path.Combine(path, fileName), JsonSerializer.Serialize(written, Json) + "\n");
        }
    }

    /// <summary>The test and run a row names; nulls for a row of the older format, which named neither.</summary>
    private static (string? Test, string? Run) Owner(string file)
    {
        try
        {
            var node = JsonNode.Parse(File.ReadAllText(file));
            return ((string?)node?["test"], (string?)node?["run"]);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    /// <summary>The <c>Class.Method</c> name of the test that called <c>Record</c>, from the caller's file and member.</summary>
    public static string TestName(string callerFile, string callerMember) =>
        $"{Path.GetFileNameWithoutExtension(callerFile.Replace('\\', '/').Split('/')[^1])}.{callerMember}";

    private static bool TestExistsInThisAssembly(string test)
    {
        var dot = test.LastIndexOf('.');
        if (dot <= 0)
        {
            return false;
        }

        var (type, method) = (test[..dot], test[(dot + 1)..]);
        return typeof(RowFolder).Assembly.GetTypes().Any(t => t.Name == type
            && t.GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static) is not null);
    }
}
