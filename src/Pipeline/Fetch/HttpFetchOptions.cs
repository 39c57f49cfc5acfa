namespace Pipeline.Fetch;

/// <summary>
/// How hard a download tries: attempts per request and a bound on the total time spent waiting between
/// them, so a struggling server never keeps a run going for long. Retried: HTTP 429 (honouring
/// <c>Retry-After</c>), 5xx, connection failures and request time-outs.
/// </summary>
public sealed record HttpFetchOptions
{
    /// <summary>The defaults: 5 attempts, 1 s first delay doubling up to 20 s, at most 60 s of waiting per request.</summary>
    public static HttpFetchOptions Default { get; } = new();

    /// <summary>Attempts per request, the first included (1 = no retries).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Delay before the first retry when the server gives no <c>Retry-After</c>; doubled each time.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound on one computed back-off delay.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Upper bound on all waiting between attempts of one request; a longer <c>Retry-After</c> ends the retries.</summary>
    public TimeSpan MaxTotalDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Time-out of one HTTP attempt (large archives need minutes).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        if (MaxAttempts is < 1 or > 20)
        {
            throw new ArgumentException($"MaxAttempts must be 1..20, got {MaxAttempts}");
        }

        if (FirstDelay < TimeSpan.Zero || MaxDelay < TimeSpan.Zero || MaxTotalDelay < TimeSpan.Zero)
        {
            throw new ArgumentException("retry delays must not be negative");
        }

        if (AttemptTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"AttemptTimeout must be positive, got {AttemptTimeout}");
        }
    }
}
