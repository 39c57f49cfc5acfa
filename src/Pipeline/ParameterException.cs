using System.Text.RegularExpressions;

namespace Pipeline;

/// <summary>
/// Messages that name the library's parameters without knowing any front end's syntax. A message template
/// writes a parameter as <c>{Type.Member}</c> (e.g. <c>{EventStudyOptions.Window}</c>); <see cref="Render"/>
/// shows it by that name, or by whatever a front end maps it to (the CLI shows <c>--window</c>).
/// </summary>
public static partial class ParameterText
{
    /// <summary>The placeholder for <paramref name="parameter"/> inside a template.</summary>
    public static string Ref(string parameter) => "{" + parameter + "}";

    /// <summary>The parameters a template names, in order of first appearance.</summary>
    public static IReadOnlyList<string> Parameters(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The template with each parameter shown by <paramref name="name"/> (null or no answer: the parameter's own name).</summary>
    public static string Render(string template, Func<string, string?>? name = null) =>
        Placeholder().Replace(template, m => name?.Invoke(m.Groups[1].Value) ?? m.Groups[1].Value);

    [GeneratedRegex(@"\{([A-Z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}

/// <summary>An error whose message names parameters (see <see cref="ParameterText"/>), so a front end can word it in its own terms.</summary>
public interface INamesParameters
{
    /// <summary>The message with <c>{Type.Member}</c> placeholders for the parameters it names.</summary>
    string MessageTemplate { get; }
}

/// <summary>
/// A value of a library parameter is wrong or missing. The message names the parameter (as <c>Type.Member</c>,
/// e.g. <c>EventStudyOptions.Window</c>); <see cref="ArgumentException.ParamName"/> is the first one named, and
/// <see cref="INamesParameters.MessageTemplate"/> lets a front end show its own spelling (the CLI's flags).
/// </summary>
public class ParameterException : ArgumentException, INamesParameters
{
    /// <summary>Creates the error.</summary>
    /// <param name="messageTemplate">The message; parameters written as <c>{Type.Member}</c> (see <see cref="ParameterText.Ref"/>).</param>
    /// <param name="parameter">The parameter at fault when the template names none; null to take the first it names.</param>
    public ParameterException(string messageTemplate, string? parameter = null)
        : base(ParameterText.Render(messageTemplate), parameter ?? ParameterText.Parameters(messageTemplate).FirstOrDefault())
    {
        MessageTemplate = messageTemplate;
    }

    /// <inheritdoc />
    public string MessageTemplate { get; }

    /// <summary>The message with each parameter shown by its name (no "(Parameter …)" suffix: the message names it).</summary>
    public override string Message => ParameterText.Render(MessageTemplate);
}
