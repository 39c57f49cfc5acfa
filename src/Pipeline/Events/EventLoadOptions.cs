namespace Pipeline.Events;

/// <summary>
/// How a file is loaded. A plain class with named defaults, so call sites never pass bare booleans.
/// </summary>
public sealed record EventLoadOptions
{
    /// <summary>The defaults: lax mode, all rejections collected.</summary>
    public static EventLoadOptions Default { get; } = new();

    /// <summary>
    /// Stop at the first row that cannot be loaded (throwing <see cref="RowRejectedException"/>) instead of
    /// collecting it. Use it when a file is supposed to be clean and any bad row means a wrong export.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>
    /// Values that mean "no value" in any text or number cell, besides the empty string. ACLED exports that
    /// passed through R write <c>NA</c>.
    /// </summary>
    public IReadOnlyList<string> MissingValues { get; init; } = ["NA"];
}
