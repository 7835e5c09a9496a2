using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NewsNlp.Text;

namespace NewsNlp.Html;

/// <summary>The text of a news web page: its blocks one per paragraph, with the blocks that are not the article marked.</summary>
/// <param name="Text">The page's text: headline, paragraphs and other blocks in document order, separated by blank lines.</param>
/// <param name="Title">The headline (<c>og:title</c>, the first <c>h1</c>, or the document title), or null.</param>
/// <param name="Boilerplate">Blocks of <paramref name="Text"/> that are not article content, in text order.</param>
public sealed record HtmlArticle(string Text, string? Title, IReadOnlyList<BoilerplateSpan> Boilerplate);

/// <summary>
/// Extracts the article from the HTML of a news page. Scripts, styles and forms are dropped; every other visible block
/// becomes a paragraph of <see cref="HtmlArticle.Text"/>; navigation, headers and footers, figure captions, related-links
/// and sharing blocks, and everything outside the article body are marked as boilerplate. Thread-safe; no state.
/// </summary>
/// <remarks>
/// The article body is, in order: the element with <c>itemprop="articleBody"</c>; the <c>article</c> element with the
/// most paragraph text; <c>main</c>; else the element whose child paragraphs hold the most text. The rules are in
/// docs/text-repair.md.
/// </remarks>
/// <example>
/// <code>
/// HtmlArticle article = HtmlArticleExtractor.Extract(html);
/// NewsDocument doc = pipeline.Analyze(article.Text, "page.html", article.Boilerplate);
/// </code>
/// </example>
public static class HtmlArticleExtractor
{
    private static readonly FrozenSet<string> Dropped = FrozenSet.ToFrozenSet(
        ["script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio",
         "button", "input", "select", "textarea", "head", "form", "dialog"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Blocks = FrozenSet.ToFrozenSet(
        ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "figcaption", "caption", "td", "th",
         "div", "section", "article", "main", "header", "footer", "nav", "aside", "figure", "ul", "ol", "dl", "table", "tr",
         "address", "hr", "body", "details", "summary"], StringComparer.Ordinal);

    // Words in class and id attributes that mark a block, most specific first.
    private static readonly (string Word, BoilerplateKind Kind)[] ClassWords =
    [
        ("caption", BoilerplateKind.Caption), ("credit", BoilerplateKind.Credit), ("byline", BoilerplateKind.Credit),
        ("related", BoilerplateKind.RelatedLinks), ("recommend", BoilerplateKind.RelatedLinks), ("readmore", BoilerplateKind.RelatedLinks),
        ("read-more", BoilerplateKind.RelatedLinks), ("more-stories", BoilerplateKind.RelatedLinks), ("most-read", BoilerplateKind.RelatedLinks),
        ("popular", BoilerplateKind.RelatedLinks), ("trending", BoilerplateKind.RelatedLinks), ("outbrain", BoilerplateKind.RelatedLinks),
        ("taboola", BoilerplateKind.RelatedLinks), ("sidebar", BoilerplateKind.RelatedLinks),
        ("share", BoilerplateKind.Notice), ("social", BoilerplateKind.Notice), ("newsletter", BoilerplateKind.Notice),
        ("subscribe", BoilerplateKind.Notice), ("signup", BoilerplateKind.Notice), ("sign-up", BoilerplateKind.Notice),
        ("cookie", BoilerplateKind.Notice), ("consent", BoilerplateKind.Notice), ("promo", BoilerplateKind.Notice),
        ("advert", BoilerplateKind.Notice), ("sponsor", BoilerplateKind.Notice), ("paywall", BoilerplateKind.Notice),
        ("comments", BoilerplateKind.Notice), ("copyright", BoilerplateKind.Notice),
        ("breadcrumb", BoilerplateKind.Navigation), ("navbar", BoilerplateKind.Navigation), ("menu", BoilerplateKind.Navigation),
        ("masthead", BoilerplateKind.Navigation), ("skip-link", BoilerplateKind.Navigation), ("site-header", BoilerplateKind.Navigation),
        ("site-footer", BoilerplateKind.Navigation),
        ("keywords", BoilerplateKind.Keywords), ("tags", BoilerplateKind.Keywords), ("topics", BoilerplateKind.Keywords),
    ];

    /// <summary>Markup nested deeper than this (real pages stay under a hundred) is read without a DOM.</summary>
    internal const int MaxNestingDepth = 1024;

    private static readonly FrozenSet<string> VoidElements = FrozenSet.ToFrozenSet(
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"], StringComparer.Ordinal);

    /// <summary>The deepest nesting of start tags, counted in one pass over the markup (an upper bound of the DOM's depth).</summary>
    internal static int NestingDepth(string html)
    {
        int depth = 0, max = 0;
        int i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            char next = html[i + 1];
            int close = html.IndexOf('>', i + 1);
            if (close < 0)
            {
                break;
            }

            if (next == '/')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (char.IsAsciiLetter(next) && html[close - 1] != '/')
            {
                int end = i + 1;
                while (end < close && char.IsAsciiLetterOrDigit(html[end]))
                {
                    end++;
                }

                if (!VoidElements.Contains(html[(i + 1)..end].ToLowerInvariant()))
                {
                    max = Math.Max(max, ++depth);
                }
            }

            i = close + 1;
        }

        return max;
    }

    /// <summary>Plain text of markup without a DOM: tags removed (block tags make paragraph breaks), references decoded.</summary>
    private static string StripTags(string html, CancellationToken cancellationToken)
    {
        var builder = new StringBuilder(html.Length / 2);
        int i = 0;
        while (i < html.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int open = html.IndexOf('<', i);
            int close = open < 0 ? -1 : html.IndexOf('>', open);
            if (close < 0)
            {
                builder.Append(html.AsSpan(i));
                break;
            }

            builder.Append(html.AsSpan(i, open - i));
            int end = open + 1 + (open + 1 < close && html[open + 1] == '/' ? 1 : 0);
            int nameStart = end;
            while (end < close && char.IsAsciiLetterOrDigit(html[end]))
            {
                end++;
            }

            string name = html[nameStart..end].ToLowerInvariant();
            if (Blocks.Contains(name) || name == "br")
            {
                builder.Append("\n\n");
            }

            i = close + 1;
            if (html[open + 1] != '/' && name is "script" or "style")
            {
                int stop = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = stop < 0 ? html.Length : stop;
            }
        }

        string text = System.Net.WebUtility.HtmlDecode(builder.ToString());
        return string.Join("\n\n", text.Split("\n\n", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(Collapse).Where(p => p.Length > 0));
    }

    /// <summary>Whether a text looks like HTML: its start is a doctype, an <c>html</c> tag, or holds common block tags.</summary>
    /// <param name="text">The text, or its first few kilobytes.</param>
    /// <returns><see langword="true"/> when the text should be read as HTML.</returns>
    public static bool LooksLikeHtml(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> head = text.TrimStart();
        head = head[..Math.Min(head.Length, 2048)];
        if (head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return head.StartsWith('<') && (head.Contains("<body", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<p>", StringComparison.OrdinalIgnoreCase) || head.Contains("<div", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<article", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Extracts the article text and its boilerplate blocks from an HTML page.</summary>
    /// <param name="html">The page's markup (any HTML; malformed markup is parsed as browsers do).</param>
    /// <param name="cancellationToken">Checked while walking the page.</param>
    /// <returns>The text with its boilerplate spans.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="html"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The extraction was cancelled.</exception>
    public static HtmlArticle Extract(string html, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (NestingDepth(html) > MaxNestingDepth)
        {
            // HTML5 tree building is quadratic in the depth of open elements: pathological markup is read as plain text.
            return new HtmlArticle(StripTags(html, cancellationToken), null, []);
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        IHtmlDocument document = parser.ParseDocument(html);
        cancellationToken.ThrowIfCancellationRequested();
        IElement? body = document.Body;
        if (body is null)
        {
            return new HtmlArticle("", null, []);
        }

        IElement root = FindArticleRoot(body, cancellationToken);
        var collector = new BlockCollector(root, cancellationToken);
        collector.Walk(body);
        return new HtmlArticle(collector.Text, Title(document, collector.Headline), collector.Boilerplate);
    }

    private static string? Title(IHtmlDocument document, string? headline)
    {
        string? og = document.Head?.QuerySelector("meta[property='og:title']")?.GetAttribute("content");
        string? title = !string.IsNullOrWhiteSpace(og) ? og : headline ?? document.Title;
        return string.IsNullOrWhiteSpace(title) ? null : Collapse(title).Trim();
    }

    /// <summary>Finds the element that holds the article, in one pass without recursion (pages may nest deeply).</summary>
    private static IElement FindArticleRoot(IElement body, CancellationToken cancellationToken)
    {
        IElement? itemprop = null, main = null;
        var paragraphText = new Dictionary<IElement, int>();
        var articleText = new Dictionary<IElement, int>();
        var stack = new Stack<(IElement Element, IElement? Article)>();
        stack.Push((body, null));
        int visited = 0;
        while (stack.Count > 0)
        {
            if ((++visited & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            (IElement element, IElement? article) = stack.Pop();
            switch (element.LocalName)
            {
                case "p":
                    int length = VisibleTextLength(element);
                    if (element.ParentElement is { } parent)
                    {
                        paragraphText[parent] = paragraphText.GetValueOrDefault(parent) + length;
                    }

                    if (article is not null)
                    {
                        articleText[article] = articleText.GetValueOrDefault(article) + length;
                    }

                    continue; // a paragraph holds no blocks
                case "article":
                    article = element;
                    articleText.TryAdd(element, 0);
                    break;
                case "main":
                    main ??= element;
                    break;
                default:
                    if (main is null && element.GetAttribute("role") == "main")
                    {
                        main = element;
                    }

                    break;
            }

            if (itemprop is null && element.GetAttribute("itemprop") == "articleBody")
            {
                itemprop = element;
            }

            IHtmlCollection<IElement> children = element.Children;
            for (int i = children.Length - 1; i >= 0; i--)
            {
                stack.Push((children[i], article));
            }
        }

        KeyValuePair<IElement, int> bestArticle = articleText.Where(a => a.Value > 0).OrderByDescending(a => a.Value).FirstOrDefault();
        KeyValuePair<IElement, int> best = paragraphText.OrderByDescending(p => p.Value).FirstOrDefault();
        return itemprop ?? bestArticle.Key ?? main ?? (best.Key is not null && best.Value >= 200 ? best.Key : body);
    }

    private static int VisibleTextLength(IElement element)
    {
        int length = 0;
        var stack = new Stack<INode>();
        stack.Push(element);
        while (stack.Count > 0)
        {
            INode node = stack.Pop();
            if (node is IText text)
            {
                length += text.Data.AsSpan().Trim().Length;
            }
            else if (node is IElement e && !Dropped.Contains(e.LocalName))
            {
                foreach (INode child in e.ChildNodes)
                {
                    stack.Push(child);
                }
            }
        }

        return length;
    }

    /// <summary>HTML whitespace collapsed to single spaces.</summary>
    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    private static BoilerplateKind? Classify(IElement element, bool insideRoot)
    {
        switch (element.LocalName)
        {
            case "nav":
                return BoilerplateKind.Navigation;
            case "aside":
                return BoilerplateKind.RelatedLinks;
            case "footer":
                return BoilerplateKind.Notice;
            case "header":
                return insideRoot ? null : BoilerplateKind.Navigation;
            case "figure":
            case "figcaption":
                return BoilerplateKind.Caption;
        }

        switch (element.GetAttribute("role"))
        {
            case "navigation":
            case "banner":
                return BoilerplateKind.Navigation;
            case "complementary":
                return BoilerplateKind.RelatedLinks;
            case "contentinfo":
                return BoilerplateKind.Notice;
        }

        string? cls = element.GetAttribute("class");
        string? id = element.Id;
        if (string.IsNullOrEmpty(cls) && string.IsNullOrEmpty(id))
        {
            return null;
        }

        foreach ((string word, BoilerplateKind kind) in ClassWords)
        {
            if ((cls?.Contains(word, StringComparison.OrdinalIgnoreCase) ?? false) || (id?.Contains(word, StringComparison.OrdinalIgnoreCase) ?? false))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>Walks the page once and writes its blocks, each with the boilerplate kind of its context.</summary>
    private sealed class BlockCollector(IElement root, CancellationToken cancellationToken)
    {
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _block = new();
        private readonly List<BoilerplateSpan> _boilerplate = [];
        private readonly HashSet<IElement> _rootAndAncestors = [.. Ancestors(root)];
        private bool _headlineDone;

        public string Text => _text.ToString();

        public List<BoilerplateSpan> Boilerplate => _boilerplate;

        public string? Headline { get; private set; }

        public void Walk(IElement body)
        {
            // Frames: an element to enter (with its context), or the end of a block to flush.
            var stack = new Stack<(INode Node, Context Context, bool Exit)>();
            var bodyContext = new Context(null, ReferenceEquals(body, root), false);
            stack.Push((body, bodyContext, false));
            int steps = 0;
            while (stack.Count > 0)
            {
                if ((++steps & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                (INode node, Context context, bool exit) = stack.Pop();
                if (exit)
                {
                    Flush(context);
                    continue;
                }

                if (node is IText text)
                {
                    AppendInline(text.Data);
                    continue;
                }

                if (node is not IElement element)
                {
                    continue;
                }

                string name = element.LocalName;
                if (Dropped.Contains(name))
                {
                    continue;
                }

                if (name == "br")
                {
                    _block.Append('\n');
                    continue;
                }

                Context inner = Enter(element, context);
                bool block = Blocks.Contains(name) || inner.Kind != context.Kind;
                if (block)
                {
                    Flush(context);
                    stack.Push((element, inner, true));
                }

                for (int i = element.ChildNodes.Length - 1; i >= 0; i--)
                {
                    stack.Push((element.ChildNodes[i], inner, false));
                }
            }

            Flush(bodyContext);
        }

        private Context Enter(IElement element, Context outer)
        {
            bool inRoot = outer.InRoot || ReferenceEquals(element, root);
            BoilerplateKind? kind = outer.Kind;
            if (kind is null && !_rootAndAncestors.Contains(element))
            {
                kind = Classify(element, inRoot);
            }

            bool headline = outer.Headline || (element.LocalName == "h1" && !_headlineDone && kind is null);
            return new Context(kind, inRoot, headline);
        }

        private void AppendInline(string data)
        {
            foreach (char c in data)
            {
                bool space = c is ' ' or '\t' or '\n' or '\r' or '\f';
                if (space)
                {
                    if (_block.Length > 0 && _block[^1] is not (' ' or '\n'))
                    {
                        _block.Append(' ');
                    }
                }
                else
                {
                    _block.Append(c);
                }
            }
        }

        private void Flush(Context context)
        {
            if (_block.Length == 0)
            {
                return;
            }

            string[] lines = _block.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            _block.Clear();
            if (lines.Length == 0)
            {
                return;
            }

            if (_text.Length > 0)
            {
                _text.Append("\n\n");
            }

            int start = _text.Length;
            _text.AppendJoin('\n', lines);
            if (context.Headline && !_headlineDone)
            {
                _headlineDone = true;
                Headline = _text.ToString(start, _text.Length - start);
            }

            BoilerplateKind? kind = context.Kind ?? (context.InRoot || context.Headline ? null : BoilerplateKind.Navigation);
            if (kind is { } k)
            {
                _boilerplate.Add(new BoilerplateSpan(start, _text.Length, k));
            }
        }

        private static IEnumerable<IElement> Ancestors(IElement element)
        {
            for (IElement? e = element; e is not null; e = e.ParentElement)
            {
                yield return e;
            }
        }
    }

    private readonly record struct Context(BoilerplateKind? Kind, bool InRoot, bool Headline);
}
