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
    /// The model pack has errors; nothing was analysed.
    static let modelError: Int32 = 78

    static let documentation = """
    Exit status: 0 success; 1 a check failed (eval --min floor, test, lint); 64 usage error;
    65 input errors (some input unreadable or some comments skipped, the rest processed);
    74 output could not be written; 78 model files invalid (nothing analysed).
    """
}

/// Options shared by every command that loads the models.
struct ModelOptions: ParsableArguments {
    @Option(name: .long, help: "The models directory (default: the shipped models/, or $THREADLENS_MODELS).")
    var models: String?
}

/// Options shared by every command that reads threads.
struct InputOptions: ParsableArguments {
    @Argument(help: "Thread files (.txt, .jsonl, .json, .csv); '-' reads standard input.")
    var inputs: [String] = []

    @Option(name: .long, help: "Force the input format: text, jsonl, json or csv.")
    var inputFormat: InputFormat?

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("name at least one input file (or '-' for standard input)") }
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
struct InputRun {
    var results: [ReadResult] = []
    var hadErrors = false

    init(_ options: InputOptions) {
        for path in options.inputs {
            let result = InputFiles.read(path: path, format: options.inputFormat)
            DiagnosticPrinter.print(result.diagnostics)
            if result.diagnostics.hasErrors || !result.skipped.isEmpty { hadErrors = true }
            results.append(result)
        }
    }

    var threads: [CommentThread] { results.flatMap(\.threads) }
    var skipped: [SkippedComment] { results.flatMap(\.skipped) }

    /// The closing count on standard error: read = analysed + skipped.
    func printSummary(analysed: Int, verb: String = "analysed") {
        let skipped = self.skipped
        let read = analysed + skipped.count
        var line = "threadlens: \(results.count) file(s), \(read) comment(s) read, \(analysed) \(verb), \(skipped.count) skipped"
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
func loadAnalyzer(_ modelOptions: ModelOptions, options: AnalysisOptions = AnalysisOptions()) throws -> Analyzer {
    do {
        let analyzer = try Analyzer(modelsDirectory: modelOptions.models.map { URL(fileURLWithPath: $0) }, options: options)
        DiagnosticPrinter.print(analyzer.modelWarnings)
        return analyzer
    } catch let error as DiagnosticsError {
        DiagnosticPrinter.print(error.diagnostics)
        printError("threadlens: the model files have errors; nothing was analysed")
        throw ExitCode(ExitStatus.modelError)
    }
}
