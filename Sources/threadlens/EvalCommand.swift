import ArgumentParser
import Foundation
import ThreadLens

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the analysis against gold annotations (SPEC §6).",
        discussion: """
        Gold: NAME.gold.jsonl files, or directories holding them; NAME is the thread they annotate. \
        Paths given to --gold that are neither directories nor *.gold.jsonl files are taken as INPUTS.

        Predictions, matched to gold by (thread, comment id), come from one of:
          --pred FILE  `analyze --format jsonl` records ('-': standard input)
          INPUTS       thread files, analysed now (--models, --brand, --target)
          neither      the thread beside each gold file: NAME.txt|.jsonl|.json|.csv

        Scores, over all gold files together: sentiment macro-F1 over the labels occurring in the \
        gold or the predictions, and accuracy, both leaving out comments whose gold label is null; \
        topics and claims micro precision/recall/F1 over (comment, topic) pairs and (comment, type, \
        subject, value, region) tuples, where a predicted subject '?' counts neither way and \
        duplicates count once; stance accuracy, null gold left out. An annotated comment with no \
        prediction counts as predicted nothing and is listed. A ratio with a zero denominator is 0.

        --format json writes one object with "schema": "threadlens-eval/1" (its keys are documented \
        in the ThreadLensEval library, EvalRendering.swift). The table lists the first --misses \
        misses (20 by default); JSON lists all of them unless --misses is given.

        --min METRIC=VALUE (repeatable) sets a floor. Metrics: sentiment.macro_f1, \
        sentiment.accuracy, topics.f1, topics.precision, topics.recall, claims.f1, \
        claims.precision, claims.recall, stance.accuracy, and per item sentiment.LABEL.f1, \
        topics.TOPIC.f1, claims.TYPE.f1, stance.LABEL.f1 (also .precision and .recall), e.g. \
        claims.reseller_legitimacy.f1. A score under its floor makes the exit status 1.

        Unreadable or invalid gold, predictions or threads are reported with file:line; what could \
        be read is still scored, and the exit status is 65 (before a failed floor's 1).

        \(ExitStatus.documentation)
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Gold files (NAME.gold.jsonl) or directories of them.", valueName: "dir|file"))
    var gold: [String] = []

    @Option(name: .long, help: ArgumentHelp("Predictions: `analyze --format jsonl` records ('-' for standard input).", valueName: "file"))
    var pred: String?

    @Argument(help: "Thread files to analyse for the predictions (.txt, .jsonl, .json, .csv).")
    var inputs: [String] = []

    @Option(name: .long, help: "Force the input format of the thread files: text, jsonl, json or csv.")
    var inputFormat: InputFormat?

    @OptionGroup var modelOptions: ModelOptions

    @Option(help: "The brand the threads are about (a gazetteer id such as xiaomi); detected when omitted.")
    var brand: String?

    @Option(help: "brand: score only sentiment aimed at the brand (default); any: all sentiment in the text.")
    var target: AnalysisOptions.Target?

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    @Option(name: .long, help: ArgumentHelp("How many misses to list (table default 20, json default all).", valueName: "n"))
    var misses: Int?

    @Option(name: .customLong("min"), help: ArgumentHelp("A floor, METRIC=VALUE (repeatable); exit 1 when a score is under it.", valueName: "metric=value"))
    var floors: [String] = []

    /// Gold paths and thread inputs, sorted out by name (see the discussion).
    var goldPaths: [String] {
        gold.filter(isGoldPath) + inputs.filter { GoldSet.threadID(forGoldFile: $0) != nil }
    }

    var threadInputs: [String] {
        gold.filter { !isGoldPath($0) } + inputs.filter { GoldSet.threadID(forGoldFile: $0) == nil }
    }

    private func isGoldPath(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return true }
        // A missing path that is not named like a thread file is reported as missing gold.
        return GoldSet.threadID(forGoldFile: path) != nil || InputFormat(pathExtension: (path as NSString).pathExtension) == nil
    }

    func validate() throws {
        if goldPaths.isEmpty { throw ValidationError("name the gold with --gold DIR|FILE… (NAME.gold.jsonl files or directories of them)") }
        if pred != nil, !threadInputs.isEmpty {
            throw ValidationError("give either --pred FILE or thread INPUTS, not both")
        }
        if pred != nil, brand != nil || target != nil || modelOptions.models != nil || inputFormat != nil {
            throw ValidationError("--brand, --target, --models and --input-format apply when threads are analysed, not with --pred")
        }
        if let misses, misses < 0 { throw ValidationError("--misses must be 0 or more") }
        for floor in floors {
            do {
                _ = try MetricFloor.parse(floor, knownMetrics: nil)
            } catch {
                throw ValidationError("--min: \(error.message)")
            }
        }
    }

    func run() throws {
        var hadErrors = false
        func report(_ diagnostics: [Diagnostic]) {
            DiagnosticPrinter.print(diagnostics)
            if diagnostics.hasErrors { hadErrors = true }
        }

        // Predictions first: topics the tool itself produces are valid in gold too.
        let predictions: PredictionSet
        if let pred {
            let (loaded, diagnostics) = PredictionSet.load(path: pred)
            report(diagnostics)
            predictions = loaded
        } else {
            var paths = threadInputs
            if paths.isEmpty {
                let (found, diagnostics) = threadFilesBesideGold()
                report(diagnostics)
                paths = found
            }
            let (analyzed, readErrors) = try analyze(paths)
            if readErrors { hadErrors = true }
            predictions = PredictionSet(analyzed: analyzed)
        }
        let taxonomy = GoldTaxonomy.standard.adding(topics: predictions.predictions.flatMap(\.topics))

        let knownMetrics = EvalReport.metricNames(taxonomy: taxonomy)
        var metricFloors: [MetricFloor] = []
        for text in floors {
            do {
                metricFloors.append(try MetricFloor.parse(text, knownMetrics: knownMetrics))
            } catch {
                printError("Error: --min: \(error.message)")
                throw ExitCode(ExitStatus.usage)
            }
        }

        let (goldSet, goldDiagnostics) = GoldSet.load(paths: goldPaths, taxonomy: taxonomy)
        report(goldDiagnostics)

        let evaluation = Scorer(taxonomy: taxonomy).score(gold: goldSet, predictions: predictions)
        let checks = evaluation.check(metricFloors)
        var out = OutputBuffer()
        switch format {
        case .table: out.write(evaluation.table(misses: misses ?? 20, floors: checks))
        case .json: out.write(evaluation.json(misses: misses, floors: checks).pretty())
        }
        out.flush()

        let failed = checks.filter { !$0.passed }
        for check in failed { printError("threadlens: \(check)") }
        if hadErrors { throw ExitCode(ExitStatus.inputError) }
        if !failed.isEmpty { throw ExitCode(ExitStatus.checkFailed) }
    }

    /// For each gold file, the thread file beside it (NAME.txt, .jsonl, .json or .csv).
    private func threadFilesBesideGold() -> ([String], [Diagnostic]) {
        var found: [String] = []
        var diagnostics: [Diagnostic] = []
        for path in goldPaths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            let files = isDirectory.boolValue ? GoldSet.goldFiles(in: path) : [path]
            for file in files {
                guard let thread = GoldSet.threadID(forGoldFile: file) else { continue }
                let directory = (file as NSString).deletingLastPathComponent
                let candidates = ["txt", "jsonl", "json", "csv"].map { (directory as NSString).appendingPathComponent("\(thread.rawValue).\($0)") }
                if let match = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) {
                    if !found.contains(match) { found.append(match) }
                } else {
                    diagnostics.append(.error("eval.no-thread", "no thread file beside the gold file (looked for \(thread).txt, .jsonl, .json, .csv); its comments count as missing; pass --pred FILE or the thread files",
                                              at: SourceLocation(file: file, line: 1)))
                }
            }
        }
        return (found, diagnostics)
    }

    /// Reads and analyses thread files; prints diagnostics and the read/analysed/skipped count.
    private func analyze(_ paths: [String]) throws -> ([AnalyzedThread], Bool) {
        guard !paths.isEmpty else { return ([], false) }
        let analyzer = try loadAnalyzer(modelOptions, options: AnalysisOptions(brand: brand, target: target ?? .brand))
        var threads: [AnalyzedThread] = []
        var hadErrors = false
        var skipped: [SkippedComment] = []
        for path in paths {
            let result = InputFiles.read(path: path, format: inputFormat, boilerplate: analyzer.boilerplate)
            DiagnosticPrinter.print(result.diagnostics)
            if result.diagnostics.hasErrors || !result.skipped.isEmpty { hadErrors = true }
            skipped += result.skipped
            threads += result.threads.map(analyzer.analyze)
        }
        let analysed = threads.reduce(0) { $0 + $1.comments.count }
        printError("threadlens: \(paths.count) file(s), \(analysed + skipped.count) comment(s) read, \(analysed) analysed, \(skipped.count) skipped")
        return (threads, hadErrors)
    }
}
