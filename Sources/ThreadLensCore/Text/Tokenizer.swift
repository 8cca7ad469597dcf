/// Tokenization: ICU word and sentence breaks over the whole comment, with a pre-pass that
/// keeps URLs, @mentions and emoji sequences whole (ICU cuts URLs into pieces), token kinds from
/// ICU's rule status, a lookup key per token, and the comment's language.
public struct Tokenizer {
    public let segmenter: any Segmenter

    public init(segmenter: any Segmenter) {
        self.segmenter = segmenter
    }

    /// Tokenizes `text` into tokens, sentences and a language.
    public func tokenize(_ text: String) -> TokenizedText {
        let protected = ProtectedSpans.find(in: text)
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 4)
        var nextProtected = 0
        for segment in segmenter.wordSegments(of: text[...]) {
            var range = segment.range
            // Emit every protected span that starts before this segment ends.
            while nextProtected < protected.count, protected[nextProtected].range.lowerBound < range.upperBound {
                let span = protected[nextProtected]
                if range.lowerBound < span.range.lowerBound {
                    appendToken(range.lowerBound..<span.range.lowerBound, status: segment.ruleStatus, text: text, into: &tokens)
                }
                tokens.append(Token(range: span.range, kind: span.kind, ruleStatus: -1,
                                    key: lookupKey(text, span.range, kind: span.kind)))
                range = max(range.lowerBound, span.range.upperBound)..<max(range.upperBound, span.range.upperBound)
                nextProtected += 1
            }
            // Skip what a protected span already covered.
            if let last = tokens.last, last.ruleStatus == -1, range.lowerBound < last.range.upperBound {
                range = last.range.upperBound..<max(range.upperBound, last.range.upperBound)
            }
            if !range.isEmpty { appendToken(range, status: segment.ruleStatus, text: text, into: &tokens) }
        }
        while nextProtected < protected.count {
            let span = protected[nextProtected]
            tokens.append(Token(range: span.range, kind: span.kind, ruleStatus: -1, key: lookupKey(text, span.range, kind: span.kind)))
            nextProtected += 1
        }
        let sentences = makeSentences(text: text, tokens: tokens)
        return TokenizedText(text: text, tokens: tokens, sentences: sentences, language: LanguageIdentifier.identify(text: text, tokens: tokens))
    }

    /// The lookup units of a lexicon phrase: the keys of its tokens, Han tokens split into
    /// characters, so an entry matches whatever way ICU splits the text (see `PhraseTable`).
    public func lookupUnits(of phrase: String) -> [String] {
        PhraseTable<Int>.units(of: tokenize(phrase))
    }

    private func appendToken(_ range: Range<Int>, status: Int32, text: String, into tokens: inout [Token]) {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        let piece = text[start..<end]
        guard let kind = Self.kind(of: piece, status: status) else { return }
        tokens.append(Token(range: range, kind: kind, ruleStatus: status, key: fold(piece)))
    }

    private func lookupKey(_ text: String, _ range: Range<Int>, kind: TokenKind) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let piece = text[start..<utf8.index(start, offsetBy: range.count)]
        return kind == .emoji ? String(piece) : fold(piece)
    }

    /// NFKC case fold with an ASCII fast path; typographic apostrophes become `'` so that
    /// "don’t" and "don't" meet.
    private func fold(_ piece: Substring) -> String {
        var ascii = true
        for byte in piece.utf8 where byte >= 0x80 { ascii = false; break }
        if ascii { return piece.lowercased() }
        var folded = segmenter.foldForLookup(piece)
        if folded.contains("\u{2019}") || folded.contains("\u{2018}") {
            folded = folded.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
        }
        return folded
    }

    /// The kind of a segment from ICU's rule status; `nil` for white space.
    static func kind(of piece: Substring, status: Int32) -> TokenKind? {
        switch status {
        case 100..<200: return .number
        case 200..<300: return .word
        case 300..<400: return .kana
        case 400..<500: return .ideographic
        default: break
        }
        var allSpace = true, allPunctuation = true
        for scalar in piece.unicodeScalars {
            let properties = scalar.properties
            if !properties.isWhitespace && scalar.value != 0x200B && scalar.value != 0xFEFF { allSpace = false }
            if properties.isEmojiPresentation || (properties.isEmoji && scalar.value > 0xFF && !properties.isWhitespace) {
                return .emoji
            }
            switch properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation:
                break
            default:
                allPunctuation = false
            }
        }
        if allSpace { return nil }
        return allPunctuation ? .punctuation : .symbol
    }

    private func makeSentences(text: String, tokens: [Token]) -> [Sentence] {
        var sentences: [Sentence] = []
        var tokenIndex = 0
        for range in segmenter.sentenceSegments(of: text[...]) {
            let first = tokenIndex
            while tokenIndex < tokens.count, tokens[tokenIndex].range.lowerBound < range.upperBound { tokenIndex += 1 }
            // A sentence that holds no token (only white space) is not a sentence.
            if tokenIndex > first {
                let lower = tokens[first].range.lowerBound
                let upper = max(tokens[tokenIndex - 1].range.upperBound, lower)
                sentences.append(Sentence(tokens: first..<tokenIndex, range: lower..<upper))
            }
        }
        if tokenIndex < tokens.count {
            sentences.append(Sentence(tokens: tokenIndex..<tokens.count,
                                      range: tokens[tokenIndex].range.lowerBound..<tokens[tokens.count - 1].range.upperBound))
        }
        return sentences
    }
}

