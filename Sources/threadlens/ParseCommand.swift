import ArgumentParser
import ThreadLens

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Read threads and print their comment trees.",
        discussion: ExitStatus.documentation
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case tree, jsonl }

    @OptionGroup var input: InputOptions
    @Option(help: "tree (human-readable) or jsonl (one comment per line).")
    var format: Format = .tree

    func run() throws {
        let run = InputRun(input)
        var out = OutputBuffer()
        var count = 0
        for thread in run.threads {
            switch format {
            case .tree:
                out.write("thread \(thread.id) (\(thread.source), \(thread.comments.count) comments)")
                if let title = thread.title { out.write("  title: \(title)") }
                for comment in thread.comments {
                    let depth = comment.id == .article ? 0 : comment.id.rawValue.split(separator: ".").count
                    let indent = String(repeating: "  ", count: depth + 1)
                    let who = [comment.author ?? "(no author)", comment.date?.output].compactMap { $0 }.joined(separator: ", ")
                    let preview = comment.text.replacingOccurrences(of: "\n", with: " ⏎ ")
                    out.write("\(indent)[\(comment.id)] \(who) @\(comment.location.line)")
                    out.write("\(indent)  \(preview.count > 96 ? String(preview.prefix(95)) + "…" : preview)")
                }
            case .jsonl:
                for comment in thread.comments {
                    out.write(JSONValue.object([
                        ("thread", .string(thread.id.rawValue)),
                        ("id", .string(comment.id.rawValue)),
                        ("parent", .optional(comment.parent?.rawValue)),
                        ("author", .optional(comment.author)),
                        ("date", .optional(comment.date?.output)),
                        ("date_raw", .optional(comment.date?.raw)),
                        ("text", .string(comment.text)),
                        ("location", .string(comment.location.description)),
                    ]).serialized())
                }
            }
            count += thread.comments.count
        }
        out.flush()
        run.printSummary(analysed: count, verb: "parsed")
        if run.exitCode != 0 { throw ExitCode(run.exitCode) }
    }
}
