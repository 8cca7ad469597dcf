import Foundation
import Testing
@testable import ThreadLensCore
import ThreadLensICU

/// Topics (SPEC §4) from the cues in `models/topics/`, assigned per sentence in both languages.
@Suite struct TopicAssignmentTests {
    typealias H = SentimentHarness
    typealias Post = SentimentHarness.Post

    static func topics(_ text: String) throws -> [String: [Int]] {
        let comment = try H.analyze([Post("1", text)]).comments[0]
        return Dictionary(uniqueKeysWithValues: comment.topics.map { ($0.topic, $0.sentences) })
    }

    @Test(arguments: [
        ("The price went up again.", "pricing"),
        ("They cancelled my order.", "fulfillment"),
        ("Customer service never answered.", "service"),
        ("Scalpers bought everything.", "resellers"),
        ("Still not available in Europe.", "availability"),
        ("The camera quality is superb.", "product"),
        ("Their reputation is gone.", "trust"),
        ("价格又涨了。", "pricing"),
        ("发货太慢了。", "fulfillment"),
        ("客服态度很差。", "service"),
        ("黄牛加价太狠。", "resellers"),
        ("海外买不到。", "availability"),
        ("续航不错。", "product"),
        ("这就是割韭菜。", "trust"),
        ("發貨太慢了。", "fulfillment"),
    ])
    func eachTopicHasCuesInBothLanguages(text: String, topic: String) throws {
        #expect(try Self.topics(text)[topic] == [0])
    }

    /// The generalisation cues (models/topics/cues.tsv): the brand's conduct is trust, artificial
    /// scarcity is availability, reshipping is fulfillment, durability and the chip are product.
    @Test(arguments: [
        ("小米又在画饼。", "trust"),
        ("官方这吃相，真让人寒心。", "trust"),
        ("They delayed it on purpose.", "trust"),
        ("More excuses from them.", "trust"),
        ("这就是饥饿营销。", "availability"),
        ("這就是飢餓營銷。", "availability"),
        ("希望能尽快补发。", "fulfillment"),
        ("这台用了三年都没毛病。", "product"),
        ("The chipset runs hot.", "product"),
    ])
    func generalisationCuesAssignTheirTopic(text: String, topic: String) throws {
        #expect(try Self.topics(text)[topic] == [0])
    }

    @Test func topicsAreAssignedPerSentence() throws {
        let topics = try Self.topics("The price is fine. Delivery took a month. 客服没回复。")
        #expect(topics["pricing"] == [0])
        #expect(topics["fulfillment"] == [1])
        #expect(topics["service"] == [2])
    }

    @Test func chineseCueMatchesAcrossAnyDictionarySplit() throws {
        // 发货 is one word or 发|货 depending on context; the cue matches both.
        #expect(try Self.topics("他们一直不发货。")["fulfillment"] != nil)
        #expect(try Self.topics("说好今天发货。")["fulfillment"] != nil)
    }

    @Test func entityKindCueAssignsItsTopic() throws {
        // A recognised reseller (here by hand) makes the sentence about resellers.
        let pack = try H.pack()
        let tokenizer = Tokenizer(segmenter: try ICUSegmenter())
        let text = tokenizer.tokenize("I got mine from Zed last week.")
        var comment = AnalyzedComment(comment: Comment(id: "1", text: text.text, location: SourceLocation(file: "t", line: 1)), text: text)
        let zed = try #require(text.tokens.firstIndex { $0.key == "zed" })
        comment.entities = [EntityMention(kind: .reseller, id: "zed", tokens: zed..<(zed + 1))]
        #expect(TopicAssignment(model: pack.topics).assign(comment).map(\.topic).contains("resellers"))
    }

    @Test func replyThatOnlyPointsBackTakesItsParentsTopics() throws {
        let thread = try H.analyze([
            Post("1", "Xiaomi should sell in Europe and stop the scalpers."),
            Post("1.1", parent: "1", "They already have one."),
            Post("1.2", parent: "1", "Nice weather today."),
        ])
        let parent = Set(thread.comments[0].topics.map(\.topic))
        #expect(parent.contains("availability"))
        #expect(Set(thread.comments[1].topics.map(\.topic)) == parent)
        #expect(thread.comments[2].topics.isEmpty)
    }

    @Test func commentWithoutCuesHasNoTopic() throws {
        #expect(try Self.topics("Very necessary.").isEmpty)
        #expect(try Self.topics("哈哈哈").isEmpty)
    }

    @Test func shippedTopicModelLoadsWithNoErrorOrWarning() throws {
        var loader = ModelLoader(directory: H.modelsDirectory, tokenizer: Tokenizer(segmenter: try ICUSegmenter()))
        let model = TopicModel.load(&loader)
        #expect(loader.diagnostics.isEmpty, "\(loader.diagnostics.map(\.description).joined(separator: "\n"))")
        for topic in ["resellers", "availability", "pricing", "fulfillment", "service", "trust", "product"] {
            #expect(model.topics.contains(topic))
        }
    }

    @Test(arguments: [
        ("pricing\t@resseller\n", "topics.entity-kind", "did you mean '@reseller'"),
        ("Pricing\tprice\n", "topics.topic-id", "lower-case"),
        ("pricing\tprice\t20\n", "topics.weight-range", "outside"),
        ("pricing\n", "topics.column-count", "expected 2 to 3"),
    ])
    func badTopicCueIsReported(line: String, code: String, message: String) throws {
        let models = try ScratchModels([
            "topics/cues.tsv": "#! format: topic-cues/1\n" + line,
            "topics/settings.tsv": "#! format: topic-settings/1\nsentence.min-weight\t1\ncomment.min-sentences\t1\narticle.min-sentences\t1\ninherit.from-parent\tcontext\n",
            "topics/context.tsv": "#! format: topic-context/1\nthey\n",
        ])
        defer { models.remove() }
        let (_, found) = try models.loadTopics()
        let problem = try #require(found.first { $0.code == code }, "\(found)")
        #expect(problem.message.contains(message))
        #expect(problem.location?.line == 2)
    }

    @Test func unknownTopicSettingSuggestsTheClosest() throws {
        let models = try ScratchModels([
            "topics/cues.tsv": "#! format: topic-cues/1\npricing\tprice\n",
            "topics/settings.tsv": "#! format: topic-settings/1\nsentence.min-weight\t1\ncomment.min-sentences\t1\narticle.min-sentences\t1\ninherit.from-parent\tcontxt\n",
            "topics/context.tsv": "#! format: topic-context/1\nthey\n",
        ])
        defer { models.remove() }
        let (_, found) = try models.loadTopics()
        #expect(found.contains { $0.code == "topics.settings.choice" && $0.message.contains("did you mean 'context'") })
    }
}
