import Foundation

/// The checks `threadlens lint` adds to the loaders' own: problems no single loader can see,
/// found from the shape of each format (`ModelFormats`) alone.
///
/// | id | severity | what |
/// |---|---|---|
/// | `lint.whitespace` | warning (error where compared as written) | a field with white space around it, or a term with an invisible character (ZWSP, BOM, soft hyphen …) |
/// | `lint.not-normalized` | warning | a term that is not NFKC-normalised (full-width letters, compatibility characters; Chinese full-width punctuation and terms compared as written are left alone) |
/// | `lint.case` | warning | a term compared as written (an `exact` alias) with no capital letter |
/// | `lint.script` | warning | a term in the other Chinese script than its file claims (`*.hans.tsv`, `*.hant.tsv`, or a `hans`/`hant` folder) |
/// | `lint.conflict` | warning | the same key with different values in two files of one format (neither marked as an override) |
/// | `lint.unread-file` | warning | a `.tsv` file in the pack that no part reads |
/// | `lint.format-undescribed` | note | a format `ModelFormats` does not describe (overlays key it by its first column) |
/// | `claim-rules.example` | error | a claim rule's `match`/`nomatch` example that does not do what it says |
public struct ModelLint {
    /// What the script check needs from a Unicode library (ICU in the CLI): the simplified and
    /// traditional forms of a character, and whether a character is in a traditional charset
    /// (Big5) or a simplified one (GB2312). Charsets decide, because many characters are valid in
    /// both scripts (了, 沉, 布) though a converter maps them.
    public struct ScriptConversion {
        public var simplified: (Character) -> Character
        public var traditional: (Character) -> Character
        public var inTraditionalCharset: (Character) -> Bool
        public var inSimplifiedCharset: (Character) -> Bool
        public init(simplified: @escaping (Character) -> Character, traditional: @escaping (Character) -> Character,
                    inTraditionalCharset: @escaping (Character) -> Bool, inSimplifiedCharset: @escaping (Character) -> Bool) {
            self.simplified = simplified
            self.traditional = traditional
            self.inTraditionalCharset = inTraditionalCharset
            self.inSimplifiedCharset = inSimplifiedCharset
        }

        /// The characters of `term` that belong only to the other script than `claimed`, with
        /// their forms in the claimed script.
        func foreign(in term: String, claimed: Script) -> [(Character, Character)] {
            term.compactMap { character -> (Character, Character)? in
                guard character.unicodeScalars.count == 1, ModelLint.isHan(character.unicodeScalars.first!) else { return nil }
                switch claimed {
                case .traditional:
                    let converted = traditional(character)
                    guard converted != character, !inTraditionalCharset(character), inTraditionalCharset(converted) else { return nil }
                    return (character, converted)
                case .simplified:
                    let converted = simplified(character)
                    guard converted != character, !inSimplifiedCharset(character), inSimplifiedCharset(converted) else { return nil }
                    return (character, converted)
                }
            }
        }
    }

    public var tokenizer: Tokenizer
    public var scripts: ScriptConversion?

    public init(tokenizer: Tokenizer, scripts: ScriptConversion? = nil) {
        self.tokenizer = tokenizer
        self.scripts = scripts
    }

    /// The lint diagnostics of a load (not repeating the loaders' own). `alsoRead`: relative
    /// paths read outside the model pack (`boilerplate.tsv`), so they are not reported unread.
    public func check(_ loaded: ModelPack.Loaded, packDirectory: URL, overlays: ModelOverlays = .none,
                      alsoRead: Set<String> = []) -> [Diagnostic] {
        check(reads: loaded.reads, loaderDiagnostics: loaded.diagnostics, claims: loaded.pack.claims,
              packDirectory: packDirectory, overlays: overlays, alsoRead: alsoRead)
    }

    /// The lint diagnostics of the files a loader read (`ModelLoader.reads`): the checks of
    /// every entry, across files, of unread files, and of the claim rules' examples when
    /// `claims` is given. `loaderDiagnostics`: what the loaders reported, not repeated.
    public func check(reads: [ModelFileRead], loaderDiagnostics: [Diagnostic] = [], claims: ClaimModel? = nil,
                      packDirectory: URL, overlays: ModelOverlays = .none, alsoRead: Set<String> = []) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let reported = Set(loaderDiagnostics.compactMap { $0.location.map { "\($0.file):\($0.line)" } })
        let files = reads.compactMap(\.file)

