import Testing
import ThreadLensCore
import ThreadLensICU

@Test(arguments: [
    ("This phone is great, would buy again.", Language.en),
    ("Naïve café owners love it", .en),
    ("ＧＲＥＡＴ ｐｈｏｎｅ", .en),
    ("这个手机很好用，推荐购买。", .zh),
    ("這個手機很好用，推薦購買。", .zh),
    ("我在Xiaomiworld买的Mi4很好", .zh),
    ("Bought it from the official store, 价格很便宜", .mixed),
    ("这个 flash sale 太难抢了, never again", .mixed),
    ("Great phone 👍 好", .en),
    ("小米 Mi 4 really good, the camera is amazing and the battery lasts", .en),
    ("😀😀👍", .und),
    ("!!! ??? ...", .und),
    ("11.11 1,499 30%", .und),
    ("https://mi.com @bob", .und),
    ("", .und),
])
func languageIsIdentifiedFromTheScriptMixOfWords(_ text: String, _ language: Language) throws {
    #expect(try tokenize(text).language == language)
}

@Test func languageIdentifierWorksOnAnyTokenizedText() throws {
    let tokenized = try tokenize("价格 good price 很好 nice")
    #expect(LanguageIdentifier.identify(text: tokenized.text, tokens: tokenized.tokens) == tokenized.language)
    #expect(LanguageIdentifier.identify(text: tokenized.text, tokens: []) == .und)
}
