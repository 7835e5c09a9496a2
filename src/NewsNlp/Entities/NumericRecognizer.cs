using System.Collections.Frozen;
using NewsNlp.Tokenization;

namespace NewsNlp.Entities;

/// <summary>
/// Deterministic recognisers for numeric entities over tokens: MONEY (<c>$190 billion</c>, <c>50 billion reais</c>),
/// PERCENT (<c>30%</c>, <c>12 per cent</c>), QUANTITY (<c>34 km</c>), ORDINAL (<c>first</c>, <c>3rd</c>), a bare year
/// as DATE, and CARDINAL for the remaining numbers and number words.
/// </summary>
internal static class NumericRecognizer
{
    private static readonly FrozenSet<string> Scales = Set("hundred", "thousand", "million", "billion", "trillion", "bn", "mn", "m", "k", "tn", "crore", "lakh");

    private static readonly FrozenSet<string> CurrencyWords = Set(
        "dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yuan", "renminbi", "rouble", "roubles", "ruble", "rubles", "real", "reais",
        "yen", "rupee", "rupees", "won", "peso", "pesos", "franc", "francs", "lira", "liras", "hryvnia", "hryvnias", "rand", "dirham", "dirhams", "riyal",
        "riyals", "shekel", "shekels", "naira", "baht", "ringgit", "rupiah", "dong", "krona", "kronor", "krone", "kroner", "usd", "eur", "gbp", "cny", "jpy",
        "rub", "inr", "brl", "cents", "cent");

    private static readonly FrozenSet<string> Units = Set(
        "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "m", "metres", "meters", "metre", "meter", "cm", "mm", "feet", "foot", "ft",
        "inches", "kg", "kilograms", "kilos", "tonnes", "tons", "tonne", "ton", "lb", "lbs", "pounds", "grams", "g", "barrels", "barrel", "bpd", "litres", "liters",
        "gallons", "acres", "hectares", "sq", "square", "degrees", "mph", "km/h", "kph", "knots", "mw", "gw", "kw", "megawatts", "gigawatts", "kwh");

    private static readonly FrozenSet<string> PercentWords = Set("percent", "pct", "%");

    private static readonly FrozenSet<string> NumberWords = Set(
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
        "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million",
        "billion", "trillion", "dozen", "dozens", "hundreds", "thousands", "millions", "billions");

    private static readonly FrozenSet<string> Ordinals = Set(
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
        "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "hundredth", "thousandth");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ScalesLookup = Scales.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CurrencyLookup = CurrencyWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UnitsLookup = Units.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PercentLookup = PercentWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NumberWordsLookup = NumberWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrdinalsLookup = Ordinals.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static bool In(FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> set, ReadOnlySpan<char> word) => word.Length <= 12 && set.Contains(word);

    /// <summary>Adds numeric mentions for the tokens of one sentence not already covered (<paramref name="covered"/>, per sentence token).</summary>
    public static void Recognize(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int firstToken, Span<bool> covered, List<EntityMention> destination)
    {
        int n = tokens.Length;
        int i = 0;
        while (i < n)
        {
            if (covered[i])
            {
                i++;
                continue;
            }

            ReadOnlySpan<char> w = tokens[i].GetText(text);
            int start = i;
            EntityLabel? label = null;
            int end = i; // inclusive

            bool currencySymbol = tokens[i].Kind == TokenKind.Symbol && w.Length == 1 && char.GetUnicodeCategory(w[0]) == System.Globalization.UnicodeCategory.CurrencySymbol;
            bool usDollar = w is "US$" || (w is "US" && i + 1 < n && tokens[i + 1].GetText(text) is "$");
            if ((currencySymbol || usDollar) && i + 1 < n)
            {
                int j = i + 1;
                if (usDollar && tokens[j].GetText(text) is "$")
                {
                    j++;
                }

                if (j < n && IsNumber(text, tokens[j]) && !covered[j])
                {
                    end = ExtendScale(text, tokens, j, covered);
                    label = EntityLabel.Money;
                }
            }
            else if (IsNumber(text, tokens[i]))
            {
                end = ExtendScale(text, tokens, i, covered);
                ReadOnlySpan<char> after = end + 1 < n && !covered[end + 1] ? tokens[end + 1].GetText(text) : default;
                if (!after.IsEmpty && In(PercentLookup, after))
                {
                    end++;
                    label = EntityLabel.Percent;
                }
                else if (!after.IsEmpty && after.Equals("per", StringComparison.OrdinalIgnoreCase) && end + 2 < n && tokens[end + 2].GetText(text).Equals("cent", StringComparison.OrdinalIgnoreCase))
                {
                    end += 2;
                    label = EntityLabel.Percent;
                }
                else if (!after.IsEmpty && In(CurrencyLookup, after))
                {
                    end++;
                    label = EntityLabel.Money;
                }
                else if (!after.IsEmpty && In(UnitsLookup, after) && !(after is "m" && end > i))
                {
                    end++;
                    label = EntityLabel.Quantity;
                }
                else if (end == i && IsYear(w))
                {
                    label = EntityLabel.Date;
                }
                else if (IsOrdinalNumber(w))
                {
                    label = EntityLabel.Ordinal;
                }
                else
                {
                    label = EntityLabel.Cardinal;
                }
            }
            else if (In(OrdinalsLookup, w))
            {
                label = EntityLabel.Ordinal;
            }

            if (label is { } found)
            {
                int startChar = tokens[start].Start;
                destination.Add(new EntityMention(startChar, tokens[end].End - startChar, firstToken + start, end - start + 1, found, 0.9f));
                for (int k = start; k <= end; k++)
                {
                    covered[k] = true;
                }

                i = end + 1;
            }
            else
            {
                i++;
            }
        }
    }

    private static bool IsNumber(ReadOnlySpan<char> text, Token t)
    {
        ReadOnlySpan<char> w = t.GetText(text);
        if (t.Kind == TokenKind.Number)
        {
            // 12-point, 1990s are not plain numbers; 1,000 and 29.3 and 3rd are.
            foreach (char c in w)
            {
                if (c is '-' or ':' || (char.IsLetter(c) && !IsOrdinalNumber(w) && w[^1] is not ('m' or 'k' or 'n')))
                {
                    return false;
                }
            }

            return true;
        }

        return In(NumberWordsLookup, w);
    }

    private static bool IsOrdinalNumber(ReadOnlySpan<char> w) =>
        w.Length >= 3 && char.IsDigit(w[0]) && (w.EndsWith("st", StringComparison.OrdinalIgnoreCase) || w.EndsWith("nd", StringComparison.OrdinalIgnoreCase)
            || w.EndsWith("rd", StringComparison.OrdinalIgnoreCase) || w.EndsWith("th", StringComparison.OrdinalIgnoreCase));

    private static bool IsYear(ReadOnlySpan<char> w) => w.Length == 4 && int.TryParse(w, out int y) && y is >= 1800 and <= 2100;

    private static int ExtendScale(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i, Span<bool> covered)
    {
        int end = i;
        while (end + 1 < tokens.Length && !covered[end + 1] && In(ScalesLookup, tokens[end + 1].GetText(text)) && tokens[end + 1].GetText(text) is not ("m" or "k") )
        {
            end++;
        }

        return end;
    }
}
