import ArgumentParser
import Foundation
import ThreadLens

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what a model change does to a corpus: the comments whose sentiment, topics or claims change.",
        discussion: """
        Analyses INPUTS (thread files, or directories of them) with two model sets, A and B, and
        lists every comment whose sentiment label, topics or claims differ, as before → after.
        A is the shipped pack with --models-a DIR laid over it and every --lexicon-a FILE; B the
        same with --models-b and --lexicon-b (a lexicon overlay alone is the quick way to try an
        edit: --lexicon-b my-slang.tsv). --models DIR is a partial pack: files it lacks come from
        the shipped models/.

        Where a gold file NAME.gold.jsonl sits beside a thread, each change is marked ✓ when it
        agrees with the gold and ✗ when it goes against it, and the gold scores (SPEC §6) of A
        and B are printed with their difference.

        \(ExitStatus.documentation)
        """
    )

    @Argument(help: "Thread files (.txt, .jsonl, .json, .csv) or directories of them.")
    var inputs: [String] = []

    @Option(name: .customLong("models-a"), help: ArgumentHelp("A models directory for run A, laid over the shipped pack.", valueName: "dir"))
    var modelsA: String?

    @Option(name: .customLong("models-b"), help: ArgumentHelp("A models directory for run B, laid over the shipped pack.", valueName: "dir"))
    var modelsB: String?

    @Option(name: .customLong("lexicon-a"), help: ArgumentHelp("An overlay model file for run A (repeatable).", valueName: "file"))
    var lexiconA: [String] = []

    @Option(name: .customLong("lexicon-b"), help: ArgumentHelp("An overlay model file for run B (repeatable).", valueName: "file"))
    var lexiconB: [String] = []

    @Option(help: "Force the input format: text, jsonl, json or csv.")
    var inputFormat: InputFormat?

    @Option(help: "The brand the threads are about (a gazetteer id such as xiaomi); detected when omitted.")
    var brand: String?

    @Option(help: "brand: score only sentiment aimed at the brand; any: all sentiment in the text.")
    var target: AnalysisOptions.Target = .brand

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("name the threads to compare on (files or directories)") }
        if modelsA == nil, modelsB == nil, lexiconA.isEmpty, lexiconB.isEmpty {
            throw ValidationError("give the change to compare: --models-b DIR or --lexicon-b FILE (and optionally --models-a / --lexicon-a)")
        }
    }

    func run() throws {
        let options = AnalysisOptions(brand: brand, target: target)
        let a = try loadAnalyzer(try ModelOptions.from(models: modelsA, lexicon: lexiconA), options: options, printWarnings: false)
        let b = try loadAnalyzer(try ModelOptions.from(models: modelsB, lexicon: lexiconB), options: options, printWarnings: false)
        // The files both sets share warn once.
        DiagnosticPrinter.print(a.modelWarnings + b.modelWarnings.filter { !a.modelWarnings.contains($0) })

        let paths = inputs.flatMap(Self.threadFiles)
        let inputOptions = try InputOptions.parse((inputFormat.map { ["--input-format", $0.rawValue] } ?? []) + ["--"] + paths)
        let run = InputRun(inputOptions)
        var before: [AnalyzedThread] = [], after: [AnalyzedThread] = []
        var texts: [CommentKey: String] = [:]
        for thread in run.threads {
            before.append(a.analyze(thread))
            after.append(b.analyze(thread))
            for comment in thread.comments { texts[CommentKey(thread: thread.id, id: comment.id)] = comment.text }
        }
        let analysed = before.reduce(0) { $0 + $1.comments.count }

        // Gold beside the inputs: NAME.gold.jsonl next to NAME.txt (or .jsonl, .json, .csv).
        let goldPaths = paths.compactMap { path -> String? in
            let gold = ((path as NSString).deletingPathExtension) + GoldSet.fileSuffix
            return FileManager.default.fileExists(atPath: gold) ? gold : nil
        }
        let predictionsA = PredictionSet(analyzed: before), predictionsB = PredictionSet(analyzed: after)
        let taxonomy = GoldTaxonomy.standard.adding(topics: (predictionsA.predictions + predictionsB.predictions).flatMap(\.topics))
        var gold = GoldSet()
        if !goldPaths.isEmpty {
            let (loaded, diagnostics) = GoldSet.load(paths: goldPaths, taxonomy: taxonomy)
            DiagnosticPrinter.print(diagnostics)
            gold = loaded
        }

        let diff = ModelDiff(before: predictionsA, after: predictionsB, gold: gold, taxonomy: taxonomy)
        var out = OutputBuffer()
        for line in diff.rendered(texts: texts) { out.write(line) }
        if !diff.changes.isEmpty { out.write("") }
        let sentiment = diff.changes.filter { $0.sentiment != nil }.count
        let topics = diff.changes.filter { !$0.topicsAdded.isEmpty || !$0.topicsRemoved.isEmpty }.count
        let claims = diff.changes.filter { !$0.claimsAdded.isEmpty || !$0.claimsRemoved.isEmpty }.count
        out.write("\(diff.changes.count) of \(diff.compared) comments changed (sentiment \(sentiment), topics \(topics), claims \(claims)) in \(run.threads.count) thread(s)")
        if !goldPaths.isEmpty {
            let scorer = Scorer(taxonomy: taxonomy)
            let reportA = scorer.score(gold: gold, predictions: predictionsA)
            let reportB = scorer.score(gold: gold, predictions: predictionsB)
            out.write("")
            for line in Self.scoreTable(reportA, reportB, goldFiles: goldPaths.count) { out.write(line) }
        }
        out.flush()
        run.printSummary(analysed: analysed, verb: "analysed twice")
        if run.exitCode != 0 { throw ExitCode(run.exitCode) }
    }

    /// The headline scores of A and B and every other score that differs.
    static func scoreTable(_ a: EvalReport, _ b: EvalReport, goldFiles: Int) -> [String] {
        let headline = ["sentiment.macro_f1", "sentiment.accuracy", "topics.precision", "topics.recall", "topics.f1",
                        "claims.precision", "claims.recall", "claims.f1", "stance.accuracy"]
        let others = a.metricNames.filter { name in
            !headline.contains(name) && a.metric(named: name) != b.metric(named: name)
        }
        let names = headline + others
        let width = max(24, (names.map(\.count).max() ?? 0) + 2)
        func format(_ value: Double?) -> String {
            guard let value else { return "    -" }
            return String(format: "%.3f", value)
        }
        var lines = ["gold scores (\(goldFiles) gold file(s), \(a.annotated) annotated comments):",
                     "  " + "metric".padding(toLength: width, withPad: " ", startingAt: 0) + "A       B       change"]
        for name in names {
            let x = a.metric(named: name), y = b.metric(named: name)
            var change = ""
            if let x, let y {
                let delta = y - x
                change = abs(delta) < 0.0005 ? "0" : String(format: "%+.3f", delta)
            }
            lines.append("  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + format(x) + "   " + format(y) + "   " + change)
        }
        return lines
    }

    /// A file, or the thread files in a directory (gold files and non-thread files left out).
    static func threadFiles(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { name in
            !name.hasSuffix(GoldSet.fileSuffix) && InputFormat(pathExtension: (name as NSString).pathExtension) != nil
        }.sorted().map { (path as NSString).appendingPathComponent($0) }
    }
}

extension ModelOptions {
    /// Options as if given on the command line (for commands with two model sets).
    static func from(models: String?, lexicon: [String]) throws -> ModelOptions {
        try parse((models.map { ["--models", $0] } ?? []) + lexicon.flatMap { ["--lexicon", $0] })
    }
}
