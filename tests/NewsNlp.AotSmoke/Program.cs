// A native-AOT console that analyses a text given as its argument (or a built-in one) and prints the JSON.
using System.Diagnostics;
using NewsNlp;
using NewsNlp.Serialization;

long start = Stopwatch.GetTimestamp();
string text = args.Length > 0 ? args[0] : "Chinese President Xi Jinping arrived in Moscow on Monday. Mr Xi said he would meet Vladimir Putin.";
NewsDocument doc = NewsPipeline.CreateDefault().Analyze(text, "aot");
Console.WriteLine(AnalysisJsonWriter.ToJson([doc], new AnalysisJsonOptions()));
Console.Error.WriteLine($"analysed in {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F0} ms");
