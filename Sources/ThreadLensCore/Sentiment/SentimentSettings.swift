/// The numbers the sentiment rules use (`models/sentiment/settings.tsv`, format
/// `sentiment-settings/1`: `key<TAB>value`). Every key is required, so no constant hides in the
/// code: VADER's empirically derived increments, the negation scalar, the label thresholds.
public struct SentimentSettings: Hashable, Sendable {
    /// Where a comment's or sentence's default target comes from when nothing in it names one.
    public enum DefaultTarget: String, Hashable, Sendable, CaseIterable {
        /// No target: the sentiment counts toward nothing.
        case none
        /// The thread's brand.
        case brand
        /// The parent comment's last target.
        case parent
    }

    /// `x / sqrt(x² + alpha)` maps a valence sum to [-1, 1] (VADER: 15).
    public var alpha: Double = 1
    /// Multiplies a negated sentiment word (VADER: -0.74).
    public var negationScalar: Double = 0
    /// Words a negator reaches when its entry gives no scope (VADER: 3).
    public var negationWindow: Int = 0
    /// Whether a clause break (",", "，") ends a negator's scope.
    public var negationStopsAtClauseBreak = false
    /// Multiplies a negated positive superlative ("not the best").
    public var negatedPositiveSuperlative: Double = 0
    /// Multiplies a negated negative superlative ("not the worst").
    public var negatedNegativeSuperlative: Double = 0
    /// A booster 1, 2 and 3 words away has its increment scaled by these (VADER: 1, 0.95, 0.9).
    public var boosterDecay: [Double] = []
    /// Added to an ALL-CAPS sentiment word (or booster) amid mixed-case text (VADER: 0.733).
    public var capsIncrement: Double = 0
    /// Emphasis per exclamation mark (VADER: 0.292), up to `exclamationMaxCount` marks.
    public var exclamationIncrement: Double = 0
    public var exclamationMaxCount: Int = 0
    /// Question marks add `questionIncrement` each from `questionMinCount` up to
    /// `questionMaxCount` marks, and `questionSaturated` beyond (VADER: 0.18, 2, 3, 0.96).
    public var questionIncrement: Double = 0
    public var questionMinCount: Int = 0
    public var questionMaxCount: Int = 0
    public var questionSaturated: Double = 0
    /// Multiplies a question's sentiment, by target mode (a question asks; it rarely asserts).
    public var questionScalarBrand: Double = 0
    public var questionScalarAny: Double = 0
    /// Label thresholds on the [-1, 1] score, by target mode: score ≥ positive is positive,
    /// ≤ negative is negative (VADER's compound: ±0.05).
    public var labelBrandPositive: Double = 1
    public var labelBrandNegative: Double = -1
    public var labelAnyPositive: Double = 1
    public var labelAnyNegative: Double = -1
    /// The article's thresholds in brand mode: news reports problems in a neutral register, so
    /// only a strongly evaluative article is labelled.
    public var labelArticlePositive: Double = 1
    public var labelArticleNegative: Double = -1
    /// Whether the parts of a hyphenated compound that is not itself an entry ("warm-up",
    /// "user-friendly") carry their own valence (VADER reads the compound as one unknown word).
    public var compoundPartsCount = false
    /// A storefront word at most this many words after the brand's name is the brand's store
    /// ("Xiaomi's own store": 1).
    public var storefrontReach: Int = 0
    /// Whether a clause that names no target takes the sentence's first target only when that
    /// comes before it ("great phone, cheap too"), not after ("awful day at work, anyway I
    /// ordered the Xiaomi").
    public var sentenceFocusOnlyBefore = false
    /// A mention at most this many words after a sentiment word is its target ("crap shops").
    public var adjacentWindow: Int = 0
    /// The default target of the article's sentences and of comments' first sentences.
    public var articleDefault: DefaultTarget = .none
    public var commentDefault: DefaultTarget = .none

    public init() {}

