using NewsNlp.Entities;

namespace NewsNlp.Tests.Entities;

public class NerModelTests
{
    private static NerModel TinyModel()
    {
        var labels = new[] { EntityLabel.Person, EntityLabel.Gpe };
        var tags = new BilouTags(labels);
        var examples = new[]
        {
            NerExample.FromWords(["Anna", "visited", "Paris", "."], tags.FromIob(["B-PERSON", "O", "B-GPE", "O"])),
            NerExample.FromWords(["Boris", "Ivanov", "left", "Rome", "."], tags.FromIob(["B-PERSON", "I-PERSON", "O", "B-GPE", "O"])),
        };
        return new NerTrainer(labels, minCount: 1).Train(examples, 5, null, _ => { }, "unit test");
    }

    private static byte[] Bytes(NerModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    [Fact]
    public void A_trained_model_learns_its_examples_and_round_trips()
    {
        NerModel model = TinyModel();
        EntityTagger tagger = EntityTagger.FromModel(model);
        Assert.Equal(["B-PERSON", "I-PERSON", "O", "B-GPE", "O"], tagger.TagWords(["Boris", "Ivanov", "left", "Rome", "."]));
        EntityTagger loaded = EntityTagger.Load(new MemoryStream(Bytes(model)));
        Assert.Equal(tagger.TagWords(["Anna", "visited", "Paris", "."]), loaded.TagWords(["Anna", "visited", "Paris", "."]));
        Assert.Equal("unit test; epochs 5", loaded.Provenance);
    }

    [Fact]
    public void Domain_copies_keep_each_sources_convention_apart()
    {
        // Source 0 labels a capital standing for its government ORG, source 1 labels it GPE (GMB and OntoNotes differ so).
        var labels = new[] { EntityLabel.Org, EntityLabel.Gpe };
        var tags = new BilouTags(labels);
        string[] words = ["Tehran", "rejected", "the", "offer", "."];
        var examples = new[]
        {
            NerExample.FromWords(words, tags.FromIob(["B-ORG", "O", "O", "O", "O"]), domain: 0),
            NerExample.FromWords(words, tags.FromIob(["B-GPE", "O", "O", "O", "O"]), domain: 1),
            NerExample.FromWords(words, tags.FromIob(["B-GPE", "O", "O", "O", "O"]), domain: 1),
        };
        NerModel Train(int[] export) => new NerTrainer(labels, minCount: 1) { Domains = 2, ExportDomains = export }.Train(examples, 5, null, _ => { }, "unit test");
        Assert.Equal("B-ORG", EntityTagger.FromModel(Train([0])).TagWords(words)[0]);
        Assert.Equal("B-GPE", EntityTagger.FromModel(Train([1])).TagWords(words)[0]);
    }

    [Fact]
    public void A_partly_annotated_sentence_does_not_teach_that_its_unlabelled_words_are_outside()
    {
        // One source labels nationalities, another marks only people and leaves "French" as O.
        var labels = new[] { EntityLabel.Person, EntityLabel.Norp };
        var tags = new BilouTags(labels);
        string[] full = ["French", "troops", "left", "."];
        string[] partial = ["French", "ministers", "met", "Anna", "."];
        NerExample Partial(bool open)
        {
            var e = NerExample.FromWords(partial, tags.FromIob(["O", "O", "O", "B-PERSON", "O"]));
            return open ? e with { Allowed = NewsNlp.Cli.Training.NerTraining.PartialMask(tags, e.Gold, [EntityLabel.Norp]) } : e;
        }

        NerModel Train(bool open) => new NerTrainer(labels, minCount: 1).Train(
            [NerExample.FromWords(full, tags.FromIob(["B-NORP", "O", "O", "O"])), Partial(open), Partial(open)], 5, null, _ => { }, "unit test");
        Assert.Equal("O", EntityTagger.FromModel(Train(open: false)).TagWords(["French", "police", "."])[0]);
        Assert.Equal("B-NORP", EntityTagger.FromModel(Train(open: true)).TagWords(["French", "police", "."])[0]);
        Assert.Equal("B-PERSON", EntityTagger.FromModel(Train(open: true)).TagWords(partial)[3]);
    }

    [Fact]
    public void Junk_empty_truncated_and_corrupt_files_get_clear_errors()
    {
        byte[] good = Bytes(TinyModel());
        Assert.Throws<InvalidDataException>(() => EntityTagger.Load(new MemoryStream([])));
        Assert.Throws<InvalidDataException>(() => EntityTagger.Load(new MemoryStream("not a model at all"u8.ToArray())));
        Assert.Throws<InvalidDataException>(() => EntityTagger.Load(new MemoryStream(good[..(good.Length / 2)])));

        var random = new Random(3);
        var junk = new byte[4096];
        random.NextBytes(junk);
        Assert.Throws<InvalidDataException>(() => EntityTagger.Load(new MemoryStream(junk)));

        // Flip a byte of the decompressed payload: the checksum catches it.
        using var payload = new MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(good), System.IO.Compression.CompressionMode.Decompress))
        {
            brotli.CopyTo(payload);
        }

