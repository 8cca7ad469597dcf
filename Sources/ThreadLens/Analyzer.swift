import Foundation
@_exported import ThreadLensCore
@_exported import ThreadLensICU
@_exported import ThreadLensIO
@_exported import ThreadLensEval
@_exported import ThreadLensReport

/// The library's front door: load the models once, then analyse threads.
///
/// ```swift
/// import ThreadLens
/// let analyzer = try Analyzer()
/// let result = analyzer.analyze(contentsOf: URL(fileURLWithPath: "thread.txt"))
/// for comment in result.threads.flatMap(\.comments) { print(comment.id, comment.sentiment.label) }
/// ```
/// An `Analyzer` owns ICU break iterators: use one per thread of execution.
public final class Analyzer {
    public let models: ModelPack
    public let pipeline: Pipeline
    public let tokenizer: Tokenizer
    /// Warnings from loading the models.
    public let modelWarnings: [Diagnostic]
    /// The article-boilerplate rules of the text format (`models/boilerplate.tsv`).
    public let boilerplate: BoilerplateRules

    /// Loads the model pack from `modelsDirectory` (default: the shipped `models/`, found as
    /// `ModelPack.locateDefaultDirectory` describes), with `overlays` laid over it (partial
    /// packs and overlay files, see `ModelOverlays`). Throws the model files' diagnostics.
    public init(modelsDirectory: URL? = nil, overlays: ModelOverlays = .none, options: AnalysisOptions = AnalysisOptions()) throws {
        let tokenizer = Tokenizer(segmenter: try ICUSegmenter())
        guard let directory = modelsDirectory ?? ModelPack.locateDefaultDirectory() else {
            throw DiagnosticsError([.error("model.not-found", "cannot find the models/ directory; pass --models DIR or set THREADLENS_MODELS")])
        }
        let (pack, warnings) = try ModelPack.load(from: directory, tokenizer: tokenizer, overlays: overlays)
        let (boilerplate, boilerplateDiagnostics) = BoilerplateRules.load(modelsDirectory: directory, partialPacks: overlays.directories)
        if boilerplateDiagnostics.hasErrors { throw DiagnosticsError(boilerplateDiagnostics) }
        self.models = pack
        self.modelWarnings = warnings + boilerplateDiagnostics
        self.boilerplate = boilerplate
        self.tokenizer = tokenizer
        self.pipeline = Pipeline.standard(models: pack, options: options)
    }

    /// Analyses one thread.
    public func analyze(_ thread: CommentThread) -> AnalyzedThread {
        pipeline.analyze(thread, tokenizer: tokenizer)
    }

    /// Reads an input file in any supported format and analyses every thread in it. The
    /// charset is detected (ICU) unless `encoding` names one.
    public func analyze(contentsOf url: URL, format: InputFormat? = nil, encoding: String? = nil) -> (threads: [AnalyzedThread], read: ReadResult) {
        let read = InputFiles.read(path: url.path, format: format, boilerplate: boilerplate, encoding: .icu(forced: encoding))
        return (read.threads.map(analyze), read)
    }
}
