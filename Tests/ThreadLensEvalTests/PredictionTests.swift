import Testing
import ThreadLensCore
@testable import ThreadLensEval

@Suite struct PredictionParsingTests {
    @Test func anAnalyzeRecordGivesItsLabelsTopicsAndClaims() {
        let record = #"{"thread": "t", "id": "2.1", "parent": "2", "author": "someone", "date": "2020-01-02", "lang": "en", "sentiment": {"label": "negative", "score": -0.4}, "topics": [{"topic": "pricing", "label": "negative", "score": -0.2}], "claims": [{"type": "regional_availability", "subject": "acme", "value": "available", "region": "EU", "hedged": true, "evidence": "sold in Europe"}], "stance": "disagree", "location": "t.txt:12"}"#
        let (set, diagnostics) = PredictionSet.parse(jsonLines: record + "\n", source: "pred.jsonl")
        #expect(diagnostics.isEmpty)
        let prediction = set.prediction(for: CommentKey(thread: "t", id: "2.1"))
        #expect(prediction?.sentiment == "negative")
        #expect(prediction?.topics == ["pricing"])
        #expect(prediction?.claims == [ClaimTuple(type: "regional_availability", subject: "acme", value: "available", region: "EU")])
        #expect(prediction?.stance == "disagree")
    }

    @Test func labelsMayBeBareOrNullAndListsMissing() {
        let text = #"{"thread": "t", "id": "1", "sentiment": "positive", "topics": ["trust"], "stance": null}"#
        let (set, diagnostics) = PredictionSet.parse(jsonLines: text, source: "pred.jsonl")
        #expect(diagnostics.isEmpty)
        let prediction = set.predictions.first
        #expect(prediction?.sentiment == "positive")
        #expect(prediction?.topics == ["trust"])
        #expect(prediction?.claims == [])
        #expect(prediction?.stance == nil)
    }

    /// (record, expected code, column)
    @Test(arguments: [
        (#"{"id": "1"}"#, "pred.missing-key", 1),
        (#"{"thread": "t", "id": 1}"#, "pred.type", 23),
        (#"{"thread": "t", "id": "1", "claims": [{"type": "reseller_legitimacy", "value": "legitimate"}]}"#, "pred.missing-key", 39),
        (#"{"thread": "t", "id": "1", "topics": "pricing"}"#, "pred.type", 38),
        (#"{"thread": "t", "id": "1""#, "pred.json", 26),
        (#""just text""#, "pred.record", 1),
    ])
    func aBrokenRecordIsAnErrorAndLeftOut(record: String, code: String, column: Int) {
        let good = #"{"thread": "t", "id": "0"}"#
        let (set, diagnostics) = PredictionSet.parse(jsonLines: good + "\n" + record, source: "pred.jsonl")
        #expect(diagnostics.first?.code == code)
        #expect(diagnostics.first?.location == SourceLocation(file: "pred.jsonl", line: 2, column: column))
        #expect(set.predictions.map(\.id) == ["0"])
    }

    @Test func aSecondRecordForOneCommentIsIgnoredWithAWarning() {
        let text = """
        {"thread": "t", "id": "1", "stance": "agree"}
        {"thread": "t", "id": "1", "stance": "disagree"}
        """
        let (set, diagnostics) = PredictionSet.parse(jsonLines: text, source: "pred.jsonl")
        #expect(diagnostics.map(\.code) == ["pred.duplicate-id"])
        #expect(set.predictions.map(\.stance) == ["agree"])
    }

    @Test func anUnknownPredictedLabelIsAWarningWithASuggestion() {
        let text = #"{"thread": "t", "id": "1", "sentiment": {"label": "negativ"}}"#
        let (set, diagnostics) = PredictionSet.parse(jsonLines: text, source: "pred.jsonl")
        #expect(diagnostics.map(\.code) == ["pred.unknown-label"])
        #expect(diagnostics.first?.message.contains("did you mean 'negative'") == true)
        #expect(set.predictions.first?.sentiment == "negativ")
    }
}

@Suite struct AnalyzedPredictionTests {
    @Test func analysedThreadsGiveOnePredictionPerComment() {
        let comment = Comment(id: "1", text: "x", location: SourceLocation(file: "t.txt", line: 3))
        let text = TokenizedText(text: "x", tokens: [], sentences: [], language: .und)
        var analyzed = AnalyzedComment(comment: comment, text: text)
        analyzed.sentiment = SentimentResult(label: .negative, score: -0.5)
        analyzed.topics = [TopicResult(topic: "service", label: .negative, score: -0.5, sentences: [0])]
        analyzed.claims = [Claim(type: "order_fulfillment", subject: "acme", value: "refused", evidence: 0..<1)]
        analyzed.stance = .agree
        let thread = AnalyzedThread(thread: CommentThread(id: "t", source: "t.txt", comments: [comment]), comments: [analyzed])
        let set = PredictionSet(analyzed: [thread])
        #expect(set.predictions == [Prediction(thread: "t", id: "1", sentiment: "negative", topics: ["service"],
                                               claims: [ClaimTuple(type: "order_fulfillment", subject: "acme", value: "refused")],
                                               stance: "agree", location: SourceLocation(file: "t.txt", line: 3))])
    }
}
