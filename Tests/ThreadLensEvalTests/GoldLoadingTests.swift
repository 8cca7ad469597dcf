import Foundation
import Testing
import ThreadLensCore
@testable import ThreadLensEval

/// A valid annotation line to vary.
private let valid = #"{"id": "1", "sentiment": "neutral", "topics": ["pricing"], "claims": [], "stance": "agree"}"#

@Suite struct GoldParsingTests {
    @Test func aValidFileGivesOneAnnotationPerLineInNormalForm() {
        let text = """
        {"id": "0", "sentiment": null, "topics": ["resellers", "availability"], "claims": [{"type": "reseller_legitimacy", "subject": "*", "value": "illegitimate"}], "stance": null}

        {"id": "1.2", "sentiment": "negative", "topics": [], "claims": [{"type": "regional_availability", "subject": "acme", "value": "unavailable", "region": "intl"}], "stance": "disagree"}
        """
        let (set, diagnostics) = GoldSet.parse(text, thread: "phone-thread", source: "phone-thread.gold.jsonl")
        #expect(diagnostics.isEmpty)
        #expect(set.annotations.count == 2)
        let first = set.annotations[0], second = set.annotations[1]
        #expect(first.thread == "phone-thread")
        #expect(first.sentiment == nil && first.stance == nil)
        #expect(first.topics == ["resellers", "availability"])
        #expect(first.claims == [ClaimTuple(type: "reseller_legitimacy", subject: "*", value: "illegitimate")])
        #expect(second.id == "1.2")
        #expect(second.location.line == 3)
        #expect(second.claims == [ClaimTuple(type: "regional_availability", subject: "acme", value: "unavailable", region: "INTL")])
    }

