import Foundation
import ThreadLensCore

/// One claim as it is scored: the (type, subject, value, region) tuple of SPEC §6 in normal
/// form (see `ClaimNormalization`). The comment it belongs to is kept apart, by the scorer.
public struct ClaimTuple: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var type: String
    public var subject: String
    public var value: String
    /// Only for claim types that carry a region (`regional_availability`); otherwise `nil`.
    public var region: String?

    /// A tuple taken as given (no normalisation).
    public init(type: String, subject: String, value: String, region: String? = nil) {
        self.type = type
        self.subject = subject
        self.value = value
        self.region = region
    }

    /// A tuple in normal form: subject, type, value and region normalised, and the region
    /// dropped unless `taxonomy` says the type carries one.
    public static func normalized(type: String, subject: String, value: String, region: String?,
                                  taxonomy: GoldTaxonomy = .standard) -> ClaimTuple {
        let type = ClaimNormalization.name(type)
        let hasRegion = taxonomy.claimType(named: type)?.hasRegion ?? false
        return ClaimTuple(
            type: type,
            subject: ClaimNormalization.subject(subject),
            value: ClaimNormalization.name(value),
            region: hasRegion ? region.map(ClaimNormalization.region) : nil
        )
    }

    /// Whether the subject is `?` (unresolved): such a predicted claim counts neither way.
    public var isUnresolved: Bool { subject == ClaimNormalization.unresolvedSubject }

    /// `type subject value [region]`, as the misses list shows it.
    public var description: String {
        [type, subject, value, region].compactMap { $0 }.joined(separator: " ")
    }

    public static func < (a: ClaimTuple, b: ClaimTuple) -> Bool {
        (a.type, a.subject, a.value, a.region ?? "") < (b.type, b.subject, b.value, b.region ?? "")
    }
}

/// The gold annotation of one comment (one line of a `NAME.gold.jsonl` file).
public struct GoldAnnotation: Hashable, Sendable {
    /// The thread: the gold file's name without `.gold.jsonl`.
    public var thread: ThreadID
    public var id: CommentID
    /// `positive`, `negative`, `neutral`; `nil` when unclear or mixed (left out of the sentiment score).
    public var sentiment: String?
    /// The topics, without duplicates, in the order given.
    public var topics: [String]
    /// The claims in normal form, without duplicates, in the order given.
    public var claims: [ClaimTuple]
    /// `agree`, `disagree`, `none`; `nil` when unclear (left out of the stance score).
    public var stance: String?
    /// The line it was read from.
    public var location: SourceLocation

    public init(thread: ThreadID, id: CommentID, sentiment: String?, topics: [String], claims: [ClaimTuple],
                stance: String?, location: SourceLocation) {
        self.thread = thread
        self.id = id
        self.sentiment = sentiment
        self.topics = topics
        self.claims = claims
        self.stance = stance
        self.location = location
    }

    /// The (thread, comment) key predictions are matched by.
    public var key: CommentKey { CommentKey(thread: thread, id: id) }
}

/// A comment of a thread: the key gold annotations and predictions are matched by.
public struct CommentKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var thread: ThreadID
    public var id: CommentID

    public init(thread: ThreadID, id: CommentID) {
        self.thread = thread
        self.id = id
    }

    /// `thread#id`, as misses are listed.
    public var description: String { "\(thread)#\(id)" }

    public static func < (a: CommentKey, b: CommentKey) -> Bool {
        a.thread != b.thread ? a.thread < b.thread : a.id < b.id
    }
}

