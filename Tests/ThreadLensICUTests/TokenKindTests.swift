import Testing
@testable import ThreadLensCore
import ThreadLensICU

/// (text, the token's text, its kind): the token must exist with that kind.
@Test(arguments: [
    ("Great phone", "Great", TokenKind.word),
    ("don’t buy", "don’t", .word),
    ("naïve café", "café", .word),
    ("Ｘｉａｏｍｉ rocks", "Ｘｉａｏｍｉ", .word),
    ("the Mi4 is here", "Mi4", .word),
    ("a 4G modem", "4G", .word),
    ("It's 11.11 today", "11.11", .number),
    ("costs 1,499 yuan", "1,499", .number),
    ("about 30% off", "30", .number),
    ("about 30% off", "%", .punctuation),
    ("costs $5.99", "5.99", .number),
    ("costs $5.99", "$", .symbol),
    ("１２３ items", "１２３", .number),
    ("价格很好", "价格", .ideographic),
    ("價格很好", "價格", .ideographic),
    ("これはペンです", "ペン", .kana),
    ("great 😀 thanks", "😀", .emoji),
    ("ok 👍🏽 ok", "👍🏽", .emoji),
    ("us 👨‍👩‍👧 too", "👨‍👩‍👧", .emoji),
    ("from 🇨🇳 with love", "🇨🇳", .emoji),
    ("press 1️⃣ now", "1️⃣", .emoji),
    ("press #️⃣ now", "#️⃣", .emoji),
    ("love ❤️ it", "❤️", .emoji),
    ("smile ☺ ok", "☺", .emoji),
    ("Wow!", "!", .punctuation),
    ("真的吗？", "？", .punctuation),
    ("好。", "。", .punctuation),
    ("a, b", ",", .punctuation),
    ("“quoted”", "“", .punctuation),
    ("a — b", "—", .punctuation),
    ("1 + 1 = 2", "+", .symbol),
    ("price in €", "€", .symbol),
    ("Brand™ here", "™", .symbol),
    ("(c) © 2015", "©", .symbol),
    ("see https://example.com/a?b=1 now", "https://example.com/a?b=1", .url),
    ("see http://mi.com now", "http://mi.com", .url),
    ("see www.mi.com now", "www.mi.com", .url),
    ("check dealsfromshenzhen.com first", "dealsfromshenzhen.com", .url),
    ("check Item.JD.com/12345.html first", "Item.JD.com/12345.html", .url),
    ("ask @bob please", "@bob", .mention),
    ("ask @Carol_99.", "@Carol_99", .mention),
    ("问@小明 and @mi_fan吧", "@mi_fan", .mention),
])
func tokenHasTheExpectedKind(_ text: String, _ piece: String, _ kind: TokenKind) throws {
    let tokenized = try tokenize(text)
    let token = try #require(tokenized.token(piece), "\(piece) not a token in \(tokenized.piecesWithKinds)")
    #expect(token.kind == kind)
}

@Test func whiteSpaceAndInvisibleCharactersAreNotTokens() throws {
    let tokenized = try tokenize("a \t\u{00A0}\u{3000}\u{200B}\u{FEFF} b\r\n")
    #expect(tokenized.pieces == ["a", "b"])
}

@Test func icuRuleStatusIsExposedOnEveryToken() throws {
    let tokenized = try tokenize("word 42 价格 😀 , https://mi.com @bob")
    #expect(tokenized.token("word")?.ruleStatus == 200)
    #expect(tokenized.token("42")?.ruleStatus == 100)
    #expect(tokenized.token("价格")?.ruleStatus == 400)
    #expect(tokenized.token("😀")?.ruleStatus == 0)
    #expect(tokenized.token(",")?.ruleStatus == 0)
    // Tokens the pre-pass found carry -1: no ICU rule made them.
    #expect(tokenized.token("https://mi.com")?.ruleStatus == -1)
    #expect(tokenized.token("@bob")?.ruleStatus == -1)
}

