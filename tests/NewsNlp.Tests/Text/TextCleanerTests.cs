using System.Text;
using CsCheck;
using NewsNlp.Text;

namespace NewsNlp.Tests.Text;

public class TextCleanerTests
{
    private static readonly Encoding Cp1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
    private static readonly Encoding Cp1251 = CodePagesEncodingProvider.Instance.GetEncoding(1251)!;
    private static readonly Encoding Gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;

    /// <summary>What a mis-configured reader makes of UTF-8 text.</summary>
    private static string Misread(string text, Encoding wrong) => wrong.GetString(Encoding.UTF8.GetBytes(text));

    private static string Clean(string text) => TextCleaner.Default.Clean(text).Text;

    [Theory]
    [InlineData("China’s foreign ministry said the trip was “useful” — and brief.")]
    [InlineData("Erdoğan met Lula in São Paulo; Zelenskyy thanked Macron for €2bn.")]
    [InlineData("Müller sagte, die Gespräche in Köln seien schwierig gewesen.")]
    public void Cp1252_mojibake_is_repaired(string genuine)
    {
        string broken = Misread(genuine, Cp1252);
        Assert.NotEqual(genuine, broken);
        Assert.Equal(genuine, Clean(broken));
    }

    [Fact]
    public void Layered_cp1252_mojibake_is_repaired()
    {
        const string genuine = "The minister’s visit";
        string twice = Misread(Misread(genuine, Cp1252), Cp1252);
        Assert.Equal(genuine, Clean(twice));
    }

    [Fact]
    public void Latin1_mojibake_of_accented_letters_is_repaired() =>
        Assert.Equal("Vladímir and José in Bogotá", Clean(Misread("Vladímir and José in Bogotá", Encoding.Latin1)));

    [Fact]
    public void Gbk_mojibake_inside_a_latin_word_is_repaired()
    {
        string broken = "Vlad" + Gbk.GetString(Encoding.UTF8.GetBytes("í")) + "mir Putin";
        Assert.Equal("Vlad\u94C6mir Putin", broken); // the shape seen in real feeds
        CleanText clean = TextCleaner.Default.Clean(broken);
        Assert.Equal("Vladímir Putin", clean.Text);
        TextRepair repair = Assert.Single(clean.Repairs);
        Assert.Equal((4, 5, "\u94C6", "í", RepairKind.Mojibake), (repair.Start, repair.End, repair.Original, repair.Repaired, repair.Kind));
    }

    [Fact]
    public void Cp1251_mojibake_is_repaired() =>
        Assert.Equal("Москва заявила", Clean(Misread("Москва заявила", Cp1251)));

    [Theory]
    [InlineData("习近平 arrived in Moscow; 茅台 is a brand.")]
    [InlineData("岸田文雄首相は東京で記者会見を開いた。")]
    [InlineData("Президент России Владимир Путин встретился с Си Цзиньпином.")]
    [InlineData("Cumhurbaşkanı Erdoğan, İstanbul'da açıklama yaptı.")]
    [InlineData("Thủ tướng Phạm Minh Chính đã tới Hà Nội.")]
    [InlineData("Le président a salué une « coopération naïve » au café.")]
    [InlineData("Die Bundesregierung begrüßt die Einigung über Zölle.")]
    [InlineData("România și Moldova; ÂNCORA; Ãgua é vida; £5, €100, ™ and © 2024.")]
    [InlineData("Ellipsis…” and dash–“quote” pairs stay.")]
    [InlineData("Pokémon, Beyoncé, Citroën, Škoda, Łódź, Ørsted.")]
    public void Genuine_text_passes_unchanged(string genuine)
    {
        CleanText clean = TextCleaner.Default.Clean(genuine);
        Assert.Equal(genuine, clean.Text);
        Assert.DoesNotContain(clean.Repairs, r => r.Kind == RepairKind.Mojibake);
    }

    [Theory]
    [InlineData("Tom &amp; Jerry", "Tom & Jerry")]
    [InlineData("It&#39;s here", "It's here")]
    [InlineData("&quot;Yes&quot;", "\"Yes\"")]
    [InlineData("China&#x2019;s", "China’s")]
    [InlineData("a&nbsp;b", "a b")]
    [InlineData("AT&T and R&D; &unknownthing; & more", "AT&T and R&D; &unknownthing; & more")]
    public void Html_character_references_are_decoded(string input, string expected) => Assert.Equal(expected, Clean(input));

