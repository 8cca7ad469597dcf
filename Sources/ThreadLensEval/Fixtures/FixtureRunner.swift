import Foundation
import ThreadLensCore

/// Runs fixtures through the pipeline and compares each `expect:` line with what the analysis
/// gave, naming the lexicon entries and rules (file:line) behind a wrong result where the
/// pipeline can tell: the sentiment words with their entries and the rules that changed them,
/// the topic cues that matched, the claim rules that fired, the stance cues found.
public struct FixtureRunner {
    public let models: ModelPack
    public let tokenizer: Tokenizer

    public init(models: ModelPack, tokenizer: Tokenizer) {
        self.models = models
        self.tokenizer = tokenizer
    }

    /// Problems in fixtures that only the models can see: topics, claim types and values they
    /// do not know, brands the gazetteer lacks. A fixture with an error here is not run.
    public func validate(_ fixture: Fixture) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func suggest(_ name: String, _ candidates: [String]) -> String {
            closestMatch(to: name, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
        }
        if let brand = fixture.brand, !models.entities.brands.isEmpty, !models.entities.brands.contains(brand) {
            diagnostics.append(.error("fixture.brand", "unknown brand '\(brand)'\(suggest(brand, models.entities.brands))", at: fixture.location))
        }
        let topics = models.topics.topics
        for comment in fixture.comments {
            for expectation in comment.expectations {
                var names: [String] = []
                var claims: [FixtureClaim] = []
                switch expectation.kind {
                case .topics(let set): names = set.sorted()
                case .hasTopic(let topic), .lacksTopic(let topic): names = [topic]
                case .claim(let claim), .lacksClaim(let claim): claims = [claim]
                default: break
                }
                for name in names where !topics.contains(name) {
                    diagnostics.append(.error("fixture.topic", "unknown topic '\(name)'\(suggest(name, topics)); the models define \(topics.joined(separator: ", "))", at: expectation.location))
                }
                for claim in claims {
                    guard let type = models.claims.types[claim.type] else {
                        diagnostics.append(.error("fixture.claim-type", "unknown claim type '\(claim.type)'\(suggest(claim.type, models.claims.typeOrder))", at: expectation.location))
                        continue
                    }
                    if !type.values.contains(claim.value) {
                        diagnostics.append(.error("fixture.claim-value", "'\(claim.value)' is not a value of \(claim.type)\(suggest(claim.value, type.values)); expected \(type.values.joined(separator: " or "))", at: expectation.location))
                    }
                    if (type.region == .required) != (claim.region != nil) {
                        let message = claim.region == nil ? "\(claim.type) claims need a region (e.g. EU, IN, INTL)" : "\(claim.type) claims take no region"
                        diagnostics.append(.error("fixture.claim-region", message, at: expectation.location))
                    }
                }
            }
        }
        return diagnostics
    }

    /// Runs fixtures (valid ones; see `validate`), one pipeline per brand and target setting.
    public func run(_ fixtures: [Fixture]) -> [FixtureResult] {
        var pipelines: [AnalysisOptions: Pipeline] = [:]
        return fixtures.map { fixture in
            let options = AnalysisOptions(brand: fixture.brand, target: fixture.target)
            let pipeline = pipelines[options] ?? Pipeline.standard(models: models, options: options)
            pipelines[options] = pipeline
            return run(fixture, pipeline: pipeline)
        }
    }

    /// Runs one fixture with `pipeline`.
    public func run(_ fixture: Fixture, pipeline: Pipeline) -> FixtureResult {
        let analyzed = pipeline.analyze(fixture.thread, tokenizer: tokenizer)
        var failures: [FixtureFailure] = []
        for (index, comment) in fixture.comments.enumerated() {
            let result = analyzed.comments[index]
            failures += check(comment, result, in: analyzed, options: pipeline.options)
        }
        failures.sort { $0.expectation.location.line < $1.expectation.location.line }
        return FixtureResult(fixture: fixture, failures: failures)
    }

    // MARK: - Checks

