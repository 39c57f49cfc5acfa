namespace Pipeline.Tests.Fetch;

/// <summary>
/// The system clock, except that every timer fires at once and its requested due time is recorded. A retry
/// test then asserts how long the fetcher chose to wait (say, a server's <c>Retry-After</c>) without
/// waiting it out and without measuring elapsed time, which a busy machine stretches.
/// </summary>
internal sealed class RecordingTimeProvider : TimeProvider
{
    private readonly List<TimeSpan> delays = [];

    /// <summary>The due times of the timers created so far, in order (infinite ones, which never fire, left out).</summary>
    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (delays)
            {
                return delays.ToList();
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return base.CreateTimer(callback, state, dueTime, period);
        }

        lock (delays)
        {
            delays.Add(dueTime);
        }

        return base.CreateTimer(callback, state, TimeSpan.Zero, period);
    }
}
