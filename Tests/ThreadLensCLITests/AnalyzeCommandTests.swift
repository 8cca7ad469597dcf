import Foundation
import Testing

/// End-to-end: the built binary over the bundled sample corpus, as the README runs it.
struct AnalyzeCommandTests {
    static let sampleFiles = [
        "corpora/samples/en-redmi-europe-launch.txt",
        "corpora/samples/forum-export.jsonl",
        "corpora/samples/gadget-forum.json",
        "corpora/samples/weibo-and-news.json",
        "corpora/samples/survey-export.csv",
    ]

    static let specKeys = ["thread", "id", "parent", "author", "date", "lang", "sentiment", "topics", "claims", "stance"]

    @Test(arguments: sampleFiles)
    func analyzeWritesOneSpecRecordPerParsedComment(file: String) throws {
        let parsed = try CLIRunner.run(["parse", file, "--format", "jsonl"])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let analyzed = try CLIRunner.run(["analyze", file, "--format", "jsonl"])
        #expect(analyzed.status == 0, "\(analyzed.stderr)")

        let parsedIDs = try jsonLines(parsed.stdout).map { "\($0["thread"] as! String)#\($0["id"] as! String)" }
        let records = try jsonLines(analyzed.stdout)
        #expect(!records.isEmpty)
        #expect(records.map { "\($0["thread"] as! String)#\($0["id"] as! String)" } == parsedIDs)
        #expect(analyzed.stderr.contains("\(records.count) comment(s) read, \(records.count) analysed, 0 skipped"))

        for line in analyzed.stdout.split(separator: "\n") {
            // The SPEC §5 keys come first, in the SPEC's order.
            let keys = try orderedKeys(of: String(line))
            #expect(Array(keys.prefix(Self.specKeys.count)) == Self.specKeys)
        }
        for record in records {
            let sentiment = try #require(record["sentiment"] as? [String: Any])
            #expect(["positive", "negative", "neutral"].contains(sentiment["label"] as? String))
            let score = try #require(sentiment["score"] as? Double)
            #expect((-1...1).contains(score))
            #expect(["en", "zh", "mixed", "und"].contains(record["lang"] as? String))
            #expect(["agree", "disagree", "none"].contains(record["stance"] as? String))
            for claim in try #require(record["claims"] as? [[String: Any]]) {
                #expect(["reseller_legitimacy", "regional_availability", "order_fulfillment"].contains(claim["type"] as? String))
                #expect(!((claim["evidence"] as? String) ?? "").isEmpty)
            }
        }
    }

    @Test func textThreadGivesTheArticleZeroAndPositionalReplyIDs() throws {
        let run = try CLIRunner.run(["parse", "corpora/samples/en-redmi-europe-launch.txt", "--format", "jsonl"])
        let ids = try jsonLines(run.stdout).map { $0["id"] as! String }
        #expect(ids.first == "0")
        for id in ids.dropFirst() {
            #expect(id.split(separator: ".").allSatisfy { Int($0) != nil }, "\(id) is not a positional id")
        }
    }

    @Test func standardInputIsReadWithAForcedFormat() throws {
        let input = """
        {"thread": "t", "id": "a", "text": "Xiaomi phones are great value."}
        {"thread": "t", "id": "b", "parent": "a", "text": "Agreed, mine works perfectly."}

        """
        let run = try CLIRunner.run(["analyze", "--input-format", "jsonl", "-"], input: input)
        #expect(run.status == 0, "\(run.stderr)")
        let records = try jsonLines(run.stdout)
        #expect(records.map { $0["id"] as! String } == ["a", "b"])
        #expect(records[1]["parent"] as? String == "a")
    }

    @Test func aBadFileIsReportedAndTheOtherFilesAreStillAnalysed() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("broken.jsonl")
        try "{\"id\": \"1\", \"text\": \"fine\"}\n{\"id\": \"2\", \"text\": \n".write(to: bad, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["analyze", bad.path, "corpora/samples/forum-export.jsonl"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("broken.jsonl:2"))
        let records = try jsonLines(run.stdout)
        #expect(records.contains { $0["thread"] as? String == "broken" && $0["id"] as? String == "1" })
        #expect(records.contains { $0["thread"] as? String == "mi-band-ireland" })
        #expect(run.stderr.contains("1 skipped"))
    }

    @Test func tokenizeOffsetsSliceBackToTheTokenText() throws {
        let input = "{\"id\": \"1\", \"text\": \"😀 小米官方旗舰店拒绝发货, see https://example.com/x — don’t!\"}\n"
        let run = try CLIRunner.run(["tokenize", "--input-format", "jsonl", "--format", "jsonl", "-"], input: input)
        #expect(run.status == 0, "\(run.stderr)")
        let record = try #require(try jsonLines(run.stdout).first)
        let text = "😀 小米官方旗舰店拒绝发货, see https://example.com/x — don’t!"
        let bytes = Array(text.utf8)
        for token in try #require(record["tokens"] as? [[String: Any]]) {
            let start = token["start"] as! Int, end = token["end"] as! Int
            #expect(String(decoding: bytes[start..<end], as: UTF8.self) == token["text"] as? String)
        }
    }

    func jsonLines(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// The top-level keys of a JSON object line, in the order written.
    func orderedKeys(of line: String) throws -> [String] {
        var keys: [String] = []
        var depth = 0, inString = false, escaped = false, current = "", expectingKey = false
        for character in line {
            if inString {
                if escaped { escaped = false; current.append(character); continue }
                if character == "\\" { escaped = true; continue }
                if character == "\"" { inString = false; if expectingKey && depth == 1 { keys.append(current) }; expectingKey = false; continue }
                current.append(character)
                continue
            }
            switch character {
            case "\"": inString = true; current = ""
            case "{", "[": depth += 1; if depth == 1 { expectingKey = true }
            case "}", "]": depth -= 1
            case ",": if depth == 1 { expectingKey = true }
            case ":": expectingKey = false
            default: break
            }
        }
        return keys
    }
}
