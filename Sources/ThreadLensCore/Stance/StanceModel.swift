/// Stance cues. PLACEHOLDER until the claims issue lands.
public struct StanceModel: Sendable {
    public init() {}
    public static func load(_ loader: inout ModelLoader) -> StanceModel { StanceModel() }
}

/// A comment's stance toward its parent (toward the article for a top-level comment).
public enum Stance: String, Hashable, Sendable, CaseIterable {
    case agree, disagree, none
}
