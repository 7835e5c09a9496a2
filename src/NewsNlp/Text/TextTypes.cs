namespace NewsNlp.Text;

/// <summary>What a <see cref="TextRepair"/> fixed.</summary>
public enum RepairKind
{
    /// <summary>UTF-8 text that had been decoded as cp1252, latin-1, cp1251 or GBK (<c>Chinaâ€™s</c>, <c>Vlad铆mir</c>).</summary>
    Mojibake,

    /// <summary>An HTML character reference (<c>&amp;amp;</c>, <c>&amp;#39;</c>).</summary>
    HtmlEntity,

    /// <summary>Unicode hygiene: zero-width and soft-hyphen characters removed, exotic spaces made plain, controls removed, NFC.</summary>
    Unicode,
}

/// <summary>What kind of boilerplate a line is.</summary>
public enum BoilerplateKind
{
    /// <summary>A photo or video caption, often with its credit, or a caption printed twice.</summary>
    Caption,

    /// <summary>A credit line on its own (<c>Getty Images</c>, <c>Photo: Reuters</c>).</summary>
    Credit,

    /// <summary>A keyword or tag line: a short line of names only between paragraphs.</summary>
    Keywords,

    /// <summary>Related-links lines: <c>More in Politics</c>, <c>Read more:</c>, <c>See also</c>.</summary>
    RelatedLinks,

    /// <summary>Sign-up, subscription, cookie, sharing and copyright notices.</summary>
    Notice,

    /// <summary>Site navigation: menus, breadcrumbs, headers and footers of a web page (from HTML input).</summary>
    Navigation,
}

/// <summary>A repair: the original characters and what the clean text reads instead.</summary>
/// <param name="Start">Start offset in the original text.</param>
/// <param name="End">End offset in the original text (exclusive).</param>
/// <param name="Original">The original characters.</param>
/// <param name="Repaired">What the clean text holds instead (empty when removed).</param>
/// <param name="Kind">What was fixed.</param>
public readonly record struct TextRepair(int Start, int End, string Original, string Repaired, RepairKind Kind);

/// <summary>A boilerplate line, by offsets into the original text (without its line break).</summary>
/// <param name="Start">Start offset in the original text.</param>
/// <param name="End">End offset in the original text (exclusive).</param>
/// <param name="Kind">What kind of boilerplate it is.</param>
public readonly record struct BoilerplateSpan(int Start, int End, BoilerplateKind Kind);
