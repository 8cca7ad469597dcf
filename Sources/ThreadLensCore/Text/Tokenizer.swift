/// Tokenization: ICU word and sentence breaks over the whole comment, a pre-pass that keeps URLs
/// (with a scheme, `www.`, or a bare domain such as `mi.com`) and @mentions whole (ICU cuts them
/// into pieces), token kinds from ICU's rule status checked against the token's characters, a
/// lookup key per token, and the comment's language.
///
/// Every token is a UTF-8 byte range into the original text; white space, control and format
/// characters (ZWSP, BOM …) between tokens are not tokens. Emoji sequences (ZWJ sequences, skin
/// tones, flags, keycaps) come whole from ICU's word rules (UAX #29 WB3c, WB4, WB15/16).
///
/// The work per token is kept small: one pass over the bytes for URLs and mentions, ICU's
/// segments in one array, and a key built straight from the bytes for ASCII words, curly
/// apostrophes and Chinese (which NFKC case folding leaves as they are); only other text goes
/// through ICU's NFKC_Casefold.
public struct Tokenizer {
    public let segmenter: any Segmenter

    public init(segmenter: any Segmenter) {
        self.segmenter = segmenter
    }

    /// Tokenizes `text` into tokens, sentences and a language.
    public func tokenize(_ text: String) -> TokenizedText {
        var text = text
        // Byte offsets need contiguous UTF-8 (a no-op for native strings).
        text.makeContiguousUTF8()
        let (segments, sentenceRanges) = segmenter.segments(of: text[...])
        let source = text
        let (tokens, language) = source.utf8.withContiguousStorageIfAvailable { bytes -> ([Token], Language) in
            var builder = TokenBuilder(bytes: bytes, text: source, segmenter: segmenter)
            builder.build(segments: segments, protected: ProtectedSpans.find(in: bytes))
            return (builder.tokens, LanguageIdentifier.decide(hanCharacters: builder.hanCharacters, latinWords: builder.latinWords))
        } ?? ([], .und)
        let sentences = Self.makeSentences(sentenceRanges, tokens: tokens)
        return TokenizedText(text: text, tokens: tokens, sentences: sentences, language: language)
    }

    /// The lookup units of a lexicon phrase: the keys of its tokens, Han tokens split into
    /// characters, so an entry matches whatever way ICU splits the text (see `PhraseTable`).
    public func lookupUnits(of phrase: String) -> [String] {
        Self.plainUnits(of: phrase) ?? PhraseTable<Int>.units(of: tokenize(phrase))
    }

    /// The units of a phrase whose segmentation is certain without ICU: ASCII letter words
    /// separated by single spaces (one lower-cased unit each: ICU keeps a run of letters
    /// whole), or common Han characters only (one unit per character, however ICU would cut
    /// them; NFKC_Casefold leaves U+4E00–U+9FFF unchanged). Most of the ~30,000 lexicon entries
    /// are one or the other, and loading the models spent most of its time segmenting them.
    /// `nil` for anything else. A test checks it against ICU for every shipped entry.
    public static func plainUnits(of phrase: String) -> [String]? {
        var units: [String] = []
        var word: [UInt8] = []
        var han = false, latin = false
        for scalar in phrase.unicodeScalars {
            switch scalar.value {
            case 0x61...0x7A, 0x41...0x5A:
                guard !han else { return nil }
                latin = true
                word.append(UInt8(scalar.value) | 0x20)
            case 0x20:
                guard latin, !word.isEmpty else { return nil }
                units.append(String(decoding: word, as: UTF8.self))
                word.removeAll(keepingCapacity: true)
            case 0x4E00...0x9FFF:
                guard !latin else { return nil }
                han = true
                units.append(String(scalar))
            default:
                return nil
            }
        }
        if latin {
            guard !word.isEmpty else { return nil }
            units.append(String(decoding: word, as: UTF8.self))
        }
        return units.isEmpty ? nil : units
    }

    /// The lookup key of an arbitrary piece of text, as a token of that text would get it.
    public func lookupKey(of piece: String) -> String {
        var piece = piece
        piece.makeContiguousUTF8()
        let source = piece
        return source.utf8.withContiguousStorageIfAvailable { bytes in
            TokenBuilder(bytes: bytes, text: source, segmenter: segmenter).key(of: 0..<bytes.count, kind: .word)
        } ?? ""
    }

