/// The pipeline: tokenization, then the stages, composed in one place and checked in order.
///
/// ```
/// tokens, language ─▶ EntityRecognition ─▶ BrandDetection ─▶ TopicAssignment
///   ─▶ SentimentScoring ─▶ ClaimExtraction ─▶ StanceDetection
/// ```
public struct Pipeline: Sendable {
    public let models: ModelPack
    public let options: AnalysisOptions
    public let stages: [any AnalysisStage]

    /// A stage reads a field no earlier stage writes.
    public struct OrderError: Error, CustomStringConvertible {
        public var stage: String
        public var missing: [AnalysisField]
        public var description: String {
            "stage \(stage) reads \(missing.map(\.rawValue).joined(separator: ", ")) before any stage writes it"
        }
    }

    /// Builds a pipeline from `stages`, checking that each reads only what is written before it.
    public init(models: ModelPack, options: AnalysisOptions, stages: [any AnalysisStage]) throws(OrderError) {
        var available: Set<AnalysisField> = [.tokens, .language]
        for stage in stages {
            let missing = stage.reads.subtracting(available)
            if !missing.isEmpty {
                throw OrderError(stage: stage.name, missing: missing.sorted { $0.rawValue < $1.rawValue })
            }
            available.formUnion(stage.writes)
        }
        self.models = models
        self.options = options
        self.stages = stages
    }

    /// The shipped composition.
    public static func standard(models: ModelPack, options: AnalysisOptions = AnalysisOptions()) -> Pipeline {
        let stages: [any AnalysisStage] = [
            EntityRecognition(model: models.entities),
            BrandDetection(model: models.entities, forcedBrand: options.brand),
            TopicAssignment(model: models.topics),
            SentimentScoring(model: models.sentiment, target: options.target),
            ClaimExtraction(model: models.claims),
            StanceDetection(model: models.stance),
        ]
        do {
            return try Pipeline(models: models, options: options, stages: stages)
        } catch {
            // The shipped order is fixed and covered by a test; reaching here is a programming error.
            preconditionFailure(error.description)
        }
    }

    /// Tokenizes every comment of `thread` and runs the stages over it.
    public func analyze(_ thread: CommentThread, tokenizer: Tokenizer) -> AnalyzedThread {
        var analyzed = AnalyzedThread(
            thread: thread,
            comments: thread.comments.map { AnalyzedComment(comment: $0, text: tokenizer.tokenize($0.text)) }
        )
        for stage in stages { stage.apply(to: &analyzed) }
        return analyzed
    }
}
