/// The text layer's data: tokens and sentences as offsets into the original comment text.
/// Nothing here copies the text except each token's lookup key.
///
/// Offsets are UTF-8 byte offsets into `TokenizedText.text`; ICU works in UTF-16 and the C shim
/// maps its boundaries back in one place (`tl_breaker_next`).

/// What a token is, from ICU's rule status checked against the token's characters, plus the
/// pre-pass that keeps URLs and @mentions whole.
///
/// - `word`: letters (any alphabetic script), also with digits ("Mi4", "4G"); e-mail addresses.
/// - `number`: digits with ICU's separators ("11.11", "1,499", "１２３"); "30%" is `30` + `%`.
/// - `ideographic`: Han words (ICU's dictionary segments Chinese into words).
/// - `kana`: Japanese kana words.
/// - `emoji`: one emoji sequence (ZWJ sequence, skin tone, flag, keycap) per token.
/// - `punctuation`: Unicode punctuation (P*), including `%`, `@` and CJK `，。！？`.
/// - `symbol`: other visible characters (`$ € + ™ ©`, text-style `❤︎`).
/// - `url`: `http(s)://…`, `www.…` or a bare domain with a known top-level domain (`mi.com/x`).
/// - `mention`: `@name` at a word start.
public enum TokenKind: String, Hashable, Sendable, CaseIterable {
    case word, number, ideographic, kana, emoji, punctuation, symbol, url, mention
}

/// One token: a UTF-8 byte range into the comment text, its kind, ICU's rule status and the
/// NFKC-case-folded form every lexicon is looked up by.
public struct Token: Hashable, Sendable {
    /// UTF-8 byte offsets into `TokenizedText.text`.
    public var range: Range<Int>
    public var kind: TokenKind
    /// ICU's word rule status of the segment the token came from (0 none, 100 number, 200
    /// letter, 300 kana, 400 ideographic); -1 for tokens the pre-pass found (URL, mention).
    /// The kind is the status checked against the characters: ICU gives "Mi4" and keycaps the
    /// number status, and kana words from its dictionary the ideographic one.
    public var ruleStatus: Int32
    /// The lookup form every lexicon is matched by: NFKC_Casefold with typographic apostrophes
    /// (’ ‘ ʼ) as `'`. Emoji: the sequence without variation selectors and skin tones (👍🏽 → 👍).
    /// URLs: the lower-cased host without `www.` (`https://www.Mi.com/x` → `mi.com`).
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