    /// The kind of a segment from ICU's rule status and its characters; `nil` for white space.
    static func kind(of piece: Substring, status: Int32) -> TokenKind? {
        var piece = piece
        return piece.withUTF8 { TokenBuilder.kind(of: $0, in: 0..<$0.count, status: status, cut: false) }
    }

    /// Sentences from ICU's sentence ranges. A token belongs to the sentence it starts in, and a
    /// sentence boundary inside a token is no boundary: "https://x.com/a?b=1 is fine" is one
    /// sentence, though ICU breaks after the `?`.
    static func makeSentences(_ ranges: [Range<Int>], tokens: [Token]) -> [Sentence] {
        var sentences: [Sentence] = []
        var tokenIndex = 0, first = 0
        for range in ranges {
            while tokenIndex < tokens.count, tokens[tokenIndex].range.lowerBound < range.upperBound { tokenIndex += 1 }
            // A sentence that holds no token (only white space) is not a sentence.
            guard tokenIndex > first else { continue }
            if tokens[tokenIndex - 1].range.upperBound > range.upperBound { continue }
            sentences.append(Sentence(tokens: first..<tokenIndex,
                                      range: tokens[first].range.lowerBound..<tokens[tokenIndex - 1].range.upperBound))
            first = tokenIndex
        }
        if first < tokens.count {
            sentences.append(Sentence(tokens: first..<tokens.count,
                                      range: tokens[first].range.lowerBound..<tokens[tokens.count - 1].range.upperBound))
        }
        return sentences
    }
}

/// Builds tokens from ICU segments and protected spans over the text's UTF-8 bytes.
struct TokenBuilder {
    let bytes: UnsafeBufferPointer<UInt8>
    let text: String
    let segmenter: any Segmenter
    var tokens: [Token] = []
    /// Han characters and Latin words so far (see `LanguageIdentifier`).
    var hanCharacters = 0, latinWords = 0

    init(bytes: UnsafeBufferPointer<UInt8>, text: String, segmenter: any Segmenter) {
        self.bytes = bytes
        self.text = text
        self.segmenter = segmenter
    }

    /// Merges ICU's segments with the protected spans: a span wins over every segment it
    /// overlaps; the parts of a segment outside a span become tokens of their own ("cut").
    mutating func build(segments: [Segment], protected: [ProtectedSpan]) {
        tokens.reserveCapacity(segments.count / 2 + protected.count + 1)
        var nextSpan = 0
        var covered = 0  // end of the last protected span emitted
        for segment in segments {
            var start = max(segment.range.lowerBound, covered)
            let end = segment.range.upperBound
            guard start < end else { continue }
            var cut = start != segment.range.lowerBound
            while nextSpan < protected.count, protected[nextSpan].range.lowerBound < end {
                let span = protected[nextSpan]
                if start < span.range.lowerBound {
                    appendSegment(start..<span.range.lowerBound, status: segment.ruleStatus, cut: true)
                }
                tokens.append(Token(range: span.range, kind: span.kind, ruleStatus: -1, key: key(of: span.range, kind: span.kind)))
                covered = span.range.upperBound
                start = max(start, covered)
                cut = true
                nextSpan += 1
            }
            if start < end { appendSegment(start..<end, status: segment.ruleStatus, cut: cut) }
        }
        // Spans past the last segment (cannot happen with ICU, which covers the text).
        while nextSpan < protected.count {
            let span = protected[nextSpan]
            tokens.append(Token(range: span.range, kind: span.kind, ruleStatus: -1, key: key(of: span.range, kind: span.kind)))
            nextSpan += 1
        }
    }

    private mutating func appendSegment(_ range: Range<Int>, status: Int32, cut: Bool) {
        guard let kind = Self.kind(of: bytes, in: range, status: status, cut: cut) else { return }
        guard kind == .word else { return append(range, kind: kind, status: status) }
        // Words are most tokens: one scan of their bytes answers every question about them.
        var upper = false, dot = false, digit = false, latin = false, ascii = true
        for index in range {
            let byte = bytes[index]
            if byte >= 0x80 { ascii = false; break }
            if byte &- 0x41 < 26 { upper = true; latin = true }
            else if byte &- 0x61 < 26 { latin = true }
            else if byte &- 0x30 < 10 { digit = true }
            else if byte == UInt8(ascii: ".") { dot = true }
        }
        if ascii && !dot {
            let key: String
            if upper {
                key = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count) { out in
                    for (offset, index) in range.enumerated() {
                        let byte = bytes[index]
                        out[offset] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                    }
                    return String(decoding: out, as: UTF8.self)
                }
            } else {
                key = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            tokens.append(Token(range: range, kind: .word, ruleStatus: status, key: key))
            if latin && !digit { latinWords += 1 }
            return
        }
        if !cut, (dot || !ascii), let dots = dottedSplit(range) {
            // "great.Now": a missing space after a full stop, which ICU's word rules join.
            var start = range.lowerBound
            for dot in dots {
                if start < dot { append(start..<dot, kind: .word, status: status) }
                append(dot..<(dot + 1), kind: .punctuation, status: status)
                start = dot + 1
            }
            if start < range.upperBound { append(start..<range.upperBound, kind: .word, status: status) }
            return
        }
        append(range, kind: kind, status: status)
    }

