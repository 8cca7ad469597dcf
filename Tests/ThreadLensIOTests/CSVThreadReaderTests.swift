import Testing
@testable import ThreadLensIO
import ThreadLensCore

@Suite struct CSVThreadReaderTests {
    func read(_ text: String) -> ReadResult {
        CSVThreadReader().read(text, source: "s.csv", defaultThreadID: "s")
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let result = read("""
        thread,id,parent,author,date,text
        t1,c1,,mira,2024-03-02,"First, with a comma"
        t1,c2,c1,jun,"March 2, 2024","He said ""official"" twice
        and went on for a second line"
        t1,c3,c1,,,plain text 😅
        """)
        let thread = try #require(result.threads.first)
        #expect(thread.id == "t1")
        #expect(thread.comments.map(\.id) == ["c1", "c2", "c3"])
        #expect(thread.comments.map(\.text) == ["First, with a comma", "He said \"official\" twice\nand went on for a second line", "plain text 😅"])
        #expect(thread.comments.map { $0.parent?.rawValue } == [nil, "c1", "c1"])
        #expect(thread.comments.map { $0.date?.iso8601 } == ["2024-03-02", "2024-03-02", nil])
        #expect(thread.comments[2].author == nil)
        #expect(thread.comments.map(\.location.line) == [2, 3, 5])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func headerIsCaseInsensitiveInAnyOrderWithExtraColumns() throws {
        let result = read("TEXT, Author ,likes,ID\r\n\"hello, world\",ana,3,a1\r\n\r\nbye,ben,0,a2\r\n")
        #expect(result.threads.first?.id == "s")
        #expect(result.threads.first?.comments.map(\.id) == ["a1", "a2"])
        #expect(result.threads.first?.comments.map(\.author) == ["ana", "ben"])
        #expect(result.comment("a2")?.location.line == 4)
        #expect(result.diagnostics.map(\.severity) == [.note])
    }

    @Test func missingIdBecomesLineNumber() throws {
        let result = read("text\none\ntwo")
        #expect(result.threads.first?.comments.map(\.id) == ["L2", "L3"])
        #expect(result.diagnostics("input.missing-id").count == 1)
    }

    @Test func unbalancedQuoteIsReportedAndReadingResumesOnTheNextLine() throws {
        let result = read("""
        id,text
        a,"fine"
        b,"never closed
        c,next record
        d,"also fine"
        """)
        #expect(result.threads.first?.comments.map(\.id) == ["a", "c", "d"])
        let error = try #require(result.diagnostics("input.csv-quote").first)
        #expect(error.severity == .error)
        #expect(error.location?.line == 3)
        #expect(result.skipped.map(\.location.line) == [3])
        #expect(result.skipped.first?.reason == "unbalanced quotes")
    }

    @Test func wrongFieldCountIsSkippedWithItsLine() throws {
        let result = read("id,author,text\na,ana,ok\nb,too,many,fields\nc,short\nd,dan,ok")
        #expect(result.threads.first?.comments.map(\.id) == ["a", "d"])
        #expect(result.diagnostics("input.csv-columns").map { $0.location?.line } == [3, 4])
        #expect(result.skipped.map(\.reason) == ["wrong number of fields", "wrong number of fields"])
        #expect(result.skipped.map(\.id) == ["b", "c"])
    }

    @Test func headerWithoutTextColumnSkipsEveryRecordWithASuggestion() throws {
        let result = read("id,txt\na,hello\nb,bye")
        #expect(result.threads.isEmpty)
        let error = try #require(result.diagnostics("input.csv-header").first)
        #expect(error.location?.line == 1)
        #expect(result.diagnostics("input.csv-column").first?.message.contains("did you mean 'text'") == true)
        #expect(result.skipped.count == 2)
    }

    @Test func textAfterAClosingQuoteIsKeptWithAWarning() throws {
        let result = read("id,text\na,\"quoted\"tail")
        #expect(result.comment("a")?.text == "quotedtail")
        #expect(result.diagnostics("input.csv-quote").first?.location == SourceLocation(file: "s.csv", line: 2, column: 11))
    }

    @Test func quoteInsideAnUnquotedFieldIsKept() throws {
        let result = read("id,text\na,a 6\" screen")
        #expect(result.comment("a")?.text == "a 6\" screen")
        #expect(result.diagnostics.isEmpty)
    }
}
