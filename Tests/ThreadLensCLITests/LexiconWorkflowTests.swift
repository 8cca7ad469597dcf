import Foundation
import Testing

/// End-to-end: the lexicon workflow an analyst follows — overlay, lint, test, diff — with the
/// built binary.
struct LexiconWorkflowTests {
    /// A scratch directory with the given files; returns it.
    static func scratch(_ files: [String: String]) throws -> URL {
        let directory = try CLIRunner.temporaryDirectory()
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return directory
    }

    static let slang = "#! format: sentiment-lexicon/1\n# made-up slang for the test\nzorbulous\t-3\n"

    @Test func lintAcceptsAGoodOverlayAndRejectsABadOneWithFileLineColumn() throws {
        let directory = try Self.scratch([
            "slang.tsv": Self.slang,
            "bad.tsv": "#! format: sentiment-lexicon/1\nzorbulous\tminus three\n ｆｒｏｂ\t1\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = try CLIRunner.run(["lint", "--lexicon", directory.appendingPathComponent("slang.tsv").path])
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        #expect(good.stderr.contains("threadlens lint:") && good.stderr.contains(" 0 errors"))

        let bad = directory.appendingPathComponent("bad.tsv").path
        let run = try CLIRunner.run(["lint", "--lexicon", bad])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix(bad) }
        #expect(lines.contains { $0.hasPrefix("\(bad):2:11: error: [") })
        #expect(lines.contains { $0.hasPrefix("\(bad):3:1: warning: [lint.whitespace]") })
        #expect(lines.contains { $0.hasPrefix("\(bad):3:1: warning: [lint.not-normalized]") })
    }

    @Test func testCommandPrintsFailuresAndTheSummaryAndExitsOne() throws {
        let directory = try Self.scratch([
            "slang.tsv": Self.slang,
            "checks.fixtures": """
            #! format: fixtures/1
            fixture: slang is negative
            brand: xiaomi
            > Xiaomi phones are zorbulous.
            expect: sentiment negative

            fixture: slang is positive (wrong on purpose)
            brand: xiaomi
            > Xiaomi phones are zorbulous.
            expect: sentiment positive

            """,
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let fixtures = directory.appendingPathComponent("checks.fixtures").path
        let slang = directory.appendingPathComponent("slang.tsv").path
        let run = try CLIRunner.run(["test", fixtures, "--lexicon", slang])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("\(fixtures):10:9: FAIL slang is positive (wrong on purpose) — comment 1: \"Xiaomi phones are zorbulous.\"\n"))
        #expect(run.stdout.contains("  sentiment: expected positive, got negative"))
        #expect(run.stdout.contains("[\(slang):3:1]"))
        #expect(run.stderr.hasSuffix("1 passed, 1 failed\n"))

        // Without the overlay the slang is unknown: both fixtures now fail on neutral.
        let plain = try CLIRunner.run(["test", fixtures])
        #expect(plain.status == 1)
        #expect(plain.stderr.hasSuffix("0 passed, 2 failed\n"))
    }

    @Test func testCommandReportsABrokenFixtureFileWithTheInputErrorCode() throws {
        let directory = try Self.scratch(["broken.fixtures": "#! format: fixtures/1\nfixture: x\n> hi\nexpect: sentiment postive\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("broken.fixtures").path
        let run = try CLIRunner.run(["test", path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("\(path):4:9: error: [fixture.label] unknown sentiment 'postive' (did you mean 'positive'?)"))
    }

    @Test func diffListsChangedCommentsWithGoldMarksAndScores() throws {
        let thread = """
        {"thread": "tiny", "id": "1", "text": "Xiaomi phones are zorbulous."}
        {"thread": "tiny", "id": "2", "text": "I bought a Xiaomi phone yesterday."}

        """
        let gold = """
        {"id": "1", "sentiment": "negative", "topics": [], "claims": [], "stance": null}
        {"id": "2", "sentiment": "neutral", "topics": [], "claims": [], "stance": null}

        """
        let directory = try Self.scratch(["tiny.jsonl": thread, "tiny.gold.jsonl": gold, "slang.tsv": Self.slang])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLIRunner.run(["diff", "--lexicon-b", directory.appendingPathComponent("slang.tsv").path,
                                     directory.appendingPathComponent("tiny.jsonl").path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("tiny#1 (") == true)
        #expect(lines.first?.hasSuffix(": \"Xiaomi phones are zorbulous.\"") == true)
        #expect(lines.contains("  sentiment: neutral → negative  [gold negative ✓]"))
        #expect(lines.contains("1 of 2 comments changed (sentiment 1, topics 0, claims 0) in 1 thread(s)"))
        #expect(lines.contains("gold scores (1 gold file(s), 2 annotated comments):"))
        let accuracy = try #require(lines.first { $0.hasPrefix("  sentiment.accuracy") })
        #expect(accuracy.contains("0.500") && accuracy.contains("1.000") && accuracy.hasSuffix("+0.500"))
    }

    @Test func partialModelsDirectoryReplacesOnlyTheFilesItHolds() throws {
        // Only the emoji lexicon is replaced; everything else comes from the shipped pack.
        let directory = try Self.scratch(["mine/sentiment/emoji.tsv": "#! format: sentiment-lexicon/1\n🙂\t-3\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = "{\"id\": \"1\", \"text\": \"Xiaomi 🙂\"}\n"
        let run = try CLIRunner.run(["analyze", "--models", directory.appendingPathComponent("mine").path,
                                     "--brand", "xiaomi", "--input-format", "jsonl", "-"], input: input)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"sentiment\": {\"label\": \"negative\""))
    }
}