    private mutating func append(_ range: Range<Int>, kind: TokenKind, status: Int32) {
        tokens.append(Token(range: range, kind: kind, ruleStatus: status, key: key(of: range, kind: kind)))
        // Counted here, while the bytes are at hand, for the language decision.
        if kind == .ideographic {
            for index in range where bytes[index] & 0xC0 != 0x80 { hanCharacters += 1 }
        } else if kind == .word, LanguageIdentifier.isLatinWord(bytes, range) {
            latinWords += 1
        }
    }

    /// The positions of the full stops to split a word at, or nil to keep it whole. Abbreviations
    /// whose parts are one or two letters (e.g, i.e, U.S.A, Ph.D) stay whole; so do words with
    /// digits (version-like "v1.2b").
    private func dottedSplit(_ range: Range<Int>) -> [Int]? {
        // Most words have no full stop: find out with the cheapest loop first.
        var hasDot = false
        for index in range where bytes[index] == UInt8(ascii: ".") { hasDot = true; break }
        guard hasDot else { return nil }
        var dots: [Int]?
        var labelLength = 0, longest = 0
        for index in range {
            let byte = bytes[index]
            if byte == UInt8(ascii: "@") {
                return nil  // an e-mail address stays whole
            } else if byte == UInt8(ascii: ".") {
                dots = (dots ?? []) + [index]
                longest = max(longest, labelLength)
                labelLength = 0
            } else if byte >= 0x30 && byte <= 0x39 {
                return nil
            } else if byte & 0xC0 != 0x80 {
                labelLength += 1
            }
        }
        guard let dots, max(longest, labelLength) >= 3, dots.first != range.lowerBound, dots.last != range.upperBound - 1 else { return nil }
        return dots
    }

    // MARK: Kinds

    /// The kind of the bytes `range` from ICU's rule status, checked against the characters;
    /// `nil` for white space and other invisible characters. `cut` marks a piece of a segment
    /// (the status then describes the whole segment, not the piece).
    static func kind(of bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, status: Int32, cut: Bool) -> TokenKind? {
        if !cut {
            switch status {
            case 100..<200:
                // ICU gives "Mi4" and keycaps "1️⃣" the number status too.
                var ascii = true, letter = false
                for index in range {
                    let byte = bytes[index]
                    if byte >= 0x80 { ascii = false; break }
                    if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A { letter = true }
                }
                if ascii { return letter ? .word : .number }
            case 200..<300:
                return .word
            case 300..<400:
                return .kana
            case 400..<500:
                // ICU's CJK dictionary gives kana words (です, ペン) the ideographic status too.
                let first = bytes[range.lowerBound]
                if first == 0xE3 || first == 0xEF, Script.isKana(UTF8Decoding.scalar(in: bytes, at: range.lowerBound).0.value) {
                    return .kana
                }
                return .ideographic
            default:
                // Fast path for the most common segment of all: one ASCII space.
                if range.count == 1 {
                    let byte = bytes[range.lowerBound]
                    if byte < 0x80 { return asciiKind(byte) }
                }
            }
        }
        return contentKind(of: bytes, in: range)
    }

