import Testing
import ThreadLensCore
import ThreadLensICU

// Chinese is segmented into words by ICU's dictionary, not into single characters. The
// expectations name words ICU's dictionary has held for many releases; the averages guard
// against a regression to one token per character.

@Test(arguments: [
    ("这款手机的价格太贵了，质量也一般。", ["手机", "价格", "质量", "一般"]),
    ("我昨天在京东买了一台小米电视，快递很快！", ["昨天", "小米", "电视", "快递", "很快"]),
    ("小米官方旗舰店不发货，客服也不回消息。", ["小米", "官方", "旗舰店", "消息"]),
])
func simplifiedChineseIsSegmentedIntoWords(_ text: String, _ words: [String]) throws {
    let tokenized = try tokenize(text)
    for word in words {
        #expect(tokenized.token(word)?.kind == .ideographic, "\(word) not a token in \(tokenized.pieces)")
    }
    let han = tokenized.tokens.filter { $0.kind == .ideographic }
    let characters = han.reduce(0) { $0 + tokenized.text(of: $1).count }
    #expect(Double(characters) / Double(han.count) >= 1.3, "\(tokenized.pieces)")
}

@Test(arguments: [
    ("這款手機的價格太貴了，品質也一般。", ["手機", "價格", "品質", "一般"]),
    ("我昨天在京東買了一台小米電視，快遞很快！", ["昨天", "小米", "電視", "快遞", "很快"]),
    ("官方旗艦店發貨很慢，價格還貴。", ["官方", "旗艦店", "發貨", "價格"]),
])
func traditionalChineseIsSegmentedIntoWords(_ text: String, _ words: [String]) throws {
    let tokenized = try tokenize(text)
    for word in words {
        #expect(tokenized.token(word)?.kind == .ideographic, "\(word) not a token in \(tokenized.pieces)")
    }
    let han = tokenized.tokens.filter { $0.kind == .ideographic }
    let characters = han.reduce(0) { $0 + tokenized.text(of: $1).count }
    #expect(Double(characters) / Double(han.count) >= 1.3, "\(tokenized.pieces)")
}

@Test func mixedChineseAndEnglishSplitsAtEveryScriptChange() throws {
    let tokenized = try tokenize("我在Xiaomiworld买的Mi4很好")
    #expect(tokenized.piecesWithKinds == ["我在/ideographic", "Xiaomiworld/word", "买/ideographic", "的/ideographic", "Mi4/word", "很好/ideographic"]
        || tokenized.piecesWithKinds == ["我/ideographic", "在/ideographic", "Xiaomiworld/word", "买/ideographic", "的/ideographic", "Mi4/word", "很好/ideographic"],
        "\(tokenized.piecesWithKinds)")
}

@Test func englishInsideChineseKeepsItsWordsAndSpaces() throws {
    let tokenized = try tokenize("这个 flash sale 真的抢不到，global version 也没货")
    for word in ["flash", "sale", "global", "version"] { #expect(tokenized.token(word)?.kind == .word) }
    #expect(tokenized.token("，")?.kind == .punctuation)
}

@Test(arguments: [
    ("官方旗舰店买不到。真的假的？好吧！", ["官方旗舰店买不到。", "真的假的？", "好吧！"]),
    ("價格太貴了！不買了。", ["價格太貴了！", "不買了。"]),
    ("发货了吗？？还没有……", ["发货了吗？？", "还没有……"]),
    ("第一段没有句号\n第二段", ["第一段没有句号", "第二段"]),
])
func chineseSentencesEndAtFullWidthTerminatorsAndLineBreaks(_ text: String, _ sentences: [String]) throws {
    #expect(try tokenize(text).sentenceTexts == sentences)
}

@Test(arguments: [
    ("Hello world. This is fine! Is it? Yes.", ["Hello world.", "This is fine!", "Is it?", "Yes."]),
    ("Mr. Smith paid $5.99 for it, e.g. too much. Really.", ["Mr. Smith paid $5.99 for it, e.g. too much.", "Really."]),
    ("First paragraph without a stop\n\nSecond one", ["First paragraph without a stop", "Second one"]),
    ("See https://example.com/a?b=1 for details. Thanks", ["See https://example.com/a?b=1 for details.", "Thanks"]),
    ("“Quoted sentence.” Next one", ["“Quoted sentence.”", "Next one"]),
    ("line one\r\nline two", ["line one", "line two"]),
])
func englishSentencesEndAtTerminatorsButNotAtAbbreviationsOrInsideURLs(_ text: String, _ sentences: [String]) throws {
    #expect(try tokenize(text).sentenceTexts == sentences)
}

@Test func mixedSentencesFollowBothScriptsTerminators() throws {
    #expect(try tokenize("I love it. 但是太贵了！Would buy again?").sentenceTexts == ["I love it.", "但是太贵了！", "Would buy again?"])
}

@Test func sentencesKnowTheirTokens() throws {
    let tokenized = try tokenize("Good phone. 很好。")
    try #require(tokenized.sentences.count == 2)
    #expect(tokenized.tokens[tokenized.sentences[0].tokens].map { String(tokenized.text(of: $0)) } == ["Good", "phone", "."])
    #expect(tokenized.tokens[tokenized.sentences[1].tokens].map { String(tokenized.text(of: $0)) } == ["很好", "。"])
    #expect(tokenized.sentenceIndex(ofToken: 3) == 1)
    #expect(tokenized.text(ofTokens: 0..<2) == "Good phone")
}

@Test func segmenterReturnsWordsAndSentencesThatCoverTheText() throws {
    let segmenter = try ICUSegmenter()
    let text = "Bought it. 买了，很好！ 😀"
    let (words, sentences) = segmenter.segments(of: text[...])
    #expect(words == segmenter.wordSegments(of: text[...]))
    #expect(sentences == segmenter.sentenceSegments(of: text[...]))
    #expect(words.first?.range.lowerBound == 0)
    #expect(words.last?.range.upperBound == text.utf8.count)
    #expect(zip(words, words.dropFirst()).allSatisfy { $0.range.upperBound == $1.range.lowerBound })
    #expect(sentences.first?.lowerBound == 0 && sentences.last?.upperBound == text.utf8.count)
    #expect(segmenter.countWordSegments(of: text[...]) == words.count)
}

@Test func segmenterCanBeReusedAcrossTextsOfDifferentLengths() throws {
    let segmenter = try ICUSegmenter()
    let long = String(repeating: "价格很好 good price. ", count: 100)
    let longCount = segmenter.countWordSegments(of: long[...])
    #expect(segmenter.wordSegments(of: "短"[...]).count == 1)
    #expect(segmenter.countWordSegments(of: long[...]) == longCount)
    #expect(segmenter.segments(of: ""[...]).words.isEmpty)
    // After an empty text the sentence iterator does not report the previous text's sentences.
    #expect(segmenter.segments(of: ""[...]).sentences.isEmpty)
}
