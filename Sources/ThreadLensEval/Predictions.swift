import Foundation
import ThreadLensCore

/// What the tool said about one comment, reduced to what SPEC §6 scores.
public struct Prediction: Hashable, Sendable {
    public var thread: ThreadID
    public var id: CommentID
    /// The sentiment label, or nil when the record has none.
    public var sentiment: String?
    /// The topic names, without duplicates, in the order given.
    public var topics: [String]
    /// The claims as given (the scorer normalises them); duplicates are harmless (set semantics).
    public var claims: [ClaimTuple]
    /// The stance label, or nil when the record has none.
    public var stance: String?
    /// The record it was read from, when read from a file.
    public var location: SourceLocation?

    public init(thread: ThreadID, id: CommentID, sentiment: String? = nil, topics: [String] = [],
                claims: [ClaimTuple] = [], stance: String? = nil, location: SourceLocation? = nil) {
        self.thread = thread
        self.id = id
        self.sentiment = sentiment
        var seen: Set<String> = []
        self.topics = topics.filter { seen.insert($0).inserted }
        self.claims = claims
        self.stance = stance
        self.location = location
    }

    public var key: CommentKey { CommentKey(thread: thread, id: id) }
}

/// The tool's predictions for many comments: from SPEC §5 records (`analyze --format jsonl`)
/// or straight from analysed threads.
///
/// Reading records, the keys `thread` and `id` (strings) are required; `sentiment` is
/// `{"label": …}` (a bare label string is accepted too), `topics` a list of `{"topic": …}`
/// (or of names), `claims` a list of `{"type", "subject", "value", "region"}`, `stance` a label;
/// any of these may be missing or null (predicted nothing). Other keys are ignored, as SPEC §5
/// allows more. A record that breaks these rules is reported and left out, so its comment counts
/// as missing. Diagnostic codes: `pred.not-found`, `pred.unreadable`, `pred.encoding`,
/// `pred.json`, `pred.duplicate-key`, `pred.record`, `pred.missing-key`, `pred.type`,
/// `pred.duplicate-id` (warning: the first record of a comment is used), `pred.unknown-label`
/// (warning), `pred.empty` (warning).
public struct PredictionSet: Hashable, Sendable {
    /// The predictions, first per comment, in input order.
    public private(set) var predictions: [Prediction]
    private var index: [CommentKey: Int]

    /// A set of predictions; when a comment occurs twice the first prediction is kept.
    public init(_ predictions: [Prediction] = []) {
        self.predictions = []
        self.index = [:]
        for prediction in predictions { insert(prediction) }
    }

    /// The predictions of analysed threads: every comment's sentiment label, topic names,
    /// claims and stance, as the SPEC §5 record carries them.
    public init(analyzed threads: [AnalyzedThread]) {
        self.init(threads.flatMap { thread in
            thread.comments.map { comment in
                Prediction(
                    thread: thread.thread.id,
                    id: comment.id,
                    sentiment: comment.sentiment.label.rawValue,
                    topics: comment.topics.map(\.topic),
                    claims: comment.claims.map { ClaimTuple(type: $0.type, subject: $0.subject, value: $0.value, region: $0.region) },
                    stance: comment.stance.rawValue,
                    location: comment.comment.location
                )
            }
        })
    }

    /// Adds a prediction; returns false (and keeps the earlier one) when its comment already has one.
    @discardableResult
    public mutating func insert(_ prediction: Prediction) -> Bool {
        guard index[prediction.key] == nil else { return false }
        index[prediction.key] = predictions.count
        predictions.append(prediction)
        return true
    }

    /// The prediction for a comment, if any.
    public func prediction(for key: CommentKey) -> Prediction? {
        index[key].map { predictions[$0] }
    }

    public var count: Int { predictions.count }

    /// Reads SPEC §5 records from a file, or from standard input when `path` is `-`.
    public static func load(path: String, taxonomy: GoldTaxonomy = .standard) -> (PredictionSet, [Diagnostic]) {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard FileManager.default.fileExists(atPath: path) else {
                return (PredictionSet(), [.error("pred.not-found", "no such predictions file", at: SourceLocation(file: path, line: 1))])
            }
            guard let contents = FileManager.default.contents(atPath: path) else {
                return (PredictionSet(), [.error("pred.unreadable", "cannot read the predictions file", at: SourceLocation(file: path, line: 1))])
            }
            data = contents
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (PredictionSet(), [.error("pred.encoding", "the predictions are not valid UTF-8", at: SourceLocation(file: path, line: 1))])
        }
        return parse(jsonLines: text, source: path, taxonomy: taxonomy)
    }

    /// Parses SPEC §5 records, one JSON object per line; `source` names the text in diagnostics.
    /// `taxonomy` only decides which labels get an "unknown label" warning.
    public static func parse(jsonLines text: String, source: String, taxonomy: GoldTaxonomy = .standard) -> (PredictionSet, [Diagnostic]) {
        var set = PredictionSet()
        var diagnostics: [Diagnostic] = []
        var firstLine: [CommentKey: Int] = [:]
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine
            if line.hasSuffix("\r") { line = line.dropLast() }
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            var reader = PredictionRecordReader(source: source, line: lineNumber, taxonomy: taxonomy)
            let prediction = reader.read(line)
            diagnostics += reader.diagnostics
            guard let prediction else { continue }
            if let first = firstLine[prediction.key] {
                diagnostics.append(.warning("pred.duplicate-id", "comment '\(prediction.id)' of thread '\(prediction.thread)' already has a record on line \(first); this one is ignored",
                                            at: SourceLocation(file: source, line: lineNumber)))
                continue
            }
            firstLine[prediction.key] = lineNumber
            set.insert(prediction)
        }
        if set.predictions.isEmpty, !diagnostics.hasErrors {
            diagnostics.append(.warning("pred.empty", "no prediction records", at: SourceLocation(file: source, line: 1)))
        }
        return (set, diagnostics)
    }
}

