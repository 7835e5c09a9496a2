using NewsNlp.Entities;
using NewsNlp.Linking;
using NewsNlp.Tokenization;

namespace NewsNlp.Cli.Evaluation;

/// <summary>
/// Entity linking and coreference against GUM's news and interview documents. Our tagger and linker run on GUM's own
/// tokens and sentences; a predicted mention matches the gold mention whose head token it covers while lying inside
/// it (the innermost such mention). Linking: a gold named mention with a Wikipedia identity is linked correctly when the
/// entity of its matching prediction is linked to the knowledge-base entry of that title (names compared folded).
/// Coreference: key = GUM clusters that hold a named mention, with all their mentions (names, descriptions,
/// pronouns); response = our entities (numbers and dates left out), their mentions matched to gold mentions; a
/// prediction matching a gold mention outside those clusters is left out, one matching none counts as spurious;
/// singletons are left out of both (CoNLL-2012 convention).
/// </summary>
internal static class LinkingEvaluation
{
    public static void Run(IReadOnlyList<GumEntityDocument> documents, EntityTagger tagger, EntityLinker linker, TextWriter output, TextWriter? errorLog = null)
    {
        var coref = new CorefMetrics(keepSingletons: false);
        int goldLinked = 0, goldInKb = 0, detected = 0, correct = 0, correctLoose = 0, predictedLinks = 0, predictedCorrect = 0, predictedWrong = 0;
        var errors = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (GumEntityDocument doc in documents)
        {
            (Token[] tokens, Sentence[] sentences) = Layout(doc);
            var mentions = new List<EntityMention>();
            tagger.Tag(doc.Text, tokens, sentences, mentions);
            linker.Spot(doc.Text, tokens, sentences, mentions, CancellationToken.None);
            List<DocumentEntity> entities = linker.Resolve(doc.Text, tokens, sentences, mentions, CancellationToken.None);
            var quotes = NewsNlp.Relations.QuoteFinder.Find(doc.Text, tokens, entities, _ => false);
            NewsNlp.Relations.QuoteFinder.AttachFirstPerson(doc.Text, tokens, quotes, entities);

            // Each predicted mention, with its entity and the gold mention it matches (-1: none).
            var predicted = new List<(DocumentEntity Entity, EntityReference Mention, int Gold)>();
            foreach (DocumentEntity e in entities.Where(e => !e.Label.IsValue()))
            {
                foreach (EntityReference m in e.Mentions)
                {
                    predicted.Add((e, m, MatchGold(doc, m)));
                }
            }

            // Linking.
            for (int g = 0; g < doc.Mentions.Count; g++)
            {
                GumMention gold = doc.Mentions[g];
                if (!gold.IsNamed || gold.Identity is null)
                {
                    continue;
                }

                goldLinked++;
                string title = NameKey.Fold(gold.Identity);
                goldInKb += linker.KnowledgeBase.Find(gold.Identity).Count > 0 ? 1 : 0;
                var hit = predicted.FirstOrDefault(p => p.Gold == g);
                if (hit.Entity is null)
                {
                    continue;
                }

                detected++;
                if (hit.Entity.KbEntry is { } entry && NameKey.Fold(entry.Name) == title)
                {
                    correct++;
                    correctLoose++;
                }
                else if (hit.Entity.KbEntry is { } other && NameKey.Fold(other.Name) == NameKey.Fold(Unqualified(gold.Identity)))
                {
                    correctLoose++;
                }
            }

            foreach (var (entity, mention, gold) in predicted.Where(p => p.Mention.Kind == MentionKind.Name && p.Entity.KbEntry is not null))
            {
                predictedLinks++;
                string? identity = gold >= 0 ? doc.Mentions[gold].Identity : null;
                if (identity is not null && NameKey.Fold(identity) == NameKey.Fold(entity.KbEntry!.Name))
                {
                    predictedCorrect++;
                }
                else if (identity is not null)
                {
                    predictedWrong++;
                    string error = $"{doc.Text[mention.Start..mention.End]} -> {entity.KbEntry!.Name} (gold {identity})";
                    errors[error] = errors.GetValueOrDefault(error) + 1;
                }
            }

            // Coreference on the named chains.
            var clusters = doc.Clusters();
            var namedClusters = clusters.Where(c => c.Any(i => doc.Mentions[i].IsNamed)).ToList();
            var inNamed = new HashSet<int>(namedClusters.SelectMany(c => c));
            int spurious = -1;
            var response = entities.Where(e => !e.Label.IsValue())
                .Select(e => predicted.Where(p => ReferenceEquals(p.Entity, e))
                    .Select(p => p.Gold < 0 ? spurious-- : inNamed.Contains(p.Gold) ? p.Gold : int.MinValue)
                    .Where(k => k != int.MinValue)
                    .ToList())
                .ToList();
            coref.Add(namedClusters.Select(c => c.AsEnumerable()), response.Select(c => c.AsEnumerable()));
            if (errorLog is not null)
            {
                errorLog.WriteLine($"== {doc.Name}");
                foreach (IReadOnlyList<int> chain in namedClusters.Where(c => c.Count > 1))
                {
                    var parts = chain.Select(g =>
                    {
                        GumMention gm = doc.Mentions[g];
                        DocumentEntity? e = predicted.FirstOrDefault(p => p.Gold == g).Entity;
                        return $"{doc.Text[gm.Start..gm.End]}{(e is null ? "" : "=" + e.Id)}";
                    });
                    errorLog.WriteLine("  gold: " + string.Join(" | ", parts));
                }

                foreach (var p in predicted.Where(p => p.Gold < 0 || !inNamed.Contains(p.Gold)))
                {
                    errorLog.WriteLine($"  ours {(p.Gold < 0 ? "spurious" : "outside named chains")}: {doc.Text[p.Mention.Start..p.Mention.End]} ({p.Mention.Kind}) = {p.Entity.Id} {p.Entity.Name}");
                }
            }
        }

        output.WriteLine($"Entity linking: {documents.Count} documents, {goldLinked} named mentions with a Wikipedia identity ({goldInKb} of them name an entity of our knowledge base)");
        output.WriteLine(FormattableString.Invariant($"  accuracy (end to end: linked to the right entry / all)    {Percent(correct, goldLinked)}  ({correct}/{goldLinked})"));
        output.WriteLine(FormattableString.Invariant($"  the same, titles compared without qualifiers (Phoenix, Arizona = Phoenix) {Percent(correctLoose, goldLinked)}  ({correctLoose}/{goldLinked})"));
        output.WriteLine(FormattableString.Invariant($"  accuracy on detected mentions (right entry / detected)     {Percent(correct, detected)}  ({correct}/{detected})"));
        output.WriteLine(FormattableString.Invariant($"  accuracy on mentions our knowledge base holds              {Percent(correct, goldInKb)}  ({correct}/{goldInKb})"));
        output.WriteLine(FormattableString.Invariant($"  precision of our links on gold-identified mentions         {Percent(predictedCorrect, predictedCorrect + predictedWrong)}  ({predictedCorrect}/{predictedCorrect + predictedWrong}; {predictedLinks} name links in all)"));
        foreach (var (error, count) in errors)
        {
            output.WriteLine($"    wrong link x{count}: {error}");
        }

        output.WriteLine();
        output.WriteLine("Coreference on GUM's named-entity chains (mentions matched by head; singletons excluded):");
        coref.Write(output);
    }

