using NewsNlp.Entities;
using NewsNlp.Linking;
using NewsNlp.Tokenization;
using static NewsNlp.Entities.NerFeatures;

namespace NewsNlp.Relations;

/// <summary>One mention that can take part in a relation, by token indices into the document's tokens.</summary>
/// <param name="First">First token.</param>
/// <param name="Last">Last token (inclusive).</param>
/// <param name="Label">The entity's label.</param>
/// <param name="Entity">The entity's index (mentions of one entity share it).</param>
/// <param name="Kind">Name, nominal or pronoun.</param>
/// <param name="National">A nationality standing for its country (<c>Chinese firms</c>): not a place or a member of anything.</param>
internal readonly record struct RelationArgument(int First, int Last, EntityLabel Label, int Entity, MentionKind Kind, bool National = false);

/// <summary>
/// The words of one sentence as the relation scorer reads them: lower-cased word hashes and the trigger types of each
/// token (<see cref="RelationLexicon"/>), computed once per sentence.
/// </summary>
internal ref struct RelationSentence
{
    public ReadOnlySpan<char> Text;
    public ReadOnlySpan<Token> Tokens;
    public int First;
    public int End;
    public Span<ushort> Masks;
    public Span<ulong> Words;
    public Span<ulong> Stems;

    /// <summary>A prepared sentence over tokens [first, end) with arrays of its own (training and evaluation; the pipeline pools them).</summary>
    public static RelationSentence Create(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int first, int end, RelationLexicon lexicon)
    {
        int count = end - first;
        var s = new RelationSentence { Text = text, Tokens = tokens, First = first, End = end, Masks = new ushort[count], Words = new ulong[count], Stems = new ulong[count] };
        s.Prepare(lexicon);
        return s;
    }

    public readonly ReadOnlySpan<char> Word(int i) => i < First || i >= End ? default : Text.Slice(Tokens[i].Start, Math.Min(Tokens[i].Length, 32));

    public readonly ulong WordHash(int i) => i < First ? 0x5A5AUL : i >= End ? 0xA5A5UL : Words[i - First];

    public readonly ulong StemHash(int i) => i < First || i >= End ? 0x5A5AUL : Stems[i - First];

    public readonly ushort MaskAt(int i) => i < First || i >= End ? (ushort)0 : Masks[i - First];

    /// <summary>A crude stem: <c>visited</c>, <c>visiting</c>, <c>visits</c> -> <c>visit</c>; short words as they are.</summary>
    private static ReadOnlySpan<char> Stem(ReadOnlySpan<char> w)
    {
        if (w.Length > 5 && w.EndsWith("ing", StringComparison.OrdinalIgnoreCase))
        {
            return w[..^3];
        }

        if (w.Length > 4 && w.EndsWith("ed", StringComparison.OrdinalIgnoreCase))
        {
            return w[..^2];
        }

        return w.Length > 3 && (w[^1] is 's' or 'S') && !(w[^2] is 's' or 'S') ? w[..^1] : w;
    }

    /// <summary>Nouns that make the trigger before them a modifier: <c>assault rifles</c>, <c>attack helicopters</c>, <c>supply chains</c>.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> ModifiedNouns = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["rifle", "rifles", "helicopter", "helicopters", "aircraft", "drone", "drones", "submarine", "submarines", "vehicle", "vehicles",
         "weapon", "weapons", "chain", "chains", "union", "unions", "ship", "ships", "craft", "boat", "boats", "dog", "dogs", "route",
         "routes", "lines", "line", "fighter", "fighters", "missile", "missiles"], StringComparer.OrdinalIgnoreCase);

    /// <summary>A trigger noun that can modify another (<c>assault</c>, <c>supply</c>), not used as a verb (<c>to supply weapons</c>).</summary>
    private static bool IsModifier(ReadOnlySpan<char> w, ReadOnlySpan<char> previous) =>
        (w.Equals("assault", StringComparison.OrdinalIgnoreCase) || w.Equals("attack", StringComparison.OrdinalIgnoreCase)
            || w.Equals("strike", StringComparison.OrdinalIgnoreCase) || w.Equals("supply", StringComparison.OrdinalIgnoreCase)
            || w.Equals("trade", StringComparison.OrdinalIgnoreCase) || w.Equals("support", StringComparison.OrdinalIgnoreCase))
        && !(previous.Equals("to", StringComparison.OrdinalIgnoreCase) || previous.Equals("will", StringComparison.OrdinalIgnoreCase)
            || previous.Equals("would", StringComparison.OrdinalIgnoreCase) || previous.Equals("could", StringComparison.OrdinalIgnoreCase)
            || previous.Equals("can", StringComparison.OrdinalIgnoreCase) || previous.Equals("not", StringComparison.OrdinalIgnoreCase)
            || previous.Equals("may", StringComparison.OrdinalIgnoreCase) || previous.Equals("might", StringComparison.OrdinalIgnoreCase));

    /// <summary>Fills <see cref="Masks"/>, <see cref="Words"/> and <see cref="Stems"/> (each sized to the sentence).</summary>
    public readonly void Prepare(RelationLexicon lexicon)
    {
        var modified = ModifiedNouns.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = First; i < End; i++)
        {
            ReadOnlySpan<char> w = Word(i);
            Words[i - First] = AddLower(0, w);
            Stems[i - First] = AddLower(1, Stem(w));
            ushort own = lexicon.Mask(w);
            Masks[i - First] |= (ushort)(own & ~RelationLexicon.PhraseStart);

            // "Shenzhen-based", "Moscow-backed", "US-led": the last part of a hyphenated word signals too.
            int hyphen = w.LastIndexOf('-');
            if (hyphen > 0 && hyphen < w.Length - 2)
            {
                Masks[i - First] |= (ushort)(lexicon.Mask(w[(hyphen + 1)..]) & ~RelationLexicon.PhraseStart);
            }

            if (Masks[i - First] != 0 && i + 1 < End && IsModifier(w, Word(i - 1)) && modified.Contains(Word(i + 1)))
            {
                Masks[i - First] = 0;
            }
            if ((own & RelationLexicon.PhraseStart) != 0 && i + 1 < End)
            {
                ushort phrase = lexicon.PhraseMask(w, Word(i + 1));
                Masks[i - First] |= phrase;
                Masks[i + 1 - First] |= phrase;
            }
        }
    }
}

