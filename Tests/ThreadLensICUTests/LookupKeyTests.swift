import Testing
import ThreadLensCore
import ThreadLensICU

@Test(arguments: [
    // (text, token text, key)
    ("GREAT Phone", "GREAT", "great"),
    ("Straße", "Straße", "strasse"),
    ("ΣΊΣΥΦΟΣ", "ΣΊΣΥΦΟΣ", "σίσυφοσ"),
    ("CAFÉ", "CAFÉ", "café"),
    ("cafe\u{0301}", "cafe\u{0301}", "café"),
    ("Ｘｉａｏｍｉ", "Ｘｉａｏｍｉ", "xiaomi"),
    ("ＭＩ４", "ＭＩ４", "mi4"),
    ("１，４９９", "１，４９９", "1,499"),
    ("don’t", "don’t", "don't"),
    ("DON’T", "DON’T", "don't"),
    ("it‘s", "it‘s", "it's"),
    ("don＇t", "don＇t", "don't"),
    ("ﬁne", "ﬁne", "fine"),
    ("价格", "价格", "价格"),
    ("價格", "價格", "價格"),
    ("ｶﾀｶﾅ", "ｶﾀｶﾅ", "カタカナ"),
    ("soft\u{00AD}ware", "soft\u{00AD}ware", "software"),
    ("真的！", "！", "!"),
    ("真的？", "？", "?"),
    ("好。", "。", "。"),
    ("@Bob hi", "@Bob", "@bob"),
])
func lookupKeyIsTheNFKCCaseFoldWithStraightApostrophes(_ text: String, _ piece: String, _ key: String) throws {
    let tokenized = try tokenize(text)
    let token = try #require(tokenized.token(piece), "\(piece) not a token in \(tokenized.piecesWithKinds)")
    #expect(token.key == key)
}

@Test(arguments: [
    ("❤️", "❤"),
    ("👍🏽", "👍"),
    ("🧑🏽‍💻", "🧑‍💻"),
    ("🇨🇳", "🇨🇳"),
    ("1️⃣", "1⃣"),
])
func emojiKeysDropVariationSelectorsAndSkinTones(_ emoji: String, _ key: String) throws {
    let tokenized = try tokenize("so \(emoji) so")
    #expect(tokenized.token(emoji)?.key == key)
}

@Test(arguments: [
    ("https://dealsfromshenzhen.com/item/1?ref=x", "dealsfromshenzhen.com"),
    ("http://www.Mi.com/", "mi.com"),
    ("www.GearBest.com", "gearbest.com"),
    ("dealsfromshenzhen.com", "dealsfromshenzhen.com"),
    ("Item.JD.com/123.html", "item.jd.com"),
    ("https://user@shop.example.cn:8080/x", "shop.example.cn"),
])
func urlKeysAreTheLowerCasedHostWithoutWWW(_ url: String, _ key: String) throws {
    let tokenized = try tokenize("see \(url) now")
    #expect(tokenized.token(url)?.kind == .url)
    #expect(tokenized.token(url)?.key == key)
}

/// The tokenizer builds keys for ASCII, Han, kana, Hangul, CJK punctuation and full-width ASCII
/// without ICU; every such key must equal ICU's NFKC_Casefold (apostrophes aside).
@Test func fastPathKeysAgreeWithICUForEveryCharacterTheyCover() throws {
    let tokenizer = try makeTokenizer()
    let ranges: [ClosedRange<UInt32>] = [
        0x21...0x7E, 0x3001...0x3003, 0x3005...0x3007, 0x3008...0x3011, 0x3014...0x301F, 0x3041...0x3096,
        0x30A1...0x30FA, 0x30FC...0x30FE, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF5E,
        0x20000...0x2A6DF, 0x2A700...0x2EBE0, 0x2014...0x2014, 0x201C...0x201D, 0x00B7...0x00B7, 0x2022...0x2022, 0x2027...0x2027,
    ]
    var checked = 0
    for range in ranges {
        for value in range {
            guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned else { continue }
            let text = String(scalar)
            let expected = ICUText.fold(text[...])
            #expect(tokenizer.lookupKey(of: text) == expected, "U+\(String(value, radix: 16, uppercase: true))")
            checked += 1
        }
    }
    #expect(checked > 90_000)
}

@Test func lookupUnitsSplitHanIntoCharactersAndKeepOtherTokensWhole() throws {
    let tokenizer = try makeTokenizer()
    #expect(tokenizer.lookupUnits(of: "Flash Sale") == ["flash", "sale"])
    #expect(tokenizer.lookupUnits(of: "官方旗舰店") == ["官", "方", "旗", "舰", "店"])
    #expect(tokenizer.lookupUnits(of: "Mi 4发货") == ["mi", "4", "发", "货"])
    #expect(tokenizer.lookupUnits(of: "don’t buy") == ["don't", "buy"])
}
