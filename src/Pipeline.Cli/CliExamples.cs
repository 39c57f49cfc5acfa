using System.CommandLine;

namespace Pipeline.Cli;

/// <summary>One example of a command, as <c>--help</c> shows it.</summary>
/// <param name="Arguments">The arguments after <c>pipeline</c>, as typed in a shell (single quotes only).</param>
/// <param name="What">What it does, in a few words.</param>
/// <param name="Network">True when it needs the network (tests parse it but do not run it).</param>
internal sealed record CliExample(string Arguments, string What, bool Network = false);

/// <summary>
/// Two or three examples per command, printed under <c>Examples:</c> by <c>--help</c>. Every example parses with the
/// real parser (a test reads them back from the help text), and the ones that need no network run from the
/// repository root on its default data.
/// </summary>
internal static class CliExamples
{
    /// <summary>Examples by command path (<c>pipeline report</c>, <c>pipeline mentions suggest</c>, …).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<CliExample>> ByCommand = new Dictionary<string, IReadOnlyList<CliExample>>(StringComparer.Ordinal)
    {
        ["pipeline"] =
        [
            new("report --no-png", "the report on the default (SYNTHETIC) data into out/, without PNGs"),
            new("verify out/manifest.json", "re-run that report and compare every output byte for byte"),
            new("report --help", "the options and examples of one command"),
        ],
        ["pipeline report"] =
        [
            new("report --no-png", "the default (SYNTHETIC) data and the Libya op-ed into out/, without PNGs"),
            new("report --events data/events/libya-2011-2020.synthetic.acled.csv --bin month --window 3 --out out/monthly --no-png", "monthly bins, 3 months each side of a mention"),
            new("report --events ged-libya.csv --events acled-libya.csv --country Libya --share --out out/two-sources", "two real sources (your downloads) side by side, with PNGs; --share: aggregates only (counts per bin, area and 0.5° cell, no event rows), as ACLED's terms require to pass it on"),
        ],
        ["pipeline inspect"] =
        [
            new("inspect data/events/libya-2011-2020.synthetic.acled.csv", "rows, rejections, date span, precision, types and years"),
            new("inspect data/events/libya-2011-2020.synthetic.acled.csv --json", "the same summary as JSON"),
            new("inspect data/events/libya-2011-2020.synthetic.acled.csv --strict --no-cache", "stop at the first bad row, parse without the cache"),
        ],
        ["pipeline verify"] =
        [
            new("verify out/manifest.json", "re-run a report and compare its outputs (exit 3 if any differs)"),
            new("verify out/reproduce.manifest.json", "re-run an executed notebook recorded by pipeline run"),
        ],
        ["pipeline run"] =
        [
            new("run notebooks/op-ed-report.ipynb -o out/op-ed-report.ipynb", "execute a notebook headless; writes the .ipynb, its .html and a manifest"),
            new("run notebooks/reproduce.ipynb -p manifestPath=out/manifest.json -o out/reproduce.ipynb", "override a parameter (typed from its default)"),
            new("run notebooks/explore.ipynb -f params.yaml --timeout 600", "parameters from a YAML file, at most 600 s per cell"),
        ],
        ["pipeline synth"] =
        [
            new("synth", "rewrite the default SYNTHETIC dataset (data/events/, byte-identical)"),
            new("synth --seed 7 --out out/synthetic-7.csv", "another seed, into another file"),
        ],
        ["pipeline fetch"] =
        [
            new("fetch acled --country Libya --from 2011-01-01 --to 2020-06-30", "ACLED events through the API (needs ACLED_EMAIL / ACLED_PASSWORD)", Network: true),
            new("fetch ucdp --country Libya --version 25.1", "UCDP GED events from the versioned CSV archive", Network: true),
        ],
        ["pipeline fetch acled"] =
        [
            new("fetch acled --country Libya --from 2011-01-01 --to 2020-06-30", "one country, one period (needs ACLED_EMAIL / ACLED_PASSWORD)", Network: true),
            new("fetch acled --country Libya --from 2011-01-01 --to 2020-06-30 --update", "only the rows changed since the cached download", Network: true),
            new("fetch acled --region 5 --from 2019-01-01 --to 2019-12-31", "a whole region (5 = Northern Africa)", Network: true),
        ],
        ["pipeline fetch ucdp"] =
        [
            new("fetch ucdp --country Libya --version 25.1", "from the versioned CSV archive", Network: true),
            new("fetch ucdp --country 620 --version 25.1 --source api", "by Gleditsch–Ward code, through the GED API", Network: true),
        ],
        ["pipeline mentions"] =
        [
            new("mentions suggest article.txt --published 2021-06-16 --out draft.json", "draft every dated expression of an article"),
            new("mentions confirm draft.json", "mark the draft's mentions checked once each has a paraphrase"),
        ],
        ["pipeline mentions suggest"] =
        [
            new("mentions suggest article.txt --published 2021-06-16 --out draft.json", "a draft catalog entry from plain text"),
            new("mentions suggest article.html --published 2021-06-16 --id outlet-2021-06-16-topic", "from HTML, printed to stdout, with the article id given"),
        ],
        ["pipeline mentions confirm"] =
        [
            new("mentions confirm draft.json", "confirm every suggested mention"),
            new("mentions confirm draft.json --id m3", "confirm one mention"),
        ],
        ["pipeline bench"] =
        [
            new("bench --rows 100000 --repeat 1 --no-pandas --out out/bench", "a quick run on 100k rows, without pandas"),
            new("bench --rows 1000000", "the README's numbers (build with -c Release)"),
        ],
    };

    /// <summary>The command's path as typed: <c>pipeline</c>, then each subcommand's name.</summary>
    public static string PathOf(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault())
        {
            names.Add(c.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    /// <summary>Writes the <c>Examples:</c> section for <paramref name="command"/>, if it has examples.</summary>
    public static void Write(Command command, TextWriter output)
    {
        if (!ByCommand.TryGetValue(PathOf(command), out var examples))
        {
            return;
        }

        output.WriteLine("Examples:");
        foreach (var e in examples)
        {
            output.WriteLine($"  {CliApp.Name} {e.Arguments}");
            output.WriteLine($"      {e.What}");
        }

        output.WriteLine();
    }

    /// <summary>Splits an example's arguments as a POSIX shell would for the forms the examples use (spaces, single quotes).</summary>
    public static IReadOnlyList<string> Split(string arguments)
    {
        var result = new List<string>();
        var current = new System.Text.StringBuilder();
        var inToken = false;
        var quoted = false;
        foreach (var ch in arguments)
        {
            if (ch == '\'')
            {
                quoted = !quoted;
                inToken = true;
            }
            else if (ch == ' ' && !quoted)
            {
                if (inToken)
                {
                    result.Add(current.ToString());
                    current.Clear();
                    inToken = false;
                }
            }
            else
            {
                current.Append(ch);
                inToken = true;
            }
        }

        if (inToken)
        {
            result.Add(current.ToString());
        }

        return result;
    }
}