    /// <summary>A Wikipedia title without its qualifier: <c>Phoenix, Arizona</c> and <c>Victoria (Australia)</c> give <c>Phoenix</c> and <c>Victoria</c>.</summary>
    private static string Unqualified(string title)
    {
        int cut = title.IndexOfAny(['(', ',']);
        return cut > 0 ? title[..cut].Trim() : title;
    }

    private static string Percent(int a, int b) => b == 0 ? "  n/a" : FormattableString.Invariant($"{100.0 * a / b,5:F1}");


    /// <summary>The innermost gold mention whose head token the prediction covers while lying inside it; -1 when none.</summary>
    private static int MatchGold(GumEntityDocument doc, EntityReference m)
    {
        int best = -1;
        int bestLength = int.MaxValue;
        for (int g = 0; g < doc.Mentions.Count; g++)
        {
            GumMention gold = doc.Mentions[g];
            GumToken head = doc.Tokens[gold.HeadToken];
            if (m.Start >= gold.Start && m.End <= gold.End && m.Start <= head.Start && m.End >= head.End && gold.End - gold.Start < bestLength)
            {
                best = g;
                bestLength = gold.End - gold.Start;
            }
        }

        return best;
    }

    /// <summary>GUM's tokens and sentences as ours; token kinds from our tokenizer's reading of each token.</summary>
    private static (Token[] Tokens, Sentence[] Sentences) Layout(GumEntityDocument doc)
    {
        var tokens = new Token[doc.Tokens.Count];
        for (int i = 0; i < tokens.Length; i++)
        {
            GumToken t = doc.Tokens[i];
            TokenKind kind = TokenKind.Word;
            foreach (Token ours in Tokenizer.Default.Tokenize(t.Text))
            {
                kind = ours.Kind;
                break;
            }

            tokens[i] = new Token(t.Start, t.End - t.Start, kind);
        }

        var sentences = new Sentence[doc.Sentences.Count];
        for (int s = 0; s < sentences.Length; s++)
        {
            (int first, int end) = doc.Sentences[s];
            int start = tokens[first].Start;
            int stop = tokens[end - 1].Start + tokens[end - 1].Length;
            sentences[s] = new Sentence(start, stop - start, first, end - first);
        }

        return (tokens, sentences);
    }
}
