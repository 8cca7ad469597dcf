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

    /// Loads and validates every model file under `directory`, with `overlays` laid over it
    /// (see `ModelOverlays`). Throws every error found (not just the first); returns the
    /// warnings with the pack.
    public static func load(from directory: URL, tokenizer: Tokenizer, overlays: ModelOverlays = .none) throws(DiagnosticsError) -> (pack: ModelPack, warnings: [Diagnostic]) {
        let loaded = loadAll(from: directory, tokenizer: tokenizer, overlays: overlays)
        let diagnostics = loaded.diagnostics
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics.filter { $0.severity == .error } + diagnostics.filter { $0.severity != .error }) }
        return (loaded.pack, diagnostics)
    }

    /// Everything a load found: the pack (usable only when there are no errors), every
    /// diagnostic, and every file read. `lint` checks this further.
    public struct Loaded: Sendable {
        public var pack: ModelPack
        public var diagnostics: [Diagnostic]
        public var reads: [ModelFileRead]
        /// The overlay files as parsed (their declared formats), for checks of their own.
        public var overlayFiles: [DataFile]
    }

    /// Loads every part, collecting diagnostics instead of throwing (see `load`).
    public static func loadAll(from directory: URL, tokenizer: Tokenizer, overlays: ModelOverlays = .none) -> Loaded {
        var loader = ModelLoader(directory: directory, tokenizer: tokenizer, overlays: overlays)
        let entities = EntityModel.load(&loader)
        let sentiment = SentimentModel.load(&loader)
        let topics = TopicModel.load(&loader)
        let claims = ClaimModel.load(&loader, entities: entities)
        let stance = StanceModel.load(&loader)
        loader.finish()
        let pack = ModelPack(directory: directory.path, entities: entities, sentiment: sentiment, topics: topics, claims: claims, stance: stance)
        return Loaded(pack: pack, diagnostics: loader.diagnostics, reads: loader.reads, overlayFiles: loader.overlayFiles.map(\.file))
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
/// lookup units, and the diagnostics collected so far. It also lays partial packs and overlay
/// files over the pack (see `ModelOverlays`), for every part alike, inside `read`.
public struct ModelLoader {
    /// The pack's own directory.
    public let directory: URL
    public let tokenizer: Tokenizer
    public var diagnostics: [Diagnostic] = []
    /// The partial packs and overlay files of this load.
    public let overlays: ModelOverlays
    /// Every file a part asked for, in order.
    public private(set) var reads: [ModelFileRead] = []
    var overlayFiles: [OverlayFile] = []
    /// Formats whose overlay entries have been added (to the first file of the format read).
    private var appendedFormats: Set<String> = []
    /// Per format, the keys of pack entries an overlay replaced or removed.
    private var matchedKeys: [String: Set<String>] = [:]
    /// Per format with overlays, the keys of every pack entry (for "did you mean").
    private var packKeys: [String: [String]] = [:]

    public init(directory: URL, tokenizer: Tokenizer) {
        self.init(directory: directory, tokenizer: tokenizer, overlays: .none)
    }

    /// A loader that lays `overlays` over the pack in `directory`. Overlay files are read here;
    /// their problems are diagnostics at their own paths.
    public init(directory: URL, tokenizer: Tokenizer, overlays: ModelOverlays) {
        self.directory = directory
        self.tokenizer = tokenizer
        self.overlays = overlays
        for path in overlays.directories {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) || !isDirectory.boolValue {
                diagnostics.append(.error("overlay.directory", "models directory '\(path)' does not exist or is not a directory", at: SourceLocation(file: path, line: 1)))
            }
        }
        for path in overlays.files {
            guard FileManager.default.fileExists(atPath: path) else {
                diagnostics.append(.error("overlay.missing", "overlay file does not exist", at: SourceLocation(file: path, line: 1)))
                continue
            }
            guard let file = DataFile.read(contentsOf: URL(fileURLWithPath: path), displayPath: path, diagnostics: &diagnostics) else { continue }
            overlayFiles.append(OverlayFile(path: path, file: file, format: ModelFormats.named(file.format) ?? ModelFormats.fallback(file.format)))
        }
    }

    /// Where `relativePath` comes from: the first partial pack that has it, else the pack.
    public func locate(_ relativePath: String) -> (url: URL, displayPath: String, origin: ModelFileRead.Origin)? {
        for path in overlays.directories {
            let url = URL(fileURLWithPath: path).appendingPathComponent(relativePath)
            if FileManager.default.fileExists(atPath: url.path) {
                let display = (path.hasSuffix("/") ? path : path + "/") + relativePath
                return (url, display, .partialPack(path))
            }
        }
        let url = directory.appendingPathComponent(relativePath)
        if FileManager.default.fileExists(atPath: url.path) { return (url, "models/" + relativePath, .pack) }
        return nil
    }

    /// The names of the files directly in `subdirectory` of the pack or of any partial pack,
    /// ending in `suffix`, sorted and without repeats (for parts that read every file of a
    /// kind, such as `claims/*.rules.tsv`).
    public func fileNames(in subdirectory: String, suffix: String) -> [String] {
        var names: Set<String> = []
        for base in overlays.directories.map({ URL(fileURLWithPath: $0) }) + [directory] {
            let folder = subdirectory.isEmpty ? base : base.appendingPathComponent(subdirectory)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(suffix) {
                names.insert(name)
            }
        }
        return names.sorted()
    }

    /// Reads `models/<relativePath>` in `format` (from a partial pack when one has it) and lays
    /// the overlay files of that format over it; a missing file is an error.
    public mutating func read(_ relativePath: String, format: String, versions: ClosedRange<Int> = 1...1) -> DataFile? {
        guard let (url, displayPath, origin) = locate(relativePath) else {
            diagnostics.append(.error("model.missing", "model file is missing (expected format '\(format)')", at: SourceLocation(file: "models/" + relativePath, line: 1)))
            reads.append(ModelFileRead(relativePath: relativePath, format: format, displayPath: "models/" + relativePath, origin: .missing, file: nil))
            return nil
        }
        guard let file = DataFile.read(contentsOf: url, displayPath: displayPath, format: format, versions: versions, diagnostics: &diagnostics) else {
            reads.append(ModelFileRead(relativePath: relativePath, format: format, displayPath: displayPath, origin: origin, file: nil))
            return nil
        }
        let merged = applyOverlays(to: file, versions: versions)
        reads.append(ModelFileRead(relativePath: relativePath, format: format, displayPath: displayPath, origin: origin, file: merged))
        return merged
    }

    /// The lookup units of a lexicon entry (see `PhraseTable`).
    public func units(of phrase: String) -> [String] { tokenizer.lookupUnits(of: phrase) }

    /// Reports what the overlays asked for but no part took: overlay files of a format no part
    /// reads, and removals of entries that do not exist. Called once every part has loaded.
    public mutating func finish() {
        let formatsRead = Set(reads.map(\.format))
        for overlay in overlayFiles where !formatsRead.contains(overlay.file.format) {
            let known = Array(formatsRead.union(ModelFormats.all.map(\.name))).sorted()
            let suggestion = closestMatch(to: overlay.file.format, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            diagnostics.append(.error("overlay.format", "no model part reads format '\(overlay.file.format)'\(suggestion); overlays extend one of: \(formatsRead.sorted().joined(separator: ", "))",
                                      at: SourceLocation(file: overlay.path, line: 1, column: 12)))
        }
        for overlay in overlayFiles where formatsRead.contains(overlay.file.format) {
            let matched = matchedKeys[overlay.file.format] ?? []
            for entry in overlay.entries where entry.removes && !matched.contains(entry.key) {
                let candidates = packKeys[overlay.file.format] ?? []
                let suggestion = closestMatch(to: entry.display, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.append(.warning("overlay.remove-unmatched", "'\(entry.display)' is not in any \(overlay.file.format) file, so there is nothing to remove\(suggestion)",
                                            at: entry.location))
            }
        }
    }

    /// Drops the pack entries the overlays of the file's format replace or remove, and adds the
    /// overlays' entries to the first file of the format read.
    private mutating func applyOverlays(to file: DataFile, versions: ClosedRange<Int>) -> DataFile {
        let indices = overlayFiles.indices.filter { overlayFiles[$0].file.format == file.format }
        guard !indices.isEmpty else { return file }
        let format = overlayFiles[indices[0]].format
        var usable: [Int] = []
        for index in indices {
            if !overlayFiles[index].prepared {
                overlayFiles[index].prepared = true
                let overlay = overlayFiles[index]
                guard versions.contains(overlay.file.version) else {
                    diagnostics.append(.error("overlay.version", "format '\(overlay.file.format)' version \(overlay.file.version) is not supported (supported: \(versions.lowerBound)…\(versions.upperBound))",
                                              at: SourceLocation(file: overlay.path, line: 1, column: 12)))
                    continue
                }
                var prepared: [OverlayEntry] = []
                for entry in entries(of: overlay.file.records, format: format) {
                    // A lone '-' in a key column is a removal written short of the key.
                    let record = entry.records[0]
                    let keyColumns = format.keyColumns(for: record.fields)
                    if let column = keyColumns.first(where: { $0 < record.fields.count && record.fields[$0].trimmedOfSpaces() == ModelOverlays.removalMarker }) {
                        let names = keyColumns.map { "column \($0 + 1)" }.joined(separator: " and ")
                        diagnostics.append(.error("overlay.marker", "'-' is in a key column; to remove an entry of \(format.name), write its key (\(names)) and then '-'",
                                                  at: record.location(field: column)))
                        continue
                    }
                    prepared.append(entry)
                }
                overlayFiles[index].entries = prepared
            }
            if versions.contains(overlayFiles[index].file.version) { usable.append(index) }
        }
        let keys = Set(usable.flatMap { overlayFiles[$0].entries.map(\.key) })
        let roughKeys = Set(usable.flatMap { overlayFiles[$0].entries.map { roughKey(of: $0.records[0], format: format) } })
        var kept: [DataRecord] = []
        var known = packKeys[file.format] ?? []
        for entry in entries(of: file.records, format: format, candidates: roughKeys) {
            known.append(entry.display)
            if keys.contains(entry.key) {
                matchedKeys[file.format, default: []].insert(entry.key)
            } else {
                kept.append(contentsOf: entry.records)
            }
        }
        packKeys[file.format] = known
        var merged = file
        merged.records = kept
        if appendedFormats.insert(file.format).inserted {
            // Later overlay entries replace earlier ones with the same key.
            var added: [OverlayEntry] = []
            for index in usable {
                for entry in overlayFiles[index].entries {
                    if let earlier = added.firstIndex(where: { $0.key == entry.key }) {
                        let previous = added.remove(at: earlier)
                        if !entry.removes, !previous.removes, previous.value != entry.value, !entry.overrides {
                            diagnostics.append(.warning("overlay.conflict", "'\(entry.display)' is also at \(previous.location) with a different value; this one wins",
                                                        at: entry.location))
                        }
                    }
                    added.append(entry)
                }
            }
            for entry in added where !entry.removes { merged.records.append(contentsOf: entry.records) }
        }
        return merged
    }
}
