using NewsNlp.Corpus;
using NewsNlp.Linking;

namespace NewsNlp.Cli.Evaluation;

/// <summary>
/// Cross-document entity coreference and story grouping on ECB+. Each document's text (its tokens joined by spaces,
/// sentences by line breaks) goes through the pipeline and then the corpus analyser, in corpus order. A predicted
/// mention matches the gold entity mention with which its characters overlap most, when the overlap is at least half of
/// the union (Jaccard 0.5) or the prediction lies inside the gold mention and covers its last token (the head of most
/// English noun phrases). Key: the gold entity mentions of the annotated sentences, clustered by their cross-document
/// chain. Response: our mentions (names, descriptions, pronouns) in annotated sentences, clustered by corpus entity;
/// a mention matching no gold mention counts as spurious. Stories are scored by B-cubed over documents against the
/// subtopics (a topic's <c>ecb</c> documents and its <c>ecbplus</c> documents report two different events).
/// </summary>
internal static class CorpusEvaluation
{
    public static (double StoryF1, double EntityConll) Run(IReadOnlyList<EcbDocument> documents, NewsPipeline pipeline, CorpusOptions options, TextWriter? output)
    {
        var corpus = new CorpusAnalyzer(options);
        var withSingletons = new CorefMetrics(keepSingletons: true);
        var withoutSingletons = new CorefMetrics(keepSingletons: false);
        var key = new List<(string Chain, (string, int) Mention)>();
        var response = new List<(string Entity, (string, int) Mention)>();
        var onGold = new Dictionary<(string, int), string>();
        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        int spurious = 0;
        foreach (EcbDocument doc in documents)
        {
            NewsDocument analysed = pipeline.Analyze(doc.Text, doc.Name);
            CorpusAssignment assignment = corpus.Add(analysed);
            storyOf[doc.Name] = assignment.Story;
            for (int g = 0; g < doc.EntityMentions.Count; g++)
            {
                key.Add((doc.EntityMentions[g].Chain, (doc.Name, g)));
            }

            foreach (DocumentEntity e in analysed.Entities)
            {
                if (!assignment.Entities.TryGetValue(e.Id, out string? corpusId))
                {
                    continue;
                }

                foreach (EntityReference m in e.Mentions)
                {
                    if (!InAnnotatedSentence(doc, m.Start))
                    {
                        continue;
                    }

                    int gold = Match(doc, m);
                    response.Add((corpusId, gold >= 0 ? (doc.Name, gold) : ("spurious", spurious++)));
                    if (gold >= 0)
                    {
                        onGold.TryAdd((doc.Name, gold), corpusId);
                    }
                }
            }
        }

        IEnumerable<IEnumerable<(string, int)>> keyClusters = key.GroupBy(k => k.Chain, StringComparer.Ordinal).Select(g => g.Select(x => x.Mention));
        IEnumerable<IEnumerable<(string, int)>> responseClusters = response.GroupBy(r => r.Entity, StringComparer.Ordinal).Select(g => g.Select(x => x.Mention));
        withSingletons.Add(keyClusters, responseClusters);
        withoutSingletons.Add(keyClusters, responseClusters);

        // On the gold mentions: each annotated mention takes the corpus entity of the prediction that matches it, else
        // stays alone; predictions that match no annotated mention are not scored.
        var goldMentions = new CorefMetrics(keepSingletons: true);
        goldMentions.Add(keyClusters, key.GroupBy(k => onGold.TryGetValue(k.Mention, out string? id) ? id : $"alone|{k.Mention}", StringComparer.Ordinal).Select(g => g.Select(x => x.Mention)));

        var stories = new CorefMetrics(keepSingletons: true);
        stories.Add(
            documents.GroupBy(d => d.Subtopic, StringComparer.Ordinal).Select(g => g.Select(d => d.Name)),
            documents.GroupBy(d => storyOf[d.Name], StringComparer.Ordinal).Select(g => g.Select(d => d.Name)));

        if (output is not null)
        {
            CorpusSnapshot snapshot = corpus.Snapshot();
            int subtopics = documents.Select(d => d.Subtopic).Distinct().Count();
            output.WriteLine($"{documents.Count} documents in {documents.Select(d => d.Topic).Distinct().Count()} topics and {subtopics} subtopics; story threshold {options.StoryThreshold}");
            output.WriteLine(FormattableString.Invariant($"Stories: {snapshot.Stories.Length} predicted for {subtopics} subtopics; B-cubed over documents R {100 * stories.BCubed.Recall:F1} P {100 * stories.BCubed.Precision:F1} F1 {100 * stories.BCubed.F1:F1}"));
            output.WriteLine();
            output.WriteLine($"Cross-document entity coreference: {key.Count} gold entity mentions in {key.Select(k => k.Chain).Distinct().Count()} chains; {response.Count} of our mentions ({spurious} match no gold mention), {onGold.Count} gold mentions matched");
            output.WriteLine("on the annotated (gold) mentions, with singletons:");
            goldMentions.Write(output);
            output.WriteLine("end to end (our mentions, spurious ones counted), with singletons:");
            withSingletons.Write(output);
            output.WriteLine("end to end, without singletons (CoNLL-2012 convention):");
            withoutSingletons.Write(output);
        }

        return (stories.BCubed.F1, goldMentions.ConllF1);
    }

    private static bool InAnnotatedSentence(EcbDocument doc, int offset)
    {
        int lo = 0, hi = doc.Tokens.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (doc.Tokens[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo < doc.Tokens.Count && doc.AnnotatedSentences.Contains(doc.Tokens[lo].Sentence);
    }

    /// <summary>The gold entity mention a prediction matches, or -1 (see the class remarks).</summary>
    private static int Match(EcbDocument doc, EntityReference m)
    {
        int best = -1;
        double bestOverlap = 0;
        for (int g = 0; g < doc.EntityMentions.Count; g++)
        {
            EcbMention gold = doc.EntityMentions[g];
            int overlap = Math.Min(m.End, gold.End) - Math.Max(m.Start, gold.Start);
            if (overlap <= 0)
            {
                continue;
            }

            double jaccard = overlap / (double)(Math.Max(m.End, gold.End) - Math.Min(m.Start, gold.Start));
            EcbToken last = doc.Tokens[gold.EndToken - 1];
            bool head = m.Start >= gold.Start && m.End <= gold.End && m.End >= last.End;
            double score = head ? Math.Max(jaccard, 0.5) : jaccard;
            if (score >= 0.5 && score > bestOverlap)
            {
                (best, bestOverlap) = (g, score);
            }
        }

        return best;
    }
}
