using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;

namespace NewsNlp.Text;

/// <summary>
/// Repairs news text without changing it: mojibake, HTML character references and Unicode hygiene become
/// <see cref="TextRepair"/>s, boilerplate lines become <see cref="BoilerplateSpan"/>s, and the result is a
/// <see cref="CleanText"/> with a map back to the original offsets. Immutable and thread-safe.
/// </summary>
/// <remarks>The rules, with examples, are in docs/text-repair.md.</remarks>
public sealed class TextCleaner
{
    /// <summary>Characters that need no attention: printable ASCII but '&amp;', tab, line feed, carriage return.</summary>
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        "\t\n\r !\"#$%'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private static readonly Encoding Cp1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
    private static readonly Encoding Cp1251 = CodePagesEncodingProvider.Instance.GetEncoding(1251, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
    private static readonly Encoding Gbk = CodePagesEncodingProvider.Instance.GetEncoding(936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
    private static readonly Encoding LenientCp1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private readonly TextCleanerOptions _options;

    /// <summary>Creates a cleaner.</summary>
    /// <param name="options">What to do.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public TextCleaner(TextCleanerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>The cleaner with every repair and boilerplate detection on.</summary>
    public static TextCleaner Default { get; } = new(new TextCleanerOptions());

    /// <summary>The clean view of a text that is read as it is, with the boilerplate the caller knows.</summary>
    internal static CleanText Identity(string text, IReadOnlyList<BoilerplateSpan>? knownBoilerplate = null) =>
        new(text, text, [], [], MergeBoilerplate(text, knownBoilerplate, []));

    /// <summary>Cleans <paramref name="text"/>.</summary>
    /// <param name="text">The text; never changed.</param>
    /// <param name="cancellationToken">Checked between lines of work.</param>
    /// <returns>The clean view with its repairs and boilerplate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public CleanText Clean(string text, CancellationToken cancellationToken = default) => Clean(text, null, cancellationToken);

    /// <summary>Cleans <paramref name="text"/>, some of whose boilerplate is already known (from HTML markup, say).</summary>
    /// <param name="text">The text; never changed.</param>
    /// <param name="knownBoilerplate">Boilerplate spans by offsets into <paramref name="text"/>; detected lines that overlap them are dropped.</param>
    /// <param name="cancellationToken">Checked between lines of work.</param>
    /// <returns>The clean view with its repairs and boilerplate (known and detected, in text order).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A known span lies outside <paramref name="text"/>.</exception>
    public CleanText Clean(string text, IReadOnlyList<BoilerplateSpan>? knownBoilerplate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        bool repair = _options.RepairMojibake || _options.DecodeHtmlEntities || _options.NormalizeUnicode;
        int first = repair ? text.AsSpan().IndexOfAnyExcept(Plain) : -1;
        string clean = text;
        CleanText.Edit[] edits = [];
        TextRepair[] repairs = [];
        if (first >= 0)
        {
            (clean, edits, repairs) = Repair(text, first, cancellationToken);
        }

        BoilerplateSpan[] boilerplate = [];
        if (_options.DetectBoilerplate)
        {
            var map = new CleanText(text, clean, edits, repairs, []);
            boilerplate = BoilerplateDetector.Detect(clean, cancellationToken)
                .Select(b =>
                {
                    (int s, int e) = map.ToOriginal(b.Start, b.End);
                    return b with { Start = s, End = e };
                })
                .ToArray();
        }

        return new CleanText(text, clean, edits, repairs, MergeBoilerplate(text, knownBoilerplate, boilerplate));
    }

    /// <summary>Known spans first, then detected spans that overlap none of them; sorted, without overlaps.</summary>
    private static BoilerplateSpan[] MergeBoilerplate(string text, IReadOnlyList<BoilerplateSpan>? known, BoilerplateSpan[] detected)
    {
        if (known is null || known.Count == 0)
        {
            return detected;
        }

        var merged = new List<BoilerplateSpan>(known.Count + detected.Length);
        foreach (BoilerplateSpan b in known)
        {
            if (b.Start < 0 || b.End < b.Start || b.End > text.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(known), $"Boilerplate span {b.Start}..{b.End} lies outside the text (length {text.Length}).");
            }

            if (b.End > b.Start)
            {
                merged.Add(b);
            }
        }

        merged.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        int kept = 0;
        for (int i = 0; i < merged.Count; i++)
        {
            if (kept > 0 && merged[i].Start < merged[kept - 1].End)
            {
                BoilerplateSpan last = merged[kept - 1];
                merged[kept - 1] = last with { End = Math.Max(last.End, merged[i].End) };
                continue;
            }

            merged[kept++] = merged[i];
        }

        merged.RemoveRange(kept, merged.Count - kept);
        var result = new List<BoilerplateSpan>(merged.Count + detected.Length);
        int k = 0;
        foreach (BoilerplateSpan d in detected)
        {
            while (k < merged.Count && merged[k].End <= d.Start)
            {
                result.Add(merged[k++]);
            }

            if (k < merged.Count && merged[k].Start < d.End)
            {
                continue;
            }

            result.Add(d);
        }

        result.AddRange(merged.Skip(k));
        return [.. result];
    }

    private (string Clean, CleanText.Edit[] Edits, TextRepair[] Repairs) Repair(string text, int first, CancellationToken cancellationToken)
    {
        // Only the repairs are collected while scanning; the clean string is built once at the end, so that text
        // which needs nothing (or little) is not copied character by character.
        var repairs = new List<TextRepair>();
        int i = first;
        int n = text.Length;
        while (i < n)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            int plain = text.AsSpan(i).IndexOfAnyExcept(Plain);
            if (plain < 0)
            {
                break;
            }

            i += plain;
            char c = text[i];

            // A combining mark after a plain letter: take the letter back so that the pair can be composed (NFC).
            if (_options.NormalizeUnicode && i > 0 && (repairs.Count == 0 || repairs[^1].End < i) && char.IsAsciiLetter(text[i - 1]) && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                i--;
                int marksEnd = i + 1;
                while (marksEnd < n && CharUnicodeInfo.GetUnicodeCategory(text[marksEnd]) == UnicodeCategory.NonSpacingMark)
                {
                    marksEnd++;
                }

                string run = text[i..marksEnd];
                if (!run.IsNormalized(NormalizationForm.FormC))
                {
                    string composed = run.Normalize(NormalizationForm.FormC);
                    repairs.Add(new TextRepair(i, marksEnd, run, composed, RepairKind.Unicode));
                }

                i = marksEnd;
                continue;
            }

            int end = i + 1;
            string? replacement;
            RepairKind kind;
            if (c == '&')
            {
                (end, replacement) = _options.DecodeHtmlEntities ? Entity(text, i) : (i + 1, null);
                kind = RepairKind.HtmlEntity;
            }
            else if (_options.RepairMojibake && TryMojibake(text, i, out end, out replacement))
            {
                kind = RepairKind.Mojibake;
            }
            else if (_options.RepairMojibake && end > i + 1)
            {
                // A suspicious run that is not mojibake: hygiene char by char, then go on after the run (linear time).
                int runEnd = end;
                while (i < runEnd)
                {
                    (int e, string? r) = _options.NormalizeUnicode ? Hygiene(text, i) : (i + 1, null);
                    e = Math.Max(e, i + 1);
                    if (r is not null)
                    {
                        repairs.Add(new TextRepair(i, e, text[i..e], r, RepairKind.Unicode));
                    }

                    i = e;
                }

                continue;
            }
            else
            {
                (end, replacement) = _options.NormalizeUnicode ? Hygiene(text, i) : (i + 1, null);
                kind = RepairKind.Unicode;
            }

            if (replacement is not null)
            {
                // A repaired run may itself need hygiene (a decoded &nbsp;, a mojibake no-break space).
                if (_options.NormalizeUnicode && kind != RepairKind.Unicode)
                {
                    replacement = Tidy(replacement);
                }

                repairs.Add(new TextRepair(i, end, text[i..end], replacement, kind));
            }

            i = end;
        }

        if (repairs.Count == 0)
        {
            return (text, [], []);
        }

        int length = text.Length;
        foreach (TextRepair r in repairs)
        {
            length += r.Repaired.Length - (r.End - r.Start);
        }

        var output = new StringBuilder(length);
        var edits = new CleanText.Edit[repairs.Count];
        int copied = 0;
        for (int k = 0; k < repairs.Count; k++)
        {
            TextRepair r = repairs[k];
            output.Append(text, copied, r.Start - copied);
            edits[k] = new CleanText.Edit(r.Start, r.End, output.Length, output.Length + r.Repaired.Length);
            output.Append(r.Repaired);
            copied = r.End;
        }

        output.Append(text, copied, text.Length - copied);
        return (output.ToString(), edits, [.. repairs]);
    }

