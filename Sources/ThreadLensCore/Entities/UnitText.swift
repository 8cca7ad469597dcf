/// A comment's text as a sequence of lookup *units*: one per Latin/number/URL/punctuation token
/// (its key), one per character of a Han or kana token. Gazetteers, seller cues, claim patterns
/// and stance cues are matched over units, so a Chinese entry matches however ICU's dictionary
/// cut the text (`是正|品` still holds `正品`). Units keep byte ranges into the original text.

/// One lookup unit: its key, the token it comes from and its UTF-8 byte range in the text.
public struct TextUnit: Hashable, Sendable {
    /// The lookup form (the token's NFKC case-folded key, or one character of it).
    public var key: String
    /// The index of the token the unit belongs to.
    public var token: Int
    /// UTF-8 byte range into the comment text.
    public var range: Range<Int>
    public var kind: TokenKind
    /// True when the unit is the first unit of its token.
    public var startsToken: Bool
    /// True when the unit is the last unit of its token.
    public var endsToken: Bool

    /// True for Han or kana characters.
    public var isHan: Bool { kind == .ideographic || kind == .kana }
    /// True for units that carry words (not punctuation, symbols or emoji).
    public var isWordLike: Bool {
        switch kind {
        case .word, .number, .ideographic, .kana: return true
        default: return false
        }
    }
}

/// The unit view of a tokenized comment.
public struct UnitText: Hashable, Sendable {
    public var units: [TextUnit]
    /// For each sentence of the tokenized text, its range of unit indices.
    public var sentences: [Range<Int>]
    /// The index of the first unit of each token.
    public var firstUnitOfToken: [Int]

    /// Splits `text` into units (see `TextUnit`).
    public init(_ text: TokenizedText) {
        var units: [TextUnit] = []
        var firstUnit: [Int] = []
        units.reserveCapacity(text.tokens.count)
        firstUnit.reserveCapacity(text.tokens.count)
        for (index, token) in text.tokens.enumerated() {
            firstUnit.append(units.count)
            if token.kind == .ideographic || token.kind == .kana {
                let keyCharacters = token.key.map { String($0) }
                let original = text.text(of: token)
                // Byte ranges per character when folding kept the character count (nearly always);
                // otherwise every unit spans the whole token.
                var ranges: [Range<Int>] = []
                if original.count == keyCharacters.count {
                    var offset = token.range.lowerBound
                    for character in original {
                        let length = character.utf8.count
                        ranges.append(offset..<(offset + length))
                        offset += length
                    }
                } else {
                    ranges = Array(repeating: token.range, count: keyCharacters.count)
                }
                for (i, key) in keyCharacters.enumerated() {
                    units.append(TextUnit(key: key, token: index, range: ranges[i], kind: token.kind,
                                          startsToken: i == 0, endsToken: i == keyCharacters.count - 1))
                }
            } else {
                units.append(TextUnit(key: token.key, token: index, range: token.range, kind: token.kind,
                                      startsToken: true, endsToken: true))
            }
        }
        self.units = units
        self.firstUnitOfToken = firstUnit
        self.sentences = text.sentences.map { sentence in
            let lower = sentence.tokens.lowerBound < firstUnit.count ? firstUnit[sentence.tokens.lowerBound] : units.count
            let upper = sentence.tokens.upperBound < firstUnit.count ? firstUnit[sentence.tokens.upperBound] : units.count
            return lower..<upper
        }
    }

    public var count: Int { units.count }

    /// The token range covered by the units `range`.
    public func tokens(of range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else { return 0..<0 }
        return units[range.lowerBound].token..<(units[range.upperBound - 1].token + 1)
    }

    /// The byte range covered by the units `range`.
    public func bytes(of range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else { return 0..<0 }
        return units[range.lowerBound].range.lowerBound..<units[range.upperBound - 1].range.upperBound
    }

    /// The units covering the byte range `bytes` (those that overlap it; for an empty range, the
    /// units starting there). Units are in text order and their ranges never decrease, so both
    /// ends are found by binary search.
    public func units(covering bytes: Range<Int>) -> Range<Int> {
        let lower = bytes.isEmpty ? units.partitionPoint { $0.range.lowerBound >= bytes.lowerBound }
                                  : units.partitionPoint { $0.range.upperBound > bytes.lowerBound }
        let upper = bytes.isEmpty ? units.partitionPoint { $0.range.lowerBound > bytes.lowerBound }
                                  : units.partitionPoint { $0.range.lowerBound >= bytes.upperBound }
        return lower < upper ? lower..<upper : 0..<0
    }

