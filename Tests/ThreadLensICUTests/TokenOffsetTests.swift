import Testing
import ThreadLensCore
import ThreadLensICU

/// Texts that stress the UTF-8 ↔ UTF-16 offset mapping and the pre-pass merge.
let offsetCases: [(name: String, text: String)] = [
    ("ascii", "Paid $249 for it, shipped in 12 days. Not bad!"),
    ("chinese", "小米官方旗舰店不发货，客服也不回消息。"),
    ("traditional", "官方旗艦店發貨很慢，價格還貴。"),
    ("mixed", "我在Xiaomiworld买的Mi4很好, battery life is great!"),
    ("nbsp", "price\u{00A0}is\u{00A0}\u{00A0}fine — 价格\u{00A0}还行"),
    ("crlf", "line one\r\nline two\r\n\r\n第三行\r\n"),
    ("combining marks", "cafe\u{0301} nai\u{0308}ve re\u{0301}sume\u{0301} \u{0301}stray"),
    ("zwj emoji", "family 👨‍👩‍👧‍👦 and 🏳️‍🌈 and 🧑🏽‍💻 done"),
    ("flags", "🇨🇳🇮🇳🇺🇸 flags, 🇩🇪"),
    ("keycaps", "press 1️⃣ then #️⃣ then *️⃣ 2⃣"),
    ("full-width latin", "Ｘｉａｏｍｉ　ＭＩ４ costs １，４９９ yuan！"),
    ("zero-width", "a\u{200B}b c\u{200C}d e\u{200D}f \u{FEFF}g h\u{2060}i soft\u{00AD}hyphen"),
    ("url then chinese", "看这里https://mi.com/a/b?x=1很便宜www.mi.com，好"),
    ("mentions and email", "@bob said to mail alice@example.com, cc @Carol_99."),
    ("supplementary han", "𠮷野家 and 𩸽 fish, 丽 compat"),
    ("variation selectors", "❤️ vs ❤︎ vs ❤ and 葛󠄀 ideographic variant"),
    ("leading and trailing space", "   hello   "),
    ("tabs and controls", "a\tb\u{0007}c\u{000B}d"),
    ("japanese", "これはペンです。カタカナ、ｶﾀｶﾅ。"),
    ("korean", "샤오미 폰 좋아요!"),
    ("arabic", "هذا الهاتف جيد جدا"),
    ("curly quotes", "“It’s fine,” she said. ‘Really’ it’s ok"),
    ("only spaces", "  \u{3000} \n"),
    ("empty", ""),
    ("emoji only", "😀😂👍🏻"),
    ("dotted words", "great.Now e.g. U.S.A. Node.js bob@mail.example.com"),
]

/// The text of every token is its bytes; tokens are in order, do not overlap, start and end on
/// scalar boundaries, and what lies between them is invisible (white space, format characters).
func checkOffsets(_ tokenized: TokenizedText, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let bytes = Array(tokenized.text.utf8)
    var previousEnd = 0
    for token in tokenized.tokens {
        #expect(!token.range.isEmpty, "empty token at \(token.range)", sourceLocation: sourceLocation)
        #expect(token.range.lowerBound >= previousEnd, "token at \(token.range) overlaps the one before", sourceLocation: sourceLocation)
        #expect(token.range.upperBound <= bytes.count, sourceLocation: sourceLocation)
        guard token.range.upperBound <= bytes.count, token.range.lowerBound >= previousEnd else { return }
        #expect(bytes[token.range.lowerBound] & 0xC0 != 0x80, "token starts inside a scalar", sourceLocation: sourceLocation)
        if token.range.upperBound < bytes.count {
            #expect(bytes[token.range.upperBound] & 0xC0 != 0x80, "token ends inside a scalar", sourceLocation: sourceLocation)
        }
        let expected = String(decoding: bytes[token.range], as: UTF8.self)
        #expect(String(tokenized.text(of: token)) == expected, sourceLocation: sourceLocation)
        checkGap(bytes[previousEnd..<token.range.lowerBound], sourceLocation: sourceLocation)
        previousEnd = token.range.upperBound
    }
    checkGap(bytes[previousEnd...], sourceLocation: sourceLocation)
    for sentence in tokenized.sentences {
        let first = tokenized.tokens[sentence.tokens.lowerBound], last = tokenized.tokens[sentence.tokens.upperBound - 1]
        #expect(sentence.range == first.range.lowerBound..<last.range.upperBound, sourceLocation: sourceLocation)
    }
    // Sentences partition the tokens.
    #expect(tokenized.sentences.map(\.tokens.count).reduce(0, +) == tokenized.tokens.count, sourceLocation: sourceLocation)
    #expect(zip(tokenized.sentences, tokenized.sentences.dropFirst()).allSatisfy { $0.tokens.upperBound == $1.tokens.lowerBound }, sourceLocation: sourceLocation)
}