        byte[] raw = payload.ToArray();
        raw[raw.Length / 2] ^= 0x55;
        using var corrupt = new MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(corrupt, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(raw);
        }

        InvalidDataException e = Assert.Throws<InvalidDataException>(() => EntityTagger.Load(new MemoryStream(corrupt.ToArray())));
        Assert.Contains("checksum", e.Message);
        Assert.Throws<ArgumentNullException>(() => EntityTagger.Load(null!));
    }

    [Fact]
    public void Bilou_conversion_and_constraints()
    {
        var tags = new BilouTags([EntityLabel.Person, EntityLabel.Org]);
        int[] bilou = tags.FromIob(["B-PERSON", "I-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG", "B-ORG"]);
        Assert.Equal(["B-PERSON", "I-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG", "B-ORG"], tags.ToIob(bilou));
        Assert.Equal([1, 2, 3, 0, 1 + 4, 3 + 4, 4 + 4], bilou.Select(t => t == 0 ? 0 : t).ToArray());
        Assert.False(BilouTags.IsAllowed(BilouTags.Tag(0, 1), BilouTags.Outside)); // B-PERSON -> O
        Assert.False(BilouTags.IsAllowed(BilouTags.Tag(0, 1), BilouTags.Tag(1, 2))); // B-PERSON -> I-ORG
        Assert.True(BilouTags.IsAllowed(BilouTags.Tag(0, 4), BilouTags.Tag(1, 1))); // U-PERSON -> B-ORG
    }

    [Fact]
    public void The_decoder_finds_the_best_valid_sequence_as_an_exhaustive_search_does()
    {
        var tags = new BilouTags([EntityLabel.Person, EntityLabel.Org]);
        int k = tags.Count;
        var random = new Random(11);
        for (int round = 0; round < 200; round++)
        {
            int n = 1 + random.Next(4);
            float[] emissions = [.. Enumerable.Range(0, n * k).Select(_ => (float)random.Next(-8, 9))];
            float[] transitions = [.. Enumerable.Range(0, k * k).Select(_ => random.Next(-4, 5) / 2f)];
            var output = new int[n];
            tags.Decode(emissions, n, transitions, tags.PackTransitions(transitions), new float[tags.WorkSize], new int[n * k], output);

            // Every sequence of n tags, scored with the transitions IsAllowed permits.
            float best = float.NegativeInfinity;
            var sequence = new int[n];
            for (long code = 0; code < (long)Math.Pow(k, n); code++)
            {
                long c = code;
                for (int i = 0; i < n; i++, c /= k)
                {
                    sequence[i] = (int)(c % k);
                }

                if (!BilouTags.CanStart(sequence[0]) || !BilouTags.CanEnd(sequence[n - 1]))
                {
                    continue;
                }

                float score = emissions[sequence[0]];
                for (int i = 1; i < n && score > float.NegativeInfinity; i++)
                {
                    score = BilouTags.IsAllowed(sequence[i - 1], sequence[i]) ? score + transitions[(sequence[i - 1] * k) + sequence[i]] + emissions[(i * k) + sequence[i]] : float.NegativeInfinity;
                }

                best = Math.Max(best, score);
            }

            float found = emissions[output[0]];
            for (int i = 1; i < n; i++)
            {
                Assert.True(BilouTags.IsAllowed(output[i - 1], output[i]));
                found += transitions[(output[i - 1] * k) + output[i]] + emissions[(i * k) + output[i]];
            }

            Assert.Equal(best, found);
        }
    }
}
