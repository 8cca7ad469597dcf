/// Stance cues (`models/stance.tsv`, format `stance-cues/1`): agreement and disagreement phrases
/// in English and Chinese, where in a comment they count, the negators that flip them, and the
/// weights of cues against claims that agree with or contradict the parent's.
public struct StanceModel: Sendable {
    /// Where a cue counts.
    public enum Position: String, Hashable, Sendable, CaseIterable {
        /// Among the first words of the comment ("nah", "yeah", "对").
        case start
        /// Anywhere ("I beg to differ", "同意").
        case anywhere
    }

    /// One cue: the stance it signals and where it counts.
    public struct Cue: Hashable, Sendable {
        public var stance: Stance
        public var position: Position
        public var source: SourceLocation
    }

    /// The settings `setting` records may change, with their defaults and ranges.
    public static let settingDefaults: [(name: String, value: Double, range: ClosedRange<Double>)] = [
        ("start-words", 4, 1...20),
        ("negation-window", 3, 0...10),
        ("cue-weight", 1, 0...10),
        ("claim-weight", 1, 0...10),
        ("article-claim-weight", 0, 0...10),
    ]

    public var cues = UnitTrie<Cue>()
    public var negators = UnitTrie<Bool>()
    /// Lines starting with one of these quote another comment: no cues from them.
    public var quoteLines: [String] = []
    /// Sentences ending with one of these are questions: no cues from them.
    public var questionMarks: Set<String> = []
    /// How many word units from the start a `start` cue may begin.
    public var startWords = 4
    /// How many units before a cue a negator flips it.
    public var negationWindow = 3
    public var cueWeight = 1.0
    public var claimWeight = 1.0
    /// The weight of claims toward the article (for top-level comments).
    public var articleClaimWeight = 0.0

    public init() {}

    /// Loads `stance.tsv`: `kind<TAB>phrase[<TAB>start|anywhere]`, kinds `agree`, `disagree`,
    /// `negator`, `quote-line`, `question-mark` and `setting` (phrase = name, column 3 = value).
    public static func load(_ loader: inout ModelLoader) -> StanceModel {
        var model = StanceModel()
        guard let file = loader.read("stance.tsv", format: "stance-cues") else { return model }
        let kinds = ["agree", "disagree", "negator", "quote-line", "question-mark", "setting"]
        var seen: [String: SourceLocation] = [:]
        for record in file.records {
            guard record.expectColumns(2...3, diagnostics: &loader.diagnostics) else { continue }
            guard let kind = record.field(0), let phrase = record.field(1) else {
                loader.diagnostics.append(.error("model.empty-field", "kind and phrase must not be empty", at: record.location()))
                continue
            }
            switch kind {
            case "agree", "disagree":
                var position = Position.anywhere
                if let text = record.field(2) {
                    guard let parsed = Position(rawValue: text) else {
                        let suggestion = closestMatch(to: text, in: Position.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
                        loader.diagnostics.append(.error("stance.position", "unknown position '\(text)'\(suggestion); expected start or anywhere", at: record.location(field: 2)))
                        continue
                    }
                    position = parsed
                }
                let units = loader.units(of: phrase)
                guard !units.isEmpty else {
                    loader.diagnostics.append(.error("stance.empty", "cue '\(phrase)' has no lookup units", at: record.location(field: 1)))
                    continue
                }
                let key = units.joined(separator: " ")
                if let earlier = seen[key] {
                    loader.diagnostics.append(.warning("stance.duplicate", "cue '\(phrase)' is already defined at \(earlier)", at: record.location(field: 1)))
                    continue
                }
                seen[key] = record.location(field: 1)
                model.cues.insert(units: units, value: Cue(stance: kind == "agree" ? .agree : .disagree, position: position, source: record.location(field: 1)))
            case "negator", "question-mark":
                guard record.field(2) == nil else {
                    loader.diagnostics.append(.error("stance.column-count", "a \(kind) takes no third column", at: record.location(field: 2)))
                    continue
                }
                let units = loader.units(of: phrase)
                guard !units.isEmpty else {
                    loader.diagnostics.append(.error("stance.empty", "'\(phrase)' has no lookup units", at: record.location(field: 1)))
                    continue
                }
                if kind == "negator" { model.negators.insert(units: units, value: true) } else { model.questionMarks.insert(units.joined()) }
            case "quote-line":
                model.quoteLines.append(phrase)
            case "setting":
                guard let setting = settingDefaults.first(where: { $0.name == phrase }) else {
                    let suggestion = closestMatch(to: phrase, in: settingDefaults.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
                    loader.diagnostics.append(.error("stance.setting", "unknown setting '\(phrase)'\(suggestion)", at: record.location(field: 1)))
                    continue
                }
                guard let value = record.number(2, in: setting.range, diagnostics: &loader.diagnostics) else { continue }
                switch setting.name {
                case "start-words": model.startWords = Int(value)
                case "negation-window": model.negationWindow = Int(value)
                case "cue-weight": model.cueWeight = value
                case "claim-weight": model.claimWeight = value
                default: model.articleClaimWeight = value
                }
            default:
                let suggestion = closestMatch(to: kind, in: kinds).map { " (did you mean '\($0)'?)" } ?? ""
                loader.diagnostics.append(.error("stance.kind", "unknown kind '\(kind)'\(suggestion)", at: record.location(field: 0)))
            }
        }
        return model
    }
}

/// A comment's stance toward its parent (toward the article for a top-level comment).
public enum Stance: String, Hashable, Sendable, CaseIterable {
    case agree, disagree, none
}
