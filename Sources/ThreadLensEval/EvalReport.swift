import ThreadLensCore

/// The scores of one evaluation run (SPEC §6), with the misses that explain them.
///
/// Scores are looked up by metric name with `metric(named:)`; names are listed by
/// `EvalReport.metricNames(taxonomy:)`:
///
/// | metric | meaning |
/// |---|---|
/// | `sentiment.macro_f1`, `sentiment.accuracy` | sentiment toward the brand |
/// | `sentiment.LABEL.precision` / `.recall` / `.f1` | one sentiment label |
/// | `topics.precision` / `.recall` / `.f1` | micro over (comment, topic) pairs |
/// | `topics.TOPIC.precision` / `.recall` / `.f1` | one topic |
/// | `claims.precision` / `.recall` / `.f1` | micro over claim tuples |
/// | `claims.TYPE.precision` / `.recall` / `.f1` | one claim type |
/// | `stance.accuracy` | stance toward the parent |
/// | `stance.LABEL.precision` / `.recall` / `.f1` | one stance label |
///
/// A metric with nothing to count is 0 (see `PRF`).
public struct EvalReport: Hashable, Sendable {
    /// The taxonomy scores were broken down by.
    public var taxonomy: GoldTaxonomy
    /// The gold files read.
    public var goldFiles: [String]
    /// Annotated comments (all scored).
    public var annotated: Int
    /// Annotated comments with no prediction, in gold order (scored as predicted nothing).
    public var missing: [CommentKey]
    /// Predictions for comments without gold (not scored).
    public var unscoredPredictions: Int
    public var sentiment: LabelScores
    public var topics: SetScores
    public var claims: SetScores
    public var stance: LabelScores
    /// Every difference between gold and prediction, in gold order.
    public var misses: [EvalMiss]

    public init(taxonomy: GoldTaxonomy, goldFiles: [String], annotated: Int, missing: [CommentKey], unscoredPredictions: Int,
                sentiment: LabelScores, topics: SetScores, claims: SetScores, stance: LabelScores, misses: [EvalMiss]) {
        self.taxonomy = taxonomy
        self.goldFiles = goldFiles
        self.annotated = annotated
        self.missing = missing
        self.unscoredPredictions = unscoredPredictions
        self.sentiment = sentiment
        self.topics = topics
        self.claims = claims
        self.stance = stance
        self.misses = misses
    }

    /// The version of the JSON this report writes (`json(…)`).
    public static let schema = "threadlens-eval/1"

    /// Every metric name a `--min` floor may use with `taxonomy`.
    public static func metricNames(taxonomy: GoldTaxonomy = .standard) -> [String] {
        let ratios = ["precision", "recall", "f1"]
        func each(_ prefix: String, _ names: [String]) -> [String] {
            names.flatMap { name in ratios.map { "\(prefix).\(name).\($0)" } }
        }
        return ["sentiment.macro_f1", "sentiment.accuracy"] + each("sentiment", taxonomy.sentimentLabels)
            + ratios.map { "topics.\($0)" } + each("topics", taxonomy.topics)
            + ratios.map { "claims.\($0)" } + each("claims", taxonomy.claimTypes.map(\.name))
            + ["stance.accuracy"] + each("stance", taxonomy.stanceLabels)
    }

    /// The metric names of this report: those of its taxonomy plus per-item ones for any other
    /// label, topic or claim type it saw.
    public var metricNames: [String] {
        var names = EvalReport.metricNames(taxonomy: taxonomy)
        let known = Set(names)
        let extra = sentiment.perLabel.map { "sentiment.\($0.name)" } + topics.breakdown.map { "topics.\($0.name)" }
            + claims.breakdown.map { "claims.\($0.name)" } + stance.perLabel.map { "stance.\($0.name)" }
        for prefix in extra {
            for ratio in ["precision", "recall", "f1"] where !known.contains("\(prefix).\(ratio)") {
                names.append("\(prefix).\(ratio)")
            }
        }
        return names
    }

