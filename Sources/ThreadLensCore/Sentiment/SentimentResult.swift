/// The sentiment of a comment toward the brand, with what each sentence contributed.

public enum SentimentLabel: String, Hashable, Sendable, CaseIterable {
    case positive, negative, neutral
}

public struct SentimentResult: Hashable, Sendable {
    public var label: SentimentLabel
    /// In [-1, 1].
    public var score: Double
    /// Per sentence: what counted and whom the rest was aimed at. Empty for `neutral`.
    public var sentences: [SentenceSentiment]

    public init(label: SentimentLabel, score: Double, sentences: [SentenceSentiment] = []) {
        self.label = label
        self.score = score
        self.sentences = sentences
    }

    public static let neutral = SentimentResult(label: .neutral, score: 0)

    /// Sentiment aimed at each non-brand target over the whole comment (resellers, commenters …),
    /// summed over sentences and normalised like the comment score.
    public func aimedElsewhere(settings: SentimentSettings) -> [TargetSentiment] {
        var sums: [TargetKey: Double] = [:]
        var order: [TargetKey] = []
        for sentence in sentences {
            for target in sentence.targets where !target.counted {
                let key = TargetKey(targetClass: target.targetClass, id: target.id)
                if sums[key] == nil { order.append(key) }
                sums[key, default: 0] += target.valence
            }
        }
        return order.map { TargetSentiment(targetClass: $0.targetClass, id: $0.id, valence: settings.normalize(sums[$0] ?? 0), counted: false) }
    }

    private struct TargetKey: Hashable {
        var targetClass: TargetClass?
        var id: String?
    }
}

/// One sentence's part in a comment's sentiment.
public struct SentenceSentiment: Hashable, Sendable {
    /// The sentence's index in `TokenizedText.sentences`.
    public var index: Int
    /// The valence sum that counted under the run's target mode (emphasis included).
    public var counted: Double
    /// The valence sum of every sentiment word, whatever its target (emphasis included).
    public var all: Double
    /// The valence aimed at each target the sentence names or implies.
    public var targets: [TargetSentiment]

    public init(index: Int, counted: Double, all: Double, targets: [TargetSentiment]) {
        self.index = index
        self.counted = counted
        self.all = all
        self.targets = targets
    }
}

/// Sentiment aimed at one target.
public struct TargetSentiment: Hashable, Sendable {
    /// The target's class; nil when no target could be found.
    public var targetClass: TargetClass?
    /// The entity id (`xiaomi`, `xiaomiworld`) when the target is a recognised entity.
    public var id: String?
    /// A valence sum (per sentence) or a normalised score (per comment).
    public var valence: Double
    /// Whether it counted toward the comment's score.
    public var counted: Bool

    public init(targetClass: TargetClass?, id: String?, valence: Double, counted: Bool) {
        self.targetClass = targetClass
        self.id = id
        self.valence = valence
        self.counted = counted
    }
}
