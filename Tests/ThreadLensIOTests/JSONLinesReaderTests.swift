import Testing
@testable import ThreadLensIO
import ThreadLensCore

@Suite struct JSONLinesReaderTests {
    func read(_ text: String) -> ReadResult {
        JSONLinesReader().read(text, source: "c.jsonl", defaultThreadID: "c")
    }

    @Test func commentsAreGroupedByThreadInFirstAppearanceOrder() throws {
        let result = read("""
        {"thread": "b", "id": "1", "author": "mira", "date": "March 2, 2024", "text": "first in b"}
        {"thread": "a", "id": "x1", "text": "first in a"}
        {"thread": "b", "id": "2", "parent": "1", "text": "reply in b", "likes": 4, "extra": {"nested": [1, 2]}}
        {"id": "n1", "text": "no thread named"}
        """)
        #expect(result.threads.map(\.id) == ["b", "a", "c"])
        let b = result.threads[0]
        #expect(b.comments.map(\.id) == ["1", "2"])
        #expect(b.comments[0].author == "mira")
        #expect(b.comments[0].date == CommentDate(raw: "March 2, 2024", iso8601: "2024-03-02"))
        #expect(b.comments[1].parent == "1")
        #expect(b.comments[1].location.line == 3)
        #expect(b.source == "c.jsonl")
        #expect(result.diagnostics.isEmpty)
        #expect(result.skipped.isEmpty)
    }

    @Test func integerIdsAndParentsAreKeptAsWritten() throws {
        let result = read("{\"id\": 7, \"text\": \"a\"}\n{\"id\": 8, \"parent\": 7, \"text\": \"b\"}")
        #expect(result.threads.first?.comments.map(\.id) == ["7", "8"])
        #expect(result.comment("8")?.parent == "7")
    }

    @Test func missingIdBecomesLineNumberWithOneWarning() throws {
        let result = read("{\"text\": \"a\"}\n\n{\"text\": \"b\", \"parent\": \"L1\"}")
        #expect(result.threads.first?.comments.map(\.id) == ["L1", "L3"])
        #expect(result.comment("L3")?.parent == "L1")
        let warnings = result.diagnostics("input.missing-id")
        #expect(warnings.count == 1)
        #expect(warnings.first?.location?.line == 1)
        #expect(warnings.first?.message.contains("2 record(s)") == true)
    }

    @Test func crlfAndBlankLinesAreFine() throws {
        let result = read("{\"id\": \"a\", \"text\": \"one\"}\r\n\r\n{\"id\": \"b\", \"text\": \"two\"}\r\n")
        #expect(result.threads.first?.comments.map(\.id) == ["a", "b"])
        #expect(result.comment("b")?.location.line == 3)
    }

    @Test func unicodeEscapesAndRawEmojiDecode() throws {
        let result = read(#"{"id": "e", "text": "\u5c0f\u7c73 \ud83d\ude05 and 😅 \"quoted\""}"#)
        #expect(result.comment("e")?.text == "小米 😅 and 😅 \"quoted\"")
    }

    /// Each bad line is an error at its line and a skipped comment; the other lines are read.
    @Test(arguments: [
        (#"{"id": "a", "text": "cut off"#, "input.json", "invalid JSON"),
        (#"{"id": "a" "text": "x"}"#, "input.json", "invalid JSON"),
        (#"["not", "an", "object"]"#, "input.record-type", "not a JSON object"),
        (#"{"id": "a"}"#, "input.missing-text", "no text"),
        (#"{"id": "a", "text": null}"#, "input.missing-text", "no text"),
        (#"{"id": "a", "text": 42}"#, "input.type", "'text' has the wrong type"),
        (#"{"id": "a", "text": "x", "author": ["two"]}"#, "input.type", "'author' has the wrong type"),
        (#"{"id": {"k": 1}, "text": "x"}"#, "input.type", "'id' has the wrong type"),
        (#"{"id": "a", "text": "x", "date": true}"#, "input.type", "'date' has the wrong type"),
    ])
    func badLineIsReportedWithItsLineAndSkipped(line: String, code: String, reason: String) throws {
        let result = read("{\"id\": \"before\", \"text\": \"ok\"}\n\(line)\n{\"id\": \"after\", \"text\": \"ok\"}")
        #expect(result.threads.first?.comments.map(\.id) == ["before", "after"])
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.code == code)
        #expect(error.location?.line == 2)
        #expect(result.skipped.count == 1)
        #expect(result.skipped.first?.location.line == 2)
        #expect(result.skipped.first?.reason == reason)
    }

    @Test func jsonErrorPointsAtTheColumn() throws {
        let result = read("{\"id\": \"a\",, \"text\": \"x\"}")
        let error = try #require(result.diagnostics("input.json").first)
        #expect(error.location == SourceLocation(file: "c.jsonl", line: 1, column: 12))
    }

    @Test func parentNotInTheThreadBecomesTopLevelWithAWarning() throws {
        let result = read("{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"parent\": \"zz\", \"text\": \"y\"}")
        #expect(result.comment("b")?.parent == nil)
        #expect(result.diagnostics("input.parent-missing").map { $0.location?.line } == [2])
    }

    @Test func parentCycleIsBrokenWithAWarning() throws {
        let result = read("""
        {"id": "a", "parent": "c", "text": "x"}
        {"id": "b", "parent": "a", "text": "y"}
        {"id": "c", "parent": "b", "text": "z"}
        {"id": "d", "parent": "d", "text": "self"}
        """)
        #expect(result.threads.first?.comments.count == 4)
        #expect(result.diagnostics("input.parent-cycle").count == 2)
        #expect(result.comment("d")?.parent == nil)
        #expect(result.threads.first?.comments.filter { $0.parent == nil }.count == 2)
    }

    @Test func duplicateIdIsKeptAndReported() throws {
        let result = read("{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"a\", \"text\": \"y\"}")
        #expect(result.threads.first?.comments.count == 2)
        #expect(result.diagnostics("input.duplicate-id").map { $0.location?.line } == [2])
    }

    @Test func epochDateBecomesUTC() throws {
        let result = read("{\"id\": \"a\", \"text\": \"x\", \"date\": 1424649600}")
        #expect(result.comment("a")?.date == CommentDate(raw: "1424649600", iso8601: "2015-02-23T00:00:00Z"))
    }
}
