namespace Pipeline.Events;

/// <summary>
/// Thrown in strict mode at the first row that cannot be loaded; carries the same
/// <see cref="RowRejection"/> that lax mode would have collected, so both modes report identically.
/// </summary>
public sealed class RowRejectedException : Exception
{
    /// <summary>Wraps a rejection.</summary>
    public RowRejectedException(RowRejection rejection)
        : base(rejection.ToString()) => Rejection = rejection;

    /// <summary>The rejected row and why.</summary>
    public RowRejection Rejection { get; }
}
