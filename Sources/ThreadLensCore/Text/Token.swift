/// The text layer's data: tokens and sentences as offsets into the original comment text.
/// Nothing here copies the text except each token's lookup key.

/// What a token is, from ICU's rule status plus the pre-pass that keeps URLs, @mentions and
/// emoji sequences whole.
public enum TokenKind: String, Hashable, Sendable, CaseIterable {
    case word, number, ideographic, kana, emoji, punctuation, symbol, url, mention
}

/// One token: a UTF-8 byte range into the comment text, its kind, ICU's rule status and the
/// NFKC-case-folded form every lexicon is looked up by.
public struct Token: Hashable, Sendable {
    /// UTF-8 byte offsets into `TokenizedText.text`.
    public var range: Range<Int>
    public var kind: TokenKind
    /// ICU's word rule status (0 none, 100 number, 200 letter, 300 kana, 400 ideographic);
    /// -1 for tokens the pre-pass found (URL, mention, emoji).
    public var ruleStatus: Int32
    /// The lookup form: NFKC case fold, typographic apostrophes as `'`.
    public var key: String

    public init(range: Range<Int>, kind: TokenKind, ruleStatus: Int32, key: String) {
        self.range = range
        self.kind = kind
        self.ruleStatus = ruleStatus
        self.key = key
    }

    /// True for tokens that carry words (Latin/other letters, Han, kana, numbers).
    public var isWordLike: Bool {
        switch kind {
        case .word, .number, .ideographic, .kana: return true
        default: return false
        }
    }
}

/// One sentence: a range of token indices and the UTF-8 byte range of its text.
public struct Sentence: Hashable, Sendable {
    public var tokens: Range<Int>
    public var range: Range<Int>
    public init(tokens: Range<Int>, range: Range<Int>) {
        self.tokens = tokens
        self.range = range
    }
}

/// The language of a comment (SPEC §5 `lang`).
public enum Language: String, Hashable, Sendable, CaseIterable {
    case en, zh, mixed, und
}

/// A comment's text with its tokens, sentences and language.
public struct TokenizedText: Hashable, Sendable {
    public var text: String
    public var tokens: [Token]
    public var sentences: [Sentence]
    public var language: Language

    public init(text: String, tokens: [Token], sentences: [Sentence], language: Language) {
        self.text = text
        self.tokens = tokens
        self.sentences = sentences
        self.language = language
    }

    /// The original text of a UTF-8 byte range.
    public func slice(_ range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let upper = utf8.index(lower, offsetBy: range.count)
        return text[lower..<upper]
    }

    /// The original text of a token.
    public func text(of token: Token) -> Substring { slice(token.range) }

    /// The original text of the tokens `range` (from the first's start to the last's end).
    public func text(ofTokens range: Range<Int>) -> Substring {
        guard !range.isEmpty else { return "" }
        return slice(tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound)
    }

    /// The index of the sentence holding token `index`.
    public func sentenceIndex(ofToken index: Int) -> Int? {
        sentences.firstIndex { $0.tokens.contains(index) }
    }
}
