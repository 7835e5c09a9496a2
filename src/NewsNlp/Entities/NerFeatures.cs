using System.Runtime.CompilerServices;
using NewsNlp.Tokenization;

namespace NewsNlp.Entities;

/// <summary>
/// The tagger's features for one token, as 64-bit hashes computed straight from the text: no strings, no allocation.
/// Templates: bias, lower-cased word (digits as 0), exact word, shapes, prefixes 1-3, suffixes 1-4, the two words and
/// shapes on each side, word bigrams, a shape trigram, sentence position, gazetteer marks, and word classes
/// (<see cref="WordClusters"/>) of the word and its neighbours.
/// </summary>
internal static class NerFeatures
{
    public const int Count = 33;

    private const int MaxChars = 32;

    /// <summary>Fills a sentence's per-token context: gazetteer marks and word classes (<see cref="WordClusters"/>).</summary>
    public static void Prepare(ReadOnlySpan<char> text, ReadOnlySpan<Token> sentence, Span<byte> gazetteer, Span<uint> classes)
    {
        Gazetteer.Default.Match(text, sentence, gazetteer);
        WordClusters clusters = WordClusters.Default;
        for (int i = 0; i < sentence.Length; i++)
        {
            Token t = sentence[i];
            classes[i] = clusters.Lookup(text.Slice(t.Start, Math.Min(t.Length, MaxChars)));
        }
    }

    /// <summary>Writes the <see cref="Count"/> feature hashes of token <paramref name="i"/> of <paramref name="sentence"/>, given the sentence's context from <see cref="Prepare"/>.</summary>
    public static void Extract(ReadOnlySpan<char> text, ReadOnlySpan<Token> sentence, ReadOnlySpan<byte> gazetteer, ReadOnlySpan<uint> classes, int i, Span<ulong> features)
    {
        ReadOnlySpan<char> w = Word(text, sentence, i);
        ReadOnlySpan<char> prev = Word(text, sentence, i - 1);
        ReadOnlySpan<char> next = Word(text, sentence, i + 1);
        ReadOnlySpan<char> prev2 = Word(text, sentence, i - 2);
        ReadOnlySpan<char> next2 = Word(text, sentence, i + 2);

        features[0] = Finish(Seed(0));
        features[1] = Finish(AddLower(Seed(1), w));
        features[2] = Finish(AddExact(Seed(2), w));
        features[3] = Finish(AddShape(Seed(3), w, collapse: true));
        features[4] = Finish(AddShape(Seed(4), w, collapse: false));
        features[5] = Finish(AddLower(Seed(5), w[..Math.Min(1, w.Length)]));
        features[6] = Finish(AddLower(Seed(6), w[..Math.Min(2, w.Length)]));
        features[7] = Finish(AddLower(Seed(7), w[..Math.Min(3, w.Length)]));
        features[8] = Finish(AddLower(Seed(8), w[Math.Max(0, w.Length - 1)..]));
        features[9] = Finish(AddLower(Seed(9), w[Math.Max(0, w.Length - 2)..]));
        features[10] = Finish(AddLower(Seed(10), w[Math.Max(0, w.Length - 3)..]));
        features[11] = Finish(AddLower(Seed(11), w[Math.Max(0, w.Length - 4)..]));
        features[12] = Finish(AddLower(Seed(12), prev));
        features[13] = Finish(AddLower(Seed(13), next));
        features[14] = Finish(AddLower(Seed(14), prev2));
        features[15] = Finish(AddLower(Seed(15), next2));
        features[16] = Finish(AddShape(Seed(16), prev, collapse: true));
        features[17] = Finish(AddShape(Seed(17), next, collapse: true));
        features[18] = Finish(AddLower(AddLower(Seed(18), prev), w));
        features[19] = Finish(AddLower(AddLower(Seed(19), w), next));
        features[20] = Finish(AddShape(AddShape(AddShape(Seed(20), prev, true), w, true), next, true));
        features[21] = Finish(AddShape(Mix(Seed(21), i == 0 ? 1UL : 0UL), w, collapse: true));
        features[22] = Finish(AddLower(AddShape(Seed(22), w, true), prev));
        features[23] = Finish(AddLower(AddShape(Seed(23), w, true), next));
        features[24] = Finish(Mix(Seed(24), gazetteer[i]));
        features[25] = Finish(Mix(Mix(Seed(25), i > 0 ? gazetteer[i - 1] : 255UL), i + 1 < sentence.Length ? gazetteer[i + 1] : 255UL));

        // Outside the sentence the classes are fixed values no word has (999 and 99).
        uint c = classes[i];
        bool hasPrev = i > 0, hasNext = i + 1 < sentence.Length;
        features[26] = Finish(Mix(Seed(26), WordClusters.FineOf(c)));
        features[27] = Finish(Mix(Seed(27), WordClusters.CoarseOf(c)));
        features[28] = Finish(Mix(Seed(28), WordClusters.CoarserOf(c)));
        features[29] = Finish(Mix(Seed(29), hasPrev ? WordClusters.CoarseOf(classes[i - 1]) : 999));
        features[30] = Finish(Mix(Seed(30), hasNext ? WordClusters.CoarseOf(classes[i + 1]) : 999));
        features[31] = Finish(AddShape(Mix(Seed(31), WordClusters.FineOf(c)), w, collapse: true));
        features[32] = Finish(Mix(Mix(Mix(Seed(32), hasPrev ? WordClusters.CoarserOf(classes[i - 1]) : 99), WordClusters.CoarserOf(c)), hasNext ? WordClusters.CoarserOf(classes[i + 1]) : 99));
    }

