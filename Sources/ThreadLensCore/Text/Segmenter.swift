/// The text services the core needs from a Unicode library, as protocols: the core never
/// imports ICU; `ThreadLensICU` implements these over the C shim.

/// One segment from a break iterator: a UTF-8 byte range and the iterator's rule status.
public struct Segment: Hashable, Sendable {
    public var range: Range<Int>
    public var ruleStatus: Int32
    public init(range: Range<Int>, ruleStatus: Int32) {
        self.range = range
        self.ruleStatus = ruleStatus
    }
}

/// Word and sentence segmentation plus lookup folding. Implementations hold reusable buffers and
/// are not thread-safe: make one per worker with a `SegmenterFactory`.
public protocol Segmenter: AnyObject {
    /// Every word-break segment of `text` (spaces included), in order, covering the text.
    func wordSegments(of text: Substring) -> [Segment]
    /// Every sentence of `text`, in order, covering the text.
    func sentenceSegments(of text: Substring) -> [Range<Int>]
    /// The NFKC case-folded lookup form of `text`.
    func foldForLookup(_ text: Substring) -> String
    /// Word segments and sentences together; implementations may share work between the two
    /// (ICU converts the text to UTF-16 once).
    func segments(of text: Substring) -> (words: [Segment], sentences: [Range<Int>])
}

extension Segmenter {
    public func segments(of text: Substring) -> (words: [Segment], sentences: [Range<Int>]) {
        (wordSegments(of: text), sentenceSegments(of: text))
    }
}

/// Makes segmenters; shared across threads.
public protocol SegmenterFactory: Sendable {
    func makeSegmenter() -> any Segmenter
}
