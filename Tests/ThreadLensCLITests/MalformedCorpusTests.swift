import Foundation
import Testing
import ThreadLens

/// The hostile files of `corpora/malformed/files`, each with what threadlens must say about it
/// in `corpora/malformed/expected.tsv`: every diagnostic (code and line), the exit code, and the
/// number of comment records the file holds, counted by hand, so "read = analysed + skipped"
/// is checked against a number the tool did not produce.
@Suite(.serialized) struct MalformedCorpusTests {
    struct Expected: Hashable, Sendable, CustomStringConvertible {
        var severity: Diagnostic.Severity
        var code: String
        var line: Int
        var description: String { "\(severity.rawValue):\(code)@\(line)" }
    }

    struct Row: Sendable, CustomStringConvertible {
        var file: String
        var exit: Int32
        var read: Int
        var analysed: Int
        var skipped: Int
        var diagnostics: [Expected]
        var description: String { file }
        var path: String { MalformedCorpusTests.directory.appendingPathComponent(file).path }
    }

    static let root = CLIRunner.repositoryRoot.appendingPathComponent("corpora/malformed")
    static let directory = root.appendingPathComponent("files")

    static let rows: [Row] = {
        guard let text = try? String(contentsOf: root.appendingPathComponent("expected.tsv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line -> Row? in
            if line.hasPrefix("#") { return nil }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 6, let exit = Int32(columns[1]), let read = Int(columns[2]), let analysed = Int(columns[3]),
                  let skipped = Int(columns[4]) else { return nil }
            let diagnostics = columns[5] == "-" ? [] : columns[5].split(separator: " ").compactMap { item -> Expected? in
                let parts = item.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, let severity = Diagnostic.Severity(rawValue: String(parts[0])) else { return nil }
                let codeAndLine = parts[1].split(separator: "@")
                guard codeAndLine.count == 2, let number = Int(codeAndLine[1]) else { return nil }
                return Expected(severity: severity, code: String(codeAndLine[0]), line: number)
            }
            return Row(file: columns[0], exit: exit, read: read, analysed: analysed, skipped: skipped, diagnostics: diagnostics)
        }
    }()

    /// One analyzer for the suite (its cases run one at a time: an Analyzer owns ICU iterators).
    nonisolated(unsafe) static let analyzer: Analyzer? = try? Analyzer(modelsDirectory: CLIRunner.repositoryRoot.appendingPathComponent("models"))

    @Test func corpusHoldsAtLeastFortyFilesAndEachHasItsExpectation() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter { !$0.hasPrefix(".") }
        #expect(files.count >= 40)
        #expect(Set(files) == Set(Self.rows.map(\.file)), "files without a row, or rows without a file, in expected.tsv")
        #expect(Self.rows.count == Set(Self.rows.map(\.file)).count, "a file is listed twice")
    }

    /// Reads and analyses one file in-process, as `threadlens analyze` does.
    @Test(arguments: rows)
    func fileGetsItsDiagnosticsAndEveryCommentIsAnalysedOrSkipped(_ row: Row) throws {
        let analyzer = try #require(Self.analyzer)
        let result = InputFiles.read(path: row.path, boilerplate: analyzer.boilerplate, encoding: .icu())

        let said = result.diagnostics.filter { $0.code != "input.boilerplate" }
            .map { Expected(severity: $0.severity, code: $0.code, line: $0.location?.line ?? 0) }
        let expectedProblems = row.diagnostics.filter { $0.severity != .note }
        #expect(Set(said.filter { $0.severity != .note }) == Set(expectedProblems), "\(result.diagnostics.map(\.description))")
        #expect(said.filter { $0.severity != .note }.count == expectedProblems.count, "\(result.diagnostics.map(\.description))")
        for note in row.diagnostics where note.severity == .note {
            #expect(said.contains(note), "missing \(note)")
        }
        for diagnostic in result.diagnostics {
            #expect(diagnostic.location?.file == row.path)
            #expect(!diagnostic.message.isEmpty)
        }

        #expect(result.commentCount + result.skipped.count == row.read, "read = analysed + skipped")
        #expect(result.skipped.count == row.skipped)
        let exit: Int32 = result.diagnostics.hasErrors || !result.skipped.isEmpty ? 65 : 0
        #expect(exit == row.exit)

        var analysed = 0
        for thread in result.threads {
            let analyzedThread = analyzer.analyze(thread)
            #expect(analyzedThread.comments.map(\.id) == thread.comments.map(\.id))
            for comment in analyzedThread.comments {
                let line = comment.record(thread: thread.id).serialized()
                #expect(!line.contains("\n"))
                #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any], "\(line)")
                #expect(InvisibleCharacters.isClean(comment.comment.text), "control, bidi or invisible characters left in \(comment.id)")
                analysed += 1
            }
        }
        #expect(analysed == row.analysed)
    }

