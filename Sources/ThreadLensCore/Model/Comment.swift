/// The thread/comment model every reader produces and every stage reads.

/// Where something came from: a file (or `-` for standard input), a 1-based line and,
/// where it is known, a 1-based column.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int?

    public init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        if let column { return "\(file):\(line):\(column)" }
        return "\(file):\(line)"
    }
}

/// A comment's date: the text as scraped and, when it could be parsed, its ISO 8601 form.
public struct CommentDate: Hashable, Sendable {
    public var raw: String
    public var iso8601: String?

    public init(raw: String, iso8601: String?) {
        self.raw = raw
        self.iso8601 = iso8601
    }

    /// The form the output record carries: ISO 8601 when parsed, else the input text (SPEC §5).
    public var output: String { iso8601 ?? raw }
}

/// One comment, or the article/opening post (id `0`), of a thread.
public struct Comment: Hashable, Sendable {
    public var id: CommentID
    /// The comment this one replies to; `nil` for top-level comments and the article.
    public var parent: CommentID?
    public var author: String?
    public var date: CommentDate?
    /// The analysed text. For the article: title and body paragraphs, boilerplate removed.
    public var text: String
    /// Where the comment starts in its source file.
    public var location: SourceLocation

    public init(id: CommentID, parent: CommentID? = nil, author: String? = nil, date: CommentDate? = nil,
                text: String, location: SourceLocation) {
        self.id = id
        self.parent = parent
        self.author = author
        self.date = date
        self.text = text
        self.location = location
    }

    public var isArticle: Bool { id == .article && parent == nil }
}

/// One discussion thread: an optional article plus its comments, in input order.
public struct CommentThread: Hashable, Sendable {
    public var id: ThreadID
    public var title: String?
    public var url: String?
    /// The file it was read from (`-` for standard input).
    public var source: String
    /// In input order; the article `0`, when there is one, comes first.
    public var comments: [Comment]

    public init(id: ThreadID, title: String? = nil, url: String? = nil, source: String, comments: [Comment]) {
        self.id = id
        self.title = title
        self.url = url
        self.source = source
        self.comments = comments
    }

    /// Index of each comment by id, for walking parent chains.
    public func indexByID() -> [CommentID: Int] {
        var index: [CommentID: Int] = [:]
        index.reserveCapacity(comments.count)
        for (i, comment) in comments.enumerated() where index[comment.id] == nil { index[comment.id] = i }
        return index
    }
}
