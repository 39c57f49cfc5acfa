namespace Pipeline.Fetch;

/// <summary>
/// The ACLED account used for the OAuth password grant, read only from environment variables so it never
/// appears in a command line, shell history, file, log or manifest. <see cref="ToString"/> hides it.
/// </summary>
internal sealed class AcledCredentials
{
    /// <summary>Environment variable holding the account's e-mail address.</summary>
    public const string EmailVariable = "ACLED_EMAIL";

    /// <summary>Environment variable holding the account's password.</summary>
    public const string PasswordVariable = "ACLED_PASSWORD";

    private AcledCredentials(string email, string password)
    {
        Email = email;
        Password = password;
    }

    internal string Email { get; }

    internal string Password { get; }

    /// <summary>
    /// Reads <see cref="EmailVariable"/> and <see cref="PasswordVariable"/> through <paramref name="environment"/>
    /// (the process environment when null).
    /// </summary>
    /// <exception cref="FetchException">Either variable is unset or blank; the message names which.</exception>
    public static AcledCredentials FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var email = environment(EmailVariable);
        var password = environment(PasswordVariable);
        var missing = new[] { (EmailVariable, email), (PasswordVariable, password) }.Where(v => string.IsNullOrWhiteSpace(v.Item2)).Select(v => v.Item1).ToList();
        if (missing.Count > 0)
        {
            throw new FetchException(
                $"ACLED credentials are missing: {string.Join(" and ", missing)} {(missing.Count > 1 ? "are" : "is")} not set",
                $"export {EmailVariable}=<your ACLED account e-mail> and {PasswordVariable}=<its password> in the shell that runs pipeline (register at acleddata.com); they are read from the environment only and never written anywhere");
        }

        return new AcledCredentials(email!.Trim(), password!);
    }

    /// <summary>Replaces any occurrence of the e-mail or password in a text (e.g. an echoed server message) with <c>***</c>.</summary>
    internal string Scrub(string text)
    {
        foreach (var secret in new[] { Password, Email })
        {
            if (secret.Length > 0)
            {
                text = text.Replace(secret, "***", StringComparison.OrdinalIgnoreCase);
            }
        }

        return text;
    }

    /// <summary>Never shows the credentials.</summary>
    public override string ToString() => $"ACLED credentials from {EmailVariable}/{PasswordVariable}";
}
