using NewsNlp.Cli.Evaluation;
using NewsNlp.Entities;

namespace NewsNlp.Cli.Training;

/// <summary><c>newsnlp train ner</c>: trains the entity model on GMB train, picks the epoch by dev F1, writes the model.</summary>
internal static class NerTraining
{
    /// <summary>The labels of the shipped statistical model.</summary>
    public static readonly EntityLabel[] ModelLabels =
    [
        EntityLabel.Person, EntityLabel.Org, EntityLabel.Gpe, EntityLabel.Loc, EntityLabel.Norp, EntityLabel.Date, EntityLabel.Time,
        EntityLabel.Event, EntityLabel.Product, EntityLabel.Fac,
    ];

    /// <summary>The labels of the own annotated sentences that the model learns (the others are O in training).</summary>
    public static readonly HashSet<string> OwnLabels = [.. ModelLabels.Select(l => l.ToName())];

    /// <summary>The labels whose micro F1 on dev chooses the epoch.</summary>
    public static readonly string[] SelectionLabels = ["PERSON", "ORG", "GPE", "LOC"];

    /// <summary>
    /// Trains on GMB train and keeps the epoch with the best dev F1; with <paramref name="withDev"/>, trains on
    /// train + dev for exactly <paramref name="epochs"/> epochs (the count chosen on dev before), the final model.
    /// </summary>
    /// <summary>The data domains of <c>--domain-copies</c>: GMB, the own sentences, GUM.</summary>
    public static readonly string[] DomainNames = ["gmb", "own", "gum"];

    /// <summary>The labels GUM's name readers cannot give (its person, organization and place names become PERSON, ORG, GPE, LOC, FAC).</summary>
    public static readonly EntityLabel[] LabelsGumLacks = [EntityLabel.Norp, EntityLabel.Date, EntityLabel.Time, EntityLabel.Event, EntityLabel.Product];

    public static NerModel Train(string data, int epochs, bool withDev, TextWriter log, bool withGum = false, int ownRepeat = 0, bool withGumGenres = false, string[]? exportDomains = null, bool gumPartial = false, bool withRe3d = false)
    {
        var tags = new BilouTags(ModelLabels);
        IReadOnlyList<GmbSentence> train = GmbCorpus.Read(data, "train");
        int gmbCount = train.Count;
        if (withGum)
        {
            train = [.. train, .. GumTraining(data)];
        }

        if (withGumGenres)
        {
            train = [.. train, .. GumGenres.Read(data)];
        }

        if (withRe3d)
        {
            train = [.. train, .. Re3dEntities.Read(data, withDev ? "all" : "train")];
        }

        int gumEnd = train.Count;

        List<string> ownFolders = OwnEntities.Folders();
        List<GmbSentence> ownDev = OwnEntities.Read(ownFolders, "dev", OwnLabels);
        if (ownRepeat > 0)
        {
            List<GmbSentence> own = OwnEntities.Read(ownFolders, withDev ? "all" : "train", OwnLabels);
            for (int k = 0; k < ownRepeat; k++)
            {
                train = [.. train, .. own];
            }
        }

        IReadOnlyList<GmbSentence> dev = GmbCorpus.Read(data, "dev");
        // Domains (used only with exportDomains): 0 GMB (train and dev blocks), 1 the own sentences, 2 GUM.
        var examples = train.Select((s, i) => NerExample.FromWords(s.Words, tags.FromIob(s.Tags), i < gmbCount ? 0 : i < gumEnd ? 2 : 1))
            .Select((e, i) => gumPartial && i >= gmbCount && i < gumEnd ? e with { Allowed = PartialMask(tags, e.Gold, LabelsGumLacks) } : e)
            .Concat(withDev ? dev.Select(s => NerExample.FromWords(s.Words, tags.FromIob(s.Tags), 0)) : [])
            .ToList();
        var trainer = exportDomains is null
            ? new NerTrainer(ModelLabels)
            : new NerTrainer(ModelLabels) { Domains = DomainNames.Length, ExportDomains = [.. exportDomains.Select(d => Array.IndexOf(DomainNames, d))] };
        string provenance = withDev
            ? $"GMB extract (gmb_kaggle/ner_dataset.csv), train + dev blocks = first 90% of the sentences ({examples.Count:N0}); structured averaged perceptron, BILOU, {NerFeatures.Count} feature templates"
            : $"GMB extract (gmb_kaggle/ner_dataset.csv), train block = first 80% of the sentences ({examples.Count:N0}); structured averaged perceptron, BILOU, {NerFeatures.Count} feature templates";
        if (withGum)
        {
            provenance += "; plus GUM news and interview documents outside its dev and test splits (named person/organization/place mentions, CC BY 4.0 annotations)";
        }

        if (withGumGenres)
        {
            provenance += "; plus GUM's other written genres outside its dev and test splits (capitalised person/organization/place mentions, CC BY 4.0 annotations)";
        }

        if (withRe3d)
        {
            provenance += $"; plus Dstl re3d's person, organisation, location and nationality names ({(withDev ? "all documents" : "train documents")}; public domain, OGL v3, CC BY 3.0 AU, CC BY-SA 3.0)";
        }

        if (gumPartial)
        {
            provenance += $" ({(withRe3d ? "GUM's and re3d's" : "GUM's")} sentences partly annotated: a token outside its names may be O or NORP, DATE, TIME, EVENT, PRODUCT)";
        }

        if (ownRepeat > 0)
        {
            provenance += $"; plus the project's own annotated sentences (tools/relations/annotated, tools/ner/annotated; {(withDev ? "all" : "train part")}, x{ownRepeat})";
        }

        NerModel best = trainer.Train(
            examples,
            epochs,
            withDev ? (model, epoch) => epoch : (model, epoch) => DevF1(EntityTagger.FromModel(model), dev),
            message => log.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}"),
            provenance);
        log.WriteLine("GMB dev, statistical model alone:");
        using StreamWriter? errors = DevErrorsWriter();
        Score(EntityTagger.FromModel(best), dev, errors).Write(log, SelectionLabels);
        if (ownDev.Count > 0)
        {
            log.WriteLine($"Own annotated sentences, dev part{(withDev && ownRepeat > 0 ? " (trained on)" : "")}:");
            Score(EntityTagger.FromModel(best), ownDev, null).Write(log, SelectionLabels);
        }

