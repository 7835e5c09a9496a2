using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NewsNlp.Tokenization;

/// <summary>
/// Enumerates the tokens of a text. A ref struct: use it in <c>foreach</c>; it allocates nothing.
/// </summary>
/// <remarks>
/// The hot path classifies 64 characters at a time with SIMD into two bit masks (ASCII whitespace, ASCII letters and
/// digits). Whitespace is skipped and plain words are measured with a trailing-zero count, without a branch per
/// character; every other token (numbers, punctuation, abbreviations, clitics, URLs, non-ASCII) goes through the
/// rule-based scanner of <see cref="Tokenizer"/>.
/// </remarks>
[StructLayout(LayoutKind.Auto)]
public ref struct TokenEnumerator
{
    private const int BlockSize = 64;

    private readonly Tokenizer _tokenizer;
    private readonly ReadOnlySpan<char> _text;
    private int _position;
    private Token _pending;
    private Token _current;
    private int _blockStart;
    private ulong _spaceMask;
    private ulong _wordMask;
    private ulong _letterMask;

    internal TokenEnumerator(Tokenizer tokenizer, ReadOnlySpan<char> text)
    {
        _tokenizer = tokenizer;
        _text = text;
        _position = 0;
        _pending = default;
        _current = default;
        _blockStart = int.MinValue / 2;
        _spaceMask = 0;
        _wordMask = 0;
        _letterMask = 0;
    }

    /// <summary>The current token.</summary>
    public readonly Token Current => _current;

    /// <summary>Returns this enumerator, so that it can be used in <c>foreach</c>.</summary>
    /// <returns>This enumerator.</returns>
    public readonly TokenEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next token.</summary>
    /// <returns><see langword="true"/> when there is a token; <see langword="false"/> at the end of the text.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MoveNext()
    {
        // Fast path: the next token is a plain ASCII word inside the current 64-character block.
        int i = _position;
        int off = i - _blockStart;
        if ((uint)off < BlockSize && _pending.Length == 0)
        {
            ulong nonSpace = ~_spaceMask >> off;
            if (nonSpace != 0)
            {
                int skip = BitOperations.TrailingZeroCount(nonSpace);
                off += skip;
                ulong word = _wordMask >> off;
                if (((_letterMask >> off) & 1) != 0)
                {
                    int length = BitOperations.TrailingZeroCount(~word);
                    if (off + length < BlockSize)
                    {
                        int start = i + skip;
                        int end = start + length;
                        ReadOnlySpan<char> text = _text;
                        if ((uint)end >= (uint)text.Length || CharInfo.EndsPlainWord(text[end]))
                        {
                            _current = new Token(start, length, TokenKind.Word);
                            _position = end;
                            return true;
                        }
                    }
                }
            }
        }

        return MoveNextSlow();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool MoveNextSlow()
    {
        if (_pending.Length != 0)
        {
            _current = _pending;
            _position = _pending.End;
            _pending = default;
            return true;
        }

        ReadOnlySpan<char> text = _text;
        int n = text.Length;
        int i = _position;
        while (true)
        {
            // Skip ASCII whitespace 64 characters at a time.
            while (true)
            {
                if (i >= n)
                {
                    _position = n;
                    return false;
                }

                int off = i - _blockStart;
                if ((uint)off >= BlockSize)
                {
                    LoadBlock(i);
                    off = 0;
                }

                ulong nonSpace = ~_spaceMask >> off;
                if (nonSpace != 0)
                {
                    i += BitOperations.TrailingZeroCount(nonSpace);
                    break;
                }

                i = _blockStart + BlockSize;
            }

            if (i >= n)
            {
                _position = n;
                return false;
            }

            char c = text[i];
            if (c < 128 || !CharInfo.IsWhiteSpace(c))
            {
                break;
            }

            i++; // non-ASCII whitespace (no-break space, line separator, ideographic space)
        }

        char first = text[i];
        if (((_letterMask >> (i - _blockStart)) & 1) != 0)
        {
            // A run of ASCII letters and digits starting with a letter, possibly across blocks.
            int end = i;
            while (true)
            {
                int o = end - _blockStart;
                end += BitOperations.TrailingZeroCount(~(_wordMask >> o));
                if (end - _blockStart < BlockSize || end >= n)
                {
                    break;
                }

                LoadBlock(end);
            }

            if (end >= n || CharInfo.EndsPlainWord(text[end]))
            {
                _current = new Token(i, end - i, TokenKind.Word);
                _position = end;
                return true;
            }

            _current = _tokenizer.ScanWord(text, i, end, out _pending);
            _position = _current.End;
            return true;
        }

        if (first < 128)
        {
            TokenKind kind = CharInfo.SingleCharKind(first);
            if (kind != TokenKind.Word)
            {
                _current = new Token(i, 1, kind);
                _position = i + 1;
                return true;
            }
        }

        _current = _tokenizer.Scan(text, i, out _pending);
        _position = _current.End;
        return true;
    }

    /// <summary>Classifies the 64 characters from <paramref name="start"/> (fewer at the end of the text).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void LoadBlock(int start)
    {
        ReadOnlySpan<char> text = _text;
        _blockStart = start;
        if (Vector256.IsHardwareAccelerated && start + BlockSize <= text.Length)
        {
            ref ushort origin = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            nuint at = (nuint)start;
            (uint s0, uint w0, uint l0) = Classify(Vector256.LoadUnsafe(ref origin, at));
            (uint s1, uint w1, uint l1) = Classify(Vector256.LoadUnsafe(ref origin, at + 16));
            (uint s2, uint w2, uint l2) = Classify(Vector256.LoadUnsafe(ref origin, at + 32));
            (uint s3, uint w3, uint l3) = Classify(Vector256.LoadUnsafe(ref origin, at + 48));
            _spaceMask = s0 | ((ulong)s1 << 16) | ((ulong)s2 << 32) | ((ulong)s3 << 48);
            _wordMask = w0 | ((ulong)w1 << 16) | ((ulong)w2 << 32) | ((ulong)w3 << 48);
            _letterMask = l0 | ((ulong)l1 << 16) | ((ulong)l2 << 32) | ((ulong)l3 << 48);
            return;
        }

        ulong space = 0;
        ulong word = 0;
        ulong letter = 0;
        int count = Math.Min(BlockSize, text.Length - start);
        for (int k = 0; k < count; k++)
        {
            char c = text[start + k];
            if (c < 128)
            {
                byte flags = CharInfo.AsciiFlags(c);
                if ((flags & CharInfo.Space) != 0)
                {
                    space |= 1UL << k;
                }
                else if ((flags & CharInfo.WordChar) != 0)
                {
                    word |= 1UL << k;
                    if ((flags & CharInfo.Letter) != 0)
                    {
                        letter |= 1UL << k;
                    }
                }
            }
        }

        // Past the end of the text counts as whitespace, so that the fast path never reads beyond it.
        if (count < BlockSize)
        {
            space |= ulong.MaxValue << count;
        }

        _spaceMask = space;
        _wordMask = word;
        _letterMask = letter;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (uint Space, uint Word, uint Letter) Classify(Vector256<ushort> v)
    {
        Vector256<ushort> letter = Vector256.LessThanOrEqual((v | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)('z' - 'a')));
        Vector256<ushort> digit = Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'0'), Vector256.Create((ushort)9));
        Vector256<ushort> space = Vector256.Equals(v, Vector256.Create((ushort)' ')) | Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'\t'), Vector256.Create((ushort)('\r' - '\t')));
        return (space.ExtractMostSignificantBits(), (letter | digit).ExtractMostSignificantBits(), letter.ExtractMostSignificantBits());
    }
}
