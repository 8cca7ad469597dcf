import Foundation
import ThreadLensCore

/// Site furniture to keep out of a scraped article's analysed text: section promos, source
/// credits, "Previous …" / "Next …" navigation. Loaded from `models/boilerplate.tsv`
/// (format `boilerplate/1`, see models/README.md); the text reader drops every article line a
/// rule matches and reports each one as an `input.boilerplate` note.
public struct BoilerplateRules: Sendable {
    /// How a rule's pattern is compared with a line (leading and trailing spaces removed).
    public enum Kind: String, Sendable, CaseIterable {
        /// The whole line equals the pattern, ignoring case.
        case exact
        /// The line starts with the pattern, ignoring case.
        case prefix
        /// The pattern (Swift `Regex` syntax) matches the whole line; `(?i)` for any case.
        case regex
    }

    /// One rule, with the file line it came from so a removal can name it.
    public struct Rule: Sendable {
        public var kind: Kind
        public var pattern: String
        public var note: String?
        public var location: SourceLocation
        let matcher: Matcher

        /// Builds a rule; throws a message when a regex does not compile.
        public init(kind: Kind, pattern: String, note: String? = nil, location: SourceLocation) throws(BoilerplatePatternError) {
            self.kind = kind
            self.pattern = pattern
            self.note = note
            self.location = location
            switch kind {
            case .exact: matcher = .exact(pattern.lowercased())
            case .prefix: matcher = .prefix(pattern.lowercased())
            case .regex:
                do {
                    matcher = .regex(RegexBox(try Regex(pattern)))
                } catch {
                    throw BoilerplatePatternError(message: "\(error)")
                }
            }
        }

        /// Whether `line` (already trimmed) is boilerplate by this rule.
        public func matches(_ line: String) -> Bool {
            switch matcher {
            case .exact(let text): return line.lowercased() == text
            case .prefix(let text): return line.lowercased().hasPrefix(text)
            case .regex(let box): return (try? box.regex.wholeMatch(in: line)) != nil
            }
        }
    }

    enum Matcher: Sendable {
        case exact(String)
        case prefix(String)
        case regex(RegexBox)
    }

    /// A compiled regex. `Regex` is a value whose program is built once and only read after,
    /// so sharing it across threads is safe.
    struct RegexBox: @unchecked Sendable {
        let regex: Regex<AnyRegexOutput>
        init(_ regex: Regex<AnyRegexOutput>) { self.regex = regex }
    }

    public var rules: [Rule]

    public init(rules: [Rule]) { self.rules = rules }

    /// No rules: every article line is kept.
    public static let none = BoilerplateRules(rules: [])

    /// The relative path of the rules under a models directory.
    public static let relativePath = "boilerplate.tsv"

    /// The first rule that matches `line` (trimmed here), if any.
    public func rule(matching line: String) -> Rule? {
        let trimmed = line.trimmingSpaces()
        guard !trimmed.isEmpty else { return nil }
        return rules.first { $0.matches(trimmed) }
    }

