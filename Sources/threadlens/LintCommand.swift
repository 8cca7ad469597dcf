import ArgumentParser
import Foundation
import ThreadLens

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check every model file (and overlays) and report all problems at once.",
        discussion: """
        Loads the whole model pack, with --models DIR laid over it and every --lexicon FILE, and
        prints every problem as file:line:column: severity: [id] message, sorted by file:

          the loaders' checks   bad columns, numbers out of range, unknown keys and kinds with a
                                "did you mean", duplicate and conflicting entries in one part
          lint.whitespace       white space around a field, invisible characters in a term
          lint.not-normalized   a term that is not NFKC-normalised (full-width letters …)
          lint.case             an exact (case-sensitive) alias with no capital letter
          lint.script           a term in the other Chinese script than its .hans/.hant file
          lint.conflict         one key with different values in two files of one format
          lint.unread-file      a .tsv file in the pack that no part reads
          overlay.*             an overlay's unknown format (with "did you mean"), unsupported
                                version, removal of an entry that does not exist, two overlays
                                disagreeing
          claim-rules.example   a claim rule's match/nomatch example that fails

        Errors make the exit status 1; with --strict, warnings do too.

        \(ExitStatus.documentation)
        """
    )

    @OptionGroup var modelOptions: ModelOptions

    @Flag(help: "Fail (exit 1) on warnings too.")
    var strict = false

    func run() throws {
        let (found, overlays) = modelOptions.resolved()
        guard let directory = found else {
            printError("threadlens: cannot find the models/ directory; pass --models DIR or set THREADLENS_MODELS")
            throw ExitCode(ExitStatus.modelError)
        }
        let tokenizer = Tokenizer(segmenter: try ICUSegmenter())
        let loaded = ModelPack.loadAll(from: directory, tokenizer: tokenizer, overlays: overlays)

        // boilerplate.tsv is read by the text reader, not the pack: from the partial pack when
        // it has one, else from the pack.
        var boilerplateDirectory = directory
        for path in overlays.directories {
            let candidate = URL(fileURLWithPath: path)
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(BoilerplateRules.relativePath).path) {
                boilerplateDirectory = candidate
                break
            }
        }
        let boilerplate = BoilerplateRules.load(fromModelsDirectory: boilerplateDirectory).diagnostics

        let lint = ModelLint(tokenizer: tokenizer, scripts: .icu())
        let extra = lint.check(loaded, packDirectory: directory, overlays: overlays, alsoRead: [BoilerplateRules.relativePath])
        let all = ModelLint.sorted(loaded.diagnostics + boilerplate + extra)

        var out = OutputBuffer()
        for diagnostic in all { out.write(diagnostic.description) }
        out.flush()

        let files = loaded.reads.filter { $0.file != nil }.count + loaded.overlayFiles.count + 1
        let errors = all.filter { $0.severity == .error }.count
        let warnings = all.filter { $0.severity == .warning }.count
        let notes = all.filter { $0.severity == .note }.count
        func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
        printError("threadlens lint: \(plural(files, "file")) checked: \(plural(errors, "error")), \(plural(warnings, "warning")), \(plural(notes, "note"))")
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(ExitStatus.checkFailed) }
    }
}
