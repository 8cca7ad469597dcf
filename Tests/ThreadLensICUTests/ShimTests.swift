import Testing
import ThreadLensCore
import ThreadLensICU

@Test func icuVersionIsReported() {
    #expect(ICUText.version.split(separator: ".").count >= 2)
}

@Test(arguments: [
    ("官方旗艦店發貨很慢，價格還貴。", "官方旗舰店发货很慢，价格还贵。"),
    ("這個手機", "这个手机"),
    ("mixed 臺灣 text", "mixed 台湾 text"),
])
func traditionalChineseTransliteratesToSimplified(_ traditional: String, _ simplified: String) throws {
    let transliterator = try ICUTransliterator("Traditional-Simplified")
    #expect(transliterator.transliterate(traditional) == simplified)
    // Simplified text comes back unchanged.
    #expect(transliterator.transliterate(simplified) == simplified)
}

@Test func transliteratorHandlesLongAndEmptyTexts() throws {
    let transliterator = try ICUTransliterator("Traditional-Simplified")
    #expect(transliterator.transliterate("") == "")
    let long = String(repeating: "發貨很慢。", count: 500)
    #expect(transliterator.transliterate(long) == String(repeating: "发货很慢。", count: 500))
}

@Test func unknownTransliteratorIsAnError() {
    #expect(throws: ICUError.self) { _ = try ICUTransliterator("No-Such-Transform") }
}

@Test(arguments: [
    ("Ｘｉａｏｍｉ　ＭＩ４", "Xiaomi MI4", "xiaomi mi4"),
    ("ﬁne", "fine", "fine"),
    ("Straße", "Straße", "strasse"),
    ("cafe\u{0301}", "café", "café"),
    ("①②", "12", "12"),
    ("价格", "价格", "价格"),
    ("", "", ""),
])
func nfkcAndFoldNormalize(_ text: String, _ nfkc: String, _ folded: String) {
    #expect(ICUText.nfkc(text[...]) == nfkc)
    #expect(ICUText.fold(text[...]) == folded)
}

@Test func foldGrowsItsBufferForLongExpansions() {
    // U+FDFA expands to 18 characters under NFKC: far beyond the first buffer guess.
    let text = String(repeating: "\u{FDFA}", count: 300)
    let folded = ICUText.fold(text[...])
    #expect(folded.unicodeScalars.count == 300 * 18)
}

@Test func scriptOfScalarComesFromICU() {
    #expect(ICUText.script(of: "a") == 25)
    #expect(ICUText.script(of: "价") == 17)
    #expect(ICUText.script(of: " ") == 0)
}

/// A Chinese passage long enough for ICU's charset detector, written for this test.
let chinesePassage = """
    我上个月在网上买了一台新手机，价格比官方旗舰店便宜了两百块，但是收到以后发现是翻新机。
    客服说可以退货，可是等了两个星期都没有人回复。后来我只好去实体店问，店员说这种情况很常见，
    很多小店都会把翻新机当作新机来卖，所以大家买东西的时候一定要小心，最好还是去官方渠道购买。
    现在我用的这台手机电池很耐用，屏幕也很清楚，拍照效果比以前那台好多了，总的来说还是满意的。
    """

@Test(arguments: ["GB18030", "Big5", "UTF-16LE", "UTF-16BE"])
func charsetEncodingRoundTrips(_ charset: String) throws {
    // Big5 has no simplified characters: round trip traditional text there.
    let text = charset == "Big5" ? try ICUTransliterator("Simplified-Traditional").transliterate(chinesePassage) : chinesePassage
    let bytes = try #require(ICUCharset.encode(text, charset: charset))
    #expect(bytes != Array(text.utf8))
    let decoded = try #require(ICUCharset.decode(bytes, charset: charset))
    #expect(decoded.text == text)
    #expect(decoded.substitutions == 0)
}

@Test func knownBytesDecodeToTheRightCharacters() throws {
    // 小米 in GB18030 (GBK range) and Big5, 价 in UTF-16LE.
    #expect(ICUCharset.decode([0xD0, 0xA1, 0xC3, 0xD7], charset: "GB18030")?.text == "小米")
    #expect(ICUCharset.decode([0xA4, 0x70, 0xA6, 0xCC], charset: "Big5")?.text == "小米")
    #expect(ICUCharset.decode([0xF7, 0x4E], charset: "UTF-16LE")?.text == "价")
    #expect(ICUCharset.encode("小米", charset: "GB18030") == [0xD0, 0xA1, 0xC3, 0xD7])
}

@Test(arguments: [("GB18030", "GB18030"), ("Big5", "Big5"), ("UTF-16LE", "UTF-16LE"), ("UTF-16BE", "UTF-16BE")])
func charsetDetectionRecognisesChineseEncodings(_ charset: String, _ expected: String) throws {
    let text = charset == "Big5" ? try ICUTransliterator("Simplified-Traditional").transliterate(chinesePassage) : chinesePassage
    var bytes = try #require(ICUCharset.encode(text, charset: charset))
    // ICU detects UTF-16 by its byte order mark.
    if charset == "UTF-16LE" { bytes = [0xFF, 0xFE] + bytes }
    if charset == "UTF-16BE" { bytes = [0xFE, 0xFF] + bytes }
    let detected = try #require(ICUCharset.detect(bytes))
    #expect(detected.name == expected)
    #expect(detected.confidence >= 50)
    #expect(ICUCharset.decode(bytes, charset: detected.name)?.text.hasSuffix(String(text.suffix(20))) == true)
}

@Test func invalidBytesAreSubstitutedAndCounted() throws {
    let decoded = try #require(ICUCharset.decode([0xD0, 0xA1, 0xFF, 0x41], charset: "GB18030"))
    #expect(decoded.substitutions >= 1)
    #expect(decoded.text.contains("小"))
    #expect(decoded.text.hasSuffix("A"))
}

@Test func unknownCharsetIsNil() {
    #expect(ICUCharset.decode([0x41], charset: "no-such-charset") == nil)
    #expect(ICUCharset.encode("a", charset: "no-such-charset") == nil)
    #expect(ICUCharset.decode([], charset: "GB18030")?.text == "")
}
