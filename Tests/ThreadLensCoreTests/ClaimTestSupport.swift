import Foundation
import Testing
@testable import ThreadLensCore
import ThreadLensICU

/// The shipped entity, claim and stance models, loaded from the repository's `models/` (found
/// from this file's path, so the tests need nothing outside the clone), and a small harness that
/// runs the entity, claim and stance stages over hand-built threads.
struct ClaimHarness {
    let tokenizer: Tokenizer
    let entities: EntityModel
    let claims: ClaimModel
    let stance: StanceModel
    let diagnostics: [Diagnostic]

    static var modelsDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("models")
    }

    static var corporaDirectory: URL {
        modelsDirectory.deletingLastPathComponent().appendingPathComponent("corpora")
    }

    /// Loads the shipped models with a fresh ICU segmenter (one per test: segmenters are not
    /// thread-safe and tests run in parallel).
    init(models directory: URL = ClaimHarness.modelsDirectory) throws {
        tokenizer = Tokenizer(segmenter: try ICUSegmenter())
        var loader = ModelLoader(directory: directory, tokenizer: tokenizer)
        entities = EntityModel.load(&loader)
        claims = ClaimModel.load(&loader, entities: entities)
        stance = StanceModel.load(&loader)
        diagnostics = loader.diagnostics
    }

    /// The rule ids of the shipped claim rules (empty when the models do not load; a separate
    /// test reports that).
    static let ruleIDs: [String] = (try? ClaimHarness())?.claims.rules.map(\.id) ?? []

    /// One comment of a hand-built thread: its id, its parent's id and its text.
    typealias Post = SentimentHarness.Post

    /// Runs recognition, brand detection (forced to `brand` when given), claims and stance.
    func analyze(_ posts: [Post], brand: String? = "xiaomi") -> AnalyzedThread {
        let comments = posts.enumerated().map { index, post in
            Comment(id: post.id, parent: post.parent, text: post.text, location: SourceLocation(file: "test", line: index + 1))
        }
        let thread = CommentThread(id: "test", source: "test", comments: comments)
        return analyze(thread, brand: brand)
    }

    func analyze(_ thread: CommentThread, brand: String? = nil) -> AnalyzedThread {
        var analyzed = AnalyzedThread(thread: thread, comments: thread.comments.map { AnalyzedComment(comment: $0, text: tokenizer.tokenize($0.text)) })
        EntityRecognition(model: entities).apply(to: &analyzed)
        BrandDetection(model: entities, forcedBrand: brand).apply(to: &analyzed)
        ClaimExtraction(model: claims).apply(to: &analyzed)
        StanceDetection(model: stance).apply(to: &analyzed)
        return analyzed
    }

    /// The claims of the last post, as `type subject value [REGION] [hedged]` strings.
    func claims(_ posts: [Post], brand: String? = "xiaomi") -> [String] {
        analyze(posts, brand: brand).comments.last.map { $0.claims.map(Self.describe) } ?? []
    }

    /// The claims of a single comment.
    func claims(of text: String, brand: String? = "xiaomi") -> [String] {
        claims([Post("1", text)], brand: brand)
    }

    /// The entity mentions of a single comment, as `kind:id`.
    func entities(of text: String) -> [String] {
        analyze([Post("1", text)]).comments[0].entities.map { "\($0.kind.rawValue):\($0.id)" }
    }

    static func describe(_ claim: Claim) -> String {
        ([claim.type, claim.subject, claim.value] + (claim.region.map { [$0] } ?? []) + (claim.hedged ? ["hedged"] : []))
            .joined(separator: " ")
    }
}