    /// The units covering the tokens `tokens`.
    public func units(ofTokens tokens: Range<Int>) -> Range<Int> {
        guard !tokens.isEmpty, tokens.lowerBound < firstUnitOfToken.count else { return 0..<0 }
        let lower = firstUnitOfToken[tokens.lowerBound]
        let upper = tokens.upperBound < firstUnitOfToken.count ? firstUnitOfToken[tokens.upperBound] : units.count
        return lower..<upper
    }

    /// The index of the sentence holding unit `index` (sentences are in order; binary search).
    public func sentence(ofUnit index: Int) -> Int? {
        let candidate = sentences.partitionPoint { $0.upperBound > index }
        return candidate < sentences.count && sentences[candidate].contains(index) ? candidate : nil
    }

    /// True when a Han match over `range` sits on at least one token boundary: an entry that
    /// starts and ends inside ICU words (`京东` in `北京|东城区`) is a coincidence of characters.
    public func isPlausibleMatch(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        let first = units[range.lowerBound], last = units[range.upperBound - 1]
        if !first.isHan && !last.isHan { return true }
        return first.startsToken || last.endsToken
    }
}

/// A trie over lookup units with longest match from any unit position (not only token starts).
public struct UnitTrie<Value: Sendable>: Sendable {
    private struct Node: Sendable {
        var children: [String: Int32] = [:]
        var value: Value?
    }

    private var nodes: [Node] = [Node()]
    public private(set) var count = 0

    public init() {}

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
        let previous = nodes[node].value
        nodes[node].value = value
        if previous == nil { count += 1 }
        return previous
    }

    /// The value stored under exactly `units`.
    public func value(forUnits units: [String]) -> Value? {
        var node = 0
        for unit in units {
            guard let child = nodes[node].children[unit] else { return nil }
            node = Int(child)
        }
        return nodes[node].value
    }

    /// Every entry starting at unit `start` (ending at or before `limit`), shortest first.
    public func matches(in units: [TextUnit], from start: Int, limit: Int? = nil) -> [(length: Int, value: Value)] {
        let end = limit ?? units.count
        var node = 0
        var found: [(length: Int, value: Value)] = []
        var index = start
        while index < end, let child = nodes[node].children[units[index].key] {
            node = Int(child)
            index += 1
            if let value = nodes[node].value { found.append((index - start, value)) }
        }
        return found
    }

    /// The longest entry starting at unit `start`.
    public func longestMatch(in units: [TextUnit], from start: Int, limit: Int? = nil) -> (length: Int, value: Value)? {
        matches(in: units, from: start, limit: limit).last
    }

    /// All non-overlapping longest matches over `text`, left to right, that pass `accept`. With
    /// `anywhere`, a Han match may also start and end inside ICU words: right for function words
    /// and cues (`不` in `都不是`), wrong for names (see `UnitText.isPlausibleMatch`).
    public func scan(_ text: UnitText, range: Range<Int>? = nil, anywhere: Bool = false,
                     accept: (Range<Int>, Value) -> Bool = { _, _ in true }) -> [(units: Range<Int>, value: Value)] {
        let bounds = range ?? 0..<text.count
        var result: [(units: Range<Int>, value: Value)] = []
        var index = bounds.lowerBound
        while index < bounds.upperBound {
            let candidates = matches(in: text.units, from: index, limit: bounds.upperBound)
            if let match = candidates.reversed().first(where: { accept(index..<(index + $0.length), $0.value) && (anywhere || text.isPlausibleMatch(index..<(index + $0.length))) }) {
                result.append((index..<(index + match.length), match.value))
                index += match.length
            } else {
                index += 1
            }
        }
        return result
    }
}

/// The units already taken by accepted mentions, for resolving overlaps in linear time: a
/// comment can hold thousands of candidates, and comparing each with every accepted one is
/// quadratic.
struct UnitOccupancy {
    private var taken: [Bool]

    init(count: Int) { taken = Array(repeating: false, count: count) }

    /// Takes `range` when none of its units is taken yet; returns whether it did.
    mutating func take(_ range: Range<Int>) -> Bool {
        if range.upperBound > taken.count { taken += Array(repeating: false, count: range.upperBound - taken.count) }
        guard !taken[range].contains(true) else { return false }
        for unit in range { taken[unit] = true }
        return true
    }
}
