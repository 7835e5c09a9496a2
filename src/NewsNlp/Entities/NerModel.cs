using System.IO.Compression;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

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
    private readonly float[] _weightsFloat;
    private readonly int[] _table;
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
        _weightsFloat = Array.ConvertAll(weights, h => (float)h); // stored as Half, scored as float
        Transitions = transitions;
        Provenance = provenance;

        // Open addressing over the hashes: a lookup is one or two probes.
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length * 2));
        _tableMask = size - 1;
        _table = new int[size];
        Array.Fill(_table, -1);
        for (int i = 0; i < keys.Length; i++)
        {
            int slot = (int)(keys[i] & (ulong)_tableMask);
            while (_table[slot] >= 0)
            {
                slot = (slot + 1) & _tableMask;
            }

            _table[slot] = i;
        }
    }

    public BilouTags Tags { get; }

    public float[] Transitions { get; }

    public string Provenance { get; }

    public int FeatureCount => _keys.Length;

    public int EntryCount => _tags.Length;

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (K entries).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        foreach (ulong f in features)
        {
            int slot = (int)(f & (ulong)_tableMask);
            while (true)
            {
                int index = _table[slot];
                if (index < 0)
                {
                    break;
                }

                if (_keys[index] == f)
                {
                    int end = _offsets[index + 1];
                    for (int e = _offsets[index]; e < end; e++)
                    {
                        scores[_tags[e]] += _weightsFloat[e];
                    }

                    break;
                }

                slot = (slot + 1) & _tableMask;
            }
        }
    }

    public void Save(Stream stream)
    {
        using var raw = new MemoryStream();
        using (var w = new BinaryWriter(raw, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
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
        }

        byte[] payload = raw.ToArray();
        using var brotli = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        brotli.Write(payload);
        brotli.Write(BitConverter.GetBytes(Checksum(payload)));
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not an entity model, is of another version, or is corrupt.</exception>
    public static NerModel Load(Stream stream)
    {
        byte[] data;
        try
        {
            using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var buffer = new MemoryStream();
            brotli.CopyTo(buffer);
            data = buffer.ToArray();
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidDataException("Not an entity model: the data is not Brotli-compressed.", e);
        }
        catch (IOException e)
        {
            throw new InvalidDataException("Not an entity model: the data is not Brotli-compressed.", e);
        }

        if (data.Length < Magic.Length + 8 || !data.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not an entity model: the header is missing.");
        }

        ulong expected = BitConverter.ToUInt64(data, data.Length - 8);
        if (Checksum(data.AsSpan(0, data.Length - 8)) != expected)
        {
            throw new InvalidDataException("The entity model is corrupt: its checksum does not match.");
        }

        try
        {
            using var r = new BinaryReader(new MemoryStream(data, 0, data.Length - 8), Encoding.UTF8);
            r.ReadBytes(Magic.Length);
            int version = r.ReadInt32();
            if (version != FormatVersion)
            {
                throw new InvalidDataException($"The entity model has format version {version}; this library reads version {FormatVersion}.");
            }

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
            ulong[] keys = ReadArray<ulong>(r, n);
            int[] offsets = ReadArray<int>(r, n + 1);
            byte[] tags = ReadArray<byte>(r, m);
            Half[] weights = ReadArray<Half>(r, m);
            float[] transitions = ReadArray<float>(r, k * k);
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

    private static T[] ReadArray<T>(BinaryReader r, int count)
        where T : unmanaged
    {
        var array = new T[count];
        Span<byte> bytes = MemoryMarshal.AsBytes(array.AsSpan());
        if (r.Read(bytes) != bytes.Length)
        {
            throw new EndOfStreamException();
        }

        return array;
    }

    internal static ulong Checksum(ReadOnlySpan<byte> data)
    {
        ulong h = 0xcbf29ce484222325UL;
        foreach (byte b in data)
        {
            h = (h ^ b) * 0x100000001b3UL;
        }

        return h;
    }
}
