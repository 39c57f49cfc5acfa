namespace Pipeline.Events;

/// <summary>What a <see cref="RowWarning"/> is about, so summaries can count each kind.</summary>
public enum RowWarningKind
{
    /// <summary>A value the source itself publishes although it looks wrong (e.g. UCDP best outside low..high).</summary>
    AsPublished,

    /// <summary>A cell holding an invisible control character (NUL or another C0 control, or DEL).</summary>
    ControlCharacter,
}