/// Gold annotations from one or more `NAME.gold.jsonl` files (SPEC §6).
///
/// The format, `threadlens-gold` (fixed by SPEC §6, so it carries no version line): UTF-8 JSON
/// Lines, one object per annotated comment; blank lines are skipped. `NAME` is the thread id the
/// annotations belong to (the thread file `NAME.txt` beside it gives that id).
///
/// ```json
/// {"id": "2", "sentiment": "neutral", "topics": ["resellers"], "claims": [{"type": "reseller_legitimacy", "subject": "xiaomiworld", "value": "illegitimate"}], "stance": "agree"}
/// ```
///
/// | key | value |
/// |---|---|
/// | `id` | the comment id (SPEC §3), a string; required and unique in the thread |
/// | `sentiment` | `positive`, `negative`, `neutral`, or `null` (unclear or mixed: not scored) |
/// | `topics` | a list of topic names (SPEC §4 or added by the models) |
/// | `claims` | a list of `{"type", "subject", "value"}`, plus `"region"` for `regional_availability` |
/// | `stance` | `agree`, `disagree`, `none`, or `null` (unclear: not scored) |
///
/// All five keys are required. Subjects are compared in normal form (`ClaimNormalization`); a
/// subject not written in it gets a warning. A line with any error is reported and left out;
/// the other lines are still used. Diagnostic codes: `gold.not-found`, `gold.unreadable`,
/// `gold.encoding`, `gold.file-name`, `gold.none`, `gold.empty`, `gold.json`,
/// `gold.duplicate-key`, `gold.record`, `gold.id`, `gold.duplicate-id`, `gold.missing-key`,
/// `gold.unknown-key`, `gold.type`, `gold.sentiment`, `gold.stance`, `gold.topic`,
/// `gold.duplicate-topic`, `gold.claim-type`, `gold.claim-value`, `gold.claim-subject`,
/// `gold.claim-region`, `gold.subject-form`, `gold.duplicate-claim`.
public struct GoldSet: Hashable, Sendable {
    /// Every valid annotation, file by file in the order loaded, lines in file order.
    public var annotations: [GoldAnnotation]
    /// The gold files read, in the order loaded.
    public var files: [String]

    public init(annotations: [GoldAnnotation] = [], files: [String] = []) {
        self.annotations = annotations
        self.files = files
    }

    /// The suffix that names a gold file: `NAME.gold.jsonl` annotates thread `NAME`.
    public static let fileSuffix = ".gold.jsonl"

    /// The thread a gold file annotates (its name without `.gold.jsonl`), or nil when the path
    /// is not named like a gold file.
    public static func threadID(forGoldFile path: String) -> ThreadID? {
        let name = (path as NSString).lastPathComponent
        guard name.hasSuffix(fileSuffix), name.count > fileSuffix.count else { return nil }
        return ThreadID(String(name.dropLast(fileSuffix.count)))
    }

    /// The gold files directly inside `directory`, sorted by name.
    public static func goldFiles(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { threadID(forGoldFile: $0) != nil }.sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
    }

    /// The annotations of one thread.
    public func annotations(of thread: ThreadID) -> [GoldAnnotation] {
        annotations.filter { $0.thread == thread }
    }

    /// The threads annotated, in the order first loaded.
    public var threads: [ThreadID] {
        var seen: Set<ThreadID> = []
        return annotations.map(\.thread).filter { seen.insert($0).inserted }
    }

