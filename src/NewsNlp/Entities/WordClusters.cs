using System.Numerics;

namespace NewsNlp.Entities;

/// <summary>
/// Word classes learned from unlabelled text: each of the most frequent lower-cased English words belongs to one of
/// 1,024 clusters of its GloVe vector (Wikipedia + Gigaword news), and each cluster to one of 256 and one of 64 coarser
/// groups. The tagger reads a word's classes as features, so a name or a word it never saw in training shares weights
/// with the words that occur in the same contexts (<c>Kherson</c> with other cities, <c>chancellor</c> with other
/// offices). Built by <c>newsnlp train clusters</c> (docs/models.md); lookups allocate nothing and the table is shared
/// by all threads.
/// </summary>
/// <remarks>
/// File format (<see cref="ModelFile"/> framing): magic <c>NEWSNLP-CLU</c>, format version, word count n, n sorted
/// 32-bit word hashes, n 16-bit fine cluster ids, 1,024 coarse ids (256 groups), 1,024 coarser ids (64 groups), a
/// provenance string.
/// </remarks>
internal sealed class WordClusters
{
    public const int FormatVersion = 1;
    public const int Fine = 1024;

    /// <summary>The class of a word the table does not know.</summary>
    public const uint Unknown = 0;

    private const string ResourceName = "NewsNlp.Entities.clusters-en.bin";
    private static readonly byte[] Magic = "NEWSNLP-CLU\0"u8.ToArray();
    private static readonly Lazy<WordClusters> DefaultClusters = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly uint[] _slotKeys;
    private readonly uint[] _slotValues;
    private readonly int _mask;

    /// <summary>Builds the lookup table.</summary>
    /// <param name="keys">The words' hashes (<see cref="Key"/>), distinct and not zero.</param>
    /// <param name="fine">Each word's cluster, below <see cref="Fine"/>.</param>
    /// <param name="coarse">Each cluster's group of 256.</param>
    /// <param name="coarser">Each cluster's group of 64.</param>
    /// <param name="provenance">Where the clusters come from.</param>
    public WordClusters(uint[] keys, ushort[] fine, byte[] coarse, byte[] coarser, string provenance)
    {
        if (keys.Length != fine.Length || coarse.Length != Fine || coarser.Length != Fine)
        {
            throw new InvalidDataException("The word clusters' arrays have inconsistent sizes.");
        }

        Keys = keys;
        FineIds = fine;
        Coarse = coarse;
        Coarser = coarser;
        Provenance = provenance;
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length * 2));
        _mask = size - 1;
        _slotKeys = new uint[size];
        _slotValues = new uint[size];
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i] == 0 || fine[i] >= Fine)
            {
                throw new InvalidDataException("The word clusters hold a zero key or a cluster id out of range.");
            }

            int slot = (int)(keys[i] & (uint)_mask);
            while (_slotKeys[slot] != 0 && _slotKeys[slot] != keys[i])
            {
                slot = (slot + 1) & _mask;
            }

            _slotKeys[slot] = keys[i];

            // Packed classes: fine + 1 (10 bits; 0 = unknown), group of 256 (8 bits), group of 64 (6 bits).
            _slotValues[slot] = (uint)(fine[i] + 1) | ((uint)coarse[fine[i]] << 11) | ((uint)coarser[fine[i]] << 19);
        }
    }

    /// <summary>The shipped clusters, or an empty table when the package was built without them.</summary>
    public static WordClusters Default => DefaultClusters.Value;

    public static WordClusters Empty { get; } = new([], [], new byte[Fine], new byte[Fine], "none");

    public uint[] Keys { get; }

    public ushort[] FineIds { get; }

    public byte[] Coarse { get; }

    public byte[] Coarser { get; }

    public string Provenance { get; }

    public int Count => Keys.Length;

    /// <summary>The hash a word is stored under: lower-cased, digits as 0, typographic quotes and dashes as ASCII; never 0.</summary>
    public static uint Key(ReadOnlySpan<char> word)
    {
        uint key = (uint)(NerFeatures.Finish(NerFeatures.AddLower(NerFeatures.Seed(97), word)) >> 32);
        return key == 0 ? 1 : key;
    }

    /// <summary>The packed classes of a word (<see cref="Unknown"/> when not in the table); read them with <see cref="FineOf"/>, <see cref="CoarseOf"/>, <see cref="CoarserOf"/>.</summary>
    public uint Lookup(ReadOnlySpan<char> word)
    {
        if (Keys.Length == 0)
        {
            return Unknown;
        }

        uint key = Key(word);
        int slot = (int)(key & (uint)_mask);
        while (true)
        {
            uint k = _slotKeys[slot];
            if (k == key)
            {
                return _slotValues[slot];
            }

            if (k == 0)
            {
                return Unknown;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>The fine cluster + 1, or 0 for an unknown word.</summary>
    public static uint FineOf(uint classes) => classes & 0x7FF;

    /// <summary>The group of 256 + 1, or 0 for an unknown word.</summary>
    public static uint CoarseOf(uint classes) => classes == Unknown ? 0 : ((classes >> 11) & 0xFF) + 1;

    /// <summary>The group of 64 + 1, or 0 for an unknown word.</summary>
    public static uint CoarserOf(uint classes) => classes == Unknown ? 0 : ((classes >> 19) & 0x3F) + 1;

    /// <summary>Writes the clusters in the library's format.</summary>
    public void Save(Stream stream) => ModelFile.Write(stream, Magic, FormatVersion, w =>
    {
        w.Write(Keys.Length);
        foreach (uint k in Keys)
        {
            w.Write(k);
        }

        foreach (ushort f in FineIds)
        {
            w.Write(f);
        }

        w.Write(Coarse);
        w.Write(Coarser);
        w.Write(Provenance);
    });

    /// <summary>Reads clusters written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The data is not a clusters file of this version, or it is corrupt.</exception>
    public static WordClusters Load(Stream stream)
    {
        using BinaryReader r = ModelFile.Open(stream, Magic, FormatVersion, "word-cluster file");
        try
        {
            int n = r.ReadInt32();
            if (n is < 0 or > 10_000_000)
            {
                throw new InvalidDataException("The word-cluster file is corrupt: bad word count.");
            }

            uint[] keys = ModelFile.ReadArray<uint>(r, n);
            ushort[] fine = ModelFile.ReadArray<ushort>(r, n);
            byte[] coarse = r.ReadBytes(Fine);
            byte[] coarser = r.ReadBytes(Fine);
            return new WordClusters(keys, fine, coarse, coarser, r.ReadString());
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The word-cluster file is truncated.", e);
        }
    }

    private static WordClusters LoadDefault()
    {
        using Stream? stream = typeof(WordClusters).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? Empty : Load(stream);
    }
}
