using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Web;

namespace Pipeline.Tests.Fetch;

/// <summary>One request the loopback server received.</summary>
internal sealed record RecordedRequest(string Method, string Path, NameValueCollection Query, NameValueCollection Form, WebHeaderCollection Headers)
{
    public string? Authorization => Headers["Authorization"];

    public string Param(string name) => Query[name] ?? "";
}

/// <summary>What the server answers: status, body bytes, headers; <see cref="CutAfter"/> closes the connection after that many body bytes.</summary>
internal sealed record Reply(int Status, byte[] Body, IReadOnlyDictionary<string, string>? Headers = null, int? CutAfter = null)
{
    public static Reply Json(int status, string json, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, Encoding.UTF8.GetBytes(json), new Dictionary<string, string>(headers ?? new Dictionary<string, string>()) { ["Content-Type"] = "application/json" });
}

/// <summary>
/// A real HTTP server on 127.0.0.1 with a free port, started by a test. Every request is recorded and
/// answered by the handler; an exception in the handler becomes a 599 so a test failure shows up as such.
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener listener;
    private readonly Func<RecordedRequest, Reply> handler;
    private readonly Task loop;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();

    public LoopbackServer(Func<RecordedRequest, Reply> handler)
    {
        this.handler = handler;
        (listener, BaseUrl) = Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public IReadOnlyList<RecordedRequest> Requests => requests.ToList();

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        loop.Wait(TimeSpan.FromMinutes(2));
    }

    private static (HttpListener, Uri) Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var url = new Uri($"http://127.0.0.1:{port}/");
            var l = new HttpListener();
            l.Prefixes.Add(url.AbsoluteUri);
            try
            {
                l.Start();
                return (l, url);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                l.Close();
            }
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Answer(context));
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var req = context.Request;
        var form = new NameValueCollection();
        if (req.HasEntityBody)
        {
            using var body = new StreamReader(req.InputStream, Encoding.UTF8);
            var text = body.ReadToEnd();
            if (req.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true)
            {
                form = HttpUtility.ParseQueryString(text);
            }
        }

        var headers = new WebHeaderCollection();
        foreach (string key in req.Headers)
        {
            headers[key] = req.Headers[key];
        }

        var recorded = new RecordedRequest(req.HttpMethod, req.Url!.AbsolutePath, HttpUtility.ParseQueryString(req.Url.Query), form, headers);
        requests.Enqueue(recorded);
        Reply reply;
        try
        {
            reply = handler(recorded);
        }
        catch (Exception ex)
        {
            reply = Reply.Json(599, $"{{\"message\":\"test handler failed: {ex.GetType().Name}\"}}");
        }

        var res = context.Response;
        try
        {
            res.StatusCode = reply.Status;
            foreach (var (k, v) in reply.Headers ?? new Dictionary<string, string>())
            {
                if (k.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    res.ContentType = v;
                }
                else
                {
                    res.Headers[k] = v;
                }
            }

            res.ContentLength64 = reply.Body.Length;
            if (reply.CutAfter is { } cut)
            {
                res.OutputStream.Write(reply.Body, 0, cut);
                res.OutputStream.Flush();
                res.Abort();
                return;
            }

            res.OutputStream.Write(reply.Body);
            res.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away (e.g. it timed out); nothing to answer.
        }
    }
}
