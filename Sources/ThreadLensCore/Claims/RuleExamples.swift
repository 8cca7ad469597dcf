/// Runs the examples stored with each claim rule: a `match` example must produce exactly its
/// expected claims from that rule alone, a `nomatch` example none. Tests run them; a `lint`
/// command can report the failures as diagnostics.
public struct RuleExampleCheck: Sendable {
    /// One example that did not do what it says.
    public struct Failure: Hashable, Sendable, CustomStringConvertible {
        public var ruleID: String
        public var example: RuleExample
        public var produced: [String]
        public var message: String

        public var description: String { "\(example.source): \(message)" }

        /// The failure as a diagnostic at the example's line.
        public var diagnostic: Diagnostic {
            .error("claim-rules.example", message, at: example.source)
        }
    }

    public let model: ClaimModel
    public let entities: EntityModel

    public init(model: ClaimModel) {
        self.model = model
        self.entities = model.entities
    }

    /// Checks every example of every rule.
    public func run(tokenizer: Tokenizer) -> [Failure] {
        model.rules.flatMap { check($0, tokenizer: tokenizer) }
    }

    /// Checks the examples of one rule.
    public func check(_ rule: ClaimRule, tokenizer: Tokenizer) -> [Failure] {
        rule.examples.compactMap { check($0, of: rule, tokenizer: tokenizer) }
    }

    /// The claims `rule` alone finds in `example` (in the reply, when the example has a parent).
    public func claims(of rule: ClaimRule, in example: RuleExample, tokenizer: Tokenizer) -> [Claim] {
        var comments: [Comment] = []
        let location = example.source
        if let parent = example.parent {
            comments.append(Comment(id: "1", text: parent, location: location))
            comments.append(Comment(id: "1.1", parent: "1", text: example.text, location: location))
        } else {
            comments.append(Comment(id: "1", text: example.text, location: location))
        }
        let thread = CommentThread(id: ThreadID(rule.id), source: location.file, comments: comments)
        var analyzed = AnalyzedThread(thread: thread, comments: comments.map { AnalyzedComment(comment: $0, text: tokenizer.tokenize($0.text)) })
        var single = model
        single.rules = [rule]
        EntityRecognition(model: entities).apply(to: &analyzed)
        // Examples are about the `examples-brand` of their file, else the first listed brand.
        BrandDetection(model: entities, forcedBrand: model.examplesBrand ?? entities.brands.first).apply(to: &analyzed)
        ClaimExtraction(model: single).apply(to: &analyzed)
        return analyzed.comments.last?.claims ?? []
    }

    private func check(_ example: RuleExample, of rule: ClaimRule, tokenizer: Tokenizer) -> Failure? {
        let claims = claims(of: rule, in: example, tokenizer: tokenizer)
        let produced = claims.map { claim in
            RuleExample.Expected(subject: claim.subject, value: claim.value, region: claim.region, hedged: claim.hedged).description
        }
        if example.mustMatch {
            let expected = example.expected.map(\.description)
            if Set(produced) == Set(expected) { return nil }
            let found = produced.isEmpty ? "nothing" : produced.joined(separator: "; ")
            return Failure(ruleID: rule.id, example: example, produced: produced,
                           message: "rule '\(rule.id)' should find '\(expected.joined(separator: "; "))' in this example, found \(found)")
        }
        if produced.isEmpty { return nil }
        return Failure(ruleID: rule.id, example: example, produced: produced,
                       message: "rule '\(rule.id)' should not match this example, found \(produced.joined(separator: "; "))")
    }
}
