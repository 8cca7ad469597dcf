/// A claim a comment asserts (SPEC §4): type, normalised subject, value, region, hedging and
/// the evidence text as a range into the comment.
public struct Claim: Hashable, Sendable {
    /// `reseller_legitimacy`, `regional_availability` or `order_fulfillment` (or one a rule file adds).
    public var type: String
    /// The normalised subject; `*` for unnamed resellers; `?` when it could not be resolved.
    public var subject: String
    public var value: String
    /// ISO 3166 alpha-2, `EU` or `INTL` for regional availability; otherwise `nil`.
    public var region: String?
    public var hedged: Bool
    /// UTF-8 byte range of the evidence in the comment text.
    public var evidence: Range<Int>
    /// The rule that produced it (`file:line`), for explain and lint.
    public var rule: SourceLocation?
    public var ruleID: String?

    public init(type: String, subject: String, value: String, region: String? = nil, hedged: Bool = false,
                evidence: Range<Int>, rule: SourceLocation? = nil, ruleID: String? = nil) {
        self.type = type
        self.subject = subject
        self.value = value
        self.region = region
        self.hedged = hedged
        self.evidence = evidence
        self.rule = rule
        self.ruleID = ruleID
    }
}
