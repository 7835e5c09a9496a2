using System.Buffers;
using System.Text;
using System.Text.Unicode;
using UtfUnknown;

namespace NewsNlp.Text;

/// <summary>How <see cref="TextDecoder"/> decoded a text.</summary>
public enum DecodingMethod
{
    /// <summary>A byte-order mark named the encoding (UTF-8, UTF-16 or UTF-32).</summary>
    ByteOrderMark,

    /// <summary>The bytes are valid UTF-8 (plain ASCII included).</summary>
    Utf8,

    /// <summary>Mostly valid UTF-8 with a few stray bytes of a legacy encoding, each read as cp1252.</summary>
    Utf8WithStrayBytes,

    /// <summary>Zero bytes in alternate positions showed UTF-16 without a byte-order mark.</summary>
    Utf16Pattern,

    /// <summary>Not UTF-8: a legacy encoding detected from the byte statistics (UTF.Unknown).</summary>
    Detected,

    /// <summary>Not UTF-8 and no encoding could be told: read as cp1252, the most common legacy encoding of news text.</summary>
    Fallback,
}

/// <summary>A text decoded from bytes, and how it was decoded.</summary>
/// <param name="Text">The decoded text (without a byte-order mark).</param>
/// <param name="EncodingName">The web name of the encoding used (<c>utf-8</c>, <c>windows-1252</c>, <c>gb18030</c>, ...).</param>
/// <param name="Method">How the encoding was chosen.</param>
/// <param name="Confidence">How sure the choice is, from 0 to 1 (1 for a byte-order mark or valid UTF-8).</param>
/// <param name="StrayBytes">Bytes that were not valid in the chosen encoding and were read as cp1252 or replaced.</param>
public sealed record DecodedText(string Text, string EncodingName, DecodingMethod Method, double Confidence, int StrayBytes);

/// <summary>
/// Decodes news text given as bytes: byte-order marks first, then UTF-8 (tolerating a few stray legacy bytes), then a
/// legacy encoding detected from the byte statistics (cp1252, cp1251, GB18030, Shift_JIS, ...). Thread-safe; no state.
/// </summary>
/// <example>
/// <code>
/// DecodedText decoded = TextDecoder.Decode(File.ReadAllBytes("article.txt"));
/// if (decoded.Method != DecodingMethod.Utf8) Console.Error.WriteLine($"read as {decoded.EncodingName}");
/// NewsDocument doc = pipeline.Analyze(decoded.Text);
/// </code>
/// </example>
public static class TextDecoder
{
    /// <summary>The largest input <see cref="DecodeAsync"/> reads by default: 64 MiB.</summary>
    public const int DefaultMaxBytes = 64 << 20;

    private static readonly Encoding Cp1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>Decodes <paramref name="bytes"/>.</summary>
    /// <param name="bytes">The bytes of a text file or message body.</param>
    /// <returns>The text and how it was decoded.</returns>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (TryByteOrderMark(bytes, out Encoding? bomEncoding, out int bomLength))
        {
            return Decoded(bomEncoding, bytes[bomLength..], DecodingMethod.ByteOrderMark, 1.0);
        }

        if (TryUtf16Pattern(bytes, out Encoding? utf16))
        {
            return Decoded(utf16, bytes, DecodingMethod.Utf16Pattern, 0.9);
        }

        if (Utf8.IsValid(bytes))
        {
            return new DecodedText(Encoding.UTF8.GetString(bytes), "utf-8", DecodingMethod.Utf8, 1.0, 0);
        }

        (int multibyte, int invalid) = CountUtf8(bytes);
        if (multibyte >= 2 * invalid)
        {
            return DecodeUtf8WithStrayBytes(bytes, invalid, multibyte);
        }

        DetectionDetail? detected = CharsetDetector.DetectFromBytes(bytes.ToArray()).Detected;
        Encoding? encoding = detected?.Encoding;
        if (encoding is null || detected!.Confidence < 0.2f || encoding.CodePage is 65001 or 1200 or 1201 or 12000 or 12001 or 20127)
        {
            return Decoded(Cp1252, bytes, DecodingMethod.Fallback, 0.5);
        }

        // WHATWG: the latin-1 label means cp1252, which differs only where latin-1 has C1 controls.
        if (encoding.CodePage == 28591)
        {
            encoding = Cp1252;
        }

