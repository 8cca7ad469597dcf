import Foundation
import Testing
import ThreadLens

@Test func fixtureFileParsesThreadsWithRepliesSettingsAndExpectations() throws {
    let text = """
    #! format: fixtures/1
    # A comment line.

    fixture: reply disputes a reseller
    brand: xiaomi
    article: Xiaomi opens a store.
    expect: topics none
    > Xiaomiworld is official.
    expect: claim reseller_legitimacy xiaomiworld legitimate hedged
    >> No, they are not.
      Really not.
    expect: stance disagree
    >>> Yes they are.
    > Second top-level comment.\\nWith a line break.
    expect: sentiment neutral
    expect: no topic pricing
    expect: no claim reseller_legitimacy * illegitimate
    expect: lang en

    fixture: no claims here
    target: any
    > 小米的东西还行吧。
    expect: no claim
    expect: topics pricing, product

    """
    let (file, diagnostics) = FixtureFile.parse(text, path: "f.fixtures")
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    #expect(file.fixtures.count == 2)
    let first = try #require(file.fixtures.first)
    #expect(first.name == "reply disputes a reseller")
    #expect(first.location == SourceLocation(file: "f.fixtures", line: 4))
    #expect(first.brand == "xiaomi")
    #expect(first.comments.map(\.id.rawValue) == ["0", "1", "1.1", "1.1.1", "2"])
    #expect(first.comments.map { $0.parent?.rawValue } == [nil, nil, "1", "1.1", nil])
    #expect(first.comments[2].text == "No, they are not.\nReally not.")
    #expect(first.comments[4].text == "Second top-level comment.\nWith a line break.")
    #expect(first.comments[1].expectations.first?.kind == .claim(FixtureClaim(type: "reseller_legitimacy", subject: "xiaomiworld", value: "legitimate", hedged: true)))
    #expect(first.comments[1].expectations.first?.location == SourceLocation(file: "f.fixtures", line: 9, column: 9))
    #expect(first.comments[4].expectations.map(\.kind) == [
        .sentiment(.neutral), .lacksTopic("pricing"),
        .lacksClaim(FixtureClaim(type: "reseller_legitimacy", subject: "*", value: "illegitimate")), .language(.en),
    ])
    let second = file.fixtures[1]
    #expect(second.target == .any)
    #expect(second.comments[0].expectations.map(\.kind) == [.noClaims, .topics(["pricing", "product"])])
}

/// A fixture file with one mistake and the diagnostic it must produce.
struct FixtureProblem: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var code: String
    var line: Int
    var message: String
    var testDescription: String { name }
}

@Test(arguments: [
    FixtureProblem(name: "wrong header", text: "#! format: fixture/1\n", code: "fixture.header", line: 1, message: "fixtures/VERSION"),
    FixtureProblem(name: "unsupported version", text: "#! format: fixtures/2\n", code: "fixture.version", line: 1, message: "version 2"),
    FixtureProblem(name: "misspelt key", text: "#! format: fixtures/1\nfixture: x\n> hi\nexpcet: sentiment positive\n",
                   code: "fixture.key", line: 4, message: "did you mean 'expect:'?"),
    FixtureProblem(name: "misspelt label", text: "#! format: fixtures/1\nfixture: x\n> hi\nexpect: sentiment postive\n",
                   code: "fixture.label", line: 4, message: "did you mean 'positive'?"),
    FixtureProblem(name: "misspelt expectation", text: "#! format: fixtures/1\nfixture: x\n> hi\nexpect: stnace agree\n",
                   code: "fixture.expect", line: 4, message: "did you mean 'stance'?"),
    FixtureProblem(name: "reply without a parent", text: "#! format: fixtures/1\nfixture: x\n>> hi\nexpect: stance agree\n",
                   code: "fixture.depth", line: 3, message: "needs a comment at depth 1"),
    FixtureProblem(name: "expectation before a comment", text: "#! format: fixtures/1\nfixture: x\nexpect: stance agree\n> hi\n",
                   code: "fixture.no-comment", line: 3, message: "before any comment"),
    FixtureProblem(name: "comment before a fixture", text: "#! format: fixtures/1\n> hi\n", code: "fixture.orphan", line: 2, message: "before any 'fixture:'"),
    FixtureProblem(name: "fixture that expects nothing", text: "#! format: fixtures/1\nfixture: lazy\n> hi\n",
                   code: "fixture.no-expectation", line: 2, message: "cannot fail"),
    FixtureProblem(name: "claim with too few words", text: "#! format: fixtures/1\nfixture: x\n> hi\nexpect: claim reseller_legitimacy giztop\n",
                   code: "fixture.claim", line: 4, message: "TYPE SUBJECT VALUE"),
    FixtureProblem(name: "lower-case region", text: "#! format: fixtures/1\nfixture: x\n> hi\nexpect: claim regional_availability xiaomi available eu\n",
                   code: "fixture.claim", line: 4, message: "did you mean 'EU'?"),
    FixtureProblem(name: "no claim and a claim", text: "#! format: fixtures/1\nfixture: x\n> hi\nexpect: no claim\nexpect: claim order_fulfillment xiaomi refused\n",
                   code: "fixture.contradiction", line: 5, message: "contradict"),
    FixtureProblem(name: "setting after the comments", text: "#! format: fixtures/1\nfixture: x\n> hi\nbrand: xiaomi\nexpect: stance none\n",
                   code: "fixture.setting-order", line: 4, message: "before the fixture's comments"),
    FixtureProblem(name: "indented line with no comment before it", text: "#! format: fixtures/1\nfixture: x\n  stray\n> hi\nexpect: stance none\n",
                   code: "fixture.continuation", line: 3, message: "no comment right before it"),
])
func fixtureFileMistakesAreReportedAtTheirLine(_ problem: FixtureProblem) throws {
    let (file, diagnostics) = FixtureFile.parse(problem.text, path: "bad.fixtures")
    let found = try #require(diagnostics.first { $0.code == problem.code }, "\(diagnostics)")
    #expect(found.severity == .error)
    #expect(found.location?.file == "bad.fixtures")
    #expect(found.location?.line == problem.line)
    #expect(found.message.contains(problem.message))
    // A fixture with a mistake is not run.
    #expect(file.fixtures.isEmpty)
}

@Test func aBrokenFixtureDoesNotStopTheOthers() {
    let text = "#! format: fixtures/1\nfixture: broken\n> hi\nexpect: sentiment great\n\nfixture: fine\n> hi\nexpect: sentiment neutral\n"
    let (file, diagnostics) = FixtureFile.parse(text, path: "f.fixtures")
    #expect(diagnostics.map(\.code) == ["fixture.label"])
    #expect(file.fixtures.map(\.name) == ["fine"])
}
