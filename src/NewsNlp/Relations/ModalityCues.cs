using System.Collections.Frozen;

namespace NewsNlp.Relations;

/// <summary>
/// Decides how a relation is stated from the words around its mentions and trigger: negated (<c>not</c>,
/// <c>denied</c>, <c>never</c>), hypothetical (<c>could</c>, <c>would</c>, <c>if</c>), planned (<c>will</c>,
/// <c>is due to</c>, <c>plans to</c>, <c>expected</c>), reported (<c>according to</c>, <c>alleges</c>,
/// <c>reportedly</c>, a third party's <c>said</c>), else asserted; in that order of precedence.
/// </summary>
internal static class ModalityCues
{
    private const int Before = 6;

    private static readonly FrozenDictionary<string, Modality> Cues = new Dictionary<string, Modality>(StringComparer.OrdinalIgnoreCase)
    {
        ["not"] = Modality.Negated, ["n't"] = Modality.Negated, ["never"] = Modality.Negated, ["denied"] = Modality.Negated,
        ["denies"] = Modality.Negated, ["deny"] = Modality.Negated, ["denying"] = Modality.Negated, ["refused"] = Modality.Negated,
        ["refuses"] = Modality.Negated, ["declined"] = Modality.Negated, ["declines"] = Modality.Negated, ["cancelled"] = Modality.Negated,
        ["canceled"] = Modality.Negated, ["neither"] = Modality.Negated, ["nor"] = Modality.Negated, ["no"] = Modality.Negated,
        ["without"] = Modality.Negated, ["failed"] = Modality.Negated, ["scrapped"] = Modality.Negated, ["postponed"] = Modality.Negated,
        ["halted"] = Modality.Negated, ["halts"] = Modality.Negated, ["stopped"] = Modality.Negated, ["stops"] = Modality.Negated,
        ["paused"] = Modality.Negated, ["suspended"] = Modality.Negated, ["suspends"] = Modality.Negated, ["withheld"] = Modality.Negated,
        ["blocked"] = Modality.Negated, ["blocks"] = Modality.Negated,
        ["could"] = Modality.Hypothetical, ["would"] = Modality.Hypothetical, ["might"] = Modality.Hypothetical,
        ["may"] = Modality.Hypothetical, ["if"] = Modality.Hypothetical, ["unless"] = Modality.Hypothetical,
        ["should"] = Modality.Hypothetical, ["possible"] = Modality.Hypothetical, ["possibly"] = Modality.Hypothetical,
        ["potential"] = Modality.Hypothetical, ["threatened"] = Modality.Hypothetical, ["threatens"] = Modality.Hypothetical,
        ["threatening"] = Modality.Hypothetical, ["considering"] = Modality.Hypothetical, ["considers"] = Modality.Hypothetical,
        ["weighing"] = Modality.Hypothetical, ["mulling"] = Modality.Hypothetical, ["whether"] = Modality.Hypothetical,
        ["will"] = Modality.Planned, ["'ll"] = Modality.Planned, ["shall"] = Modality.Planned, ["due"] = Modality.Planned,
        ["plans"] = Modality.Planned, ["planned"] = Modality.Planned, ["planning"] = Modality.Planned, ["plan"] = Modality.Planned,
        ["expected"] = Modality.Planned, ["expects"] = Modality.Planned, ["scheduled"] = Modality.Planned, ["upcoming"] = Modality.Planned,
        ["forthcoming"] = Modality.Planned, ["intends"] = Modality.Planned, ["intend"] = Modality.Planned, ["aims"] = Modality.Planned,
        ["preparing"] = Modality.Planned, ["prepares"] = Modality.Planned, ["promised"] = Modality.Planned, ["vowed"] = Modality.Planned,
        ["pledged"] = Modality.Planned, ["pledges"] = Modality.Planned, ["set"] = Modality.Planned, ["next"] = Modality.Planned,
        ["according"] = Modality.Reported, ["reportedly"] = Modality.Reported, ["allegedly"] = Modality.Reported,
        ["alleged"] = Modality.Reported, ["alleges"] = Modality.Reported, ["allege"] = Modality.Reported, ["claimed"] = Modality.Reported,
        ["claims"] = Modality.Reported, ["reported"] = Modality.Reported, ["reports"] = Modality.Reported, ["report"] = Modality.Reported,
        ["purportedly"] = Modality.Reported, ["suspected"] = Modality.Reported, ["sources"] = Modality.Reported,
        ["said"] = Modality.Reported, ["says"] = Modality.Reported, ["told"] = Modality.Reported, ["quoted"] = Modality.Reported,
        ["investigation"] = Modality.Reported, ["believed"] = Modality.Reported, ["appears"] = Modality.Reported,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, Modality>.AlternateLookup<ReadOnlySpan<char>> Lookup = Cues.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool ReportedBefore(in RelationSentence s, int i)
    {
        for (int k = i - 1; k >= s.First && k >= i - 10; k--)
        {
            ReadOnlySpan<char> w = s.Word(k);
            if (w.Equals("said", StringComparison.OrdinalIgnoreCase) || w.Equals("says", StringComparison.OrdinalIgnoreCase) || w.Equals("told", StringComparison.OrdinalIgnoreCase)
                || w.Equals("announced", StringComparison.OrdinalIgnoreCase) || w.Equals("confirmed", StringComparison.OrdinalIgnoreCase) || w.Equals("stated", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The modality of a relation whose mentions span tokens <paramref name="from"/> to <paramref name="to"/> (inclusive)
    /// with its trigger at <paramref name="trigger"/> (or -1) and its subject ending at <paramref name="subjectLast"/>.
    /// </summary>
    public static Modality Of(in RelationSentence s, int from, int to, int trigger, int subjectLast)
    {
        int scopeStart = Math.Max(s.First, Math.Min(from, trigger < 0 ? from : trigger) - Before);
        int scopeEnd = Math.Max(to, trigger);
        bool negated = false, hypothetical = false, planned = false, reported = false;
        for (int i = scopeStart; i <= scopeEnd && i < s.End; i++)
        {
            ReadOnlySpan<char> w = s.Word(i);
            if (w.Length == 0 || !Lookup.TryGetValue(w, out Modality m))
            {
                // "won't", "didn't": the tokenizer may keep the contraction in one token.
                if (w.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || w.EndsWith("n\u2019t", StringComparison.OrdinalIgnoreCase))
                {
                    negated = true;
                }

                continue;
            }

            switch (m)
            {
                case Modality.Negated:
                    // "no" and "not" only negate before the trigger ("not only" and "no longer" aside).
                    negated |= !(w.Equals("not", StringComparison.OrdinalIgnoreCase) && s.Word(i + 1).Equals("only", StringComparison.OrdinalIgnoreCase))
                        && (trigger < 0 || i < trigger);
                    break;
                case Modality.Hypothetical:
                    // "The Kremlin said that Putin would meet ...": "would" after a reporting verb is the future seen from the past.
                    if (w.Equals("would", StringComparison.OrdinalIgnoreCase) && ReportedBefore(s, i))
                    {
                        planned = true;
                    }
                    else
                    {
                        hypothetical = true;
                    }

                    break;
                case Modality.Planned:
                    // "set" and "due" only with "to": "is set to sign", "is due to arrive".
                    planned |= !(w.Equals("set", StringComparison.OrdinalIgnoreCase) || w.Equals("due", StringComparison.OrdinalIgnoreCase))
                        || s.Word(i + 1).Equals("to", StringComparison.OrdinalIgnoreCase);
                    break;
                case Modality.Reported:
                    // The subject's own "said" does not make its act reported: "Macron said he had met Scholz".
                    reported |= i != subjectLast + 1 || w.EndsWith("ly", StringComparison.OrdinalIgnoreCase) || w.Equals("according", StringComparison.OrdinalIgnoreCase);
                    break;
            }
        }

        // Reporting after the pair counts too: "X met Y, officials said", and at the end of the sentence after a comma,
        // "..., U.S. officials said in October", "..., according to the UN".
        bool clause = false;
        for (int i = scopeEnd + 1; i < s.End; i++)
        {
            ReadOnlySpan<char> w = s.Word(i);
            clause |= w is "," or ";" or "\u2014" or "--";
            if (Lookup.TryGetValue(w, out Modality m) && m == Modality.Reported
                && (i <= scopeEnd + 8 || w.Equals("according", StringComparison.OrdinalIgnoreCase) || (clause && s.End - i <= 6)))
            {
                reported = true;
            }
        }

        return negated ? Modality.Negated : hypothetical ? Modality.Hypothetical : planned ? Modality.Planned : reported ? Modality.Reported : Modality.Asserted;
    }
}