    /// The value of a metric (see the table above), or nil for an unknown name. A per-item
    /// metric of an item this run never saw is 0.
    public func metric(named name: String) -> Double? {
        switch name {
        case "sentiment.macro_f1": return sentiment.macroF1
        case "sentiment.accuracy": return sentiment.accuracy
        case "stance.accuracy": return stance.accuracy
        default: break
        }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, let ratio = parts.last, ["precision", "recall", "f1"].contains(ratio) else { return nil }
        let field = parts[0]
        let counts: PRF
        if parts.count == 2 {
            switch field {
            case "topics": counts = topics.overall
            case "claims": counts = claims.overall
            default: return nil
            }
        } else {
            guard metricNames.contains(name) else { return nil }
            let item = parts[1..<(parts.count - 1)].joined(separator: ".")
            switch field {
            case "sentiment": counts = sentiment.scores(of: item)
            case "topics": counts = topics.scores(of: item)
            case "claims": counts = claims.scores(of: item)
            case "stance": counts = stance.scores(of: item)
            default: return nil
            }
        }
        switch ratio {
        case "precision": return counts.precision
        case "recall": return counts.recall
        default: return counts.f1
        }
    }

    /// Checks the report against floors: one result per floor, in the order given.
    public func check(_ floors: [MetricFloor]) -> [FloorCheck] {
        floors.map { floor in
            FloorCheck(floor: floor, value: metric(named: floor.metric))
        }
    }
}

/// A minimum a metric must reach (`--min claims.f1=0.5`).
public struct MetricFloor: Hashable, Sendable, CustomStringConvertible {
    public var metric: String
    public var minimum: Double

    public init(metric: String, minimum: Double) {
        self.metric = metric
        self.minimum = minimum
    }

    /// Parses `METRIC=VALUE` with VALUE in [0, 1]; `knownMetrics` (usually
    /// `EvalReport.metricNames(taxonomy:)`) are the valid names, and an unknown one gets a
    /// suggestion; nil checks the syntax only.
    public static func parse(_ text: String, knownMetrics: [String]? = EvalReport.metricNames()) throws(MetricFloorError) -> MetricFloor {
        guard let equals = text.firstIndex(of: "=") else {
            throw MetricFloorError("expected METRIC=VALUE (such as claims.f1=0.5), found '\(text)'")
        }
        let name = text[..<equals].trimmingCharacters(in: .whitespaces)
        let valueText = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw MetricFloorError("expected a metric name before '=' in '\(text)'") }
        if let knownMetrics, !knownMetrics.contains(name) {
            let hint = closestMatch(to: name, in: knownMetrics).map { " (did you mean '\($0)'?)" } ?? ""
            throw MetricFloorError("unknown metric '\(name)'\(hint); metrics are sentiment.macro_f1, sentiment.accuracy, topics.f1|precision|recall, claims.f1|precision|recall, stance.accuracy, and per item such as claims.reseller_legitimacy.f1")
        }
        guard let value = Double(valueText), value.isFinite else {
            throw MetricFloorError("expected a number after '=' in '\(text)', found '\(valueText)'")
        }
        guard (0...1).contains(value) else {
            throw MetricFloorError("the floor of \(name) must be between 0 and 1, found \(valueText)")
        }
        return MetricFloor(metric: name, minimum: value)
    }

    /// `METRIC=VALUE`.
    public var description: String { "\(metric)=\(JSONValue.number(minimum).serialized())" }
}

/// Why a `--min` floor could not be parsed.
public struct MetricFloorError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The outcome of one floor: the metric's value and whether it reaches the floor.
public struct FloorCheck: Hashable, Sendable, CustomStringConvertible {
    public var floor: MetricFloor
    /// nil when the report has no such metric (counts as failed).
    public var value: Double?

    public init(floor: MetricFloor, value: Double?) {
        self.floor = floor
        self.value = value
    }

    /// Whether the unrounded value is at least the floor. A tolerance of 1e-9 absorbs the
    /// rounding of exact ratios such as 2/3 so that a floor written as the ratio itself passes.
    public var passed: Bool {
        guard let value else { return false }
        return value + 1e-9 >= floor.minimum
    }

    /// `claims.f1 0.250 is under its floor 0.500` or `claims.f1 0.600 ≥ 0.500`.
    public var description: String {
        let shown = value.map { formatScore($0) } ?? "(no such metric)"
        let minimum = formatScore(floor.minimum)
        return passed ? "\(floor.metric) \(shown) >= \(minimum)" : "\(floor.metric) \(shown) is under its floor \(minimum)"
    }
}

/// A score with three decimals, as tables show it.
func formatScore(_ value: Double) -> String {
    let thousandths = Int((value * 1000).rounded())
    let whole = thousandths / 1000, fraction = abs(thousandths % 1000)
    let digits = String(fraction)
    return "\(whole).\(String(repeating: "0", count: 3 - digits.count))\(digits)"
}
