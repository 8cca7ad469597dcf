import ArgumentParser
import ThreadLens

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse threads: sentiment toward the brand, topics, claims and stance per comment.",
        discussion: """
        --format jsonl writes the SPEC §5 record for every comment (the article 0 included), in
        input order, one JSON object per line.

        \(ExitStatus.documentation)
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl }

    @OptionGroup var input: InputOptions
    @OptionGroup var modelOptions: ModelOptions
    @OptionGroup var parallel: ParallelOptions
    @Option(help: "Output format.")
    var format: Format = .jsonl
    @Option(help: "The brand the threads are about (a gazetteer id such as xiaomi); detected when omitted.")
    var brand: String?
    @Option(help: "brand: score only sentiment aimed at the brand; any: all sentiment in the text.")
    var target: AnalysisOptions.Target = .brand

    func run() throws {
        let analyzer = try loadAnalyzer(modelOptions, options: AnalysisOptions(brand: brand, target: target))
        let run = InputRun(input, boilerplate: analyzer.boilerplate)
        var out = OutputBuffer()
        var count = 0
        try parallel.runner(analyzer).analyze(run.streamedThreads) { analyzed in
            for comment in analyzed.comments {
                out.write(comment.record(thread: analyzed.thread.id).serialized())
                count += 1
            }
        }
        out.flush()
        run.printSummary(analysed: count)
        if run.exitCode != 0 { throw ExitCode(run.exitCode) }
    }
}
