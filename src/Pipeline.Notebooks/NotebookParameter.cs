namespace Pipeline.Notebooks;

/// <summary>A parameter of a notebook, as declared in its <c>parameters</c> cell or set by an override.</summary>
/// <param name="Name">The variable name.</param>
/// <param name="DeclaredType">The type as written (<c>var</c>, <c>int</c>, <c>string</c>, …), reused in the injected cell.</param>
/// <param name="Kind">The type the value is read as.</param>
/// <param name="Value">The value as text: the string itself, a number in invariant culture, <c>true</c>, <c>2020-01-03</c>.</param>
/// <param name="Expression">The C# expression that gives the value.</param>
public sealed record NotebookParameter(string Name, string DeclaredType, ParameterKind Kind, string Value, string Expression);
