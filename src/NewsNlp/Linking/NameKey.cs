using System.Globalization;
using System.Text;

namespace NewsNlp.Linking;

/// <summary>
/// Lookup keys of names. <see cref="Fold"/> ignores case, diacritics, periods, apostrophes, other punctuation and a
/// leading <c>the</c> (<c>U.S.</c> = <c>US</c>, <c>Erdoğan</c> = <c>Erdogan</c>); <see cref="Skeleton"/> also
/// ignores vowels and doubled letters after each word's first letter, so that transliteration variants meet
/// (<c>Gorbachev</c>, <c>Gorbachov</c>; <c>Kharkiv</c>, <c>Kharkov</c>; <c>Tchaikovsky</c>, <c>Tchaikowsky</c>).
/// </summary>
internal static class NameKey
{
    /// <summary>Canonical decomposition; a lone surrogate (which <see cref="string.Normalize(NormalizationForm)"/> refuses) becomes U+FFFD.</summary>
    private static string Decompose(ReadOnlySpan<char> name)
    {
        if (!name.ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return name.ToString().Normalize(NormalizationForm.FormD);
        }

        var builder = new StringBuilder(name.Length);
        foreach (Rune rune in name.EnumerateRunes())
        {
            builder.Append(rune.ToString());
        }

        return builder.ToString().Normalize(NormalizationForm.FormD);
    }

    /// <summary>The folded key of a name: lowercase words of letters and digits, single spaces.</summary>
    public static string Fold(ReadOnlySpan<char> name)
    {
        string decomposed = Decompose(name);
        var builder = new StringBuilder(decomposed.Length);
        bool space = false;
        foreach (char c in decomposed)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                space = false;
                AppendFolded(builder, char.ToLowerInvariant(c));
            }
            else if (c is not ('.' or '\'' or '\u2019' or '\u2018' or '\u02BC' or '`'))
            {
                space = true;
            }
        }

        if (builder.Length > 4 && builder[0] == 't' && builder[1] == 'h' && builder[2] == 'e' && builder[3] == ' ')
        {
            builder.Remove(0, 4);
        }

        return builder.ToString();
    }

    /// <summary>The skeleton of a folded key: per word, the first letter and then the consonants, doubled letters once.</summary>
    public static string Skeleton(string folded)
    {
        var builder = new StringBuilder(folded.Length);
        bool wordStart = true;
        foreach (char c in folded)
        {
            if (c == ' ')
            {
                builder.Append(' ');
                wordStart = true;
                continue;
            }

            char k = c switch { 'w' => 'v', 'q' => 'k', 'c' => 'k', _ => c };
            if (!wordStart && k is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'h' or 'j')
            {
                continue;
            }

            if (wordStart || builder.Length == 0 || builder[^1] != k)
            {
                builder.Append(k);
            }

            wordStart = false;
        }

        return builder.ToString();
    }

    /// <summary>The letters of a skeleton, spaces not counted.</summary>
    public static int Weight(string skeleton) => skeleton.Length - skeleton.AsSpan().Count(' ');

    private static void AppendFolded(StringBuilder builder, char c)
    {
        switch (c)
        {
            case 'ß':
                builder.Append("ss");
                break;
            case 'æ':
                builder.Append("ae");
                break;
            case 'œ':
                builder.Append("oe");
                break;
            case 'ø':
                builder.Append('o');
                break;
            case 'đ':
            case 'ð':
                builder.Append('d');
                break;
            case 'ł':
                builder.Append('l');
                break;
            case 'ı':
                builder.Append('i');
                break;
            default:
                builder.Append(c);
                break;
        }
    }
}
