import Testing
import ThreadLensCore
import ThreadLensICU

@Test(arguments: [
    ["官方旗舰店"],
    ["官方", "旗舰店"],
    ["官方", "旗舰", "店"],
    ["官", "方", "旗", "舰", "店"],
    ["官方旗", "舰店"],
])
func chineseEntryMatchesWhateverICUSplit(_ split: [String]) throws {
    let tokenizer = try makeTokenizer()
    var table = PhraseTable<String>()
    table.insert(units: tokenizer.lookupUnits(of: "官方旗舰店"), value: "official-store")
    let tokens = handTokens(split.map { ($0, .ideographic) })
    let match = try #require(table.longestMatch(in: tokens, from: 0))
    #expect(match.length == split.count)
    #expect(match.value == "official-store")
}

@Test(arguments: [["发货"], ["发", "货"]])
func twoCharacterEntryMatchesOneOrTwoTokens(_ split: [String]) throws {
    let tokenizer = try makeTokenizer()
    var table = PhraseTable<Int>()
    table.insert(units: tokenizer.lookupUnits(of: "发货"), value: 1)
    let tokens = handTokens(split.map { ($0, .ideographic) } + [("了", .ideographic)])
    #expect(table.longestMatch(in: tokens, from: 0)?.length == split.count)
}

@Test func longestEntryWins() throws {
    let tokenizer = try makeTokenizer()
    var table = PhraseTable<String>()
    table.insert(units: tokenizer.lookupUnits(of: "flash"), value: "short")
    table.insert(units: tokenizer.lookupUnits(of: "flash sale"), value: "long")
    table.insert(units: tokenizer.lookupUnits(of: "旗舰"), value: "short-zh")
    table.insert(units: tokenizer.lookupUnits(of: "旗舰店"), value: "long-zh")
    let english = tokenizer.tokenize("the Flash Sale ended")
    let match = try #require(table.longestMatch(in: english.tokens, from: 1))
    #expect(match == (2, "long") as (Int, String))
    let chinese = hanTokens("旗舰", "店", "关门")
    #expect(table.longestMatch(in: chinese, from: 0).map { $0.value } == "long-zh")
}

@Test func aShorterEntryIsKeptWhenTheLongerOneDoesNotFinish() throws {
    let tokenizer = try makeTokenizer()
    var table = PhraseTable<String>()
    table.insert(units: tokenizer.lookupUnits(of: "flash"), value: "flash")
    table.insert(units: tokenizer.lookupUnits(of: "flash sale model"), value: "model")
    let tokens = tokenizer.tokenize("flash sale ended").tokens
    #expect(table.longestMatch(in: tokens, from: 0).map { $0.length } == 1)
    #expect(table.longestMatch(in: tokens, from: 0).map { $0.value } == "flash")
}

@Test func aMatchMustEndOnATokenBoundary() throws {
    let tokenizer = try makeTokenizer()
    var table = PhraseTable<Int>()
    table.insert(units: tokenizer.lookupUnits(of: "旗舰"), value: 1)
    // ICU gave 旗舰店 as one token: 旗舰 alone would end inside it.
    #expect(table.longestMatch(in: hanTokens("旗舰店"), from: 0) == nil)
    #expect(table.longestMatch(in: hanTokens("旗舰", "店"), from: 0)?.length == 1)
}

@Test func aMatchMustStartOnATokenAndRespectTheLimit() throws {
    let tokenizer = try makeTokenizer()
    var table = PhraseTable<Int>()
    table.insert(units: tokenizer.lookupUnits(of: "flash sale"), value: 1)
    let tokens = tokenizer.tokenize("flash sale").tokens
    #expect(table.longestMatch(in: tokens, from: 0, limit: 1) == nil)
    #expect(table.longestMatch(in: tokens, from: 1) == nil)
    #expect(table.longestMatch(in: tokens, from: 2) == nil)
}

@Test func matchesAreNonOverlappingLeftToRight() throws {
    let tokenizer = try makeTokenizer()
    var table = PhraseTable<String>()
    for (phrase, value) in [("a b", "ab"), ("b c", "bc"), ("c", "c"), ("d", "d"), ("发货", "ship")] {
        table.insert(units: tokenizer.lookupUnits(of: phrase), value: value)
    }
    let text = tokenizer.tokenize("a b c d 发货")
    let found = table.matches(in: text.tokens).map { ($0.tokens, $0.value) }
    let expected: [(Range<Int>, String)] = [(0..<2, "ab"), (2..<3, "c"), (3..<4, "d"), (4..<(text.tokens.count), "ship")]
    #expect(found.count == expected.count)
    for (got, want) in zip(found, expected) {
        #expect(got.0 == want.0)
        #expect(got.1 == want.1)
    }
    // A range limits the scan.
    #expect(table.matches(in: text.tokens, range: 1..<3).map(\.value) == ["bc"])
}

@Test func matchingUsesKeysSoCaseWidthAndApostrophesDoNotMatter() throws {
    let tokenizer = try makeTokenizer()
    var table = PhraseTable<Int>()
    table.insert(units: tokenizer.lookupUnits(of: "don't buy"), value: 1)
    table.insert(units: tokenizer.lookupUnits(of: "xiaomi"), value: 2)
    #expect(table.matches(in: tokenizer.tokenize("DON’T BUY it").tokens).map(\.value) == [1])
    #expect(table.matches(in: tokenizer.tokenize("Ｘｉａｏｍｉ").tokens).map(\.value) == [2])
}

@Test func mixedEntriesMatchAcrossScripts() throws {
    let tokenizer = try makeTokenizer()
    var table = PhraseTable<Int>()
    table.insert(units: tokenizer.lookupUnits(of: "小米Mi4"), value: 1)
    let text = tokenizer.tokenize("我的小米Mi4很好")
    let match = try #require(table.matches(in: text.tokens).first)
    #expect(text.text(ofTokens: match.tokens) == "小米Mi4")
}

@Test func insertReplacesAndCountsEntries() {
    var table = PhraseTable<Int>()
    #expect(table.insert(units: ["a", "b"], value: 1) == nil)
    #expect(table.insert(units: ["a", "b"], value: 2) == 1)
    #expect(table.insert(units: [], value: 3) == nil)
    table.insert(units: ["a"], value: 4)
    #expect(table.count == 2)
    #expect(table.value(forUnits: ["a", "b"]) == 2)
    #expect(table.value(forUnits: ["b"]) == nil)
}

@Test func unitsOfATokenizedTextSplitHanOnly() throws {
    let text = try tokenize("买了 Flash Sale 的")
    #expect(PhraseTable<Int>.units(of: text) == ["买", "了", "flash", "sale", "的"])
}
