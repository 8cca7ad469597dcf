import ArgumentParser
import Foundation
import ThreadLens

/// The exit codes every command uses (documented in the README and `--help`).
enum ExitStatus {
    /// Everything was read and processed.
    static let success: Int32 = 0
    /// A check failed: a score under its `--min` floor, a failing fixture, a lint error.
    static let checkFailed: Int32 = 1
    /// Bad arguments (ArgumentParser's code).
    static let usage: Int32 = 64
    /// Some input could not be read or some comments were skipped; the rest was processed.
    static let inputError: Int32 = 65
    /// Output could not be written.
    static let outputError: Int32 = 74
    /// The model pack has errors (or ICU cannot open its break iterators); nothing was analysed.
    static let modelError: Int32 = 78

    static let documentation = """
    Exit status: 0 success; 1 a check failed (eval --min floor, test, lint); 64 usage error;
    65 input errors (some input unreadable or some comments skipped, the rest processed);
    74 output could not be written; 78 model files invalid (nothing analysed).
    """
}

/// Options shared by every command that loads the models.
struct ModelOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A models directory laid over the shipped models/ (or $THREADLENS_MODELS): its files replace the shipped files at the same paths, files it lacks come from the shipped pack.", valueName: "dir"))
    var models: String?

    @Option(name: .long, help: ArgumentHelp("An overlay model file (repeatable). Line 1 names the format it extends (#! format: sentiment-lexicon/1); its entries are added, replace shipped entries with the same key, or remove them with '-' after the key.", valueName: "file"))
    var lexicon: [String] = []

    /// The pack to load and what to lay over it: `--models DIR` is a partial pack over the
    /// shipped one, or the pack itself when no shipped pack is found or it is the shipped one.
    func resolved() -> (directory: URL?, overlays: ModelOverlays) {
        Self.resolve(models: models, lexicon: lexicon)
    }

    static func resolve(models: String?, lexicon: [String]) -> (directory: URL?, overlays: ModelOverlays) {
        let shipped = ModelPack.locateDefaultDirectory()
        guard let models else { return (shipped, ModelOverlays(files: lexicon)) }
        let given = URL(fileURLWithPath: models)
        guard let shipped, shipped.standardizedFileURL.resolvingSymlinksInPath().path != given.standardizedFileURL.resolvingSymlinksInPath().path else {
            return (given, ModelOverlays(files: lexicon))
        }
        return (shipped, ModelOverlays(directories: [models], files: lexicon))
    }
}

/// Options shared by every command that reads threads.
struct InputOptions: ParsableArguments {
    @Argument(help: "Thread files (.txt, .jsonl, .json, .csv); '-' reads standard input.")
    var inputs: [String] = []

    @Option(name: .long, help: "Force the input format: text, jsonl, json or csv.")
    var inputFormat: InputFormat?

    @Option(name: .long, help: ArgumentHelp("Force the input charset (GB18030, GBK, Big5, windows-1252, ISO-8859-1, UTF-16LE …); by default it is detected.", valueName: "name"))
    var encoding: String?

    @Flag(name: .long, help: "Also print notes (e.g. which article boilerplate lines were removed).")
    var verbose = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("name at least one input file (or '-' for standard input)") }
        if let encoding, !InputEncoding.icu().canDecode(encoding) {
            throw ValidationError("unknown encoding '\(encoding)' (expected a charset name such as UTF-8, GB18030, Big5, windows-1252 or UTF-16LE)")
        }
    }
}

/// How many cores analysis may use (`analyze`, `report`).
struct ParallelOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Worker threads for analysis (default: every core, here \(ParallelAnalysis.availableCores)); output order does not depend on it.", valueName: "n"))
    var jobs: Int = ParallelAnalysis.availableCores

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// The analysis runner for `analyzer`, exiting with the internal error code if ICU cannot
    /// give a worker its break iterators.
    func runner(_ analyzer: Analyzer) throws -> ParallelAnalysis {
        do {
            return try ParallelAnalysis(analyzer, jobs: jobs)
        } catch {
            // The same failure as loading the models' tokenizer: ICU's data is missing.
            printError("threadlens: error: [icu.open] \(error); is ICU's data library installed? nothing was analysed")
            throw ExitCode(ExitStatus.modelError)
        }
    }
}

extension InputFormat: ExpressibleByArgument {}
extension AnalysisOptions.Target: ExpressibleByArgument {}

/// Writes diagnostics to standard error as `file:line:col: severity: [id] message`.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { printError(diagnostic.description) }
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Buffered standard output.
struct OutputBuffer {
    private var buffer = ""
    mutating func write(_ line: String) {
        buffer += line
        buffer += "\n"
        if buffer.utf8.count > 1 << 16 { flush() }
    }
    mutating func flush() {
        FileHandle.standardOutput.write(Data(buffer.utf8))
        buffer = ""
    }
}

/// Reads every input, printing diagnostics as it goes, and counts what was read and skipped.
final class InputRun {
    private let options: InputOptions
    private let boilerplate: BoilerplateRules
    /// Files read so far.
    private(set) var files = 0
    private(set) var skipped: [SkippedComment] = []
    private(set) var hadErrors = false
    private var cachedThreads: [CommentThread]?