        return best;
    }

    /// <summary>
    /// GUM's news and interview documents outside its dev and test splits as name-tagged sentences: a named person,
    /// organisation or place mention gives the run of proper nouns around its head (PERSON, ORG; a place is GPE when the
    /// knowledge base knows it as a country, territory, city or region with a government, else LOC).
    /// </summary>
    public static List<GmbSentence> GumTraining(string data)
    {
        var result = new List<GmbSentence>();
        foreach (GumEntityDocument doc in GumEntities.Read(data, "train"))
        {
            var tags = new string[doc.Tokens.Count];
            Array.Fill(tags, "O");
            foreach (GumMention m in doc.Mentions.Where(m => m.IsNamed && m.Type is "person" or "organization" or "place"))
            {
                int a = m.HeadToken, b = m.HeadToken;
                while (a > m.FirstToken && doc.Tokens[a - 1].Upos == "PROPN")
                {
                    a--;
                }

                while (b + 1 < m.EndToken && (doc.Tokens[b + 1].Upos == "PROPN"
                    || (doc.Tokens[b + 1].Text is "of" or "for" && b + 2 < m.EndToken && doc.Tokens[b + 2].Upos == "PROPN")))
                {
                    b++;
                }

                if (tags.AsSpan(a, b - a + 1).ContainsAnyExcept("O"))
                {
                    continue;
                }

                string label = m.Type switch
                {
                    "person" => "PERSON",
                    "organization" => "ORG",
                    _ => PlaceNames.Label(string.Join(' ', doc.Tokens.Skip(a).Take(b - a + 1).Select(t => t.Text))),
                };
                for (int i = a; i <= b; i++)
                {
                    tags[i] = (i == a ? "B-" : "I-") + label;
                }
            }

            foreach (var (first, end) in doc.Sentences)
            {
                result.Add(new GmbSentence([.. doc.Tokens.Skip(first).Take(end - first).Select(t => t.Text)], tags[first..end]));
            }
        }

        return result;
    }

    /// <summary>
    /// The tags each token of a partly annotated sentence may take: a token inside a gold name keeps its tag; any other
    /// token may be O or any tag of <paramref name="free"/>, the labels the source does not annotate.
    /// </summary>
    public static ulong[] PartialMask(BilouTags tags, int[] gold, EntityLabel[] free)
    {
        if (tags.Count > 64)
        {
            throw new ArgumentException("At most 64 tags fit a mask.", nameof(tags));
        }

        ulong open = 1UL << BilouTags.Outside;
        foreach (EntityLabel label in free)
        {
            int index = Array.IndexOf(tags.Labels, label);
            for (int kind = 1; kind <= 4 && index >= 0; kind++)
            {
                open |= 1UL << BilouTags.Tag(index, kind);
            }
        }

        var mask = new ulong[gold.Length];
        for (int i = 0; i < gold.Length; i++)
        {
            mask[i] = gold[i] == BilouTags.Outside ? open : 1UL << gold[i];
        }

        return mask;
    }

    /// <summary>Where dev errors are listed: the file named by the NEWSNLP_DEV_ERRORS environment variable, if set.</summary>
    public static StreamWriter? DevErrorsWriter() =>
        Environment.GetEnvironmentVariable("NEWSNLP_DEV_ERRORS") is { Length: > 0 } path ? new StreamWriter(path) : null;

    /// <summary>Micro F1 (exact spans) over PERSON, ORG, GPE, LOC of the statistical model alone.</summary>
    public static double DevF1(EntityTagger tagger, IReadOnlyList<GmbSentence> sentences) => Score(tagger, sentences, null).MicroF1(SelectionLabels);

    /// <summary>Scores the statistical model alone on GMB sentences; lists the sentences it gets wrong to <paramref name="errors"/>.</summary>
    public static SpanScore Score(EntityTagger tagger, IReadOnlyList<GmbSentence> sentences, TextWriter? errors)
    {
        var score = new SpanScore();
        foreach (GmbSentence s in sentences)
        {
            string[] predicted = tagger.TagWords(s.Words, numeric: false);
            score.Add(s.Tags, predicted);
            if (errors is not null && !s.Tags.SequenceEqual(predicted))
            {
                errors.WriteLine(string.Join(' ', s.Words.Select((w, i) => s.Tags[i] == predicted[i] ? (s.Tags[i] == "O" ? w : $"[{w}/{s.Tags[i]}]") : $"[{w}/{s.Tags[i]}>{predicted[i]}]")));
            }
        }

        return score;
    }
}
