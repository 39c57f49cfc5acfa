using System.Text.Json;
using Pipeline.Reports;
using Pipeline.Tests.Browser;

namespace Pipeline.Tests.Hostile;

/// <summary>The hostile report written once for the page tests.</summary>
public sealed class HostileReportFixture : IAsyncLifetime
{
    private readonly TempFolder tmp = new();

    public string Page => Path.Combine(Out, ReportWriter.HtmlFile);

    public string Out { get; private set; } = "";

    public int Placements { get; private set; }

    public async Task InitializeAsync() => (Out, Placements) = await HostileInputs.WriteReportAsync(tmp.Path);

    public Task DisposeAsync()
    {
        tmp.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// The report built on hostile data, opened in Debian Chromium: every chart drawn and every hover label
/// shown, then no dialog, no script from data run, no element injected, and every payload visible as text.
/// </summary>
[Collection(ChromiumCollection.Name)]
[Trait(TestCategory.Trait, TestCategory.Browser)]
[Trait(TestCategory.Trait, TestCategory.Property)]
public sealed class HostileReportPageTests(ChromiumFixture chromium, HostileReportFixture report) : IClassFixture<HostileReportFixture>
{
    /// <summary>Shows every hover label of every chart (where Plotly parses its label markup), one point at a time.</summary>
    private const string HoverEverything = """
        async () => {
          let shown = 0;
          for (const gd of document.querySelectorAll('div.chart')) {
            for (let c = 0; c < (gd.data || []).length; c++) {
              const n = Math.min(200, ((gd.data[c].x || gd.data[c].y || []).length));
              for (let p = 0; p < n; p++) {
                try { Plotly.Fx.hover(gd, [{ curveNumber: c, pointNumber: p }]); shown++; } catch (e) { }
              }
            }
            Plotly.Fx.unhover(gd);
          }
          await new Promise(r => setTimeout(r, 200));
          return shown;
        }
        """;

    private const string Inspect = """
        () => {
          const links = [...document.querySelectorAll('a')].map(a => a.getAttribute('href') || a.getAttribute('xlink:href') || '');
          return {
            pwned: typeof window.__pwned === 'undefined' ? null : String(window.__pwned),
            scripts: document.scripts.length,
            injected: document.querySelectorAll('img[src="x"], iframe, svg[onload], [onerror], [onload]').length,
            scriptLinks: links.filter(h => /^\s*javascript:/i.test(h)).length,
            text: document.documentElement.textContent,
            charts: [...document.querySelectorAll('div.chart')].filter(d => d.querySelector('.main-svg')).length,
          };
        }
        """;

    [BrowserFact]
    public async Task No_dialog_fires_no_data_script_runs_and_every_payload_shows_as_text()
    {
        await using var page = await chromium.NewPageAsync();
        await page.GotoFileAsync(report.Page);
        await page.Page.WaitForSelectorAsync("#chart-forest-synthetic .main-svg");
        var hovered = await page.Page.EvaluateAsync<int>(HoverEverything);
        var state = await page.Page.EvaluateAsync<JsonElement>(Inspect);
        var text = state.GetProperty("text").GetString()!;
        var shownAsText = HostileInputs.MarkupPayloads.Count(p => text.Contains(p, StringComparison.Ordinal));
        var pwned = state.GetProperty("pwned").GetString();

        Reliability.Record(
            ReliabilityArea.HostileContent,
            "report page in Chromium: hostile data text",
            $"{HostileInputs.Payloads.Length} payloads (script and iframe tags, </script>, onerror/onload, javascript: links, bidi overrides, control characters, formulas, templates) and a 50,000-character value in 6 event fields and 7 article fields; every hover label shown",
            $"1 report, {report.Placements} placements, {hovered} hover labels",
            $"{page.Dialogs.Count} dialogs, {(pwned is null ? 0 : 1)} data scripts run, {state.GetProperty("injected").GetInt32() + state.GetProperty("scriptLinks").GetInt32()} injected elements or javascript: links, {page.PageErrors.Count} page errors; {shownAsText} of {HostileInputs.MarkupPayloads.Count()} markup payloads shown literally as text");

        Assert.Empty(page.Dialogs);
        Assert.Null(pwned);
        Assert.Empty(page.PageErrors);
        Assert.Empty(page.ConsoleErrors);
        Assert.Empty(page.NetworkRequestUrls);
        Assert.Equal(8, state.GetProperty("charts").GetInt32());
        Assert.True(hovered > 50, $"only {hovered} hover labels shown");
        Assert.Equal(10, state.GetProperty("scripts").GetInt32()); // plotly.js, the world outlines for the map, one per chart (eight)
        Assert.Equal(0, state.GetProperty("injected").GetInt32());
        Assert.Equal(0, state.GetProperty("scriptLinks").GetInt32());
        Assert.Equal(HostileInputs.MarkupPayloads.Count(), shownAsText);
        Assert.DoesNotContain("\u202E", text, StringComparison.Ordinal);
        Assert.Contains("Tripoli [U+202E]ilopirt[U+202C]", text, StringComparison.Ordinal);
        Assert.Contains("SYNTHETIC", text, StringComparison.Ordinal);
    }
}
