import ThreadLensCore

/// Computes the SPEC §6 scores of predictions against gold annotations.
///
/// All gold files are scored together. Only annotated comments are scored; a prediction for a
/// comment without gold is not. An annotated comment with no prediction counts as predicted
/// nothing: no label (wrong for sentiment and stance), no topics, no claims; it is listed in
/// `EvalReport.missing`.
///
/// - sentiment: per-label precision/recall/F1 and their macro mean, over the labels that occur
///   in the gold or the predictions of the comments whose gold label is not null; accuracy on
///   those comments.
/// - topics: micro P/R/F1 over (comment, topic) pairs.
/// - claims: micro P/R/F1 over (comment, type, subject, value, region) tuples in normal form
///   (`ClaimTuple.normalized`); the region takes part only for types that carry one. Duplicate
///   claims count once (set semantics). A predicted claim with subject `?` counts neither way.
/// - stance: accuracy (and per-label scores) on comments whose gold stance is not null.
public struct Scorer: Sendable {
    public var taxonomy: GoldTaxonomy

    public init(taxonomy: GoldTaxonomy = .standard) {
        self.taxonomy = taxonomy
    }

    /// Scores with the standard taxonomy.
    public static func score(gold: GoldSet, predictions: PredictionSet) -> EvalReport {
        Scorer().score(gold: gold, predictions: predictions)
    }

    /// Scores `predictions` against `gold`.
    public func score(gold: GoldSet, predictions: PredictionSet) -> EvalReport {
        var sentimentPairs: [(gold: String, predicted: String?)] = []
        var stancePairs: [(gold: String, predicted: String?)] = []
        var topics = PRF(), claims = PRF()
        var topicCounts: [String: PRF] = [:], claimCounts: [String: PRF] = [:]
        var unresolved = 0
        var missing: [CommentKey] = []
        var misses: [EvalMiss] = []
        var goldKeys: Set<CommentKey> = []

        for annotation in gold.annotations {
            let key = annotation.key
            goldKeys.insert(key)
            let prediction = predictions.prediction(for: key)
            if prediction == nil { missing.append(key) }
            let hasPrediction = prediction != nil

            if let expected = annotation.sentiment {
                let predicted = prediction?.sentiment
                sentimentPairs.append((expected, predicted))
                if predicted != expected {
                    misses.append(EvalMiss(comment: key, field: .sentiment, expected: expected, predicted: predicted, hasPrediction: hasPrediction))
                }
            }

            let expectedTopics = Set(annotation.topics)
            let predictedTopics = Set(prediction?.topics ?? [])
            topics.count(expected: expectedTopics, predicted: predictedTopics)
            for topic in expectedTopics.union(predictedTopics) {
                topicCounts[topic, default: PRF()].count(expected: expectedTopics.filter { $0 == topic }, predicted: predictedTopics.filter { $0 == topic })
            }
            if expectedTopics != predictedTopics {
                misses.append(EvalMiss(comment: key, field: .topics,
                                       missing: ordered(expectedTopics.subtracting(predictedTopics), like: annotation.topics),
                                       extra: ordered(predictedTopics.subtracting(expectedTopics), like: prediction?.topics ?? []),
                                       hasPrediction: hasPrediction))
            }

            let expectedClaims = Set(annotation.claims.map(normalize))
            let allPredicted = (prediction?.claims ?? []).map(normalize)
            let unresolvedHere = Set(allPredicted.filter(\.isUnresolved))
            unresolved += unresolvedHere.count
            let predictedClaims = Set(allPredicted.filter { !$0.isUnresolved })
            claims.count(expected: expectedClaims, predicted: predictedClaims)
            for type in Set(expectedClaims.map(\.type)).union(predictedClaims.map(\.type)) {
                claimCounts[type, default: PRF()].count(expected: expectedClaims.filter { $0.type == type }, predicted: predictedClaims.filter { $0.type == type })
            }
            if expectedClaims != predictedClaims {
                misses.append(EvalMiss(comment: key, field: .claims,
                                       missing: ordered(expectedClaims.subtracting(predictedClaims), like: annotation.claims.map(normalize)),
                                       extra: ordered(predictedClaims.subtracting(expectedClaims), like: allPredicted),
                                       hasPrediction: hasPrediction))
            }

            if let expected = annotation.stance {
                let predicted = prediction?.stance
                stancePairs.append((expected, predicted))
                if predicted != expected {
                    misses.append(EvalMiss(comment: key, field: .stance, expected: expected, predicted: predicted, hasPrediction: hasPrediction))
                }
            }
        }

        let unscored = predictions.predictions.filter { !goldKeys.contains($0.key) }.count
        return EvalReport(
            taxonomy: taxonomy,
            goldFiles: gold.files,
            annotated: gold.annotations.count,
            missing: missing,
            unscoredPredictions: unscored,
            sentiment: labelScores(sentimentPairs, order: taxonomy.sentimentLabels),
            topics: SetScores(overall: topics, breakdown: breakdown(topicCounts, order: taxonomy.topics)),
            claims: SetScores(overall: claims, breakdown: breakdown(claimCounts, order: taxonomy.claimTypes.map(\.name)), unresolved: unresolved),
            stance: labelScores(stancePairs, order: taxonomy.stanceLabels),
            misses: misses
        )
    }

