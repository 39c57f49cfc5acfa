using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Pipeline.Events;

namespace Pipeline.Articles;

/// <summary>
/// Turns one article document into an <see cref="Article"/>, or throws an
/// <see cref="ArticleCatalogException"/> that names the file, JSON path, line and value.
/// The constructors repeat the rules as guards; checking here first is what gives the errors a place.
/// </summary>
internal sealed partial class ArticleJsonReader
{
    internal static readonly ImmutableArray<string> ArticleFields =
        ["id", "title", "author", "outlet", "published", "url", "language", "scopeCountry", "paragraphCount", "mentions"];

    internal static readonly ImmutableArray<string> MentionFields =
        ["id", "paragraphs", "paraphrase", "kind", "start", "end", "precision", "dateInferred", "dateBasis", "scopeCountries", "tags", "note", "claimCheck", "status", "suggestion"];

    internal static readonly ImmutableArray<string> ClaimCheckFields = ["implied", "record", "recordDates", "verdict", "sources"];

    internal static readonly ImmutableArray<string> RecordDateFields = ["date", "label"];

    internal static readonly ImmutableArray<string> SourceFields = ["title", "publisher", "url", "accessed", "verified"];

    internal static readonly ImmutableArray<(string Name, MentionKind Value)> KindNames =
        [("point", MentionKind.Point), ("period", MentionKind.Period)];

    internal static readonly ImmutableArray<(string Name, DatePrecision Value)> PrecisionNames =
        [("day", DatePrecision.Day), ("week", DatePrecision.Week), ("month", DatePrecision.Month), ("year", DatePrecision.Year)];

    internal static readonly ImmutableArray<(string Name, Verdict Value)> VerdictNames =
        [("supported", Verdict.Supported), ("disputed", Verdict.Disputed), ("contradicted", Verdict.Contradicted), ("unverifiable", Verdict.Unverifiable)];

    private readonly string? file;
    private readonly LineMap lines;
    private readonly byte[] utf8;

    public ArticleJsonReader(string? file, byte[] utf8)
    {
        this.file = file;
        this.utf8 = StripByteOrderMark(utf8);
        lines = new LineMap(this.utf8);
    }

    /// <summary>Byte offset of the article's id value, known after <see cref="Read"/>; the catalog
    /// points duplicate-id errors at it.</summary>
    public int ArticleIdOffset { get; private set; }

    public Article Read()
    {
        var root = ParseDocument();
        RefuseDrafts(root);
        return ReadArticle(root);
    }

    /// <summary>Builds the error for a value at <paramref name="offset"/>; callers throw it.</summary>
    internal ArticleCatalogException Error(ArticleErrorKind kind, string path, int offset, string? value, string reason, string hint)
    {
        var (line, column) = lines.Locate(offset);
        return new ArticleCatalogException(kind, file, path, line, column, value, reason, hint);
    }

    /// <summary>The offset of the first byte that does not begin or continue a valid UTF-8 character, or null.</summary>
    private static int? FirstInvalidUtf8(byte[] bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return null;
        }

        var offset = 0;
        while (System.Text.Rune.DecodeFromUtf8(bytes.AsSpan(offset), out _, out var read) == System.Buffers.OperationStatus.Done)
        {
            offset += read;
        }

