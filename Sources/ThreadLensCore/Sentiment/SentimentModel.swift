/// Sentiment lexicons and rules (English and Chinese). PLACEHOLDER until the sentiment issue
/// lands: holds nothing and loads nothing.
public struct SentimentModel: Sendable {
    public init() {}
    public static func load(_ loader: inout ModelLoader) -> SentimentModel { SentimentModel() }
}
