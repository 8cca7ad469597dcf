import Foundation
import Testing
@testable import ThreadLensIO
import ThreadLensCore

@Suite struct BoilerplateRulesTests {
    @Test func shippedRulesLoadWithoutProblems() throws {
        let (rules, diagnostics) = BoilerplateRules.load(fromModelsDirectory: Fixtures.packageRoot.appendingPathComponent("models"))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(rules.rules.count >= 5)
    }

    /// Generic furniture shapes the shipped rules remove, and article sentences they keep.
    @Test(arguments: [
        ("Techlane News of the week", true),
        ("[Source, Via]", true),
        ("[ Via ]", true),
        ("Previous Lumora opens a pop-up store in Lisbon", true),
        ("Next Kestrel tablet leaks with a 12-inch screen", true),
        ("Next article »", true),
        ("Previous", true),
        ("Source: Techlane", true),
        ("上一篇：小米冰箱降价", true),
        ("Share this:", true),
        ("Advertisement", true),
        ("Tags: earbuds, resellers", true),
        ("Next year the maker will open stores in five more countries.", false),
        ("Previous models sold out within minutes.", false),
        ("Nextel was once a carrier", false),
        ("The news of the week was the recall.", false),
        ("A spokesperson said the sources were unreliable.", false),
    ])
    func shippedRulesMatchFurnitureButNotSentences(line: String, isBoilerplate: Bool) throws {
        let (rules, _) = BoilerplateRules.load(fromModelsDirectory: Fixtures.packageRoot.appendingPathComponent("models"))
        #expect((rules.rule(matching: line) != nil) == isBoilerplate)
    }

    @Test func exactAndPrefixIgnoreCaseAndSurroundingSpaces() throws {
        let (rules, diagnostics) = BoilerplateRules.parse("#! format: boilerplate/1\nexact\tRead more\nprefix\tTags:\n", displayPath: "r.tsv")
        #expect(diagnostics.isEmpty)
        #expect(rules.rule(matching: "  READ MORE\u{00A0}") != nil)
        #expect(rules.rule(matching: "tags: a, b") != nil)
        #expect(rules.rule(matching: "Read more about it here") == nil)
    }

    /// Broken rule files: every problem with file:line:column and code; no rule is used.
    @Test(arguments: [
        ("exactly\tRead more", "boilerplate.kind", 2, 1, "did you mean 'exact'?"),
        ("regex\t(unclosed", "boilerplate.regex", 2, 7, "not a valid regular expression"),
        ("prefix", "boilerplate.column-count", 2, 1, "expected 2 to 3"),
        ("exact\t\tnote", "boilerplate.pattern", 2, 7, "expected a pattern"),
    ])
    func brokenRuleIsReportedAndNothingLoads(line: String, code: String, lineNumber: Int, column: Int, message: String) throws {
        let (rules, diagnostics) = BoilerplateRules.parse("#! format: boilerplate/1\n\(line)\nexact\tSponsored\n", displayPath: "models/boilerplate.tsv")
        #expect(rules.rules.isEmpty)
        let error = try #require(diagnostics.first { $0.code == code }, "\(diagnostics)")
        #expect(error.location == SourceLocation(file: "models/boilerplate.tsv", line: lineNumber, column: column))
        #expect(error.message.contains(message))
    }

    @Test func wrongHeaderIsAnError() {
        let (_, diagnostics) = BoilerplateRules.parse("#! format: gazetteer/1\nexact\tx\n", displayPath: "b.tsv")
        #expect(diagnostics.map(\.code) == ["model.format"])
    }

    @Test func duplicateRuleIsAWarning() {
        let (rules, diagnostics) = BoilerplateRules.parse("#! format: boilerplate/1\nexact\tSponsored\nexact\tsponsored\n", displayPath: "b.tsv")
        #expect(rules.rules.count == 1)
        #expect(diagnostics.map(\.code) == ["boilerplate.duplicate"])
    }
}
