import ThreadLensCore

/// A piece of comment text kept as evidence for a number in the report, with where it came from.
///
/// Lists of quotes are kept to the best `limit` under a total order (every field takes part in
/// the comparison), so "the best K of a union" is the same however the union is grouped: this is
/// what lets partial reports merge associatively and commutatively.
public struct Quote: Hashable, Sendable {
    public var thread: String
    public var comment: String
    public var author: String?
    /// ISO 8601 date of the comment, when known.
    public var date: String?
    /// The quantised score (1e-4 units) the quote is ranked by; 0 where no score applies.
    public var score: Int
    public var hedged: Bool
    /// Whitespace-collapsed, at most `Quote.maxCharacters` characters.
    public var text: String

    public init(thread: String, comment: String, author: String? = nil, date: String? = nil, score: Int = 0,
                hedged: Bool = false, text: String) {
        self.thread = thread
        self.comment = comment
        self.author = author
        self.date = date
        self.score = score
        self.hedged = hedged
        self.text = text
    }

    /// Quotes longer than this are cut at a character boundary with `…`.
    public static let maxCharacters = 220

    /// Collapses runs of whitespace (newlines included) to one space and cuts the result to
    /// `maxCharacters` characters, the last of them `…` when something was cut.
    public static func clean(_ text: some StringProtocol) -> String {
        var out = ""
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(character)
        }
        guard out.count > maxCharacters else { return out }
        var cut = String(out.prefix(maxCharacters - 1))
        while cut.last?.isWhitespace == true { cut.removeLast() }
        return cut + "…"
    }

    /// How one list of quotes is ranked; each ends in `tieBreak`, so the order is total.
    public enum Ranking: String, Sendable {
        /// Highest score first.
        case mostPositive
        /// Lowest score first.
        case mostNegative
        /// Unhedged before hedged, then earliest.
        case strongestFirst
        /// Earliest first.
        case earliestFirst

        func precedes(_ a: Quote, _ b: Quote) -> Bool {
            switch self {
            case .mostPositive: if a.score != b.score { return a.score > b.score }
            case .mostNegative: if a.score != b.score { return a.score < b.score }
            case .strongestFirst: if a.hedged != b.hedged { return !a.hedged }
            case .earliestFirst: break
            }
            return Quote.tieBreak(a, b)
        }
    }

    /// Date (undated last), thread, comment id (numerically per dotted part), then every other field.
    static func tieBreak(_ a: Quote, _ b: Quote) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: break
        }
        if a.thread != b.thread { return a.thread < b.thread }
        if a.comment != b.comment {
            let x = CommentID(a.comment), y = CommentID(b.comment)
            if x < y { return true }
            if y < x { return false }
            return a.comment < b.comment
        }
        if a.text != b.text { return a.text < b.text }
        if a.score != b.score { return a.score < b.score }
        if a.hedged != b.hedged { return !a.hedged }
        return (a.author ?? "") < (b.author ?? "") || (a.author == nil && b.author != nil)
    }
}

extension Array where Element == Quote {
    /// Keeps the best `limit` of `self` ∪ `other` under `ranking`, without duplicates.
    mutating func keepBest(adding other: [Quote], limit: Int, ranking: Quote.Ranking) {
        var seen = Set<Quote>()
        let all = (self + other).filter { seen.insert($0).inserted }
        self = Array(all.sorted(by: ranking.precedes).prefix(Swift.max(0, limit)))
    }

    mutating func keepBest(adding quote: Quote, limit: Int, ranking: Quote.Ranking) {
        keepBest(adding: [quote], limit: limit, ranking: ranking)
    }
}
