import Testing
import ThreadLensCore
import ThreadLensICU

@Test func everyTokenSlicesBackToItsTextWithAnEmojiPrepended() throws {
    let tokenizer = Tokenizer(segmenter: try ICUSegmenter())
    let text = "😀 小米官方旗舰店不发货, see https://example.com/a?b=1 @bob 👍🏽 don’t buy!"
    let tokenized = tokenizer.tokenize(text)
    for token in tokenized.tokens {
        #expect(!tokenized.text(of: token).isEmpty)
    }
    let pieces = tokenized.tokens.map { "\(tokenized.text(of: $0))/\($0.kind.rawValue)" }
    print(pieces.joined(separator: " "), tokenized.language, tokenized.sentences.count)
    #expect(pieces.contains("https://example.com/a?b=1/url"))
    #expect(pieces.contains("@bob/mention"))
    #expect(pieces.contains("👍🏽/emoji"))
}