/// <summary>
/// The features of a candidate pair (first and second mention in text order) as 64-bit hashes: labels, mention kinds,
/// distance, the words and trigger types between and around the pair, possessive and passive cues.
/// </summary>
internal static class RelationFeatures
{
    public const int MaxCount = 160;
    private const int Window = 6;
    private const int BetweenWords = 6;

    public static int Extract(in RelationSentence s, in RelationArgument a, in RelationArgument b, int argumentsBetween, bool firstInSentence, Span<ulong> f)
    {
        int n = 0;
        ulong labels = Mix(Mix(0, (ulong)a.Label + 1), (ulong)b.Label + 1);
        int gap = b.First - a.Last - 1;
        f[n++] = Finish(Seed(0));
        f[n++] = Finish(Mix(Seed(1), labels));
        f[n++] = Finish(Mix(Mix(Mix(Seed(2), (ulong)a.Kind), (ulong)b.Kind), labels));
        f[n++] = Finish(Mix(Seed(3), Bucket(gap)));
        f[n++] = Finish(Mix(Mix(Seed(4), (ulong)Math.Min(argumentsBetween, 3)), labels));
        f[n++] = Finish(Mix(Mix(Seed(24), firstInSentence ? 1UL : 0UL), labels));

        ushort between = 0;
        int commas = 0;
        bool by = false, be = false;
        int firstTrigger = -1, lastTrigger = -1;
        for (int i = a.Last + 1; i < b.First; i++)
        {
            ushort m = s.MaskAt(i);
            between |= m;
            if (m != 0)
            {
                firstTrigger = firstTrigger < 0 ? i : firstTrigger;
                lastTrigger = i;
            }

            ReadOnlySpan<char> w = s.Word(i);
            commas += w is "," ? 1 : 0;
            by |= w.Equals("by", StringComparison.OrdinalIgnoreCase);
            be |= w.Equals("was", StringComparison.OrdinalIgnoreCase) || w.Equals("were", StringComparison.OrdinalIgnoreCase)
                || w.Equals("been", StringComparison.OrdinalIgnoreCase) || w.Equals("being", StringComparison.OrdinalIgnoreCase)
                || w.Equals("is", StringComparison.OrdinalIgnoreCase) || w.Equals("are", StringComparison.OrdinalIgnoreCase);
            if (i - a.Last <= BetweenWords || b.First - i <= BetweenWords)
            {
                f[n++] = Finish(Mix(Seed(5), s.WordHash(i)));
                f[n++] = Finish(Mix(Seed(27), s.StemHash(i)));
            }
        }

        for (int t = 0; t < 16 && between != 0; t++)
        {
            if ((between & (1 << t)) != 0)
            {
                f[n++] = Finish(Mix(Seed(6), (ulong)t));
                f[n++] = Finish(Mix(Mix(Seed(7), (ulong)t), labels));
            }
        }

        if (firstTrigger >= 0)
        {
            f[n++] = Finish(Mix(Seed(8), s.WordHash(firstTrigger)));
            f[n++] = Finish(Mix(Seed(9), s.WordHash(lastTrigger)));
            f[n++] = Finish(Mix(Mix(Seed(26), s.WordHash(lastTrigger)), labels));
        }

        f[n++] = Finish(Mix(Seed(10), s.WordHash(a.First - 1)));
        f[n++] = Finish(Mix(Seed(11), s.WordHash(a.First - 2)));
        f[n++] = Finish(Mix(Seed(12), s.WordHash(b.Last + 1)));
        f[n++] = Finish(Mix(Seed(13), s.WordHash(b.Last + 2)));
        f[n++] = Finish(Mix(Seed(14), gap == 0 ? 1UL : s.WordHash(a.Last + 1)));
        f[n++] = Finish(Mix(Seed(15), gap == 0 ? 1UL : s.WordHash(b.First - 1)));
        f[n++] = Finish(Mix(Mix(Seed(22), gap == 0 ? 1UL : s.WordHash(a.Last + 1)), labels));
        f[n++] = Finish(Mix(Mix(Seed(23), gap == 0 ? 1UL : s.WordHash(b.First - 1)), labels));

        ushort before = 0, after = 0;
        for (int i = Math.Max(s.First, a.First - Window); i < a.First; i++)
        {
            before |= s.MaskAt(i);
        }

        for (int i = b.Last + 1; i < Math.Min(s.End, b.Last + 1 + Window); i++)
        {
            after |= s.MaskAt(i);
        }

        for (int t = 0; t < 16; t++)
        {
            if ((before & (1 << t)) != 0)
            {
                f[n++] = Finish(Mix(Mix(Seed(16), (ulong)t), labels));
            }

            if ((after & (1 << t)) != 0)
            {
                f[n++] = Finish(Mix(Mix(Seed(17), (ulong)t), labels));
            }
        }

        ReadOnlySpan<char> afterA = s.Word(a.Last + 1);
        bool possessive = afterA is "'s" or "\u2019s" or "'" or "\u2019" || (a.Kind == MentionKind.Pronoun && IsPossessivePronoun(s.Word(a.First)));
        if (possessive)
        {
            f[n++] = Finish(Mix(Seed(18), labels));
        }

        // "to Sudan's Rapid Support Forces": a possessive second mention is usually not the recipient itself.
        ReadOnlySpan<char> afterB = s.Word(b.Last + 1);
        if (afterB is "'s" or "\u2019s" or "'" or "\u2019")
        {
            f[n++] = Finish(Mix(Seed(25), labels));
        }

        if (by && be)
        {
            f[n++] = Finish(Mix(Seed(19), labels));
        }

        if (gap is > 0 and <= 4)
        {
            ulong h = Seed(20);
            for (int i = a.Last + 1; i < b.First; i++)
            {
                h = Mix(h, s.WordHash(i));
            }

            f[n++] = Finish(h);
        }

        f[n++] = Finish(Mix(Seed(21), (ulong)Math.Min(commas, 3)));
        return n;
    }

    private static bool IsPossessivePronoun(ReadOnlySpan<char> w) =>
        w.Equals("his", StringComparison.OrdinalIgnoreCase) || w.Equals("her", StringComparison.OrdinalIgnoreCase)
        || w.Equals("its", StringComparison.OrdinalIgnoreCase) || w.Equals("their", StringComparison.OrdinalIgnoreCase);

    private static ulong Bucket(int gap) => gap switch
    {
        <= 0 => 0,
        1 => 1,
        2 => 2,
        <= 4 => 3,
        <= 7 => 4,
        <= 12 => 5,
        <= 20 => 6,
        _ => 7,
    };
}
