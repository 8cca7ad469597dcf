/// Claim rules. PLACEHOLDER until the claims issue lands.
public struct ClaimModel: Sendable {
    public init() {}
    public static func load(_ loader: inout ModelLoader, entities: EntityModel) -> ClaimModel { ClaimModel() }
}
