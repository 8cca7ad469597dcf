import Foundation

/// Everything under `models/`: gazetteers, lexicons, topics, claim rules and stance cues,
/// loaded and validated together. A pack with any error is not returned: no half-loaded models.
public struct ModelPack: Sendable {
    /// The directory it was loaded from.
    public var directory: String
    public var entities: EntityModel
    public var sentiment: SentimentModel
    public var topics: TopicModel
    public var claims: ClaimModel
    public var stance: StanceModel

    /// Loads and validates every model file under `directory`. Throws every error found (not
    /// just the first); returns the warnings with the pack.
    public static func load(from directory: URL, tokenizer: Tokenizer) throws(DiagnosticsError) -> (pack: ModelPack, warnings: [Diagnostic]) {
        var loader = ModelLoader(directory: directory, tokenizer: tokenizer)
        let entities = EntityModel.load(&loader)
        let sentiment = SentimentModel.load(&loader)
        let topics = TopicModel.load(&loader)
        let claims = ClaimModel.load(&loader, entities: entities)
        let stance = StanceModel.load(&loader)
        if loader.diagnostics.hasErrors { throw DiagnosticsError(loader.diagnostics.filter { $0.severity == .error } + loader.diagnostics.filter { $0.severity != .error }) }
        let pack = ModelPack(directory: directory.path, entities: entities, sentiment: sentiment, topics: topics, claims: claims, stance: stance)
        return (pack, loader.diagnostics)
    }

    /// Finds the shipped `models/` directory: `$THREADLENS_MODELS`, then `models/` in the current
    /// directory or any parent, then beside the executable or any of its parents.
    public static func locateDefaultDirectory(executablePath: String? = CommandLine.arguments.first) -> URL? {
        let fileManager = FileManager.default
        if let fromEnvironment = ProcessInfo.processInfo.environment["THREADLENS_MODELS"], !fromEnvironment.isEmpty {
            return URL(fileURLWithPath: fromEnvironment)
        }
        func search(from start: URL) -> URL? {
            var directory = start.standardizedFileURL
            for _ in 0..<8 {
                let candidate = directory.appendingPathComponent("models")
                if fileManager.fileExists(atPath: candidate.appendingPathComponent("README.md").path),
                   fileManager.fileExists(atPath: candidate.appendingPathComponent("brands.tsv").path) {
                    return candidate
                }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
            return nil
        }
        if let found = search(from: URL(fileURLWithPath: fileManager.currentDirectoryPath)) { return found }
        if let executablePath {
            let executable = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
            if let found = search(from: executable.deletingLastPathComponent()) { return found }
        }
        return nil
    }
}

/// What a model part needs while loading: the directory, the tokenizer that turns entries into
/// lookup units, and the diagnostics collected so far.
public struct ModelLoader {
    public let directory: URL
    public let tokenizer: Tokenizer
    public var diagnostics: [Diagnostic] = []

    public init(directory: URL, tokenizer: Tokenizer) {
        self.directory = directory
        self.tokenizer = tokenizer
    }

    /// Reads `models/<relativePath>` in `format`; a missing file is an error.
    public mutating func read(_ relativePath: String, format: String, versions: ClosedRange<Int> = 1...1) -> DataFile? {
        let url = directory.appendingPathComponent(relativePath)
        let displayPath = "models/" + relativePath
        guard FileManager.default.fileExists(atPath: url.path) else {
            diagnostics.append(.error("model.missing", "model file is missing (expected format '\(format)')", at: SourceLocation(file: displayPath, line: 1)))
            return nil
        }
        return DataFile.read(contentsOf: url, displayPath: displayPath, format: format, versions: versions, diagnostics: &diagnostics)
    }

    /// The lookup units of a lexicon entry (see `PhraseTable`).
    public func units(of phrase: String) -> [String] { tokenizer.lookupUnits(of: phrase) }
}
