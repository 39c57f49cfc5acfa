using System.Net;

namespace Pipeline.Fetch;

/// <summary>
/// A download that cannot go on: missing or rejected credentials, an API error, an unreadable response, a
/// filter that matched nothing. Carries the parts as properties (what went wrong, what to do, the URL without
/// credentials, the HTTP status and the API's own message) so the CLI and tests need not parse the message.
/// Never carries a password, token or e-mail address. The hint may name a parameter as <c>{Type.Member}</c>
/// (<see cref="ParameterText"/>): <see cref="Exception.Message"/> shows the library's name, and a front end its own
/// (the CLI shows <c>--refresh</c> for <c>{FetchMode.Refresh}</c>).
/// </summary>
public sealed class FetchException : Exception, INamesParameters
{
    /// <summary>Creates the exception; the message is composed from the parts.</summary>
    public FetchException(string problem, string hint, string? url = null, HttpStatusCode? status = null, string? apiMessage = null, Exception? inner = null)
        : base(ParameterText.Render(Compose(problem, hint, url, status, apiMessage)), inner)
    {
        MessageTemplate = Compose(problem, hint, url, status, apiMessage);
        Problem = ParameterText.Render(problem);
        Hint = ParameterText.Render(hint);
        Url = url;
        Status = status;
        ApiMessage = apiMessage;
    }

    /// <inheritdoc />
    public string MessageTemplate { get; }

    /// <summary>What went wrong.</summary>
    public string Problem { get; }

    /// <summary>What the user can do about it.</summary>
    public string Hint { get; }

    /// <summary>The request URL (no credentials are ever part of one), when a request was involved.</summary>
    public string? Url { get; }

    /// <summary>The final HTTP status, when there was a response.</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>The message the API put in its error body, when it sent one.</summary>
    public string? ApiMessage { get; }

    private static string Compose(string problem, string hint, string? url, HttpStatusCode? status, string? apiMessage)
    {
        var http = status is { } s ? $" (HTTP {(int)s} {s})" : "";
        var api = apiMessage is null ? "" : $"; the server said: \"{apiMessage}\"";
        var where = url is null ? "" : $" [{url}]";
        return $"{problem}{http}{api}. {hint}{where}".ReplaceLineEndings(" ");
    }
}