    /// `models`: the `--models` directory, where `boilerplate.tsv` (article boilerplate of the
    /// text format) is read from; by default the shipped models/. Invalid rules stop the run
    /// with the model error code before any input is read (no half-loaded models).
    init(_ options: InputOptions, models: String? = nil) {
        self.options = options
        // A partial pack (see ModelOptions) without its own boilerplate.tsv uses the shipped one.
        let (boilerplate, ruleDiagnostics) = BoilerplateRules.load(modelsDirectory: nil, partialPacks: models.map { [$0] } ?? [])
        DiagnosticPrinter.print(ruleDiagnostics)
        if ruleDiagnostics.hasErrors {
            printError("threadlens: the model files have errors; nothing was read")
            exit(ExitStatus.modelError)
        }
        self.boilerplate = boilerplate
    }

    /// With the boilerplate rules an `Analyzer` already loaded (no second read of the file).
    init(_ options: InputOptions, boilerplate: BoilerplateRules) {
        self.options = options
        self.boilerplate = boilerplate
    }

    /// Reads one input file, printing its diagnostics and keeping its skipped comments.
    private func read(_ path: String) -> [CommentThread] {
        files += 1
        return record(InputFiles.read(path: path, format: options.inputFormat, boilerplate: boilerplate, encoding: .icu(forced: options.encoding)))
    }

    /// Prints what reading said, keeps the skipped comments, and hands over the threads.
    private func record(_ result: ReadResult) -> [CommentThread] {
        DiagnosticPrinter.print(options.verbose ? result.diagnostics : result.diagnostics.filter { $0.severity != .note })
        if result.diagnostics.hasErrors || !result.skipped.isEmpty { hadErrors = true }
        skipped += result.skipped
        return result.threads
    }

    /// Every thread of every input, all read first (for commands that look across them).
    var threads: [CommentThread] {
        if let cachedThreads { return cachedThreads }
        let all = options.inputs.flatMap { read($0) }
        cachedThreads = all
        return all
    }

    /// Every thread of every input, one file in memory at a time: a file is read when the
    /// previous one's threads have all been taken, so a run over many files holds one. A large
    /// JSON Lines file is read in pieces of whole threads (`JSONLinesPieces`), so one huge
    /// scrape does not have to fit in memory either.
    var streamedThreads: some Sequence<CommentThread> {
        options.inputs.lazy.flatMap { self.threads(of: $0) }
    }

    /// A JSON Lines file at least this large is read in pieces of about this size
    /// (`THREADLENS_PIECE_BYTES` changes it, for tests and for machines short of memory).
    static var pieceBytes: Int {
        ProcessInfo.processInfo.environment["THREADLENS_PIECE_BYTES"].flatMap { Int($0) }.map { max(1, $0) } ?? 4 << 20
    }

    /// The threads of one input: in pieces when it is a large plain-UTF-8 JSON Lines file,
    /// else read whole.
    private func threads(of path: String) -> AnySequence<CommentThread> {
        let format = options.inputFormat ?? (path == "-" ? nil : InputFormat(pathExtension: (path as NSString).pathExtension))
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard path != "-", format == .jsonl, options.encoding == nil, size >= Self.pieceBytes,
              let pieces = JSONLinesPieces.plan(path: path, pieceBytes: Self.pieceBytes) else {
            return AnySequence(read(path))
        }
        files += 1
        let threadID = InputFiles.defaultThreadID(forPath: path)
        return AnySequence(pieces.lazy.flatMap { piece in
            self.record(InputFiles.read(data: piece.data, source: path, format: .jsonl, threadID: threadID,
                                        boilerplate: self.boilerplate, encoding: .icu(forced: nil), firstLine: piece.firstLine))
        })
    }

    /// The closing count on standard error: read = analysed + skipped.
    func printSummary(analysed: Int, verb: String = "analysed") {
        let read = analysed + skipped.count
        var line = "threadlens: \(files) file(s), \(read) comment(s) read, \(analysed) \(verb), \(skipped.count) skipped"
        if !skipped.isEmpty {
            var reasons: [String: Int] = [:]
            for item in skipped { reasons[item.reason, default: 0] += 1 }
            line += " (" + reasons.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: "; ") + ")"
        }
        printError(line)
    }

    var exitCode: Int32 { hadErrors ? ExitStatus.inputError : ExitStatus.success }
}

/// Loads the analyzer, rendering model diagnostics and exiting with the model error code.
/// `printWarnings: false` leaves the warnings (`analyzer.modelWarnings`) to the caller.
func loadAnalyzer(_ modelOptions: ModelOptions, options: AnalysisOptions = AnalysisOptions(), printWarnings: Bool = true) throws -> Analyzer {
    do {
        let (directory, overlays) = modelOptions.resolved()
        let analyzer = try Analyzer(modelsDirectory: directory, overlays: overlays, options: options)
        if printWarnings { DiagnosticPrinter.print(analyzer.modelWarnings) }
        return analyzer
    } catch let error as DiagnosticsError {
        DiagnosticPrinter.print(error.diagnostics)
        printError("threadlens: the model files have errors; nothing was analysed")
        throw ExitCode(ExitStatus.modelError)
    }
}
