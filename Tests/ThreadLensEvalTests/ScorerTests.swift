import Testing
import ThreadLensCore
@testable import ThreadLensEval

/// Builders for tiny hand-made gold and prediction sets.
private func gold(_ id: String, thread: String = "t", sentiment: String? = nil, topics: [String] = [],
                  claims: [ClaimTuple] = [], stance: String? = nil) -> GoldAnnotation {
    GoldAnnotation(thread: ThreadID(thread), id: CommentID(id), sentiment: sentiment, topics: topics, claims: claims,
                   stance: stance, location: SourceLocation(file: "\(thread).gold.jsonl", line: 1))
}

private func pred(_ id: String, thread: String = "t", sentiment: String? = nil, topics: [String] = [],
                  claims: [ClaimTuple] = [], stance: String? = nil) -> Prediction {
    Prediction(thread: ThreadID(thread), id: CommentID(id), sentiment: sentiment, topics: topics, claims: claims, stance: stance)
}

private func score(_ annotations: [GoldAnnotation], _ predictions: [Prediction]) -> EvalReport {
    Scorer.score(gold: GoldSet(annotations: annotations, files: ["t.gold.jsonl"]), predictions: PredictionSet(predictions))
}

private func legit(_ subject: String, _ value: String = "legitimate") -> ClaimTuple {
    ClaimTuple(type: "reseller_legitimacy", subject: subject, value: value)
}

private func available(_ region: String?, _ value: String = "available", subject: String = "acme") -> ClaimTuple {
    ClaimTuple(type: "regional_availability", subject: subject, value: value, region: region)
}

/// Compares doubles that come from small exact ratios.
private func close(_ a: Double?, _ b: Double) -> Bool {
    guard let a else { return false }
    return abs(a - b) < 1e-9
}

@Suite struct SentimentScoreTests {
    @Test func macroF1AveragesOnlyTheLabelsThatOccurInGoldOrPredictions() {
        // positive: tp 1, fp 1 → P 0.5, R 1, F1 2/3; negative: tp 1, fn 1 → P 1, R 0.5, F1 2/3.
        // neutral occurs nowhere, so it is left out: macro-F1 is 2/3, not (2/3 + 2/3 + 0) / 3.
        let report = score(
            [gold("1", sentiment: "positive"), gold("2", sentiment: "negative"), gold("3", sentiment: "negative")],
            [pred("1", sentiment: "positive"), pred("2", sentiment: "negative"), pred("3", sentiment: "positive")]
        )
        #expect(report.sentiment.perLabel.map(\.name) == ["positive", "negative"])
        #expect(close(report.metric(named: "sentiment.positive.precision"), 0.5))
        #expect(close(report.metric(named: "sentiment.positive.recall"), 1))
        #expect(close(report.metric(named: "sentiment.negative.recall"), 0.5))
        #expect(close(report.metric(named: "sentiment.macro_f1"), 2.0 / 3.0))
        #expect(close(report.metric(named: "sentiment.accuracy"), 2.0 / 3.0))
    }

    @Test func aLabelOnlyPredictedJoinsTheMacroAverageWithF1Zero() {
        // positive: tp 1, fn 1 → F1 2/3; neutral: fp 1 → F1 0; macro (2/3 + 0) / 2.
        let report = score(
            [gold("1", sentiment: "positive"), gold("2", sentiment: "positive")],
            [pred("1", sentiment: "positive"), pred("2", sentiment: "neutral")]
        )
        #expect(report.sentiment.perLabel.map(\.name) == ["positive", "neutral"])
        #expect(close(report.metric(named: "sentiment.neutral.f1"), 0))
        #expect(close(report.metric(named: "sentiment.macro_f1"), 1.0 / 3.0))
    }

    @Test func commentsWithNullGoldSentimentAreLeftOutEvenTheirPredictedLabel() {
        // Comment 2's gold is null: its predicted "negative" neither counts nor adds a label.
        let report = score(
            [gold("1", sentiment: "neutral"), gold("2", sentiment: nil)],
            [pred("1", sentiment: "neutral"), pred("2", sentiment: "negative")]
        )
        #expect(report.sentiment.support == 1)
        #expect(report.sentiment.perLabel.map(\.name) == ["neutral"])
        #expect(close(report.metric(named: "sentiment.macro_f1"), 1))
        #expect(close(report.metric(named: "sentiment.accuracy"), 1))
    }