    /// The binary, over the whole corpus in one run: no crash, every line of output valid JSON,
    /// the closing count equal to the hand-counted total, every problem printed as file:line.
    @Test func analyzeOverTheWholeCorpusPrintsEveryProblemAndAValidRecordPerComment() throws {
        let paths = Self.rows.map { "corpora/malformed/files/\($0.file)" }
        let run = try CLIRunner.run(["analyze", "--format", "jsonl"] + paths)
        #expect(run.status == 65)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == Self.rows.reduce(0) { $0 + $1.analysed })
        for line in lines {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any], "\(line)")
        }
        let read = Self.rows.reduce(0) { $0 + $1.read }, analysed = Self.rows.reduce(0) { $0 + $1.analysed }, skipped = Self.rows.reduce(0) { $0 + $1.skipped }
        #expect(run.stderr.contains("threadlens: \(Self.rows.count) file(s), \(read) comment(s) read, \(analysed) analysed, \(skipped) skipped"), "\(run.stderr.suffix(400))")
        for row in Self.rows {
            for expected in row.diagnostics where expected.severity != .note {
                let prefix = "corpora/malformed/files/\(row.file):\(expected.line):"
                let found = run.stderr.split(separator: "\n").contains { $0.hasPrefix(prefix) && $0.contains("\(expected.severity.rawValue): [\(expected.code)]") }
                #expect(found, "\(row.file): \(expected) not printed")
            }
        }
    }

    /// The other machine-readable outputs over the same files: `parse --format jsonl` one
    /// valid object per comment, `report --format json` one valid document counting them all.
    @Test func parseAndReportOverTheWholeCorpusWriteValidJSON() throws {
        let paths = Self.rows.map { "corpora/malformed/files/\($0.file)" }
        let analysed = Self.rows.reduce(0) { $0 + $1.analysed }
        let parse = try CLIRunner.run(["parse", "--format", "jsonl"] + paths)
        #expect(parse.status == 65)
        let lines = parse.stdout.split(separator: "\n")
        #expect(lines.count == analysed)
        for line in lines {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any], "\(line)")
        }
        let report = try CLIRunner.run(["report", "--format", "json"] + paths)
        #expect(report.status == 65, "\(report.stderr.suffix(400))")
        #expect(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) is [String: Any])
        #expect(report.stderr.contains("\(Self.rows.reduce(0) { $0 + $1.read }) comment(s) read, \(analysed) analysed"), "\(report.stderr.suffix(400))")
    }

    /// Each file alone through `threadlens parse` (no models to load): the exit code.
    @Test(arguments: rows)
    func parseExitsWithTheExpectedCode(_ row: Row) throws {
        let run = try CLIRunner.run(["parse", "corpora/malformed/files/\(row.file)"])
        #expect(run.status == row.exit, "\(run.stderr)")
        #expect(run.stderr.contains("\(row.read) comment(s) read, \(row.analysed) parsed, \(row.skipped) skipped"), "\(run.stderr)")
    }
}