    /// The label of a score under `target`'s thresholds (the article's own in brand mode).
    public func label(for score: Double, target: AnalysisOptions.Target, isArticle: Bool = false) -> SentimentLabel {
        let (positive, negative) = target == .any ? (labelAnyPositive, labelAnyNegative)
            : isArticle ? (labelArticlePositive, labelArticleNegative) : (labelBrandPositive, labelBrandNegative)
        if score >= positive { return .positive }
        if score <= negative { return .negative }
        return .neutral
    }

    /// Maps a valence sum to [-1, 1].
    public func normalize(_ sum: Double) -> Double {
        guard sum != 0 else { return 0 }
        let value = sum / (sum * sum + alpha).squareRoot()
        return min(1, max(-1, value))
    }

    /// Emphasis from `exclamations` and `questions` marks in one sentence.
    public func punctuationEmphasis(exclamations: Double, questions: Double) -> Double {
        var emphasis = min(exclamations, Double(exclamationMaxCount)) * exclamationIncrement
        if questions >= Double(questionMinCount) {
            emphasis += questions <= Double(questionMaxCount) ? questions * questionIncrement : questionSaturated
        }
        return emphasis
    }

    // MARK: Loading

    private enum Kind: Sendable {
        case number(ClosedRange<Double>), integer(ClosedRange<Int>), bool, list(ClosedRange<Double>), choice([String])
    }

    private struct Key: Sendable {
        var name: String
        var kind: Kind
        var apply: @Sendable (inout SentimentSettings, SettingValue) -> Void
    }

    private enum SettingValue: Sendable {
        case number(Double), integer(Int), bool(Bool), list([Double]), choice(String)
        var number: Double { if case .number(let v) = self { return v }; return 0 }
        var integer: Int { if case .integer(let v) = self { return v }; return 0 }
        var bool: Bool { if case .bool(let v) = self { return v }; return false }
        var list: [Double] { if case .list(let v) = self { return v }; return [] }
        var choice: String { if case .choice(let v) = self { return v }; return "" }
    }

    private static let keys: [Key] = [
        Key(name: "scale.alpha", kind: .number(0.001...1000)) { $0.alpha = $1.number },
        Key(name: "negation.scalar", kind: .number(-4...4)) { $0.negationScalar = $1.number },
        Key(name: "negation.window", kind: .integer(0...10)) { $0.negationWindow = $1.integer },
        Key(name: "negation.stops-at-clause-break", kind: .bool) { $0.negationStopsAtClauseBreak = $1.bool },
        Key(name: "negation.superlative-positive", kind: .number(-4...4)) { $0.negatedPositiveSuperlative = $1.number },
        Key(name: "negation.superlative-negative", kind: .number(-4...4)) { $0.negatedNegativeSuperlative = $1.number },
        Key(name: "booster.decay", kind: .list(0...4)) { $0.boosterDecay = $1.list },
        Key(name: "caps.increment", kind: .number(0...4)) { $0.capsIncrement = $1.number },
        Key(name: "exclamation.increment", kind: .number(0...4)) { $0.exclamationIncrement = $1.number },
        Key(name: "exclamation.max-count", kind: .integer(0...100)) { $0.exclamationMaxCount = $1.integer },
        Key(name: "question.increment", kind: .number(0...4)) { $0.questionIncrement = $1.number },
        Key(name: "question.min-count", kind: .integer(0...100)) { $0.questionMinCount = $1.integer },
        Key(name: "question.max-count", kind: .integer(0...100)) { $0.questionMaxCount = $1.integer },
        Key(name: "question.saturated", kind: .number(0...4)) { $0.questionSaturated = $1.number },
        Key(name: "question.scalar.brand", kind: .number(-4...4)) { $0.questionScalarBrand = $1.number },
        Key(name: "question.scalar.any", kind: .number(-4...4)) { $0.questionScalarAny = $1.number },
        Key(name: "label.brand.positive", kind: .number(0...1)) { $0.labelBrandPositive = $1.number },
        Key(name: "label.brand.negative", kind: .number(-1...0)) { $0.labelBrandNegative = $1.number },
        Key(name: "label.any.positive", kind: .number(0...1)) { $0.labelAnyPositive = $1.number },
        Key(name: "label.any.negative", kind: .number(-1...0)) { $0.labelAnyNegative = $1.number },
        Key(name: "label.article.positive", kind: .number(0...1)) { $0.labelArticlePositive = $1.number },
        Key(name: "label.article.negative", kind: .number(-1...0)) { $0.labelArticleNegative = $1.number },
        Key(name: "compound.parts-count", kind: .bool) { $0.compoundPartsCount = $1.bool },
        Key(name: "target.storefront-reach", kind: .integer(0...10)) { $0.storefrontReach = $1.integer },
        Key(name: "target.sentence-focus-before-only", kind: .bool) { $0.sentenceFocusOnlyBefore = $1.bool },
        Key(name: "target.adjacent-window", kind: .integer(0...10)) { $0.adjacentWindow = $1.integer },
        Key(name: "target.article-default", kind: .choice(DefaultTarget.allCases.map(\.rawValue))) { $0.articleDefault = DefaultTarget(rawValue: $1.choice) ?? .none },
        Key(name: "target.comment-default", kind: .choice(DefaultTarget.allCases.map(\.rawValue))) { $0.commentDefault = DefaultTarget(rawValue: $1.choice) ?? .none },
    ]

