using System.Text;
using CsCheck;
using Pipeline.Articles;
using Pipeline.Events;
using Pipeline.Tests.Articles;

namespace Pipeline.Tests.Properties;

/// <summary>
/// Random valid article catalogs (everything the model accepts: point and period mentions at day, week, month
/// and year precision, notes, tags, claim checks of every verdict with record dates and sources, optional
/// addresses and access dates) are written with <see cref="ArticleJsonWriter"/> and read back through
/// <see cref="ArticleCatalog"/> unchanged.
/// </summary>
[Trait(TestCategory.Trait, TestCategory.Property)]
public class ArticleRoundTripProperties
{
    private const ulong Seed = 2020_01_03;

    private static readonly string[] JsonAwkward =
        ["\0", "\u0001", "\u001F", "\u007F", "\b", "\f", "\t", "\\", "/", "</script>", "\\u0041", "\"", "'", "\u2028\u2029", "\uFFFD", "\uFFFF"];

    /// <summary>Text the model accepts (not blank), with JSON's own awkward characters on top of the CSV ones. Kept untrimmed.</summary>
    private static readonly Gen<string> Text = PropertyRun.From(pcg =>
    {
        var sb = new StringBuilder(AwkwardText.Any.Draw(pcg));
        if (pcg.Chance(40))
        {
            sb.Insert(pcg.Between(0, sb.Length), pcg.Pick(JsonAwkward));
        }

        return sb.ToString();
    }).Where(s => !string.IsNullOrWhiteSpace(s) && !HasLoneSurrogate(s));

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly Gen<string> Slug = PropertyRun.From(pcg =>
    {
        const string first = "abcdefghijklmnopqrstuvwxyz0123456789";
        const string rest = first + "-";
        var sb = new StringBuilder().Append(first[pcg.Between(0, first.Length - 1)]);
        var n = pcg.Between(0, 30);
        for (var i = 0; i < n; i++)
        {
            sb.Append(rest[pcg.Between(0, rest.Length - 1)]);
        }

        return sb.ToString();
    });

    private static readonly Gen<DateOnly> Day = PropertyRun.From(pcg =>
        pcg.Chance(3) ? pcg.Pick([DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(2000, 2, 29)])
        : Gen.DateOnly[new DateOnly(1900, 1, 1), new DateOnly(2100, 12, 31)].Draw(pcg));

    private static readonly Gen<Uri> WebAddress = PropertyRun.From(pcg =>
    {
        var text = pcg.Pick(["https://", "http://", "HTTPS://"]) + pcg.Pick(["undocs.org", "example.org", "www.un.org", "bücher.example", "127.0.0.1:8080", "[::1]"])
            + pcg.Pick(["", "/", "/S/RES/2259(2015)", "/a%20b/c", "/ü/ç", "/path with space", "/x?q=a&b=c%26d", "/x?q=ü#frag", "/#top", "/%E2%82%AC"]);
        return new Uri(text, UriKind.Absolute);
    });

    // The fields added later (verified, contradicted, dateInferred/dateBasis) are derived from values already drawn,
    // never from new draws, so the stream and the recorded case counts stay as they were.
    private static readonly Gen<SourceReference> Source = PropertyRun.From(pcg =>
    {
        var title = Text.Draw(pcg);
        return new SourceReference(title, Text.Draw(pcg), WebAddress.Draw(pcg), pcg.Chance(50) ? Day.Draw(pcg) : null, verified: title.Length % 2 == 0);
    });

    private static readonly Gen<ClaimCheck> Claim = PropertyRun.From(pcg =>
    {
        var verdict = pcg.Pick([Verdict.Supported, Verdict.Disputed, Verdict.Unverifiable]);
        var dates = Enumerable.Range(0, pcg.Between(0, 3)).Select(_ => new RecordDate(Day.Draw(pcg), Text.Draw(pcg))).ToList();
        var sources = Enumerable.Range(0, pcg.Between(verdict == Verdict.Unverifiable ? 0 : 1, 3)).Select(_ => Source.Draw(pcg)).ToList();
        var implied = Text.Draw(pcg);
        var record = Text.Draw(pcg);
        return new ClaimCheck(implied, record, dates, verdict == Verdict.Disputed && implied.Length % 2 == 0 ? Verdict.Contradicted : verdict, sources);
    });

    private static Mention MentionFor(PCG pcg, string id, int paragraphCount)
    {
        var kind = pcg.Chance(50) ? MentionKind.Point : MentionKind.Period;
        var precision = pcg.Pick([DatePrecision.Day, DatePrecision.Week, DatePrecision.Month, DatePrecision.Year]);
        var start = Gen.DateOnly[new DateOnly(1950, 1, 1), new DateOnly(2040, 12, 31)].Draw(pcg);
        var end = start;
        if (pcg.Chance(80))
        {
            // As the catalog stores coarse dates: the whole span the precision means.
            start = precision switch
            {
                DatePrecision.Month => new DateOnly(start.Year, start.Month, 1),
                DatePrecision.Year => new DateOnly(start.Year, 1, 1),
                _ => start,
            };
        }

        if (kind == MentionKind.Period)
        {
            end = precision switch
            {
                DatePrecision.Month => new DateOnly(start.Year, start.Month, 1).AddMonths(pcg.Between(1, 30)).AddDays(-1),
                DatePrecision.Year => new DateOnly(start.Year + pcg.Between(0, 5), 12, 31),
                _ => start.AddDays(pcg.Between(0, 900)),
            };
        }
        else
        {
            end = start;
        }

        var paragraphs = Enumerable.Range(1, paragraphCount).OrderBy(_ => pcg.Next()).Take(pcg.Between(1, Math.Min(4, paragraphCount))).ToList();
        var countries = Enumerable.Range(0, pcg.Between(1, 3)).Select(_ => Text.Draw(pcg)).ToList();
        var tags = Enumerable.Range(0, pcg.Between(0, 4)).Select(_ => Text.Draw(pcg)).ToList();
        var paraphrase = Text.Draw(pcg);
        var note = pcg.Chance(40) ? Text.Draw(pcg) : null;
        var claim = pcg.Chance(50) ? Claim.Draw(pcg) : null;
        var inferred = paraphrase.Length % 2 == 0;
        return new Mention(id, paragraphs, paraphrase, kind, start, end, precision, countries, tags, note, claim,
            dateInferred: inferred, dateBasis: inferred || note is not null ? paraphrase : null);
    }

