using Microsoft.Playwright;
using Pipeline.Rendering;

namespace Pipeline.Tests.Browser;

/// <summary>
/// One headless Debian Chromium for the whole test run, started through Playwright with the same flags and
/// network block as <see cref="PngRenderer"/>, and a fresh profile in a temp folder removed at the end.
/// When Chromium is absent it starts nothing: <see cref="BrowserFactAttribute"/> skips the tests off CI,
/// and under CI=true <see cref="NewPageAsync"/> throws <see cref="ChromiumNotFoundException"/>.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowserContext? _context;
    private DirectoryInfo? _profile;

    /// <summary>
    /// Every wait of a browser test (start, navigation, selectors) is a safety net against a hang, never a pace:
    /// minutes, so a busy machine only makes the tests slower, not red. Tests assert what the page did.
    /// </summary>
    public static PngOptions Limits { get; } = PngOptions.Default with { LoadTimeout = TimeSpan.FromMinutes(5), ElementTimeout = TimeSpan.FromMinutes(5) };

    /// <summary>The executable in use, or null when none was found.</summary>
    public string? ChromiumPath { get; private set; }

    public async Task InitializeAsync()
    {
        // Belt and braces: the driver never installs browsers unless told to, and this says it must not.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        ChromiumPath = PngRenderer.FindChromium();
        if (ChromiumPath is null)
        {
            return;
        }

        _profile = Directory.CreateTempSubdirectory("pipeline-tests-chromium-");
        _playwright = await Playwright.CreateAsync();
        _context = await PngRenderer.LaunchAsync(_playwright, ChromiumPath, _profile.FullName, Limits);
    }

    /// <summary>A new page whose console errors, uncaught errors, requests and dialogs are recorded.</summary>
    public async Task<RecordedPage> NewPageAsync()
    {
        if (_context is null)
        {
            throw new ChromiumNotFoundException(PngRenderer.SearchedPaths());
        }

        return await RecordedPage.OpenAsync(_context);
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }

        _playwright?.Dispose();
        _profile?.Delete(recursive: true);
    }
}

/// <summary>Browser tests share one Chromium and run one at a time, so two browsers never compete for two cores.</summary>
[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Chromium";
}
