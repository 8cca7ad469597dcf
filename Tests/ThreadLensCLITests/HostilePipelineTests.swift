import Foundation
import Testing
import ThreadLens

/// Hostile shapes through the whole pipeline, in-process: deep reply chains, many comments,
/// and text full of characters a tokenizer may trip on. Sizes here are what a debug build runs
/// in seconds; the issue's full sizes (10,000 deep, 100,000 comments, 10 MB) and long comments
/// run through the binary in `HostileSizeTests` (opt-in).
@Suite(.serialized) struct HostilePipelineTests {
    nonisolated(unsafe) static let analyzer: Analyzer? = try? Analyzer(modelsDirectory: CLIRunner.repositoryRoot.appendingPathComponent("models"))

    func analyze(_ text: String, _ format: InputFormat) throws -> (read: ReadResult, threads: [AnalyzedThread]) {
        let analyzer = try #require(Self.analyzer)
        let read = InputFiles.read(data: Data(text.utf8), source: "hostile.\(format.rawValue)", format: format,
                                   threadID: ThreadID("hostile"), boilerplate: analyzer.boilerplate, encoding: .icu())
        return (read, read.threads.map(analyzer.analyze))
    }

    /// Every comment analysed once, in input order, and every record one line of valid JSON.
    func expectRecords(_ read: ReadResult, _ threads: [AnalyzedThread]) throws {
        #expect(threads.map { $0.comments.count } == read.threads.map { $0.comments.count })
        for (thread, analyzed) in zip(read.threads, threads) {
            #expect(analyzed.comments.map(\.id) == thread.comments.map(\.id))
            for comment in analyzed.comments {
                let line = comment.record(thread: thread.id).serialized()
                #expect(!line.contains("\n"))
                #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any], "\(line.prefix(200))")
            }
        }
    }

    /// A chain of replies, each answering the one before, about a brand (so claims and stance
    /// walk the parent chain).
    static func chain(depth: Int) -> String {
        var text = "{\"id\": \"0\", \"text\": \"Xiaomi says Mi Depot is not an authorised seller.\"}\n"
        for i in 1...depth {
            let body = i % 3 == 0 ? "No, Mi Depot is official, I bought there." : (i % 3 == 1 ? "I agree, they are not official." : "ok")
            text += "{\"id\": \"c\(i)\", \"parent\": \"\(i == 1 ? "0" : "c\(i - 1)")\", \"text\": \"\(body)\"}\n"
        }
        return text
    }

    @Test func aDeepReplyChainIsAnalysedAndAggregatedWithoutRecursion() throws {
        let depth = 1_500
        let (read, threads) = try analyze(Self.chain(depth: depth), .jsonl)
        #expect(read.diagnostics.isEmpty)
        try expectRecords(read, threads)
        let thread = try #require(threads.first)
        let deepest = thread.comments.count - 1
        #expect(thread.ancestors(of: deepest, using: thread.indexByID()).count == depth)
        #expect(thread.comments.contains { !$0.claims.isEmpty })
        // The report folds the chain: every non-article comment counted once.
        let partial = PartialReport(threads)
        let report = Report(partial)
        #expect(partial.threads["hostile"]?.comments == depth)
        _ = report
    }

    @Test func aParentCycleReachesThePipelineAsATree() throws {
        var text = "{\"id\": \"a\", \"parent\": \"z\", \"text\": \"Xiaomi shops are fine.\"}\n"
        for (id, parent) in zip("bcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxy") {
            text += "{\"id\": \"\(id)\", \"parent\": \"\(parent)\", \"text\": \"I disagree, Mi Depot is not official.\"}\n"
        }
        let (read, threads) = try analyze(text, .jsonl)
        #expect(read.diagnostics.map(\.code) == ["input.parent-cycle"])
        try expectRecords(read, threads)
        let thread = try #require(threads.first)
        #expect(thread.ancestors(of: thread.comments.count - 1, using: thread.indexByID()).count == 25)
    }

    @Test func manyCommentsInOneThreadAreAllAnalysed() throws {
        var text = "{\"id\": \"0\", \"text\": \"Xiaomi phones from resellers\"}\n"
        for i in 1...5_000 { text += "{\"id\": \"\(i)\", \"parent\": \"\(i / 7)\", \"text\": \"\(i % 2 == 0 ? "ok" : "Mi Depot is not official")\"}\n" }
        let (read, threads) = try analyze(text, .jsonl)
        #expect(read.commentCount == 5_001)
        try expectRecords(read, threads)
    }

    /// Text that stresses tokenizing and offsets: emoji sequences, flags, astral Han, RTL
    /// text, combining marks, lone replacement characters, odd spaces, a very long word.
    @Test(arguments: [
        "👨‍👩‍👧‍👦👍🏽🇨🇳🇬🇧1️⃣ Xiaomi 😡😡 not official 🙅‍♀️",
        "𠜎𠜱𝓧𝓲𝓪𝓸𝓶𝓲 小米 水货 𠀀",
        "مرحبا Xiaomi שלום not official",
        "e\u{301}\u{301}\u{301} Z̴̡̢̛a̷l̸g̶o̵ Xiaomi",
        "\u{FFFD}\u{FFFD} Xiaomi \u{FFFD}",
        "Xiaomi\u{00A0}\u{2003}\u{3000}shop\u{2028}next\u{2029}para",
        String(repeating: "x", count: 50_000) + " Xiaomi",
        String(repeating: "小米", count: 2_000),
        "",
        "   ",
    ])
    func awkwardTextIsAnalysed(_ body: String) throws {
        let escaped = body.unicodeScalars.map { $0 == "\u{2028}" ? "\\u2028" : ($0 == "\u{2029}" ? "\\u2029" : String($0)) }.joined()
        let (read, threads) = try analyze("{\"id\": \"0\", \"text\": \"Xiaomi resellers\"}\n{\"id\": \"1\", \"parent\": \"0\", \"text\": \"\(escaped)\"}\n", .jsonl)
        #expect(read.commentCount == 2)
        try expectRecords(read, threads)
    }

    @Test(arguments: ["text-emoji-4byte.txt", "text-bidi-override.txt", "enc-gb18030.txt", "json-duplicate-ids.json", "csv-parent-cycle.csv"])
    func malformedFilesFoldIntoAReport(_ file: String) throws {
        let analyzer = try #require(Self.analyzer)
        let url = CLIRunner.repositoryRoot.appendingPathComponent("corpora/malformed/files/\(file)")
        let (threads, read) = analyzer.analyze(contentsOf: url)
        #expect(threads.count == read.threads.count)
        var partial = PartialReport(threads)
        partial.merge(PartialReport(threads.reversed()))
        _ = Report(partial)
    }
}