    /// (line text, expected code, expected column, expected words in the message)
    @Test(arguments: [
        (#"{"id": "1", "sentiment": "neutral""#, "gold.json", 35, "expected ',' or '}'"),
        (#"["id", "1"]"#, "gold.record", 1, "JSON object"),
        (#"{"sentiment": null, "topics": [], "claims": [], "stance": null}"#, "gold.id", 1, "missing key \"id\""),
        (#"{"id": 4, "sentiment": null, "topics": [], "claims": [], "stance": null}"#, "gold.id", 8, "must be a string"),
        (#"{"id": "1", "sentiment": "postive", "topics": [], "claims": [], "stance": null}"#, "gold.sentiment", 26, "did you mean 'positive'"),
        (#"{"id": "1", "sentiment": null, "topics": [], "claims": [], "stance": "agreed"}"#, "gold.stance", 70, "did you mean 'agree'"),
        (#"{"id": "1", "sentiment": null, "topics": ["pricng"], "claims": [], "stance": null}"#, "gold.topic", 43, "did you mean 'pricing'"),
        (#"{"id": "1", "sentiment": null, "topics": "pricing", "claims": [], "stance": null}"#, "gold.type", 42, "list of topic names"),
        (#"{"id": "1", "sentiment": null, "topics": [], "stance": null}"#, "gold.missing-key", 1, "\"claims\""),
        (#"{"id": "1", "sentiment": null, "topics": [], "claims": [{"type": "reseller_legitmacy", "subject": "abc", "value": "legitimate"}], "stance": null}"#, "gold.claim-type", 66, "did you mean 'reseller_legitimacy'"),
        (#"{"id": "1", "sentiment": null, "topics": [], "claims": [{"type": "reseller_legitimacy", "subject": "abc", "value": "legit"}], "stance": null}"#, "gold.claim-value", 116, "not a value of reseller_legitimacy"),
        (#"{"id": "1", "sentiment": null, "topics": [], "claims": [{"type": "order_fulfillment", "subject": "acme", "value": "shipped"}], "stance": null}"#, "gold.claim-value", 115, "expected 'fulfilled', 'refused'"),
        (#"{"id": "1", "sentiment": null, "topics": [], "claims": [{"type": "regional_availability", "subject": "acme", "value": "available"}], "stance": null}"#, "gold.claim-region", 57, "needs a \"region\""),
        (#"{"id": "1", "sentiment": null, "topics": [], "claims": [{"type": "regional_availability", "subject": "acme", "value": "available", "region": "XZ"}], "stance": null}"#, "gold.claim-region", 142, "unknown region 'XZ'"),
        (#"{"id": "1", "sentiment": null, "topics": [], "claims": [{"type": "reseller_legitimacy", "subject": "abc", "value": "legitimate", "region": "US"}], "stance": null}"#, "gold.claim-region", 140, "has no region"),
        (#"{"id": "1", "sentiment": null, "topics": [], "claims": [{"type": "reseller_legitimacy", "subject": "?", "value": "legitimate"}], "stance": null}"#, "gold.claim-subject", 100, "could not resolve"),
        (#"{"id": "1", "sentiment": null, "topics": [], "claims": [{"type": "reseller_legitimacy", "value": "legitimate"}], "stance": null}"#, "gold.claim-subject", 57, "no \"subject\""),
        (#"{"id": "1", "id": "2", "sentiment": null, "topics": [], "claims": [], "stance": null}"#, "gold.duplicate-key", 13, "occurs twice"),
    ])
    func anInvalidLineIsAnErrorWithItsCodeAndColumn(line: String, code: String, column: Int, words: String) {
        let text = valid + "\n" + line + "\n"
        let (set, diagnostics) = GoldSet.parse(text, thread: "t", source: "t.gold.jsonl")
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count >= 1)
        let error = errors.first { $0.code == code }
        #expect(error != nil, "codes: \(errors.map(\.code))")
        #expect(error?.location == SourceLocation(file: "t.gold.jsonl", line: 2, column: column))
        #expect(error?.message.contains(words) == true, "message: \(error?.message ?? "")")
        // The line with the error is left out; the valid line is kept.
        #expect(set.annotations.map(\.id) == ["1"])
    }

    @Test func aDuplicateIDIsAnErrorNamingTheFirstLine() {
        let (set, diagnostics) = GoldSet.parse(valid + "\n" + valid, thread: "t", source: "t.gold.jsonl")
        #expect(set.annotations.count == 1)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == "gold.duplicate-id")
        #expect(diagnostics.first?.location == SourceLocation(file: "t.gold.jsonl", line: 2, column: 8))
        #expect(diagnostics.first?.message.contains("line 1") == true)
    }

    @Test func anIDIsADuplicateEvenWhenItsFirstLineHadErrors() {
        let broken = #"{"id": "1", "sentiment": "happy", "topics": [], "claims": [], "stance": null}"#
        let (set, diagnostics) = GoldSet.parse(broken + "\n" + valid, thread: "t", source: "t.gold.jsonl")
        #expect(diagnostics.map(\.code) == ["gold.sentiment", "gold.duplicate-id"])
        #expect(set.annotations.isEmpty)
    }

    @Test func anUnquotedWordIsReportedAsSuch() {
        let (_, diagnostics) = GoldSet.parse("nothing here", thread: "t", source: "t.gold.jsonl")
        #expect(diagnostics.first?.message == "invalid JSON: expected a JSON value, found 'nothing' (strings need double quotes)")
        #expect(diagnostics.first?.location == SourceLocation(file: "t.gold.jsonl", line: 1, column: 1))
    }

    @Test func everyProblemOfALineIsReportedTogether() {
        let line = #"{"id": "1", "sentiment": "happy", "topics": ["price"], "claims": [], "stance": "maybe"}"#
        let (_, diagnostics) = GoldSet.parse(line, thread: "t", source: "t.gold.jsonl")
        #expect(diagnostics.map(\.code) == ["gold.sentiment", "gold.stance", "gold.topic"])
    }

    /// (line, warning code) — warnings keep the annotation.
    @Test(arguments: [
        (#"{"id": "1", "sentiment": null, "topics": [], "claims": [], "stance": null, "note": "check"}"#, "gold.unknown-key"),
        (#"{"id": "1", "sentiment": null, "topics": ["trust", "trust"], "claims": [], "stance": null}"#, "gold.duplicate-topic"),
        (#"{"id": "1", "sentiment": null, "topics": [], "claims": [{"type": "reseller_legitimacy", "subject": "Gadget Barn", "value": "legitimate"}], "stance": null}"#, "gold.subject-form"),
        (#"{"id": "1", "sentiment": null, "topics": [], "claims": [{"type": "reseller_legitimacy", "subject": "abc", "value": "legitimate"}, {"type": "reseller_legitimacy", "subject": "abc", "value": "legitimate"}], "stance": null}"#, "gold.duplicate-claim"),
    ])
    func aDoubtfulLineIsAWarningAndStillScored(line: String, code: String) {
        let (set, diagnostics) = GoldSet.parse(line, thread: "t", source: "t.gold.jsonl")
        #expect(diagnostics.map(\.code) == [code])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(set.annotations.count == 1)
    }

    @Test func anUnknownKeyGetsASuggestion() {
        let line = #"{"id": "1", "sentiment": null, "topic": [], "topics": [], "claims": [], "stance": null}"#
        let (_, diagnostics) = GoldSet.parse(line, thread: "t", source: "t.gold.jsonl")
        #expect(diagnostics.first?.message.contains("did you mean 'topics'") == true)
    }

    @Test func anExtendedTaxonomyAcceptsItsTopics() {
        let line = #"{"id": "1", "sentiment": null, "topics": ["shipping"], "claims": [], "stance": null}"#
        let (_, standard) = GoldSet.parse(line, thread: "t", source: "t.gold.jsonl")
        #expect(standard.map(\.code) == ["gold.topic"])
        let (set, extended) = GoldSet.parse(line, thread: "t", source: "t.gold.jsonl", taxonomy: .standard.adding(topics: ["shipping"]))
        #expect(extended.isEmpty)
        #expect(set.annotations.first?.topics == ["shipping"])
    }

    @Test func escapesAndNonASCIIIDsParse() {
        let line = #"{"id": "\u0032.1", "sentiment": null, "topics": [], "claims": [{"type": "order_fulfillment", "subject": "小米", "value": "refused"}], "stance": null}"#
        let (set, diagnostics) = GoldSet.parse(line, thread: "t", source: "t.gold.jsonl")
        #expect(diagnostics.isEmpty)
        #expect(set.annotations.first?.id == "2.1")
        #expect(set.annotations.first?.claims.first?.subject == "小米")
    }
}

@Suite struct GoldFileTests {
    /// A fresh temporary directory holding `files` (name → contents).
    private func directory(_ files: [String: String]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("threadlens-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, contents) in files {
            try contents.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return url.path
    }

    @Test func theThreadIsTheFileNameWithoutGoldJSONL() {
        #expect(GoldSet.threadID(forGoldFile: "/x/phone-thread.gold.jsonl") == "phone-thread")
        #expect(GoldSet.threadID(forGoldFile: "phone-thread.jsonl") == nil)
        #expect(GoldSet.threadID(forGoldFile: ".gold.jsonl") == nil)
    }

    @Test func aDirectoryLoadsItsGoldFilesInNameOrder() throws {
        let path = try directory([
            "b-thread.gold.jsonl": valid,
            "a-thread.gold.jsonl": valid + "\n" + valid.replacingOccurrences(of: "\"1\"", with: "\"2\""),
            "a-thread.txt": "not gold",
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (set, diagnostics) = GoldSet.load(paths: [path])
        #expect(diagnostics.isEmpty)
        #expect(set.files.map { ($0 as NSString).lastPathComponent } == ["a-thread.gold.jsonl", "b-thread.gold.jsonl"])
        #expect(set.annotations.map(\.key.description) == ["a-thread#1", "a-thread#2", "b-thread#1"])
    }

    @Test func theSameCommentInTwoFilesOfOneThreadIsADuplicate() throws {
        let first = try directory(["t.gold.jsonl": valid])
        let second = try directory(["t.gold.jsonl": valid])
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        let (set, diagnostics) = GoldSet.load(paths: [first, second])
        #expect(set.annotations.count == 1)
        #expect(diagnostics.map(\.code) == ["gold.duplicate-id"])
        #expect(diagnostics.first?.location?.file.hasPrefix(second) == true)
    }

    @Test func missingAndMisnamedPathsAreErrors() throws {
        let path = try directory(["notes.jsonl": valid])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (_, diagnostics) = GoldSet.load(paths: [path, path + "/absent.gold.jsonl", path + "/notes.jsonl"])
        #expect(diagnostics.map(\.code) == ["gold.none", "gold.not-found", "gold.file-name"])
    }
}
