import ArgumentParser
import Foundation
import ThreadLens

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run fixtures: short threads with the expected analysis written inline.",
        discussion: """
        FIXTURES are *.fixtures files (format fixtures/1) or directories of them; by default
        corpora/fixtures. A fixture is a short thread with expectations after each comment:

          fixture: a negator flips the word after it
          brand: xiaomi
          > Xiaomi phones are not good.
          expect: sentiment negative

        Expectations: sentiment LABEL; topics T… (exact set, or none); topic T; no topic T;
        claim TYPE SUBJECT VALUE [REGION] [hedged|unhedged] (all claim lines of a comment are its
        exact set); no claim; no claim TYPE SUBJECT VALUE [REGION]; stance LABEL; lang LANG.
        Replies are '>>' under the last '>', and so on. The format is specified in
        corpora/fixtures/README.md.

        Each failure is printed as file:line of the expectation, expected vs got, and the lexicon
        entries, rules and cues (file:line) that produced the result. The last line on standard
        error is 'N passed, M failed'. Use --models and --lexicon to test a change before
        making it.

        Exit status: 1 when a fixture fails; 65 when a fixture file has errors (its bad fixtures
        are not run); 78 when the models have errors.
        \(ExitStatus.documentation)
        """
    )

    @Argument(help: "Fixture files (*.fixtures) or directories of them (default: corpora/fixtures).")
    var fixtures: [String] = []

    @OptionGroup var modelOptions: ModelOptions

    @Option(help: "Run only the fixtures whose name contains this text.")
    var filter: String?

    @Flag(help: "Also list the fixtures that pass.")
    var verbose = false

    func run() throws {
        let paths = fixtures.isEmpty ? [Self.defaultDirectory()] : fixtures
        var diagnostics: [Diagnostic] = []
        var all: [Fixture] = []
        for path in paths {
            guard FileManager.default.fileExists(atPath: path) else {
                diagnostics.append(.error("fixture.missing", "no such fixture file or directory", at: SourceLocation(file: path, line: 1)))
                continue
            }
            let files = FixtureFile.files(at: path)
            if files.isEmpty { diagnostics.append(.warning("fixture.none", "no *.fixtures files here", at: SourceLocation(file: path, line: 1))) }
            for file in files {
                let (parsed, problems) = FixtureFile.load(path: file)
                diagnostics += problems
                all += parsed.fixtures
            }
        }
        if let filter { all = all.filter { $0.name.localizedCaseInsensitiveContains(filter) } }

        let analyzer = try loadAnalyzer(modelOptions)
        let runner = FixtureRunner(models: analyzer.models, tokenizer: analyzer.tokenizer)
        var runnable: [Fixture] = []
        for fixture in all {
            let problems = runner.validate(fixture)
            diagnostics += problems
            if !problems.hasErrors { runnable.append(fixture) }
        }
        DiagnosticPrinter.print(diagnostics)

        let results = runner.run(runnable)
        var out = OutputBuffer()
        for result in results {
            if result.passed {
                if verbose { out.write("\(result.fixture.location): ok \(result.fixture.name)") }
            } else {
                for line in result.rendered() { out.write(line) }
            }
        }
        out.flush()

        let failed = results.filter { !$0.passed }.count
        let notRun = all.count - runnable.count
        var summary = "\(results.count - failed) passed, \(failed) failed"
        if notRun > 0 { summary += ", \(notRun) not run (errors above)" }
        printError(summary)
        if diagnostics.hasErrors { throw ExitCode(ExitStatus.inputError) }
        if failed > 0 { throw ExitCode(ExitStatus.checkFailed) }
    }

    /// `corpora/fixtures` in the current directory, else beside the models directory.
    static func defaultDirectory() -> String {
        let local = "corpora/fixtures"
        if FileManager.default.fileExists(atPath: local) { return local }
        if let models = ModelPack.locateDefaultDirectory() {
            let beside = models.deletingLastPathComponent().appendingPathComponent(local)
            if FileManager.default.fileExists(atPath: beside.path) { return beside.path }
        }
        return local
    }
}
