namespace Pipeline.Tests.Fuzzing;

/// <summary>Where failing fuzz inputs are kept and regression fixtures are read from.</summary>
internal static class FuzzFiles
{
    /// <summary>Failing inputs of the last run, named by base file, seed and operators (not committed).</summary>
    public static string FailureFolder => Path.Combine(TestPaths.RepoRoot, "tests", "Pipeline.Tests", "TestResults", "fuzz-failures");

    /// <summary>Inputs that once broke a reader, kept as regression fixtures and named after what they found.</summary>
    public static string RegressionFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz", "regressions");

    /// <summary>Cases per run: fixed by default so the README table is the same on every run; PIPELINE_FUZZ_CASES overrides it.</summary>
    public static int Cases(int defaultCount) =>
        int.TryParse(Environment.GetEnvironmentVariable("PIPELINE_FUZZ_CASES"), out var n) && n > 0 ? n : defaultCount;

    /// <summary>First seed: fixed by default; PIPELINE_FUZZ_SEED explores other seeds (failures print their seed).</summary>
    public static int FirstSeed(int defaultSeed) =>
        int.TryParse(Environment.GetEnvironmentVariable("PIPELINE_FUZZ_SEED"), out var n) ? n : defaultSeed;

    /// <summary>Keeps a failing input so it can be reproduced and turned into a regression fixture.</summary>
    public static string Keep(string name, byte[] bytes, string extension)
    {
        Directory.CreateDirectory(FailureFolder);
        var path = Path.Combine(FailureFolder, name + extension);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
