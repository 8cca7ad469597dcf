/// Finds brand mentions (gazetteer aliases) in every comment.
public struct EntityRecognition: AnalysisStage {
    public let model: EntityModel
    public init(model: EntityModel) { self.model = model }

    public var name: String { "EntityRecognition" }
    public var reads: Set<AnalysisField> { [.tokens] }
    public var writes: Set<AnalysisField> { [.entities] }

    public func apply(to thread: inout AnalyzedThread) {
        for index in thread.comments.indices {
            let tokens = thread.comments[index].text.tokens
            thread.comments[index].entities = model.brandAliases.matches(in: tokens).map {
                EntityMention(kind: .brand, id: $0.value.brand, tokens: $0.tokens, source: $0.value.source)
            }
        }
    }
}

/// Decides which brand the thread is about: the `--brand` option, else the brand named most in
/// the title and article (counted double), then in the comments.
public struct BrandDetection: AnalysisStage {
    public let model: EntityModel
    public let forcedBrand: String?
    public init(model: EntityModel, forcedBrand: String?) {
        self.model = model
        self.forcedBrand = forcedBrand
    }

    public var name: String { "BrandDetection" }
    public var reads: Set<AnalysisField> { [.entities] }
    public var writes: Set<AnalysisField> { [.brand] }

    public func apply(to thread: inout AnalyzedThread) {
        if let forcedBrand {
            thread.brand = forcedBrand
            return
        }
        var counts: [String: Int] = [:]
        for analyzed in thread.comments {
            let weight = analyzed.comment.isArticle ? 2 : 1
            for mention in analyzed.entities where mention.kind == .brand { counts[mention.id, default: 0] += weight }
        }
        // Ties go to the brand listed first in the gazetteer, so the choice is deterministic.
        thread.brand = counts.max { a, b in
            a.value != b.value ? a.value < b.value : (model.brands.firstIndex(of: a.key) ?? .max) > (model.brands.firstIndex(of: b.key) ?? .max)
        }?.key
    }
}
