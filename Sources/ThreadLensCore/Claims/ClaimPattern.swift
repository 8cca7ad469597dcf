/// The pattern language of claim rules: a sequence of elements matched over lookup units.
///
/// ```
/// {seller} (is|are) (a|an)? (trusted|legit) (reseller|shop)?
/// (won't|can't|doesn't) ...3 sell* ...4 {region}
/// ```
/// - a word matches a unit with that lookup key (case-folded; a Chinese word matches its
///   characters, however ICU cut them); `word*` matches any unit starting with `word`;
/// - `(a|b c|d)` matches one of the alternatives, each a sequence of words;
/// - `{seller}`, `{reseller}`, `{brand}`, `{party}`, `{region}` match an entity slot: a mention,
///   or a list of them joined by list separators ("Xiaomiworld and Xiaomishop");
/// - `...` skips up to 4 units, `...N` up to N, never across a clause break;
/// - `^` matches at the start of a clause, `$` at its end (only marks may follow);
/// - `!(a|b)` matches when the units after are none of the alternatives, `~(a|b)` when the
///   units before are none of them (both consume nothing);
/// - a trailing `?` makes an element optional.
public struct ClaimPattern: Hashable, Sendable {
    /// One unit test of a literal: an exact key or a key prefix.
    public enum UnitMatcher: Hashable, Sendable {
        case exact(String)
        case prefix(String)

        /// Keys are NFKC case-folded already, so bytes are compared, not canonical equivalence
        /// (which makes `==` on non-ASCII strings slow).
        func matches(_ key: String) -> Bool {
            switch self {
            case .exact(let k): return key.utf8.count == k.utf8.count && key.utf8.elementsEqual(k.utf8)
            case .prefix(let p): return key.utf8.count >= p.utf8.count && key.utf8.starts(with: p.utf8)
            }
        }
    }

    /// What an entity slot accepts.
    public enum Slot: String, Hashable, Sendable, CaseIterable {
        /// A reseller or platform by name, the brand's own store, sellers in general, or an anaphor.
        case seller
        /// A reseller or platform by name, or an anaphor (not sellers in general, not a store).
        case reseller
        /// A brand (its name, a product, its store) or an anaphor.
        case brand
        /// Anyone who can take an order: a seller or the brand.
        case party
        /// A region or a list of regions.
        case region
    }

    public indirect enum Element: Hashable, Sendable {
        case literal([[UnitMatcher]])
        case slot(Slot)
        case gap(Int)
        case clauseStart
        case clauseEnd
        case notFollowedBy([[UnitMatcher]])
        case notPrecededBy([[UnitMatcher]])
        case optional(Element)
    }

    public var elements: [Element]
    /// The pattern as written in the rule file.
    public var source: String

    /// The slots the pattern holds.
    public var slots: [Slot] {
        func collect(_ element: Element) -> [Slot] {
            switch element {
            case .slot(let slot): return [slot]
            case .optional(let inner): return collect(inner)
            default: return []
            }
        }
        return elements.flatMap(collect)
    }

    /// A problem in a pattern's text, with the column (0-based, in characters) where it is.
    public struct ParseError: Error, Hashable, Sendable {
        public var message: String
        public var column: Int
    }

    /// Parses a pattern; `units` turns a word into lookup units (the model loader's tokenizer).
    public static func parse(_ text: String, units: @escaping (String) -> [String]) throws(ParseError) -> ClaimPattern {
        var parser = Parser(characters: Array(text), units: units)
        let elements = try parser.parseSequence()
        guard !elements.isEmpty else { throw ParseError(message: "empty pattern", column: 0) }
        return ClaimPattern(elements: elements, source: text)
    }

    private struct Parser {
        let characters: [Character]
        let units: (String) -> [String]
        var position = 0

        mutating func skipSpaces() {
            while position < characters.count, characters[position] == " " { position += 1 }
        }