    /// Parses `boilerplate/1` text. Any error gives `.none` (no half-loaded rules) with every
    /// problem found.
    public static func parse(_ text: String, displayPath: String) -> (rules: BoilerplateRules, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let file = DataFile.parse(text, displayPath: displayPath, format: "boilerplate", diagnostics: &diagnostics) else {
            return (.none, diagnostics)
        }
        var rules: [Rule] = []
        var seen: [String: Int] = [:]
        for record in file.records {
            guard record.expectColumns(2...3, diagnostics: &diagnostics, code: "boilerplate.column-count") else { continue }
            guard let kindText = record.field(0) else {
                diagnostics.append(.error("boilerplate.kind", "expected a kind (exact, prefix or regex) in column 1", at: record.location(field: 0)))
                continue
            }
            guard let kind = Kind(rawValue: kindText.lowercased()) else {
                let names = Kind.allCases.map(\.rawValue)
                let hint = closestMatch(to: kindText, in: names).map { " (did you mean '\($0)'?)" } ?? " (expected exact, prefix or regex)"
                diagnostics.append(.error("boilerplate.kind", "unknown kind '\(kindText)'\(hint)", at: record.location(field: 0)))
                continue
            }
            guard let pattern = record.field(1) else {
                diagnostics.append(.error("boilerplate.pattern", "expected a pattern in column 2", at: record.location(field: 1)))
                continue
            }
            let key = kind.rawValue + "\t" + (kind == .regex ? pattern : pattern.lowercased())
            if let earlier = seen[key] {
                diagnostics.append(.warning("boilerplate.duplicate", "the same rule is on line \(earlier)", at: record.location(field: 1)))
                continue
            }
            seen[key] = record.line
            do {
                rules.append(try Rule(kind: kind, pattern: pattern, note: record.field(2), location: record.location(field: 1)))
            } catch {
                diagnostics.append(.error("boilerplate.regex", "the pattern is not a valid regular expression: \(error.message)", at: record.location(field: 1)))
            }
        }
        if diagnostics.hasErrors { return (.none, diagnostics) }
        return (BoilerplateRules(rules: rules), diagnostics)
    }

    /// Loads `boilerplate.tsv` from a models directory (see `parse`).
    public static func load(fromModelsDirectory directory: URL) -> (rules: BoilerplateRules, diagnostics: [Diagnostic]) {
        let url = directory.appendingPathComponent(relativePath)
        // The shipped pack is shown as models/…; a pack given with --models by its own path.
        let shipped = ModelPack.locateDefaultDirectory().map { $0.standardizedFileURL.resolvingSymlinksInPath().path }
        let displayPath = shipped == directory.standardizedFileURL.resolvingSymlinksInPath().path ? "models/" + relativePath : url.path
        guard FileManager.default.fileExists(atPath: url.path) else {
            return (.none, [.error("model.missing", "model file is missing (expected format 'boilerplate')", at: SourceLocation(file: displayPath, line: 1))])
        }
        var diagnostics: [Diagnostic] = []
        guard let data = try? Data(contentsOf: url) else {
            return (.none, [.error("model.unreadable", "cannot read model file", at: SourceLocation(file: displayPath, line: 1))])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(.error("model.encoding", "model file is not valid UTF-8", at: SourceLocation(file: displayPath, line: 1)))
            return (.none, diagnostics)
        }
        return parse(text, displayPath: displayPath)
    }

    /// The shipped rules: `boilerplate.tsv` in `modelsDirectory`, or in the models directory
    /// `ModelPack.locateDefaultDirectory()` finds. When no models directory is found the
    /// result is `.none` with a warning saying article boilerplate will be kept.
    /// Loads `boilerplate.tsv` for a run with partial packs (`--models DIR`) laid over
    /// `modelsDirectory`: the first partial pack that has its own file wins, like its other
    /// files; else the pack's.
    public static func load(modelsDirectory: URL?, partialPacks: [String]) -> (rules: BoilerplateRules, diagnostics: [Diagnostic]) {
        let own = partialPacks.map { URL(fileURLWithPath: $0) }
            .first { FileManager.default.fileExists(atPath: $0.appendingPathComponent(relativePath).path) }
        return loadShipped(modelsDirectory: own ?? modelsDirectory)
    }

    public static func loadShipped(modelsDirectory: URL? = nil) -> (rules: BoilerplateRules, diagnostics: [Diagnostic]) {
        guard let directory = modelsDirectory ?? ModelPack.locateDefaultDirectory() else {
            return (.none, [.warning("model.not-found", "cannot find the models/ directory, so article boilerplate is kept; pass --models DIR or set THREADLENS_MODELS")])
        }
        return load(fromModelsDirectory: directory)
    }
}

/// A boilerplate regex that does not compile.
public struct BoilerplatePatternError: Error, Sendable {
    public var message: String
}
