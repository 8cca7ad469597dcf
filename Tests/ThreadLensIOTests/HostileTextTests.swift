import Foundation
import Testing
@testable import ThreadLensIO
import ThreadLensCore

/// Characters that are not text, malformed JSON containers, and inputs at the sizes the
/// issue names (a 10 MB comment, 100,000 comments, replies 10,000 deep), read in-process.
@Suite struct HostileTextTests {
    func read(_ text: String, _ format: InputFormat, name: String = "in") -> ReadResult {
        InputFiles.read(data: Data(text.utf8), source: "\(name).\(format.rawValue)", format: format, threadID: ThreadID(name))
    }

    @Test(arguments: [
        ("NUL", "a\u{0}b", "ab", InvisibleCharacters.Kind.control),
        ("escape sequence", "\u{1B}[31mred", "[31mred", .control),
        ("C1 control", "a\u{85}b", "ab", .control),
        ("right-to-left override", "is \u{202E}lagel\u{202C}", "is lagel", .bidi),
        ("isolates", "\u{2066}x\u{2069}", "x", .bidi),
        ("zero width space", "Xia\u{200B}omi", "Xiaomi", .invisible),
        ("soft hyphen", "offi\u{AD}cial", "official", .invisible),
        ("BOM inside text", "a\u{FEFF}b", "ab", .invisible),
    ] as [(String, String, String, InvisibleCharacters.Kind)])
    func removedCharactersAreCountedByKind(name: String, input: String, output: String, kind: InvisibleCharacters.Kind) {
        let (cleaned, counts) = InvisibleCharacters.clean(input)
        #expect(cleaned == output, "\(name)")
        #expect(counts[kind] != nil, "\(name)")
        #expect(!InvisibleCharacters.isClean(input), "\(name)")
        #expect(InvisibleCharacters.isClean(cleaned), "\(name)")
    }

    @Test(arguments: ["tab\tand\nline\r\nends\r", "emoji 👨‍👩‍👧 and ZWJ, ZWNJ \u{200C}", "marks \u{200E}\u{200F} stay", "flags 🇨🇳 1️⃣ 👍🏽 𠜎", "中文，標點。"])
    func textCharactersAreKept(_ text: String) {
        #expect(InvisibleCharacters.isClean(text))
        #expect(InvisibleCharacters.clean(text).text == text)
    }

    @Test func eachLineWithRemovedCharactersIsReportedAndLinesKeepTheirNumbers() {
        var diagnostics: [Diagnostic] = []
        let cleaned = InvisibleCharacters.clean(input: "ok\nNUL\u{0} here\r\n\u{202E}x\u{202C} and\u{200B}y\n", source: "t.txt", diagnostics: &diagnostics)
        #expect(cleaned == "ok\nNUL here\r\nx andy\n")
        #expect(diagnostics.map(\.code) == ["input.control-character", "input.bidi-control", "input.invisible-character"])
        #expect(diagnostics.map { $0.location?.line } == [2, 3, 3])
        #expect(diagnostics[0].message.contains("U+0000 NUL"))
        #expect(diagnostics[1].message.contains("U+202E RIGHT-TO-LEFT OVERRIDE"))
    }

    /// Found by fuzz-decoding: removing a character between CR and LF joined two line breaks
    /// into one, and every later diagnostic pointed one line too high.
    @Test func removingACharacterBetweenCRAndLFKeepsBothLineBreaks() {
        var diagnostics: [Diagnostic] = []
        let cleaned = InvisibleCharacters.clean(input: "a\r\u{0}\nb\r\u{0}\u{1}\nc", source: "t.txt", diagnostics: &diagnostics)
        #expect(SourceLines.rawLines(cleaned).map(\.text) == ["a", "", "b", "", "c"])
        #expect(diagnostics.map { $0.location?.line } == [2, 4])
    }