    /// The kind of one ASCII byte standing alone.
    static func asciiKind(_ byte: UInt8) -> TokenKind? {
        switch byte {
        case 0x00...0x20, 0x7F: return nil
        case 0x30...0x39: return .number
        case 0x41...0x5A, 0x61...0x7A: return .word
        case UInt8(ascii: "$"), UInt8(ascii: "+"), UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: ">"),
             UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return .symbol
        default: return .punctuation
        }
    }

    /// The kind of a piece from its characters alone: emoji first, then letters (Han,
    /// kana, other), digits, punctuation, symbols; nil when nothing visible is left.
    static func contentKind(of bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> TokenKind? {
        // Fast path for Chinese punctuation, which has a segment of its own every few words.
        if range.count == 3 {
            let value = UTF8Decoding.scalar(in: bytes, at: range.lowerBound).0.value
            if Script.isCommonPunctuation(value) { return .punctuation }
        }
        if Emoji.isEmojiSequence(bytes, range) { return .emoji }
        var visible = false, allPunctuation = true
        var letter = false, han = false, kana = false, digit = false
        var index = range.lowerBound
        while index < range.upperBound {
            let (scalar, length) = UTF8Decoding.scalar(in: bytes, at: index)
            index += length
            let value = scalar.value
            if value < 0x80 {
                switch asciiKind(UInt8(value)) {
                case nil: continue
                case .word: letter = true; allPunctuation = false
                case .number: digit = true; allPunctuation = false
                case .symbol: allPunctuation = false
                default: break
                }
                visible = true
                continue
            }
            let properties = scalar.properties
            switch properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format,
                 .nonspacingMark, .enclosingMark, .spacingMark, .unassigned, .privateUse, .surrogate:
                // Invisible on their own (ZWSP, BOM, ZWJ, variation selectors, a stray mark).
                continue
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation:
                visible = true
            case .decimalNumber, .letterNumber, .otherNumber:
                visible = true; digit = true; allPunctuation = false
                if Script.isHan(value) { han = true }
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
                visible = true; letter = true; allPunctuation = false
                if Script.isHan(value) { han = true } else if Script.isKana(value) { kana = true }
            default:
                visible = true; allPunctuation = false
            }
        }
        guard visible else { return nil }
        if han { return .ideographic }
        if kana { return .kana }
        if letter { return .word }
        if digit { return .number }
        return allPunctuation ? .punctuation : .symbol
    }

    // MARK: Keys

    /// The lookup key of the bytes `range`: NFKC case fold with typographic apostrophes as `'`;
    /// for emoji the sequence without variation selectors and skin tones (so 👍🏽 meets 👍); for
    /// URLs the lower-cased host without `www.` (so every link to a shop meets its gazetteer
    /// entry).
    func key(of range: Range<Int>, kind: TokenKind) -> String {
        switch kind {
        case .emoji: return Emoji.key(bytes, range)
        case .url: return urlKey(range)
        default: break
        }
        if let fast = Self.simpleKey(bytes, range) { return fast }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let piece = text[start..<utf8.index(start, offsetBy: range.count)]
        let folded = segmenter.foldForLookup(piece)
        return Self.straightenApostrophes(folded)
    }

    /// The key built straight from the bytes when folding is simple: ASCII (lower-cased), curly
    /// apostrophes (as `'`), full-width ASCII (as ASCII), and characters NFKC_Casefold leaves
    /// unchanged (Han, kana, Hangul, CJK punctuation). Nil when ICU must fold.
    static func simpleKey(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        // Check first (a tight loop); most keys are their text unchanged (lower-case words, Han).
        var index = range.lowerBound
        var changes = false
        while index < range.upperBound {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte &- 0x41 < 26 { changes = true }
                index += 1
                continue
            }
            let (scalar, length) = UTF8Decoding.scalar(in: bytes, at: index)
            guard let folded = Script.simpleFold(scalar.value) else { return nil }
            if folded != scalar.value { changes = true }
            index += length
        }
        // (Measured: building from the bytes is cheaper than slicing `text`, whose subscript
        // checks index alignment.)
        if !changes { return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        // Every simple fold is as long as its input or shorter.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count) { out in
            var written = 0
            var index = range.lowerBound
            while index < range.upperBound {
                let byte = bytes[index]
                if byte < 0x80 {
                    out[written] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                    written += 1
                    index += 1
                    continue
                }
                let (scalar, length) = UTF8Decoding.scalar(in: bytes, at: index)
                let folded = Script.simpleFold(scalar.value) ?? scalar.value
                if folded == scalar.value {
                    for offset in 0..<length { out[written + offset] = bytes[index + offset] }
                    written += length
                } else {
                    // Simple folds of non-ASCII characters are ASCII.
                    out[written] = UInt8(truncatingIfNeeded: folded)
                    written += 1
                }
                index += length
            }
            return String(decoding: UnsafeBufferPointer(rebasing: out[0..<written]), as: UTF8.self)
        }
    }

    /// ’ ‘ ʼ → ' in an already folded key.
    static func straightenApostrophes(_ key: String) -> String {
        var found = false
        for byte in key.utf8 where byte == 0xE2 || byte == 0xCA { found = true; break }
        guard found else { return key }
        var scalars = String.UnicodeScalarView()
        for scalar in key.unicodeScalars {
            switch scalar.value {
            case 0x2018, 0x2019, 0x02BC: scalars.append("'")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    private func urlKey(_ range: Range<Int>) -> String {
        var start = range.lowerBound
        let end = range.upperBound
        // Past the scheme.
        var index = start
        while index + 2 < end {
            if bytes[index] == UInt8(ascii: ":") && bytes[index + 1] == UInt8(ascii: "/") && bytes[index + 2] == UInt8(ascii: "/") {
                start = index + 3
                break
            }
            if bytes[index] == UInt8(ascii: "/") || bytes[index] == UInt8(ascii: ".") { break }
            index += 1
        }
        // Past user info.
        var hostEnd = start
        while hostEnd < end, !"/?#".utf8.contains(bytes[hostEnd]) { hostEnd += 1 }
        if let at = (start..<hostEnd).last(where: { bytes[$0] == UInt8(ascii: "@") }) { start = at + 1 }
        // Without the port.
        if let colon = (start..<hostEnd).first(where: { bytes[$0] == UInt8(ascii: ":") }) { hostEnd = colon }
        if hostEnd - start > 4, Self.hasPrefixIgnoringCase(bytes, start, "www.") { start += 4 }
        guard start < hostEnd else { return Self.simpleKey(bytes, range) ?? "" }
        return Self.simpleKey(bytes, start..<hostEnd) ?? ""
    }

    static func hasPrefixIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let pointer = prefix.utf8Start
        for offset in 0..<count where bytes[index + offset] | 0x20 != pointer[offset] | 0x20 { return false }
        return true
    }
}

/// Decoding one scalar from valid UTF-8 (Swift strings always are).
enum UTF8Decoding {
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let value: UInt32, length: Int
        if lead < 0x80 {
            return (Unicode.Scalar(UInt8(lead)), 1)
        } else if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            length = 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            length = 3
        } else {
            value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}

/// Script ranges the text layer needs without ICU (the core does not link ICU).
enum Script {
    /// Han ideographs: the unified blocks, compatibility ideographs, radicals and 々〆〇.
    static func isHan(_ value: UInt32) -> Bool {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x3134F, 0xF900...0xFAFF, 0x2F800...0x2FA1F,
             0x2E80...0x2FDF, 0x3005...0x3007, 0x3021...0x3029, 0x3038...0x303B:
            return true
        default:
            return false
        }
    }

    /// Punctuation common in Chinese text: 、。「」『』《》【】〈〉，！？：；（）… — “ ” ‘ ’ ·
    static func isCommonPunctuation(_ value: UInt32) -> Bool {
        switch value {
        case 0x3001, 0x3002, 0x3008...0x3011, 0xFF0C, 0xFF01, 0xFF1F, 0xFF1A, 0xFF1B, 0xFF08, 0xFF09,
             0x2026, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0x00B7, 0xFF0E, 0xFF5E:
            return true
        default:
            return false
        }
    }

    /// Hiragana and katakana (with the half-width forms and the prolonged sound mark).
    static func isKana(_ value: UInt32) -> Bool {
        switch value {
        case 0x3041...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F, 0x1B000...0x1B16F:
            return true
        default:
            return false
        }
    }

    /// NFKC_Casefold of one non-ASCII scalar when it is simple: itself (`isFoldStable`), ASCII
    /// for full-width ASCII (lower-cased) and for curly apostrophes (`'`, the key's convention
    /// beyond NFKC); nil when ICU must fold.
    @inline(__always)
    static func simpleFold(_ value: UInt32) -> UInt32? {
        if isFoldStable(value) { return value }
        switch value {
        case 0x2018, 0x2019: return 0x27
        case 0xFF21...0xFF3A: return value - 0xFEE0 + 0x20
        case 0xFF01...0xFF5E: return value - 0xFEE0
        default: return nil
        }
    }

    /// Characters that NFKC_Casefold maps to themselves and that need no context: the unified
    /// Han blocks (not the compatibility ideographs or radicals, which NFKC maps), hiragana and
    /// katakana letters (not the half-width forms or the voiced sound marks), Hangul syllables.
    /// A test checks every one of them against ICU.
    static func isFoldStable(_ value: UInt32) -> Bool {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2EBE0,
             0x3041...0x3096, 0x30A1...0x30FA, 0x30FC...0x30FE, 0xAC00...0xD7A3, 0x3005...0x3007,
             // CJK punctuation: 、。〃 〈〉《》「」『』【】 〔〕〖〗〘〙〚〛〜 and — “ ” · • ‧
             0x3001...0x3003, 0x3008...0x3011, 0x3014...0x301F, 0x2014, 0x201C, 0x201D, 0x00B7, 0x2022, 0x2027:
            return true
        default:
            return false
        }
    }
}

