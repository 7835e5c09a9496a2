using NewsNlp.Linking;
using NewsNlp.Tokenization;

namespace NewsNlp.Cli;

/// <summary>
/// CoNLL-style columns: one token a line (<c>token start end IOB2-label entity-id</c>, tab-separated), a blank line
/// between sentences, <c># document = id</c> before each document. Name mentions give the IOB2 tags; a token outside
/// them is <c>O</c> with entity <c>_</c>.
/// </summary>
internal static class ConllReport
{
    public static void Write(TextWriter output, NewsDocument doc)
    {
        output.WriteLine($"# document = {doc.Id}");
        var tags = new string[doc.Tokens.Length];
        var ids = new string[doc.Tokens.Length];
        Array.Fill(tags, "O");
        Array.Fill(ids, "_");
        foreach (DocumentEntity e in doc.Entities)
        {
            foreach (EntityReference m in e.Mentions.Where(m => m.Kind == MentionKind.Name))
            {
                int first = TokenSearch.FirstEndingAfter(doc.Tokens.AsSpan(), m.Start);
                for (int t = first; t < doc.Tokens.Length && doc.Tokens[t].Start < m.End; t++)
                {
                    if (tags[t] != "O")
                    {
                        continue;
                    }

                    tags[t] = (t == first ? "B-" : "I-") + NewsNlp.Entities.EntityLabels.ToName(e.Label);
                    ids[t] = e.Id;
                }
            }
        }

        foreach (Sentence s in doc.Sentences)
        {
            for (int t = s.FirstToken; t < s.FirstToken + s.TokenCount; t++)
            {
                Token token = doc.Tokens[t];
                string text = doc.GetCleanText(token.Start, token.End).Replace('\t', ' ').Replace('\n', ' ');
                output.WriteLine($"{text}\t{token.Start}\t{token.End}\t{tags[t]}\t{ids[t]}");
            }

            output.WriteLine();
        }
    }
}