    @Test func confusionMatrixCountsGoldRowsAgainstPredictedColumns() {
        let report = score(
            [gold("1", sentiment: "negative"), gold("2", sentiment: "negative"), gold("3", sentiment: "neutral"), gold("4", sentiment: "neutral")],
            [pred("1", sentiment: "negative"), pred("2", sentiment: "neutral"), pred("3", sentiment: "neutral")]
        )
        let confusion = report.sentiment.confusion
        #expect(confusion.rows == ["negative", "neutral"])
        #expect(confusion.columns == ["negative", "neutral", ConfusionMatrix.nothing])
        #expect(confusion.counts == [[1, 1, 0], [0, 1, 1]])
        #expect(report.sentiment.unpredicted == 1)
        #expect(report.sentiment.correct == 2)
    }
}

@Suite struct TopicScoreTests {
    @Test func topicsAreMicroAveragedOverCommentTopicPairs() {
        // Pairs: gold {1:pricing, 1:resellers, 2:service}; predicted {1:pricing, 2:pricing, 2:trust}.
        // tp 1 (1:pricing), fp 2, fn 2 → P 1/3, R 1/3, F1 1/3.
        let report = score(
            [gold("1", topics: ["pricing", "resellers"]), gold("2", topics: ["service"])],
            [pred("1", topics: ["pricing"]), pred("2", topics: ["pricing", "trust"])]
        )
        #expect(report.topics.overall == PRF(truePositives: 1, falsePositives: 2, falseNegatives: 2))
        #expect(close(report.metric(named: "topics.precision"), 1.0 / 3.0))
        #expect(close(report.metric(named: "topics.recall"), 1.0 / 3.0))
        #expect(close(report.metric(named: "topics.f1"), 1.0 / 3.0))
        // Per topic: pricing tp 1, fp 1 → P 0.5, R 1.
        #expect(report.topics.scores(of: "pricing") == PRF(truePositives: 1, falsePositives: 1, falseNegatives: 0))
        #expect(report.topics.scores(of: "service") == PRF(truePositives: 0, falsePositives: 0, falseNegatives: 1))
        #expect(close(report.metric(named: "topics.pricing.precision"), 0.5))
        // Every taxonomy topic has a row, even with nothing to count.
        #expect(report.topics.breakdown.map(\.name) == GoldTaxonomy.standard.topics)
    }

    @Test func aTopicPredictedTwiceCountsOnce() {
        let report = score([gold("1", topics: ["pricing"])], [pred("1", topics: ["pricing", "pricing"])])
        #expect(report.topics.overall == PRF(truePositives: 1, falsePositives: 0, falseNegatives: 0))
    }
}

@Suite struct ClaimScoreTests {
    @Test func claimsAreMicroAveragedWithAPerTypeBreakdown() {
        let report = score(
            [gold("1", claims: [legit("gadgetbarn"), available("IN")]), gold("2", claims: [legit("*", "illegitimate")])],
            [pred("1", claims: [legit("gadgetbarn"), available("IN", "unavailable")]), pred("2", claims: [legit("*", "illegitimate"), legit("phonehub")])]
        )
        // tp: 1 gadgetbarn, 2 *; fp: 1 unavailable IN, 2 phonehub; fn: 1 available IN.
        #expect(report.claims.overall == PRF(truePositives: 2, falsePositives: 2, falseNegatives: 1))
        #expect(close(report.metric(named: "claims.precision"), 0.5))
        #expect(close(report.metric(named: "claims.recall"), 2.0 / 3.0))
        #expect(close(report.metric(named: "claims.f1"), 4.0 / 7.0))
        #expect(report.claims.scores(of: "reseller_legitimacy") == PRF(truePositives: 2, falsePositives: 1, falseNegatives: 0))
        #expect(report.claims.scores(of: "regional_availability") == PRF(truePositives: 0, falsePositives: 1, falseNegatives: 1))
        #expect(close(report.metric(named: "claims.reseller_legitimacy.f1"), 0.8))
        #expect(close(report.metric(named: "claims.order_fulfillment.f1"), 0))
    }

