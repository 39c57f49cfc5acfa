using Microsoft.Playwright;
using Pipeline.Rendering;

namespace Pipeline.Tests.Browser;

/// <summary>A JavaScript dialog the page opened (alert, confirm, prompt, beforeunload); it was dismissed.</summary>
public sealed record RecordedDialog(string Type, string Message);

/// <summary>
/// A page plus what it did, recorded from the moment it opened: console messages of type error, uncaught
/// page errors, every request URL it attempted (allowed or aborted) and every dialog. Dialogs are dismissed
/// so hostile content cannot stall a test, but they are kept so a test can assert none fired.
/// </summary>
public sealed class RecordedPage : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _pageErrors = [];
    private readonly List<string> _requests = [];
    private readonly List<string> _failedRequests = [];
    private readonly List<RecordedDialog> _dialogs = [];

    private RecordedPage(IPage page)
    {
        Page = page;
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                Add(_consoleErrors, m.Text);
            }
        };
        page.PageError += (_, e) => Add(_pageErrors, e);
        page.Request += (_, r) => Add(_requests, r.Url);
        page.RequestFailed += (_, r) => Add(_failedRequests, r.Url);
        page.Dialog += (_, d) =>
        {
            Add(_dialogs, new RecordedDialog(d.Type, d.Message));
            _ = d.DismissAsync();
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> ConsoleErrors => Snapshot(_consoleErrors);

    public IReadOnlyList<string> PageErrors => Snapshot(_pageErrors);

    /// <summary>Every URL the page tried to load, in order, including the ones the route aborted.</summary>
    public IReadOnlyList<string> RequestedUrls => Snapshot(_requests);

    /// <summary>Requests that did not complete; an aborted network request ends up here.</summary>
    public IReadOnlyList<string> FailedRequestUrls => Snapshot(_failedRequests);

    /// <summary>Attempted URLs that would have left the machine (anything but file: and data:).</summary>
    public IReadOnlyList<string> NetworkRequestUrls => RequestedUrls.Where(u => !PngRenderer.IsAllowedUrl(u)).ToList();

    public IReadOnlyList<RecordedDialog> Dialogs => Snapshot(_dialogs);

    internal static async Task<RecordedPage> OpenAsync(IBrowserContext context) => new(await context.NewPageAsync());

    /// <summary>Opens a local file by its file:// URL and waits for the load event.</summary>
    public async Task GotoFileAsync(string path) =>
        await Page.GotoAsync(new Uri(Path.GetFullPath(path)).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });

    public async ValueTask DisposeAsync() => await Page.CloseAsync();

    private void Add<T>(List<T> list, T item)
    {
        lock (_gate)
        {
            list.Add(item);
        }
    }

    private List<T> Snapshot<T>(List<T> list)
    {
        lock (_gate)
        {
            return [.. list];
        }
    }
}
