import Testing
import ThreadLensCore
@testable import ThreadLensEval

@Suite struct MetricFloorTests {
    @Test(arguments: [
        ("claims.f1=0.5", "claims.f1", 0.5),
        ("sentiment.macro_f1=0", "sentiment.macro_f1", 0.0),
        (" stance.accuracy = 1 ", "stance.accuracy", 1.0),
        ("claims.reseller_legitimacy.f1=0.25", "claims.reseller_legitimacy.f1", 0.25),
        ("topics.pricing.recall=.4", "topics.pricing.recall", 0.4),
    ])
    func aFloorIsMetricEqualsValue(text: String, metric: String, minimum: Double) throws {
        let floor = try MetricFloor.parse(text)
        #expect(floor == MetricFloor(metric: metric, minimum: minimum))
    }

    /// (text, words the error must contain)
    @Test(arguments: [
        ("claims.f1", "expected METRIC=VALUE"),
        ("=0.5", "expected a metric name"),
        ("claims.f=0.5", "did you mean 'claims.f1'"),
        ("sentiment.macro-f1=0.5", "did you mean 'sentiment.macro_f1'"),
        ("claims.reseller_legitimacy.f2=0.5", "did you mean 'claims.reseller_legitimacy.f1'"),
        ("claims.f1=high", "expected a number"),
        ("claims.f1=1.5", "between 0 and 1"),
        ("claims.f1=-0.1", "between 0 and 1"),
    ])
    func aBadFloorIsAUsageErrorThatSaysWhy(text: String, words: String) {
        #expect(throws: MetricFloorError.self) { try MetricFloor.parse(text) }
        do {
            _ = try MetricFloor.parse(text)
        } catch {
            #expect(error.message.contains(words), "message: \(error.message)")
        }
    }

    @Test func withoutKnownMetricsOnlyTheSyntaxIsChecked() throws {
        #expect(try MetricFloor.parse("topics.shipping.f1=0.3", knownMetrics: nil).metric == "topics.shipping.f1")
        #expect(throws: MetricFloorError.self) { try MetricFloor.parse("topics.shipping.f1=0.3") }
    }

    @Test func everyDocumentedHeadlineMetricIsKnown() {
        let names = EvalReport.metricNames()
        for name in ["sentiment.macro_f1", "sentiment.accuracy", "topics.f1", "topics.precision", "topics.recall",
                     "claims.f1", "claims.precision", "claims.recall", "stance.accuracy", "claims.regional_availability.recall"] {
            #expect(names.contains(name), "\(name)")
        }
    }

    @Test func aScoreUnderItsFloorFailsAndOneAtItPasses() {
        // Topics: tp 2, fp 1, fn 0 → precision 2/3, recall 1.
        let gold = GoldSet(annotations: [GoldAnnotation(thread: "t", id: "1", sentiment: nil, topics: ["pricing", "trust"], claims: [],
                                                        stance: nil, location: SourceLocation(file: "t.gold.jsonl", line: 1))])
        let predictions = PredictionSet([Prediction(thread: "t", id: "1", topics: ["pricing", "trust", "service"])])
        let report = Scorer.score(gold: gold, predictions: predictions)
        let checks = report.check([
            MetricFloor(metric: "topics.recall", minimum: 1),
            MetricFloor(metric: "topics.precision", minimum: 0.7),
            MetricFloor(metric: "topics.precision", minimum: 2.0 / 3.0),
        ])
        #expect(checks.map(\.passed) == [true, false, true])
        #expect(checks[1].description == "topics.precision 0.667 is under its floor 0.700")
    }
}

@Suite struct EvalOutputTests {
    private var report: EvalReport {
        let gold = GoldSet(annotations: [
            GoldAnnotation(thread: "t", id: "1", sentiment: "negative", topics: ["pricing"],
                           claims: [ClaimTuple(type: "reseller_legitimacy", subject: "gadgetbarn", value: "legitimate")],
                           stance: "agree", location: SourceLocation(file: "t.gold.jsonl", line: 1)),
            GoldAnnotation(thread: "t", id: "2", sentiment: "neutral", topics: [], claims: [], stance: nil,
                           location: SourceLocation(file: "t.gold.jsonl", line: 2)),
        ], files: ["t.gold.jsonl"])
        let predictions = PredictionSet([Prediction(thread: "t", id: "1", sentiment: "neutral", topics: ["pricing"], stance: "agree")])
        return Scorer.score(gold: gold, predictions: predictions)
    }

    @Test func theJSONCarriesItsSchemaFirstAndKeysInTheDocumentedOrder() {
        let json = report.json()
        guard case .object(let members) = json else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.0) == ["schema", "gold", "predictions", "sentiment", "topics", "claims", "stance", "floors", "misses"])
        #expect(json.serialized().hasPrefix(#"{"schema": "threadlens-eval/1", "gold": {"files": ["t.gold.jsonl"], "comments": 2}, "predictions": {"scored": 1, "missing": [{"thread": "t", "id": "2"}], "unscored": 0}"#))
        #expect(json.serialized().contains(#""claims": {"precision": 0, "recall": 0, "f1": 0, "tp": 0, "fp": 0, "fn": 1, "unresolved": 0"#))
        #expect(json.serialized() == report.json().serialized())
    }

    @Test func theJSONMissesCanBeLimited() {
        let json = report.json(misses: 1).serialized()
        #expect(json.contains(#""misses": {"total": 3, "shown": 1, "items": [{"thread": "t", "id": "1", "field": "sentiment", "expected": "negative", "predicted": "neutral", "missing": [], "extra": [], "has_prediction": true}]}"#))
    }

    @Test func theTableShowsHeadlineScoresMissingCommentsAndMisses() {
        let table = report.table(misses: 2)
        #expect(table.contains("sentiment macro-F1  0.000"))
        #expect(table.contains("stance accuracy     1.000  1 of 1"))
        #expect(table.contains("missing predictions (1, scored as predicted nothing)\n  t: 2"))
        #expect(table.contains("misses (showing 2 of 3; --misses N shows more)\n  t#1 sentiment: expected negative, predicted neutral\n  t#1 claims: missing reseller_legitimacy gadgetbarn legitimate"))
    }

    @Test func scoresAreShownWithThreeDecimals() {
        #expect(formatScore(2.0 / 3.0) == "0.667")
        #expect(formatScore(1) == "1.000")
        #expect(formatScore(0) == "0.000")
        #expect(formatScore(0.0005) == "0.001")
    }
}