    @Test func aPredictedClaimWithSubjectQuestionMarkCountsNeitherWay() {
        let report = score(
            [gold("1", claims: [legit("gadgetbarn")])],
            [pred("1", claims: [legit("gadgetbarn"), legit("?", "illegitimate")])]
        )
        #expect(report.claims.overall == PRF(truePositives: 1, falsePositives: 0, falseNegatives: 0))
        #expect(report.claims.unresolved == 1)
        // Nor does it rescue a missed claim: the gold claim stays a false negative.
        let missed = score([gold("1", claims: [legit("gadgetbarn")])], [pred("1", claims: [legit("?")])])
        #expect(missed.claims.overall == PRF(truePositives: 0, falsePositives: 0, falseNegatives: 1))
    }

    @Test(arguments: [
        // (predicted region, matches the gold region IN)
        ("IN", true), ("in", true), (" In ", true), ("CN", false), ("INTL", false),
    ])
    func theRegionIsPartOfARegionalClaimAndComparedNormalised(region: String, matches: Bool) {
        let report = score([gold("1", claims: [available("IN")])], [pred("1", claims: [available(region)])])
        #expect(report.claims.overall.truePositives == (matches ? 1 : 0))
        #expect(report.claims.overall.falsePositives == (matches ? 0 : 1))
    }

    @Test func aRegionOnAnotherClaimTypeIsIgnored() {
        let withRegion = ClaimTuple(type: "reseller_legitimacy", subject: "gadgetbarn", value: "legitimate", region: "US")
        let report = score([gold("1", claims: [legit("gadgetbarn")])], [pred("1", claims: [withRegion])])
        #expect(report.claims.overall == PRF(truePositives: 1, falsePositives: 0, falseNegatives: 0))
    }

    @Test func subjectsAreComparedInNormalForm() {
        let report = score(
            [gold("1", claims: [legit("gadgetbarn"), legit("dealsfromhk")])],
            [pred("1", claims: [legit("Gadget Barn"), legit("DealsFromHK.com")])]
        )
        #expect(report.claims.overall == PRF(truePositives: 2, falsePositives: 0, falseNegatives: 0))
    }

    @Test func duplicatePredictedClaimsCountOnce() {
        let report = score([gold("1", claims: [legit("gadgetbarn")])],
                           [pred("1", claims: [legit("gadgetbarn"), legit("gadgetbarn"), legit("phonehub"), legit("PhoneHub")])])
        #expect(report.claims.overall == PRF(truePositives: 1, falsePositives: 1, falseNegatives: 0))
    }

    @Test(arguments: [
        ("Phone Depot World", "phonedepotworld"), ("gizmoimports.com", "gizmoimports"), ("阿明3C", "阿明3c"),
        ("*", "*"), ("?", "?"), ("  gadget-barn  ", "gadgetbarn"), ("ＦＵＬＬ　Ｗｉｄｔｈ", "fullwidth"), ("v2.0", "v20"),
    ])
    func subjectNormalFormFollowsTheSpec(raw: String, normal: String) {
        #expect(ClaimNormalization.subject(raw) == normal)
    }
}

@Suite struct StanceAndCoverageTests {
    @Test func stanceAccuracyLeavesOutNullGold() {
        let report = score(
            [gold("1", stance: "agree"), gold("2", stance: "disagree"), gold("3", stance: nil), gold("4", stance: "none")],
            [pred("1", stance: "agree"), pred("2", stance: "none"), pred("3", stance: "agree"), pred("4", stance: "none")]
        )
        #expect(report.stance.support == 3)
        #expect(close(report.metric(named: "stance.accuracy"), 2.0 / 3.0))
        #expect(report.stance.confusion.count(gold: "disagree", predicted: "none") == 1)
    }