        mutating func parseSequence() throws(ParseError) -> [Element] {
            var elements: [Element] = []
            while true {
                skipSpaces()
                guard position < characters.count else { break }
                let start = position
                var element = try parseAtom()
                if position < characters.count, characters[position] == "?" {
                    position += 1
                    switch element {
                    case .notFollowedBy, .notPrecededBy, .clauseStart, .clauseEnd:
                        throw ParseError(message: "'!(…)', '~(…)', '^' and '$' cannot be optional", column: start)
                    default: break
                    }
                    element = .optional(element)
                }
                // A word that is several units ("re-sellers", "正品") becomes one literal.
                elements.append(element)
            }
            return elements
        }

        mutating func parseAtom() throws(ParseError) -> Element {
            let start = position
            let character = characters[position]
            switch character {
            case "{":
                guard let close = characters[position...].firstIndex(of: "}") else { throw ParseError(message: "'{' without '}'", column: start) }
                let name = String(characters[(position + 1)..<close])
                guard let slot = Slot(rawValue: name) else {
                    let suggestion = closestMatch(to: name, in: Slot.allCases.map(\.rawValue)).map { " (did you mean '{\($0)}'?)" } ?? ""
                    throw ParseError(message: "unknown slot '{\(name)}'\(suggestion); expected one of \(Slot.allCases.map { "{\($0.rawValue)}" }.joined(separator: ", "))", column: start)
                }
                position = close + 1
                return .slot(slot)
            case "(":
                return .literal(try parseAlternatives())
            case "!":
                position += 1
                guard position < characters.count, characters[position] == "(" else { throw ParseError(message: "'!' must be followed by '(…)'", column: start) }
                return .notFollowedBy(try parseAlternatives())
            case "^":
                position += 1
                return .clauseStart
            case "$":
                position += 1
                return .clauseEnd
            case "~":
                position += 1
                guard position < characters.count, characters[position] == "(" else { throw ParseError(message: "'~' must be followed by '(…)'", column: start) }
                return .notPrecededBy(try parseAlternatives())
            case ")", "|", "}":
                throw ParseError(message: "unexpected '\(character)'", column: start)
            default:
                if characters[position...].starts(with: "...") {
                    position += 3
                    var digits = ""
                    while position < characters.count, characters[position].isASCII, characters[position].isNumber {
                        digits.append(characters[position])
                        position += 1
                    }
                    let limit = digits.isEmpty ? 4 : Int(digits) ?? 4
                    guard limit > 0, limit <= 20 else { throw ParseError(message: "a gap skips 1 to 20 units", column: start) }
                    return .gap(limit)
                }
                var word = ""
                while position < characters.count, !" ()|{}".contains(characters[position]) {
                    // A trailing '?' marks the word optional, unless the word is only '?'.
                    if characters[position] == "?", !word.isEmpty { break }
                    word.append(characters[position])
                    position += 1
                }
                return .literal([try matchers(of: word, column: start)])
            }
        }

        mutating func parseAlternatives() throws(ParseError) -> [[UnitMatcher]] {
            let start = position
            guard let close = characters[position...].firstIndex(of: ")") else { throw ParseError(message: "'(' without ')'", column: start) }
            let body = String(characters[(position + 1)..<close])
            var alternatives: [[UnitMatcher]] = []
            var column = position + 1
            for alternative in body.split(separator: "|", omittingEmptySubsequences: false) {
                let words = alternative.split(separator: " ").map(String.init)
                guard !words.isEmpty else { throw ParseError(message: "empty alternative", column: column) }
                var sequence: [UnitMatcher] = []
                for word in words { sequence += try matchers(of: word, column: column) }
                alternatives.append(sequence)
                column += alternative.count + 1
            }
            position = close + 1
            return alternatives.sorted { $0.count > $1.count }
        }

        func matchers(of word: String, column: Int) throws(ParseError) -> [UnitMatcher] {
            if word.count > 1, word.hasSuffix("*") {
                let stem = String(word.dropLast())
                let stemUnits = units(stem)
                guard stemUnits.count == 1 else { throw ParseError(message: "'\(word)': a prefix must be one word", column: column) }
                return [.prefix(stemUnits[0])]
            }
            let wordUnits = units(word)
            guard !wordUnits.isEmpty else { throw ParseError(message: "'\(word)' has no lookup units", column: column) }
            return wordUnits.map { .exact($0) }
        }
    }
}
