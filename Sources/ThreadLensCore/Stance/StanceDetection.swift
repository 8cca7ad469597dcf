/// Decides each comment's stance toward its parent. PLACEHOLDER until the claims issue lands.
public struct StanceDetection: AnalysisStage {
    public let model: StanceModel
    public init(model: StanceModel) { self.model = model }
    public var name: String { "StanceDetection" }
    public var reads: Set<AnalysisField> { [.tokens, .claims] }
    public var writes: Set<AnalysisField> { [.stance] }
    public func apply(to thread: inout AnalyzedThread) {}
}
