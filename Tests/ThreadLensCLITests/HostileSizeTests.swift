import Foundation
import Testing

/// The issue's full sizes through `threadlens analyze`, end to end: replies 10,000 deep, 100,000
/// comments in one thread, a 10 MB comment, in every format where the size makes sense. Each
/// run must end (a hang is killed after `limit` and fails), exit 0, print one valid JSON record
/// per comment, and count read = analysed + skipped.
///
/// Opt-in, since the pipeline over these takes minutes in a debug build:
///
///     THREADLENS_HOSTILE_SIZES=1 swift test -c release --filter HostileSizeTests
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["THREADLENS_HOSTILE_SIZES"] == "1"))
struct HostileSizeTests {
    /// How long one run may take before it counts as a hang.
    static let limit: TimeInterval = 900

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var file: String
        var comments: Int
        var make: @Sendable () -> String
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "JSON Lines, 10,000 deep", file: "deep.jsonl", comments: 10_001) {
            var text = "{\"id\": \"0\", \"text\": \"Xiaomi says Mi Depot is not an authorised seller.\"}\n"
            for i in 1...10_000 { text += "{\"id\": \"c\(i)\", \"parent\": \"\(i == 1 ? "0" : "c\(i - 1)")\", \"text\": \"\(i % 2 == 0 ? "I agree, not official." : "ok")\"}\n" }
            return text
        },
        Case(name: "JSON tree, 10,000 deep", file: "deep.json", comments: 10_002) {
            var text = "{\"title\": \"Xiaomi resellers\", \"comments\": ["
            for i in 0...10_000 { text += "{\"id\": \"c\(i)\", \"text\": \"level \(i): Mi Depot is not official\", \"replies\": [" }
            return text + String(repeating: "]}", count: 10_001) + "]}"
        },
        Case(name: "CSV, 10,000 deep", file: "deep.csv", comments: 10_000) {
            var text = "id,parent,text\n"
            for i in 1...10_000 { text += "c\(i),\(i == 1 ? "" : "c\(i - 1)"),\"Xiaomi, reply \(i)\"\n" }
            return text
        },
        Case(name: "text layout, 2,000 deep (10,000 would be 300 MB of indentation)", file: "deep.txt", comments: 2_002) {
            var text = "Xiaomi resellers\n\nAn article about Xiaomi.\n\n  1. ana\n    March 1, 2024\n\n    Mi Depot is not official.\n\n"
            for i in 1...2_000 {
                let tabs = String(repeating: "\t", count: i + 1)
                text += "\(tabs)• user\(i)\n\(tabs)\t\tMarch 1, 2024\n\n\(tabs)\t\tI agree with that.\n\n"
            }
            return text
        },
        Case(name: "JSON Lines, 100,000 comments", file: "many.jsonl", comments: 100_001) {
            var text = "{\"id\": \"0\", \"text\": \"Xiaomi phones sold by resellers\"}\n"
            for i in 1...100_000 { text += "{\"id\": \"\(i)\", \"parent\": \"\(i / 3)\", \"text\": \"\(i % 2 == 0 ? "ok" : "Mi Depot is not official")\"}\n" }
            return text
        },
        Case(name: "text layout, 100,000 comments", file: "many.txt", comments: 100_001) {
            var text = "Xiaomi resellers\n\nAn article about Xiaomi.\n\n"
            for i in 1...100_000 { text += "  \(i). user\(i)\n    March 1, 2024\n\n    \(i % 2 == 0 ? "ok" : "Mi Depot is not official")\n\n" }
            return text
        },
        Case(name: "JSON Lines, a 100 KB comment", file: "long.jsonl", comments: 1) {
            let sentence = "The shop is not official and Xiaomi should say so, 小米官方说这家店不是正规渠道。 "
            return "{\"id\": \"1\", \"text\": \"" + String(repeating: sentence, count: 100_000 / sentence.utf8.count + 1) + "\"}\n"
        },
        Case(name: "JSON Lines, a 10 MB comment", file: "big.jsonl", comments: 1) {
            let sentence = "The shop is not official and Xiaomi should say so, 小米官方说这家店不是正规渠道。 "
            return "{\"id\": \"1\", \"text\": \"" + String(repeating: sentence, count: 10_000_000 / sentence.utf8.count + 1) + "\"}\n"
        },
        Case(name: "CSV, a 10 MB comment", file: "big.csv", comments: 1) {
            let sentence = "Prices are far too high, the seller is not official. "
            return "id,text\n1,\"" + String(repeating: sentence, count: 10_000_000 / sentence.utf8.count + 1) + "\"\n"
        },
    ]

    @Test(arguments: cases)
    func analyzeEndsWithARecordPerComment(_ item: Case) throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent(item.file)
        try item.make().write(to: input, atomically: false, encoding: .utf8)
        let run = try HostileRunner.run(["analyze", "--format", "jsonl", input.path], in: directory, limit: Self.limit)
        #expect(!run.timedOut, "still running after \(Int(Self.limit)) s: killed")
        guard !run.timedOut else { return }
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        #expect(run.stderr.contains("\(item.comments) comment(s) read, \(item.comments) analysed, 0 skipped"), "\(run.stderr.suffix(500))")
        var records = 0
        try HostileRunner.forEachLine(of: run.stdout) { (line: Data) throws in
            records += 1
            if records % 997 == 1 || records == item.comments {
                #expect(try JSONSerialization.jsonObject(with: line) is [String: Any])
            }
        }
        #expect(records == item.comments)
    }
}

/// Runs the binary with a time limit, output to files (a large output never blocks the child).
enum HostileRunner {
    struct Run {
        var status: Int32
        var timedOut: Bool
        var stdout: URL
        var stderr: String
    }

    static func run(_ arguments: [String], in directory: URL, limit: TimeInterval) throws -> Run {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = CLIRunner.repositoryRoot
        let outURL = directory.appendingPathComponent("stdout"), errURL = directory.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        var timedOut = false
        if finished.wait(timeout: .now() + limit) == .timedOut {
            timedOut = true
            process.terminate()
            finished.wait()
        }
        let stderr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        return Run(status: process.terminationStatus, timedOut: timedOut, stdout: outURL, stderr: stderr)
    }

    /// Calls `body` with each line of a file, without loading it as one String.
    static func forEachLine(of url: URL, _ body: (Data) throws -> Void) throws {
        let data = try Data(contentsOf: url, options: .mappedIfSafe)
        var start = data.startIndex
        while let end = data[start...].firstIndex(of: 0x0A) {
            try body(data[start..<end])
            start = end + 1
        }
        if start < data.endIndex { try body(data[start...]) }
    }
}
