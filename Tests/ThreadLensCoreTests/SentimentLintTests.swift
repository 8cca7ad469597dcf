import Foundation
import Testing
@testable import ThreadLensCore
import ThreadLensICU

/// The sentiment model files are validated like source code: every problem is a diagnostic with
/// file:line:column and a stable code, unknown names get a suggestion, and the shipped files
/// load with no error and no warning.
@Suite struct SentimentLintTests {
    /// The shipped settings (valid, as `shippedSentimentModelLoadsWithNoErrorOrWarning` checks),
    /// without their header line.
    static let settings: String = {
        let url = SentimentHarness.modelsDirectory.appendingPathComponent("sentiment/settings.tsv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
    }()

    /// A minimal model directory: an index, valid settings, and the given extra files.
    static func scratch(lexicon: String = "", rules: String = "", targets: String = "", settings: String = settings) throws -> ScratchModels {
        try ScratchModels([
            "sentiment/index.tsv": """
            #! format: sentiment-index/1
            settings\tsentiment/settings.tsv
            lexicon\tsentiment/a.tsv
            lexicon\tsentiment/b.tsv
            rules\tsentiment/rules.tsv
            targets\tsentiment/targets.tsv

            """,
            "sentiment/settings.tsv": "#! format: sentiment-settings/1\n" + settings + "\n",
            "sentiment/a.tsv": "#! format: sentiment-lexicon/1\ngood\t1.9\nbad\t-2.5\n",
            "sentiment/b.tsv": "#! format: sentiment-lexicon/1\n" + lexicon,
            "sentiment/rules.tsv": "#! format: sentiment-rules/1\n" + rules,
            "sentiment/targets.tsv": "#! format: sentiment-targets/1\n" + targets,
        ])
    }

    static func diagnostics(_ models: ScratchModels) throws -> [Diagnostic] {
        defer { models.remove() }
        return try models.loadSentiment().1
    }

    @Test func shippedSentimentModelLoadsWithNoErrorOrWarning() throws {
        var loader = ModelLoader(directory: SentimentHarness.modelsDirectory, tokenizer: Tokenizer(segmenter: try ICUSegmenter()))
        let model = SentimentModel.load(&loader)
        #expect(loader.diagnostics.isEmpty, "\(loader.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(model.cues.count > 20_000)
        #expect(model.files.count >= 10)
    }

    @Test func shippedModelPackLoads() throws {
        _ = try SentimentHarness.pack()
    }

    @Test func conflictingDuplicateIsAnErrorNamingBothPlaces() throws {
        let found = try Self.diagnostics(try Self.scratch(lexicon: "good\t2.5\n"))
        let conflict = try #require(found.first { $0.code == "lexicon.conflict" })
        #expect(conflict.severity == .error)
        #expect(conflict.location?.file.hasSuffix("sentiment/b.tsv") == true)
        #expect(conflict.location?.line == 2 && conflict.location?.column == 6)
        #expect(conflict.message.contains("a.tsv:2"))
    }

    @Test func overrideReplacesAnEarlierValueAndBrandFlagScopesIt() throws {
        let models = try Self.scratch(lexicon: "good\t2.5\toverride\nbad\t0\tbrand\n")
        defer { models.remove() }
        let (model, found) = try models.loadSentiment()
        #expect(!found.hasErrors)
        let good = try #require(model.cues.value(forUnits: ["good"]))
        #expect(good.valence == 2.5)
        let bad = try #require(model.cues.value(forUnits: ["bad"]))
        #expect(bad.valence(for: .any)?.value == -2.5)
        #expect(bad.valence(for: .brand)?.value == 0)
    }

    @Test func sameValueDuplicateInOneFileIsAWarning() throws {
        let found = try Self.diagnostics(try Self.scratch(lexicon: "fine\t0.8\nfine\t0.8\n"))
        let duplicate = try #require(found.first { $0.code == "lexicon.duplicate" })
        #expect(duplicate.severity == .warning)
        #expect(duplicate.location?.line == 3)
    }

    @Test(arguments: [
        ("great\t4.5\n", "lexicon.valence-range", 7),
        ("great\tvery\n", "lexicon.valence", 7),
        ("great\n", "lexicon.column-count", 1),
        ("great\t3\tovveride\n", "lexicon.flag", 9),
    ])
    func badLexiconLineIsReportedAtItsColumn(line: String, code: String, column: Int) throws {
        let found = try Self.diagnostics(try Self.scratch(lexicon: line))
        let problem = try #require(found.first { $0.code == code })
        #expect(problem.location?.line == 2)
        #expect(problem.location?.column == column)
    }

    @Test func unknownFlagSuggestsTheClosest() throws {
        let found = try Self.diagnostics(try Self.scratch(lexicon: "great\t3\tovveride\n"))
        #expect(found.contains { $0.code == "lexicon.flag" && $0.message.contains("did you mean 'override'") })
    }

    @Test(arguments: [
        ("negater\tnot\n", "rules.kind", "did you mean 'negator'"),
        ("booster\tvery\n", "rules.column-count", "expected 3"),
        ("booster\tvery\t9\n", "rules.value-range", "outside"),
        ("contrast\tbut\t0.5\n", "rules.column-count", "expected 4"),
        ("negator\tnot\t2.5\n", "rules.scope", "whole number"),
        ("polar-question\tis\t0\n", "rules.anchor", "'^is'"),
    ])
    func badRuleLineIsReported(line: String, code: String, message: String) throws {
        let found = try Self.diagnostics(try Self.scratch(rules: line))
        let problem = try #require(found.first { $0.code == code }, "\(found)")
        #expect(problem.message.contains(message))
        #expect(problem.location?.file.hasSuffix("sentiment/rules.tsv") == true)
        #expect(problem.location?.line == 2)
    }

    @Test func ruleGivenTwoMeaningsIsAConflict() throws {
        let found = try Self.diagnostics(try Self.scratch(rules: "negator\tnot\nbooster\tnot\t0.3\n"))
        #expect(found.contains { $0.code == "rules.conflict" && $0.location?.line == 3 })
    }

    @Test func unknownTargetClassSuggestsTheClosest() throws {
        let found = try Self.diagnostics(try Self.scratch(targets: "scalper\treseler\n"))
        let problem = try #require(found.first { $0.code == "targets.class" })
        #expect(problem.message.contains("did you mean 'reseller'"))
        #expect(problem.location?.column == 9)
    }

    @Test func unknownSettingSuggestsTheClosestAndMissingOnesAreReported() throws {
        let settings = Self.settings.replacingOccurrences(of: "negation.window\t", with: "negation.windw\t")
        let found = try Self.diagnostics(try Self.scratch(settings: settings))
        #expect(found.contains { $0.code == "settings.unknown-key" && $0.message.contains("did you mean 'negation.window'") })
        #expect(found.contains { $0.code == "settings.missing" && $0.message.contains("negation.window") })
    }

    @Test func settingOutOfRangeIsReported() throws {
        let settings = Self.settings.replacingOccurrences(of: "(?m)^label\\.brand\\.positive\t.*$", with: "label.brand.positive\t3", options: .regularExpression)
        let found = try Self.diagnostics(try Self.scratch(settings: settings))
        #expect(found.contains { $0.code == "settings.number-range" })
    }

    @Test func unknownIndexKindSuggestsTheClosest() throws {
        let models = try ScratchModels(["sentiment/index.tsv": "#! format: sentiment-index/1\nlexcon\tsentiment/a.tsv\n"])
        let found = try Self.diagnostics(models)
        #expect(found.contains { $0.code == "sentiment-index.kind" && $0.message.contains("did you mean 'lexicon'") })
        #expect(found.contains { $0.code == "sentiment-index.settings" })
    }

    @Test func wrongFormatHeaderIsReported() throws {
        let models = try ScratchModels([
            "sentiment/index.tsv": "#! format: sentiment-index/1\nsettings\tsentiment/settings.tsv\nlexicon\tsentiment/a.tsv\n",
            "sentiment/settings.tsv": "#! format: sentiment-settings/1\n" + Self.settings + "\n",
            "sentiment/a.tsv": "#! format: sentiment-rules/1\ngood\t1\n",
        ])
        let found = try Self.diagnostics(models)
        #expect(found.contains { $0.code == "model.format" && $0.location?.line == 1 })
    }
}
