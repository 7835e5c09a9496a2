using System.Globalization;
using System.Runtime.CompilerServices;

namespace NewsNlp.Tokenization;

/// <summary>Character classes for the tokenizer: a table for ASCII, Unicode categories beyond.</summary>
internal static class CharInfo
{
    internal const byte Space = 1;
    internal const byte Letter = 2;
    internal const byte Digit = 4;
    internal const byte Upper = 8;
    internal const byte WordChar = Letter | Digit;

    private static readonly byte[] Ascii = BuildAscii();

    private static readonly TokenKind[] SingleKinds = BuildSingleKinds();

    private static TokenKind[] BuildSingleKinds()
    {
        // Word marks "not a one-character token: let the scanner decide".
        var kinds = new TokenKind[128];
        for (int c = 0; c < 128; c++)
        {
            kinds[c] = c < 32 || c == 127 ? TokenKind.Other
                : char.IsLetterOrDigit((char)c) || char.IsWhiteSpace((char)c) ? TokenKind.Word
                : char.IsPunctuation((char)c) && c != '%' ? TokenKind.Punctuation
                : TokenKind.Symbol;
        }

        foreach (char c in ".!?-@#")
        {
            kinds[c] = TokenKind.Word;
        }

        return kinds;
    }

    /// <summary>The kind of an ASCII character that is always a token of its own, or <see cref="TokenKind.Word"/> when the scanner must decide.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TokenKind SingleCharKind(char c) => SingleKinds[c];

    /// <summary>ASCII letters and digits, for vectorised scans over word characters.</summary>
    internal static readonly System.Buffers.SearchValues<char> AsciiWordChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    private static byte[] BuildAscii()
    {
        var t = new byte[128];
        foreach (char c in " \t\n\r\v\f")
        {
            t[c] = Space;
        }

        for (char c = 'a'; c <= 'z'; c++)
        {
            t[c] = Letter;
        }

        for (char c = 'A'; c <= 'Z'; c++)
        {
            t[c] = Letter | Upper;
        }

        for (char c = '0'; c <= '9'; c++)
        {
            t[c] = Digit;
        }

        return t;
    }

    /// <summary>The class flags of an ASCII character (<paramref name="c"/> &lt; 128).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static byte AsciiFlags(char c) => Ascii[c];

    /// <summary>
    /// Whether a plain ASCII word ends for good before <paramref name="c"/>: true for whitespace and punctuation that
    /// no rule joins to a word; false for <c>. ' - @ : &amp; _ + %</c> and non-ASCII characters, which the rules must see.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool EndsPlainWord(char c) => c < 128 && (c >= 64 ? c is not ('_' or '@') : ((1UL << c) & JoinersBelow64) == 0);

    private const ulong JoinersBelow64 = (1UL << '%') | (1UL << '&') | (1UL << '\'') | (1UL << '+') | (1UL << '-') | (1UL << '.') | (1UL << ':');

    /// <summary>An ASCII letter or digit, tested without a table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsAsciiLetterOrDigit(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsWhiteSpace(char c) => c < 128 ? (Ascii[c] & Space) != 0 : c >= 0x85 && char.IsWhiteSpace(c);

    /// <summary>A letter, digit or combining mark that continues a word (CJK ideographs excluded: they are tokens of their own).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsWordChar(char c) => c < 128 ? (Ascii[c] & WordChar) != 0 : IsNonAsciiWordChar(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsLetter(char c) => c < 128 ? (Ascii[c] & Letter) != 0 : IsNonAsciiLetter(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsDigit(char c) => c < 128 ? (Ascii[c] & Digit) != 0 : c >= 0x660 && char.IsDigit(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsUpper(char c) => c < 128 ? (Ascii[c] & Upper) != 0 : char.IsUpper(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsLower(char c) => c < 128 ? (uint)(c - 'a') <= 'z' - 'a' : char.IsLower(c);

    internal static bool IsNonAsciiLetter(char c) => char.IsLetter(c) && !IsIdeograph(c);

    internal static bool IsNonAsciiWordChar(char c)
    {
        if (char.IsSurrogate(c) || IsIdeograph(c))
        {
            return false;
        }

        UnicodeCategory cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
            // Soft hyphen, zero-width joiner and non-joiner stay inside a word.
            UnicodeCategory.Format => c is '\u00AD' or '\u200C' or '\u200D',
            _ => false,
        };
    }

    /// <summary>A CJK ideograph in the basic plane (unified, extension A, compatibility).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsIdeograph(char c) =>
        (uint)(c - 0x4E00) <= 0x9FFF - 0x4E00 || (uint)(c - 0x3400) <= 0x4DBF - 0x3400 || (uint)(c - 0xF900) <= 0xFAFF - 0xF900 || c == '\u3007';

    /// <summary>A supplementary-plane code point that is a CJK ideograph (planes 2 and 3).</summary>
    internal static bool IsIdeograph(int codePoint) => codePoint is >= 0x20000 and <= 0x3FFFF;

    /// <summary>A hyphen that joins the parts of a word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsJoiningHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    /// <summary>Closing quotes and brackets that stay with the sentence they close.</summary>
    internal static bool IsCloser(char c) => c is '"' or '\'' or '\u201D' or '\u2019' or ')' or ']' or '}' or '\u00BB' or '\u203A';

    /// <summary>Opening quotes and brackets.</summary>
    internal static bool IsOpener(char c) => c is '"' or '\'' or '\u201C' or '\u2018' or '(' or '[' or '{' or '\u00AB' or '\u2039' or '\u201E';

    /// <summary>Characters that end a sentence.</summary>
    internal static bool IsTerminal(char c) => c is '.' or '!' or '?' or '\u2026' or '\u203C' or '\u2047' or '\u2048' or '\u2049' or '\u3002' or '\uFF01' or '\uFF1F';
}
