/// Typed identifiers, so a thread id can never be passed where a comment id is meant.

/// The id of one thread: its file name without extension, or the id its records name.
public struct ThreadID: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: ThreadID, rhs: ThreadID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The id of one comment within its thread (SPEC §3): `0` for the article, `N` for the Nth
/// top-level comment, `P.K` for the Kth reply to `P`; other formats use their own ids as given.
public struct CommentID: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    /// The article or opening post of a text-format thread.
    public static let article = CommentID("0")

    /// The id of the `index`th (1-based) reply to this comment, in the text format's scheme.
    public func reply(_ index: Int) -> CommentID { CommentID("\(rawValue).\(index)") }

    /// Orders dotted numeric ids numerically per part (`2.10` after `2.9`), others as text.
    public static func < (lhs: CommentID, rhs: CommentID) -> Bool {
        let a = lhs.rawValue.split(separator: "."), b = rhs.rawValue.split(separator: ".")
        for (x, y) in zip(a, b) where x != y {
            if let i = Int(x), let j = Int(y) { return i < j }
            return x < y
        }
        return a.count < b.count
    }
}
