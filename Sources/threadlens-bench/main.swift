/// threadlens-bench: the corpus generator and the throughput benchmarks.
///
///     threadlens-bench gen-corpus --size 24MB [--seed N] --out corpus.jsonl
///     threadlens-bench tokenize --corpus corpus.jsonl [--runs 5]
///     threadlens-bench show "some text" …        (prints tokens, for eyeballing)
///
/// Timed work never includes reading the corpus: texts are loaded into memory first.
import Foundation
import ThreadLens

enum BenchError: Error, CustomStringConvertible {
    case usage(String)
    case io(String)
    var description: String {
        switch self {
        case .usage(let message): return "usage: \(message)\n\n" + BenchCommand.usage
        case .io(let message): return message
        }
    }
}

enum BenchCommand {
    static let usage = """
        threadlens-bench gen-corpus --size SIZE [--seed N] --out FILE
            Writes a deterministic synthetic corpus (JSON Lines, SPEC §2.2, plus a "lang" key) whose
            comment texts hold at least SIZE bytes of UTF-8 (suffixes KB, MB, GB; decimal; default 24MB).
        threadlens-bench tokenize --corpus FILE [--runs N] [--by-language] [--components] [--only icu|tokenize]
            Measures ICU word breaking alone and the full Tokenizer over the same texts, best of N
            runs (default 5), and prints MB/s, tokens/s and their ratio (--by-language: also for
            the en, zh and mixed comments apart; --components: the ICU parts apart; --only: one side,
            for profiling).
        threadlens-bench show TEXT...
            Prints the tokens, kinds, rule status, keys and sentences of each TEXT.
        """

    static func run(_ arguments: [String]) throws(BenchError) {
        guard let command = arguments.first else { throw .usage("missing command") }
        var options = Options(Array(arguments.dropFirst()))
        switch command {
        case "gen-corpus":
            let size = try parseSize(try options.value("--size") ?? "24MB")
            let seed = UInt64(try options.value("--seed") ?? "20151111") ?? 20151111
            guard let out = try options.value("--out") else { throw .usage("gen-corpus needs --out FILE") }
            try options.finish()
            try generateCorpus(size: size, seed: seed, to: out)
        case "tokenize":
            guard let corpus = try options.value("--corpus") else { throw .usage("tokenize needs --corpus FILE") }
            let runs = Int(try options.value("--runs") ?? "5") ?? 5
            let byLanguage = options.flag("--by-language")
            let only = try options.value("--only")
            let components = options.flag("--components")
            try options.finish()
            try TokenizeBenchmark(corpus: corpus, runs: max(1, runs), byLanguage: byLanguage, only: only, components: components).run()
        case "show":
            let tokenizer = Tokenizer(segmenter: try makeSegmenter())
            for text in options.rest { print(Show.describe(tokenizer.tokenize(text))) }
        case "-h", "--help", "help":
            print(usage)
        default:
            throw .usage("unknown command \(command)")
        }
    }

    static func makeSegmenter() throws(BenchError) -> ICUSegmenter {
        do { return try ICUSegmenter() } catch { throw .io("\(error)") }
    }

    static func parseSize(_ text: String) throws(BenchError) -> Int {
        let upper = text.uppercased()
        let units: [(String, Int)] = [("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1_000), ("B", 1)]
        for (suffix, factor) in units where upper.hasSuffix(suffix) {
            if let number = Double(upper.dropLast(suffix.count)) { return Int(number * Double(factor)) }
        }
        if let number = Int(upper) { return number }
        throw .usage("cannot read size \(text)")
    }

    static func generateCorpus(size: Int, seed: UInt64, to path: String) throws(BenchError) {
        guard let handle = FileHandle(forWritingAtPath: path) ?? (FileManager.default.createFile(atPath: path, contents: nil) ? FileHandle(forWritingAtPath: path) : nil) else {
            throw .io("cannot write \(path)")
        }
        handle.truncateFile(atOffset: 0)
        var generator = CorpusGenerator(seed: seed)
        var pending = Data()
        let result = generator.generate(targetBytes: size) { line in
            pending.append(contentsOf: line.utf8)
            if pending.count >= 1 << 20 { handle.write(pending); pending.removeAll(keepingCapacity: true) }
        }
        handle.write(pending)
        handle.closeFile()
        print("wrote \(path): \(result.comments) comments, \(result.textBytes) bytes of text, \(result.fileBytes) bytes in all (seed \(seed))")
    }
}

/// A tiny option reader: `--name value` pairs, flags, and the rest.
struct Options {
    var rest: [String]
    init(_ arguments: [String]) { rest = arguments }

    mutating func value(_ name: String) throws(BenchError) -> String? {
        guard let index = rest.firstIndex(of: name) else { return nil }
        guard index + 1 < rest.count else { throw .usage("\(name) needs a value") }
        let value = rest[index + 1]
        rest.removeSubrange(index...(index + 1))
        return value
    }

    mutating func flag(_ name: String) -> Bool {
        guard let index = rest.firstIndex(of: name) else { return false }
        rest.remove(at: index)
        return true
    }

    func finish() throws(BenchError) {
        if let extra = rest.first { throw .usage("unexpected argument \(extra)") }
    }
}

enum Show {
    static func describe(_ text: TokenizedText) -> String {
        var lines = ["[\(text.language.rawValue)] \(text.tokens.count) tokens, \(text.sentences.count) sentences"]
        for token in text.tokens {
            lines.append("  \(token.range.lowerBound)..<\(token.range.upperBound)\t\(token.kind.rawValue)\t\(token.ruleStatus)\t«\(text.text(of: token))»\tkey «\(token.key)»")
        }
        for sentence in text.sentences { lines.append("  sentence «\(text.slice(sentence.range))»") }
        return lines.joined(separator: "\n")
    }
}

do {
    try BenchCommand.run(Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("threadlens-bench: \(error)\n".utf8))
    exit(2)
}