private func checkGap(_ bytes: ArraySlice<UInt8>, sourceLocation: Testing.SourceLocation) {
    for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
        let invisible: Bool
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format, .nonspacingMark, .enclosingMark:
            invisible = true
        default:
            invisible = scalar.properties.isWhitespace
        }
        #expect(invisible, "visible U+\(String(scalar.value, radix: 16, uppercase: true)) is in no token", sourceLocation: sourceLocation)
    }
}

@Test(arguments: offsetCases)
func everyTokenSlicesBackToItsText(_ testCase: (name: String, text: String)) throws {
    checkOffsets(try tokenize(testCase.text))
}

@Test(arguments: offsetCases)
func prependingAnEmojiShiftsEveryOffsetByItsLength(_ testCase: (name: String, text: String)) throws {
    let tokenizer = try makeTokenizer()
    let plain = tokenizer.tokenize(testCase.text)
    let prefix = "😀 "
    let shifted = tokenizer.tokenize(prefix + testCase.text)
    checkOffsets(shifted)
    let offset = prefix.utf8.count
    #expect(shifted.tokens.first.map { shifted.text(of: $0) } == "😀")
    #expect(shifted.tokens.first?.kind == .emoji)
    let rest = Array(shifted.tokens.dropFirst())
    try #require(rest.count == plain.tokens.count, "\(shifted.piecesWithKinds) vs \(plain.piecesWithKinds)")
    for (moved, original) in zip(rest, plain.tokens) {
        #expect(moved.range == (original.range.lowerBound + offset)..<(original.range.upperBound + offset))
        #expect(moved.kind == original.kind)
        #expect(moved.key == original.key)
    }
}

@Test func tokenizingABridgedOrSubstringDerivedStringGivesTheSameOffsets() throws {
    let tokenizer = try makeTokenizer()
    let whole = "前缀 prefix: 小米手机 https://mi.com 👍🏽 done"
    let derived = String(whole.split(separator: ":", maxSplits: 1)[1])
    let direct = tokenizer.tokenize(" 小米手机 https://mi.com 👍🏽 done")
    #expect(tokenizer.tokenize(derived).tokens == direct.tokens)
}

@Test func emptyAndBlankTextsHaveNoTokensNoSentencesAndNoLanguage() throws {
    for text in ["", " ", "\n\n", "\u{3000}\u{00A0}", "\u{200B}\u{FEFF}"] {
        let tokenized = try tokenize(text)
        #expect(tokenized.tokens.isEmpty, "\(tokenized.piecesWithKinds)")
        #expect(tokenized.sentences.isEmpty)
        #expect(tokenized.language == .und)
    }
}

@Test func aLongCommentWithManyScriptsKeepsEveryOffset() throws {
    // Long enough to leave the shim's stack buffers and to cross many segments.
    let paragraph = "Bought the Mi 4 on 11.11 for 1,499元 😀，价格还行 — but 发货 took 12 days!\r\n"
    let text = String(repeating: paragraph, count: 200) + "最后一句。"
    let tokenized = try tokenize(text)
    checkOffsets(tokenized)
    #expect(tokenized.sentences.count >= 200)
}
