using Pipeline.Cli;

namespace Pipeline.Tests.Support;

/// <summary>Runs the <c>pipeline</c> command in-process with captured output.</summary>
internal static class CliRun
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }
}

/// <summary>Runs the developer tools (<c>tests/Pipeline.DevTools</c>) in-process with captured output.</summary>
internal static class DevToolsRun
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Pipeline.DevTools.DevToolsApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }
}