    private func normalize(_ claim: ClaimTuple) -> ClaimTuple {
        ClaimTuple.normalized(type: claim.type, subject: claim.subject, value: claim.value, region: claim.region, taxonomy: taxonomy)
    }

    /// `items` in the order they first appear in `reference`, then any others in sorted order.
    private func ordered<T: Hashable & Comparable & CustomStringConvertible>(_ items: Set<T>, like reference: [T]) -> [String] {
        var seen: Set<T> = []
        let inOrder = reference.filter { items.contains($0) && seen.insert($0).inserted }
        return (inOrder + items.subtracting(inOrder).sorted()).map(\.description)
    }

    /// `order` first (every entry, even with zero counts), then any other names seen, alphabetically.
    private func breakdown(_ counts: [String: PRF], order: [String]) -> [NamedScore] {
        let names = order + counts.keys.filter { !order.contains($0) }.sorted()
        return names.map { NamedScore(name: $0, counts: counts[$0] ?? PRF()) }
    }

    private func labelScores(_ pairs: [(gold: String, predicted: String?)], order: [String]) -> LabelScores {
        // The labels that occur in the gold or the predictions of the scored comments.
        var occurring: Set<String> = []
        for pair in pairs {
            occurring.insert(pair.gold)
            if let predicted = pair.predicted { occurring.insert(predicted) }
        }
        let labels = order.filter(occurring.contains) + occurring.subtracting(order).sorted()
        var perLabel: [String: PRF] = [:]
        var correct = 0, unpredicted = 0
        let hasNothing = pairs.contains { $0.predicted == nil }
        let columns = labels + (hasNothing ? [ConfusionMatrix.nothing] : [])
        var counts = Array(repeating: Array(repeating: 0, count: columns.count), count: labels.count)
        for pair in pairs {
            let predicted = pair.predicted ?? ConfusionMatrix.nothing
            counts[labels.firstIndex(of: pair.gold)!][columns.firstIndex(of: predicted)!] += 1
            if pair.predicted == nil { unpredicted += 1 }
            if pair.predicted == pair.gold {
                correct += 1
                perLabel[pair.gold, default: PRF()].truePositives += 1
            } else {
                perLabel[pair.gold, default: PRF()].falseNegatives += 1
                if let wrong = pair.predicted { perLabel[wrong, default: PRF()].falsePositives += 1 }
            }
        }
        return LabelScores(
            perLabel: labels.map { NamedScore(name: $0, counts: perLabel[$0] ?? PRF()) },
            confusion: ConfusionMatrix(rows: labels, columns: columns, counts: counts),
            support: pairs.count,
            correct: correct,
            unpredicted: unpredicted
        )
    }
}

/// One way a prediction differs from the gold of one comment.
public struct EvalMiss: Hashable, Sendable, CustomStringConvertible {
    public enum Field: String, Hashable, Sendable, CaseIterable {
        case sentiment, topics, claims, stance
    }

    public var comment: CommentKey
    public var field: Field
    /// Sentiment and stance: the gold label.
    public var expected: String?
    /// Sentiment and stance: the predicted label, nil when none.
    public var predicted: String?
    /// Topics and claims: expected but not predicted (claims as `type subject value [region]`).
    public var missing: [String]
    /// Topics and claims: predicted but not expected.
    public var extra: [String]
    /// False when the comment had no prediction at all.
    public var hasPrediction: Bool

    public init(comment: CommentKey, field: Field, expected: String? = nil, predicted: String? = nil,
                missing: [String] = [], extra: [String] = [], hasPrediction: Bool = true) {
        self.comment = comment
        self.field = field
        self.expected = expected
        self.predicted = predicted
        self.missing = missing
        self.extra = extra
        self.hasPrediction = hasPrediction
    }

    /// `thread#id field: …`, e.g. `t#2.1 claims: missing reseller_legitimacy xiaomishop legitimate; extra …`.
    public var description: String {
        var parts: [String] = []
        switch field {
        case .sentiment, .stance:
            parts.append("expected \(expected ?? "null"), predicted \(predicted ?? "nothing")")
        case .topics, .claims:
            if !missing.isEmpty { parts.append("missing " + missing.joined(separator: ", ")) }
            if !extra.isEmpty { parts.append("extra " + extra.joined(separator: ", ")) }
        }
        let note = hasPrediction ? "" : " (no prediction)"
        return "\(comment) \(field.rawValue): \(parts.joined(separator: "; "))\(note)"
    }
}
