using Microsoft.Playwright;

namespace Pipeline.Rendering;

/// <summary>
/// Turns elements of a local HTML report into PNG files with Debian's Chromium, driven by Playwright.
/// The page is offline by construction: every request that is not <c>file:</c> or <c>data:</c> is aborted,
/// so a PNG can never depend on (or leak to) the network. Playwright's own browser download is never
/// used; Chromium must already be installed (see <see cref="FindChromium()"/>).
/// </summary>
public static class PngRenderer
{
    /// <summary>Environment variable naming a Chromium executable; when set it is the only place looked at.</summary>
    public const string ChromiumVariable = "PIPELINE_CHROMIUM";

    /// <summary>Where Debian (and older Ubuntu) packages put the browser, in the order they are tried.</summary>
    public static IReadOnlyList<string> WellKnownChromiumPaths { get; } = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    /// <summary>
    /// Flags for headless Chromium on a closed network: without the background-networking flags Chromium
    /// keeps trying to reach Google's hosts, which fail here and add noise and delay.
    /// </summary>
    internal static IReadOnlyList<string> LaunchArguments { get; } =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>
    /// The Chromium executable to use, or null when none is installed. An explicit
    /// <see cref="ChromiumVariable"/> wins and is not second-guessed: if it names a missing file the answer
    /// is null rather than a silent fall-back to another browser.
    /// </summary>
    public static string? FindChromium() => FindChromium(Environment.GetEnvironmentVariable);

    /// <summary>The search of <see cref="FindChromium()"/> over a given environment, so tests need not mutate the process's.</summary>
    internal static string? FindChromium(Func<string, string?> variable) =>
        SearchedPaths(variable).FirstOrDefault(File.Exists);

    /// <summary>
    /// Renders each target element of <paramref name="htmlFile"/> to its PNG path and returns the full paths
    /// written, in the order of <paramref name="targets"/>. Each PNG is written to a temporary file beside it
    /// and moved into place, so a failed render never leaves a half-written image. Every element is looked up
    /// once the page has loaded and before any PNG is written, so a missing one fails fast and writes nothing.
    /// </summary>
    /// <exception cref="ChromiumNotFoundException">No Chromium is installed; nothing has been written.</exception>
    /// <exception cref="FileNotFoundException"><paramref name="htmlFile"/> does not exist.</exception>
    /// <exception cref="ElementNotFoundException">A target id is not in the loaded page; nothing has been written.</exception>
    /// <exception cref="TimeoutException">Chromium did not start or the page did not load within <see cref="PngOptions.LoadTimeout"/>,
    /// or an element did not render within <see cref="PngOptions.ElementTimeout"/> of the page's load.</exception>
    public static Task<IReadOnlyList<string>> RenderAsync(
        string htmlFile,
        IReadOnlyList<(string ElementId, string PngPath)> targets,
        PngOptions options,
        CancellationToken ct) =>
        RenderAsync(htmlFile, targets, options, waitingForElement: null, ct);

