import Foundation
import Testing
import ThreadLens

/// Analysis on several workers gives exactly what one worker gives, in the same order.
@Suite struct ParallelAnalysisTests {
    /// Every shipped sample and gold thread, so batches hold threads of very different sizes.
    static func threads() throws -> [CommentThread] {
        let root = CLIRunner.repositoryRoot
        var threads: [CommentThread] = []
        for folder in ["corpora/samples", "corpora/gold"] {
            let directory = root.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            for name in names where !name.hasSuffix(".gold.jsonl") && !name.hasSuffix(".md") {
                threads += InputFiles.read(path: directory.appendingPathComponent(name).path).threads
            }
        }
        return threads
    }

    static func records(jobs: Int, batchComments: Int) throws -> [String] {
        let analyzer = try Analyzer(modelsDirectory: CLIRunner.repositoryRoot.appendingPathComponent("models"))
        var records: [String] = []
        try ParallelAnalysis(analyzer, jobs: jobs, batchComments: batchComments).analyze(try threads()) { analyzed in
            records += analyzed.comments.map { $0.record(thread: analyzed.thread.id).serialized() }
        }
        return records
    }

    @Test(arguments: [(3, 7), (2, 4096), (4, 1)])
    func workersGiveTheSingleWorkerRecordsInInputOrder(jobs: Int, batchComments: Int) throws {
        let single = try Self.records(jobs: 1, batchComments: 4096)
        #expect(single.count > 100)
        let parallel = try Self.records(jobs: jobs, batchComments: batchComments)
        #expect(parallel == single)
    }

    @Test func analyzeWithTwoJobsPrintsWhatOneJobPrints() throws {
        let inputs = ["corpora/samples/forum-export.jsonl", "corpora/samples/zh-xiaomi-double11-kandan.txt", "corpora/samples/gadget-forum.json"]
        let one = try CLIRunner.run(["analyze", "--jobs", "1"] + inputs)
        let two = try CLIRunner.run(["analyze", "--jobs", "2"] + inputs)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(!one.stdout.isEmpty)
        #expect(two.stdout == one.stdout)
        #expect(two.stderr == one.stderr)
    }

    @Test func jobsBelowOneIsAUsageError() throws {
        let run = try CLIRunner.run(["analyze", "--jobs", "0", "corpora/samples/forum-export.jsonl"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--jobs must be at least 1"))
    }
}

/// A JSON Lines file read in pieces (any file of at least `THREADLENS_PIECE_BYTES`) is
/// analysed exactly as when it is read whole.
@Suite struct PieceReadingTests {
    @Test(arguments: ["corpora/samples/forum-export.jsonl"] + ["duplicate-ids", "missing-parent", "parent-cycle", "not-object",
                                                                "escaped-controls", "missing-text", "bad-escape"].map { "corpora/malformed/files/jsonl-\($0).jsonl" })
    func analyzeInPiecesPrintsTheRecordsOfTheWholeFile(_ input: String) throws {
        guard FileManager.default.fileExists(atPath: CLIRunner.repositoryRoot.appendingPathComponent(input).path) else {
            Issue.record("missing input \(input)")
            return
        }
        let whole = try CLIRunner.run(["analyze", input])
        let pieces = try CLIRunner.run(["analyze", input], environment: ["THREADLENS_PIECE_BYTES": "1"])
        #expect(!whole.stdout.isEmpty)
        #expect(pieces.stdout == whole.stdout)
        #expect(pieces.status == whole.status)
        #expect(pieces.stderr.split(separator: "\n").sorted() == whole.stderr.split(separator: "\n").sorted())
    }
}
