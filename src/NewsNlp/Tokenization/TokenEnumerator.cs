using System.Runtime.InteropServices;

namespace NewsNlp.Tokenization;

/// <summary>
/// Enumerates the tokens of a text. A ref struct: use it in <c>foreach</c>; it allocates nothing.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public ref struct TokenEnumerator
{
    private readonly Tokenizer _tokenizer;
    private readonly ReadOnlySpan<char> _text;
    private int _position;
    private Token _pending;
    private Token _current;

    internal TokenEnumerator(Tokenizer tokenizer, ReadOnlySpan<char> text)
    {
        _tokenizer = tokenizer;
        _text = text;
        _position = 0;
        _pending = default;
        _current = default;
    }

    /// <summary>The current token.</summary>
    public readonly Token Current => _current;

    /// <summary>Returns this enumerator, so that it can be used in <c>foreach</c>.</summary>
    /// <returns>This enumerator.</returns>
    public readonly TokenEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next token.</summary>
    /// <returns><see langword="true"/> when there is a token; <see langword="false"/> at the end of the text.</returns>
    public bool MoveNext()
    {
        if (_pending.Length != 0)
        {
            _current = _pending;
            _position = _pending.End;
            _pending = default;
            return true;
        }

        ReadOnlySpan<char> text = _text;
        int i = _position;
        while (i < text.Length && CharInfo.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i >= text.Length)
        {
            _position = i;
            return false;
        }

        _current = _tokenizer.Scan(text, i, out _pending);
        _position = _current.End;
        return true;
    }
}
