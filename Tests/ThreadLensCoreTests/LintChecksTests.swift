import Foundation
import Testing
import ThreadLens

/// One lint check: a bad file and the diagnostic it must produce.
struct LintCase: Sendable, CustomTestStringConvertible {
    var name: String
    /// Relative path in the scratch pack and the format it is read in.
    var path: String
    var format: String
    var text: String
    var code: String
    var line: Int
    var column: Int?
    var message: String
    var testDescription: String { name }
}

private let lintCases: [LintCase] = [
    LintCase(name: "white space around a field", path: "lex.tsv", format: "sentiment-lexicon",
             text: "#! format: sentiment-lexicon/1\ngood\t1.9\n scam\t-2.5\n",
             code: "lint.whitespace", line: 3, column: 1, message: "white space around it"),
    LintCase(name: "no-break space around a field", path: "lex.tsv", format: "sentiment-lexicon",
             text: "#! format: sentiment-lexicon/1\nscam\u{00A0}\t-2.5\n",
             code: "lint.whitespace", line: 2, column: 1, message: "white space around it"),
    LintCase(name: "invisible character in a term", path: "lex.tsv", format: "sentiment-lexicon",
             text: "#! format: sentiment-lexicon/1\n# a zero-width space hides in the term\nflash\u{200B}sale\t0.5\n",
             code: "lint.whitespace", line: 3, column: 1, message: "invisible character U+200B"),
    LintCase(name: "full-width letters", path: "lex.tsv", format: "sentiment-lexicon",
             text: "#! format: sentiment-lexicon/1\nｇｏｏｄ\t1.9\n",
             code: "lint.not-normalized", line: 2, column: 1, message: "matched as 'good'"),
    LintCase(name: "exact alias without capitals", path: "entities/regions.tsv", format: "region-gazetteer",
             text: "#! format: region-gazetteer/1\nUS\tUS\texact\nIN\tin\texact\n",
             code: "lint.case", line: 3, column: 4, message: "did you mean 'IN'?"),
    LintCase(name: "simplified term in a traditional file", path: "zh/slang.hant.tsv", format: "sentiment-lexicon",
             text: "#! format: sentiment-lexicon/1\n不錯\t1.8\n发货慢\t-1.5\n",
             code: "lint.script", line: 3, column: 1, message: "did you mean '發貨慢'?"),
    LintCase(name: "traditional term in a simplified file", path: "zh/slang.hans.tsv", format: "sentiment-lexicon",
             text: "#! format: sentiment-lexicon/1\n不错\t1.8\n發貨慢\t-1.5\n",
             code: "lint.script", line: 3, column: 1, message: "did you mean '发货慢'?"),
    LintCase(name: "format the table does not describe", path: "x.tsv", format: "made-up-format",
             text: "#! format: made-up-format/1\nanything\n",
             code: "lint.format-undescribed", line: 1, column: nil, message: "'made-up-format'"),
]

private func lint(_ scratch: ScratchPack, reading reads: [(String, String)], overlays: ModelOverlays = .none) -> [Diagnostic] {
    var loader = scratch.loader(overlays)
    for (path, format) in reads { _ = loader.read(path, format: format) }
    loader.finish()
    let lint = ModelLint(tokenizer: ScratchPack.tokenizer, scripts: .icu())
    return loader.diagnostics + lint.check(reads: loader.reads, loaderDiagnostics: loader.diagnostics, packDirectory: scratch.pack, overlays: overlays)
}

@Test(arguments: lintCases)
func lintCheckReportsTheBadEntryWithItsIdAndLine(_ check: LintCase) throws {
    let scratch = try ScratchPack(["pack/" + check.path: check.text])
    defer { scratch.remove() }
    let diagnostics = lint(scratch, reading: [(check.path, check.format)])
    let found = try #require(diagnostics.first { $0.code == check.code }, "\(diagnostics)")
    #expect(found.location == SourceLocation(file: "models/" + check.path, line: check.line, column: check.column))
    #expect(found.message.contains(check.message))
    // The good lines of the file draw nothing.
    #expect(diagnostics.filter { $0.code == check.code }.count == 1)
}

@Test func scriptCheckLeavesCharactersValidInBothScriptsAlone() throws {
    // 了, 沉 and 布 are traditional characters too, though a converter maps them to 瞭, 沈, 佈.
    let scratch = try ScratchPack(["pack/zh/x.hant.tsv": "#! format: sentiment-lexicon/1\n了解\t0.5\n沉重\t-1\n公布\t0\n"])
    defer { scratch.remove() }
    let diagnostics = lint(scratch, reading: [("zh/x.hant.tsv", "sentiment-lexicon")])
    #expect(diagnostics.filter { $0.code == "lint.script" }.isEmpty)
}

@Test func sameTermWithDifferentValuesInTwoFilesIsAConflictUnlessMarkedOverride() throws {
    let scratch = try ScratchPack([
        "pack/a.tsv": "#! format: sentiment-lexicon/1\ngood\t1.9\nscam\t-2.5\n",
        "pack/b.tsv": "#! format: sentiment-lexicon/1\nscam\t-2.5\ngood\t-1\nfine\t1\n",
        "pack/c.tsv": "#! format: sentiment-lexicon/1\nfine\t0\toverride\n",
    ])
    defer { scratch.remove() }
    let diagnostics = lint(scratch, reading: [("a.tsv", "sentiment-lexicon"), ("b.tsv", "sentiment-lexicon"), ("c.tsv", "sentiment-lexicon")])
    let conflicts = diagnostics.filter { $0.code == "lint.conflict" }
    #expect(conflicts.count == 1)
    #expect(conflicts.first?.location == SourceLocation(file: "models/b.tsv", line: 3, column: 1))
    #expect(conflicts.first?.message.contains("models/a.tsv:2") == true)
}

