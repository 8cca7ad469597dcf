import ThreadLensCore

/// SCAFFOLDING: replaced by the real reader in the foundation issue.
public struct JSONThreadReader: ThreadReader {
    public init() {}
    public func read(_ text: String, source: String, defaultThreadID: ThreadID) -> ReadResult {
        ReadResult(diagnostics: [.error("input.unsupported", "reader not implemented yet", at: SourceLocation(file: source, line: 1))])
    }
}