    [Theory]
    [InlineData("zero\u200Bwidth", "zerowidth")]
    [InlineData("soft\u00ADhyphen", "softhyphen")]
    [InlineData("no\u00A0break\u2009thin", "no break thin")]
    [InlineData("bell\u0007and\u0085next", "belland next")]
    [InlineData("China\u0092s \u0093view\u0094 \u0081", "China’s “view” ")]
    [InlineData("Cafe\u0301 Ame\u0301lie", "Café Amélie")]
    public void Unicode_hygiene(string input, string expected) => Assert.Equal(expected, Clean(input));

    [Fact]
    public void Clean_text_is_the_same_instance_and_the_map_is_the_identity()
    {
        const string text = "Plain ASCII news text.\nSecond line.";
        CleanText clean = TextCleaner.Default.Clean(text);
        Assert.Same(text, clean.Text);
        Assert.False(clean.IsChanged);
        Assert.Equal(7, clean.ToOriginal(7));
        Assert.Empty(clean.Repairs);
    }

    [Fact]
    public void Offsets_map_back_to_the_original()
    {
        const string text = "A &amp; B met Vlad\u94C6mir in S\u00C3\u00A3o Paulo.";
        CleanText clean = TextCleaner.Default.Clean(text);
        Assert.Equal("A & B met Vladímir in São Paulo.", clean.Text);
        int cleanStart = clean.Text.IndexOf("Vladímir", StringComparison.Ordinal);
        (int s, int e) = clean.ToOriginal(cleanStart, cleanStart + "Vladímir".Length);
        Assert.Equal("Vlad\u94C6mir", text[s..e]);
        Assert.Equal(text.IndexOf("Paulo", StringComparison.Ordinal), clean.ToOriginal(clean.Text.IndexOf("Paulo", StringComparison.Ordinal)));
        Assert.Equal(clean.Text.IndexOf("Paulo", StringComparison.Ordinal), clean.ToClean(text.IndexOf("Paulo", StringComparison.Ordinal)));
    }

    private const string Alphabet = "ab &;#39amp\u00C3\u00A9\u00E2\u20AC\u2122\u94C6\u00A0\u200B\u00AD\u0301\u0007\uD800Р\u045F\n";

    [Fact]
    public void The_offset_map_is_monotonic_and_exact_outside_repairs() =>
        Gen.String[Gen.Char[Alphabet], 0, 80].Sample(text =>
        {
            CleanText clean = TextCleaner.Default.Clean(text);
            // Offset 0 maps past characters removed at the very start (zero-width spaces), else to 0.
            int leadingRemoved = 0;
            foreach (TextRepair r in clean.Repairs)
            {
                if (r.Start != leadingRemoved || r.Repaired.Length != 0)
                {
                    break;
                }

                leadingRemoved = r.End;
            }

            Assert.Equal(clean.Text.Length == 0 ? text.Length : leadingRemoved, clean.ToOriginal(0));
            Assert.Equal(text.Length, clean.ToOriginal(clean.Text.Length));
            int previous = 0;
            for (int i = 0; i <= clean.Text.Length; i++)
            {
                int o = clean.ToOriginal(i);
                Assert.True(o >= previous);
                previous = o;
                if (i < clean.Text.Length && !clean.Repairs.Any(r => r.Start <= o && o < r.End))
                {
                    Assert.Equal(text[o], clean.Text[i]);
                }
            }

            foreach (TextRepair r in clean.Repairs)
            {
                Assert.Equal(r.Original, text[r.Start..r.End]);
            }
        }, iter: 5000);

    [Fact]
    public void Bad_input_gets_a_safe_result()
    {
        Assert.Throws<ArgumentNullException>(() => TextCleaner.Default.Clean(null!));
        Assert.Equal("", Clean(""));
        var random = new Random(11);
        var junk = new char[200_000];
        for (int i = 0; i < junk.Length; i++)
        {
            junk[i] = (char)random.Next(0, 0x10000);
        }

        CleanText clean = TextCleaner.Default.Clean(new string(junk));
        Assert.Equal(junk.Length, clean.ToOriginal(clean.Text.Length));
        string line = new('\u00C3', 1 << 20);
        Assert.Equal(line.Length, TextCleaner.Default.Clean(line).ToOriginal(TextCleaner.Default.Clean(line).Text.Length));
    }
}
