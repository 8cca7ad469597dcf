/// A stage does one linguistic job over a thread and declares what it reads and writes, so the
/// pipeline can check the order when it is built.

/// The fields of `AnalyzedThread`/`AnalyzedComment` stages read and write.
public enum AnalysisField: String, Hashable, Sendable, CaseIterable {
    case tokens, language, entities, brand, topics, sentiment, claims, stance
}

public protocol AnalysisStage: Sendable {
    /// Named after its effect (`SentimentScoring`).
    var name: String { get }
    var reads: Set<AnalysisField> { get }
    var writes: Set<AnalysisField> { get }
    func apply(to thread: inout AnalyzedThread)
}

/// How a run is configured by the user.
public struct AnalysisOptions: Hashable, Sendable {
    /// What sentiment is scored toward.
    public enum Target: String, Hashable, Sendable, CaseIterable {
        /// Only sentiment aimed at the thread's brand (the default).
        case brand
        /// All sentiment in the text, as VADER scores it.
        case any
    }
    /// Forces the thread's brand (a gazetteer id) instead of detecting it.
    public var brand: String?
    public var target: Target

    public init(brand: String? = nil, target: Target = .brand) {
        self.brand = brand
        self.target = target
    }
}