@Test func fileNoPartReadsIsReportedWithTheFilesOfItsFormatThatAreRead() throws {
    let scratch = try ScratchPack([
        "pack/sentiment/a.tsv": "#! format: sentiment-lexicon/1\ngood\t1.9\n",
        "pack/sentiment/zh/slang.tsv": "#! format: sentiment-lexicon/1\n拉胯\t-2\n",
    ])
    defer { scratch.remove() }
    let diagnostics = lint(scratch, reading: [("sentiment/a.tsv", "sentiment-lexicon")])
    let unread = try #require(diagnostics.first { $0.code == "lint.unread-file" })
    #expect(unread.location == SourceLocation(file: "models/sentiment/zh/slang.tsv", line: 1))
    #expect(unread.message.contains("sentiment/a.tsv"))
}

@Test func lintChecksOverlayEntriesAtTheOverlaysOwnLine() throws {
    let scratch = try ScratchPack(["pack/lex.tsv": "#! format: sentiment-lexicon/1\ngood\t1.9\n"])
    defer { scratch.remove() }
    let overlay = try scratch.write("slang.hans.tsv", "#! format: sentiment-lexicon/1\n真香\t2\n發貨慢\t-1.5\n")
    let diagnostics = lint(scratch, reading: [("lex.tsv", "sentiment-lexicon")], overlays: ModelOverlays(files: [overlay]))
    let script = try #require(diagnostics.first { $0.code == "lint.script" })
    #expect(script.location == SourceLocation(file: overlay, line: 3, column: 1))
}

/// The shipped pack with overlays, linted as `threadlens lint` does.
private func lintShipped(overlays: ModelOverlays) throws -> [Diagnostic] {
    let directory = try #require(ModelPack.locateDefaultDirectory(executablePath: #filePath))
    let tokenizer = ScratchPack.tokenizer
    let loaded = ModelPack.loadAll(from: directory, tokenizer: tokenizer, overlays: overlays)
    let lint = ModelLint(tokenizer: tokenizer, scripts: .icu())
    return loaded.diagnostics + lint.check(loaded, packDirectory: directory, overlays: overlays, alsoRead: ["boilerplate.tsv"])
}

@Test func failingClaimRuleExamplesAreLintErrorsAtTheExampleLine() throws {
    let scratch = try ScratchPack([:])
    defer { scratch.remove() }
    let overlay = try scratch.write("rules.tsv", """
    #! format: claim-rules/1
    rule\tlint-test-rule\treseller_legitimacy\tlegitimate
    pattern\t{seller} is zorbulously legit
    match\tGiztop is totally legit.\tgiztop legitimate
    nomatch\tGiztop is zorbulously legit.

    """)
    let diagnostics = try lintShipped(overlays: ModelOverlays(files: [overlay]))
    let examples = diagnostics.filter { $0.code == "claim-rules.example" && $0.location?.file == overlay }
    #expect(examples.map { $0.location?.line } == [4, 5])
    #expect(examples.first?.message.contains("should find 'giztop legitimate'") == true)
    #expect(examples.last?.message.contains("should not match") == true)
}

@Test func everyProblemOfAFileIsReportedAtOnce() throws {
    let scratch = try ScratchPack([:])
    defer { scratch.remove() }
    let overlay = try scratch.write("bad.tsv", """
    #! format: sentiment-lexicon/1
    zorbulous\t9
    blorpish
    snazzle\t1\tovveride
    ｆｒｏｂ\t1

    """)
    let diagnostics = try lintShipped(overlays: ModelOverlays(files: [overlay])).filter { $0.location?.file == overlay }
    #expect(diagnostics.compactMap { $0.location?.line }.sorted() == [2, 3, 4, 5])
    #expect(diagnostics.allSatisfy { $0.location?.column != nil })
    #expect(diagnostics.contains { $0.code == "lint.not-normalized" && $0.location?.line == 5 })
    #expect(diagnostics.contains { $0.location?.line == 4 && $0.message.contains("did you mean 'override'") })
}

@Test func shippedModelsLintWithoutErrors() throws {
    let diagnostics = try lintShipped(overlays: .none)
    let errors = diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
}

/// An ellipsis character is one token whose key is "..."; written as three full stops it would
/// be three tokens and match something else, so lint must not tell the analyst to rewrite it.
@Test func aCharacterWhoseNormalFormSegmentsDifferentlyIsNotReportedAsUnnormalised() throws {
    let scratch = try ScratchPack(["pack/rules.tsv": "#! format: sentiment-rules/1\nclause-break\t\u{2026}\n"])
    defer { scratch.remove() }
    let diagnostics = lint(scratch, reading: [("rules.tsv", "sentiment-rules")])
    #expect(!diagnostics.contains { $0.code == "lint.not-normalized" }, "\(diagnostics)")
}