/// Spans the word breaker must not cut: URLs, @mentions and emoji sequences.
struct ProtectedSpans {
    var range: Range<Int>
    var kind: TokenKind

    static func find(in text: String) -> [ProtectedSpans] {
        var spans: [ProtectedSpans] = []
        let bytes = Array(text.utf8)
        var i = 0
        let n = bytes.count
        func isURLByte(_ b: UInt8) -> Bool {
            b > 0x20 && b < 0x7F && b != UInt8(ascii: "\"") && b != UInt8(ascii: "<") && b != UInt8(ascii: ">")
        }
        func hasPrefix(_ p: String, at k: Int) -> Bool {
            let pb = Array(p.utf8)
            guard k + pb.count <= n else { return false }
            for j in 0..<pb.count where bytes[k + j] | 0x20 != pb[j] | 0x20 { return false }
            return true
        }
        func isWordByte(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_")
        }
        while i < n {
            let b = bytes[i]
            let atWordStart = i == 0 || !isWordByte(bytes[i - 1])
            if atWordStart && (hasPrefix("http://", at: i) || hasPrefix("https://", at: i) || hasPrefix("www.", at: i)) {
                var j = i
                while j < n, isURLByte(bytes[j]) { j += 1 }
                // Trailing sentence punctuation belongs to the sentence, not the URL.
                while j > i, [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ")"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), UInt8(ascii: ":")].contains(bytes[j - 1]) { j -= 1 }
                spans.append(ProtectedSpans(range: i..<j, kind: .url))
                i = j
                continue
            }
            if b == UInt8(ascii: "@"), atWordStart, i + 1 < n, isWordByte(bytes[i + 1]) {
                var j = i + 1
                while j < n, isWordByte(bytes[j]) || bytes[j] == UInt8(ascii: ".") || bytes[j] == UInt8(ascii: "-") { j += 1 }
                while j > i + 1, bytes[j - 1] == UInt8(ascii: ".") { j -= 1 }
                spans.append(ProtectedSpans(range: i..<j, kind: .mention))
                i = j
                continue
            }
            i += b < 0x80 ? 1 : (b < 0xE0 ? 2 : (b < 0xF0 ? 3 : 4))
        }
        spans.append(contentsOf: emojiSequences(in: text))
        spans.sort { $0.range.lowerBound < $1.range.lowerBound }
        // Drop emoji found inside URLs (they cannot be), keep the first of overlapping spans.
        var merged: [ProtectedSpans] = []
        for span in spans {
            if let last = merged.last, span.range.lowerBound < last.range.upperBound { continue }
            merged.append(span)
        }
        return merged
    }

    /// Emoji sequences (ZWJ sequences, skin tones, flags, keycaps) as whole grapheme clusters.
    static func emojiSequences(in text: String) -> [ProtectedSpans] {
        var spans: [ProtectedSpans] = []
        var offset = 0
        var hasNonASCII = false
        for byte in text.utf8 where byte >= 0x80 { hasNonASCII = true; break }
        guard hasNonASCII else { return [] }
        for character in text {
            let length = character.utf8.count
            if length > 1, Self.isEmoji(character) {
                if let last = spans.last, last.range.upperBound == offset {
                    spans[spans.count - 1].range = last.range.lowerBound..<(offset + length)
                } else {
                    spans.append(ProtectedSpans(range: offset..<(offset + length), kind: .emoji))
                }
            }
            offset += length
        }
        return spans
    }

    static func isEmoji(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        let properties = first.properties
        if properties.isEmojiPresentation { return true }
        if properties.isEmoji && first.value > 0xFF {
            // Text-default emoji count when followed by VS16 or part of a longer sequence.
            return character.unicodeScalars.count > 1 || (0x2600...0x27BF).contains(first.value) || first.value >= 0x1F000
        }
        return false
    }
}

/// Per-comment language from the script mix of its word tokens (SPEC §5 `lang`).
public enum LanguageIdentifier {
    public static func identify(text: String, tokens: [Token]) -> Language {
        var hanCharacters = 0, latinWords = 0
        for token in tokens {
            switch token.kind {
            case .ideographic:
                hanCharacters += token.key.unicodeScalars.count
            case .word:
                if token.key.unicodeScalars.contains(where: { ($0.value >= 0x41 && $0.value <= 0x7A) || ($0.value >= 0xC0 && $0.value <= 0x24F) }) {
                    latinWords += 1
                }
            default:
                break
            }
        }
        // A Chinese word is about 1.5 characters; compare words with words.
        let chineseWords = Double(hanCharacters) / 1.5
        let englishWords = Double(latinWords)
        let total = chineseWords + englishWords
        if total == 0 { return .und }
        let minorShare = min(chineseWords, englishWords) / total
        if minorShare >= 0.25 && min(chineseWords, englishWords) >= 2 { return .mixed }
        return chineseWords > englishWords ? .zh : .en
    }
}
