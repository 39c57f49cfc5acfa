namespace Pipeline.Tests.Browser;

[Collection(ChromiumCollection.Name)]
[Trait(TestCategory.Trait, TestCategory.Browser)]
public sealed class OfflinePageTests(ChromiumFixture chromium)
{
    [BrowserFact]
    public async Task Local_page_loads_from_a_file_url_with_no_console_error_and_no_network_request()
    {
        using var pages = new TempPages();
        var path = pages.Write("plain.html", """<h1 id="title">Offline</h1><script>document.body.dataset.ran = "yes";</script>""");
        await using var page = await chromium.NewPageAsync();

        await page.GotoFileAsync(path);

        Assert.Equal("Offline", await page.Page.Locator("#title").InnerTextAsync());
        Assert.Equal("yes", await page.Page.EvaluateAsync<string>("() => document.body.dataset.ran"));
        Assert.StartsWith("file://", Assert.Single(page.RequestedUrls));
        Assert.Empty(page.NetworkRequestUrls);
        Assert.Empty(page.ConsoleErrors);
        Assert.Empty(page.PageErrors);
        Assert.Empty(page.Dialogs);
    }

    [BrowserFact]
    public async Task Local_script_beside_the_page_and_data_urls_still_load()
    {
        using var pages = new TempPages();
        File.WriteAllText(pages.PathOf("local.js"), "window.localLoaded = true;");
        var path = pages.Write("local.html", """
            <script src="local.js"></script>
            <img id="dot" src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==">
            """);
        await using var page = await chromium.NewPageAsync();

        await page.GotoFileAsync(path);

        Assert.True(await page.Page.EvaluateAsync<bool>("() => window.localLoaded === true"));
        Assert.Equal(1, await page.Page.EvaluateAsync<int>("() => document.getElementById('dot').naturalWidth"));
        Assert.Empty(page.NetworkRequestUrls);
        Assert.Empty(page.FailedRequestUrls);
        Assert.Empty(page.ConsoleErrors);
    }

    [BrowserFact]
    public async Task Image_from_https_is_aborted_and_recorded_instead_of_fetched()
    {
        using var pages = new TempPages();
        var path = pages.Write("img.html", """<img id="remote" src="https://example.com/x.png" alt="remote">""");
        await using var page = await chromium.NewPageAsync();

        await page.GotoFileAsync(path);

        Assert.Equal(["https://example.com/x.png"], page.NetworkRequestUrls);
        Assert.Contains("https://example.com/x.png", page.FailedRequestUrls);
        Assert.Equal(0, await page.Page.EvaluateAsync<int>("() => document.getElementById('remote').naturalWidth"));
    }

    [BrowserFact]
    public async Task Scripts_from_a_cdn_over_http_and_https_are_aborted_and_recorded()
    {
        using var pages = new TempPages();
        var path = pages.Write("cdn.html", """<script src="https://cdn.example/x.js"></script><script src="http://cdn.example/y.js"></script>""");
        await using var page = await chromium.NewPageAsync();

        await page.GotoFileAsync(path);

        Assert.Equal(["http://cdn.example/y.js", "https://cdn.example/x.js"], page.NetworkRequestUrls.Order(StringComparer.Ordinal));
        Assert.Equal(2, page.FailedRequestUrls.Count);
    }

    [BrowserFact]
    public async Task Fetch_from_script_is_aborted_and_recorded()
    {
        using var pages = new TempPages();
        var path = pages.Write("fetch.html", """
            <script>
              window.outcome = fetch("https://api.example/data.json").then(() => "fetched", () => "blocked");
            </script>
            """);
        await using var page = await chromium.NewPageAsync();

        await page.GotoFileAsync(path);

        Assert.Equal("blocked", await page.Page.EvaluateAsync<string>("() => window.outcome"));
        Assert.Equal(["https://api.example/data.json"], page.NetworkRequestUrls);
    }

    [BrowserFact]
    public async Task Inline_alert_is_recorded_as_a_dialog_and_dismissed()
    {
        using var pages = new TempPages();
        var path = pages.Write("alert.html", """<p id="after">loaded</p><script>alert(1); document.getElementById("after").textContent = "continued";</script>""");
        await using var page = await chromium.NewPageAsync();

        await page.GotoFileAsync(path);

        var dialog = Assert.Single(page.Dialogs);
        Assert.Equal(new RecordedDialog("alert", "1"), dialog);
        Assert.Equal("continued", await page.Page.Locator("#after").InnerTextAsync());
    }

    [BrowserFact]
    public async Task Script_error_is_recorded_as_a_page_error()
    {
        using var pages = new TempPages();
        var path = pages.Write("throws.html", """<script>console.error("drawn badly"); throw new Error("boom");</script>""");
        await using var page = await chromium.NewPageAsync();

        await page.GotoFileAsync(path);

        Assert.Equal(["drawn badly"], page.ConsoleErrors);
        Assert.Contains("boom", Assert.Single(page.PageErrors));
    }
}
