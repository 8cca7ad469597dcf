import Foundation
import Testing
import ThreadLens

/// The shipped models with made-up entries laid over them, so the entries a failure names are
/// known exactly (file and line).
private struct RunnerSetup {
    let directory: URL
    let lexicon: String
    let topics: String
    let rules: String
    let stance: String
    let analyzer: Analyzer

    init() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("threadlens-fixtures-\(UUID().uuidString)")
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws -> String {
            let url = directory.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        lexicon = try write("lexicon.tsv", "#! format: sentiment-lexicon/1\nzorbulous\t-3\n")
        topics = try write("topics.tsv", "#! format: topic-cues/1\npricing\tzorbulous\n")
        rules = try write("rules.tsv", """
        #! format: claim-rules/1
        rule\trunner-test\treseller_legitimacy\tillegitimate
        pattern\t{seller} is zorbulous
        match\tGiztop is zorbulous.\tgiztop illegitimate
        nomatch\tGiztop is fine.

        """)
        stance = try write("stance.tsv", "#! format: stance-cues/1\ndisagree\tflimflam\n")
        analyzer = try Analyzer(overlays: ModelOverlays(files: [lexicon, topics, rules, stance]))
    }

    func run(_ text: String) -> [FixtureResult] {
        let (file, diagnostics) = FixtureFile.parse(text, path: "runner.fixtures")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let runner = FixtureRunner(models: analyzer.models, tokenizer: analyzer.tokenizer)
        for fixture in file.fixtures { #expect(runner.validate(fixture).isEmpty) }
        return runner.run(file.fixtures)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

@Test func failingFixturesPrintExpectedVersusGotWithTheEntriesBehindTheResult() throws {
    let setup = try RunnerSetup()
    defer { setup.remove() }
    let results = setup.run("""
    #! format: fixtures/1
    fixture: wrong on purpose
    brand: xiaomi
    > Xiaomi phones are zorbulous.
    expect: sentiment positive
    expect: no topic pricing
    > Giztop is zorbulous.
    expect: no claim
    >> flimflam
    expect: stance agree

    """)
    let result = try #require(results.first)
    #expect(!result.passed)
    #expect(result.failures.map(\.field) == ["sentiment", "topics", "claims", "stance"])
    let lines = result.rendered()
    let text = lines.joined(separator: "\n")
    // Each failure starts at the expectation's file:line:column and names the fixture and comment.
    #expect(lines.first == "runner.fixtures:5:9: FAIL wrong on purpose — comment 1: \"Xiaomi phones are zorbulous.\"")
    #expect(text.contains("  sentiment: expected positive, got negative ("))
    #expect(text.contains("\"zorbulous\" -3") && text.contains("[\(setup.lexicon):2:1]"))
    #expect(text.contains("runner.fixtures:6:9: FAIL wrong on purpose — comment 1"))
    #expect(text.contains("  topics: expected not to include pricing, got pricing"))
    #expect(text.contains("pricing cue \"zorbulous\"") && text.contains("[\(setup.topics):2:"))
    #expect(text.contains("runner.fixtures:8:9: FAIL wrong on purpose — comment 2: \"Giztop is zorbulous.\""))
    #expect(text.contains("  claims: expected no claim, got reseller_legitimacy giztop illegitimate"))
    #expect(text.contains("by rule 'runner-test'") && text.contains("[\(setup.rules):2:"))
    #expect(text.contains("runner.fixtures:10:9: FAIL wrong on purpose — comment 2.1: \"flimflam\""))
    #expect(text.contains("  stance: expected agree, got disagree"))
    #expect(text.contains("disagree cue \"flimflam\"") && text.contains("[\(setup.stance):2:"))
}

@Test func claimLinesAreTheExactSetAndMissingOrExtraClaimsFail() throws {
    let setup = try RunnerSetup()
    defer { setup.remove() }
    let results = setup.run("""
    #! format: fixtures/1
    fixture: exact set holds
    brand: xiaomi
    > Giztop is zorbulous.
    expect: claim reseller_legitimacy giztop illegitimate

    fixture: a missing claim fails
    brand: xiaomi
    > Giztop is zorbulous.
    expect: claim reseller_legitimacy giztop illegitimate
    expect: claim order_fulfillment giztop refused

    fixture: hedging is checked when written
    brand: xiaomi
    > Giztop is zorbulous.
    expect: claim reseller_legitimacy giztop illegitimate hedged

    """)
    #expect(results.map(\.passed) == [true, false, false])
    let missing = results[1].rendered().joined(separator: "\n")
    #expect(missing.contains("claims: expected reseller_legitimacy giztop illegitimate; order_fulfillment giztop refused, got reseller_legitimacy giztop illegitimate"))
    #expect(missing.contains("missing order_fulfillment giztop refused: no rule produced it"))
    let hedging = results[2].rendered().joined(separator: "\n")
    #expect(hedging.contains("reseller_legitimacy giztop illegitimate is not hedged"))
}

@Test func fixturesNamingWhatTheModelsLackAreInvalid() throws {
    let setup = try RunnerSetup()
    defer { setup.remove() }
    let (file, _) = FixtureFile.parse("""
    #! format: fixtures/1
    fixture: typos
    brand: xiaomy
    > hi
    expect: topic pricng
    expect: claim reseller_legitimacy giztop legitmate
    expect: claim regional_availability xiaomi available

    """, path: "t.fixtures")
    let runner = FixtureRunner(models: setup.analyzer.models, tokenizer: setup.analyzer.tokenizer)
    let diagnostics = runner.validate(try #require(file.fixtures.first))
    #expect(diagnostics.map(\.code) == ["fixture.brand", "fixture.topic", "fixture.claim-value", "fixture.claim-region"])
    #expect(diagnostics.map { $0.location?.line } == [2, 5, 6, 7])
    #expect(diagnostics[0].message.contains("did you mean 'xiaomi'?"))
    #expect(diagnostics[1].message.contains("did you mean 'pricing'?"))
    #expect(diagnostics[2].message.contains("did you mean 'legitimate'?"))
}