/// Emoji recognition and keys over UTF-8 bytes.
enum Emoji {
    /// True when the bytes `range` (one ICU segment) start an emoji sequence: an emoji-presentation
    /// character, a text-default emoji with VS16 or in a longer sequence, a flag, or a keycap.
    static func isEmojiSequence(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        let (first, length) = UTF8Decoding.scalar(in: bytes, at: range.lowerBound)
        let value = first.value
        var next: UInt32 = 0
        if range.lowerBound + length < range.upperBound {
            next = UTF8Decoding.scalar(in: bytes, at: range.lowerBound + length).0.value
        }
        // Keycaps: [0-9#*] VS16? U+20E3.
        if value < 0x80 {
            guard value == 0x23 || value == 0x2A || (value >= 0x30 && value <= 0x39) else { return false }
            return contains(bytes, range, [0xE2, 0x83, 0xA3])
        }
        let properties = first.properties
        guard properties.isEmoji else { return false }
        if properties.isEmojiPresentation { return true }
        // Text-default emoji (©, ™, ☺, ❤): emoji with VS16, with a modifier or ZWJ after them,
        // or from the pictographic blocks that forums render as emoji anyway.
        if next == 0xFE0F || next == 0x200D || (0x1F3FB...0x1F3FF).contains(next) { return true }
        if next == 0xFE0E { return false }
        return (0x2600...0x27BF).contains(value) || value >= 0x1F000
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ needle: [UInt8]) -> Bool {
        guard range.count >= needle.count else { return false }
        for start in range.lowerBound...(range.upperBound - needle.count) {
            var match = true
            for (offset, byte) in needle.enumerated() where bytes[start + offset] != byte { match = false; break }
            if match { return true }
        }
        return false
    }