    /// Loads gold files and directories of gold files (every `*.gold.jsonl` directly inside,
    /// sorted by name). Never throws: every problem is a diagnostic, and the valid annotations
    /// of every file are returned. A comment annotated twice (in one file or two files of the
    /// same thread) keeps its first annotation.
    public static func load(paths: [String], taxonomy: GoldTaxonomy = .standard) -> (GoldSet, [Diagnostic]) {
        var set = GoldSet()
        var diagnostics: [Diagnostic] = []
        var seen: [CommentKey: SourceLocation] = [:]
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(.error("gold.not-found", "no such gold file or directory", at: SourceLocation(file: path, line: 1)))
                continue
            }
            let files: [String]
            if isDirectory.boolValue {
                files = goldFiles(in: path)
                if files.isEmpty {
                    diagnostics.append(.error("gold.none", "the directory holds no gold files (NAME\(fileSuffix))", at: SourceLocation(file: path, line: 1)))
                }
            } else {
                files = [path]
            }
            for file in files {
                guard let thread = threadID(forGoldFile: file) else {
                    diagnostics.append(.error("gold.file-name", "a gold file is named NAME\(fileSuffix), where NAME is the thread it annotates", at: SourceLocation(file: file, line: 1)))
                    continue
                }
                guard let data = FileManager.default.contents(atPath: file) else {
                    diagnostics.append(.error("gold.unreadable", "cannot read the gold file", at: SourceLocation(file: file, line: 1)))
                    continue
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    diagnostics.append(.error("gold.encoding", "the gold file is not valid UTF-8", at: SourceLocation(file: file, line: 1)))
                    continue
                }
                let (parsed, fileDiagnostics) = parse(text, thread: thread, source: file, taxonomy: taxonomy)
                diagnostics += fileDiagnostics
                set.files.append(file)
                for annotation in parsed.annotations {
                    if let first = seen[annotation.key] {
                        diagnostics.append(.error("gold.duplicate-id", "comment '\(annotation.id)' of thread '\(thread)' is already annotated at \(first); this annotation is ignored", at: annotation.location))
                        continue
                    }
                    seen[annotation.key] = annotation.location
                    set.annotations.append(annotation)
                }
            }
        }
        return (set, diagnostics)
    }

    /// Parses the text of one gold file annotating `thread`; `source` names it in diagnostics.
    /// Duplicate ids inside the text are reported here; `load` also checks across files.
    public static func parse(_ text: String, thread: ThreadID, source: String,
                             taxonomy: GoldTaxonomy = .standard) -> (GoldSet, [Diagnostic]) {
        var set = GoldSet(files: [source])
        var diagnostics: [Diagnostic] = []
        var seen: [CommentID: Int] = [:]
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine
            if line.hasSuffix("\r") { line = line.dropLast() }
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            var parser = GoldLineParser(source: source, line: lineNumber, thread: thread, taxonomy: taxonomy)
            let annotation = parser.parse(line)
            diagnostics += parser.diagnostics
            // Ids are checked even on lines with errors, so fixing one line cannot silently
            // turn a later line into a duplicate.
            guard let id = parser.id else { continue }
            if let first = seen[id] {
                diagnostics.append(.error("gold.duplicate-id", "comment '\(id)' is already annotated on line \(first); this annotation is ignored",
                                          at: SourceLocation(file: source, line: lineNumber, column: parser.idColumn)))
                continue
            }
            seen[id] = lineNumber
            if let annotation { set.annotations.append(annotation) }
        }
        if set.annotations.isEmpty, !diagnostics.hasErrors {
            diagnostics.append(.warning("gold.empty", "the gold file annotates no comments", at: SourceLocation(file: source, line: 1)))
        }
        return (set, diagnostics)
    }
}

/// Validates one line of a gold file into an annotation, collecting every problem on it.
private struct GoldLineParser {
    let source: String
    let line: Int
    let thread: ThreadID
    let taxonomy: GoldTaxonomy
    var diagnostics: [Diagnostic] = []
    /// The line's comment id, when it could be read (even if the line has other errors).
    var id: CommentID?
    var idColumn = 1

    static let keys = ["id", "sentiment", "topics", "claims", "stance"]
    static let claimKeys = ["type", "subject", "value", "region"]

    init(source: String, line: Int, thread: ThreadID, taxonomy: GoldTaxonomy) {
        self.source = source
        self.line = line
        self.thread = thread
        self.taxonomy = taxonomy
    }

    private func at(_ column: Int) -> SourceLocation { SourceLocation(file: source, line: line, column: column) }

    private mutating func error(_ code: String, _ message: String, column: Int) {
        diagnostics.append(.error(code, message, at: at(column)))
    }

    private mutating func warning(_ code: String, _ message: String, column: Int) {
        diagnostics.append(.warning(code, message, at: at(column)))
    }

