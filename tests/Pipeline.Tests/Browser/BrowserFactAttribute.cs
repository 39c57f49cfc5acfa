using Pipeline.Rendering;
using Xunit.Sdk;

namespace Pipeline.Tests.Browser;

/// <summary>
/// A fact that needs Debian Chromium: skipped with a reason when it is not installed on a developer machine,
/// but never skipped under CI=true, where .ci/run installs it and its absence must fail the run.
/// </summary>
[TraitDiscoverer(CategoryTraitDiscoverer.TypeName, CategoryTraitDiscoverer.AssemblyName)]
public sealed class BrowserFactAttribute : FactAttribute, ICategorizedTestAttribute
{
    /// <inheritdoc/>
    public string Category => TestCategory.Browser;

    public BrowserFactAttribute()
    {
        if (PngRenderer.FindChromium() is null && !ChromiumRequired)
        {
            Skip = $"Chromium not found (looked at {string.Join(", ", PngRenderer.SearchedPaths())}); " +
                   "run 'apt-get install chromium' (required when CI=true)";
        }
    }

    /// <summary>Under CI the browser must be there, so browser tests run instead of skipping.</summary>
    public static bool ChromiumRequired => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