    /// The sequence without variation selectors and skin-tone modifiers (when anything is left).
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var scalars = String.UnicodeScalarView()
        var index = range.lowerBound
        while index < range.upperBound {
            let (scalar, length) = UTF8Decoding.scalar(in: bytes, at: index)
            index += length
            switch scalar.value {
            case 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF: continue
            default: scalars.append(scalar)
            }
        }
        if scalars.isEmpty { return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        return String(scalars)
    }
}

/// A span the word breaker must not cut: a URL or an @mention.
struct ProtectedSpan: Hashable {
    var range: Range<Int>
    var kind: TokenKind
}

/// Finds URLs and @mentions in one pass over the bytes. Everything it looks for is ASCII, so a
/// URL ends at the first non-ASCII character: Chinese written straight after a link is not part
/// of it.
enum ProtectedSpans {
    /// Top-level domains that make a bare `name.tld` a URL. Common generic and the country
    /// domains of the markets in the corpus; English words that are also TLDs (in, me, at, is,
    /// it, to, so, no, my, us) are left out on purpose, so "it.in" stays text.
    static let topLevelDomains: Set<String> = [
        "com", "net", "org", "edu", "gov", "io", "co", "cn", "hk", "tw", "jp", "kr", "sg", "uk", "de", "fr", "es", "ru",
        "br", "au", "ca", "nl", "pl", "ch", "vn", "ph", "th", "id", "info", "biz", "app", "shop", "store", "online",
        "site", "xyz", "top", "asia", "eu", "tv",
    ]

    /// True when `character` is an emoji (sequence) as the tokenizer sees it: the test the
    /// tokenizer applies to an ICU segment, applied to one grapheme cluster.
    static func isEmoji(_ character: Character) -> Bool {
        var text = String(character)
        return text.withUTF8 { Emoji.isEmojiSequence($0, 0..<$0.count) }
    }