    private func check(_ comment: FixtureComment, _ result: AnalyzedComment, in thread: AnalyzedThread, options: AnalysisOptions) -> [FixtureFailure] {
        var failures: [FixtureFailure] = []
        let topics = Set(result.topics.map(\.topic))
        func fail(_ expectation: FixtureExpectation, _ field: String, _ expected: String, _ got: String, _ causes: [FixtureCause]) {
            failures.append(FixtureFailure(expectation: expectation, comment: comment.id, commentText: comment.text,
                                           field: field, expected: expected, got: got, causes: causes))
        }
        var expectedClaims: [(FixtureClaim, FixtureExpectation)] = []
        var noClaims: FixtureExpectation?
        for expectation in comment.expectations {
            switch expectation.kind {
            case .sentiment(let label):
                if result.sentiment.label != label {
                    fail(expectation, "sentiment", label.rawValue, "\(result.sentiment.label.rawValue) (\(Self.signed(result.sentiment.score)))",
                         sentimentCauses(result.id, in: thread, options: options))
                }
            case .topics(let wanted):
                if topics != wanted {
                    let extra = topics.subtracting(wanted).sorted(), missing = wanted.subtracting(topics).sorted()
                    fail(expectation, "topics", Self.list(wanted), Self.list(topics),
                         extra.flatMap { topicCauses($0, in: result, present: true) } + missing.flatMap { topicCauses($0, in: result, present: false) })
                }
            case .hasTopic(let topic):
                if !topics.contains(topic) {
                    fail(expectation, "topics", "to include \(topic)", Self.list(topics), topicCauses(topic, in: result, present: false))
                }
            case .lacksTopic(let topic):
                if topics.contains(topic) {
                    fail(expectation, "topics", "not to include \(topic)", Self.list(topics), topicCauses(topic, in: result, present: true))
                }
            case .claim(let claim):
                expectedClaims.append((claim, expectation))
            case .noClaims:
                noClaims = expectation
            case .lacksClaim(let claim):
                let found = result.claims.filter(claim.matches)
                if !found.isEmpty {
                    fail(expectation, "claims", "no \(claim)", Self.describe(result.claims), found.map { claimCause($0, in: result) })
                }
            case .stance(let stance):
                if result.stance != stance {
                    fail(expectation, "stance", stance.rawValue, result.stance.rawValue, stanceCauses(result, in: thread))
                }
            case .language(let language):
                if result.text.language != language {
                    fail(expectation, "lang", language.rawValue, result.text.language.rawValue, [])
                }
            }
        }
        if let noClaims, !result.claims.isEmpty {
            fail(noClaims, "claims", "no claim", Self.describe(result.claims), result.claims.map { claimCause($0, in: result) })
        }
        if let first = expectedClaims.first?.1 {
            // The claim lines together are the exact set, compared on (type, subject, value, region).
            var unmatched = result.claims
            var missing: [FixtureClaim] = []
            var hedging: [(FixtureClaim, Claim)] = []
            for (claim, _) in expectedClaims {
                let loose = FixtureClaim(type: claim.type, subject: claim.subject, value: claim.value, region: claim.region)
                if let index = unmatched.firstIndex(where: loose.matches) {
                    if let hedged = claim.hedged, unmatched[index].hedged != hedged { hedging.append((claim, unmatched[index])) }
                    unmatched.remove(at: index)
                } else {
                    missing.append(claim)
                }
            }
            if !missing.isEmpty || !unmatched.isEmpty || !hedging.isEmpty {
                var causes = unmatched.map { claimCause($0, in: result, prefix: "unexpected") }
                causes += missing.map { FixtureCause(text: "missing \($0): no rule produced it", source: nil) }
                causes += hedging.map { FixtureCause(text: "\($0.0.type) \($0.0.subject) \($0.0.value) is \($0.1.hedged ? "hedged" : "not hedged")", source: $0.1.rule) }
                fail(first, "claims", Self.describe(expectedClaims.map(\.0)), Self.describe(result.claims), causes)
            }
        }
        return failures
    }

    // MARK: - Causes

    private func sentimentCauses(_ id: CommentID, in thread: AnalyzedThread, options: AnalysisOptions) -> [FixtureCause] {
        let scoring = SentimentScoring(model: models.sentiment, target: options.target)
        guard let explanation = scoring.explain(id, in: thread) else { return [] }
        var causes: [FixtureCause] = []
        for sentence in explanation.sentences {
            for word in sentence.words {
                var text = "\"\(word.text)\" \(Self.signed(word.base))"
                for firing in word.firings {
                    text += ", \(firing.rule) \(firing.effect)"
                    if !firing.cue.isEmpty { text += " by \"\(firing.cue)\"" }
                    if let source = firing.source { text += " [\(source)]" }
                }
                if !word.firings.isEmpty { text += " = \(Self.signed(word.valence))" }
                if let targetClass = word.target.targetClass {
                    text += " toward \(targetClass.rawValue)\(word.target.id.map { " \($0)" } ?? "")"
                } else {
                    text += " toward no target"
                }
                text += word.target.counted ? ": counted" : ": not counted"
                causes.append(FixtureCause(text: text, source: word.entry))
            }
            for firing in sentence.firings {
                var text = "sentence \(sentence.index + 1): \(firing.rule) \(firing.effect)"
                if !firing.cue.isEmpty { text += " by \"\(firing.cue)\"" }
                causes.append(FixtureCause(text: text, source: firing.source))
            }
        }
        if causes.isEmpty { causes.append(FixtureCause(text: "no sentiment word matched", source: nil)) }
        return causes
    }

