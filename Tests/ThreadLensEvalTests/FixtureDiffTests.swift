import Foundation
import Testing
import ThreadLens

/// `ModelDiff`: what changed between two runs, judged against gold.
@Test func modelDiffListsOnlyChangedCommentsWithBeforeAndAfter() throws {
    let before = PredictionSet([
        Prediction(thread: "t", id: "1", sentiment: "neutral", topics: ["pricing"]),
        Prediction(thread: "t", id: "2", sentiment: "positive", topics: ["product"],
                   claims: [ClaimTuple(type: "reseller_legitimacy", subject: "Giztop", value: "legitimate")]),
        Prediction(thread: "t", id: "3", sentiment: "negative"),
    ])
    let after = PredictionSet([
        Prediction(thread: "t", id: "1", sentiment: "negative", topics: ["pricing", "trust"]),
        Prediction(thread: "t", id: "2", sentiment: "positive", topics: ["product"],
                   claims: [ClaimTuple(type: "reseller_legitimacy", subject: "giztop", value: "illegitimate")]),
        Prediction(thread: "t", id: "3", sentiment: "negative"),
    ])
    let gold = GoldSet(annotations: [
        GoldAnnotation(thread: "t", id: "1", sentiment: "negative", topics: ["pricing"], claims: [], stance: nil,
                       location: SourceLocation(file: "t.gold.jsonl", line: 1)),
        GoldAnnotation(thread: "t", id: "2", sentiment: nil, topics: ["product"],
                       claims: [ClaimTuple(type: "reseller_legitimacy", subject: "giztop", value: "legitimate")], stance: nil,
                       location: SourceLocation(file: "t.gold.jsonl", line: 2)),
    ], files: ["t.gold.jsonl"])
    let diff = ModelDiff(before: before, after: after, gold: gold)
    #expect(diff.compared == 3)
    #expect(diff.changes.map(\.key.id.rawValue) == ["1", "2"])
    let first = diff.changes[0]
    #expect(first.sentiment?.before == "neutral" && first.sentiment?.after == "negative")
    #expect(first.sentimentVerdict == true)
    #expect(first.topicsAdded == ["trust"] && first.topicsRemoved.isEmpty)
    // Subjects are compared in normal form: "Giztop" and "giztop" are one subject.
    #expect(diff.changes[1].claimsAdded == [ClaimTuple(type: "reseller_legitimacy", subject: "giztop", value: "illegitimate")])
    #expect(diff.changes[1].claimsRemoved == [ClaimTuple(type: "reseller_legitimacy", subject: "giztop", value: "legitimate")])

    #expect(diff.rendered(texts: [CommentKey(thread: "t", id: "1"): "Too dear."]) == [
        "t#1: \"Too dear.\"",
        "  sentiment: neutral → negative  [gold negative ✓]",
        "  topics: +trust ✗  [gold pricing]",
        "t#2",
        "  claim: +reseller_legitimacy giztop illegitimate ✗",
        "  claim: −reseller_legitimacy giztop legitimate ✗",
        "    [gold claims: reseller_legitimacy giztop legitimate]",
    ])
}

@Test func modelDiffOfIdenticalRunsIsEmpty() {
    let run = PredictionSet([Prediction(thread: "t", id: "1", sentiment: "neutral", topics: ["pricing"])])
    let diff = ModelDiff(before: run, after: run)
    #expect(diff.changes.isEmpty)
    #expect(diff.compared == 1)
}

@Test func modelDiffOverTwoModelSetsFindsTheCommentAnOverlayChanges() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("threadlens-diff-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let overlay = directory.appendingPathComponent("slang.tsv")
    try "#! format: sentiment-lexicon/1\nzorbulous\t3\n".write(to: overlay, atomically: true, encoding: .utf8)
    let thread = CommentThread(id: "t", source: "t", comments: [
        Comment(id: "1", text: "Xiaomi phones are zorbulous.", location: SourceLocation(file: "t", line: 1)),
        Comment(id: "2", text: "Xiaomi phones arrived today.", location: SourceLocation(file: "t", line: 2)),
    ])
    let a = try Analyzer(options: AnalysisOptions(brand: "xiaomi"))
    let b = try Analyzer(overlays: ModelOverlays(files: [overlay.path]), options: AnalysisOptions(brand: "xiaomi"))
    let diff = ModelDiff(before: PredictionSet(analyzed: [a.analyze(thread)]), after: PredictionSet(analyzed: [b.analyze(thread)]))
    #expect(diff.changes.map(\.key.id.rawValue) == ["1"])
    #expect(diff.changes.first?.sentiment?.after == "positive")
}
