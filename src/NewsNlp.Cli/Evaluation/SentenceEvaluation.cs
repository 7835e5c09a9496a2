using NewsNlp.Tokenization;

namespace NewsNlp.Cli.Evaluation;

/// <summary>Precision, recall and F1 of sentence boundaries (the end offset of every sentence but the document's last).</summary>
internal sealed record BoundaryScore(int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static BoundaryScore operator +(BoundaryScore a, BoundaryScore b) => new(a.Gold + b.Gold, a.Predicted + b.Predicted, a.Correct + b.Correct);
}

internal static class SentenceEvaluation
{
    public static BoundaryScore Score(GumDocument doc, TextWriter? errors)
    {
        Token[] tokens = Tokenizer.Default.TokenizeToArray(doc.Text);
        Sentence[] predicted = SentenceSplitter.Default.Split(doc.Text, tokens);
        var gold = doc.Sentences.Take(doc.Sentences.Count - 1).Select(s => s.End).ToHashSet();
        var pred = predicted.Take(predicted.Length - 1).Select(s => s.End).ToHashSet();
        int correct = pred.Count(gold.Contains);
        if (errors is not null)
        {
            foreach (int end in gold.Except(pred).Order())
            {
                errors.WriteLine($"{doc.Name} missed  @{end}: {Context(doc.Text, end)}");
            }

            foreach (int end in pred.Except(gold).Order())
            {
                errors.WriteLine($"{doc.Name} spurious @{end}: {Context(doc.Text, end)}");
            }
        }

        return new BoundaryScore(gold.Count, pred.Count, correct);
    }

    private static string Context(string text, int at)
    {
        int a = Math.Max(0, at - 40);
        int b = Math.Min(text.Length, at + 40);
        return (text[a..at] + " || " + text[at..b]).Replace('\n', '¶');
    }
}