    @Test func escapedControlCharactersInJSONAreRemovedAndReportedAtTheComment() {
        let result = read("{\"id\": \"1\", \"text\": \"x\\u0000y\"}\n{\"id\": \"2\", \"author\": \"me\\u202e\", \"text\": \"ok\"}\n", .jsonl)
        #expect(result.comment("1")?.text == "xy")
        #expect(result.comment("2")?.author == "me")
        #expect(result.diagnostics.map(\.code) == ["input.control-character", "input.bidi-control"])
        #expect(result.diagnostics.map { $0.location?.line } == [1, 2])
    }

    @Test func loneSurrogateEscapeIsReplacedWithAWarningAtItsColumn() {
        let result = read("{\"id\": \"1\", \"text\": \"a\\ud83d b\"}\n{\"id\": \"2\", \"text\": \"\\ud83d\\ude00\"}\n{\"id\": \"3\", \"text\": \"\\ufffd\"}\n", .jsonl)
        #expect(result.comment("1")?.text == "a\u{FFFD} b")
        #expect(result.comment("2")?.text == "😀")
        #expect(result.comment("3")?.text == "\u{FFFD}")
        #expect(result.diagnostics("input.json-escape").map { $0.location?.description } == ["in.jsonl:1:23"])
    }

    @Test func repliesGivenAsOneObjectAreReadAsAListOfOne() {
        let result = read(#"{"title": "T", "comments": {"id": "1", "text": "a", "replies": {"id": "2", "text": "b"}}}"#, .json)
        #expect(result.threads.first?.comments.map(\.id.rawValue) == ["0", "1", "2"])
        #expect(result.comment("2")?.parent == "1")
        #expect(result.diagnostics("input.type").map(\.severity) == [.warning, .warning])
        #expect(result.skipped.isEmpty)
    }

    @Test func repliesGivenAsAStringAreAnErrorAndOneSkippedComment() {
        let result = read(#"{"comments": [{"id": "1", "text": "a", "replies": "b"}]}"#, .json)
        #expect(result.commentCount == 1)
        #expect(result.skipped.map(\.reason) == ["'replies' is not an array"])
        #expect(result.diagnostics("input.type").first?.severity == .error)
    }

    @Test(arguments: [("id,text\n", InputFormat.csv), ("{\"comments\": []}", .json), ("[]", .json)])
    func fileWithNoCommentsSaysSo(text: String, format: InputFormat) {
        let result = read(text, format)
        #expect(result.diagnostics.map(\.code) == ["input.no-comments"])
        #expect(result.diagnostics.first?.severity == .warning)
    }

    // MARK: - Sizes

    /// Every parent exists and the chain from the last comment up to the top is `depth` long.
    func expectChain(_ result: ReadResult, depth: Int) {
        guard let thread = result.threads.first, let last = thread.comments.last else {
            Issue.record("no thread")
            return
        }
        let byID = thread.indexByID()
        var steps = 0
        var current = last.parent
        while let id = current, let index = byID[id] {
            steps += 1
            current = thread.comments[index].parent
            if steps > depth { break }
        }
        #expect(steps == depth)
    }

    @Test func repliesTenThousandDeepInJSONLines() {
        let depth = 10_000
        var text = "{\"id\": \"c0\", \"text\": \"top\"}\n"
        for i in 1...depth { text += "{\"id\": \"c\(i)\", \"parent\": \"c\(i - 1)\", \"text\": \"reply \(i)\"}\n" }
        let result = read(text, .jsonl)
        #expect(result.commentCount == depth + 1)
        #expect(result.diagnostics.isEmpty)
        expectChain(result, depth: depth)
    }

    @Test func repliesTenThousandDeepInJSON() {
        let depth = 10_000
        var text = "{\"title\": \"Deep\", \"comments\": ["
        for i in 0...depth { text += "{\"id\": \"c\(i)\", \"text\": \"level \(i)\", \"replies\": [" }
        text += String(repeating: "]}", count: depth + 1) + "]}"
        let result = read(text, .json)
        #expect(result.commentCount == depth + 2)
        #expect(result.diagnostics.isEmpty)
        expectChain(result, depth: depth)
    }

    @Test func repliesTenThousandDeepInCSVWithACycleAtTheEnd() {
        let depth = 10_000
        var text = "id,parent,text\nc0,c\(depth),closes the ring\n"
        for i in 1...depth { text += "c\(i),c\(i - 1),reply \(i)\n" }
        let result = read(text, .csv)
        #expect(result.commentCount == depth + 1)
        #expect(result.diagnostics("input.parent-cycle").count == 1)
        expectChain(result, depth: depth)
    }

    /// Text layout: each level is two columns deeper, so the file grows with the square of
    /// the depth; 2,000 levels indented with tabs is about 6 MB.
    @Test func repliesTwoThousandDeepInTheTextLayout() {
        let depth = 2_000
        var text = "Deep thread\n\nAn article.\n\n  1. ana\n    March 1, 2024\n\n    top\n\n"
        for i in 1...depth {
            let tabs = String(repeating: "\t", count: i + 1)
            text += "\(tabs)• user\(i)\n\(tabs)\t\tMarch 1, 2024\n\n\(tabs)\t\treply \(i)\n\n"
        }
        let result = read(text, .text)
        #expect(result.commentCount == depth + 2)
        #expect(!result.diagnostics.contains { $0.severity != .note })
        expectChain(result, depth: depth)
        #expect(result.threads.first?.comments.last?.id.rawValue == "1" + String(repeating: ".1", count: depth))
    }

    @Test(arguments: InputFormat.allCases)
    func aHundredThousandCommentsInOneThread(format: InputFormat) {
        let count = 100_000
        var text = ""
        switch format {
        case .jsonl: for i in 1...count { text += "{\"id\": \"\(i)\", \"parent\": \"\(i / 2)\", \"text\": \"comment \(i)\"}\n" }
        case .csv: text = "id,parent,text\n"; for i in 1...count { text += "\(i),\(i / 2),comment \(i)\n" }
        case .json: text = "{\"comments\": [" + (1...count).map { "{\"id\": \"\($0)\", \"text\": \"comment \($0)\"}" }.joined(separator: ",") + "]}"
        case .text: text = "Title\n\nBody.\n\n"; for i in 1...count { text += "  \(i). user\(i)\n    March 1, 2024\n\n    comment \(i)\n\n" }
        }
        let result = read(text, format)
        let expected = format == .text ? count + 1 : count
        #expect(result.commentCount == expected)
        #expect(result.skipped.isEmpty)
        // Only the first record names a parent that does not exist (comment 0).
        #expect(result.diagnostics.filter { $0.severity != .note }.count == (format == .jsonl || format == .csv ? 1 : 0))
    }

    @Test(arguments: InputFormat.allCases)
    func aTenMegabyteComment(format: InputFormat) throws {
        let sentence = "The shop is not official and the price is far too high, 价格太高了。 "
        let body = String(repeating: sentence, count: 10_000_000 / sentence.utf8.count + 1)
        let text: String
        switch format {
        case .jsonl: text = "{\"id\": \"1\", \"text\": \"\(body)\"}\n"
        case .csv: text = "id,text\n1,\"\(body)\"\n"
        case .json: text = "{\"comments\": [{\"id\": \"1\", \"text\": \"\(body)\"}]}"
        case .text: text = "Title\n\nBody.\n\n  1. ana\n    March 1, 2024\n\n    \(body)\n"
        }
        let result = read(text, format)
        let comment = try #require(result.threads.first?.comments.last)
        #expect(comment.text.utf8.count >= 10_000_000)
        #expect(comment.text.hasPrefix("The shop is not official"))
        #expect(result.skipped.isEmpty)
    }
}
