namespace Pipeline.Events;

/// <summary>
/// Header names mapped to positions, case-insensitively and ignoring surrounding spaces, because ACLED has
/// shipped the same columns in lower and UPPER case and in different orders. Also finds the nearest
/// header name for a missing column, so the error can say "did you mean …".
/// </summary>
internal sealed class HeaderIndex
{
    private readonly Dictionary<string, int> positions = new(StringComparer.OrdinalIgnoreCase);

    public HeaderIndex(IReadOnlyList<string> names)
    {
        Names = names;
        for (var i = 0; i < names.Count; i++)
        {
            var key = names[i].Trim();
            if (key.Length > 0)
            {
                positions.TryAdd(key, i);
            }
        }
    }

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    public bool Has(string name) => positions.ContainsKey(name);

    /// <summary>The position of the first alias present, or −1.</summary>
    public int Find(params ReadOnlySpan<string> aliases)
    {
        foreach (var alias in aliases)
        {
            if (positions.TryGetValue(alias, out var i))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A header name as error messages show it: control characters visible as <c>[U+0000]</c>, at most 40 characters.</summary>
    public static string Show(string name)
    {
        var shown = Text.VisibleControls.Reveal(name);
        return shown.Length <= 40 ? shown : string.Concat(shown.AsSpan(0, 39), "…");
    }

    /// <summary>The closest present header to a wanted name, when it is close enough to be a likely typo.</summary>
    public string? Nearest(string wanted) => Text.NameSuggestion.Nearest(wanted, positions.Keys);
}
