using System.Text.Json;
using NewsNlp.Entities;
using NewsNlp.Tokenization;

namespace NewsNlp.Cli.Training;

/// <summary>
/// Dstl re3d (../shared/data/re3d: defence and security documents, Wikipedia articles and government statements) as
/// entity training data: its Person, Organisation, Location and Nationality annotations that are names become PERSON,
/// ORG, GPE/LOC/FAC and NORP. re3d also marks common nouns and pronouns (<c>the village</c>, <c>he</c>) and nests
/// names (<c>Hibhib</c> inside <c>Hibhib Village</c>): a mention counts when, after a leading article and titles, every
/// word is capitalised (<c>of</c>, <c>al</c> ... allowed inside), and the longest of overlapping names wins. An
/// Organisation or Location that the knowledge base knows as a country, city or region is GPE (re3d tags a country
/// acting as a government Organisation). The same documents as the relation data are dev (every fifth by id).
/// </summary>
internal static class Re3dEntities
{
    /// <summary>Sentences of the <c>train</c>, <c>dev</c> or <c>all</c> documents; empty when re3d is absent.</summary>
    public static List<GmbSentence> Read(string data, string split)
    {
        var result = new List<GmbSentence>();
        foreach (var (_, documents, entities) in RelationData.Re3dSources(data))
        {
            foreach (var (id, text) in documents)
            {
                if (split != "all" && RelationData.IsRe3dDev(id) != (split == "dev"))
                {
                    continue;
                }

                Token[] tokens = [.. Tokenizer.Default.Tokenize(text)];
                List<string> words = [.. tokens.Select(t => t.GetText(text).ToString())];
                string[] tags = new string[tokens.Length];
                Array.Fill(tags, "O");
                var mentions = new List<(int Start, int End, string Label)>();
                foreach (JsonElement e in entities.GetValueOrDefault(id) ?? [])
                {
                    int begin = e.GetProperty("begin").GetInt32(), end = e.GetProperty("end").GetInt32();
                    string? type = e.GetProperty("type").GetString() switch
                    {
                        "Person" => "PERSON",
                        "Organisation" => "ORG",
                        "Location" => "LOC",
                        "Nationality" => "NORP",
                        _ => null,
                    };
                    int a = Array.FindIndex(tokens, t => t.Start >= begin);
                    int b = Array.FindLastIndex(tokens, t => t.Start + t.Length <= end) + 1;
                    if (type is not null && a >= 0 && b > a)
                    {
                        mentions.Add((a, b, type));
                    }
                }

                foreach (var (start, end, type) in mentions.OrderByDescending(m => m.End - m.Start).ThenBy(m => m.Start))
                {
                    int a = start, b = end;
                    while (a < b && words[a] is "the" or "The" or "a" or "A" or "an" or "An")
                    {
                        a++;
                    }

                    while (type == "PERSON" && a < b - 1 && Titles.IsTitle(words[a]))
                    {
                        a++;
                    }

                    if (b > a && words[b - 1] is "'s" or "’s")
                    {
                        b--;
                    }

                    // A person's mention with an office inside is the office holder's description (Foreign Office Minister Tobias Ellwood): the bare name is annotated too.
                    if (a >= b || !GumGenres.IsName(words, a, b) || tags.AsSpan(a, b - a).ContainsAnyExcept("O")
                        || (type == "PERSON" && words.Skip(a).Take(b - a).Any(w => Titles.IsTitle(w) || Titles.IsOffice(w))))
                    {
                        continue;
                    }

                    string name = string.Join(' ', words.Skip(a).Take(b - a));
                    string label = type switch
                    {
                        "ORG" => PlaceNames.IsGpe(name) ? "GPE" : "ORG",
                        "LOC" => PlaceNames.Label(name),
                        _ => type,
                    };
                    for (int k = a; k < b; k++)
                    {
                        tags[k] = (k == a ? "B-" : "I-") + label;
                    }
                }

                foreach (Sentence sentence in SentenceSplitter.Default.Split(text, tokens))
                {
                    int first = sentence.FirstToken, count = sentence.TokenCount;
                    if (count > 0)
                    {
                        result.Add(new GmbSentence([.. words.Skip(first).Take(count)], tags[first..(first + count)]));
                    }
                }
            }
        }

        return result;
    }
}
