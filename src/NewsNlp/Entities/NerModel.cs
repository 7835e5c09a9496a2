using System.Numerics;
using System.Runtime.InteropServices;

namespace NewsNlp.Entities;

/// <summary>
/// The weights of the sequence tagger: sparse emission weights per feature hash, tag transitions, and the labels.
/// Immutable once built; safe to share across threads.
/// </summary>
/// <remarks>
/// File format (Brotli-compressed): magic <c>NEWSNLP-NER</c>, format version, label names, tag count K, feature count
/// n, entry count m; n sorted 64-bit feature hashes; n+1 entry offsets; m tag bytes; m half-precision weights; K×K
/// transitions; a free-text provenance string; and an FNV-1a 64 checksum of everything before it.
/// </remarks>
internal sealed class NerModel
{
    public const int FormatVersion = 1;
    private static readonly byte[] Magic = "NEWSNLP-NER\0"u8.ToArray();

    private readonly ulong[] _keys;
    private readonly int[] _offsets;
    private readonly byte[] _tags;
    private readonly Half[] _weights;
    private readonly Slot[] _slots;
    private readonly Entry[] _entries;
    private readonly int _tableMask;

    public NerModel(EntityLabel[] labels, ulong[] keys, int[] offsets, byte[] tags, Half[] weights, float[] transitions, string provenance)
    {
        Tags = new BilouTags(labels);
        if (keys.Length + 1 != offsets.Length || tags.Length != weights.Length || transitions.Length != Tags.Count * Tags.Count)
        {
            throw new InvalidDataException("The entity model's arrays have inconsistent sizes.");
        }

        _keys = keys;
        _offsets = offsets;
        _tags = tags;
        _weights = weights;
        Transitions = transitions;
        PackedTransitions = Tags.PackTransitions(transitions);
        Provenance = provenance;

        // Scoring layout: an open-addressing table whose slot holds a 32-bit fingerprint of the hash (the slot index
        // holds its low bits) and where the feature's entries start; the entries (weight, tag) of one feature are
        // contiguous. A lookup touches one slot and one run of entries: two cache lines instead of five arrays.
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length * 2));
        _tableMask = size - 1;
        _slots = new Slot[size];
        _entries = new Entry[tags.Length];
        for (int e = 0; e < tags.Length; e++)
        {
            _entries[e] = new Entry((float)weights[e], tags[e]);
        }

        for (int i = 0; i < keys.Length; i++)
        {
            int count = offsets[i + 1] - offsets[i];
            if (count == 0)
            {
                continue;
            }

            int slot = (int)(keys[i] & (ulong)_tableMask);
            while (_slots[slot].Count != 0)
            {
                slot = (slot + 1) & _tableMask;
            }

            _slots[slot] = new Slot(Fingerprint(keys[i]), offsets[i], count);
        }
    }

    private readonly record struct Slot(uint Fingerprint, int Start, int Count);

    private readonly record struct Entry(float Weight, int Tag);

    private static uint Fingerprint(ulong key) => (uint)(key >> 32);

    public BilouTags Tags { get; }

    public float[] Transitions { get; }

    /// <summary>The transitions packed for the decoder (<see cref="BilouTags.PackTransitions(ReadOnlySpan{float})"/>).</summary>
    public float[] PackedTransitions { get; }

    public string Provenance { get; }

    public int FeatureCount => _keys.Length;

    public int EntryCount => _tags.Length;

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (K entries).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        Slot[] slots = _slots;
        Entry[] entries = _entries;

        // First read every feature's home slot (independent loads the processor overlaps), then resolve.
        Span<Slot> home = stackalloc Slot[features.Length];
        for (int j = 0; j < features.Length; j++)
        {
            home[j] = slots[(int)(features[j] & (ulong)_tableMask)];
        }

        for (int j = 0; j < features.Length; j++)
        {
            ulong f = features[j];
            uint fingerprint = Fingerprint(f);
            Slot s = home[j];
            int slot = (int)(f & (ulong)_tableMask);
            while (s.Count != 0 && s.Fingerprint != fingerprint)
            {
                slot = (slot + 1) & _tableMask;
                s = slots[slot];
            }

            if (s.Count != 0)
            {
                foreach (Entry e in entries.AsSpan(s.Start, s.Count))
                {
                    scores[e.Tag] += e.Weight;
                }
            }
        }
    }

    public void Save(Stream stream) => ModelFile.Write(stream, Magic, FormatVersion, w =>
    {
        w.Write(Tags.Labels.Length);
        foreach (EntityLabel label in Tags.Labels)
        {
            w.Write(label.ToName());
        }

        w.Write(Tags.Count);
        w.Write(_keys.Length);
        w.Write(_tags.Length);
        w.Write(MemoryMarshal.AsBytes(_keys.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(_offsets.AsSpan()));
        w.Write(_tags);
        w.Write(MemoryMarshal.AsBytes(_weights.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(Transitions.AsSpan()));
        w.Write(Provenance);
    });

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not an entity model, is of another version, or is corrupt.</exception>
    public static NerModel Load(Stream stream)
    {
        using BinaryReader r = ModelFile.Open(stream, Magic, FormatVersion, "entity model");
        try
        {
            int labelCount = Checked(r.ReadInt32(), 64);
            var labels = new EntityLabel[labelCount];
            for (int i = 0; i < labelCount; i++)
            {
                string name = r.ReadString();
                labels[i] = EntityLabels.TryParse(name, out EntityLabel l) ? l : throw new InvalidDataException($"The entity model names an unknown label '{name}'.");
            }

            int k = Checked(r.ReadInt32(), 1 + (4 * 64));
            int n = Checked(r.ReadInt32(), 100_000_000);
            int m = Checked(r.ReadInt32(), 500_000_000);
            ulong[] keys = ModelFile.ReadArray<ulong>(r, n);
            int[] offsets = ModelFile.ReadArray<int>(r, n + 1);
            byte[] tags = ModelFile.ReadArray<byte>(r, m);
            Half[] weights = ModelFile.ReadArray<Half>(r, m);
            float[] transitions = ModelFile.ReadArray<float>(r, k * k);
            string provenance = r.ReadString();
            if (k != 1 + (4 * labelCount) || offsets[0] != 0 || offsets[n] != m)
            {
                throw new InvalidDataException("The entity model's sizes are inconsistent.");
            }

            for (int i = 0; i < n; i++)
            {
                if (offsets[i + 1] < offsets[i])
                {
                    throw new InvalidDataException("The entity model's offsets are not ordered.");
                }
            }

            foreach (byte t in tags)
            {
                if (t >= k)
                {
                    throw new InvalidDataException("The entity model refers to a tag that does not exist.");
                }
            }

            return new NerModel(labels, keys, offsets, tags, weights, transitions, provenance);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The entity model is truncated.", e);
        }
    }

    private static int Checked(int value, int max) =>
        value >= 0 && value <= max ? value : throw new InvalidDataException($"The entity model holds an impossible size ({value}).");
}
