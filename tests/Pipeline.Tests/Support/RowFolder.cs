using System.Text.Json;

namespace Pipeline.Tests.Support;

/// <summary>
/// A folder of JSON rows that the tests of one run write for a README table (<see cref="Reliability"/>,
/// <see cref="Calibration"/>). The first row written in a run removes the rows of earlier runs, so rows of
/// checks renamed or removed since do not linger in the table.
/// </summary>
/// <param name="folder">Where the rows go (read when the first row is written).</param>
internal sealed class RowFolder(Func<string> folder)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Lock gate = new();
    private bool cleared;

    /// <summary>Writes <paramref name="row"/> as <paramref name="fileName"/> in the folder.</summary>
    public void Write(string fileName, object row)
    {
        lock (gate)
        {
            var path = folder();
            if (!cleared)
            {
                if (Directory.Exists(path))
                {
                    foreach (var old in Directory.EnumerateFiles(path, "*.json"))
                    {
                        File.Delete(old);
                    }
                }

                cleared = true;
            }

            Directory.CreateDirectory(path);
            File.WriteAllText(Path.Combine(path, fileName), JsonSerializer.Serialize(row, Json) + "\n");
        }
    }
}
