using System.Runtime.CompilerServices;

namespace Pipeline.Tests.Support;

/// <summary>
/// Loads go through the columnar cache by default (<see cref="Pipeline.Events.EventLoadOptions.Default"/>); in
/// tests that per-user cache is a folder under the test binary instead of <c>~/.cache</c>, set before any test
/// runs and inherited by the processes tests start (the CLI, the notebook kernel).
/// </summary>
internal static class TestCache
{
    /// <summary>The cache folder the tests' default loads use.</summary>
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "test-cache");

#pragma warning disable CA2255 // The test assembly is the application here: it must set this before any load.
    [ModuleInitializer]
    internal static void Isolate() => Environment.SetEnvironmentVariable("XDG_CACHE_HOME", Root);
#pragma warning restore CA2255
}
