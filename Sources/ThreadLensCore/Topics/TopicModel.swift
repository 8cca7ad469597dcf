/// Topic definitions. PLACEHOLDER until the sentiment issue lands.
public struct TopicModel: Sendable {
    public init() {}
    public static func load(_ loader: inout ModelLoader) -> TopicModel { TopicModel() }
}

/// One topic a comment touches, with the sentiment toward the brand in the sentences about it.
public struct TopicResult: Hashable, Sendable {
    public var topic: String
    public var label: SentimentLabel
    public var score: Double
    /// Indices of the sentences assigned to the topic.
    public var sentences: [Int]

    public init(topic: String, label: SentimentLabel, score: Double, sentences: [Int]) {
        self.topic = topic
        self.label = label
        self.score = score
        self.sentences = sentences
    }
}