        return offset;
    }

    private static byte[] StripByteOrderMark(byte[] bytes) =>
        bytes is [0xEF, 0xBB, 0xBF, ..] ? bytes[3..] : bytes;

    private SourceValue ParseDocument()
    {
        // The JSON parser reports invalid UTF-8 without a position; find the first bad byte so the error has one.
        if (FirstInvalidUtf8(utf8) is { } bad)
        {
            throw Error(
                ArticleErrorKind.MalformedJson,
                "$",
                bad,
                null,
                "the file is not valid UTF-8 (a byte sequence at this position is not a character)",
                "article files must be saved as UTF-8; an editor that saved Latin-1/Windows-1252, or a damaged copy, does this. Re-save the file as UTF-8");
        }

        var parser = new SourceJsonParser();
        try
        {
            return parser.Parse(utf8);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            long? line = ex is JsonException { LineNumber: { } l } ? l + 1 : null;
            long? column = ex is JsonException { BytePositionInLine: { } b } ? b + 1 : null;
            throw new ArticleCatalogException(
                ArticleErrorKind.MalformedJson,
                file,
                parser.CurrentPath,
                line,
                column,
                null,
                "the file is not valid JSON: " + ParserMessage(ex),
                "look for a missing comma, quote or bracket at or just before this position; comments and trailing commas are not allowed",
                ex);
        }
    }

    /// <summary>The parser's own words, minus the position it appends (we report that ourselves).</summary>
    private static string ParserMessage(Exception ex)
    {
        var text = ex.Message;
        var cut = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? text[..cut] : text).TrimEnd('.', ' ');
    }

    private Article ReadArticle(SourceValue root)
    {
        const string path = "$";
        var obj = new ObjectReader(this, root, path, ArticleFields);
        var id = obj.Slug("id");
        ArticleIdOffset = obj.Node("id")!.Offset;
        var title = obj.Text("title");
        var author = obj.Text("author");
        var outlet = obj.Text("outlet");
        var published = obj.Date("published");
        var url = obj.OptionalUrl("url");
        var language = obj.Text("language");
        if (!ArticleRules.IsLanguageCode(language))
        {
            var node = obj.Node("language")!;
            throw Error(ArticleErrorKind.InvalidValue, obj.PathOf("language"), node.Offset, language, "not a language code", "use a lower-case ISO 639 code such as en");
        }

        var scopeCountry = obj.Text("scopeCountry");
        var paragraphCount = obj.Integer("paragraphCount", minimum: 1);
        var mentionNodes = obj.Array("mentions");

        var mentions = new List<Mention>();
        var firstUse = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < mentionNodes.Items.Count; i++)
        {
            var mentionPath = obj.PathOf("mentions") + SourceJsonParser.IndexSegment(i);
            var mention = ReadMention(mentionNodes.Items[i], mentionPath, paragraphCount);
            if (firstUse.TryGetValue(mention.Id, out var earlier))
            {
                var idNode = mentionNodes.Items[i].Properties.First(p => p.Name == "id").Value;
                throw Error(
                    ArticleErrorKind.DuplicateId,
                    mentionPath + ".id",
                    idNode.Offset,
                    mention.Id,
                    "this mention id is already used",
                    $"mention ids must be unique within an article; it was first used at {earlier}");
            }

            firstUse.Add(mention.Id, mentionPath);
            mentions.Add(mention);
        }

        return Construct(path, root.Offset, () => new Article(id, title, author, outlet, published, url, language, scopeCountry, paragraphCount, mentions));
    }

    private Mention ReadMention(SourceValue node, string path, int paragraphCount)
    {
        var obj = new ObjectReader(this, node, path, MentionFields);
        var id = obj.Slug("id");
        var paragraphs = ReadParagraphs(obj, paragraphCount);
        var paraphrase = obj.Text("paraphrase");
        var kind = obj.Name("kind", KindNames);
        var start = obj.Date("start");
        var end = obj.Date("end");
        var endNode = obj.Node("end")!;
        if (end < start)
        {
            throw Error(
                ArticleErrorKind.EndBeforeStart,
                obj.PathOf("end"),
                endNode.Offset,
                endNode.Text,
                $"the mention ends before it starts ({obj.Node("start")!.Text})",
                "swap start and end, or fix the year; both dates are inclusive");
        }

        if (kind == MentionKind.Point && end != start)
        {
            throw Error(
                ArticleErrorKind.PointEndMismatch,
                obj.PathOf("end"),
                endNode.Offset,
                endNode.Text,
                $"a point mention must end on its start day ({obj.Node("start")!.Text})",
                "set end equal to start, or make the mention a period if it spans days");
        }

        var precision = obj.Name("precision", PrecisionNames);
        var dateInferred = obj.OptionalBoolean("dateInferred") ?? false;
        var dateBasis = obj.OptionalText("dateBasis");
        if (dateInferred && dateBasis is null)
        {
            var inferredNode = obj.Node("dateInferred")!;
            throw Error(
                ArticleErrorKind.MissingField,
                obj.PathOf("dateBasis"),
                inferredNode.Offset,
                inferredNode.Text,
                "a date marked as inferred needs a dateBasis saying where it came from",
                "add \"dateBasis\": \"…\" in a few words (e.g. \"record: the memoranda were signed that day\"), or set dateInferred to false if the article states the date itself");
        }

        var scopeCountries = obj.TextArray("scopeCountries", required: true, nonEmpty: true);
        var tags = obj.TextArray("tags", required: false, nonEmpty: false);
        var note = obj.OptionalText("note");
        var claimNode = obj.OptionalObject("claimCheck");
        var claimCheck = claimNode is null ? null : ReadClaimCheck(claimNode, obj.PathOf("claimCheck"));

        return Construct(path, node.Offset, () => new Mention(id, paragraphs, paraphrase, kind, start, end, precision, scopeCountries, tags, note, claimCheck, dateInferred, dateBasis));
    }

    private List<int> ReadParagraphs(ObjectReader obj, int paragraphCount)
    {
        var array = obj.Array("paragraphs");
        var arrayPath = obj.PathOf("paragraphs");
        if (array.Items.Count == 0)
        {
            throw Error(ArticleErrorKind.InvalidValue, arrayPath, array.Offset, "[]", "a mention needs at least one paragraph number", $"list the 1-based paragraphs (1..{paragraphCount}) where the article makes the mention");
        }

        var numbers = new List<int>();
        for (var i = 0; i < array.Items.Count; i++)
        {
            var item = array.Items[i];
            var itemPath = arrayPath + SourceJsonParser.IndexSegment(i);
            var number = ParseInteger(item, itemPath);
            if (number < 1 || number > paragraphCount)
            {
                throw Error(
                    ArticleErrorKind.ParagraphOutOfRange,
                    itemPath,
                    item.Offset,
                    item.Text,
                    $"paragraph numbers run from 1 to the article's paragraphCount ({paragraphCount})",
                    "count paragraphs from 1, and raise paragraphCount only if the article really is longer");
            }

            if (numbers.Contains(number))
            {
                throw Error(ArticleErrorKind.InvalidValue, itemPath, item.Offset, item.Text, "this paragraph number is listed twice", "list each paragraph once");
            }

            numbers.Add(number);
        }

        return numbers;
    }

    private ClaimCheck ReadClaimCheck(SourceValue node, string path)
    {
        var obj = new ObjectReader(this, node, path, ClaimCheckFields);
        var implied = obj.Text("implied");
        var record = obj.Text("record");
        var verdict = obj.Name("verdict", VerdictNames);

        var recordDates = new List<RecordDate>();
        var datesNode = obj.OptionalArray("recordDates");
        for (var i = 0; datesNode is not null && i < datesNode.Items.Count; i++)
        {
            var itemPath = obj.PathOf("recordDates") + SourceJsonParser.IndexSegment(i);
            var item = new ObjectReader(this, datesNode.Items[i], itemPath, RecordDateFields);
            var date = item.Date("date");
            var label = item.Text("label");
            recordDates.Add(Construct(itemPath, datesNode.Items[i].Offset, () => new RecordDate(date, label)));
        }

        var sources = new List<SourceReference>();
        var sourcesNode = obj.Array("sources");
        for (var i = 0; i < sourcesNode.Items.Count; i++)
        {
            var itemPath = obj.PathOf("sources") + SourceJsonParser.IndexSegment(i);
            var item = new ObjectReader(this, sourcesNode.Items[i], itemPath, SourceFields);
            var title = item.Text("title");
            var publisher = item.Text("publisher");
            var url = item.Url("url");
            var accessed = item.OptionalDate("accessed");
            var verified = item.OptionalBoolean("verified") ?? false;
            sources.Add(Construct(itemPath, sourcesNode.Items[i].Offset, () => new SourceReference(title, publisher, url, accessed, verified)));
        }

        if (verdict != Verdict.Unverifiable && sources.Count == 0)
        {
            throw Error(
                ArticleErrorKind.InvalidValue,
                obj.PathOf("sources"),
                sourcesNode.Offset,
                "[]",
                $"a {verdict.ToString().ToLowerInvariant()} verdict needs at least one source",
                "cite the document the record comes from, or make the verdict unverifiable");
        }

        return Construct(path, node.Offset, () => new ClaimCheck(implied, record, recordDates, verdict, sources));
    }

    internal int ParseInteger(SourceValue node, string path)
    {
        if (node.Kind != SourceKind.Number)
        {
            throw Error(ArticleErrorKind.WrongType, path, node.Offset, node.Text, $"expected a whole number, found {node.Describe()}", "write the number without quotes, e.g. 11");
        }

        if (!int.TryParse(node.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(ArticleErrorKind.WrongType, path, node.Offset, node.Text, "expected a whole number", "write a whole number without decimals or exponent, e.g. 11");
        }

        return value;
    }

    /// <summary>
    /// Runs a constructor as a last guard. The loader's own checks should have caught everything;
    /// if a rule was added to a type but not here, the error still names a path.
    /// </summary>
    private T Construct<T>(string path, int offset, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException ex)
        {
            var field = ex.ParamName is null ? path : path + SourceJsonParser.PropertySegment(ex.ParamName);
            throw Error(ArticleErrorKind.InvalidValue, field, offset, null, ex.Message, "see data/articles/README.md for the schema");
        }
    }

    /// <summary>Reads the fields of one JSON object, rejecting unknown and repeated names up front.</summary>
    internal sealed class ObjectReader
    {
        private readonly ArticleJsonReader owner;
        private readonly SourceValue node;
        private readonly string path;

        public ObjectReader(ArticleJsonReader owner, SourceValue node, string path, ImmutableArray<string> allowed)
        {
            this.owner = owner;
            this.node = node;
            this.path = path;
            if (node.Kind != SourceKind.Object)
            {
                throw owner.Error(ArticleErrorKind.WrongType, path, node.Offset, node.Text, $"expected an object, found {node.Describe()}", "wrap the fields in { }");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in node.Properties)
            {
                if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                {
                    var suggestion = Closest(property.Name, allowed);
                    var didYouMean = suggestion is null ? string.Empty : $"did you mean '{suggestion}'? ";
                    throw owner.Error(
                        ArticleErrorKind.UnknownField,
                        PathOf(property.Name),
                        property.NameOffset,
                        property.Name,
                        $"unknown field '{property.Name}'",
                        $"{didYouMean}allowed fields here: {string.Join(", ", allowed)}");
                }

                if (!seen.Add(property.Name))
                {
                    throw owner.Error(ArticleErrorKind.DuplicateField, PathOf(property.Name), property.NameOffset, property.Name, $"field '{property.Name}' appears twice", "keep one of the two");
                }
            }
        }

        public string PathOf(string field) => path + SourceJsonParser.PropertySegment(field);

        public SourceValue? Node(string field)
        {
            var value = node.Properties.FirstOrDefault(p => p.Name == field)?.Value;
            return value is { Kind: SourceKind.Null } ? null : value;
        }

        public SourceValue Required(string field, SourceKind kind, string example)
        {
            var value = Node(field) ?? throw owner.Error(
                ArticleErrorKind.MissingField,
                PathOf(field),
                node.Offset,
                null,
                $"required field '{field}' is missing",
                $"add \"{field}\": {example} to the object that starts here");
            if (value.Kind != kind)
            {
                var expected = new SourceValue(kind, 0, string.Empty).Describe();
                throw owner.Error(ArticleErrorKind.WrongType, PathOf(field), value.Offset, value.Text, $"expected {expected}, found {value.Describe()}", $"write it like {example}");
            }

            return value;
        }

        public string Text(string field)
        {
            var value = Required(field, SourceKind.String, "\"…\"");
            return NotBlank(field, value);
        }

        public string? OptionalText(string field)
        {
            var value = Node(field);
            return value is null ? null : NotBlank(field, Expect(field, value, SourceKind.String, "\"…\""));
        }

        public string Slug(string field)
        {
            var value = Text(field);
            if (!ArticleRules.IsSafeSlug(value))
            {
                throw owner.Error(ArticleErrorKind.UnsafeId, PathOf(field), Node(field)!.Offset, value, "not a safe id", ArticleRules.SlugHint);
            }

            return value;
        }

        public DateOnly Date(string field) => ParseDate(field, Required(field, SourceKind.String, "\"2019-04-04\""));

        public DateOnly? OptionalDate(string field)
        {
            var value = Node(field);
            return value is null ? null : ParseDate(field, Expect(field, value, SourceKind.String, "\"2019-04-04\""));
        }

        public bool? OptionalBoolean(string field)
        {
            var value = Node(field);
            if (value is null)
            {
                return null;
            }

            if (value.Kind is not (SourceKind.True or SourceKind.False))
            {
                throw owner.Error(
                    ArticleErrorKind.WrongType,
                    PathOf(field),
                    value.Offset,
                    value.Text,
                    $"expected true or false, found {value.Describe()}",
                    $"write true or false without quotes, e.g. \"{field}\": true");
            }

            return value.Kind == SourceKind.True;
        }

        public Uri Url(string field) => ParseUrl(field, Required(field, SourceKind.String, "\"https://…\""));

        public Uri? OptionalUrl(string field)
        {
            var value = Node(field);
            return value is null ? null : ParseUrl(field, Expect(field, value, SourceKind.String, "\"https://…\""));
        }

        public int Integer(string field, int minimum)
        {
            var value = Node(field) ?? Required(field, SourceKind.Number, "11");
            var number = owner.ParseInteger(value, PathOf(field));
            if (number < minimum)
            {
                throw owner.Error(ArticleErrorKind.InvalidValue, PathOf(field), value.Offset, value.Text, $"must be at least {minimum}", "count the article's paragraphs");
            }

            return number;
        }

        public T Name<T>(string field, ImmutableArray<(string Name, T Value)> names)
        {
            var value = Required(field, SourceKind.String, "\"" + names[0].Name + "\"");
            foreach (var (name, result) in names)
            {
                if (string.Equals(name, value.Text, StringComparison.OrdinalIgnoreCase))
                {
                    return result;
                }
            }

            throw owner.Error(ArticleErrorKind.InvalidValue, PathOf(field), value.Offset, value.Text, $"not a known {field}", $"use one of: {string.Join(", ", names.Select(n => n.Name))}");
        }

        public SourceValue Array(string field) => Required(field, SourceKind.Array, "[ … ]");

        public SourceValue? OptionalArray(string field)
        {
            var value = Node(field);
            return value is null ? null : Expect(field, value, SourceKind.Array, "[ … ]");
        }

        public SourceValue? OptionalObject(string field)
        {
            var value = Node(field);
            return value is null ? null : Expect(field, value, SourceKind.Object, "{ … }");
        }

        public List<string> TextArray(string field, bool required, bool nonEmpty)
        {
            var array = required ? Array(field) : OptionalArray(field);
            var result = new List<string>();
            if (array is null)
            {
                return result;
            }

            if (nonEmpty && array.Items.Count == 0)
            {
                throw owner.Error(ArticleErrorKind.InvalidValue, PathOf(field), array.Offset, "[]", $"'{field}' needs at least one entry", "name at least one country, e.g. [\"Libya\"]");
            }

            for (var i = 0; i < array.Items.Count; i++)
            {
                var item = array.Items[i];
                var itemPath = PathOf(field) + SourceJsonParser.IndexSegment(i);
                if (item.Kind != SourceKind.String)
                {
                    throw owner.Error(ArticleErrorKind.WrongType, itemPath, item.Offset, item.Text, $"expected text, found {item.Describe()}", "write each entry in quotes");
                }

                if (string.IsNullOrWhiteSpace(item.Text))
                {
                    throw owner.Error(ArticleErrorKind.InvalidValue, itemPath, item.Offset, item.Text, "entries must not be blank", "remove the empty entry");
                }

                result.Add(item.Text);
            }

            return result;
        }

        private static string? Closest(string name, ImmutableArray<string> allowed) => Pipeline.Text.NameSuggestion.Nearest(name, allowed);

        private SourceValue Expect(string field, SourceValue value, SourceKind kind, string example)
        {
            if (value.Kind != kind)
            {
                var expected = new SourceValue(kind, 0, string.Empty).Describe();
                throw owner.Error(ArticleErrorKind.WrongType, PathOf(field), value.Offset, value.Text, $"expected {expected}, found {value.Describe()}", $"write it like {example}");
            }

            return value;
        }

        private string NotBlank(string field, SourceValue value)
        {
            if (string.IsNullOrWhiteSpace(value.Text))
            {
                throw owner.Error(ArticleErrorKind.InvalidValue, PathOf(field), value.Offset, value.Text, $"'{field}' must not be blank", "write the text, or leave out an optional field");
            }

            return value.Text;
        }

        private DateOnly ParseDate(string field, SourceValue value)
        {
            if (DateOnly.TryParseExact(value.Text, ArticleRules.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            var looksIso = value.Text.Length == 10 && value.Text[4] == '-' && value.Text[7] == '-';
            var reason = looksIso ? "not a calendar date" : "not a yyyy-MM-dd date";
            throw owner.Error(ArticleErrorKind.BadDate, PathOf(field), value.Offset, value.Text, reason, ArticleRules.DateHint);
        }

        private Uri ParseUrl(string field, SourceValue value)
        {
            if (Uri.TryCreate(value.Text, UriKind.Absolute, out var uri) && ArticleRules.IsWebAddress(uri))
            {
                return uri;
            }

            throw owner.Error(ArticleErrorKind.InvalidValue, PathOf(field), value.Offset, value.Text, "not an http(s) address", ArticleRules.UrlHint);
        }
    }
}
