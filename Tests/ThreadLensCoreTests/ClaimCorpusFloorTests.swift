import Foundation
import Testing
@testable import ThreadLensCore
import ThreadLensIO

/// Claim and stance scores on the repository's gold corpus (`corpora/gold`, the tuning set),
/// checked against floors so a rule or cue change that loses accuracy shows up as a failure.
/// Scored as SPEC §6 says: claims micro P/R/F1 over (comment, type, subject, value, region),
/// a `?` subject counting neither way; stance accuracy over non-null gold.
@Suite struct ClaimCorpusFloorTests {
    struct Counts {
        var tp = 0, fp = 0, fn = 0
        var precision: Double { tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp) }
        var recall: Double { tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    struct Scores {
        var claims = Counts()
        var byType: [String: Counts] = [:]
        var stanceRight = 0, stanceTotal = 0
        var stanceAccuracy: Double { stanceTotal == 0 ? 0 : Double(stanceRight) / Double(stanceTotal) }
    }

    static func score(_ directory: URL) throws -> Scores {
        let harness = try ClaimHarness()
        var scores = Scores()
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".gold.jsonl") }.sorted()
        for name in names {
            let base = String(name.dropLast(".gold.jsonl".count))
            let read = InputFiles.read(path: directory.appendingPathComponent(base + ".txt").path, format: nil)
            guard let thread = read.threads.first else { continue }
            let analyzed = harness.analyze(thread)
            let byID = Dictionary(analyzed.comments.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
            let gold = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            for line in gold.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let id = try #require(object["id"] as? String)
                let predicted = byID[id]
                var expected = Set<[String]>()
                for claim in object["claims"] as? [[String: Any]] ?? [] {
                    expected.insert([claim["type"] as? String ?? "", claim["subject"] as? String ?? "", claim["value"] as? String ?? "", claim["region"] as? String ?? ""])
                }
                let found = Set((predicted?.claims ?? []).filter { $0.subject != "?" }.map { [$0.type, $0.subject, $0.value, $0.region ?? ""] })
                for tuple in found.union(expected) {
                    let type = tuple[0]
                    var counts = scores.byType[type] ?? Counts()
                    if found.contains(tuple) && expected.contains(tuple) { counts.tp += 1; scores.claims.tp += 1 }
                    else if found.contains(tuple) { counts.fp += 1; scores.claims.fp += 1 }
                    else { counts.fn += 1; scores.claims.fn += 1 }
                    scores.byType[type] = counts
                }
                if let stance = object["stance"] as? String {
                    scores.stanceTotal += 1
                    if predicted?.stance.rawValue == stance { scores.stanceRight += 1 }
                }
            }
        }
        return scores
    }

    @Test func goldCorpusClaimsStayAboveTheirFloors() throws {
        let directory = ClaimHarness.corporaDirectory.appendingPathComponent("gold")
        try #require(FileManager.default.fileExists(atPath: directory.path))
        let scores = try Self.score(directory)
        #expect(scores.claims.tp + scores.claims.fn >= 80, "the gold corpus should hold at least 80 claims")
        #expect(scores.claims.precision >= 0.92, "claims precision \(scores.claims.precision)")
        #expect(scores.claims.recall >= 0.85, "claims recall \(scores.claims.recall)")
        #expect(scores.claims.f1 >= 0.90, "claims F1 \(scores.claims.f1)")
        for type in ["reseller_legitimacy", "regional_availability", "order_fulfillment"] {
            let counts = scores.byType[type] ?? Counts()
            #expect(counts.precision >= 0.90, "\(type) precision \(counts.precision)")
            #expect(counts.f1 >= 0.85, "\(type) F1 \(counts.f1)")
        }
    }

    @Test func goldCorpusStanceStaysAboveItsFloor() throws {
        let directory = ClaimHarness.corporaDirectory.appendingPathComponent("gold")
        try #require(FileManager.default.fileExists(atPath: directory.path))
        let scores = try Self.score(directory)
        #expect(scores.stanceAccuracy >= 0.70, "stance accuracy \(scores.stanceAccuracy)")
    }
}
