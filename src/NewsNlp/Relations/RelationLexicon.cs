using System.Collections.Frozen;

namespace NewsNlp.Relations;

/// <summary>
/// The trigger words of each relation type, with their inflections: <c>visit</c>, <c>visited</c>, <c>trip</c> for VISIT;
/// <c>sanctioned</c>, <c>blacklisted</c> for SANCTION; <c>took over</c> (two words) for ACQUIRE. A word may signal several
/// types (<c>deal</c>: CONTRACT and AGREE). The relation scorer reads which types the words around a pair signal, so a
/// word added here (<see cref="With"/>) counts as that type's trigger everywhere. Immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// var lexicon = RelationLexicon.Default.With(RelationType.Attack, "shelled", "pounded");
/// var pipeline = new NewsPipeline(new NewsPipelineOptions { RelationLexicon = lexicon });
/// </code>
/// </example>
public sealed class RelationLexicon
{
    private const int MaxWordLength = 40;

    private static readonly Lazy<RelationLexicon> DefaultLexicon = new(() => new RelationLexicon(DefaultEntries()));

    private readonly FrozenDictionary<string, ushort> _masks;
    private readonly FrozenDictionary<string, ushort>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Marks, in a word's mask, that a phrase starts with it (<c>took</c> of <c>took over</c>); no relation type.</summary>
    internal const ushort PhraseStart = 0x8000;

    private readonly Dictionary<string, ushort> _entries;

    private RelationLexicon(Dictionary<string, ushort> entries)
    {
        _entries = entries;
        var lookup = new Dictionary<string, ushort>(entries, StringComparer.OrdinalIgnoreCase);
        foreach (string key in entries.Keys)
        {
            int space = key.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0)
            {
                lookup[key[..space]] = (ushort)(lookup.GetValueOrDefault(key[..space]) | PhraseStart);
            }
        }

        _masks = lookup.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _lookup = _masks.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The shipped lexicon, the one the shipped relation model was trained with.</summary>
    public static RelationLexicon Default => DefaultLexicon.Value;

    /// <summary>The number of words and phrases.</summary>
    public int Count => _entries.Count;

    /// <summary>Returns a lexicon with these words (or two-word phrases such as <c>took over</c>) added as triggers of <paramref name="type"/>.</summary>
    /// <param name="type">The relation type the words signal.</param>
    /// <param name="words">Words in the forms that occur in text (<c>shelled</c>, <c>shelling</c>); matched without regard to case.</param>
    /// <returns>A new lexicon; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">A word is empty, longer than 40 characters, or has more than two words.</exception>
    public RelationLexicon With(RelationType type, params ReadOnlySpan<string> words)
    {
        if ((uint)type >= (uint)RelationNames.TypeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Not a relation type.");
        }

        var entries = new Dictionary<string, ushort>(_entries, StringComparer.OrdinalIgnoreCase);
        foreach (string word in words)
        {
            string w = word?.Trim() ?? string.Empty;
            if (w.Length == 0 || w.Length > MaxWordLength || w.Count(c => c == ' ') > 1)
            {
                throw new ArgumentException($"A trigger is one or two words of at most {MaxWordLength} characters: '{word}'.", nameof(words));
            }

            entries[w] = (ushort)(entries.GetValueOrDefault(w) | (1 << (int)type));
        }

        return new RelationLexicon(entries);
    }

    /// <summary>Whether a word (or two-word phrase) signals the type.</summary>
    /// <param name="word">The word as it occurs in text.</param>
    /// <param name="type">The type.</param>
    /// <returns><see langword="true"/> when the word is one of the type's triggers.</returns>
    public bool Signals(ReadOnlySpan<char> word, RelationType type) => (Mask(word) & (1 << (int)type)) != 0;

    /// <summary>The types a word signals, one bit per <see cref="RelationType"/>, and <see cref="PhraseStart"/> when a phrase starts with it; 0 for none.</summary>
    internal ushort Mask(ReadOnlySpan<char> word) =>
        word.Length is > 0 and <= MaxWordLength && _lookup.TryGetValue(word, out ushort mask) ? mask : (ushort)0;

    /// <summary>The types two adjacent words signal as a phrase (<c>took over</c>), or 0.</summary>
    internal ushort PhraseMask(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        if (first.Length + second.Length + 1 > MaxWordLength)
        {
            return 0;
        }

        Span<char> buffer = stackalloc char[MaxWordLength];
        first.CopyTo(buffer);
        buffer[first.Length] = ' ';
        second.CopyTo(buffer[(first.Length + 1)..]);
        return Mask(buffer[..(first.Length + second.Length + 1)]);
    }

