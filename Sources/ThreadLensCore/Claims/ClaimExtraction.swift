/// Extracts claims. PLACEHOLDER until the claims issue lands: extracts none.
public struct ClaimExtraction: AnalysisStage {
    public let model: ClaimModel
    public init(model: ClaimModel) { self.model = model }
    public var name: String { "ClaimExtraction" }
    public var reads: Set<AnalysisField> { [.tokens, .entities, .brand] }
    public var writes: Set<AnalysisField> { [.claims] }
    public func apply(to thread: inout AnalyzedThread) {}
}
