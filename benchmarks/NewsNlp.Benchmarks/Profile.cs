using System.Diagnostics;
using NewsNlp.Entities;
using NewsNlp.Tokenization;

namespace NewsNlp.Benchmarks;

/// <summary>A rough split of the entity tagger's time by stage (Stopwatch; for finding hot spots, not for claims).</summary>
internal static class Profile
{
    public static void Run()
    {
        string text = NewsCorpus.Text;
        Token[] tokens = Tokenizer.Default.TokenizeToArray(text);
        Sentence[] sentences = SentenceSplitter.Default.Split(text, tokens);
        Span<ulong> features = stackalloc ulong[NerFeatures.Count];
        var marks = new byte[4096];
        var classes = new uint[4096];
        for (int round = 0; round < 3; round++)
        {
            var sw = Stopwatch.StartNew();
            ulong sink = 0;
            foreach (Sentence s in sentences)
            {
                NerFeatures.Prepare(text, s.GetTokens(tokens), marks, classes);
            }

            double gaz = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            foreach (Sentence s in sentences)
            {
                ReadOnlySpan<Token> st = s.GetTokens(tokens);
                for (int i = 0; i < st.Length; i++)
                {
                    NerFeatures.Extract(text, st, marks, classes, i, features);
                    sink += features[3];
                }
            }

            double feat = sw.Elapsed.TotalMilliseconds;
            NerModel model = EntityTagger.Default.Model;
            int k = model.Tags.Count;
            var emissions = new float[4096 * k];
            sw.Restart();
            foreach (Sentence s in sentences)
            {
                ReadOnlySpan<Token> st = s.GetTokens(tokens);
                for (int i = 0; i < st.Length; i++)
                {
                    NerFeatures.Extract(text, st, marks, classes, i, features);
                    model.Score(features, emissions.AsSpan(i * k, k));
                }
            }

            double score = sw.Elapsed.TotalMilliseconds;
            var back = new int[4096 * k];
            var output = new int[4096];
            var work = new float[model.Tags.WorkSize];
            sw.Restart();
            foreach (Sentence s in sentences)
            {
                model.Tags.Decode(emissions, Math.Min(s.TokenCount, 4096), model.Transitions, model.PackedTransitions, work, back, output);
            }

            double decode = sw.Elapsed.TotalMilliseconds;
            Console.Write($"features+score {score:F0} ms, decode {decode:F0} ms; ");
            sw.Restart();
            var mentions = new List<EntityMention>();
            EntityTagger.Default.Tag(text, tokens, sentences, mentions);
            double all = sw.Elapsed.TotalMilliseconds;
            Console.WriteLine($"gazetteer {gaz:F0} ms, features {feat:F0} ms, whole Tag {all:F0} ms ({tokens.Length / all:F0}k tokens/s) {sink % 2}");
            var copy = new List<EntityMention>(mentions);
            sw.Restart();
            Datelines.Apply(text, tokens, sentences, copy, 0);
            double dl = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            OrganisationPatterns.Apply(text, tokens, sentences, copy, 0);
            double op = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            DocumentConsistency.Apply(text, tokens, sentences, copy, 0);
            double dc = sw.Elapsed.TotalMilliseconds;
            Console.WriteLine($"  again on the result: datelines {dl:F0} ms, organisation patterns {op:F0} ms, document consistency {dc:F0} ms");
        }
    }
}
