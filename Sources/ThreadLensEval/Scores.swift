/// The numbers scores are made of: counts of true positives, false positives and false
/// negatives, and the ratios computed from them.
///
/// Zero denominators: a ratio whose denominator is 0 is 0, never NaN. So precision is 0 when
/// nothing was predicted, recall is 0 when nothing was expected, F1 is 0 when both are 0, and
/// an empty gold set scores 0 everywhere (there is nothing to have got right).
public struct PRF: Hashable, Sendable {
    public var truePositives: Int
    public var falsePositives: Int
    public var falseNegatives: Int

    public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    /// tp / (tp + fp), 0 when nothing was predicted.
    public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
    /// tp / (tp + fn), 0 when nothing was expected.
    public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
    /// The harmonic mean of precision and recall, 2tp / (2tp + fp + fn); 0 when that denominator is 0.
    public var f1: Double { ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives) }
    /// How many the gold holds (tp + fn).
    public var support: Int { truePositives + falseNegatives }
    /// How many were predicted (tp + fp).
    public var predicted: Int { truePositives + falsePositives }

    /// Counts a set of expected items against a set of predicted ones.
    public mutating func count<T: Hashable>(expected: Set<T>, predicted: Set<T>) {
        let hits = expected.intersection(predicted).count
        truePositives += hits
        falsePositives += predicted.count - hits
        falseNegatives += expected.count - hits
    }
}

/// `numerator / denominator`, or 0 when the denominator is 0.
func ratio(_ numerator: Int, _ denominator: Int) -> Double {
    denominator == 0 ? 0 : Double(numerator) / Double(denominator)
}

/// One row of a breakdown: a name (a label, topic or claim type) and its counts.
public struct NamedScore: Hashable, Sendable {
    public var name: String
    public var counts: PRF

    public init(name: String, counts: PRF) {
        self.name = name
        self.counts = counts
    }
}

/// Counts of (gold label, predicted label) pairs. Rows are gold labels; columns are predicted
/// labels, plus `ConfusionMatrix.nothing` when some comment got no label.
public struct ConfusionMatrix: Hashable, Sendable {
    /// The column of comments with no predicted label (no prediction, or a null label).
    public static let nothing = "(nothing)"

    public var rows: [String]
    public var columns: [String]
    /// `counts[row][column]`.
    public var counts: [[Int]]

    public init(rows: [String], columns: [String], counts: [[Int]]) {
        self.rows = rows
        self.columns = columns
        self.counts = counts
    }

    /// The count of comments labelled `gold` and predicted `predicted` (`nothing` for none).
    public func count(gold: String, predicted: String) -> Int {
        guard let row = rows.firstIndex(of: gold), let column = columns.firstIndex(of: predicted) else { return 0 }
        return counts[row][column]
    }
}

/// Scores of a single-label field (sentiment, stance) over the comments whose gold label is not null.
public struct LabelScores: Hashable, Sendable {
    /// The labels scored: those in the gold or predicted for the scored comments, in taxonomy
    /// order, then any others alphabetically. A label absent from both is left out.
    public var perLabel: [NamedScore]
    public var confusion: ConfusionMatrix
    /// Comments scored (gold label not null).
    public var support: Int
    /// Scored comments whose predicted label equals the gold one.
    public var correct: Int
    /// Scored comments with no predicted label.
    public var unpredicted: Int

    public init(perLabel: [NamedScore], confusion: ConfusionMatrix, support: Int, correct: Int, unpredicted: Int) {
        self.perLabel = perLabel
        self.confusion = confusion
        self.support = support
        self.correct = correct
        self.unpredicted = unpredicted
    }

    /// correct / support; 0 when nothing was scored.
    public var accuracy: Double { ratio(correct, support) }

    /// The mean F1 over `perLabel`; 0 when no label is scored.
    public var macroF1: Double {
        perLabel.isEmpty ? 0 : perLabel.map(\.counts.f1).reduce(0, +) / Double(perLabel.count)
    }

    /// The scores of one label (zero counts when it is not scored).
    public func scores(of label: String) -> PRF {
        perLabel.first { $0.name == label }?.counts ?? PRF()
    }
}

/// Micro-averaged scores of a set-valued field (topics, claims), with a breakdown by topic or
/// claim type.
public struct SetScores: Hashable, Sendable {
    /// Counts over all (comment, item) pairs together.
    public var overall: PRF
    /// Every topic or claim type of the taxonomy in its order, then any others seen, alphabetically.
    public var breakdown: [NamedScore]
    /// Predicted claims with subject `?`, which count neither way (always 0 for topics).
    public var unresolved: Int

    public init(overall: PRF, breakdown: [NamedScore], unresolved: Int = 0) {
        self.overall = overall
        self.breakdown = breakdown
        self.unresolved = unresolved
    }

    /// The counts of one topic or claim type (zero when never seen).
    public func scores(of name: String) -> PRF {
        breakdown.first { $0.name == name }?.counts ?? PRF()
    }
}