        return Decoded(encoding, bytes, DecodingMethod.Detected, detected.Confidence);
    }

    /// <summary>Reads <paramref name="stream"/> to its end and decodes it as <see cref="Decode(ReadOnlySpan{byte})"/> does.</summary>
    /// <param name="stream">A readable stream; it is read to the end and not closed.</param>
    /// <param name="maxBytes">The most bytes to accept.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The text and how it was decoded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    /// <exception cref="InvalidDataException">The stream holds more than <paramref name="maxBytes"/> bytes.</exception>
    public static async Task<DecodedText> DecodeAsync(Stream stream, int maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(stream.CanSeek ? (int)Math.Clamp(stream.Length - stream.Position + 1, 1, maxBytes + 1L) : 81920);
        int count = 0;
        try
        {
            while (true)
            {
                if (count == buffer.Length)
                {
                    if (count > maxBytes)
                    {
                        throw new InvalidDataException($"The input is longer than {maxBytes:N0} bytes.");
                    }

                    byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, maxBytes + 1L));
                    buffer.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read = await stream.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                count += read;
            }

            return count > maxBytes
                ? throw new InvalidDataException($"The input is longer than {maxBytes:N0} bytes.")
                : Decode(buffer.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static DecodedText Decoded(Encoding encoding, ReadOnlySpan<byte> bytes, DecodingMethod method, double confidence)
    {
        string text = encoding.GetString(bytes);
        int replaced = method == DecodingMethod.Fallback ? 0 : text.AsSpan().Count('\uFFFD');
        return new DecodedText(text, encoding.WebName, method, confidence, replaced);
    }

    private static bool TryByteOrderMark(ReadOnlySpan<byte> b, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Encoding? encoding, out int length)
    {
        (encoding, length) = b switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
            [0xFF, 0xFE, 0x00, 0x00, ..] => (Encoding.UTF32, 4),
            [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            _ => ((Encoding?)null, 0),
        };
        return encoding is not null;
    }

    /// <summary>UTF-16 without a BOM: in the first 4 KiB, most bytes at one parity are zero and few at the other.</summary>
    private static bool TryUtf16Pattern(ReadOnlySpan<byte> bytes, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Encoding? encoding)
    {
        encoding = null;
        ReadOnlySpan<byte> head = bytes[..(Math.Min(bytes.Length, 4096) & ~1)];
        if (head.Length < 8 || !head.Contains((byte)0))
        {
            return false;
        }

        int evenZeros = 0, oddZeros = 0;
        for (int i = 0; i < head.Length; i += 2)
        {
            evenZeros += head[i] == 0 ? 1 : 0;
            oddZeros += head[i + 1] == 0 ? 1 : 0;
        }

        int pairs = head.Length / 2;
        if (oddZeros * 10 > pairs * 6 && evenZeros * 20 < pairs)
        {
            encoding = Encoding.Unicode;
        }
        else if (evenZeros * 10 > pairs * 6 && oddZeros * 20 < pairs)
        {
            encoding = Encoding.BigEndianUnicode;
        }

        return encoding is not null;
    }

    /// <summary>Counts valid multi-byte UTF-8 sequences and bytes that belong to no valid sequence.</summary>
    private static (int Multibyte, int Invalid) CountUtf8(ReadOnlySpan<byte> bytes)
    {
        int multibyte = 0, invalid = 0;
        while (!bytes.IsEmpty)
        {
            int ascii = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (ascii < 0)
            {
                break;
            }

            bytes = bytes[ascii..];
            if (Rune.DecodeFromUtf8(bytes, out _, out int consumed) == OperationStatus.Done)
            {
                multibyte++;
            }
            else
            {
                invalid += consumed;
            }

            bytes = bytes[Math.Max(consumed, 1)..];
        }

        return (multibyte, invalid);
    }

    private static DecodedText DecodeUtf8WithStrayBytes(ReadOnlySpan<byte> bytes, int invalid, int multibyte)
    {
        var builder = new StringBuilder(bytes.Length);
        Span<char> one = stackalloc char[2];
        while (!bytes.IsEmpty)
        {
            int ascii = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (ascii < 0)
            {
                builder.Append(Encoding.ASCII.GetString(bytes));
                break;
            }

            builder.Append(Encoding.ASCII.GetString(bytes[..ascii]));
            bytes = bytes[ascii..];
            if (Rune.DecodeFromUtf8(bytes, out Rune rune, out int consumed) == OperationStatus.Done)
            {
                builder.Append(one[..rune.EncodeToUtf16(one)]);
            }
            else
            {
                // Each byte of an invalid sequence is a stray legacy byte: cp1252 (its five holes read as latin-1).
                consumed = Math.Max(consumed, 1);
                foreach (byte b in bytes[..consumed])
                {
                    builder.Append(Cp1252.GetChars([b]).AsSpan() is [char c] && c != '?' ? c : (char)b);
                }
            }

            bytes = bytes[consumed..];
        }

        double confidence = multibyte / (double)(multibyte + invalid);
        return new DecodedText(builder.ToString(), "utf-8", DecodingMethod.Utf8WithStrayBytes, confidence, invalid);
    }
}