    private func topicCauses(_ topic: String, in comment: AnalyzedComment, present: Bool) -> [FixtureCause] {
        let matches = models.topics.cues.matches(in: comment.text.tokens)
        var causes: [FixtureCause] = []
        for match in matches {
            for cue in match.value where cue.topic == topic {
                let bytes = comment.text.tokens[match.tokens.lowerBound].range.lowerBound..<comment.text.tokens[match.tokens.upperBound - 1].range.upperBound
                causes.append(FixtureCause(text: "\(topic) cue \"\(comment.text.slice(bytes))\" (weight \(Self.number(cue.weight)))", source: cue.source))
            }
        }
        if causes.isEmpty {
            causes.append(FixtureCause(text: present ? "\(topic): no \(topic) cue in this comment (inherited from its parent, or from context)"
                                                     : "\(topic): no \(topic) cue matched", source: nil))
        } else if !present {
            causes.insert(FixtureCause(text: "\(topic): cues matched but fell short of the topic's thresholds (topics/settings.tsv)", source: nil), at: 0)
        }
        return causes
    }

    private func claimCause(_ claim: Claim, in comment: AnalyzedComment, prefix: String = "") -> FixtureCause {
        let evidence = claim.evidence.isEmpty ? "" : " from \"\(comment.text.slice(claim.evidence))\""
        let rule = claim.ruleID.map { " by rule '\($0)'" } ?? ""
        let head = prefix.isEmpty ? "" : prefix + " "
        return FixtureCause(text: "\(head)\(Self.describe(claim))\(rule)\(evidence)", source: claim.rule)
    }

    private func stanceCauses(_ comment: AnalyzedComment, in thread: AnalyzedThread) -> [FixtureCause] {
        var causes: [FixtureCause] = []
        let units = UnitText(comment.text)
        for match in models.stance.cues.scan(units) {
            let bytes = units.bytes(of: match.units)
            causes.append(FixtureCause(text: "\(match.value.stance.rawValue) cue \"\(comment.text.slice(bytes))\"", source: match.value.source))
        }
        let byID = thread.indexByID()
        let parent = comment.comment.parent.flatMap { byID[$0] } ?? thread.comments.firstIndex { $0.comment.isArticle }
        if let parent {
            let score = StanceDetection(model: models.stance).claimScore(comment.claims, thread.comments[parent].claims)
            if score != 0 {
                causes.append(FixtureCause(text: "its claims \(score > 0 ? "agree" : "disagree") with \(thread.comments[parent].id)'s: \(Self.describe(comment.claims)) vs \(Self.describe(thread.comments[parent].claims))", source: nil))
            }
        }
        if causes.isEmpty { causes.append(FixtureCause(text: "no stance cue matched and no claim relates to the parent's", source: nil)) }
        return causes
    }

    // MARK: - Formatting

    static func signed(_ value: Double) -> String {
        let text = number(value)
        return value > 0 ? "+" + text : text
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }

    static func list(_ topics: Set<String>) -> String {
        topics.isEmpty ? "none" : topics.sorted().joined(separator: " ")
    }

    static func describe(_ claim: Claim) -> String {
        var parts = [claim.type, claim.subject, claim.value]
        if let region = claim.region { parts.append(region) }
        if claim.hedged { parts.append("hedged") }
        return parts.joined(separator: " ")
    }

    static func describe(_ claims: [Claim]) -> String {
        claims.isEmpty ? "no claim" : claims.map(describe).joined(separator: "; ")
    }

    static func describe(_ claims: [FixtureClaim]) -> String {
        claims.isEmpty ? "no claim" : claims.map(\.description).joined(separator: "; ")
    }
}

/// The outcome of one fixture.
public struct FixtureResult: Hashable, Sendable {
    public var fixture: Fixture
    public var failures: [FixtureFailure]
    public var passed: Bool { failures.isEmpty }
}

/// One expectation that did not hold.
public struct FixtureFailure: Hashable, Sendable {
    public var expectation: FixtureExpectation
    public var comment: CommentID
    public var commentText: String
    /// `sentiment`, `topics`, `claims`, `stance` or `lang`.
    public var field: String
    public var expected: String
    public var got: String
    /// What produced the result: entries, rules and cues with their file:line.
    public var causes: [FixtureCause]
}

/// A lexicon entry, rule or cue behind a result.
public struct FixtureCause: Hashable, Sendable {
    public var text: String
    public var source: SourceLocation?
}

extension FixtureResult {
    /// The failure report: per failure, the expectation's file:line, the fixture, expected vs
    /// got, and the causes with their file:line.
    public func rendered() -> [String] {
        var lines: [String] = []
        for failure in failures {
            let text = failure.commentText.replacingOccurrences(of: "\n", with: " ")
            let shown = text.count > 70 ? String(text.prefix(67)) + "…" : text
            lines.append("\(failure.expectation.location): FAIL \(fixture.name) — comment \(failure.comment): \"\(shown)\"")
            lines.append("  \(failure.field): expected \(failure.expected), got \(failure.got)")
            for cause in failure.causes {
                lines.append("    " + cause.text + (cause.source.map { "  [\($0)]" } ?? ""))
            }
        }
        return lines
    }
}