    /// <summary>
    /// <see cref="RenderAsync(string, IReadOnlyList{ValueTuple{string, string}}, PngOptions, CancellationToken)"/>, calling
    /// <paramref name="waitingForElement"/> with each element id just before waiting for that element to be drawn,
    /// so a test can act (cancel, say) at exactly that point instead of guessing how long the steps before take.
    /// </summary>
    internal static async Task<IReadOnlyList<string>> RenderAsync(
        string htmlFile,
        IReadOnlyList<(string ElementId, string PngPath)> targets,
        PngOptions options,
        Action<string>? waitingForElement,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(htmlFile);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var html = Path.GetFullPath(htmlFile);
        if (!File.Exists(html))
        {
            throw new FileNotFoundException($"HTML file to render not found: {html}", html);
        }

        var outputs = ValidateTargets(targets);
        var chromium = FindChromium() ?? throw new ChromiumNotFoundException(SearchedPaths());
        ct.ThrowIfCancellationRequested();

        var profile = Directory.CreateTempSubdirectory("pipeline-chromium-");
        try
        {
            using var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
            var context = await LaunchAsync(playwright, chromium, profile.FullName, options).ConfigureAwait(false);
            await using (context.ConfigureAwait(false))
            {
                // Playwright calls take no token; closing the browser makes the pending call throw instead.
                using var cancel = ct.Register(() => _ = context.CloseAsync());
                try
                {
                    var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync().ConfigureAwait(false);
                    var url = new Uri(html).AbsoluteUri;
                    try
                    {
                        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load, Timeout = Milliseconds(options.LoadTimeout) }).ConfigureAwait(false);
                    }
                    catch (TimeoutException e) when (!ct.IsCancellationRequested)
                    {
                        throw new TimeoutException($"page {url} did not load within {options.LoadTimeout.TotalSeconds:0.#} s", e);
                    }

                    await page.EvaluateAsync("() => document.fonts.ready.then(() => true)").ConfigureAwait(false);

                    // A sticky or fixed element (the report's SYNTHETIC banner) would be drawn over the top of an element
                    // scrolled under it, hiding a chart's title in its PNG: pin such elements where they are in the flow.
                    await page.EvaluateAsync(
                        "() => document.querySelectorAll('body *').forEach(e => { const p = getComputedStyle(e).position; if (p === 'sticky' || p === 'fixed') { e.style.position = 'static'; } })").ConfigureAwait(false);

                    // After the load event every element of a static page is in the DOM (Plotly draws into divs
                    // that are already there), so absence is a fact to report now, not a timeout to wait out.
                    var missing = await page.EvaluateAsync<string[]>(
                        "ids => ids.filter(id => document.getElementById(id) === null)",
                        targets.Select(t => t.ElementId).ToArray()).ConfigureAwait(false);
                    if (missing.Length > 0)
                    {
                        throw new ElementNotFoundException(missing[0], page.Url);
                    }

                    for (var i = 0; i < targets.Count; i++)
                    {
                        ct.ThrowIfCancellationRequested();
                        await CaptureAsync(page, targets[i].ElementId, outputs[i], options, waitingForElement).ConfigureAwait(false);
                    }
                }
                catch (Exception e) when ((e is PlaywrightException or TimeoutException) && ct.IsCancellationRequested)
                {
                    throw new OperationCanceledException(ct);
                }
            }
        }
        finally
        {
            DeleteProfile(profile);
        }

        return outputs;
    }

    /// <summary>
    /// Starts Chromium with a fresh profile and the network shut: the route is set on the context, so
    /// popups and frames opened by the page are blocked too. Starting and navigating get
    /// <see cref="PngOptions.LoadTimeout"/>; every other wait gets <see cref="PngOptions.ElementTimeout"/>.
    /// </summary>
    internal static async Task<IBrowserContext> LaunchAsync(IPlaywright playwright, string chromium, string profileDir, PngOptions options)
    {
        IBrowserContext context;
        try
        {
            context = await playwright.Chromium.LaunchPersistentContextAsync(profileDir, new()
            {
                ExecutablePath = chromium,
                Headless = true,
                ChromiumSandbox = false,
                Args = LaunchArguments,
                ViewportSize = new() { Width = options.ViewportWidth, Height = options.ViewportHeight },
                DeviceScaleFactor = 1,
                Locale = "en-US",
                TimezoneId = "UTC",
                ServiceWorkers = ServiceWorkerPolicy.Block,
                AcceptDownloads = false,
                Timeout = Milliseconds(options.LoadTimeout),
            }).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Chromium ({chromium}) did not start within {options.LoadTimeout.TotalSeconds:0.#} s", e);
        }

        context.SetDefaultNavigationTimeout(Milliseconds(options.LoadTimeout));
        context.SetDefaultTimeout(Milliseconds(options.ElementTimeout));
        await context.RouteAsync("**/*", route => IsAllowedUrl(route.Request.Url) ? route.ContinueAsync() : route.AbortAsync("blockedbyclient")).ConfigureAwait(false);
        await context.RouteWebSocketAsync("**/*", socket => socket.CloseAsync()).ConfigureAwait(false);
        return context;
    }

    /// <summary>Only the report file itself and inline data may load; anything else would be a network request.</summary>
    internal static bool IsAllowedUrl(string url) =>
        url.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase);

    /// <summary>The paths <see cref="FindChromium()"/> looks at now, for error messages.</summary>
    internal static IReadOnlyList<string> SearchedPaths() => SearchedPaths(Environment.GetEnvironmentVariable);

    private static IReadOnlyList<string> SearchedPaths(Func<string, string?> variable)
    {
        var chosen = variable(ChromiumVariable);
        return string.IsNullOrWhiteSpace(chosen) ? WellKnownChromiumPaths : [chosen];
    }

    private static string[] ValidateTargets(IReadOnlyList<(string ElementId, string PngPath)> targets)
    {
        var outputs = new string[targets.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < targets.Count; i++)
        {
            var (id, png) = targets[i];
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new ArgumentException($"target {i}: element id is empty", nameof(targets));
            }

            if (string.IsNullOrWhiteSpace(png))
            {
                throw new ArgumentException($"target {i} (#{id}): PNG path is empty", nameof(targets));
            }

            outputs[i] = Path.GetFullPath(png);
            if (!seen.Add(outputs[i]))
            {
                throw new ArgumentException($"target {i} (#{id}): PNG path {outputs[i]} is used twice", nameof(targets));
            }
        }

        return outputs;
    }

    private static float Milliseconds(TimeSpan limit) => (float)limit.TotalMilliseconds;

    private static async Task CaptureAsync(IPage page, string elementId, string pngPath, PngOptions options, Action<string>? waitingForElement)
    {
        // The id= engine matches the attribute literally, so ids need no CSS escaping.
        var element = page.Locator($"id={elementId}");
        try
        {
            waitingForElement?.Invoke(elementId);
            await element.WaitForAsync(new() { State = WaitForSelectorState.Visible }).ConfigureAwait(false);

            // A Plotly div is visible before it is drawn; its .main-svg appears only once plotting ran.
            await element.WaitForFunctionAsync(
                "el => !el.classList.contains('js-plotly-plot') || el.querySelector('.main-svg') !== null",
                null).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"element #{elementId} did not render within {options.ElementTimeout.TotalSeconds:0.#} s of the page's load in {page.Url}", e);
        }

        var folder = Path.GetDirectoryName(pngPath)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(pngPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await element.ScreenshotAsync(new()
            {
                Path = temp,
                Type = ScreenshotType.Png,
                Animations = ScreenshotAnimations.Disabled,
                Caret = ScreenshotCaret.Hide,
                Scale = ScreenshotScale.Css,
            }).ConfigureAwait(false);
            File.Move(temp, pngPath, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static void DeleteProfile(DirectoryInfo profile)
    {
        try
        {
            profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A profile left in the temp folder costs disk, not correctness; the PNGs are already in place.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: never let cleanup hide the render's own result or exception.
        }
    }
}
