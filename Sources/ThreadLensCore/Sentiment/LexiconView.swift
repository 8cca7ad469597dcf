/// A comment's tokens as the sentiment lexicon sees them.
///
/// ICU's dictionary often joins a degree adverb or negator to its adjective (很好, 不太好, 太慢) or a
/// verb to a particle (贵了). Such a Han token is split into characters when the lexicon's
/// entries cover every character of it (很|好, 不|太|好), so each part can act; a token the
/// lexicon does not cover stays whole, so 美 (beautiful) is never found inside 美国 (America).
/// Emoji sequences are split into single emoji keyed without skin tones or variation selectors.
struct LexiconView {
    /// The view's tokens.
    var tokens: [Token] = []
    /// The original token index of each view token.
    var origin: [Int] = []
    /// The first view index of each original token.
    var firstView: [Int] = []
    /// The view index range of each sentence.
    var sentences: [Range<Int>] = []

    init(_ text: TokenizedText, cues: PhraseTable<SentimentCue>) {
        tokens.reserveCapacity(text.tokens.count + 8)
        origin.reserveCapacity(text.tokens.count + 8)
        firstView = Array(repeating: 0, count: text.tokens.count)
        var next = 0
        for sentence in text.sentences {
            let start = tokens.count
            // Tokens between sentences (none in practice) still get a view position.
            while next < sentence.tokens.lowerBound { append(text, next, cues: cues); next += 1 }
            for index in sentence.tokens { append(text, index, cues: cues) }
            next = max(next, sentence.tokens.upperBound)
            sentences.append(start..<tokens.count)
        }
        while next < text.tokens.count { append(text, next, cues: cues); next += 1 }
    }

    private mutating func append(_ text: TokenizedText, _ index: Int, cues: PhraseTable<SentimentCue>) {
        let token = text.tokens[index]
        firstView[index] = tokens.count
        switch token.kind {
        case .ideographic, .kana:
            if token.key.count > 1, splitCovered(text, index, cues: cues) { return }
        case .emoji:
            splitEmoji(text, index)
            return
        default:
            break
        }
        tokens.append(token)
        origin.append(index)
    }

    /// Appends one token per character when the lexicon covers them all; else appends nothing
    /// and returns false.
    private mutating func splitCovered(_ text: TokenizedText, _ index: Int, cues: PhraseTable<SentimentCue>) -> Bool {
        let token = text.tokens[index]
        let original = text.text(of: token)
        // NFKC may change a compatibility ideograph; split only when characters correspond.
        guard original.count == token.key.count else { return false }
        let start = tokens.count
        var offset = token.range.lowerBound
        for (character, keyCharacter) in zip(original, token.key) {
            let length = character.utf8.count
            tokens.append(Token(range: offset..<(offset + length), kind: token.kind, ruleStatus: token.ruleStatus, key: String(keyCharacter)))
            origin.append(index)
            offset += length
        }
        let end = tokens.count
        var position = start
        var pieces = 0
        while position < end, let match = cues.longestMatch(in: tokens, from: position, limit: end) {
            position += match.length
            pieces += 1
        }
        if position == end && pieces > 1 { return true }
        tokens.removeSubrange(start..<end)
        origin.removeSubrange(start..<end)
        return false
    }

    private mutating func splitEmoji(_ text: TokenizedText, _ index: Int) {
        let token = text.tokens[index]
        var offset = token.range.lowerBound
        for character in text.text(of: token) {
            let length = character.utf8.count
            tokens.append(Token(range: offset..<(offset + length), kind: .emoji, ruleStatus: token.ruleStatus, key: EmojiKey.key(of: character)))
            origin.append(index)
            offset += length
        }
    }
}
