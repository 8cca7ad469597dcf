import Foundation
import Testing
@testable import ThreadLensIO
import ThreadLensCore

/// The messages a user sees for unreadable input: each with a stable code and a line.
@Suite struct InputErrorTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var file: String
        var bytes: [UInt8]
        var code: String
        var line: Int
        var severity: Diagnostic.Severity
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "empty text file", file: "e.txt", bytes: [], code: "input.empty", line: 1, severity: .error),
        Case(name: "white space only", file: "e.jsonl", bytes: Array(" \n\t\n".utf8), code: "input.empty", line: 1, severity: .error),
        Case(name: "invalid UTF-8 on line 3", file: "u.txt", bytes: Array("Title\n\n".utf8) + [0x66, 0xFF, 0x66], code: "input.invalid-utf8", line: 3, severity: .warning),
        Case(name: "truncated JSON line", file: "t.jsonl", bytes: Array("{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"te".utf8), code: "input.json", line: 2, severity: .error),
        Case(name: "bad JSON document", file: "b.json", bytes: Array("{\n  \"comments\": [\n    {\"text\": \"x\",}\n  ]\n}".utf8), code: "input.json", line: 3, severity: .error),
        Case(name: "unbalanced CSV quote", file: "q.csv", bytes: Array("id,text\na,ok\nb,\"open\n".utf8), code: "input.csv-quote", line: 3, severity: .error),
        Case(name: "CSV wrong field count", file: "w.csv", bytes: Array("id,text\na,ok\nb,x,y\n".utf8), code: "input.csv-columns", line: 3, severity: .error),
        Case(name: "reply with no parent", file: "r.txt", bytes: Array("Title\n\nBody.\n\n    • ana\n      May 1, 2020\n\n      hi".utf8), code: "input.layout", line: 5, severity: .error),
        Case(name: "unknown extension", file: "x.dat", bytes: Array("hello".utf8), code: "input.format", line: 1, severity: .error),
    ]

    @Test(arguments: cases)
    func problemIsReportedWithCodeAndLine(_ item: Case) throws {
        let path = try Fixtures.temporaryFile(item.file, item.bytes)
        defer { Fixtures.removeTemporaryFile(path) }
        let result = InputFiles.read(path: path, boilerplate: Fixtures.rules)
        let diagnostic = try #require(result.diagnostics.first { $0.code == item.code }, "\(result.diagnostics)")
        #expect(diagnostic.severity == item.severity)
        #expect(diagnostic.location?.line == item.line)
        #expect(diagnostic.location?.file == path)
        #expect(diagnostic.description.hasPrefix("\(path):\(item.line)"))
    }

    @Test func missingFileAndDirectoryAreErrors() throws {
        #expect(InputFiles.read(path: "/nonexistent/threadlens/x.txt").diagnostics.map(\.code) == ["input.not-found"])
        #expect(InputFiles.read(path: FileManager.default.temporaryDirectory.path).diagnostics.map(\.code) == ["input.directory"])
    }

    @Test func forcedFormatOverridesTheExtension() throws {
        let path = try Fixtures.temporaryFile("comments.dat", Array("{\"id\": \"a\", \"text\": \"hi\"}\n".utf8))
        defer { Fixtures.removeTemporaryFile(path) }
        let result = InputFiles.read(path: path, format: .jsonl)
        #expect(result.threads.map(\.id) == ["comments"])
        #expect(result.threads.first?.comments.map(\.id) == ["a"])
        let asText = InputFiles.read(path: path, format: .text)
        #expect(asText.threads.first?.comments.map(\.id) == ["0"])
    }

    @Test func textFileReadsWithTheGivenBoilerplateRules() throws {
        let path = try Fixtures.temporaryFile("lumora.txt", Array(Fixtures.scraped.utf8))
        defer { Fixtures.removeTemporaryFile(path) }
        let result = InputFiles.read(path: path, boilerplate: Fixtures.rules)
        #expect(result.threads.first?.id == "lumora")
        #expect(result.commentCount == Fixtures.scrapedTree.count)
        #expect(result.diagnostics("input.boilerplate").count == 4)
    }

    /// Standard input has no file name: its format is guessed from the content.
    @Test(arguments: [
        ("{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \"y\"}", InputFormat.jsonl),
        ("{\n  \"title\": \"T\",\n  \"comments\": []\n}", .json),
        ("  [ {\"title\": \"T\"} ]", .json),
        ("id,author,text\na,ana,hi", .csv),
        ("\"thread\",\"text\"\nt,hi", .csv),
        ("A title, with a comma\n\nBody text.", .text),
        ("Title\n\nBody.\n\n  1. ana\n    May 1, 2020\n\n    hi", .text),
    ])
    func standardInputFormatIsSniffed(text: String, format: InputFormat) {
        #expect(InputFormat.sniff(text) == format)
    }
}
