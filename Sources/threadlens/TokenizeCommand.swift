import ArgumentParser
import ThreadLens

struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Print every comment's tokens with UTF-8 offsets, kinds and ICU rule status.",
        discussion: ExitStatus.documentation
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    @OptionGroup var input: InputOptions
    @Option(help: "text (one line per comment, tokens separated by '|') or jsonl (one token list per comment).")
    var format: Format = .text

    func run() throws {
        let run = InputRun(input)
        let tokenizer = Tokenizer(segmenter: try ICUSegmenter())
        var out = OutputBuffer()
        var count = 0
        for thread in run.threads {
            for comment in thread.comments {
                let tokenized = tokenizer.tokenize(comment.text)
                switch format {
                case .text:
                    let tokens = tokenized.tokens.map { String(tokenized.text(of: $0)) }.joined(separator: "|")
                    out.write("\(thread.id)#\(comment.id) [\(tokenized.language.rawValue), \(tokenized.sentences.count) sentences] \(tokens)")
                case .jsonl:
                    out.write(JSONValue.object([
                        ("thread", .string(thread.id.rawValue)),
                        ("id", .string(comment.id.rawValue)),
                        ("lang", .string(tokenized.language.rawValue)),
                        ("sentences", .array(tokenized.sentences.map { .array([.integer($0.range.lowerBound), .integer($0.range.upperBound)]) })),
                        ("tokens", .array(tokenized.tokens.map { token in
                            .object([
                                ("text", .string(String(tokenized.text(of: token)))),
                                ("start", .integer(token.range.lowerBound)),
                                ("end", .integer(token.range.upperBound)),
                                ("kind", .string(token.kind.rawValue)),
                                ("status", .integer(Int(token.ruleStatus))),
                                ("key", .string(token.key)),
                            ])
                        })),
                    ]).serialized())
                }
                count += 1
            }
        }
        out.flush()
        run.printSummary(analysed: count, verb: "tokenized")
        if run.exitCode != 0 { throw ExitCode(run.exitCode) }
    }
}
