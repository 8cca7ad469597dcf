import Foundation
import Testing
@testable import ThreadLensCore
import ThreadLensICU

/// The shipped model pack (the repository's `models/`, found from this file's path so the tests
/// need nothing outside the clone), loaded once and shared (a `ModelPack` is an immutable value),
/// and helpers that run the standard pipeline over hand-written comments. Each call makes its
/// own ICU segmenter: segmenters are not thread-safe and tests run in parallel.
enum SentimentHarness {
    static var repositoryDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var modelsDirectory: URL { repositoryDirectory.appendingPathComponent("models") }

    /// The shipped pack, or the error that stopped it loading.
    static let loaded: Result<ModelPack, DiagnosticsError> = {
        do {
            let tokenizer = Tokenizer(segmenter: try ICUSegmenter())
            return .success(try ModelPack.load(from: modelsDirectory, tokenizer: tokenizer).pack)
        } catch let error as DiagnosticsError {
            return .failure(error)
        } catch {
            return .failure(DiagnosticsError([.error("test.icu", "\(error)")]))
        }
    }()

    static func pack() throws -> ModelPack { try loaded.get() }

    /// One comment of a hand-written thread.
    struct Post {
        var id: CommentID
        var parent: CommentID?
        var text: String
        init(_ id: CommentID, parent: CommentID? = nil, _ text: String) {
            self.id = id
            self.parent = parent
            self.text = text
        }
    }

    /// Runs the standard pipeline over `posts`.
    static func analyze(_ posts: [Post], brand: String? = "xiaomi", target: AnalysisOptions.Target = .brand) throws -> AnalyzedThread {
        let comments = posts.enumerated().map { index, post in
            Comment(id: post.id, parent: post.parent, text: post.text, location: SourceLocation(file: "test", line: index + 1))
        }
        let thread = CommentThread(id: "test", source: "test", comments: comments)
        let tokenizer = Tokenizer(segmenter: try ICUSegmenter())
        return Pipeline.standard(models: try pack(), options: AnalysisOptions(brand: brand, target: target)).analyze(thread, tokenizer: tokenizer)
    }

    /// The sentiment of one top-level comment.
    static func sentiment(_ text: String, brand: String? = "xiaomi", target: AnalysisOptions.Target = .brand) throws -> SentimentResult {
        try analyze([Post("1", text)], brand: brand, target: target).comments[0].sentiment
    }

    /// The score of one top-level comment.
    static func score(_ text: String, brand: String? = "xiaomi", target: AnalysisOptions.Target = .brand) throws -> Double {
        try sentiment(text, brand: brand, target: target).score
    }

    /// The explanation of comment `id` in `posts`.
    static func explain(_ posts: [Post], id: CommentID, brand: String? = "xiaomi", target: AnalysisOptions.Target = .brand) throws -> SentimentExplanation {
        let thread = try analyze(posts, brand: brand, target: target)
        return try #require(SentimentScoring(model: try pack().sentiment, target: target).explain(id, in: thread))
    }

    /// Every rule that fired on any word of a one-comment thread.
    static func firedRules(_ text: String, target: AnalysisOptions.Target = .any) throws -> [String] {
        let explanation = try explain([Post("1", text)], id: "1", target: target)
        return explanation.sentences.flatMap { $0.words.flatMap { $0.firings.map(\.rule) } + $0.firings.map(\.rule) }
    }
}

/// Writes model files into a fresh temporary `models/` directory and loads them, for lint tests.
struct ScratchModels {
    let directory: URL

    init(_ files: [String: String]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("threadlens-sentiment-\(UUID().uuidString)")
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    /// Loads the sentiment model from the directory; returns it with the diagnostics.
    func loadSentiment() throws -> (SentimentModel, [Diagnostic]) {
        var loader = ModelLoader(directory: directory, tokenizer: Tokenizer(segmenter: try ICUSegmenter()))
        let model = SentimentModel.load(&loader)
        return (model, loader.diagnostics)
    }

    /// Loads the topic model from the directory; returns it with the diagnostics.
    func loadTopics() throws -> (TopicModel, [Diagnostic]) {
        var loader = ModelLoader(directory: directory, tokenizer: Tokenizer(segmenter: try ICUSegmenter()))
        let model = TopicModel.load(&loader)
        return (model, loader.diagnostics)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}
