namespace Pipeline.Articles;

/// <summary>The catalog's refusal of drafts from <c>pipeline mentions suggest</c>.</summary>
internal sealed partial class ArticleJsonReader
{
    /// <summary>
    /// Refuses a document holding a mention that is still a draft: <c>"status": "suggested"</c>, or a null paraphrase.
    /// Runs before any other check, so a draft's first error names the mention to finish rather than a blank title.
    /// Also checks the draft-only fields: <c>status</c> is <c>suggested</c> or <c>confirmed</c>, <c>suggestion</c> an object.
    /// </summary>
    private void RefuseDrafts(SourceValue root)
    {
        if (root.Kind != SourceKind.Object || root.Properties.FirstOrDefault(p => p.Name == "mentions")?.Value is not { Kind: SourceKind.Array } mentions)
        {
            return; // ReadArticle reports the shape
        }

        for (var i = 0; i < mentions.Items.Count; i++)
        {
            var mention = mentions.Items[i];
            if (mention.Kind != SourceKind.Object)
            {
                continue;
            }

            var path = "$.mentions" + SourceJsonParser.IndexSegment(i);
            SourceValue? Field(string name) => mention.Properties.FirstOrDefault(p => p.Name == name)?.Value;
            var id = Field("id") is { Kind: SourceKind.String } idNode ? $"'{idNode.Text}'" : $"at {path}";
            const string Fix = "write a short paraphrase in your own words (never the article's sentence), check dates, precision and scopeCountries, then confirm it (MentionConfirmer.Confirm, or the command pipeline mentions confirm) or delete the mention";

            var status = Field("status");
            if (status is not null)
            {
                if (status.Kind != SourceKind.String || (status.Text != "suggested" && status.Text != "confirmed"))
                {
                    throw Error(ArticleErrorKind.InvalidValue, path + ".status", status.Offset, status.Text, "status must be \"suggested\" or \"confirmed\"", "leave the value 'pipeline mentions suggest' or 'confirm' wrote, or remove the field");
                }

                if (status.Text == "suggested")
                {
                    throw Error(ArticleErrorKind.UnconfirmedMention, path + ".status", status.Offset, status.Text, $"mention {id} is a suggestion nobody has confirmed yet", Fix);
                }
            }

            if (Field("paraphrase") is { Kind: SourceKind.Null } paraphrase)
            {
                throw Error(ArticleErrorKind.UnconfirmedMention, path + ".paraphrase", paraphrase.Offset, "null", $"mention {id} has no paraphrase yet", Fix);
            }

            if (Field("suggestion") is { } suggestion && suggestion.Kind != SourceKind.Object)
            {
                throw Error(ArticleErrorKind.WrongType, path + ".suggestion", suggestion.Offset, suggestion.Text, "suggestion must be the object 'pipeline mentions suggest' wrote", "restore it from the draft, or remove the field");
            }
        }
    }
}