    static func find(in bytes: UnsafeBufferPointer<UInt8>) -> [ProtectedSpan] {
        var spans: [ProtectedSpan] = []
        let count = bytes.count
        var index = 0
        var covered = 0  // end of the last span found: nothing may start inside it
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: ":"):
                // "http://" / "https://": the scheme is behind us.
                guard index + 3 < count, bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/"),
                      isHostByte(bytes[index + 3]) else { break }
                var start = -1
                if index >= 5, ProtectedSpans.matches(bytes, index - 5, "https") { start = index - 5 }
                else if index >= 4, ProtectedSpans.matches(bytes, index - 4, "http") { start = index - 4 }
                guard start >= covered, start >= 0, isBoundary(before: start, in: bytes) else { break }
                let end = urlEnd(bytes, from: index + 3)
                if end > index + 3 {
                    spans.append(ProtectedSpan(range: start..<end, kind: .url))
                    covered = end
                    index = end
                    continue
                }
            case UInt8(ascii: "w"), UInt8(ascii: "W"):
                guard index >= covered, index + 4 < count, TokenBuilder.hasPrefixIgnoringCase(bytes, index, "www."),
                      isHostByte(bytes[index + 4]), isBoundary(before: index, in: bytes) else { break }
                let end = urlEnd(bytes, from: index + 4)
                if end > index + 4 {
                    spans.append(ProtectedSpan(range: index..<end, kind: .url))
                    covered = end
                    index = end
                    continue
                }
            case UInt8(ascii: "@"):
                // At a word start ("bob@example.com" is an address, not a mention).
                guard index >= covered, index + 1 < count, isWordByte(bytes[index + 1]),
                      index == 0 || !(isWordByte(bytes[index - 1]) || bytes[index - 1] == UInt8(ascii: ".") || bytes[index - 1] == UInt8(ascii: "-")) else { break }
                var end = index + 1
                while end < count, isWordByte(bytes[end]) || bytes[end] == UInt8(ascii: "-") { end += 1 }
                while bytes[end - 1] == UInt8(ascii: "-") { end -= 1 }
                // "@bob.example.com" or "@bob@x" is not a mention either.
                if end < count, bytes[end] == UInt8(ascii: "@") || (bytes[end] == UInt8(ascii: ".") && end + 1 < count && isWordByte(bytes[end + 1])) {
                    index = end
                    continue
                }
                spans.append(ProtectedSpan(range: index..<end, kind: .mention))
                covered = end
                index = end
                continue
            case UInt8(ascii: "."):
                if let span = bareDomain(bytes, dot: index, covered: covered) {
                    spans.append(span)
                    covered = span.range.upperBound
                    index = covered
                    continue
                }
            default:
                break
            }
            index += 1
        }
        return spans
    }

    /// A bare domain around the full stop at `dot` ("dealsfromshenzhen.com", "item.jd.com/123"):
    /// labels of letters, digits and hyphens ending in a known top-level domain, starting at a
    /// word boundary that is not an e-mail's `@`.
    static func bareDomain(_ bytes: UnsafeBufferPointer<UInt8>, dot: Int, covered: Int) -> ProtectedSpan? {
        let count = bytes.count
        guard dot > covered, dot + 2 < count, isLetter(bytes[dot + 1]), isHostByte(bytes[dot - 1]) else { return nil }
        // Forward over the remaining labels; remember where the last one starts.
        var end = dot + 1, lastLabel = dot + 1
        while end < count {
            let byte = bytes[end]
            if isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "-") {
                end += 1
            } else if byte == UInt8(ascii: "."), end + 1 < count, isLetter(bytes[end + 1]) || isDigit(bytes[end + 1]) {
                end += 1
                lastLabel = end
            } else {
                break
            }
        }
        // The name must end here: not inside a longer word, not an e-mail user ("a.com@b").
        if end < count, isWordByte(bytes[end]) || bytes[end] == UInt8(ascii: "@") || bytes[end] == UInt8(ascii: "_") { return nil }
        let tldLength = end - lastLabel
        guard tldLength >= 2, tldLength <= 6 else { return nil }
        var tld = ""
        for index in lastLabel..<end { tld.unicodeScalars.append(Unicode.Scalar(bytes[index] | 0x20)) }
        guard topLevelDomains.contains(tld) else { return nil }
        // Back to the start of the first label.
        var start = dot
        while start > covered, isHostByte(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: ".") { start -= 1 }
        while start < dot, !(isLetter(bytes[start]) || isDigit(bytes[start])) { start += 1 }
        guard start < dot, start >= covered else { return nil }
        if start > 0 {
            let before = bytes[start - 1]
            if before == UInt8(ascii: "@") || before == UInt8(ascii: "/") || before == UInt8(ascii: ":") || before == UInt8(ascii: "_") { return nil }
        }
        // A path or port after the name belongs to the URL.
        if end < count, bytes[end] == UInt8(ascii: "/") || (bytes[end] == UInt8(ascii: ":") && end + 1 < count && isDigit(bytes[end + 1])) {
            end = urlEnd(bytes, from: end)
        }
        return ProtectedSpan(range: start..<end, kind: .url)
    }

    /// The end of a URL whose host starts at `start`: URL characters up to white space, quotes,
    /// angle brackets or any non-ASCII character, without trailing sentence punctuation or an
    /// unbalanced closing bracket.
    static func urlEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start
        var parentheses = 0, brackets = 0
        while end < bytes.count {
            let byte = bytes[end]
            guard byte > 0x20, byte < 0x7F, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "<"), byte != UInt8(ascii: ">"),
                  byte != UInt8(ascii: "`") else { break }
            switch byte {
            case UInt8(ascii: "("): parentheses += 1
            case UInt8(ascii: ")"): parentheses -= 1
            case UInt8(ascii: "["): brackets += 1
            case UInt8(ascii: "]"): brackets -= 1
            default: break
            }
            end += 1
        }
        while end > start {
            let last = bytes[end - 1]
            switch last {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"),
                 UInt8(ascii: ":"), UInt8(ascii: "'"), UInt8(ascii: "*"):
                end -= 1
            case UInt8(ascii: ")") where parentheses < 0:
                parentheses += 1
                end -= 1
            case UInt8(ascii: "]") where brackets < 0:
                brackets += 1
                end -= 1
            default:
                return end
            }
        }
        return end
    }

    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ word: StaticString) -> Bool {
        TokenBuilder.hasPrefixIgnoringCase(bytes, index, word)
    }

    /// True when `index` starts a word: the text start, or after something that is not an ASCII
    /// letter, digit or underscore (so Chinese straight before a URL is fine).
    static func isBoundary(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        index == 0 || !isWordByte(bytes[index - 1])
    }

    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    @inline(__always) static func isWordByte(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") }
    @inline(__always) static func isHostByte(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "-") }
}

