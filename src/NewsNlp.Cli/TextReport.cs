using NewsNlp.Tokenization;

namespace NewsNlp.Cli;

/// <summary>The <c>--format text</c> output: a summary for a person to read.</summary>
internal static class TextReport
{
    public static void Write(TextWriter output, IReadOnlyList<NewsDocument> documents, bool includeTokens)
    {
        foreach (NewsDocument doc in documents)
        {
            output.WriteLine($"== {doc.Id}: {doc.Text.Length:N0} characters, {doc.Tokens.Length:N0} tokens, {doc.Sentences.Length:N0} sentences");
            int number = 0;
            foreach (Sentence s in doc.Sentences)
            {
                number++;
                string text = OneLine(doc.Text.AsSpan(s.Start, s.Length));
                output.WriteLine($"[{number}] {s.Start}-{s.End} {text}");
                if (includeTokens)
                {
                    foreach (Token t in s.GetTokens(doc.Tokens.AsSpan()))
                    {
                        output.Write($"  {OneLine(doc.Text.AsSpan(t.Start, t.Length))}/{t.Kind}");
                    }

                    output.WriteLine();
                }
            }

            if (doc.Repairs.Count > 0)
            {
                output.WriteLine($"repairs: {string.Join(", ", doc.Repairs.Select(r => $"{OneLine(r.Original)} -> {OneLine(r.Repaired)} ({r.Kind})").Take(20))}");
            }

            foreach (NewsNlp.Text.BoilerplateSpan b in doc.Boilerplate)
            {
                output.WriteLine($"boilerplate ({b.Kind}): {OneLine(doc.Text.AsSpan(b.Start, b.End - b.Start))}");
            }

            output.WriteLine("entities:");
            foreach (NewsNlp.Linking.DocumentEntity e in doc.Entities)
            {
                var others = e.Mentions.Select(m => OneLine(doc.GetCleanText(m.Start, m.End))).Distinct(StringComparer.Ordinal).Where(t => t != e.Name);
                output.WriteLine($"  {e.Id} {e.Name} [{NewsNlp.Entities.EntityLabels.ToName(e.Label)}]{(e.KbId is null ? "" : " " + e.KbId)} x{e.Mentions.Length}: {string.Join(" | ", others)}");
            }

            var names = doc.Entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
            if (doc.Relations.Length > 0)
            {
                output.WriteLine("relations:");
                foreach (NewsNlp.Relations.Relation r in doc.Relations)
                {
                    output.WriteLine($"  {NewsNlp.Relations.RelationNames.ToName(r.Type)} {names[r.SubjectId]} -> {names[r.ObjectId]} ({NewsNlp.Relations.RelationNames.ToName(r.Modality)}, {r.Confidence:F2}){RelationReport.Details(doc, r, names)}");
                }
            }

            if (doc.Quotes.Length > 0)
            {
                output.WriteLine("quotes:");
                foreach (NewsNlp.Relations.Quote q in doc.Quotes)
                {
                    string quoted = OneLine(doc.GetCleanText(q.Start, q.End));
                    output.WriteLine($"  {(q.Speaker is null ? "(unknown)" : names[q.Speaker])}: \"{(quoted.Length > 100 ? quoted[..100] + "..." : quoted)}\"");
                }
            }

            output.WriteLine();
        }
    }

    private static string OneLine(string text) => OneLine(text.AsSpan());

    private static string OneLine(ReadOnlySpan<char> text)
    {
        var chars = new char[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            chars[i] = c is '\n' or '\r' or '\t' ? ' ' : char.IsControl(c) ? '\uFFFD' : c;
        }

        return new string(chars);
    }

    /// <summary>The corpus: stories with their documents, and the entities that more than one document shares.</summary>
    public static void WriteCorpus(TextWriter output, NewsNlp.Corpus.CorpusSnapshot corpus)
    {
        output.WriteLine("== corpus");
        foreach (NewsNlp.Corpus.Story story in corpus.Stories)
        {
            output.WriteLine($"story {story.Id}: {string.Join(", ", story.Documents)} ({story.Title})");
        }

        foreach (NewsNlp.Corpus.CorpusEntity e in corpus.Entities.Where(e => e.Members.Select(m => m.Document).Distinct().Count() > 1))
        {
            output.WriteLine($"entity {e.Id} {e.Name} [{NewsNlp.Entities.EntityLabels.ToName(e.Label)}]{(e.KbId is null ? "" : " " + e.KbId)}: {string.Join(", ", e.Members.Select(m => $"{m.Document}/{m.Entity}"))}");
        }

        // Relations that more than one document states: what the story agrees on.
        var names = corpus.Entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
        foreach (NewsNlp.Corpus.CorpusRelation r in corpus.Relations.Where(r => r.Documents.Length > 1))
        {
            output.WriteLine($"relation {NewsNlp.Relations.RelationNames.ToName(r.Type)} {names[r.SubjectId]} -> {names[r.ObjectId]}: {string.Join(", ", r.Documents)}");
        }
    }
}
