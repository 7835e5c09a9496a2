namespace NewsNlp.Tokenization;

/// <summary>What a <see cref="Token"/> is, as decided by the <see cref="Tokenizer"/>.</summary>
public enum TokenKind : byte
{
    /// <summary>A word: letters, digits and marks, possibly hyphenated (<c>pro-Kremlin</c>) or with an inner apostrophe (<c>O'Brien</c>).</summary>
    Word,

    /// <summary>A number or a token that starts with a digit: <c>1,000</c>, <c>29.3</c>, <c>2022-12-30</c>, <c>10:30</c>, <c>1990s</c>, <c>12-point</c>.</summary>
    Number,

    /// <summary>An abbreviation or initial that keeps its period: <c>Mr.</c>, <c>U.S.</c>, <c>Jan.</c>, <c>e.g.</c>, <c>F.</c>.</summary>
    Abbreviation,

    /// <summary>A clitic split off a word as in Penn/OntoNotes: <c>'s</c>, <c>n't</c>, <c>'re</c>, <c>'ll</c>, <c>'ve</c>, <c>'m</c>, <c>'d</c>.</summary>
    Clitic,

    /// <summary>Punctuation: quotes, brackets, dashes, stops, ellipses (<c>...</c> is one token).</summary>
    Punctuation,

    /// <summary>A symbol that is not punctuation: currency signs, <c>%</c>, <c>+</c>, maths and other symbols.</summary>
    Symbol,

    /// <summary>A URL beginning with a scheme (<c>https://</c>) or <c>www.</c>.</summary>
    Url,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A social-media handle: <c>@Reuters</c>.</summary>
    Mention,

    /// <summary>A hashtag: <c>#Ukraine</c>.</summary>
    Hashtag,

    /// <summary>An emoji, including modifier, variation-selector, flag and zero-width-joiner sequences.</summary>
    Emoji,

    /// <summary>A single CJK ideograph.</summary>
    Ideograph,

    /// <summary>Anything else that is not whitespace: control and format characters, lone surrogates.</summary>
    Other,
}
