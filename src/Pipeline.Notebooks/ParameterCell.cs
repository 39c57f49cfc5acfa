using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Pipeline.Text;

namespace Pipeline.Notebooks;

/// <summary>
/// Papermill's conventions in C#: the defaults are the <c>var name = value;</c> / <c>type name = value;</c>
/// declarations of the cell tagged <c>parameters</c>; overrides are typed from them and written into a cell tagged
/// <c>injected-parameters</c>, which redeclares the variables (scripts allow that) right after.
/// </summary>
internal static class ParameterCell
{
    public const string ParametersTag = "parameters";
    public const string InjectedTag = "injected-parameters";

    /// <summary>The declarations in a parameters cell, in order; statements that are not declarations are ignored.</summary>
    public static IReadOnlyList<NotebookParameter> Parse(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(kind: SourceCodeKind.Script));
        var result = new List<NotebookParameter>();
        foreach (var member in tree.GetCompilationUnitRoot().Members)
        {
            var declaration = member switch
            {
                FieldDeclarationSyntax f => f.Declaration,
                GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax l } => l.Declaration,
                _ => null,
            };
            if (declaration is null)
            {
                continue;
            }

            var type = declaration.Type.ToString();
            foreach (var v in declaration.Variables)
            {
                if (v.Initializer is { } init)
                {
                    result.Add(FromDefault(v.Identifier.Text, type, init.Value));
                }
            }
        }

        return result;
    }

    /// <summary>Applies <c>name=value</c> overrides to the defaults; the result is in the defaults' order.</summary>
    /// <exception cref="NotebookInputException">An unknown name, or a value that is not of the parameter's type.</exception>
    public static IReadOnlyList<NotebookParameter> Override(IReadOnlyList<NotebookParameter> defaults, IReadOnlyList<KeyValuePair<string, string>> overrides, bool hasParametersCell)
    {
        var byName = defaults.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var (name, value) in overrides)
        {
            if (!byName.TryGetValue(name, out var p))
            {
                throw new NotebookInputException(hasParametersCell
                    ? $"unknown parameter '{name}'; the notebook's parameters cell declares: {(defaults.Count == 0 ? "(none)" : string.Join(", ", defaults.Select(d => d.Name)))}"
                    : $"unknown parameter '{name}'; the notebook has no cell tagged 'parameters', so it takes no -p values");
            }

            byName[name] = WithValue(p, value);
        }

        return defaults.Select(d => byName[d.Name]).ToList();
    }

    /// <summary>The source of the injected cell: one declaration per overridden parameter.</summary>
    public static string InjectedSource(IEnumerable<NotebookParameter> overridden) =>
        "// Parameters\n" + string.Join("\n", overridden.Select(p => $"{p.DeclaredType} {p.Name} = {p.Expression};"));

    private static NotebookParameter FromDefault(string name, string type, ExpressionSyntax value)
    {
        var kind = KindOf(type, value);
        var text = value switch
        {
            LiteralExpressionSyntax lit when lit.Token.Value is IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            LiteralExpressionSyntax lit when lit.Token.Value is string s => s,
            LiteralExpressionSyntax lit when lit.Token.Value is bool b => b ? "true" : "false",
            _ when kind == ParameterKind.Date && DateArguments(value) is { } date => IsoDate.Format(date),
            _ => value.ToString(),
        };
        return new NotebookParameter(name, type, kind, text, value.ToString());
    }

    private static ParameterKind KindOf(string type, ExpressionSyntax value)
    {
        var t = type.TrimEnd('?');
        var declared = t switch
        {
            "string" or "String" or "System.String" => ParameterKind.String,
            "int" or "Int32" or "System.Int32" => ParameterKind.Int,
            "long" or "Int64" or "System.Int64" => ParameterKind.Long,
            "ulong" or "UInt64" or "System.UInt64" => ParameterKind.ULong,
            "double" or "Double" or "System.Double" => ParameterKind.Double,
            "decimal" or "Decimal" or "System.Decimal" => ParameterKind.Decimal,
            "bool" or "Boolean" or "System.Boolean" => ParameterKind.Bool,
            "DateOnly" or "System.DateOnly" => ParameterKind.Date,
            "var" => (ParameterKind?)null,
            _ => ParameterKind.Other,
        };
        if (declared is { } k)
        {
            return k;
        }

        return value switch
        {
            LiteralExpressionSyntax { Token.Value: string } => ParameterKind.String,
            LiteralExpressionSyntax { Token.Value: int } => ParameterKind.Int,
            LiteralExpressionSyntax { Token.Value: long } => ParameterKind.Long,
            LiteralExpressionSyntax { Token.Value: ulong } => ParameterKind.ULong,
            LiteralExpressionSyntax { Token.Value: double } => ParameterKind.Double,
            LiteralExpressionSyntax { Token.Value: decimal } => ParameterKind.Decimal,
            LiteralExpressionSyntax { Token.Value: bool } => ParameterKind.Bool,
            _ when DateArguments(value) is not null => ParameterKind.Date,
            _ => ParameterKind.Other,
        };
    }

    /// <summary>The date of <c>new DateOnly(y, m, d)</c> or <c>DateOnly.Parse("yyyy-MM-dd")</c>, else null.</summary>
    private static DateOnly? DateArguments(ExpressionSyntax value)
    {
        switch (value)
        {
            case ObjectCreationExpressionSyntax { Type: var t, ArgumentList.Arguments: { Count: 3 } args } when t.ToString() is "DateOnly" or "System.DateOnly":
                var parts = args.Select(a => a.Expression is LiteralExpressionSyntax { Token.Value: int i } ? i : (int?)null).ToList();
                return parts.All(p => p is not null) ? new DateOnly(parts[0]!.Value, parts[1]!.Value, parts[2]!.Value) : null;
            case InvocationExpressionSyntax { Expression: var e, ArgumentList.Arguments: { Count: >= 1 } a }
                when e.ToString() is "DateOnly.Parse" or "System.DateOnly.Parse" or "DateOnly.ParseExact" or "System.DateOnly.ParseExact"
                    && a[0].Expression is LiteralExpressionSyntax { Token.Value: string s }
                    && IsoDate.TryParse(s, out var d):
                return d;
            default:
                return null;
        }
    }

    private static NotebookParameter WithValue(NotebookParameter p, string value)
    {
        var inv = CultureInfo.InvariantCulture;
        string Bad(string what) => throw new NotebookInputException($"parameter '{p.Name}' is {what} (default {p.Expression}); '{value}' is not one");
        var expression = p.Kind switch
        {
            ParameterKind.String => SymbolDisplay.FormatLiteral(value, quote: true),
            ParameterKind.Int => int.TryParse(value, NumberStyles.Integer, inv, out var i) ? i.ToString(inv) : Bad("an int"),
            ParameterKind.Long => long.TryParse(value, NumberStyles.Integer, inv, out var l) ? l.ToString(inv) + "L" : Bad("a long"),
            ParameterKind.ULong => ulong.TryParse(value, NumberStyles.Integer, inv, out var u) ? u.ToString(inv) + "UL" : Bad("a ulong"),
            ParameterKind.Double => double.TryParse(value, NumberStyles.Float, inv, out var dbl) && double.IsFinite(dbl) ? DoubleLiteral(dbl) : Bad("a finite double"),
            ParameterKind.Decimal => decimal.TryParse(value, NumberStyles.Number, inv, out var m) ? m.ToString(inv) + "m" : Bad("a decimal"),
            ParameterKind.Bool => bool.TryParse(value, out var b) ? (b ? "true" : "false") : Bad("a bool (true or false)"),
            ParameterKind.Date => IsoDate.TryParse(value, out var d)
                ? $"new DateOnly({d.Year.ToString(inv)}, {d.Month.ToString(inv)}, {d.Day.ToString(inv)})"
                : Bad("a date (yyyy-MM-dd)"),
            _ => throw new NotebookInputException($"parameter '{p.Name}' has a default of a type the runner cannot set from text ({p.DeclaredType} = {p.Expression}); make the default a string, number, bool or DateOnly literal"),
        };
        var normalized = p.Kind switch
        {
            ParameterKind.String => value,
            ParameterKind.Date => IsoDate.Format(IsoDate.Parse(value)),
            ParameterKind.Long or ParameterKind.ULong => expression.TrimEnd('L', 'U'),
            ParameterKind.Decimal => expression.TrimEnd('m'),
            _ => expression,
        };
        return p with { Value = normalized, Expression = expression };
    }

    private static string DoubleLiteral(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
