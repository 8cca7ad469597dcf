import Foundation
import Testing
import ThreadLens

/// A scratch models directory with a few files, and overlay files beside it.
struct ScratchPack {
    let root: URL
    var pack: URL { root.appendingPathComponent("pack") }

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("threadlens-overlay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("pack"), withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    /// Writes `text` at `path` (relative to the scratch root); returns the full path.
    @discardableResult
    func write(_ path: String, _ text: String) throws -> String {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func remove() { try? FileManager.default.removeItem(at: root) }

    static var tokenizer: Tokenizer { Tokenizer(segmenter: try! ICUSegmenter()) }

    func loader(_ overlays: ModelOverlays = .none) -> ModelLoader {
        ModelLoader(directory: pack, tokenizer: Self.tokenizer, overlays: overlays)
    }
}

private let lexicon = """
#! format: sentiment-lexicon/1
good\t1.9
flash sale\t0.5
scam\t-2.5

"""

private func terms(_ file: DataFile?) -> [String] {
    (file?.records ?? []).map { $0.fields.prefix(2).joined(separator: "=") }
}

@Test func overlayEntryWithANewTermIsAddedAfterThePackEntries() throws {
    let scratch = try ScratchPack(["pack/lex.tsv": lexicon])
    defer { scratch.remove() }
    let overlay = try scratch.write("slang.tsv", "#! format: sentiment-lexicon/1\n拉胯\t-2.5\n")
    var loader = scratch.loader(ModelOverlays(files: [overlay]))
    let file = loader.read("lex.tsv", format: "sentiment-lexicon")
    #expect(terms(file) == ["good=1.9", "flash sale=0.5", "scam=-2.5", "拉胯=-2.5"])
    // The added record keeps the overlay's own path and line.
    #expect(file?.records.last?.location() == SourceLocation(file: overlay, line: 2, column: 1))
    #expect(loader.diagnostics.isEmpty)
}

@Test func overlayEntryWithTheSameTermReplacesThePackEntryWhateverItsCase() throws {
    let scratch = try ScratchPack(["pack/lex.tsv": lexicon])
    defer { scratch.remove() }
    let overlay = try scratch.write("fix.tsv", "#! format: sentiment-lexicon/1\nFlash  Sale\t-1\n")
    var loader = scratch.loader(ModelOverlays(files: [overlay]))
    let file = loader.read("lex.tsv", format: "sentiment-lexicon")
    #expect(terms(file) == ["good=1.9", "scam=-2.5", "Flash  Sale=-1"])
}

@Test func overlayEntryEndingInADashRemovesThePackEntry() throws {
    let scratch = try ScratchPack(["pack/lex.tsv": lexicon])
    defer { scratch.remove() }
    let overlay = try scratch.write("remove.tsv", "#! format: sentiment-lexicon/1\nscam\t-\n")
    var loader = scratch.loader(ModelOverlays(files: [overlay]))
    let file = loader.read("lex.tsv", format: "sentiment-lexicon")
    #expect(terms(file) == ["good=1.9", "flash sale=0.5"])
    loader.finish()
    #expect(loader.diagnostics.isEmpty)
}

@Test func overlayAppliesToEveryFileOfItsFormatAndIsAddedOnce() throws {
    let scratch = try ScratchPack([
        "pack/a.tsv": "#! format: sentiment-lexicon/1\ngood\t1.9\n",
        "pack/b.tsv": "#! format: sentiment-lexicon/1\nscam\t-2.5\nmeh\t-0.5\n",
    ])
    defer { scratch.remove() }
    let overlay = try scratch.write("o.tsv", "#! format: sentiment-lexicon/1\nscam\t-3\nmeh\t-\n")
    var loader = scratch.loader(ModelOverlays(files: [overlay]))
    #expect(terms(loader.read("a.tsv", format: "sentiment-lexicon")) == ["good=1.9", "scam=-3"])
    #expect(terms(loader.read("b.tsv", format: "sentiment-lexicon")) == [])
}

@Test func laterOverlayWinsAndTheDisagreementIsAWarning() throws {
    let scratch = try ScratchPack(["pack/lex.tsv": lexicon])
    defer { scratch.remove() }
    let first = try scratch.write("one.tsv", "#! format: sentiment-lexicon/1\ngood\t2\n")
    let second = try scratch.write("two.tsv", "#! format: sentiment-lexicon/1\n# comment\ngood\t3\n")
    var loader = scratch.loader(ModelOverlays(files: [first, second]))
    let file = loader.read("lex.tsv", format: "sentiment-lexicon")
    #expect(terms(file) == ["flash sale=0.5", "scam=-2.5", "good=3"])
    let warning = try #require(loader.diagnostics.first)
    #expect(warning.code == "overlay.conflict")
    #expect(warning.location == SourceLocation(file: second, line: 3, column: 1))
    #expect(warning.message.contains("\(first):2"))
}

@Test func ruleBlocksAreReplacedAndRemovedWhole() throws {
    let rules = """
    #! format: claim-rules/1
    examples-brand\txiaomi
    rule\tone\treseller_legitimacy\tlegitimate
    pattern\t{seller} is legit
    match\tGiztop is legit.\tgiztop legitimate
    rule\ttwo\treseller_legitimacy\tillegitimate
    pattern\t{seller} is fake
    match\tGiztop is fake.\tgiztop illegitimate

    """
    let scratch = try ScratchPack(["pack/claims/x.rules.tsv": rules])
    defer { scratch.remove() }
    let overlay = try scratch.write("rules.tsv", """
    #! format: claim-rules/1
    rule\tone\treseller_legitimacy\tlegitimate
    pattern\t{seller} is trustworthy
    match\tGiztop is trustworthy.\tgiztop legitimate
    rule\ttwo\t-

    """)
    var loader = scratch.loader(ModelOverlays(files: [overlay]))
    let read = loader.read("claims/x.rules.tsv", format: "claim-rules")
    let file = try #require(read)
    #expect(file.records.map { $0.fields[0] } == ["examples-brand", "rule", "pattern", "match"])
    #expect(file.records[2].fields[1] == "{seller} is trustworthy")
    #expect(file.records[2].path == overlay)
}

@Test func gazetteerOverlayIsKeyedByItsAliasColumn() throws {
    let scratch = try ScratchPack(["pack/brands.tsv": "#! format: gazetteer/1\nxiaomi\tXiaomi\nxiaomi\tMi\tproduct\n"])
    defer { scratch.remove() }
    let overlay = try scratch.write("b.tsv", "#! format: gazetteer/1\nxiaomi\tMi\t-\nxiaomi\t小米\n")
    var loader = scratch.loader(ModelOverlays(files: [overlay]))
    let file = loader.read("brands.tsv", format: "gazetteer")
    #expect(terms(file) == ["xiaomi=Xiaomi", "xiaomi=小米"])
}

@Test func partialPackReplacesOnlyTheFilesItHas() throws {
    let scratch = try ScratchPack([
        "pack/a.tsv": "#! format: sentiment-lexicon/1\ngood\t1.9\n",
        "pack/b.tsv": "#! format: sentiment-lexicon/1\nscam\t-2.5\n",
        "mine/b.tsv": "#! format: sentiment-lexicon/1\nscam\t-4\n",
    ])
    defer { scratch.remove() }
    let partial = scratch.path("mine")
    var loader = scratch.loader(ModelOverlays(directories: [partial]))
    #expect(terms(loader.read("a.tsv", format: "sentiment-lexicon")) == ["good=1.9"])
    let b = loader.read("b.tsv", format: "sentiment-lexicon")
    #expect(terms(b) == ["scam=-4"])
    #expect(b?.path == partial + "/b.tsv")
    #expect(loader.reads.map(\.origin) == [.pack, .partialPack(partial)])
}

@Test func partialPackFilesAreListedWithThePacksForPartsThatReadAFolder() throws {
    let scratch = try ScratchPack([
        "pack/claims/a.rules.tsv": "#! format: claim-rules/1\n",
        "mine/claims/b.rules.tsv": "#! format: claim-rules/1\n",
        "mine/claims/a.rules.tsv": "#! format: claim-rules/1\n",
    ])
    defer { scratch.remove() }
    let loader = scratch.loader(ModelOverlays(directories: [scratch.path("mine")]))
    #expect(loader.fileNames(in: "claims", suffix: ".rules.tsv") == ["a.rules.tsv", "b.rules.tsv"])
}

/// Overlay problems, each at the overlay's own file:line:column with a stable id.
struct OverlayProblem: Sendable, CustomTestStringConvertible {
    var name: String
    var overlay: String
    var code: String
    var line: Int
    var column: Int?
    var message: String
    var testDescription: String { name }
}

@Test(arguments: [
    OverlayProblem(name: "misspelt format", overlay: "#! format: sentiment-lexcon/1\ngood\t1\n",
                   code: "overlay.format", line: 1, column: 12, message: "did you mean 'sentiment-lexicon'?"),
    OverlayProblem(name: "unsupported version", overlay: "#! format: sentiment-lexicon/7\ngood\t1\n",
                   code: "overlay.version", line: 1, column: 12, message: "version 7 is not supported"),
    OverlayProblem(name: "no header", overlay: "good\t1\n",
                   code: "model.header", line: 1, column: 1, message: "#! format: NAME/VERSION"),
    OverlayProblem(name: "removal of a term the pack lacks", overlay: "#! format: sentiment-lexicon/1\nscma\t-\n",
                   code: "overlay.remove-unmatched", line: 2, column: 1, message: "did you mean 'scam'?"),
    OverlayProblem(name: "dash in the key column", overlay: "#! format: sentiment-lexicon/1\n-\n",
                   code: "overlay.marker", line: 2, column: 1, message: "write its key (column 1) and then '-'"),
])
func overlayProblemsAreReportedAtTheOverlaysOwnLine(_ problem: OverlayProblem) throws {
    let scratch = try ScratchPack(["pack/lex.tsv": lexicon])
    defer { scratch.remove() }
    let overlay = try scratch.write("overlay.tsv", problem.overlay)
    var loader = scratch.loader(ModelOverlays(files: [overlay]))
    _ = loader.read("lex.tsv", format: "sentiment-lexicon")
    loader.finish()
    let found = loader.diagnostics.first { $0.code == problem.code }
    let diagnostic = try #require(found, "\(loader.diagnostics)")
    #expect(diagnostic.location == SourceLocation(file: overlay, line: problem.line, column: problem.column))
    #expect(diagnostic.message.contains(problem.message))
}

@Test func missingOverlayFileAndPartialPackAreErrors() throws {
    let scratch = try ScratchPack(["pack/lex.tsv": lexicon])
    defer { scratch.remove() }
    let loader = scratch.loader(ModelOverlays(directories: [scratch.path("nowhere")], files: [scratch.path("none.tsv")]))
    #expect(loader.diagnostics.map(\.code) == ["overlay.directory", "overlay.missing"])
}

@Test func analyzerAppliesAnOverlayToTheShippedModels() throws {
    let scratch = try ScratchPack([:])
    defer { scratch.remove() }
    let overlay = try scratch.write("slang.tsv", "#! format: sentiment-lexicon/1\nzorbulous\t-3\n")
    let thread = CommentThread(id: "t", source: "t", comments: [Comment(id: "1", text: "Xiaomi phones are zorbulous.", location: SourceLocation(file: "t", line: 1))])
    let plain = try Analyzer(options: AnalysisOptions(brand: "xiaomi"))
    let changed = try Analyzer(overlays: ModelOverlays(files: [overlay]), options: AnalysisOptions(brand: "xiaomi"))
    #expect(plain.analyze(thread).comments[0].sentiment.label == .neutral)
    #expect(changed.analyze(thread).comments[0].sentiment.label == .negative)
}
