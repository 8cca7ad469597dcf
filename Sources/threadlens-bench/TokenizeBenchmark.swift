/// The tokenization benchmark: ICU word breaking alone versus the full `Tokenizer`, on the same
/// in-memory texts, in the same run, best of N runs, one thread.
import Foundation
import ThreadLens

struct TokenizeBenchmark {
    let corpus: String
    let runs: Int
    let byLanguage: Bool
    /// "icu" or "tokenize" to run one side only (for profiling); nil runs both.
    var only: String? = nil
    /// Also time the parts (ICU words into an array, sentences, both with one conversion).
    var components = false

    private struct Line: Decodable {
        var text: String
        var lang: String?
    }

    /// The texts of a corpus file, with the generator's language tag (or "und").
    static func load(_ path: String) throws(BenchError) -> [(text: String, lang: String)] {
        guard let data = FileManager.default.contents(atPath: path) else { throw .io("cannot read \(path)") }
        let decoder = JSONDecoder()
        var texts: [(String, String)] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            lineNumber += 1
            do {
                let record = try decoder.decode(Line.self, from: Data(line))
                // Make the string native and contiguous, as a reader would hand it over.
                var text = record.text
                text.makeContiguousUTF8()
                texts.append((text, record.lang ?? "und"))
            } catch {
                throw .io("\(path):\(lineNumber): not a JSON object with a \"text\" string: \(error)")
            }
        }
        return texts
    }

    func run() throws(BenchError) {
        let all = try Self.load(corpus)
        let segmenter = try BenchCommand.makeSegmenter()
        let tokenizer = Tokenizer(segmenter: segmenter)
        let bytes = all.reduce(0) { $0 + $1.text.utf8.count }
        print("corpus: \(corpus): \(all.count) comments, \(bytes) bytes of text (UTF-8)")
        print("ICU \(ICUText.version), \(ProcessInfo.processInfo.activeProcessorCount) cores, 1 thread, best of \(runs) runs; MB = 10^6 bytes")
        var groups: [(String, [String])] = [("all", all.map(\.text))]
        if byLanguage {
            for language in ["en", "zh", "mixed"] {
                let texts = all.filter { $0.lang == language }.map(\.text)
                if !texts.isEmpty { groups.append((language, texts)) }
            }
        }
        print("")
        print(pad("texts", 7) + pad("bytes", 11, right: true) + pad("ICU MB/s", 10, right: true) + pad("ICU seg/s", 12, right: true)
              + pad("tok MB/s", 10, right: true) + pad("tokens/s", 12, right: true) + pad("ratio", 8, right: true))
        for (name, texts) in groups {
            let result = measure(texts, segmenter: segmenter, tokenizer: tokenizer)
            let mb = Double(result.bytes) / 1e6
            let icuRate = mb / result.icuSeconds, tokRate = mb / result.tokenizeSeconds
            print(pad(name, 7) + pad("\(result.bytes)", 11, right: true) + pad(format(icuRate, 1), 10, right: true)
                  + pad(millions(Double(result.segments) / result.icuSeconds), 12, right: true)
                  + pad(format(tokRate, 1), 10, right: true) + pad(millions(Double(result.tokens) / result.tokenizeSeconds), 12, right: true)
                  + pad(format(tokRate / icuRate, 2), 8, right: true))
        }
        if components {
            print("")
            print("components (all texts, best of \(runs)):")
            let texts = groups[0].1
            let clock = ContinuousClock()
            let mb = Double(bytes) / 1e6
            let parts: [(String, () -> Int)] = [
                ("ICU words, counted (baseline)", { texts.reduce(0) { $0 + segmenter.countWordSegments(of: $1[...]) } }),
                ("ICU words into [Segment]", { texts.reduce(0) { $0 + segmenter.wordSegments(of: $1[...]).count } }),
                ("ICU sentences alone", { texts.reduce(0) { $0 + segmenter.sentenceSegments(of: $1[...]).count } }),
                ("ICU words + sentences, shared UTF-16", { texts.reduce(0) { $0 + segmenter.segments(of: $1[...]).words.count } }),
                ("Tokenizer.tokenize", { texts.reduce(0) { $0 + tokenizer.tokenize($1).tokens.count } }),
            ]
            for (name, body) in parts {
                var best = Double.infinity
                var checksum = 0
                for _ in 0..<runs { best = min(best, seconds(clock.measure { checksum &+= body() })) }
                print("  " + pad(name, 40) + pad(format(mb / best, 1) + " MB/s", 12, right: true) + "   (\(checksum / runs) units)")
            }
        }
        print("")
        print("ICU seg/s counts every word-break segment (spaces included); tokens/s counts Tokenizer tokens (no spaces).")
        print("ratio = Tokenizer MB/s / ICU-alone MB/s (higher is better; 1.00 would mean tokenizing costs no more than ICU).")
    }

    struct Result {
        var bytes = 0, segments = 0, tokens = 0, sentences = 0
        var icuSeconds = Double.infinity, tokenizeSeconds = Double.infinity
    }

    /// Alternates the two measurements in each round so that machine noise hits both alike.
    func measure(_ texts: [String], segmenter: ICUSegmenter, tokenizer: Tokenizer) -> Result {
        var result = Result()
        result.bytes = texts.reduce(0) { $0 + $1.utf8.count }
        let clock = ContinuousClock()
        for _ in 0..<runs {
            var segments = 0
            let icu = only == "tokenize" ? .zero : clock.measure {
                for text in texts { segments += segmenter.countWordSegments(of: text[...]) }
            }
            var tokens = 0, sentences = 0
            let full = only == "icu" ? .zero : clock.measure {
                for text in texts {
                    let tokenized = tokenizer.tokenize(text)
                    tokens += tokenized.tokens.count
                    sentences += tokenized.sentences.count
                }
            }
            result.segments = segments
            result.tokens = tokens
            result.sentences = sentences
            result.icuSeconds = min(result.icuSeconds, seconds(icu))
            result.tokenizeSeconds = min(result.tokenizeSeconds, seconds(full))
        }
        return result
    }

    func seconds(_ duration: Duration) -> Double {
        let (s, attoseconds) = duration.components
        return Double(s) + Double(attoseconds) / 1e18
    }
}

func format(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
}

func millions(_ value: Double) -> String { format(value / 1e6, 2) + "M" }

func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let count = text.count
    guard count < width else { return text + " " }
    let padding = String(repeating: " ", count: width - count)
    return right ? padding + text : text + padding
}
