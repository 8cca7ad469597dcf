import ArgumentParser

/// The `threadlens` command line: argument parsing, printing and exit codes. Nothing else.
@main
struct ThreadLensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "threadlens",
        abstract: "Brand sentiment, topics and claims in comment threads (English and Chinese).",
        discussion: ExitStatus.documentation,
        version: "0.1.0",
        subcommands: [
            ParseCommand.self,
            TokenizeCommand.self,
            AnalyzeCommand.self,
            ExplainCommand.self,
            EvalCommand.self,
            ReportCommand.self,
            MergeCommand.self,
            TestCommand.self,
            LintCommand.self,
            DiffCommand.self,
        ]
    )
}
