/// Scores sentiment toward the brand. PLACEHOLDER until the sentiment issue lands: neutral.
public struct SentimentScoring: AnalysisStage {
    public let model: SentimentModel
    public let target: AnalysisOptions.Target
    public init(model: SentimentModel, target: AnalysisOptions.Target) {
        self.model = model
        self.target = target
    }
    public var name: String { "SentimentScoring" }
    public var reads: Set<AnalysisField> { [.tokens, .entities, .brand, .topics] }
    public var writes: Set<AnalysisField> { [.sentiment] }
    public func apply(to thread: inout AnalyzedThread) {}
}