    /// <summary>An HTML character reference at <paramref name="i"/>: its end and its decoded text, or null.</summary>
    private static (int End, string? Replacement) Entity(string text, int i)
    {
        int limit = Math.Min(text.Length, i + 33);
        int j = i + 1;
        while (j < limit && (char.IsAsciiLetterOrDigit(text[j]) || (j == i + 1 && text[j] == '#') || (j == i + 2 && text[j] is 'x' or 'X' && text[i + 1] == '#')))
        {
            j++;
        }

        if (j < limit && text[j] == ';' && j > i + 1)
        {
            string reference = text[i..(j + 1)];
            string decoded = WebUtility.HtmlDecode(reference);
            if (decoded != reference && !decoded.Contains('\uFFFD', StringComparison.Ordinal))
            {
                return (j + 1, decoded);
            }
        }

        return (i + 1, null);
    }

    /// <summary>
    /// Mojibake starting at <paramref name="i"/>: a run that re-encodes with the wrong codec to valid UTF-8 and reads
    /// better. cp1252/latin-1: a run of characters that cp1252 writes with bytes 0x80-0xFF; GBK: CJK characters inside a
    /// Latin word; cp1251: Cyrillic pairs that all begin with Р or С (the UTF-8 lead bytes of Cyrillic).
    /// </summary>
    private static bool TryMojibake(string text, int i, out int end, out string? replacement)
    {
        end = i + 1;
        replacement = null;
        char c = text[i];
        if (HighByteCp1252(c) >= 0)
        {
            int j = i;
            while (j < text.Length && HighByteCp1252(text[j]) >= 0)
            {
                j++;
            }

            if (j - i >= 2 && j - i <= 256 && DecodeRun(text.AsSpan(i, j - i), static ch => HighByteCp1252(ch)) is { } fixedText && IsPlausible(fixedText))
            {
                // Layered mojibake (encoded twice) decodes again.
                while (fixedText.Length >= 2 && fixedText.All(ch => HighByteCp1252(ch) >= 0) && DecodeRun(fixedText, static ch => HighByteCp1252(ch)) is { } again && IsPlausible(again))
                {
                    fixedText = again;
                }

                end = j;
                replacement = fixedText;
                return true;
            }

            end = j;
            return false;
        }

        if (IsCjk(c) && ((i > 0 && char.IsAsciiLetter(text[i - 1])) || (i + 1 < text.Length && char.IsAsciiLetter(text[i + 1]) && !IsCjk(text[i + 1]))))
        {
            int j = i;
            while (j < text.Length && IsCjk(text[j]))
            {
                j++;
            }

            bool latinBefore = i > 0 && char.IsAsciiLetter(text[i - 1]);
            bool latinAfter = j < text.Length && char.IsAsciiLetter(text[j]);
            if ((latinBefore || latinAfter) && j - i <= 16)
            {
                try
                {
                    byte[] bytes = Gbk.GetBytes(text, i, j - i);
                    string decoded = StrictUtf8.GetString(bytes);
                    if (decoded.Length > 0 && decoded.All(ch => ch is >= '\u00C0' and <= '\u024F' || ch is '\u2019' or '\u2018' or '\u201C' or '\u201D' or '\u2013' or '\u2014'))
                    {
                        end = j;
                        replacement = decoded;
                        return true;
                    }
                }
                catch (EncoderFallbackException)
                {
                }
                catch (DecoderFallbackException)
                {
                }
            }

            end = j;
            return false;
        }

        if (c is 'Р' or 'С')
        {
            int j = i;
            while (j + 1 < text.Length && text[j] is 'Р' or 'С' && Cp1251High(text[j + 1]))
            {
                j += 2;
            }

            if (j - i >= 4 && j - i <= 512)
            {
                try
                {
                    string decoded = StrictUtf8.GetString(Cp1251.GetBytes(text, i, j - i));
                    if (decoded.All(ch => ch is >= '\u0400' and <= '\u04FF'))
                    {
                        end = j;
                        replacement = decoded;
                        return true;
                    }
                }
                catch (EncoderFallbackException)
                {
                }
                catch (DecoderFallbackException)
                {
                }
            }

            end = Math.Max(i + 1, j);
        }

        return false;
    }

