import Testing
@testable import ThreadLensCore

/// Whom sentiment is aimed at: only sentiment toward the thread's brand (its name, products,
/// own stores, and pronouns that refer to them) counts in brand mode; sentiment aimed at
/// resellers, scalpers, other commenters, people or tools is reported per target and dropped.
@Suite struct SentimentTargetTests {
    typealias H = SentimentHarness
    typealias Post = SentimentHarness.Post

    @Test(arguments: [
        ("Xiaomi makes great phones.", SentimentLabel.positive),
        ("Xiaomi has been terrible about this.", .negative),
        ("小米这次真良心。", .positive),
        ("小米的售后太差了。", .negative),
        ("The Redmi Note is excellent.", .positive),
    ])
    func sentimentAboutTheBrandOrItsProductsCounts(text: String, label: SentimentLabel) throws {
        #expect(try H.sentiment(text).label == label)
    }

    @Test(arguments: [
        "Those resellers are crap.",
        "Scalpers are greedy and awful.",
        "The seller was rude and the shop is a scam.",
        "黄牛太坑了，加价一千。",
        "那些代购真恶心。",
    ])
    func sentimentAimedAtAResellerDoesNotCountTowardTheBrand(text: String) throws {
        let result = try H.sentiment(text)
        #expect(result.label == .neutral)
        // It is still found, and reported as aimed at a reseller.
        let elsewhere = result.sentences.flatMap(\.targets).filter { !$0.counted }
        #expect(elsewhere.contains { $0.targetClass == .reseller && $0.valence < 0 })
        #expect(try H.sentiment(text, target: .any).label == .negative)
    }

    @Test(arguments: [
        "You are an idiot.",
        "You are so wrong about this.",
        "你说的完全是错的，楼主太蠢了。",
    ])
    func sentimentAimedAtTheCommenterDoesNotCountTowardTheBrand(text: String) throws {
        #expect(try H.sentiment(text).label == .neutral)
        #expect(try H.sentiment(text, target: .any).label == .negative)
    }

    @Test func sentimentAimedAtAToolDoesNotCount() throws {
        #expect(try H.sentiment("The script they used is garbage.").label == .neutral)
    }

    @Test func brandAndResellerInOneCommentAreScoredApart() throws {
        // Praise for the brand counts; the complaint about scalpers does not drag it down.
        let result = try H.sentiment("Xiaomi is great. The scalpers are horrible.")
        #expect(result.label == .positive)
        #expect(try H.sentiment("小米很良心，黄牛太可恶了。").label == .positive)
    }

    @Test(arguments: [
        ("I bought a Xiaomi phone last month. It is excellent.", SentimentLabel.positive),
        ("I bought from Xiaomiworld last month. They are excellent.", .neutral),
        ("我买了小米的手机。它真的很好用。", .positive),
    ])
    func pronounRefersToThePreviousTarget(text: String, label: SentimentLabel) throws {
        #expect(try H.sentiment(text).label == label)
    }

    @Test(arguments: [
        ("The official Xiaomi store cancelled my order, terrible.", SentimentLabel.negative),
        ("Some random store cancelled my order, terrible.", .neutral),
    ])
    func storefrontAfterTheBrandIsTheBrandsOwnStore(text: String, label: SentimentLabel) throws {
        #expect(try H.sentiment(text).label == label)
    }

    @Test func adjectiveBeforeATargetIsAimedAtIt() throws {
        // "trustworthy resellers" praises the resellers, not Xiaomi, though Xiaomi is named.
        #expect(try H.sentiment("Xiaomi works with trustworthy resellers.").label == .neutral)
        #expect(try H.sentiment("Xiaomi makes a great phone.").label == .positive)
    }

    @Test func peopleAreWhoFeelNotWhatIsFeltAbout() throws {
        // The buyers are angry; the anger is about Xiaomi.
        #expect(try H.sentiment("Buyers are angry at Xiaomi.").label == .negative)
    }

    @Test func namesCarryNoSentimentTowardTheBrand() throws {
        // "Honor" is a brand here, not VADER's positive word "honor".
        #expect(try H.sentiment("Honor opened pre-orders today.", brand: "honor").label == .neutral)
        // Any mode reads the text as VADER does: there it is the word.
        #expect(try H.sentiment("Honor opened pre-orders today.", brand: "honor", target: .any).label == .positive)
    }

    @Test func anyTargetScoresAllSentimentInTheText() throws {
        #expect(try H.sentiment("Those resellers are crap.", target: .any).label == .negative)
        #expect(try H.sentiment("You are an idiot.", target: .any).label == .negative)
    }

    @Test func articleNamingTheBrandIsAboutTheBrand() throws {
        let thread = try H.analyze([
            Post("0", "Xiaomi refuses to ship refrigerators.\n\nThe decision is a disaster for consumer trust, a shameful, deceitful and disgraceful move."),
        ])
        #expect(thread.comments[0].sentiment.label == .negative)
    }

    @Test func replyWithoutATargetInheritsItsParentsTarget() throws {
        let thread = try H.analyze([
            Post("1", "OnePlus cancelled my order."),
            Post("1.1", parent: "1", "Same here, really disappointing."),
        ], brand: "oneplus")
        #expect(thread.comments[1].sentiment.label == .negative)
    }

    @Test func rivalBrandSentimentDoesNotCount() throws {
        let result = try H.sentiment("Samsung phones are awful.")
        #expect(result.label == .neutral)
        #expect(result.sentences.flatMap(\.targets).contains { $0.targetClass == .rival && $0.id == "samsung" })
    }

    @Test func explanationNamesTheEntryAndTheTargetOfEachWord() throws {
        let explanation = try H.explain([Post("1", "Xiaomi is not good, and the resellers are crap.")], id: "1")
        let words = explanation.sentences.flatMap(\.words)
        let good = try #require(words.first { $0.text == "good" })
        #expect(good.entry?.file.hasSuffix("sentiment/en/valence.tsv") == true)
        #expect(good.firings.contains { $0.rule == "negation" && $0.source?.file.hasSuffix("sentiment/en/rules.tsv") == true })
        #expect(good.target.targetClass == .brand && good.target.counted)
        let crap = try #require(words.first { $0.text == "crap" })
        #expect(crap.target.targetClass == .reseller && !crap.target.counted)
    }

    @Test func perTopicSentimentIsTowardTheBrand() throws {
        let thread = try H.analyze([Post("1", "Xiaomi's price is fantastic. Their delivery was a disaster.")])
        let topics = Dictionary(uniqueKeysWithValues: thread.comments[0].topics.map { ($0.topic, $0) })
        #expect(topics["pricing"]?.label == .positive)
        #expect(topics["fulfillment"]?.label == .negative)
    }
}
