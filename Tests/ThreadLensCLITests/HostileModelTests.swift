import Foundation
import Testing

/// A broken model file of any kind stops `threadlens analyze` before anything is analysed:
/// exit 78, nothing on standard output, and the file and line of the problem on standard error.
/// Every `.tsv` under models/ is tried (a copy of the pack with one line broken), so a new
/// model kind is covered as soon as it ships.
@Suite struct HostileModelTests {
    static let models = CLIRunner.repositoryRoot.appendingPathComponent("models")

    static let modelFiles: [String] = {
        guard let walker = FileManager.default.enumerator(atPath: models.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".tsv") }.sorted()
    }()

    /// Copies the pack, applies `edit` to `file`, runs analyze over one comment.
    func runBroken(_ file: String, edit: (String) -> (text: String, line: Int)) throws -> (run: CLIRun, path: String, line: Int) {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("models")
        try FileManager.default.copyItem(at: Self.models, to: copy)
        let url = copy.appendingPathComponent(file)
        let (text, line) = edit(try String(contentsOf: url, encoding: .utf8))
        try text.write(to: url, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["analyze", "--models", copy.path, "--input-format", "jsonl", "-"],
                                    input: "{\"id\": \"1\", \"text\": \"Xiaomi is fine\"}\n")
        return (run, url.path, line)
    }

    @Test func everyModelKindIsTried() {
        #expect(Self.modelFiles.count >= 10)
        #expect(Self.modelFiles.contains("boilerplate.tsv"))
    }

    @Test(arguments: modelFiles)
    func aLineWithTooManyColumnsStopsTheRun(_ file: String) throws {
        let (run, path, line) = try runBroken(file) { text in
            let base = text.hasSuffix("\n") ? text : text + "\n"
            let lines = base.split(separator: "\n", omittingEmptySubsequences: false).count
            return (base + "zzqx\tnot-a-thing\tbroken\textra\tcolumns\tzz\tzz\n", lines)
        }
        #expect(run.status == 78, "\(run.stderr.suffix(600))")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("\(path):\(line):"), "\(run.stderr.suffix(600))")
        #expect(run.stderr.contains("nothing was analysed"))
    }

    @Test(arguments: ["brands.tsv", "boilerplate.tsv", "stance.tsv"])
    func anUnsupportedFormatVersionStopsTheRun(_ file: String) throws {
        let (run, path, _) = try runBroken(file) { text in
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if let slash = lines[0].lastIndex(of: "/") { lines[0] = String(lines[0][..<slash]) + "/99" }
            return (lines.joined(separator: "\n"), 1)
        }
        #expect(run.status == 78)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("\(path):1:"), "\(run.stderr.suffix(600))")
    }
}