@Test(arguments: [
    // (text, URL token texts)
    ("go to https://mi.com/a/b.html.", ["https://mi.com/a/b.html"]),
    ("(see https://en.wikipedia.org/wiki/Foo_(bar))", ["https://en.wikipedia.org/wiki/Foo_(bar)"]),
    ("(see https://example.com/a)", ["https://example.com/a"]),
    ("links: https://a.com, http://b.org/x?y=1&z=2! www.c.net;", ["https://a.com", "http://b.org/x?y=1&z=2", "www.c.net"]),
    ("看这里https://mi.com/item/1很便宜", ["https://mi.com/item/1"]),
    ("官网www.mi.com，价格一样", ["www.mi.com"]),
    ("买了mi.com的，还行", ["mi.com"]),
    ("\"https://quoted.com/x\" and <https://angle.com>", ["https://quoted.com/x", "https://angle.com"]),
    ("HTTPS://LOUD.COM/PATH", ["HTTPS://LOUD.COM/PATH"]),
    ("host with port shop.example.cn:8080/x ok", ["shop.example.cn:8080/x"]),
    ("no url here: e.g. U.S.A. 11.11 v2.0 great.Now it.in", []),
    ("bare scheme https:// alone and www. alone", []),
    ("mail bob@example.com or bob@mi.com", []),
    ("xhttps://glued.com", []),
])
func urlsAreWholeTokensWithoutTrailingPunctuation(_ text: String, _ urls: [String]) throws {
    let tokenized = try tokenize(text)
    #expect(tokenized.tokens.filter { $0.kind == .url }.map { String(tokenized.text(of: $0)) } == urls, "\(tokenized.piecesWithKinds)")
}

@Test(arguments: [
    ("@bob hi", ["@bob"]),
    ("thanks @Carol_99, @dave-x.", ["@Carol_99", "@dave-x"]),
    ("回复@mi_fan：同意", ["@mi_fan"]),
    ("mail bob@example.com please", []),
    ("price @ 5 dollars", []),
    ("@bob.example.com is not a handle", []),
])
func mentionsStartAtAWordBoundaryAndEMailsAreNotMentions(_ text: String, _ mentions: [String]) throws {
    let tokenized = try tokenize(text)
    #expect(tokenized.tokens.filter { $0.kind == .mention }.map { String(tokenized.text(of: $0)) } == mentions, "\(tokenized.piecesWithKinds)")
}

@Test func anEMailAddressStaysOneWordToken() throws {
    let tokenized = try tokenize("write to bob@example.com today")
    #expect(tokenized.token("bob@example.com")?.kind == .word)
}

@Test func aMissingSpaceAfterAFullStopDoesNotGlueTwoWords() throws {
    let tokenized = try tokenize("It was great.Now it is broken")
    #expect(tokenized.pieces == ["It", "was", "great", ".", "Now", "it", "is", "broken"])
    #expect(tokenized.token("great")?.kind == .word)
    #expect(tokenized.token(".")?.kind == .punctuation)
}

@Test(arguments: ["e.g", "i.e", "U.S.A", "Ph.D", "v1.2b"])
func abbreviationsWithShortPartsStayWhole(_ word: String) throws {
    #expect(try tokenize("say \(word) now").token(word) != nil)
}

@Test func eachEmojiIsItsOwnTokenEvenWhenTheyTouch() throws {
    let tokenized = try tokenize("great👍👍🏽😂😂🇨🇳🇺🇸!")
    #expect(tokenized.pieces == ["great", "👍", "👍🏽", "😂", "😂", "🇨🇳", "🇺🇸", "!"])
    #expect(tokenized.tokens.dropFirst().dropLast().allSatisfy { $0.kind == .emoji })
}

/// `ProtectedSpans.isEmoji(_:)` (used by the sentiment lexicon loader for emoji entries) must
/// agree with the tokenizer's emoji kind.
@Test(arguments: ["😀", "👍🏽", "❤️", "❤", "☺", "🇨🇳", "1️⃣", "👨‍👩‍👧", "a", "1", "©", "™", "价", "!"])
func emojiPredicateOnOneCharacterAgreesWithTheTokenizer(_ character: Character) throws {
    let tokenized = try tokenize("x \(character) x")
    let kind = tokenized.token(String(character))?.kind
    #expect(ProtectedSpans.isEmoji(character) == (kind == .emoji))
}
