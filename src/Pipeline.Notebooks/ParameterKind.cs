namespace Pipeline.Notebooks;

/// <summary>The type of a notebook parameter, taken from its default, which decides how <c>-p name=value</c> text is read.</summary>
public enum ParameterKind
{
    /// <summary>Any text; written as an escaped C# string literal.</summary>
    String,

    /// <summary><c>int</c>.</summary>
    Int,

    /// <summary><c>long</c>.</summary>
    Long,

    /// <summary><c>ulong</c> (e.g. random seeds).</summary>
    ULong,

    /// <summary><c>double</c>.</summary>
    Double,

    /// <summary><c>decimal</c>.</summary>
    Decimal,

    /// <summary><c>bool</c> (<c>true</c> / <c>false</c>).</summary>
    Bool,

    /// <summary><c>DateOnly</c>, given as <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary>An expression of another type: it keeps its default and cannot be overridden.</summary>
    Other,
}