    private static readonly Gen<Article> ArticleGen = PropertyRun.From(pcg =>
    {
        var paragraphCount = pcg.Between(1, 40);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var mentions = new List<Mention>();
        var n = pcg.Between(0, 6);
        while (mentions.Count < n)
        {
            var id = Slug.Draw(pcg);
            if (ids.Add(id))
            {
                mentions.Add(MentionFor(pcg, id, paragraphCount));
            }
        }

        var language = new string(Enumerable.Range(0, pcg.Between(2, 3)).Select(_ => (char)('a' + pcg.Between(0, 25))).ToArray());
        return new Article(Slug.Draw(pcg), Text.Draw(pcg), Text.Draw(pcg), Text.Draw(pcg), Day.Draw(pcg),
            pcg.Chance(70) ? WebAddress.Draw(pcg) : null, language, Text.Draw(pcg), paragraphCount, mentions);
    });

    /// <summary>A catalog: one to eight articles with distinct ids.</summary>
    private static readonly Gen<List<Article>> CatalogGen = PropertyRun.From(pcg =>
    {
        var articles = new List<Article>();
        var n = pcg.Between(1, 8);
        while (articles.Count < n)
        {
            var a = ArticleGen.Draw(pcg);
            if (articles.All(x => x.Id != a.Id))
            {
                articles.Add(a);
            }
        }

        return articles;
    });

    [Fact]
    public void Written_catalogs_load_back_equal()
    {
        var iterations = PropertyRun.Iterations(150);
        var articlesWritten = 0;
        var mentionsWritten = 0;
        var claimChecks = 0;
        var unequal = 0;
        var notCanonical = 0;
        var loadErrors = 0;
        var failures = new Failures();
        for (var i = 0; i < iterations; i++)
        {
            var articles = CatalogGen.Case(Seed, i);
            var where = $"seed {Seed}, iteration {i}";
            using var tmp = new TempFolder();
            for (var k = 0; k < articles.Count; k++)
            {
                // File names in an order unrelated to the ids; the catalog keeps file-name order.
                ArticleJsonWriter.Save(articles[k], tmp[$"{k:D2}-{articles[k].Id}.json"]);
            }

            articlesWritten += articles.Count;
            mentionsWritten += articles.Sum(a => a.Mentions.Count);
            claimChecks += articles.Sum(a => a.Mentions.Count(m => m.ClaimCheck is not null));
            ArticleCatalog catalog;
            try
            {
                catalog = ArticleCatalog.LoadFolder(tmp.Path);
            }
            catch (ArticleCatalogException ex)
            {
                loadErrors++;
                failures.Add($"{where}: {ex.Message}");
                continue;
            }

            var expected = articles.Select((a, k) => (Name: $"{k:D2}-{a.Id}.json", a)).OrderBy(x => x.Name, StringComparer.Ordinal).Select(x => x.a).ToList();
            if (!catalog.Articles.SequenceEqual(expected))
            {
                unequal++;
                var bad = expected.Zip(catalog.Articles).FirstOrDefault(p => p.First != p.Second);
                failures.Add($"{where}: catalog differs; first unequal article '{bad.First?.Id}'\nwritten: {(bad.First is null ? "" : ArticleJsonWriter.ToJson(bad.First))}\nloaded: {(bad.Second is null ? "" : ArticleJsonWriter.ToJson(bad.Second))}");
                continue;
            }

            // Record equality compares addresses with Uri.Equals, which ignores the fragment; the JSON does not.
            foreach (var (written, loaded) in expected.Zip(catalog.Articles))
            {
                var before = ArticleJsonWriter.ToJson(written);
                var after = ArticleJsonWriter.ToJson(loaded);
                if (before != after || ArticleJsonWriter.ToJson(ArticleCatalog.Parse(before)) != before)
                {
                    notCanonical++;
                    failures.Add($"{where}: article '{written.Id}' is written differently after a round trip\n{before}\n---\n{after}");
                }
            }
        }

        Reliability.Record(
            ReliabilityArea.Properties,
            "Article catalog write → load round trip",
            "random valid catalogs: point/period mentions at day/week/month/year precision, notes, tags, claim checks of each verdict with record dates and sources, awkward JSON text",
            $"{iterations} catalogs, {articlesWritten} articles, {mentionsWritten} mentions, {claimChecks} claim checks (seed {Seed})",
            $"{unequal} catalogs unequal, {notCanonical} articles written differently after a round trip, {loadErrors} load errors");

        failures.AssertNone("article round trip");
    }
}