        for format in Set(reads.map(\.format)).sorted() where ModelFormats.named(format) == nil {
            let first = reads.first { $0.format == format }!
            diagnostics.append(Diagnostic(.note, "lint.format-undescribed", "format '\(format)' is not described in ModelFormats; overlays key its entries by the first column",
                                          at: SourceLocation(file: first.displayPath, line: 1)))
        }
        for file in files {
            let format = ModelFormats.named(file.format) ?? ModelFormats.fallback(file.format)
            let claimedScript = Self.claimedScript(of: file.path)
            for record in file.records {
                // A record claims the script of the file it comes from (an overlay's own name).
                let script = record.path == file.path ? claimedScript : Self.claimedScript(of: record.path)
                checkFields(record, format: format, script: script, into: &diagnostics)
            }
        }
        diagnostics += conflicts(in: files, skipping: reported)
        diagnostics += unreadFiles(reads, packDirectory: packDirectory, overlays: overlays, alsoRead: alsoRead)
        if let claims {
            diagnostics += RuleExampleCheck(model: claims).run(tokenizer: tokenizer).map(\.diagnostic)
        }
        return diagnostics
    }

    /// Orders diagnostics by file, line and column (errors without a location first).
    public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let x = a.element.location, y = b.element.location
            if x?.file != y?.file { return (x?.file ?? "") < (y?.file ?? "") }
            if x?.line != y?.line { return (x?.line ?? 0) < (y?.line ?? 0) }
            if x?.column != y?.column { return (x?.column ?? 0) < (y?.column ?? 0) }
            return a.offset < b.offset
        }.map(\.element)
    }

    // MARK: - Terms

    enum Script: String { case simplified = "hans", traditional = "hant" }

    /// The script a file's name claims: `.hans.`/`.hant.` in its name, or a `hans`/`hant` folder.
    static func claimedScript(of path: String) -> Script? {
        let components = path.split(separator: "/").map { $0.lowercased() }
        guard let name = components.last else { return nil }
        let parts = name.split(separator: ".").map(String.init)
        for script in [Script.simplified, .traditional] {
            if parts.dropFirst().contains(script.rawValue) || components.dropLast().contains(script.rawValue) { return script }
        }
        return nil
    }

    private func checkFields(_ record: DataRecord, format: ModelFormat, script: Script?, into diagnostics: inout [Diagnostic]) {
        for (index, raw) in record.fields.enumerated() {
            let trimmed = raw.trimmedOfSpaces()
            let isTerm = format.termColumns(for: record.fields).contains(index)
            let exact = isTerm && format.isCaseSensitive(column: index, fields: record.fields)
            let severity: Diagnostic.Severity = exact ? .error : .warning
            if trimmed != raw, !trimmed.isEmpty {
                diagnostics.append(.warning("lint.whitespace", "column \(index + 1) has white space around it ('\(raw)'); it is ignored, remove it",
                                            at: record.location(field: index)))
            }
            guard isTerm, !trimmed.isEmpty else { continue }
            if let invisible = trimmed.unicodeScalars.first(where: Self.isInvisible) {
                let code = String(invisible.value, radix: 16, uppercase: true)
                let message = exact
                    ? "'\(trimmed)' contains the invisible character U+\(code); it is compared as written, so it never matches ordinary text"
                    : "'\(trimmed)' contains the invisible character U+\(code); it is matched as if the character were not there"
                diagnostics.append(Diagnostic(severity, "lint.whitespace", message, at: record.location(field: index)))
            }
            // Compared as written (an exact alias, a quote marker), a compatibility form is
            // deliberate; Chinese full-width punctuation is ordinary writing.
            // Only when writing the normal form would match the same text: a character whose
            // normal form is several tokens ('…' is '...', three full stops) matches that one
            // character, so its spelling is deliberate.
            if !exact, let normalized = Self.compatibilityForm(of: trimmed),
               tokenizer.lookupUnits(of: normalized) == tokenizer.lookupUnits(of: trimmed) {
                diagnostics.append(.warning("lint.not-normalized", "'\(trimmed)' is not NFKC-normalised; it is matched as '\(normalized)', write it so",
                                            at: record.location(field: index)))
            }
            if exact, trimmed.unicodeScalars.contains(where: { $0.properties.isAlphabetic && $0.properties.changesWhenUppercased }),
               !trimmed.unicodeScalars.contains(where: { $0.properties.isUppercase }) {
                diagnostics.append(.warning("lint.case", "'\(trimmed)' is compared as written but has no capital letter, so it matches only all-lower-case text (did you mean '\(trimmed.uppercased())'?)",
                                            at: record.location(field: index)))
            }
            if let script, let scripts { checkScript(trimmed, claimed: script, scripts: scripts, record: record, field: index, into: &diagnostics) }
        }
    }

    private func checkScript(_ term: String, claimed: Script, scripts: ScriptConversion, record: DataRecord, field: Int, into diagnostics: inout [Diagnostic]) {
        let foreign = scripts.foreign(in: term, claimed: claimed)
        guard !foreign.isEmpty else { return }
        let fixed = String(term.map { character in foreign.first { $0.0 == character }?.1 ?? character })
        let list = foreign.map { "\($0.0)→\($0.1)" }.joined(separator: ", ")
        let message = claimed == .traditional
            ? "'\(term)' has simplified characters (\(list)) but the file is traditional (.hant); did you mean '\(fixed)'?"
            : "'\(term)' has traditional characters (\(list)) but the file is simplified (.hans); did you mean '\(fixed)'?"
        diagnostics.append(.warning("lint.script", message, at: record.location(field: field)))
    }

    // MARK: - Across files

    private func conflicts(in files: [DataFile], skipping reported: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let loader = ModelLoader(directory: URL(fileURLWithPath: "/"), tokenizer: tokenizer)
        let byFormat = Dictionary(grouping: files, by: \.format)
        for (formatName, group) in byFormat.sorted(by: { $0.key < $1.key }) {
            let format = ModelFormats.named(formatName) ?? ModelFormats.fallback(formatName)
            var first: [String: OverlayEntry] = [:]
            for file in group {
                for entry in loader.entries(of: file.records, format: format) {
                    guard let earlier = first[entry.key] else {
                        first[entry.key] = entry
                        continue
                    }
                    let here = entry.location, there = earlier.location
                    guard here.file != there.file, earlier.value != entry.value, !entry.overrides,
                          !reported.contains("\(here.file):\(here.line)"), !reported.contains("\(there.file):\(there.line)") else { continue }
                    diagnostics.append(.warning("lint.conflict", "'\(entry.display)' is '\(entry.value)' here but '\(earlier.value)' at \(there)",
                                                at: here))
                }
            }
        }
        return diagnostics
    }

    private func unreadFiles(_ reads: [ModelFileRead], packDirectory: URL, overlays: ModelOverlays, alsoRead: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let read = Set(reads.map(\.relativePath)).union(alsoRead)
        var seen: Set<String> = []
        let roots = overlays.directories.map { ($0, URL(fileURLWithPath: $0)) } + [("models", packDirectory)]
        for (display, root) in roots {
            guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { continue }
            var paths: [String] = []
            while let path = enumerator.nextObject() as? String {
                if path.hasSuffix(".tsv") { paths.append(path) }
            }
            for path in paths.sorted() where !read.contains(path) && seen.insert(path).inserted {
                let shown = (display.hasSuffix("/") ? display : display + "/") + path
                var hint = ""
                var ignored: [Diagnostic] = []
                if let file = DataFile.read(contentsOf: root.appendingPathComponent(path), displayPath: shown, diagnostics: &ignored) {
                    let siblings = reads.filter { $0.format == file.format }.map(\.relativePath)
                    if siblings.isEmpty {
                        let suggestion = closestMatch(to: file.format, in: Array(Set(reads.map(\.format))).sorted()).map { " (did you mean '\($0)'?)" } ?? ""
                        hint = "; no part reads format '\(file.format)'\(suggestion)"
                    } else {
                        hint = "; the \(file.format) files that are read: \(siblings.joined(separator: ", ")) (is it missing from an index?)"
                    }
                }
                diagnostics.append(.warning("lint.unread-file", "no model part reads this file\(hint)", at: SourceLocation(file: shown, line: 1)))
            }
        }
        return diagnostics
    }

    // MARK: - Characters

    /// Format characters text rarely holds inside a word; ZWJ and variation selectors are part
    /// of emoji sequences and are allowed.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200D, 0xFE0E, 0xFE0F: return false
        case 0xE0020...0xE007F: return false  // tag characters of flag emoji
        default: return scalar.properties.generalCategory == .format || scalar.properties.generalCategory == .control
        }
    }

    /// The NFKC form of `term` when it differs for more than full-width punctuation.
    static func compatibilityForm(of term: String) -> String? {
        let normalized = term.precomposedStringWithCompatibilityMapping
        guard normalized != term else { return nil }
        var relaxed = String.UnicodeScalarView()
        for scalar in term.unicodeScalars {
            let fullWidthPunctuation = (0xFF01...0xFF5E).contains(scalar.value) && !scalar.properties.isAlphabetic
                && scalar.properties.numericType == nil
            if fullWidthPunctuation || scalar.value == 0x3000 {
                relaxed.append(contentsOf: String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars)
            } else {
                relaxed.append(scalar)
            }
        }
        return String(relaxed) == normalized ? nil : normalized
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        default: return false
        }
    }

}
