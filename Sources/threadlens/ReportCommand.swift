import ArgumentParser
import Foundation
import ThreadLens

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Aggregate threads per topic, claim, entity, thread and over time.",
        discussion: """
        Formats: terminal (default; colour and bars only on a terminal, never with NO_COLOR),
        markdown, json (schema threadlens-report/1), csv (tidy tables: --table NAME, or every
        table into the directory -o DIR) and html (one self-contained file with SVG charts).

        For sharded runs, '--emit partial -o part.json' writes a mergeable partial aggregate
        (schema threadlens-partial/1); 'threadlens merge part*.json' combines partials into the
        report a single run over all the inputs gives. See docs/report.md.

        \(ExitStatus.documentation)
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var modelOptions: ModelOptions
    @OptionGroup var parallel: ParallelOptions
    @OptionGroup var output: ReportOutputOptions
    @Option(help: "The brand the threads are about (a gazetteer id such as xiaomi); detected when omitted.")
    var brand: String?
    @Option(help: "brand: score only sentiment aimed at the brand; any: all sentiment in the text.")
    var target: AnalysisOptions.Target = .brand
    @Option(help: "Evidence quotes kept per list (most positive, most negative, claim evidence …).")
    var quotes: Int = PartialReport.defaultQuoteLimit

    func validate() throws {
        if quotes < 1 { throw ValidationError("--quotes must be at least 1") }
        try output.check()
    }

    func run() throws {
        let analyzer = try loadAnalyzer(modelOptions, options: AnalysisOptions(brand: brand, target: target))
        let run = InputRun(input, boilerplate: analyzer.boilerplate)
        var partial = PartialReport(quoteLimit: quotes)
        // Inputs are streamed, so the number of threads is not known in advance.
        var progress = ProgressLine(total: nil, unit: "thread", enabled: true)
        var analysed = 0
        try parallel.runner(analyzer).analyze(run.streamedThreads) { analyzed in
            progress.advance(note: analyzed.thread.id.rawValue)
            partial.add(analyzed)
            analysed += analyzed.comments.count
        }
        progress.finish()
        partial.recordInput(files: run.files, skipped: run.skipped.map(\.reason))
        try output.write(partial)
        run.printSummary(analysed: analysed)
        if run.exitCode != 0 { throw ExitCode(run.exitCode) }
    }
}

extension CSVTable: ExpressibleByArgument {}

/// Output options shared by `report` and `merge`, and the writing of a report or a partial.
struct ReportOutputOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable { case terminal, markdown, json, csv, html }
    enum Emit: String, ExpressibleByArgument, CaseIterable { case report, partial }
    enum ColorMode: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @Option(help: "Output format.")
    var format: Format = .terminal
    @Option(name: .shortAndLong, help: "Write to this file (for csv without --table: this directory) instead of standard output.")
    var output: String?
    @Option(help: "csv: the table to write (\(CSVTable.allCases.map(\.rawValue).joined(separator: ", "))).")
    var table: CSVTable?
    @Option(help: "report: the finished report; partial: a mergeable partial aggregate (JSON, one line) for 'threadlens merge'.")
    var emit: Emit = .report
    @Option(help: "terminal format: colour and bar glyphs auto (on a terminal; no colour if NO_COLOR is set), always or never.")
    var color: ColorMode = .auto

    func check() throws {
        if emit == .report, format == .csv, table == nil, output == nil {
            throw ValidationError("csv holds several tables: name one with --table, or a directory to write them all with -o DIR")
        }
    }

    /// Writes the finished report in the chosen format, or the partial itself.
    func write(_ partial: PartialReport) throws {
        for id in partial.repeatedThreads {
            printError("threadlens: warning: [report.repeated-thread] thread '\(id)' was read more than once; its counts are added up")
        }
        if emit == .partial {
            try deliver(partial.json().serialized() + "\n")
            return
        }
        let report = Report(partial)
        switch format {
        case .terminal:
            let onTerminal = output == nil && isatty(STDOUT_FILENO) == 1
            let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            let useColor = color == .always || (color == .auto && onTerminal && !noColor)
            let useGlyphs = color == .always || (color == .auto && onTerminal)
            try deliver(TerminalRenderer(color: useColor, glyphs: useGlyphs).render(report))
        case .markdown: try deliver(MarkdownRenderer().render(report))
        case .json: try deliver(report.json().pretty() + "\n")
        case .html: try deliver(HTMLRenderer().render(report))
        case .csv:
            if let table {
                try deliver(CSVRenderer().render(report, table: table))
            } else if let output {
                do {
                    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
                } catch {
                    printError("threadlens: error: [output.write] cannot create directory \(output): \(error.localizedDescription)")
                    throw ExitCode(ExitStatus.outputError)
                }
                for table in CSVTable.allCases {
                    try deliver(CSVRenderer().render(report, table: table), to: (output as NSString).appendingPathComponent(table.fileName))
                }
            }
        }
    }

    private func deliver(_ text: String) throws {
        if let output { try deliver(text, to: output) } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    private func deliver(_ text: String, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            printError("threadlens: error: [output.write] cannot write \(path)")
            throw ExitCode(ExitStatus.outputError)
        }
    }
}

/// A one-line progress indicator on standard error, only when standard error is a terminal,
/// redrawn at most ten times a second and erased when done.
struct ProgressLine {
    /// The number of items, when known.
    let total: Int?
    let unit: String
    let enabled: Bool
    private var done = 0
    private var lastDraw: ContinuousClock.Instant?
    private var drawn = false

    init(total: Int?, unit: String, enabled: Bool) {
        self.total = total
        self.unit = unit
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
    }

    mutating func advance(note: String) {
        done += 1
        guard enabled else { return }
        let now = ContinuousClock.now
        if let lastDraw, now - lastDraw < .milliseconds(100), done < total ?? .max { return }
        lastDraw = now
        var line = "threadlens: \(done)\(total.map { "/\($0)" } ?? "") \(unit)s \(note)"
        if line.count > 78 { line = String(line.prefix(77)) + "…" }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        drawn = true
    }

    mutating func finish() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }
}
