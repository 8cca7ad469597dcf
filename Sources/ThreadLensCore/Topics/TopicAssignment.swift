/// Assigns topics per sentence from the topic cues; a comment takes the topics found in enough
/// of its sentences. A reply with no topic of its own that continues its parent ("They already
/// have one") takes the parent's topics. Sentiment per topic is filled in by `SentimentScoring`.
public struct TopicAssignment: AnalysisStage {
    public let model: TopicModel
    public init(model: TopicModel) { self.model = model }
    public var name: String { "TopicAssignment" }
    public var reads: Set<AnalysisField> { [.tokens] }
    public var writes: Set<AnalysisField> { [.topics] }

    public func apply(to thread: inout AnalyzedThread) {
        guard !model.topics.isEmpty else { return }
        let byID = thread.indexByID()
        for index in thread.comments.indices {
            var topics = assign(thread.comments[index])
            let comment = thread.comments[index].comment
            if topics.isEmpty, model.settings.inheritFromParent, let parent = comment.parent, parent != .article,
               let parentIndex = byID[parent], parentIndex < index, continuesParent(thread.comments[index].text) {
                let all = Array(thread.comments[index].text.sentences.indices)
                topics = thread.comments[parentIndex].topics.map { TopicResult(topic: $0.topic, label: .neutral, score: 0, sentences: all) }
            }
            thread.comments[index].topics = topics
        }
    }

    /// The topics of one comment from its own text.
    public func assign(_ comment: AnalyzedComment) -> [TopicResult] {
        let text = comment.text
        var order: [String] = []
        var sentencesByTopic: [String: [Int]] = [:]
        var weights: [String: Double] = [:]
        for (sentenceIndex, sentence) in text.sentences.enumerated() {
            weights.removeAll(keepingCapacity: true)
            for match in model.cues.matches(in: text.tokens, range: sentence.tokens) {
                for cue in match.value { weights[cue.topic, default: 0] += cue.weight }
            }
            guard !weights.isEmpty else { continue }
            // Report topics in the order of the model file, so output is deterministic.
            for topic in model.topics where (weights[topic] ?? 0) >= model.settings.sentenceMinWeight {
                if sentencesByTopic[topic] == nil { order.append(topic) }
                sentencesByTopic[topic, default: []].append(sentenceIndex)
            }
        }
        let minimum = comment.comment.isArticle ? model.settings.articleMinSentences : model.settings.commentMinSentences
        return order.compactMap { topic in
            guard let sentences = sentencesByTopic[topic], sentences.count >= minimum else { return nil }
            return TopicResult(topic: topic, label: .neutral, score: 0, sentences: sentences)
        }
    }

    private func continuesParent(_ text: TokenizedText) -> Bool {
        !model.context.matches(in: text.tokens).isEmpty
    }
}
