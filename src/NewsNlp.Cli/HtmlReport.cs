using System.Net;
using NewsNlp.Linking;

namespace NewsNlp.Cli;

/// <summary>
/// A self-contained HTML page of analysed articles, in the manner of displaCy: the text with each entity mention
/// highlighted by label (name, description or pronoun; the entity's canonical name and Wikidata id on hover),
/// boilerplate dimmed, then a table of the entities and the list of relations.
/// </summary>
internal static class HtmlReport
{
    private static readonly Dictionary<string, string> Colours = new(StringComparer.Ordinal)
    {
        ["PERSON"] = "#aa9cfc", ["ORG"] = "#7aecec", ["GPE"] = "#feca74", ["LOC"] = "#ff9561", ["NORP"] = "#c887fb",
        ["FAC"] = "#9cc9cc", ["PRODUCT"] = "#bfeeb7", ["EVENT"] = "#ffeb80", ["WORK_OF_ART"] = "#f0d0ff", ["LAW"] = "#ff8197",
        ["LANGUAGE"] = "#ff8197", ["DATE"] = "#bfe1d9", ["TIME"] = "#bfe1d9", ["MONEY"] = "#e4e7d2", ["PERCENT"] = "#e4e7d2",
        ["QUANTITY"] = "#e4e7d2", ["CARDINAL"] = "#e4e7d2", ["ORDINAL"] = "#e4e7d2",
    };

    public static void WriteStart(TextWriter output)
    {
        output.WriteLine("<!DOCTYPE html>");
        output.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>NewsNlp analysis</title>");
        output.WriteLine("<style>");
        output.WriteLine("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;line-height:1.9;color:#222}");
        output.WriteLine(".text{white-space:pre-wrap}mark{padding:0.15em 0.35em;border-radius:0.3em;margin:0 0.1em}");
        output.WriteLine("mark[data-kind=nominal]{border-bottom:2px dashed #555}mark[data-kind=pronoun]{opacity:0.75}");
        output.WriteLine("mark .label{font-size:0.6em;font-weight:bold;margin-left:0.4em;text-transform:uppercase;vertical-align:middle}");
        output.WriteLine(".boilerplate{color:#999;text-decoration:line-through dotted}table{border-collapse:collapse}td,th{padding:0.2em 0.6em;border-bottom:1px solid #ddd;text-align:left}");
        foreach ((string label, string colour) in Colours)
        {
            output.WriteLine($"mark[data-label={label}]{{background:{colour}}}");
        }

        output.WriteLine("</style></head><body>");
    }

    public static void WriteDocument(TextWriter output, NewsDocument doc)
    {
        string id = Encode(doc.Id);
        output.WriteLine($"<article class=\"document\" data-id=\"{id}\"><h2>{id}</h2>");
        output.Write("<div class=\"text\">");

        // Mentions in text order; a mention overlapping an earlier, longer one is left out of the text (it stays in the table).
        var marks = doc.Entities
            .SelectMany(e => e.Mentions.Select(m => (Entity: e, Mention: m)))
            .OrderBy(x => x.Mention.Start).ThenByDescending(x => x.Mention.Length)
            .ToList();
        var boilerplate = doc.Boilerplate;
        int at = 0;
        foreach (var (entity, mention) in marks)
        {
            if (mention.Start < at)
            {
                continue;
            }

            WritePlain(output, doc, at, mention.Start, boilerplate);
            string label = NewsNlp.Entities.EntityLabels.ToName(entity.Label);
            string kind = mention.Kind.ToString().ToLowerInvariant();
            string title = Encode($"{entity.Name} ({label}{(entity.KbId is null ? "" : ", " + entity.KbId)}), {kind}");
            output.Write($"<mark data-entity=\"{entity.Id}\" data-label=\"{label}\" data-kind=\"{kind}\" title=\"{title}\">");
            output.Write(Encode(doc.GetCleanText(mention.Start, mention.End)));
            output.Write($"<span class=\"label\">{label}</span></mark>");
            at = mention.End;
        }

        WritePlain(output, doc, at, doc.Text.Length, boilerplate);
        output.WriteLine("</div>");
        output.WriteLine("<h3>Entities</h3><table class=\"entities\"><tr><th>id</th><th>name</th><th>label</th><th>Wikidata</th><th>mentions</th></tr>");
        foreach (DocumentEntity e in doc.Entities)
        {
            string kb = e.KbId is null ? "" : $"<a href=\"https://www.wikidata.org/wiki/{e.KbId}\">{e.KbId}</a>";
            string mentions = string.Join(" | ", e.Mentions.Select(m => doc.GetCleanText(m.Start, m.End)).Distinct(StringComparer.Ordinal).Select(Encode));
            output.WriteLine($"<tr data-entity=\"{e.Id}\"><td>{e.Id}</td><td>{Encode(e.Name)}</td><td>{NewsNlp.Entities.EntityLabels.ToName(e.Label)}</td><td>{kb}</td><td>{mentions}</td></tr>");
        }

        output.WriteLine("</table>");
        output.WriteLine("<h3>Relations</h3><ul class=\"relations\">");
        var names = doc.Entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
        foreach (NewsNlp.Relations.Relation r in doc.Relations)
        {
            string type = NewsNlp.Relations.RelationNames.ToName(r.Type);
            string modality = NewsNlp.Relations.RelationNames.ToName(r.Modality);
            output.WriteLine($"<li data-type=\"{type}\" data-subject=\"{r.SubjectId}\" data-object=\"{r.ObjectId}\" data-modality=\"{modality}\"><b>{type}</b> {Encode(names[r.SubjectId])} &rarr; {Encode(names[r.ObjectId])} <i>{modality}</i>{Encode(RelationReport.Details(doc, r, names))}<br><q>{Encode(doc.GetCleanText(r.EvidenceStart, r.EvidenceEnd))}</q></li>");
        }

        if (doc.Relations.Length == 0)
        {
            output.WriteLine("<li class=\"none\">No relations found.</li>");
        }

        output.WriteLine("</ul>");
        output.WriteLine("</article>");
    }

    public static void WriteEnd(TextWriter output) => output.WriteLine("</body></html>");

    /// <summary>The repaired text between two original offsets, with boilerplate lines marked.</summary>
    private static void WritePlain(TextWriter output, NewsDocument doc, int start, int end, IReadOnlyList<NewsNlp.Text.BoilerplateSpan> boilerplate)
    {
        int at = start;
        foreach (NewsNlp.Text.BoilerplateSpan b in boilerplate)
        {
            if (b.End <= at || b.Start >= end)
            {
                continue;
            }

            int s = Math.Max(b.Start, at);
            int e = Math.Min(b.End, end);
            output.Write(Encode(doc.GetCleanText(at, s)));
            output.Write($"<span class=\"boilerplate\" data-kind=\"{b.Kind.ToString().ToLowerInvariant()}\">{Encode(doc.GetCleanText(s, e))}</span>");
            at = e;
        }

        output.Write(Encode(doc.GetCleanText(at, end)));
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