    private static ReadOnlySpan<char> Word(ReadOnlySpan<char> text, ReadOnlySpan<Token> sentence, int i)
    {
        if (i < 0)
        {
            return "<s>";
        }

        if (i >= sentence.Length)
        {
            return "</s>";
        }

        Token t = sentence[i];
        return text.Slice(t.Start, Math.Min(t.Length, MaxChars));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Seed(int template) => 0xcbf29ce484222325UL ^ ((ulong)(template + 1) * 0x9E3779B97F4A7C15UL);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Mix(ulong h, ulong value) => (h ^ value) * 0x100000001b3UL;

    internal static ulong AddLower(ulong h, ReadOnlySpan<char> s)
    {
        h = Mix(h, 0x1F);
        foreach (char c in s)
        {
            char d = c < 128 ? ((uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : (uint)(c - '0') <= 9 ? '0' : c) : char.ToLowerInvariant(Fold(c));
            h = Mix(h, d);
        }

        return h;
    }

    private static ulong AddExact(ulong h, ReadOnlySpan<char> s)
    {
        h = Mix(h, 0x1E);
        foreach (char c in s)
        {
            h = Mix(h, c < 128 ? c : Fold(c));
        }

        return h;
    }

    /// <summary>Typographic variants read as their ASCII forms: curly quotes and apostrophes, dashes, the ellipsis.</summary>
    private static char Fold(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201B' or '\u2032' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
        _ => c,
    };

    /// <summary>Word shape: X upper, x lower, d digit, other characters as themselves (curly quotes and dashes as ASCII); runs collapsed or capped at 4.</summary>
    private static ulong AddShape(ulong h, ReadOnlySpan<char> s, bool collapse)
    {
        h = Mix(h, 0x1D);
        char last = '\0';
        int run = 0;
        foreach (char c in s)
        {
            char k = char.IsUpper(c) ? 'X' : char.IsLetter(c) ? 'x' : char.IsDigit(c) ? 'd' : Fold(c);
            run = k == last ? run + 1 : 1;
            last = k;
            if (collapse ? run > 1 : run > 4)
            {
                continue;
            }

            h = Mix(h, k);
        }

        return h;
    }

    /// <summary>A final avalanche (splitmix64), so that similar inputs spread over the whole table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Finish(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return z ^ (z >> 31);
    }
}
