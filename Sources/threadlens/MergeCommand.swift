import ArgumentParser
import Foundation
import ThreadLens

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine partial reports ('report --emit partial') into one report.",
        discussion: """
        Each input holds one partial (threadlens-partial/1) or several, one per line; '-' reads
        standard input. Merging is associative and commutative: the result equals a single run
        over all the shards' inputs, byte for byte. With '--emit partial' the merged partial is
        written instead, for tree-shaped reductions. See docs/report.md.

        \(ExitStatus.documentation)
        """
    )

    @Argument(help: "Partial report files; '-' reads standard input.")
    var partials: [String] = []
    @OptionGroup var output: ReportOutputOptions

    func validate() throws {
        if partials.isEmpty { throw ValidationError("name at least one partial report (or '-' for standard input)") }
        try output.check()
    }

    func run() throws {
        var merged: PartialReport?
        var count = 0
        var failed = false
        for path in partials {
            let data: Data?
            if path == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else { data = FileManager.default.contents(atPath: path) }
            guard let data else {
                printError("\(path): error: [merge.unreadable] cannot read the file")
                failed = true
                continue
            }
            do {
                for partial in try PartialReport.decode(String(decoding: data, as: UTF8.self)) {
                    if merged == nil { merged = partial } else { merged!.merge(partial) }
                    count += 1
                }
            } catch {
                printError("\(path): error: [merge.partial-format] \(error.description)")
                failed = true
            }
        }
        guard let merged else {
            printError("threadlens: no partial report could be read; nothing written")
            throw ExitCode(ExitStatus.inputError)
        }
        try output.write(merged)
        let comments = merged.threads.values.reduce(0) { $0 + $1.comments + $1.articles }
        printError("threadlens: merged \(count) partial(s): \(merged.input.files) file(s), \(merged.threads.count) thread(s), "
                   + "\(comments) comment(s) analysed, \(merged.input.skipped.values.reduce(0, +)) skipped")
        if failed { throw ExitCode(ExitStatus.inputError) }
    }
}