    /// <summary>Re-encodes a run with <paramref name="toByte"/> and decodes it as UTF-8; null when that is not valid UTF-8.</summary>
    private static string? DecodeRun(ReadOnlySpan<char> run, Func<char, int> toByte)
    {
        Span<byte> bytes = run.Length <= 256 ? stackalloc byte[run.Length] : new byte[run.Length];
        for (int k = 0; k < run.Length; k++)
        {
            bytes[k] = (byte)toByte(run[k]);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>A decoded run reads better: no controls and no replacement characters.</summary>
    private static bool IsPlausible(string s)
    {
        foreach (char ch in s)
        {
            if (char.IsControl(ch) || ch == '\uFFFD' || ch is >= '\u0080' and <= '\u009F')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The byte (0x80-0xFF) that cp1252 (or latin-1, for cp1252's five unused bytes) writes for <paramref name="c"/>, else -1.</summary>
    private static int HighByteCp1252(char c)
    {
        if (c is >= '\u00A0' and <= '\u00FF')
        {
            return c;
        }

        if (c is >= '\u0080' and <= '\u009F')
        {
            return c; // latin-1 reading of bytes cp1252 leaves unused (0x81, 0x8D, 0x8F, 0x90, 0x9D)
        }

        return c switch
        {
            '€' => 0x80, '‚' => 0x82, 'ƒ' => 0x83, '„' => 0x84, '…' => 0x85, '†' => 0x86, '‡' => 0x87, 'ˆ' => 0x88, '‰' => 0x89, 'Š' => 0x8A,
            '‹' => 0x8B, 'Œ' => 0x8C, 'Ž' => 0x8E, '‘' => 0x91, '’' => 0x92, '“' => 0x93, '”' => 0x94, '•' => 0x95, '–' => 0x96, '—' => 0x97,
            '˜' => 0x98, '™' => 0x99, 'š' => 0x9A, '›' => 0x9B, 'œ' => 0x9C, 'ž' => 0x9E, 'Ÿ' => 0x9F,
            _ => -1,
        };
    }

    private static readonly bool[] Cp1251HighChars = BuildCp1251High();

    private static bool[] BuildCp1251High()
    {
        var table = new bool[0x2200];
        Encoding lenient = CodePagesEncodingProvider.Instance.GetEncoding(1251)!;
        for (int b = 0x80; b <= 0xFF; b++)
        {
            char ch = lenient.GetString([(byte)b])[0];
            if (ch < table.Length)
            {
                table[ch] = true;
            }
        }

        return table;
    }

    private static bool Cp1251High(char c) => c < Cp1251HighChars.Length && Cp1251HighChars[c];

    private static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uE000' and <= '\uF8FF';

    /// <summary>Unicode hygiene for the character at <paramref name="i"/> (and a combining sequence after it): its end and replacement, or null.</summary>
    private static (int End, string? Replacement) Hygiene(string text, int i)
    {
        char c = text[i];
        switch (c)
        {
            case '\u200B' or '\uFEFF' or '\u2060' or '\u00AD':
                return (i + 1, "");
            case '\u00A0' or '\u2007' or '\u202F' or '\u205F' or '\u3000' or (>= '\u2000' and <= '\u200A'):
                return (i + 1, " ");
        }

        if (c == '\u0085')
        {
            return (i + 1, " "); // next line: a line break, not the cp1252 ellipsis
        }

        if (c == '\u0085')
        {
            return (i + 1, " "); // next line: a line break, not the cp1252 ellipsis
        }

        if (c is >= '\u0080' and <= '\u009F')
        {
            // Text in cp1252 read as latin-1: U+0092 was a right single quote. Bytes cp1252 leaves unused are dropped.
            int b = c;
            string decoded = LenientCp1252.GetString(new[] { (byte)b });
            return (i + 1, decoded.Length == 1 && decoded[0] != c && decoded[0] >= '\u00A0' ? decoded : "");
        }

        if (c < 0x20 || c == '\u007F')
        {
            return (i + 1, "");
        }

        // NFC: a letter followed by combining marks that compose.
        int j = i + 1;
        while (j < text.Length && CharUnicodeInfo.GetUnicodeCategory(text[j]) == UnicodeCategory.NonSpacingMark)
        {
            j++;
        }

        if (j > i + 1 && !char.IsSurrogate(c))
        {
            string run = text[i..j];
            if (!run.IsNormalized(NormalizationForm.FormC))
            {
                return (j, run.Normalize(NormalizationForm.FormC));
            }
        }

        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            return (i + 2, null);
        }

        return (i + 1, null);
    }

    /// <summary>Hygiene inside a decoded replacement (no map needed: it is one repair).</summary>
    private static string Tidy(string s)
    {
        if (s.AsSpan().IndexOfAnyExcept(Plain) < 0)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        for (int k = 0; k < s.Length;)
        {
            (int end, string? r) = Hygiene(s, k);
            sb.Append(r ?? s[k..end]);
            k = end;
        }

        return sb.ToString();
    }
}
