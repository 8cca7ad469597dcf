/// Assigns topics per sentence. PLACEHOLDER until the sentiment issue lands: assigns none.
public struct TopicAssignment: AnalysisStage {
    public let model: TopicModel
    public init(model: TopicModel) { self.model = model }
    public var name: String { "TopicAssignment" }
    public var reads: Set<AnalysisField> { [.tokens] }
    public var writes: Set<AnalysisField> { [.topics] }
    public func apply(to thread: inout AnalyzedThread) {}
}
