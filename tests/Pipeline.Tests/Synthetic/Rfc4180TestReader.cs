using System.Text;

namespace Pipeline.Tests.Synthetic;

/// <summary>
/// A strict RFC 4180 reader written for the tests, independent of the generator's writer, so a quoting
/// bug in the writer cannot be hidden by the same bug in the reader.
/// </summary>
internal static class Rfc4180TestReader
{
    /// <summary>Parses LF- or CRLF-terminated records; throws on a stray quote or an unterminated field.</summary>
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int i = 0;
        bool atFieldStart = true;
        while (i < text.Length)
        {
            char c = text[i];
            if (atFieldStart && c == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException($"Unterminated quoted field in record {records.Count + 1}.");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i]);
                    i++;
                }

                atFieldStart = false;
                if (i < text.Length && text[i] is not (',' or '\n' or '\r'))
                {
                    throw new FormatException($"Text after a closing quote in record {records.Count + 1}.");
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    i++;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    i++;
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add([.. fields]);
                    fields.Clear();
                    atFieldStart = true;
                    i++;
                    break;
                case '"':
                    throw new FormatException($"Quote inside an unquoted field in record {records.Count + 1}.");
                default:
                    field.Append(c);
                    atFieldStart = false;
                    i++;
                    break;
            }
        }

        if (fields.Count > 0 || field.Length > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }

        return records;
    }
}
