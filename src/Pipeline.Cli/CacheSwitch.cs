using System.CommandLine;
using Pipeline.Events;

namespace Pipeline.Cli;

/// <summary>
/// <c>--no-cache</c>, shared by the commands that load events files (<c>inspect</c>, <c>report</c>): by default they
/// go through the per-user columnar cache (<see cref="EventCacheOptions.DefaultFolder"/>); the results are the same
/// bytes either way, only the time differs.
/// </summary>
internal static class CacheSwitch
{
    public static Option<bool> Create() => new("--no-cache")
    {
        Description = "Parse the events file(s) every time instead of going through the columnar cache in $XDG_CACHE_HOME/pipeline/events (else ~/.cache/pipeline/events); same results",
    };

    /// <summary>The load options for <paramref name="noCache"/>; the cache's messages (an entry rebuilt, the cache not used) go to <paramref name="stderr"/>.</summary>
    public static EventLoadOptions Options(bool noCache, TextWriter stderr) =>
        noCache || EventLoadOptions.Default.Cache is not { } cache
            ? EventLoadOptions.Uncached
            : EventLoadOptions.Default with { Cache = cache with { Report = line => stderr.WriteLine($"warning: {line}") } };
}
