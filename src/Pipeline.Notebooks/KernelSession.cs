using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace Pipeline.Notebooks;

/// <summary>
/// The real .NET Interactive kernel as a child process (<c>dotnet Microsoft.DotNet.Interactive.App.dll stdio</c>, what
/// <c>dotnet tool run dotnet-interactive -- stdio</c> starts, of the version pinned in the repository's
/// <c>.config/dotnet-tools.json</c>; started directly so there is one process to end), spoken to in its JSON lines: one
/// <c>SubmitCode</c> command per cell, its events turned into the cell's outputs. The process does not reference the
/// library, so what a cell loads is what Jupyter's kernel loads. The process is killed when the session is disposed
/// (it does not exit when its input closes).
/// </summary>
internal sealed partial class KernelSession : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<JsonElement> _events = Channel.CreateUnbounded<JsonElement>();
    private readonly StringBuilder _stderr = new();
    private int _submissions;

    private KernelSession(Process process) => _process = process;

    /// <summary>The kernel tool's entry assembly, from the tool manifest (<c>.config/dotnet-tools.json</c>) in
    /// <paramref name="folder"/> or a folder above it and the NuGet package folder <c>dotnet tool restore</c> fills.</summary>
    /// <returns>The entry assembly's path and the pinned version.</returns>
    /// <exception cref="NotebookInputException">No manifest pins the kernel, or it is not restored.</exception>
    public static (string Dll, string Version) FindKernel(string folder, string nugetRoot)
    {
        // The notebook's folder first; a notebook outside the repository (a temporary copy) gets the kernel pinned
        // where pipeline is run from or built.
        var starts = new[] { folder, Environment.CurrentDirectory, AppContext.BaseDirectory };
        foreach (var dir in starts.SelectMany(s => Ancestors(new DirectoryInfo(s))))
        {
            var manifest = Path.Combine(dir.FullName, ".config", "dotnet-tools.json");
            if (!File.Exists(manifest))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(File.ReadAllText(manifest));
            if (!doc.RootElement.GetProperty("tools").TryGetProperty(ToolId, out var tool))
            {
                continue;
            }

            var version = tool.GetProperty("version").GetString()!;
            var dll = Path.Combine(nugetRoot, ToolId, version, "tools", "net10.0", "any", "Microsoft.DotNet.Interactive.App.dll");
            return File.Exists(dll)
                ? (dll, version)
                : throw new NotebookInputException($"the .NET Interactive kernel {version} pinned in {manifest} is not installed ({dll} not found); run 'dotnet tool restore'");
        }

        throw new NotebookInputException($"no .config/dotnet-tools.json pinning {ToolId} in {folder}, the current folder or a folder above them; pipeline run runs the kernel the repository pins (run it inside the repository, or copy its .config/dotnet-tools.json)");
    }

    /// <summary>The NuGet package folder <c>dotnet tool restore</c> fills: <c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>.</summary>
    public static string DefaultNuGetRoot() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } env
            ? env
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static IEnumerable<DirectoryInfo> Ancestors(DirectoryInfo? dir)
    {
        for (; dir is not null; dir = dir.Parent)
        {
            yield return dir;
        }
    }

    private const string ToolId = "microsoft.dotnet-interactive";

    /// <summary>Starts the kernel (<paramref name="kernelDll"/>, from <see cref="FindKernel"/>) with
    /// <paramref name="workingDirectory"/> as its current directory.</summary>
    public static KernelSession Start(string kernelDll, string workingDirectory)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(kernelDll);
        info.ArgumentList.Add("stdio");

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start 'dotnet {kernelDll} stdio'");
        var session = new KernelSession(process);
        _ = Task.Run(session.ReadEventsAsync);
        _ = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                lock (session._stderr)
                {
                    session._stderr.AppendLine(line);
                }
            }
        });
        return session;
    }

    private async Task ReadEventsAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                await _events.Writer.WriteAsync(doc.RootElement.Clone()).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                // Not an event line.
            }
        }

        _events.Writer.TryComplete();
    }

    /// <summary>Runs one cell's code; returns its outputs and, when the kernel reports the command failed, the error.</summary>
    public async Task<(List<CellOutput> Outputs, ErrorOutput? Error, int? Line)> SubmitAsync(string code, int executionCount, CancellationToken ct)
    {
        var token = $"cell-{(++_submissions).ToString(CultureInfo.InvariantCulture)}";
        var command = new JsonObject
        {
            ["commandType"] = "SubmitCode",
            ["command"] = new JsonObject { ["code"] = code, ["targetKernelName"] = "csharp" },
            ["token"] = token,
        };
        await _process.StandardInput.WriteLineAsync(command.ToJsonString()).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync(ct).ConfigureAwait(false);

        var outputs = new List<CellOutput>();
        while (true)
        {
            JsonElement e;
            try
            {
                e = await _events.Reader.ReadAsync(ct).ConfigureAwait(false);
            }
            catch (ChannelClosedException)
            {
                string log;
                lock (_stderr)
                {
                    log = _stderr.ToString().Trim();
                }

                throw new InvalidOperationException($"the .NET Interactive kernel exited while running a cell{(log.Length > 0 ? ": " + log : "")}");
            }

            var eventToken = e.TryGetProperty("command", out var c) && c.ValueKind == JsonValueKind.Object && c.TryGetProperty("token", out var t) ? t.GetString() : null;
            if (eventToken is null || (eventToken != token && !eventToken.StartsWith(token + ".", StringComparison.Ordinal)))
            {
                continue;
            }

            var type = e.GetProperty("eventType").GetString();
            var body = e.GetProperty("event");
            switch (type)
            {
                case "StandardOutputValueProduced":
                    Append(outputs, StreamOutput.Stdout, Text(body));
                    break;
                case "StandardErrorValueProduced":
                    Append(outputs, StreamOutput.Stderr, Text(body));
                    break;
                case "DisplayedValueProduced":
                    outputs.Add(new DisplayOutput(Bundle(body), null));
                    break;
                case "ReturnValueProduced":
                    outputs.Add(new DisplayOutput(Bundle(body), executionCount));
                    break;
                case "CommandFailed" when eventToken == token:
                    var (error, line) = Failure(body.GetProperty("message").GetString() ?? "");
                    outputs.Add(error);
                    return (outputs, error, line);
                case "CommandSucceeded" when eventToken == token:
                    return (outputs, null, null);
            }
        }
    }

    private static void Append(List<CellOutput> outputs, string name, string text)
    {
        if (outputs.Count > 0 && outputs[^1] is StreamOutput s && s.Name == name)
        {
            outputs[^1] = s with { Text = s.Text + text };
        }
        else
        {
            outputs.Add(new StreamOutput(name, text));
        }
    }

    private static string Text(JsonElement body) =>
        body.GetProperty("formattedValues").EnumerateArray().FirstOrDefault(f => f.GetProperty("mimeType").GetString() == DisplayOutput.PlainText) is { ValueKind: JsonValueKind.Object } f
            ? f.GetProperty("value").GetString() ?? ""
            : "";

    /// <summary>The formatted values as the kernel sent them, made deterministic: GUIDs and the kernel's
    /// time-stamped table ids become counters, Windows line ends <c>\n</c>.</summary>
    private static List<KeyValuePair<string, string>> Bundle(JsonElement body)
    {
        var data = new List<KeyValuePair<string, string>>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in body.GetProperty("formattedValues").EnumerateArray())
        {
            var value = (f.GetProperty("value").GetString() ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
            value = VolatileId().Replace(value, m =>
            {
                if (!ids.TryGetValue(m.Value, out var id))
                {
                    id = $"k{(ids.Count + 1).ToString(CultureInfo.InvariantCulture)}";
                    ids[m.Value] = id;
                }

                return m.Value.StartsWith("table_", StringComparison.Ordinal) ? "table_" + id : id;
            });
            data.Add(new(f.GetProperty("mimeType").GetString()!, value));
        }

        return data;
    }

    /// <summary>The kernel's failure message as an error output: a compile error <c>(line,col): error CSnnnn: …</c>
    /// (line known), or an exception <c>Type: message</c> followed by its stack (the kernel gives no cell line).</summary>
    private static (ErrorOutput, int?) Failure(string message)
    {
        var lines = message.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var compile = CompileError().Match(lines[0]);
        if (compile.Success)
        {
            var line = int.Parse(compile.Groups[1].Value, CultureInfo.InvariantCulture);
            return (new ErrorOutput("CompilationError", $"{compile.Groups[3].Value}: {compile.Groups[4].Value}", lines), line);
        }

        var colon = lines[0].IndexOf(": ", StringComparison.Ordinal);
        var type = colon > 0 && !lines[0][..colon].Contains(' ', StringComparison.Ordinal) ? lines[0][..colon] : "Error";
        var text = colon > 0 && type != "Error" ? lines[0][(colon + 2)..] : lines[0];
        return (new ErrorOutput(type, text, lines.Where(l => !l.Contains("/", StringComparison.Ordinal) || !l.TrimStart().StartsWith("at ", StringComparison.Ordinal)).ToList()), null);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32}|table_[0-9]{6,}")]
    private static partial Regex VolatileId();

    [GeneratedRegex(@"^\((\d+),(\d+)\): error (CS\d+): (.*)$")]
    private static partial Regex CompileError();
}
