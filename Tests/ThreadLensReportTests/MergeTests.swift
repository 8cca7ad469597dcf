import Testing
import ThreadLensCore
@testable import ThreadLensReport

/// Shards analysed apart and merged must give exactly the single run's report.
@Suite struct MergeTests {
    static let corpus = Fixture.many

    /// Folds each shard separately, sends each partial through its JSON form (as the CLI does)
    /// and merges them in the given order.
    func mergedJSON(_ shards: [[AnalyzedThread]]) throws -> String {
        var merged: PartialReport?
        for shard in shards {
            let written = PartialReport(shard).json().serialized()
            let read = try PartialReport.decode(written)
            #expect(read.count == 1)
            for partial in read { merged = merged.map { $0.merged(with: partial) } ?? partial }
        }
        return Report(try #require(merged)).json().pretty()
    }

    /// Ways to cut the corpus into shards.
    enum Split: String, CaseIterable, Sendable {
        case onePerThread, twoHalves, threeRoundRobinReversed, unevenWithAnEmptyShard, eachAloneLastFirst

        func shards(_ threads: [AnalyzedThread]) -> [[AnalyzedThread]] {
            switch self {
            case .onePerThread: return threads.map { [$0] }
            case .twoHalves: return [Array(threads.prefix(threads.count / 2)), Array(threads.dropFirst(threads.count / 2))]
            case .threeRoundRobinReversed:
                return (0..<3).map { k in threads.enumerated().filter { $0.offset % 3 == k }.map(\.element) }.reversed()
            case .unevenWithAnEmptyShard:
                return [Array(threads.prefix(1)), [], Array(threads.dropFirst(1).prefix(5)), Array(threads.dropFirst(6))]
            case .eachAloneLastFirst: return threads.reversed().map { [$0] }
            }
        }
    }

    @Test(arguments: Split.allCases)
    func mergedShardsEqualTheSingleRunByteForByte(split: Split) throws {
        let single = Report(PartialReport(Self.corpus)).json().pretty()
        let shards = split.shards(Self.corpus)
        #expect(shards.flatMap { $0 }.count == Self.corpus.count, "\(split) loses threads")
        #expect(try mergedJSON(shards) == single, "\(split)")
    }

    @Test func mergeIsAssociativeAndCommutative() {
        let parts = [Array(Self.corpus[0..<3]), Array(Self.corpus[3..<7]), Array(Self.corpus[7...])].map { PartialReport($0) }
        let (a, b, c) = (parts[0], parts[1], parts[2])
        let left = a.merged(with: b).merged(with: c)
        #expect(a.merged(with: b.merged(with: c)) == left)
        #expect(c.merged(with: a).merged(with: b) == left)
        #expect(b.merged(with: c).merged(with: a) == left)
        #expect(left == PartialReport(Self.corpus))
    }

    @Test func mergingAnEmptyPartialChangesNothing() {
        let partial = PartialReport(Fixture.all)
        #expect(partial.merged(with: PartialReport()) == partial)
        #expect(PartialReport().merged(with: partial) == partial)
    }

    @Test func partialRoundTripsThroughItsJSON() throws {
        var partial = PartialReport(Self.corpus)
        partial.recordInput(files: 4, skipped: ["empty text", "empty text", "no id"])
        let text = partial.json().serialized()
        let read = try PartialReport.decode(text)
        #expect(read == [partial])
        #expect(read[0].json().serialized() == text)
    }

    @Test func severalPartialsOnePerLineAreAllRead() throws {
        let a = PartialReport([Fixture.resellers]), b = PartialReport([Fixture.order])
        let read = try PartialReport.decode(a.json().serialized() + "\n" + b.json().serialized() + "\n")
        #expect(read == [a, b])
    }

    @Test func smallerQuoteLimitWinsAndRecutsTheLists() throws {
        let wide = PartialReport([Fixture.resellers], quoteLimit: 5)
        let narrow = PartialReport([Fixture.regions], quoteLimit: 1)
        let merged = wide.merged(with: narrow)
        #expect(merged.quoteLimit == 1)
        #expect(merged.topics.values.allSatisfy { $0.mostPositive.count <= 1 && $0.mostNegative.count <= 1 })
        #expect(merged == narrow.merged(with: wide))
    }

    @Test func inputTalliesAddUp() {
        var a = PartialReport(), b = PartialReport()
        a.recordInput(files: 2, skipped: ["empty text"])
        b.recordInput(files: 1, skipped: ["empty text", "bad id"])
        let report = Report(a.merged(with: b))
        #expect(report.input.files == 3)
        #expect(report.input.skipped == [.init("bad id", 1), .init("empty text", 2)])
    }

    @Test func aThreadInTwoShardsIsReported() {
        let merged = PartialReport([Fixture.order]).merged(with: PartialReport([Fixture.order, Fixture.regions]))
        #expect(merged.repeatedThreads == ["fridge-order"])
        #expect(Report(merged).overall.repeatedThreads == ["fridge-order"])
    }

    @Test(arguments: [
        ("", "no partial report found"),
        ("{\"schema\": \"threadlens-report/1\"}", "this is a finished report"),
        ("{\"schema\": \"something/2\"}", "expected \"threadlens-partial/1\""),
        ("{\"schema\": \"threadlens-partial/1\", \"quote_limit\": \"three\"}", "quote_limit: expected an integer"),
        ("{\"schema\": \"threadlens-partial/1\", \"quote_limit\": 3}", "input: missing"),
        ("{\"schema\": \"threadlens-partial/1\",\n \"quote_limit\": 3,,}", "2:19: expected a key string"),
    ])
    func unreadablePartialsSayWhatAndWhere(text: String, message: String) {
        do {
            _ = try PartialReport.decode(text)
            Issue.record("decoded \(text)")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
        }
    }
}

@Suite struct JSONReadingTests {
    @Test func readsWhatJSONValueWrites() throws {
        let value = JSONValue.object([
            ("text", .string("引号 \"quoted\" \\ back\nline\t😀 \u{01}")),
            ("int", .integer(-42)), ("double", .number(0.125)), ("flag", .bool(false)), ("none", .null),
            ("list", .array([.integer(1), .array([]), .object([])])),
        ])
        let read = try JSONReading.values(in: value.serialized())
        #expect(read == [value])
        #expect(try JSONReading.values(in: value.pretty()) == [value])
    }

    @Test func decodesSurrogatePairEscapes() throws {
        #expect(try JSONReading.values(in: "\"\\ud83d\\ude00 \\u00e9\"") == [.string("😀 é")])
    }

    @Test(arguments: ["[1, 2", "{\"a\" 1}", "tru", "\"open", "[1,]", "01x"])
    func rejectsMalformedJSON(text: String) {
        #expect(throws: JSONReading.SyntaxError.self) { try JSONReading.values(in: text) }
    }
}