/// Reads one SPEC §5 record, collecting every problem on its line.
private struct PredictionRecordReader {
    let source: String
    let line: Int
    let taxonomy: GoldTaxonomy
    var diagnostics: [Diagnostic] = []

    init(source: String, line: Int, taxonomy: GoldTaxonomy) {
        self.source = source
        self.line = line
        self.taxonomy = taxonomy
    }

    private mutating func error(_ code: String, _ message: String, column: Int) {
        diagnostics.append(.error(code, message, at: SourceLocation(file: source, line: line, column: column)))
    }

    private mutating func typeError(_ what: String, expected: String, found node: JSONNode) {
        error("pred.type", "\(what) must be \(expected), found \(node.kindDescription)", column: node.column)
    }

    private mutating func checkLabel(_ label: String, field: String, labels: [String], column: Int) {
        guard !labels.contains(label) else { return }
        let hint = closestMatch(to: label, in: labels).map { " (did you mean '\($0)'?)" } ?? ""
        diagnostics.append(.warning("pred.unknown-label", "unknown \(field) label '\(label)'\(hint); it is scored as a label of its own",
                                    at: SourceLocation(file: source, line: line, column: column)))
    }

    mutating func read(_ text: Substring) -> Prediction? {
        let node: JSONNode
        switch JSONLineParser.parse(text) {
        case .failure(let syntax):
            error("pred.json", "invalid JSON: \(syntax.message)", column: syntax.column)
            return nil
        case .success(let parsed):
            node = parsed.node
            for duplicate in parsed.duplicateKeys {
                error("pred.duplicate-key", "the key \"\(duplicate.key)\" occurs twice in one object", column: duplicate.column)
            }
        }
        guard node.members != nil else {
            error("pred.record", "expected a JSON object per line (an `analyze --format jsonl` record), found \(node.kindDescription)", column: node.column)
            return nil
        }
        var thread: String?, id: String?
        for key in ["thread", "id"] {
            guard let field = node[key] else {
                error("pred.missing-key", "missing key \"\(key)\" (records of `analyze --format jsonl` have it)", column: node.column)
                continue
            }
            guard let value = field.stringValue, !value.isEmpty else {
                typeError("\"\(key)\"", expected: "a non-empty string", found: field)
                continue
            }
            if key == "thread" { thread = value } else { id = value }
        }
        let sentiment = readSentiment(node["sentiment"])
        let topics = readTopics(node["topics"])
        let claims = readClaims(node["claims"])
        let stance = readStance(node["stance"])
        guard !diagnostics.hasErrors, let thread, let id else { return nil }
        return Prediction(thread: ThreadID(thread), id: CommentID(id), sentiment: sentiment, topics: topics, claims: claims,
                          stance: stance, location: SourceLocation(file: source, line: line))
    }

    private mutating func readSentiment(_ node: JSONNode?) -> String? {
        guard let node, !node.isNull else { return nil }
        var labelNode = node
        if node.members != nil {
            guard let inner = node["label"] else { return nil }
            if inner.isNull { return nil }
            labelNode = inner
        }
        guard let label = labelNode.stringValue else {
            typeError("\"sentiment\"", expected: "{\"label\": …}, a label or null", found: labelNode)
            return nil
        }
        checkLabel(label, field: "sentiment", labels: taxonomy.sentimentLabels, column: labelNode.column)
        return label
    }

    private mutating func readStance(_ node: JSONNode?) -> String? {
        guard let node, !node.isNull else { return nil }
        guard let label = node.stringValue else {
            typeError("\"stance\"", expected: "a label or null", found: node)
            return nil
        }
        checkLabel(label, field: "stance", labels: taxonomy.stanceLabels, column: node.column)
        return label
    }

    private mutating func readTopics(_ node: JSONNode?) -> [String] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.arrayValue else {
            typeError("\"topics\"", expected: "a list", found: node)
            return []
        }
        var topics: [String] = []
        for item in items {
            let nameNode = item.members != nil ? item["topic"] : item
            guard let nameNode, let name = nameNode.stringValue else {
                typeError("a topic", expected: "{\"topic\": NAME} or a name", found: item["topic"] ?? item)
                continue
            }
            topics.append(name)
        }
        return topics
    }

    private mutating func readClaims(_ node: JSONNode?) -> [ClaimTuple] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.arrayValue else {
            typeError("\"claims\"", expected: "a list", found: node)
            return []
        }
        var claims: [ClaimTuple] = []
        for item in items {
            guard item.members != nil else {
                typeError("a claim", expected: "an object", found: item)
                continue
            }
            var fields: [String: String] = [:]
            for key in ["type", "subject", "value"] {
                guard let field = item[key] else {
                    error("pred.missing-key", "the claim has no \"\(key)\"", column: item.column)
                    continue
                }
                guard let value = field.stringValue else {
                    typeError("the claim's \"\(key)\"", expected: "a string", found: field)
                    continue
                }
                fields[key] = value
            }
            var region: String?
            if let regionNode = item["region"], !regionNode.isNull {
                if let value = regionNode.stringValue { region = value } else { typeError("the claim's \"region\"", expected: "a string or null", found: regionNode) }
            }
            if let type = fields["type"], let subject = fields["subject"], let value = fields["value"] {
                claims.append(ClaimTuple(type: type, subject: subject, value: value, region: region))
            }
        }
        return claims
    }
}
