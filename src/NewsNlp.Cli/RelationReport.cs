using System.Text;
using NewsNlp.Relations;

namespace NewsNlp.Cli;

/// <summary>A relation's trigger and arguments as one short line for people (text and HTML reports).</summary>
internal static class RelationReport
{
    public static string Details(NewsDocument doc, Relation r, IReadOnlyDictionary<string, string> names)
    {
        var b = new StringBuilder();
        if (r.TriggerStart >= 0)
        {
            b.Append(" trigger \"").Append(doc.GetCleanText(r.TriggerStart, r.TriggerEnd)).Append('"');
        }

        if (r.Arguments.Item is { } item)
        {
            b.Append("; item: ").Append(item);
        }

        if (!r.Arguments.Via.IsDefaultOrEmpty)
        {
            b.Append("; via ").AppendJoin(", ", r.Arguments.Via.Select(v => names.TryGetValue(v, out string? n) ? n : v));
        }

        if (r.Arguments.Time is { } time)
        {
            b.Append("; time: ").Append(time);
        }

        return b.ToString();
    }
}
