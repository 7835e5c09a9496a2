using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NewsNlp.Serialization;

/// <summary>
/// Writes strings that come from the input. <see cref="Utf8JsonWriter"/> replaces a lone surrogate with U+FFFD,
/// which would change the text that every offset points into; here such a string is written with <c>\uXXXX</c>
/// escapes instead (valid JSON that a parser reads back to the same UTF-16 string).
/// </summary>
internal static class JsonText
{
    public static void WriteString(Utf8JsonWriter writer, string name, string value)
    {
        if (!HasLoneSurrogate(value))
        {
            writer.WriteString(name, value);
            return;
        }

        writer.WritePropertyName(name);
        writer.WriteRawValue(Escape(value), skipInputValidation: true);
    }

    public static void WriteStringValue(Utf8JsonWriter writer, string value)
    {
        if (!HasLoneSurrogate(value))
        {
            writer.WriteStringValue(value);
            return;
        }

        writer.WriteRawValue(Escape(value), skipInputValidation: true);
    }

    internal static bool HasLoneSurrogate(ReadOnlySpan<char> s)
    {
        int i = s.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (i < 0)
        {
            return false;
        }

        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length + 16);
        sb.Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                sb.Append(c).Append(value[++i]);
            }
            else if (c is '"' or '\\')
            {
                sb.Append('\\').Append(c);
            }
            else if (c < 0x20 || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\u007F')
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.Append('"').ToString();
    }
}
