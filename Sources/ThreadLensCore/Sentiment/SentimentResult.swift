/// The sentiment of a comment toward the brand.

public enum SentimentLabel: String, Hashable, Sendable, CaseIterable {
    case positive, negative, neutral
}

public struct SentimentResult: Hashable, Sendable {
    public var label: SentimentLabel
    /// In [-1, 1].
    public var score: Double

    public init(label: SentimentLabel, score: Double) {
        self.label = label
        self.score = score
    }

    public static let neutral = SentimentResult(label: .neutral, score: 0)
}