    private static Dictionary<string, ushort> DefaultEntries()
    {
        var entries = new Dictionary<string, ushort>(StringComparer.OrdinalIgnoreCase);
        void Add(RelationType type, string words)
        {
            foreach (string w in words.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                entries[w] = (ushort)(entries.GetValueOrDefault(w) | (1 << (int)type));
            }
        }

        Add(RelationType.Role, "president|minister|spokesman|spokeswoman|spokesperson|director|chief|head|leader|chairman|chairwoman|"
            + "chairperson|chair|ceo|executive|secretary|secretary-general|ambassador|envoy|adviser|advisor|aide|governor|mayor|"
            + "general|commander|founder|owner|deputy|premier|chancellor|king|queen|emir|sultan|senator|lawmaker|official|officials|"
            + "representative|negotiator|prosecutor|judge|economist|analyst|editor|correspondent|chief executive|prime minister|"
            + "vice president|press secretary|appointed|named|elected|heads|headed|led|leads|runs|served");
        Add(RelationType.MemberOf, "member|members|membership|join|joins|joined|joining|accession|admitted|belong|belongs|belonged|"
            + "bloc|alliance|member state|member states|signatory|ranks|affiliate|affiliated");
        Add(RelationType.LocatedIn, "based|headquartered|located|situated|headquarters|hq|capital|province|region|city|town|village|"
            + "near|outskirts|district|port");
        Add(RelationType.Visit, "visit|visits|visited|visiting|visitor|trip|trips|travel|travels|travelled|traveled|travelling|traveling|"
            + "arrive|arrives|arrived|arriving|arrival|land|lands|landed|landing|tour|tours|toured|touring|journey|flew|fly|flies|"
            + "flying|state visit|went to|heads to|headed to|came to|returned to|stopover|pilgrimage");
        Add(RelationType.Meet, "meet|meets|met|meeting|meetings|talks|talk|talked|talking|summit|summits|call|calls|called|phone call|"
            + "phone|telephone|conversation|conversations|videoconference|video call|video link|spoke|speak|speaks|speaking|discuss|"
            + "discussed|discusses|discussing|discussion|discussions|held talks|host|hosts|hosted|hosting|welcomed|welcomes|greeted|"
            + "negotiations|negotiated|negotiating|bilateral|counterpart|sat down|shook hands");
        Add(RelationType.Invite, "invite|invites|invited|inviting|invitation|invitations|hosted|host");
        Add(RelationType.Supply, "supply|supplies|supplied|supplying|supplier|suppliers|send|sends|sent|sending|ship|ships|shipped|"
            + "shipping|shipment|shipments|deliver|delivers|delivered|delivering|delivery|deliveries|provide|provides|provided|"
            + "providing|provision|export|exports|exported|exporting|exporter|transfer|transfers|transferred|transferring|donate|"
            + "donates|donated|donation|donations|aid|gave|give|gives|giving|sell|sells|sold|selling|sale|sales|package|handed over|"
            + "pledged|furnished|equipped|arms");
        Add(RelationType.Trade, "trade|trades|traded|trading|trader|import|imports|imported|importing|importer|importers|buy|buys|"
            + "bought|buying|buyer|buyers|purchases|purchase|purchased|commerce|trading partner|customer|customers|sell|sells|sold|"
            + "selling|exports|export|exporter|oil|gas");
        Add(RelationType.Contract, "contract|contracts|contracted|contractor|deal|deals|order|ordered|orders|tender|awarded|award|"
            + "procurement|partnership|joint venture|venture|supplier|client|agreement|licence|license|licensed");
        Add(RelationType.Acquire, "acquire|acquires|acquired|acquiring|acquisition|acquisitions|takeover|takeovers|take over|took over|"
            + "taken over|taking over|takes over|purchase|purchased|purchasing|buyout|merger|merged|merge|stake|bought|buy|buys|"
            + "owns|owned|bid");
        Add(RelationType.Agree, "agree|agrees|agreed|agreement|agreements|sign|signs|signed|signing|accord|accords|treaty|treaties|"
            + "pact|pacts|deal|deals|memorandum|joint statement|declaration|ceasefire|truce|ratified|ratify|concluded|struck");
        Add(RelationType.Sanction, "sanction|sanctions|sanctioned|sanctioning|blacklist|blacklists|blacklisted|blacklisting|embargo|"
            + "embargoes|embargoed|entity list|penalties|penalised|penalized|asset freeze|froze|freeze|frozen|ban|bans|banned|banning|"
            + "restrictions|restricted|tariffs|tariff|designated|designation|curbs|export controls");
        Add(RelationType.Support, "support|supports|supported|supporting|supporter|supporters|back|backs|backed|backing|endorse|"
            + "endorses|endorsed|endorsement|ally|allies|allied|solidarity|defend|defended|defends|praise|praised|praises|pledge|"
            + "pledged|pledges|welcomed|welcomes|assistance|help|helped|helps|aid|stand with|stood with|champion|championed|sponsor|"
            + "sponsored|financed|funded|funds|subsidised|subsidized|subsidises|subsidizes|subsidy|subsidies|recognised|recognized|recognise|"
            + "recognize|recognition|arms|armed|trains|trained");
        Add(RelationType.Criticize, "criticise|criticised|criticises|criticize|criticized|criticizes|criticism|criticising|criticizing|"
            + "critic|critics|condemn|condemns|condemned|condemning|condemnation|accuse|accuses|accused|accusing|accusation|"
            + "accusations|warn|warns|warned|warning|warnings|blame|blamed|blames|blaming|denounce|denounced|denounces|denouncing|"
            + "reject|rejected|rejects|rejecting|slammed|slam|slams|rebuked|rebuke|protest|protested|protests|chided|lambasted|"
            + "decried|deplored|censured|rebuffed|dismissed|attacked|threatened|threatens|demanded|urged");
        Add(RelationType.Attack, "attack|attacks|attacked|attacking|attacker|attackers|invade|invades|invaded|invading|invasion|"
            + "strike|strikes|struck|striking|airstrike|airstrikes|air strike|air strikes|bomb|bombs|bombed|bombing|bombings|shell|"
            + "shelled|shelling|raid|raids|raided|offensive|assault|assaulted|assaults|fired|fires|launched|missile|missiles|rocket|"
            + "rockets|drones|war|fighting|fought|fight|fights|clashes|clashed|targeted|targeting|killed|shot|downed|seized|"
            + "occupied|occupation|annexed|annexation|incursion|besieged|siege|hit|hits");
        return entries;
    }
}
