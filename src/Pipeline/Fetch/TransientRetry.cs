using System.Net;
using Polly.Retry;
using Polly;

namespace Pipeline.Fetch;

/// <summary>
/// Sends one logical request with Polly retries on transient failures, within the attempt and total-delay
/// bounds of <see cref="HttpFetchOptions"/>. A request is built afresh for each attempt (a sent request
/// cannot be re-sent). By default the body is read inside the attempt, so a connection that breaks mid-body
/// is retried like any other transient failure. Returns the last response, successful or not, with the attempt count and why retrying
/// stopped; throws <see cref="FetchException"/> only when no response was ever received.
/// </summary>
internal sealed class TransientRetry(HttpClient http, HttpFetchOptions options, TimeProvider time, Action<string>? progress)
{
    /// <summary>The final response of a retried request.</summary>
    public sealed record Result(HttpResponseMessage Response, int Attempts, string? GaveUp) : IDisposable
    {
        public void Dispose() => Response.Dispose();
    }

    public async Task<Result> SendAsync(Func<HttpRequestMessage> makeRequest, string what, CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var spent = TimeSpan.Zero;
        var attempts = 0;
        TimeSpan? next = null;
        string? stopReason = null;
        var retry = new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxAttempts - 1,
            ShouldHandle = args =>
            {
                if (!IsTransient(args.Outcome, cancellationToken))
                {
                    return ValueTask.FromResult(false);
                }

                if (args.AttemptNumber + 1 >= options.MaxAttempts)
                {
                    stopReason = $"gave up after {options.MaxAttempts} attempts";
                    return ValueTask.FromResult(false);
                }

                var delay = DelayFor(args.Outcome.Result, args.AttemptNumber);
                if (spent + delay > options.MaxTotalDelay)
                {
                    stopReason = $"gave up after {args.AttemptNumber + 1} attempts: waiting {delay.TotalSeconds:0.#} s more would pass the {options.MaxTotalDelay.TotalSeconds:0.#} s retry budget";
                    return ValueTask.FromResult(false);
                }

                spent += delay;
                next = delay;
                return ValueTask.FromResult(true);
            },
            DelayGenerator = _ => ValueTask.FromResult(next),
            OnRetry = args =>
            {
                var cause = args.Outcome.Result is { } r ? $"HTTP {(int)r.StatusCode}" : args.Outcome.Exception?.GetType().Name ?? "failure";
                progress?.Invoke($"{what}: {cause}, retrying in {args.RetryDelay.TotalSeconds:0.###} s (attempt {args.AttemptNumber + 2} of {options.MaxAttempts})");
                return default;
            },
        };
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }.AddRetry(retry).Build();
        try
        {
            var response = await pipeline.ExecuteAsync(
                async ct =>
                {
                    attempts++;
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    timeout.CancelAfter(options.AttemptTimeout);
                    using var request = makeRequest();
                    return await http.SendAsync(request, completion, timeout.Token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            return new Result(response, attempts, IsTransientStatus(response.StatusCode) ? stopReason ?? $"gave up after {attempts} attempts" : null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            var reason = ex is TaskCanceledException ? $"no answer within {options.AttemptTimeout.TotalSeconds:0} s" : ex.Message;
            throw new FetchException($"{what}: could not reach the server ({reason}); {stopReason ?? "gave up"}",
                "check the network connection and the base URL; run the same command again later, pages already downloaded are kept in the cache", inner: ex);
        }
    }

    /// <summary>The wait before the next attempt: the server's <c>Retry-After</c> when given, else exponential back-off.</summary>
    private TimeSpan DelayFor(HttpResponseMessage? response, int attempt)
    {
        if (response?.Headers.RetryAfter is { } after)
        {
            var wait = after.Delta ?? (after.Date is { } date ? date - time.GetUtcNow() : TimeSpan.Zero);
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        var backoff = options.FirstDelay * Math.Pow(2, attempt);
        return backoff > options.MaxDelay ? options.MaxDelay : backoff;
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken) =>
        outcome.Result is { } r ? IsTransientStatus(r.StatusCode)
        : outcome.Exception is HttpRequestException or IOException || (outcome.Exception is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private static bool IsTransientStatus(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;
}