    private func suggestion(_ name: String, _ candidates: [String]) -> String {
        closestMatch(to: name, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    private func expected(_ candidates: [String]) -> String {
        candidates.map { "'\($0)'" }.joined(separator: ", ")
    }

    /// The annotation on this line, or nil when the line has any error.
    mutating func parse(_ text: Substring) -> GoldAnnotation? {
        let node: JSONNode
        switch JSONLineParser.parse(text) {
        case .failure(let syntax):
            error("gold.json", "invalid JSON: \(syntax.message)", column: syntax.column)
            return nil
        case .success(let parsed):
            node = parsed.node
            for duplicate in parsed.duplicateKeys {
                error("gold.duplicate-key", "the key \"\(duplicate.key)\" occurs twice in one object", column: duplicate.column)
            }
        }
        guard let members = node.members else {
            error("gold.record", "expected a JSON object per line, found \(node.kindDescription)", column: node.column)
            return nil
        }
        for member in members where !Self.keys.contains(member.key) {
            warning("gold.unknown-key", "unknown key \"\(member.key)\" is ignored\(suggestion(member.key, Self.keys))", column: member.keyColumn)
        }
        id = parseID(node)
        for key in Self.keys.dropFirst() where node[key] == nil {
            error("gold.missing-key", "missing key \"\(key)\" (every annotation has id, sentiment, topics, claims and stance; use null or [] for none)", column: node.column)
        }
        var sentiment: String?, stance: String?
        var topics: [String] = [], claims: [ClaimTuple] = []
        if let field = node["sentiment"] { sentiment = parseLabel(field, field: "sentiment", labels: taxonomy.sentimentLabels) }
        if let field = node["stance"] { stance = parseLabel(field, field: "stance", labels: taxonomy.stanceLabels) }
        if let field = node["topics"] { topics = parseTopics(field) }
        if let field = node["claims"] { claims = parseClaims(field) }
        guard !diagnostics.hasErrors, let id else { return nil }
        return GoldAnnotation(thread: thread, id: id, sentiment: sentiment, topics: topics, claims: claims, stance: stance,
                              location: SourceLocation(file: source, line: line))
    }

    private mutating func parseID(_ node: JSONNode) -> CommentID? {
        guard let idNode = node["id"] else {
            error("gold.id", "missing key \"id\" (the comment id, such as \"2.1\")", column: node.column)
            return nil
        }
        idColumn = idNode.column
        guard let text = idNode.stringValue else {
            error("gold.id", "\"id\" must be a string (such as \"2.1\"), found \(idNode.kindDescription)", column: idNode.column)
            return nil
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            error("gold.id", "\"id\" is empty", column: idNode.column)
            return nil
        }
        return CommentID(trimmed)
    }

    /// A label or null. Unknown labels are errors with a suggestion.
    private mutating func parseLabel(_ node: JSONNode, field: String, labels: [String]) -> String? {
        if node.isNull { return nil }
        guard let text = node.stringValue else {
            error("gold.type", "\"\(field)\" must be a label or null, found \(node.kindDescription)", column: node.column)
            return nil
        }
        guard labels.contains(text) else {
            error("gold.\(field)", "unknown \(field) label '\(text)'\(suggestion(text, labels)); expected \(expected(labels)) or null", column: node.column)
            return nil
        }
        return text
    }

    private mutating func parseTopics(_ node: JSONNode) -> [String] {
        guard let items = node.arrayValue else {
            error("gold.type", "\"topics\" must be a list of topic names, found \(node.kindDescription)", column: node.column)
            return []
        }
        var topics: [String] = []
        for item in items {
            guard let topic = item.stringValue else {
                error("gold.type", "a topic must be a string, found \(item.kindDescription)", column: item.column)
                continue
            }
            guard taxonomy.topics.contains(topic) else {
                error("gold.topic", "unknown topic '\(topic)'\(suggestion(topic, taxonomy.topics)); expected one of \(expected(taxonomy.topics))", column: item.column)
                continue
            }
            if topics.contains(topic) {
                warning("gold.duplicate-topic", "topic '\(topic)' is listed twice", column: item.column)
                continue
            }
            topics.append(topic)
        }
        return topics
    }

    private mutating func parseClaims(_ node: JSONNode) -> [ClaimTuple] {
        guard let items = node.arrayValue else {
            error("gold.type", "\"claims\" must be a list of claim objects, found \(node.kindDescription)", column: node.column)
            return []
        }
        var claims: [ClaimTuple] = []
        for item in items {
            guard let claim = parseClaim(item) else { continue }
            if claims.contains(claim) {
                warning("gold.duplicate-claim", "the claim '\(claim)' is listed twice", column: item.column)
                continue
            }
            claims.append(claim)
        }
        return claims
    }

    private mutating func parseClaim(_ node: JSONNode) -> ClaimTuple? {
        guard let members = node.members else {
            error("gold.type", "a claim must be an object {\"type\", \"subject\", \"value\"}, found \(node.kindDescription)", column: node.column)
            return nil
        }
        for member in members where !Self.claimKeys.contains(member.key) {
            warning("gold.unknown-key", "unknown claim key \"\(member.key)\" is ignored\(suggestion(member.key, Self.claimKeys))", column: member.keyColumn)
        }
        let errorsBefore = diagnostics.filter { $0.severity == .error }.count
        func string(_ key: String, code: String) -> (String, Int)? {
            guard let field = node[key] else {
                error(code, "the claim has no \"\(key)\"", column: node.column)
                return nil
            }
            guard let text = field.stringValue else {
                error("gold.type", "the claim's \"\(key)\" must be a string, found \(field.kindDescription)", column: field.column)
                return nil
            }
            return (text, field.column)
        }
        let typeField = string("type", code: "gold.claim-type")
        let subjectField = string("subject", code: "gold.claim-subject")
        let valueField = string("value", code: "gold.claim-value")

        var type: GoldTaxonomy.ClaimType?
        if let (name, column) = typeField {
            type = taxonomy.claimType(named: name)
            if type == nil {
                let names = taxonomy.claimTypes.map(\.name)
                error("gold.claim-type", "unknown claim type '\(name)'\(suggestion(name, names)); expected one of \(expected(names))", column: column)
            }
        }
        if let type, let (value, column) = valueField, !type.values.contains(value) {
            error("gold.claim-value", "'\(value)' is not a value of \(type.name)\(suggestion(value, type.values)); expected \(expected(type.values))", column: column)
        }
        var subject = ""
        if let (raw, column) = subjectField {
            subject = ClaimNormalization.subject(raw)
            if raw.trimmingCharacters(in: .whitespaces) == ClaimNormalization.unresolvedSubject {
                error("gold.claim-subject", "'?' marks a subject the tool could not resolve; gold names the subject (or '*' for resellers in general)", column: column)
            } else if subject.isEmpty {
                error("gold.claim-subject", "the subject '\(raw)' has no letters, digits or Han characters", column: column)
            } else if subject != raw {
                warning("gold.subject-form", "the subject '\(raw)' is compared as '\(subject)'; write it that way", column: column)
            }
        }
        var region: String?
        let regionNode = node["region"]
        if let type, type.hasRegion {
            if let regionNode, let raw = regionNode.stringValue {
                region = ClaimNormalization.region(raw)
                if !GoldTaxonomy.regions.contains(region!) {
                    let hint = suggestion(region!, GoldTaxonomy.regionGroups + GoldTaxonomy.regions.sorted())
                    error("gold.claim-region", "unknown region '\(raw)'\(hint); expected an ISO 3166 alpha-2 code, EU or INTL", column: regionNode.column)
                }
            } else if let regionNode {
                error("gold.claim-region", "a \(type.name) claim needs a region (an ISO 3166 alpha-2 code, EU or INTL), found \(regionNode.kindDescription)", column: regionNode.column)
            } else {
                error("gold.claim-region", "a \(type.name) claim needs a \"region\" (an ISO 3166 alpha-2 code, EU or INTL)", column: node.column)
            }
        } else if let type, let regionNode, !regionNode.isNull {
            error("gold.claim-region", "a \(type.name) claim has no region; only claim types with regions (\(expected(taxonomy.claimTypes.filter(\.hasRegion).map(\.name)))) take one", column: regionNode.column)
        }
        guard diagnostics.filter({ $0.severity == .error }).count == errorsBefore,
              let type, let (value, _) = valueField else { return nil }
        return ClaimTuple(type: type.name, subject: subject, value: value, region: region)
    }
}
