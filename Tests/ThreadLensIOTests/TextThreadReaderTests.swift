import Foundation
import Testing
@testable import ThreadLensIO
import ThreadLensCore

@Suite struct TextThreadReaderTests {
    @Test func commentTreeFollowsSpecIDsWithAuthorsDatesAndLines() throws {
        let result = Fixtures.readText(Fixtures.scraped)
        let thread = try #require(result.threads.first)
        #expect(result.threads.count == 1)
        #expect(thread.id == "t")
        #expect(thread.comments.map(\.id.rawValue) == Fixtures.scrapedTree.map(\.id))
        for (comment, expected) in zip(thread.comments, Fixtures.scrapedTree) {
            #expect(comment.parent?.rawValue == expected.parent, "parent of \(expected.id)")
            #expect(comment.author == expected.author, "author of \(expected.id)")
            #expect(comment.date?.iso8601 == expected.date, "date of \(expected.id)")
            #expect(comment.location.line == expected.line, "line of \(expected.id)")
        }
        #expect(result.skipped.isEmpty)
        #expect(!result.diagnostics.contains { $0.severity >= .warning }, "\(result.diagnostics)")
    }

    @Test func articleIsTitleThenBodyWithBoilerplateRemovedAndReported() throws {
        let result = Fixtures.readText(Fixtures.scraped)
        let article = try #require(result.comment("0"))
        #expect(result.threads.first?.title == Fixtures.scrapedLines[0])
        #expect(article.isArticle)
        #expect(article.text == [Fixtures.scrapedLines[0], Fixtures.scrapedLines[2],
                                 "Some of those shops charge nearly twice the list price… and look like official stores.",
                                 Fixtures.scrapedLines[8]].joined(separator: "\n\n"))
        let notes = result.diagnostics("input.boilerplate")
        #expect(notes.map { $0.location?.line } == [7, 11, 12, 13])
        #expect(notes.allSatisfy { $0.severity == .note })
    }

    @Test func withoutRulesEveryArticleLineIsKept() throws {
        let result = Fixtures.readText(Fixtures.scraped, rules: .none)
        let article = try #require(result.comment("0"))
        #expect(article.text.contains("News of the week"))
        #expect(article.text.contains("Previous Lumora"))
        #expect(result.diagnostics("input.boilerplate").isEmpty)
    }

    @Test func bodiesKeepParagraphsAndTheirOwnNumberedLists() throws {
        let result = Fixtures.readText(Fixtures.scraped)
        #expect(result.comment("2.1")?.text == """
        LumoraDirect shipped mine in four days. Two reasons I trust them:

        1. the box had the serial sticker
        2. support answered within the hour
        """)
        #expect(result.comment("2.1.1")?.text == "I disagree, the name alone fools people.\n\nIf the maker works with them, it should say so.")
    }

    @Test func bulletListInsideABodyIsNotAReply() throws {
        let result = Fixtures.readText(Fixtures.scraped)
        #expect(result.comment("3")?.text == "Nice photo. What I liked:\n\n• the colours\n• the light")
        #expect(result.threads.first?.comments.filter { $0.parent == "3" }.count == 1)
    }

    @Test func replyWithoutAuthorTakesTheDateFromItsBulletLine() throws {
        let reply = try #require(Fixtures.readText(Fixtures.scraped).comment("3.1"))
        #expect(reply.author == nil)
        #expect(reply.date == CommentDate(raw: "March 5, 2021", iso8601: "2021-03-05"))
        #expect(reply.text == "Thanks 🙏")
    }

    @Test func dateLineCarryingTheBodyStartSplitsAfterTheDate() throws {
        let reply = try #require(Fixtures.readText(Fixtures.scraped).comment("4.2"))
        #expect(reply.date?.raw == "March 6, 2021")
        #expect(reply.text == "is where I ordered mine, no problems at all.")
    }

    @Test func curlyQuotesEmojiAndNBSPSurviveInText() throws {
        let result = Fixtures.readText(Fixtures.scraped)
        #expect(result.comment("2")?.text == "half the people I know think “lumoradirect, lumorashop” are official 😅 they aren’t.")
    }

    /// Ways a scrape writes the same thread.
    enum LayoutVariant: String, CaseIterable, Sendable {
        case crlf, cr, trailingLineBreak, nbspIndentation, tabPerStep, trailingSpacesAndBOM

        func apply(_ text: String) -> String {
            switch self {
            case .crlf: return text.replacingOccurrences(of: "\n", with: "\r\n")
            case .cr: return text.replacingOccurrences(of: "\n", with: "\r")
            case .trailingLineBreak: return text + "\n"
            case .nbspIndentation: return text.replacingOccurrences(of: "\n  ", with: "\n\u{00A0} ")
            case .tabPerStep:
                let lines: [Substring] = text.split(separator: "\n", omittingEmptySubsequences: false)
                return lines.map { (line: Substring) -> String in
                    let spaces = line.prefix { $0 == " " }.count
                    return String(repeating: "\t", count: spaces / 2) + line.dropFirst(spaces)
                }.joined(separator: "\n")
            case .trailingSpacesAndBOM: return "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "  \n")
            }
        }
    }

    /// The same thread with other line ends and indentation characters parses the same.
    @Test(arguments: LayoutVariant.allCases)
    func layoutVariantsGiveTheSameTree(variant: LayoutVariant) throws {
        let name = variant.rawValue
        let result = Fixtures.readText(variant.apply(Fixtures.scraped))
        let comments = try #require(result.threads.first?.comments)
        #expect(comments.map(\.id.rawValue) == Fixtures.scrapedTree.map(\.id), "\(name)")
        #expect(comments.map(\.author) == Fixtures.scrapedTree.map(\.author), "\(name)")
        #expect(comments.map { $0.date?.iso8601 } == Fixtures.scrapedTree.map(\.date), "\(name)")
        #expect(comments.map(\.location.line) == Fixtures.scrapedTree.map(\.line), "\(name)")
        #expect(result.comment("2.1.1")?.text == "I disagree, the name alone fools people.\n\nIf the maker works with them, it should say so.", "\(name)")
        #expect(!result.diagnostics.contains { $0.severity >= .warning }, "\(name): \(result.diagnostics)")
    }

    @Test func articleWithNoCommentsIsAValidThread() throws {
        let text = "A fridge sold for a few yuan\n\nShoppers paid almost nothing in the night sale.\n\nThe shop later cancelled the orders."
        let result = Fixtures.readText(text)
        let thread = try #require(result.threads.first)
        #expect(thread.comments.map(\.id) == ["0"])
        #expect(thread.comments[0].text == "A fridge sold for a few yuan\n\nShoppers paid almost nothing in the night sale.\n\nThe shop later cancelled the orders.")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func numberedListInTheArticleIsNotACommentSection() throws {
        let text = "Three things to know\n\n1. The store opens Monday.\n2. Prices start low.\n\n  1. ana\n    May 2, 2022\n\n    Good list."
        let result = Fixtures.readText(text)
        #expect(result.threads.first?.comments.map(\.id) == ["0", "1"])
        #expect(result.comment("0")?.text == "Three things to know\n\n1. The store opens Monday.\n2. Prices start low.")
        #expect(result.comment("1")?.author == "ana")
    }

    @Test func markerHoldingADateHasNoAuthor() throws {
        let text = "Title\n\nBody.\n\n  1. 2023年11月24日 10:30\n\n    发货太慢了。"
        let comment = try #require(Fixtures.readText(text).comment("1"))
        #expect(comment.author == nil)
        #expect(comment.date?.iso8601 == "2023-11-24T10:30")
        #expect(comment.text == "发货太慢了。")
    }

    @Test func idsFollowPositionWhenTheScrapeNumbersWrongly() throws {
        let text = "Title\n\nBody.\n\n  1. a\n    June 1, 2020\n\n    x\n\n  3. b\n    June 1, 2020\n\n    y"
        let result = Fixtures.readText(text)
        #expect(result.threads.first?.comments.map(\.id) == ["0", "1", "2"])
        #expect(result.comment("2")?.author == "b")
        let warning = try #require(result.diagnostics("input.numbering").first)
        #expect(warning.location?.line == 10)
    }

    @Test func missingDateLineIsReportedAndTheLineKeptAsBody() throws {
        let text = "Title\n\nBody.\n\n  1. kai\n    no date here, just words\n"
        let result = Fixtures.readText(text)
        let comment = try #require(result.comment("1"))
        #expect(comment.date == nil)
        #expect(comment.text == "no date here, just words")
        #expect(result.diagnostics("input.date-missing").map { $0.location?.line } == [6])
    }

    @Test func bodyLineOutdentedIsKeptWithTheCommentAndReported() throws {
        let text = "Title\n\nBody.\n\n  1. kai\n    July 9, 2019\n\n    first line\nsecond line at column one\n\n  2. lee\n    July 9, 2019\n\n    ok"
        let result = Fixtures.readText(text)
        #expect(result.comment("1")?.text == "first line\nsecond line at column one")
        #expect(result.comment("2")?.text == "ok")
        let warning = try #require(result.diagnostics("input.indent").first)
        #expect(warning.severity == .warning)
        #expect(warning.location?.line == 9)
    }

    @Test func replyBulletTooShallowAttachesToTheLastTopLevelComment() throws {
        let text = "Title\n\nBody.\n\n  1. kai\n    July 9, 2019\n\n    hello\n\n  • lee\n    July 9, 2019\n\n    hi back"
        let result = Fixtures.readText(text)
        #expect(result.comment("1.1")?.parent == "1")
        #expect(result.comment("1.1")?.text == "hi back")
        #expect(result.diagnostics("input.indent").map { $0.location?.line } == [10])
    }

    @Test func replyBeforeAnyCommentIsSkippedWithLineAndReason() throws {
        let text = "Title\n\nBody.\n\n    • lee\n      July 9, 2019\n\n      orphaned words\n\n  1. kai\n    July 9, 2019\n\n    hello"
        let result = Fixtures.readText(text)
        #expect(result.threads.first?.comments.map(\.id) == ["0", "1"])
        #expect(result.skipped.map(\.location.line) == [5])
        #expect(result.skipped.first?.reason == "reply with no parent comment")
        let error = try #require(result.diagnostics("input.layout").first)
        #expect(error.severity == .error)
        #expect(error.location?.line == 5)
    }

    @Test func commentsWithoutArticleAreReadAndTheMissingArticleReported() throws {
        let result = Fixtures.readText("  1. kai\n    July 9, 2019\n\n    hello")
        #expect(result.threads.first?.comments.map(\.id) == ["1"])
        #expect(result.diagnostics("input.layout").first?.severity == .warning)
    }

    @Test func emptyCommentIsKeptAndReported() throws {
        let result = Fixtures.readText("Title\n\nBody.\n\n  1. kai\n    July 9, 2019\n\n  2. lee\n    July 9, 2019\n\n    words")
        #expect(result.comment("1")?.text == "")
        #expect(result.diagnostics("input.empty-comment").map { $0.location?.line } == [5])
    }
}