/// Per-comment language from the script mix of its word tokens (SPEC §5 `lang`).
///
/// Han characters count as Chinese (about 1.5 characters a word); Latin word tokens without
/// digits count as English (model names such as "Mi4" are neither; full-width Latin counts). A
/// comment is `mixed` when the smaller side has at least two words and a quarter of the total,
/// `und` when it has no words at all (only emoji, numbers, punctuation, URLs or mentions).
public enum LanguageIdentifier {
    public static func identify(text: String, tokens: [Token]) -> Language {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            var hanCharacters = 0, latinWords = 0
            for token in tokens where token.range.upperBound <= bytes.count {
                switch token.kind {
                case .ideographic:
                    for index in token.range where bytes[index] & 0xC0 != 0x80 { hanCharacters += 1 }
                case .word:
                    if isLatinWord(bytes, token.range) { latinWords += 1 }
                default:
                    break
                }
            }
            return decide(hanCharacters: hanCharacters, latinWords: latinWords)
        } ?? .und
    }

    /// The decision from the counts.
    static func decide(hanCharacters: Int, latinWords: Int) -> Language {
        let chineseWords = Double(hanCharacters) / 1.5
        let englishWords = Double(latinWords)
        let total = chineseWords + englishWords
        if total == 0 { return .und }
        let minor = min(chineseWords, englishWords)
        if minor >= 2 && minor / total >= 0.25 { return .mixed }
        return chineseWords > englishWords ? .zh : .en
    }

    /// True for a word of Latin letters (ASCII, Latin-1 and Latin Extended-A/B, full-width)
    /// with no digit.
    static func isLatinWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var latin = false
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte >= 0x30 && byte <= 0x39 { return false }
                if ProtectedSpans.isLetter(byte) { latin = true }
                index += 1
                continue
            }
            let (scalar, length) = UTF8Decoding.scalar(in: bytes, at: index)
            switch scalar.value {
            case 0xC0...0x24F where scalar.value != 0xD7 && scalar.value != 0xF7: latin = true
            case 0xFF21...0xFF3A, 0xFF41...0xFF5A: latin = true
            case 0xFF10...0xFF19: return false
            default: break
            }
            index += length
        }
        return latin
    }
}
