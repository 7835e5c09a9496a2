using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace NewsNlp;

/// <summary>
/// The framing the library's model files share: a Brotli-compressed payload that starts with a magic string and ends
/// with an FNV-1a 64 checksum of everything before it. A file that is not Brotli, has another magic or a wrong
/// checksum is refused with an <see cref="InvalidDataException"/> naming the kind of model.
/// </summary>
internal static class ModelFile
{
    /// <summary>
    /// Writes a model file: the magic, the format version, then what <paramref name="body"/> writes, compressed with the
    /// checksum.
    /// </summary>
    public static void Write(Stream stream, ReadOnlySpan<byte> magic, int version, Action<BinaryWriter> body)
    {
        using var raw = new MemoryStream();
        using (var writer = new BinaryWriter(raw, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(magic);
            writer.Write(version);
            body(writer);
        }

        ReadOnlySpan<byte> payload = raw.GetBuffer().AsSpan(0, (int)raw.Length);
        using var brotli = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        brotli.Write(payload);
        brotli.Write(BitConverter.GetBytes(Checksum(payload)));
    }

    /// <summary>Reads and checks a model file; returns a reader of its body (after the magic and the version).</summary>
    /// <param name="stream">The file.</param>
    /// <param name="magic">The magic the payload must start with.</param>
    /// <param name="version">The format version this library reads.</param>
    /// <param name="kind">What the model is, for the messages (<c>entity model</c>).</param>
    /// <exception cref="InvalidDataException">Not Brotli, another magic, a checksum that does not match, or another version.</exception>
    public static BinaryReader Open(Stream stream, ReadOnlySpan<byte> magic, int version, string kind)
    {
        byte[] data;
        try
        {
            using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var buffer = new MemoryStream();
            brotli.CopyTo(buffer);
            data = buffer.ToArray();
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            throw new InvalidDataException($"Not a NewsNlp {kind}: the data is not Brotli-compressed.", e);
        }

        if (data.Length < magic.Length + 8 || !data.AsSpan(0, magic.Length).SequenceEqual(magic))
        {
            throw new InvalidDataException($"Not a NewsNlp {kind}: the header is missing.");
        }

        ulong expected = BitConverter.ToUInt64(data, data.Length - 8);
        if (Checksum(data.AsSpan(0, data.Length - 8)) != expected)
        {
            throw new InvalidDataException($"The {kind} is corrupt: its checksum does not match.");
        }

        var reader = new BinaryReader(new MemoryStream(data, magic.Length, data.Length - 8 - magic.Length), Encoding.UTF8);
        int found = data.Length - 8 - magic.Length >= 4 ? reader.ReadInt32() : -1;
        if (found != version)
        {
            reader.Dispose();
            throw new InvalidDataException($"The {kind} has format version {found}; this library reads version {version}.");
        }

        return reader;
    }

    /// <summary>Reads <paramref name="count"/> values of a blittable type.</summary>
    /// <exception cref="EndOfStreamException">The data ends first.</exception>
    public static T[] ReadArray<T>(BinaryReader reader, int count)
        where T : unmanaged
    {
        var array = new T[count];
        Span<byte> bytes = MemoryMarshal.AsBytes(array.AsSpan());
        if (reader.Read(bytes) != bytes.Length)
        {
            throw new EndOfStreamException();
        }

        return array;
    }

    /// <summary>FNV-1a 64.</summary>
    public static ulong Checksum(ReadOnlySpan<byte> data)
    {
        ulong h = 0xcbf29ce484222325UL;
        foreach (byte b in data)
        {
            h = (h ^ b) * 0x100000001b3UL;
        }

        return h;
    }
}
