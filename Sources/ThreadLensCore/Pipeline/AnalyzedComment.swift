/// The data that flows through the stages: each stage reads some fields and writes others.

/// A comment with everything the stages found in it.
public struct AnalyzedComment: Hashable, Sendable {
    public var comment: Comment
    public var text: TokenizedText
    public var entities: [EntityMention] = []
    public var sentiment: SentimentResult = .neutral
    public var topics: [TopicResult] = []
    public var claims: [Claim] = []
    public var stance: Stance = .none

    public init(comment: Comment, text: TokenizedText) {
        self.comment = comment
        self.text = text
    }

    public var id: CommentID { comment.id }
}

/// A thread with its analysed comments, in input order.
public struct AnalyzedThread: Hashable, Sendable {
    public var thread: CommentThread
    /// The brand the thread is about (gazetteer id), detected or given with `--brand`.
    public var brand: String?
    public var comments: [AnalyzedComment]

    public init(thread: CommentThread, brand: String? = nil, comments: [AnalyzedComment]) {
        self.thread = thread
        self.brand = brand
        self.comments = comments
    }

    /// The position of each comment by id.
    public func indexByID() -> [CommentID: Int] {
        var index: [CommentID: Int] = [:]
        for (i, analyzed) in comments.enumerated() where index[analyzed.id] == nil { index[analyzed.id] = i }
        return index
    }

    /// The indices of the ancestors of comment `index`, nearest first (cycles cut).
    public func ancestors(of index: Int, using byID: [CommentID: Int], limit: Int = .max) -> [Int] {
        var result: [Int] = []
        var seen: Set<Int> = [index]
        var current = comments[index].comment.parent
        while result.count < limit, let parent = current, let parentIndex = byID[parent], !seen.contains(parentIndex) {
            result.append(parentIndex)
            seen.insert(parentIndex)
            current = comments[parentIndex].comment.parent
        }
        return result
    }
}