    @Test func anAnnotatedCommentWithNoPredictionCountsAsPredictedNothing() {
        let report = score(
            [gold("1", sentiment: "positive", topics: ["pricing"], claims: [legit("gadgetbarn")], stance: "agree"),
             gold("2", sentiment: "positive", topics: ["pricing"], stance: "agree")],
            [pred("2", sentiment: "positive", topics: ["pricing"], stance: "agree")]
        )
        #expect(report.missing == [CommentKey(thread: "t", id: "1")])
        #expect(report.topics.overall == PRF(truePositives: 1, falsePositives: 0, falseNegatives: 1))
        #expect(report.claims.overall == PRF(truePositives: 0, falsePositives: 0, falseNegatives: 1))
        #expect(close(report.metric(named: "sentiment.accuracy"), 0.5))
        // positive: tp 1, fn 1, no false positive → P 1, R 0.5.
        #expect(close(report.metric(named: "sentiment.positive.precision"), 1))
        #expect(close(report.metric(named: "sentiment.positive.recall"), 0.5))
        #expect(close(report.metric(named: "stance.accuracy"), 0.5))
        #expect(report.misses.contains { $0.comment.id == "1" && $0.field == .claims && !$0.hasPrediction })
    }

    @Test func predictionsForCommentsWithoutGoldAreNotScored() {
        let report = score(
            [gold("1", topics: ["pricing"])],
            [pred("1", topics: ["pricing"]), pred("9", topics: ["trust"], claims: [legit("phonehub")]),
             pred("1", thread: "other", topics: ["service"])]
        )
        #expect(report.unscoredPredictions == 2)
        #expect(report.topics.overall == PRF(truePositives: 1, falsePositives: 0, falseNegatives: 0))
        #expect(report.claims.overall == PRF())
    }

    @Test func predictionsAreMatchedByThreadAndID() {
        let report = score([gold("1", thread: "a", topics: ["pricing"]), gold("1", thread: "b", topics: ["trust"])],
                           [pred("1", thread: "b", topics: ["trust"]), pred("1", thread: "a", topics: ["trust"])])
        #expect(report.topics.overall == PRF(truePositives: 1, falsePositives: 1, falseNegatives: 1))
    }

    @Test func emptyGoldScoresZeroEverywhereWithoutNaN() {
        let report = score([], [pred("1", sentiment: "positive", topics: ["pricing"])])
        for name in EvalReport.metricNames() {
            let value = report.metric(named: name)
            #expect(value == 0, "\(name) = \(String(describing: value))")
        }
        #expect(report.misses.isEmpty)
        #expect(report.unscoredPredictions == 1)
    }

    @Test func zeroDenominatorsGiveZero() {
        #expect(PRF().precision == 0)
        #expect(PRF().recall == 0)
        #expect(PRF().f1 == 0)
        #expect(PRF(truePositives: 0, falsePositives: 3, falseNegatives: 0).recall == 0)
    }

    @Test func anUnknownMetricNameHasNoValue() {
        let report = score([gold("1", topics: ["pricing"])], [pred("1", topics: ["pricing"])])
        #expect(report.metric(named: "topics.f2") == nil)
        #expect(report.metric(named: "claims.reseller.f1") == nil)
        #expect(report.metric(named: "sentiment.f1") == nil)
        #expect(report.metric(named: "topics.pricing.f1") == 1)
    }
}

@Suite struct MissListTests {
    @Test func missesSayWhatWasExpectedAndWhatWasPredicted() {
        let report = score(
            [gold("2.1", sentiment: "negative", topics: ["pricing", "trust"], claims: [legit("gadgetbarn"), available("INTL", "unavailable")], stance: "agree")],
            [pred("2.1", sentiment: "neutral", topics: ["trust", "product"], claims: [legit("gadgetbarn", "illegitimate"), available("INTL", "unavailable")], stance: "agree")]
        )
        #expect(report.misses.map(\.description) == [
            "t#2.1 sentiment: expected negative, predicted neutral",
            "t#2.1 topics: missing pricing; extra product",
            "t#2.1 claims: missing reseller_legitimacy gadgetbarn legitimate; extra reseller_legitimacy gadgetbarn illegitimate",
        ])
    }

    @Test func aCommentWithoutPredictionIsMarkedInItsMisses() {
        let report = score([gold("3", stance: "disagree")], [])
        #expect(report.misses.map(\.description) == ["t#3 stance: expected disagree, predicted nothing (no prediction)"])
    }
}
