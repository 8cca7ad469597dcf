/// Scores each comment's sentiment toward the thread's brand (or toward anything, with
/// `--target any`), overall and per topic, with per-sentence detail (see `SentimentScorer`).
public struct SentimentScoring: AnalysisStage {
    public let model: SentimentModel
    public let target: AnalysisOptions.Target
    public init(model: SentimentModel, target: AnalysisOptions.Target) {
        self.model = model
        self.target = target
    }
    public var name: String { "SentimentScoring" }
    public var reads: Set<AnalysisField> { [.tokens, .entities, .brand, .topics] }
    public var writes: Set<AnalysisField> { [.sentiment] }

    public func apply(to thread: inout AnalyzedThread) {
        _ = run(&thread, explaining: nil)
    }

    /// The explanation of comment `id`'s sentiment in an analysed thread: per sentence, the
    /// words that counted, the rules that fired, the entries that defined them, the targets.
    public func explain(_ id: CommentID, in thread: AnalyzedThread) -> SentimentExplanation? {
        var copy = thread
        return run(&copy, explaining: id)
    }

    private func run(_ thread: inout AnalyzedThread, explaining: CommentID?) -> SentimentExplanation? {
        let scorer = SentimentScorer(model: model, target: target)
        let settings = model.settings
        var lastFocus: [CommentID: SentimentScorer.ResolvedTarget] = [:]
        var explanation: SentimentExplanation?
        let brandTarget = thread.brand.map { SentimentScorer.ResolvedTarget(targetClass: .brand, id: $0, text: nil, source: nil) }
        for index in thread.comments.indices {
            let analyzed = thread.comments[index]
            let comment = analyzed.comment
            let choice = comment.isArticle ? settings.articleDefault : settings.commentDefault
            var defaultTarget: SentimentScorer.ResolvedTarget?
            switch choice {
            case .none:
                defaultTarget = nil
            case .brand:
                // The article is about the brand only when it names it.
                let names = !comment.isArticle || analyzed.entities.contains { $0.kind == .brand && (thread.brand == nil || $0.id == thread.brand) }
                defaultTarget = names ? brandTarget : nil
            case .parent:
                defaultTarget = lastFocus[comment.parent ?? .article]
            }
            let context = SentimentScorer.Context(brand: thread.brand, defaultTarget: defaultTarget)
            let tracing = explaining == comment.id
            let outcome = scorer.score(analyzed, context: context, trace: tracing)
            thread.comments[index].sentiment = outcome.result
            for t in thread.comments[index].topics.indices {
                var sum = 0.0
                for sentence in thread.comments[index].topics[t].sentences where outcome.sentenceSums.indices.contains(sentence) {
                    sum += outcome.sentenceSums[sentence]
                }
                let score = settings.normalize(sum)
                thread.comments[index].topics[t].score = score
                thread.comments[index].topics[t].label = settings.label(for: score, target: target, isArticle: comment.isArticle)
            }
            if let focus = outcome.lastFocus { lastFocus[comment.id] = focus }
            if tracing {
                explanation = SentimentExplanation(brand: thread.brand, target: target, result: outcome.result, sentences: outcome.explanation)
                break
            }
        }
        return explanation
    }
}
