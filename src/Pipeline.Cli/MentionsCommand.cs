using System.CommandLine;
using System.Globalization;
using Pipeline.Articles;
using Pipeline.Articles.Suggest;

namespace Pipeline.Cli;

/// <summary>
/// <c>pipeline mentions suggest|confirm</c>: drafts a catalog entry from an article's text, and marks a draft's
/// mentions confirmed once a person has written their paraphrases. The draft goes to <c>--out</c> (or stdout);
/// the list of what was found, by paragraph and offset, goes to stderr.
/// </summary>
internal static class MentionsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("mentions", "Draft an article's dated mentions from its text, then confirm them");
        command.Subcommands.Add(CreateSuggest(stdout, stderr));
        command.Subcommands.Add(CreateConfirm(stdout));
        return command;
    }

    private static Command CreateSuggest(TextWriter stdout, TextWriter stderr)
    {
        var article = new Argument<string>("ARTICLE") { Description = "The article as plain text (.txt, blank line between paragraphs) or HTML (<p> paragraphs)" };
        var published = new Option<string>("--published") { Description = "Publication day (yyyy-MM-dd); relative dates are read against it", Required = true };
        var id = new Option<string?>("--id") { Description = "Article id (a slug); default: from the file name" };
        var output = new Option<string?>("--out") { Description = "Draft catalog file to write (default: print to stdout)" };
        var force = new Option<bool>("--force") { Description = "Overwrite --out if it exists" };
        var command = new Command("suggest", "Propose a draft catalog entry with every dated expression found (paraphrases left null)")
        {
            article, published, id, output, force,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(article)!;
            var day = MentionSuggester.ParsePublished(parse.GetValue(published)!, DateOnly.FromDateTime(DateTime.UtcNow));
            var articleId = parse.GetValue(id) ?? MentionSuggester.IdFromFileName(path);
            if (!MentionSuggester.IsSlug(articleId))
            {
                throw new ArgumentException($"--id '{articleId}' is not a slug; use lower-case letters, digits and hyphens, e.g. --id daily-sabah-2020-01-03-libya");
            }

            var outPath = parse.GetValue(output);
            if (outPath is not null && (File.Exists(outPath) || Directory.Exists(outPath)) && !parse.GetValue(force))
            {
                throw new ArgumentException($"--out {outPath} already exists; pass --force to overwrite it, or choose another --out (a draft is never written over an existing file silently)");
            }

            var text = ArticleText.Read(path);
            var found = MentionSuggester.Find(text, day);
            var draft = MentionSuggester.Draft(text, day, articleId, found);
            foreach (var e in found)
            {
                stderr.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  paragraph {e.Paragraph}, characters {e.Offset}..{e.Offset + e.Length}: {e.Form}, {e.Kind.ToString().ToLowerInvariant()} {e.SpanStart:yyyy-MM-dd}..{e.SpanEnd:yyyy-MM-dd} ({e.Precision.ToString().ToLowerInvariant()}), confidence {e.Confidence:0.00}"));
            }

            foreach (var (paragraph, offset, length) in DateExpressionFinder.AmbiguousNumericDates(text.Paragraphs, day))
            {
                stderr.WriteLine($"note: {path}: paragraph {paragraph}, characters {offset}..{offset + length}: a numeric date that reads as day/month or month/day; not proposed, add it by hand if the article's convention is clear");
            }

            if (found.Count == 0)
            {
                stderr.WriteLine($"note: {path}: no dated expressions found in {text.Paragraphs.Count} paragraph(s); the draft has no mentions. Add any the rules missed by hand.");
            }

            if (outPath is null)
            {
                stdout.Write(draft);
                return CliApp.Ok;
            }

            try
            {
                AtomicFile.WriteAllText(outPath, draft);
            }
            catch (Exception ex) when (OutputErrors.Explain(ex, "the draft", outPath, "--out") is { } explained)
            {
                throw explained;
            }

            stdout.WriteLine($"wrote {outPath}: {found.Count} suggested mention(s) in {text.Paragraphs.Count} paragraph(s). Next: fill title, author, outlet, each paraphrase (your own words), check dates and scopeCountries, delete false finds, then run: pipeline mentions confirm {outPath}");
            return CliApp.Ok;
        });
        return command;
    }

    private static Command CreateConfirm(TextWriter stdout)
    {
        var file = new Argument<string>("FILE") { Description = "A draft written by 'pipeline mentions suggest'" };
        var id = new Option<string?>("--id") { Description = "Confirm only this mention (default: every suggested mention)" };
        var command = new Command("confirm", "Mark a draft's mentions confirmed; refuses any whose paraphrase is still null")
        {
            file, id,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var confirmed = MentionConfirmer.Confirm(path, parse.GetValue(id));
            stdout.WriteLine(confirmed.Count == 0
                ? $"{path}: no suggested mention left to confirm"
                : $"{path}: confirmed {string.Join(", ", confirmed)}");
            try
            {
                ArticleCatalog.LoadFile(path);
                stdout.WriteLine($"{path}: valid; move it into data/articles/ to add it to the catalog");
            }
            catch (ArticleCatalogException ex)
            {
                stdout.WriteLine($"still to fix before the catalog takes it: {ex.Message}");
            }

            return CliApp.Ok;
        });
        return command;
    }
}
