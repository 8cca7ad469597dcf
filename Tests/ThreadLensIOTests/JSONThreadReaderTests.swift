import Testing
@testable import ThreadLensIO
import ThreadLensCore

@Suite struct JSONThreadReaderTests {
    func read(_ text: String) -> ReadResult {
        JSONThreadReader().read(text, source: "f.json", defaultThreadID: "f")
    }

    static let tree = """
    {
      "title": "Lumora opens an online store for Europe",
      "body": "The store ships to twelve countries.",
      "url": "https://example.com/lumora-store",
      "comments": [
        {"id": "c1", "author": "mira", "date": "2024-03-02 09:15", "text": "Finally!",
         "replies": [
           {"id": "c2", "author": "jun", "text": "Prices are higher than at home though.",
            "replies": [{"id": "c3", "author": "mira", "text": "Shipping is included."}]}
         ]},
        {"id": "c4", "text": "Still nothing for Canada.", "avatar": "x.png"}
      ]
    }
    """

    @Test func treeGivesArticleAndParentsFromNesting() throws {
        let result = read(Self.tree)
        let thread = try #require(result.threads.first)
        #expect(thread.id == "f")
        #expect(thread.title == "Lumora opens an online store for Europe")
        #expect(thread.url == "https://example.com/lumora-store")
        #expect(thread.comments.map(\.id) == ["0", "c1", "c2", "c3", "c4"])
        #expect(thread.comments.map { $0.parent?.rawValue } == [nil, nil, "c1", "c2", nil])
        #expect(thread.comments[0].text == "Lumora opens an online store for Europe\n\nThe store ships to twelve countries.")
        #expect(thread.comments[1].date?.iso8601 == "2024-03-02T09:15")
        #expect(thread.comments.map(\.location.line) == [1, 6, 8, 9, 11])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func arrayOfThreadsNamesThemByKeyOrPosition() throws {
        let result = read("""
        [{"comments": [{"id": "a", "text": "x"}]},
         {"thread": "named", "comments": []},
         {"id": 77, "title": "Only a title"}]
        """)
        #expect(result.threads.map(\.id) == ["f#1", "named", "77"])
        #expect(result.threads[2].comments.map(\.text) == ["Only a title"])
    }

    @Test func missingIdsGetPositionalSpecIdsWithOneWarning() throws {
        let result = read("""
        {"title": "T", "comments": [
          {"text": "one", "replies": [{"text": "one-one"}, {"text": "one-two", "replies": [{"text": "deep"}]}]},
          {"id": "named", "text": "two", "replies": [{"text": "reply"}]}
        ]}
        """)
        #expect(result.threads.first?.comments.map(\.id) == ["0", "1", "1.1", "1.2", "1.2.1", "named", "named.1"])
        #expect(result.comment("1.2.1")?.parent == "1.2")
        let warnings = result.diagnostics("input.missing-id")
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("5 comment(s)") == true)
        #expect(warnings.first?.location?.line == 2)
    }

    @Test func skippedCommentsRepliesAttachToTheNearestKeptAncestor() throws {
        let result = read("""
        {"comments": [
          {"id": "a", "text": "kept", "replies": [
            {"id": "b", "author": 12, "replies": [{"id": "c", "text": "orphan reply"}]}
          ]}
        ]}
        """)
        #expect(result.threads.first?.comments.map(\.id) == ["a", "c"])
        #expect(result.comment("c")?.parent == "a")
        #expect(result.skipped.map(\.id) == ["b"])
        #expect(result.skipped.first?.reason == "'author' has the wrong type")
        #expect(result.skipped.first?.location.line == 3)
        #expect(result.diagnostics("input.type").first?.location?.line == 3)
        #expect(result.diagnostics("input.parent-skipped").count == 1)
    }

    @Test func commentThatIsNotAnObjectIsSkipped() throws {
        let result = read("{\"comments\": [\"just a string\", {\"id\": \"b\", \"text\": \"ok\"}]}")
        #expect(result.threads.first?.comments.map(\.id) == ["b"])
        #expect(result.skipped.map(\.reason) == ["not a JSON object"])
        #expect(result.diagnostics("input.record-type").count == 1)
    }

    @Test func commentsThatAreNotAnArrayOrObjectAreAnError() throws {
        let result = read("{\"title\": \"T\", \"comments\": \"a\"}")
        #expect(result.threads.first?.comments.map(\.id) == ["0"])
        #expect(result.diagnostics("input.type").first?.severity == .error)
        #expect(result.skipped.count == 1)
    }

    @Test(arguments: [
        ("{\"title\": \"T\",\n \"comments\": [\n  {\"id\": \"a\" \"text\": \"x\"}]}", 3, 14),
        ("{\"title\": \"T\"", 1, 14),
        ("", 1, 1),
        ("{\"title\": \"T\"} trailing", 1, 16),
        ("{\"title\": \"bad \\q escape\"}", 1, 16),
    ])
    func invalidJSONIsReportedAtLineAndColumn(text: String, line: Int, column: Int) throws {
        let result = read(text)
        #expect(result.threads.isEmpty)
        let error = try #require(result.diagnostics("input.json").first)
        #expect(error.location == SourceLocation(file: "f.json", line: line, column: column))
    }

    @Test func notAThreadObjectIsAnError() {
        let result = read("42")
        #expect(result.diagnostics("input.record-type").count == 1)
    }

    /// Replies nested 10,000 deep parse and walk without recursion.
    @Test func deeplyNestedRepliesDoNotOverflowTheStack() throws {
        let depth = 10_000
        var text = "{\"comments\": ["
        for level in 0..<depth { text += "{\"id\": \"n\(level)\", \"text\": \"t\", \"replies\": [" }
        text += String(repeating: "]}", count: depth) + "]}"
        let result = read(text)
        let comments = try #require(result.threads.first?.comments)
        #expect(comments.count == depth)
        #expect(comments.last?.parent == CommentID("n\(depth - 2)"))
        #expect(result.diagnostics.isEmpty)
    }
}
