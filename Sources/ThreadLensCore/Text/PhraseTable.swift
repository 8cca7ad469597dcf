/// Longest-match lookup of multi-token lexicon entries over a token sequence.
///
/// Entries and text are compared as sequences of *units*: a Latin/number token is one unit (its
/// lookup key); an ideographic or kana token contributes one unit per character (Unicode scalar
/// of its key; keys hold no variation selectors or combining marks on Han, NFKC removed or
/// composed them). So `发货` matches whether ICU produced `发货` or `发|货`, and `官方旗舰店`
/// matches `官方|旗舰店` as well as `官方|旗舰|店`. A match must start and end on token
/// boundaries: `旗舰` does not match inside the token `旗舰店`.
///
/// Build entries' units with `Tokenizer.lookupUnits(of:)` (or `ModelLoader.units(of:)`), so
/// that entries and text are keyed the same way.
public struct PhraseTable<Value: Sendable>: Sendable {
    /// A node is small (its value lives in `values`): lexicons make ~60,000 nodes, and moving
    /// large nodes as the array grew was a tenth of start-up.
    private struct Node: Sendable {
        var children: [String: Int32] = [:]
        /// Index into `values`, or -1.
        var value: Int32 = -1
    }

    private var nodes: [Node] = [Node()]
    private var values: [Value] = []
    public private(set) var count = 0

    public init() {}

    /// The units of a tokenized phrase or text span.
    public static func units(of text: TokenizedText) -> [String] {
        var units: [String] = []
        for token in text.tokens { appendUnits(of: token, to: &units) }
        return units
    }

    static func appendUnits(of token: Token, to units: inout [String]) {
        if token.kind == .ideographic || token.kind == .kana {
            for scalar in token.key.unicodeScalars { units.append(String(scalar)) }
        } else {
            units.append(token.key)
        }
    }

    /// Inserts `value` under `units`; returns the value that was there before, if any.
    @discardableResult
    public mutating func insert(units: [String], value: Value) -> Value? {
        guard !units.isEmpty else { return nil }
        var node = 0
        for unit in units {
            if let child = nodes[node].children[unit] {
                node = Int(child)
            } else {
                nodes.append(Node())
                let child = nodes.count - 1
                nodes[node].children[unit] = Int32(child)
                node = child
            }
        }
        let slot = Int(nodes[node].value)
        guard slot < 0 else {
            let previous = values[slot]
            values[slot] = value
            return previous
        }
        nodes[node].value = Int32(values.count)
        values.append(value)
        count += 1
        return nil
    }

    /// The value stored under exactly `units`.
    public func value(forUnits units: [String]) -> Value? {
        var node = 0
        for unit in units {
            guard let child = nodes[node].children[unit] else { return nil }
            node = Int(child)
        }
        return self.value(at: node)
    }

    private func value(at node: Int) -> Value? {
        let slot = Int(nodes[node].value)
        return slot < 0 ? nil : values[slot]
    }

    /// The longest entry starting at token `start` (and ending on a token boundary at or before
    /// `limit`): the number of tokens it spans and its value.
    public func longestMatch(in tokens: [Token], from start: Int, limit: Int? = nil) -> (length: Int, value: Value)? {
        let end = limit ?? tokens.count
        var node = 0
        var best: (length: Int, value: Value)?
        var index = start
        tokenLoop: while index < end {
            let token = tokens[index]
            if token.kind == .ideographic || token.kind == .kana {
                for scalar in token.key.unicodeScalars {
                    guard let child = nodes[node].children[String(scalar)] else { break tokenLoop }
                    node = Int(child)
                }
            } else {
                guard let child = nodes[node].children[token.key] else { break }
                node = Int(child)
            }
            index += 1
            if let value = value(at: node) { best = (index - start, value) }
        }
        return best
    }

    /// All non-overlapping longest matches, scanning left to right.
    public func matches(in tokens: [Token], range: Range<Int>? = nil) -> [(tokens: Range<Int>, value: Value)] {
        let bounds = range ?? 0..<tokens.count
        var result: [(tokens: Range<Int>, value: Value)] = []
        var index = bounds.lowerBound
        while index < bounds.upperBound {
            if let match = longestMatch(in: tokens, from: index, limit: bounds.upperBound) {
                result.append((index..<(index + match.length), match.value))
                index += match.length
            } else {
                index += 1
            }
        }
        return result
    }
}
