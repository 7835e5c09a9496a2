using System.Text;
using NewsNlp.Text;

namespace NewsNlp.Tests.Text;

public class TextDecoderTests
{
    private static Encoding Legacy(int codePage) => CodePagesEncodingProvider.Instance.GetEncoding(codePage)!;

    [Fact]
    public void Valid_utf8_is_read_as_utf8()
    {
        const string text = "Erdoğan met 习近平 in Moscow — “useful” talks.";
        DecodedText decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes(text));
        Assert.Equal(text, decoded.Text);
        Assert.Equal(DecodingMethod.Utf8, decoded.Method);
        Assert.Equal("utf-8", decoded.EncodingName);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void Byte_order_marks_name_the_encoding_and_are_not_part_of_the_text(string name)
    {
        const string text = "Kyiv – Київ, 17 March";
        Encoding encoding = Encoding.GetEncoding(name);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
        DecodedText decoded = TextDecoder.Decode(bytes);
        Assert.Equal(text, decoded.Text);
        Assert.Equal(DecodingMethod.ByteOrderMark, decoded.Method);
    }

    [Fact]
    public void Utf16_without_a_bom_is_recognised_by_its_zero_bytes()
    {
        const string text = "The president arrived in Beijing on Friday for talks.";
        Assert.Equal(text, TextDecoder.Decode(Encoding.Unicode.GetBytes(text)).Text);
        Assert.Equal(text, TextDecoder.Decode(Encoding.BigEndianUnicode.GetBytes(text)).Text);
    }

    [Theory]
    [InlineData(1252, "Le président a dit « bonjour » à l’équipe de Montréal, déjà célèbre pour ses débats animés.")]
    [InlineData(1251, "Президент России встретился с председателем КНР в Москве и обсудил торговлю и энергетику.")]
    [InlineData(936, "中国国家主席抵达莫斯科，开始对俄罗斯进行国事访问，双方将讨论经贸合作。")]
    [InlineData(932, "首相は東京で記者会見を行い、経済対策について説明した。")]
    public void Legacy_encodings_are_detected(int codePage, string text)
    {
        DecodedText decoded = TextDecoder.Decode(Legacy(codePage).GetBytes(text));
        Assert.Equal(text, decoded.Text);
        Assert.Equal(DecodingMethod.Detected, decoded.Method);
    }

    [Fact]
    public void Stray_cp1252_bytes_in_utf8_are_read_as_cp1252()
    {
        // A UTF-8 article with one curly apostrophe pasted from a cp1252 source (byte 0x92).
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Erdoğan said the “aid” had come. China"), 0x92, .. Encoding.UTF8.GetBytes("s envoy was in Ankara.")];
        DecodedText decoded = TextDecoder.Decode(bytes);
        Assert.Equal("Erdoğan said the “aid” had come. China’s envoy was in Ankara.", decoded.Text);
        Assert.Equal(DecodingMethod.Utf8WithStrayBytes, decoded.Method);
        Assert.Equal(1, decoded.StrayBytes);
    }

    [Fact]
    public void Empty_and_junk_input_gives_a_safe_result()
    {
        Assert.Equal("", TextDecoder.Decode([]).Text);
        var random = new Random(7);
        byte[] junk = new byte[1 << 20];
        random.NextBytes(junk);
        DecodedText decoded = TextDecoder.Decode(junk);
        Assert.NotNull(decoded.Text);
        Assert.True(decoded.Text.Length > 0);
    }

    [Fact]
    public async Task Streams_are_read_to_the_end_and_limited()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Talks resumed in Geneva. ", 10_000)));
        using var stream = new MemoryStream(bytes);
        DecodedText decoded = await TextDecoder.DecodeAsync(stream);
        Assert.Equal(bytes.Length, decoded.Text.Length);

        using var big = new MemoryStream(bytes);
        await Assert.ThrowsAsync<InvalidDataException>(() => TextDecoder.DecodeAsync(big, maxBytes: 1000));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => TextDecoder.DecodeAsync(new MemoryStream(), maxBytes: 0));
    }
}
