using System.Numerics;
using System.Runtime.InteropServices;
using NewsNlp.Entities;

namespace NewsNlp.Relations;

/// <summary>
/// The relation scorer's classes: 0 for no relation, then per type one class when it is symmetric and two when it is
/// not (the first mention of the pair is the subject, or the second is).
/// </summary>
internal static class RelationClasses
{
    public static readonly int Count;
    private static readonly (RelationType Type, bool Reversed)[] Classes;
    private static readonly int[] Forward;
    private static readonly int[] Backward;

    static RelationClasses()
    {
        var list = new List<(RelationType, bool)> { (default, false) };
        Forward = new int[RelationNames.TypeCount];
        Backward = new int[RelationNames.TypeCount];
        for (int t = 0; t < RelationNames.TypeCount; t++)
        {
            var type = (RelationType)t;
            Forward[t] = list.Count;
            list.Add((type, false));
            if (type.IsSymmetric())
            {
                Backward[t] = Forward[t];
            }
            else
            {
                Backward[t] = list.Count;
                list.Add((type, true));
            }
        }

        Classes = [.. list];
        Count = Classes.Length;
    }

    /// <summary>The class of a relation between the first and second mention of a pair; <paramref name="firstIsSubject"/> is ignored for symmetric types.</summary>
    public static int Of(RelationType type, bool firstIsSubject) => firstIsSubject ? Forward[(int)type] : Backward[(int)type];

    public static (RelationType Type, bool Reversed) Get(int cls) => Classes[cls];

    public static string Name(int cls) => cls == 0 ? "NONE" : Classes[cls].Type.ToName() + (Classes[cls].Reversed ? "<" : ">");

    /// <summary>Whether the spec allows the type between a subject and an object of these labels.</summary>
    public static bool Allowed(RelationType type, EntityLabel subject, EntityLabel obj)
    {
        static bool Actor(EntityLabel l) => l is EntityLabel.Person or EntityLabel.Org or EntityLabel.Gpe or EntityLabel.Loc;
        return type switch
        {
            RelationType.Role => subject == EntityLabel.Person && obj is EntityLabel.Org or EntityLabel.Gpe or EntityLabel.Person,
            RelationType.MemberOf => subject is EntityLabel.Person or EntityLabel.Org or EntityLabel.Gpe && obj == EntityLabel.Org,
            RelationType.LocatedIn => subject is EntityLabel.Org or EntityLabel.Fac or EntityLabel.Gpe or EntityLabel.Loc && obj is EntityLabel.Gpe or EntityLabel.Loc,
            RelationType.Visit => subject is EntityLabel.Person or EntityLabel.Org && obj is EntityLabel.Gpe or EntityLabel.Loc or EntityLabel.Fac or EntityLabel.Org,
            RelationType.Meet => subject is EntityLabel.Person or EntityLabel.Org or EntityLabel.Gpe && obj is EntityLabel.Person or EntityLabel.Org or EntityLabel.Gpe,
            RelationType.Invite => Actor(subject) && obj is EntityLabel.Person or EntityLabel.Org or EntityLabel.Gpe,
            RelationType.Supply => subject is EntityLabel.Org or EntityLabel.Gpe or EntityLabel.Person && obj is EntityLabel.Org or EntityLabel.Gpe or EntityLabel.Person or EntityLabel.Loc,
            RelationType.Trade or RelationType.Contract => subject is EntityLabel.Org or EntityLabel.Gpe && obj is EntityLabel.Org or EntityLabel.Gpe,
            RelationType.Acquire => subject is EntityLabel.Org or EntityLabel.Person or EntityLabel.Gpe && obj == EntityLabel.Org,
            // Beyond the spec's table: a leader or "the West" sanctions too, and supplies go to regions ("gas to Europe").
            RelationType.Sanction => subject is EntityLabel.Gpe or EntityLabel.Org or EntityLabel.Person or EntityLabel.Loc && obj is EntityLabel.Person or EntityLabel.Org or EntityLabel.Gpe,
            _ => Actor(subject) && (Actor(obj) || obj == EntityLabel.Fac),
        };
    }

    /// <summary>Whether the class is allowed for a pair whose first and second mentions have these labels.</summary>
    public static bool Allowed(int cls, EntityLabel first, EntityLabel second)
    {
        if (cls == 0)
        {
            return true;
        }

        (RelationType type, bool reversed) = Classes[cls];
        return type.IsSymmetric()
            ? Allowed(type, first, second) || Allowed(type, second, first)
            : reversed ? Allowed(type, second, first) : Allowed(type, first, second);
    }
}