    /// Every key the settings file must set.
    public static var keyNames: [String] { keys.map(\.name) }

    /// Reads settings records, reporting unknown keys (with a suggestion), bad values, duplicate
    /// and missing keys.
    static func parse(_ file: DataFile, diagnostics: inout [Diagnostic]) -> SentimentSettings {
        var settings = SentimentSettings()
        var seen: [String: SourceLocation] = [:]
        let names = keyNames
        for record in file.records {
            guard record.expectColumns(2...2, diagnostics: &diagnostics, code: "settings.column-count") else { continue }
            guard let name = record.field(0), let text = record.field(1) else {
                diagnostics.append(.error("settings.empty-field", "key and value must not be empty", at: record.location()))
                continue
            }
            guard let key = keys.first(where: { $0.name == name }) else {
                let suggestion = closestMatch(to: name, in: names).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.append(.error("settings.unknown-key", "unknown setting '\(name)'\(suggestion)", at: record.location()))
                continue
            }
            if let earlier = seen[name] {
                diagnostics.append(.error("settings.duplicate", "'\(name)' is already set at \(earlier)", at: record.location()))
                continue
            }
            seen[name] = record.location()
            let location = record.location(field: 1)
            switch key.kind {
            case .number(let range):
                guard let value = record.number(1, in: range, diagnostics: &diagnostics, code: "settings.number") else { continue }
                key.apply(&settings, .number(value))
            case .integer(let range):
                guard let value = Int(text), range.contains(value) else {
                    diagnostics.append(.error("settings.integer", "expected a whole number in \(range.lowerBound)…\(range.upperBound), found '\(text)'", at: location))
                    continue
                }
                key.apply(&settings, .integer(value))
            case .bool:
                guard text == "true" || text == "false" else {
                    diagnostics.append(.error("settings.bool", "expected 'true' or 'false', found '\(text)'", at: location))
                    continue
                }
                key.apply(&settings, .bool(text == "true"))
            case .list(let range):
                let parts = text.split(separator: " ", omittingEmptySubsequences: true)
                let values = parts.compactMap { Double($0) }
                guard !parts.isEmpty, values.count == parts.count, values.allSatisfy(range.contains) else {
                    diagnostics.append(.error("settings.list", "expected space-separated numbers in \(range.lowerBound)…\(range.upperBound), found '\(text)'", at: location))
                    continue
                }
                key.apply(&settings, .list(values))
            case .choice(let choices):
                guard choices.contains(text) else {
                    let suggestion = closestMatch(to: text, in: choices).map { " (did you mean '\($0)'?)" } ?? ""
                    diagnostics.append(.error("settings.choice", "unknown value '\(text)'\(suggestion); expected \(choices.joined(separator: ", "))", at: location))
                    continue
                }
                key.apply(&settings, .choice(text))
            }
        }
        for name in names where seen[name] == nil {
            diagnostics.append(.error("settings.missing", "setting '\(name)' is missing", at: SourceLocation(file: file.path, line: 1)))
        }
        return settings
    }
}
