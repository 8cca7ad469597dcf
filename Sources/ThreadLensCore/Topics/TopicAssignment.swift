/// Assigns topics per sentence from the topic cues (words, and entity kinds such as any
/// recognised reseller or region); a comment takes the topics found in enough of its sentences.
/// A reply with no topic of its own may take its parent's ("They already have one"), as
/// `inherit.from-parent` says. Sentiment per topic is filled in by `SentimentScoring`.
public struct TopicAssignment: AnalysisStage {
    public let model: TopicModel
    public init(model: TopicModel) { self.model = model }
    public var name: String { "TopicAssignment" }
    public var reads: Set<AnalysisField> { [.tokens, .entities] }
    public var writes: Set<AnalysisField> { [.topics] }

    public func apply(to thread: inout AnalyzedThread) {
        guard !model.topics.isEmpty else { return }
        let byID = thread.indexByID()
        for index in thread.comments.indices {
            var topics = assign(thread.comments[index])
            let comment = thread.comments[index].comment
            let inherits: Bool
            switch model.settings.inheritFromParent {
            case .never: inherits = false
            case .context: inherits = continuesParent(thread.comments[index].text)
            case .always: inherits = true
            }
            if topics.isEmpty, inherits, let parent = comment.parent, parent != .article,
               let parentIndex = byID[parent], parentIndex < index {
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
            for cues in cueMatches(in: text, sentence: sentence) {
                for cue in cues { weights[cue.topic, default: 0] += cue.weight }
            }
            if !model.entityCues.isEmpty {
                // Entities are in text order: those starting in this sentence are one run of them.
                let first = comment.entities.partitionPoint { $0.tokens.lowerBound >= sentence.tokens.lowerBound }
                for entity in comment.entities[first...].prefix(while: { $0.tokens.lowerBound < sentence.tokens.upperBound }) {
                    for cue in model.entityCues[entity.kind] ?? [] { weights[cue.topic, default: 0] += cue.weight }
                }
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

    /// The cues in a sentence. Han text is matched by character, so a cue is found however ICU
    /// split the words around it (代购 in 代|购买); a one-character cue must still be a whole
    /// token (元 is not found inside 单元).
    private func cueMatches(in text: TokenizedText, sentence: Sentence) -> [[TopicModel.Cue]] {
        var units: [Token] = []
        var startsToken: [Bool] = []
        units.reserveCapacity(sentence.tokens.count * 2)
        for token in text.tokens[sentence.tokens] {
            if (token.kind == .ideographic || token.kind == .kana) && token.key.unicodeScalars.count > 1 {
                for (offset, scalar) in token.key.unicodeScalars.enumerated() {
                    units.append(Token(range: token.range, kind: token.kind, ruleStatus: token.ruleStatus, key: String(scalar)))
                    startsToken.append(offset == 0)
                }
            } else {
                units.append(token)
                startsToken.append(true)
            }
        }
        var found: [[TopicModel.Cue]] = []
        var index = 0
        while index < units.count {
            if let match = model.cues.longestMatch(in: units, from: index) {
                let end = index + match.length
                let wholeTokens = startsToken[index] && (end == units.count || startsToken[end])
                if match.length > 1 || wholeTokens {
                    found.append(match.value)
                    index = end
                    continue
                }
            }
            index += 1
        }
        return found
    }

    private func continuesParent(_ text: TokenizedText) -> Bool {
        !model.context.matches(in: text.tokens).isEmpty
    }
}