/// <summary>
/// A linear multi-class model over hashed pair features (trained with Microsoft.ML's L-BFGS maximum entropy): one
/// weight row per feature, one column per class. Immutable; safe to share across threads.
/// </summary>
/// <remarks>
/// File format (Brotli-compressed): magic <c>NEWSNLP-REL</c>, format version, class count K, feature count n, the K
/// class names, K biases, n sorted 64-bit feature hashes, n×K single-precision weights, a provenance string, and an
/// FNV-1a 64 checksum of everything before it.
/// </remarks>
internal sealed class RelationModel
{
    public const int FormatVersion = 1;
    private const int MaxFeatures = 4_000_000;
    private static readonly byte[] Magic = "NEWSNLP-REL\0"u8.ToArray();

    private readonly ulong[] _keys;
    private readonly float[] _weights;
    private readonly float[] _biases;
    private readonly ulong[] _slotKeys;
    private readonly int[] _slotRows;
    private readonly int _mask;

    public RelationModel(ulong[] keys, float[] weights, float[] biases, string provenance)
    {
        if (biases.Length != RelationClasses.Count || weights.Length != keys.Length * biases.Length)
        {
            throw new InvalidDataException("The relation model's arrays have inconsistent sizes.");
        }

        _keys = keys;
        _weights = weights;
        _biases = biases;
        Provenance = provenance;
        // Open addressing on the feature hash (already well mixed): a slot holds the key and its row + 1 (0: empty).
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length * 2));
        _mask = size - 1;
        _slotKeys = new ulong[size];
        _slotRows = new int[size];
        for (int i = 0; i < keys.Length; i++)
        {
            int slot = (int)(keys[i] & (ulong)_mask);
            while (_slotRows[slot] != 0 && _slotKeys[slot] != keys[i])
            {
                slot = (slot + 1) & _mask;
            }

            _slotKeys[slot] = keys[i];
            _slotRows[slot] = (i * biases.Length) + 1;
        }
    }

    public string Provenance { get; }

    public int FeatureCount => _keys.Length;

    /// <summary>Adds the weights of the features to the biases: unnormalised class scores.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        int k = _biases.Length;
        _biases.CopyTo(scores);
        foreach (ulong f in features)
        {
            int slot = (int)(f & (ulong)_mask);
            int row;
            while ((row = _slotRows[slot]) != 0 && _slotKeys[slot] != f)
            {
                slot = (slot + 1) & _mask;
            }

            if (row == 0)
            {
                continue;
            }

            ReadOnlySpan<float> w = _weights.AsSpan(row - 1, k);
            int c = 0;
            if (Vector.IsHardwareAccelerated)
            {
                Span<Vector<float>> sv = MemoryMarshal.Cast<float, Vector<float>>(scores[..k]);
                ReadOnlySpan<Vector<float>> wv = MemoryMarshal.Cast<float, Vector<float>>(w);
                for (int v = 0; v < sv.Length; v++)
                {
                    sv[v] += wv[v];
                }

                c = sv.Length * Vector<float>.Count;
            }

            for (; c < k; c++)
            {
                scores[c] += w[c];
            }
        }
    }

    public void Save(Stream stream) => ModelFile.Write(stream, Magic, FormatVersion, w =>
    {
        w.Write(_biases.Length);
        w.Write(_keys.Length);
        for (int c = 0; c < _biases.Length; c++)
        {
            w.Write(RelationClasses.Name(c));
        }

        w.Write(MemoryMarshal.AsBytes(_biases.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(_keys.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(_weights.AsSpan()));
        w.Write(Provenance);
    });

    /// <exception cref="InvalidDataException">The stream is not a relation model of this version, or is damaged.</exception>
    public static RelationModel Load(Stream stream)
    {
        using BinaryReader r = ModelFile.Open(stream, Magic, FormatVersion, "relation model");
        try
        {
            int k = r.ReadInt32();
            int n = r.ReadInt32();
            if (k != RelationClasses.Count || n < 0 || n > MaxFeatures)
            {
                throw new InvalidDataException($"The relation model has {k} classes and {n} features; this library expects {RelationClasses.Count} classes.");
            }

            for (int c = 0; c < k; c++)
            {
                if (r.ReadString() != RelationClasses.Name(c))
                {
                    throw new InvalidDataException("The relation model's classes differ from this library's relation types.");
                }
            }

            float[] biases = ModelFile.ReadArray<float>(r, k);

            ulong[] keys = ModelFile.ReadArray<ulong>(r, n);
            float[] weights = ModelFile.ReadArray<float>(r, n * k);

            return new RelationModel(keys, weights, biases, r.ReadString());
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The relation model is truncated.", e);
        }
    }
}
