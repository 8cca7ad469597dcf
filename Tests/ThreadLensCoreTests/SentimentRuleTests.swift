import Testing
@testable import ThreadLensCore

/// Each sentiment rule of the shipped models (`models/sentiment/`) as named, table-driven cases
/// in English and Chinese. Scores use `--target any` unless the case is about targets, so a rule
/// is tested apart from whom the words are aimed at.
@Suite struct SentimentRuleTests {
    typealias H = SentimentHarness

    // MARK: Lexicon

    @Test(arguments: [
        ("The phone is good.", 1.0),
        ("The phone is terrible.", -1.0),
        ("手机很好用。", 1.0),
        ("质量太差了。", -1.0),
        ("質量很差。", -1.0),
        ("服務很好。", 1.0),
    ])
    func lexiconWordsCarryTheirValence(text: String, sign: Double) throws {
        #expect(try H.score(text, target: .any) * sign > 0)
    }

    @Test func simplifiedAndTraditionalEntriesBothMatch() throws {
        let simplified = try H.score("这次真的很失望。", target: .any)
        let traditional = try H.score("這次真的很失望。", target: .any)
        #expect(simplified < 0)
        #expect(traditional < 0)
    }

    // MARK: Negation

    @Test(arguments: [
        ("The phone is not good.", -1.0),
        ("The phone is not very good.", -1.0),
        ("It is not at all good.", -1.0),
        ("手机不好用。", -1.0),
        ("这手机不太好。", -1.0),
        ("质量没有很差。", 1.0),
    ])
    func negatorFlipsTheNextThreeTokens(text: String, sign: Double) throws {
        #expect(try H.score(text, target: .any) * sign > 0)
        #expect(try H.firedRules(text).contains { $0.hasPrefix("negation") })
    }

    @Test(arguments: [
        "Not bad at all.",
        "No problems so far.",
        "I was never disappointed.",
        "没毛病。",
        "用了两年没有问题。",
    ])
    func notBadNoProblemsNeverDisappointedArePositive(text: String) throws {
        #expect(try H.score(text, target: .any) > 0)
    }

    @Test(arguments: [
        ("It is not the worst phone.", "It is not a bad phone."),
        ("It is not the best phone.", "It is not a good phone."),
    ])
    func negatedSuperlativeIsWeakerThanItsOpposite(superlative: String, plain: String) throws {
        let negated = try H.score(superlative, target: .any)
        // "not the worst" is no praise: at most faintly positive, weaker than "not bad".
        let opposite = try H.score(plain, target: .any)
        #expect(abs(negated) < abs(opposite))
        #expect(try H.firedRules(superlative).contains("negation (superlative)"))
    }

    @Test(arguments: [
        "The phone is great. Not the battery.",
        "No wonder, the phone is great.",
        "At least the phone is great.",
    ])
    func negationDoesNotReachAcrossSentencesOrExceptions(text: String) throws {
        #expect(try H.score(text, target: .any) > 0)
    }

    @Test func negationStopsAtAClauseBreak() throws {
        // "not" ends with its clause: "great" after the comma is not negated.
        #expect(try H.score("Not cheap, but great.", target: .any) > 0)
        #expect(try H.score("不便宜，但是很好。", target: .any) > 0)
    }

    @Test func negatorWithAValenceOfItsOwnKeepsItOnlyWhenItNegatesNothing() throws {
        #expect(try H.score("No.", target: .any) < 0)
        #expect(try H.score("No problems.", target: .any) > 0)
    }

    // MARK: Boosters and dampeners

    @Test(arguments: [
        ("The phone is very good.", "The phone is good.", "The phone is kind of good."),
        ("I am extremely disappointed.", "I am disappointed.", "I am slightly disappointed."),
        ("非常好用。", "好用。", "有点好用。"),
        ("很失望。", "失望。", "有点失望。"),
    ])
    func boosterIncreasesAndDampenerDecreases(boosted: String, plain: String, dampened: String) throws {
        let strong = abs(try H.score(boosted, target: .any)), base = abs(try H.score(plain, target: .any)), weak = abs(try H.score(dampened, target: .any))
        #expect(strong > base)
        #expect(base > weak)
    }

    @Test func chineseDegreeAdverbBoostsInsideAMergedToken() throws {
        // ICU joins 太慢 into one token; the lexicon splits it so 太 can boost 慢.
        #expect(try H.firedRules("物流太慢。").contains("booster"))
    }

    // MARK: Contrast and concession

    @Test(arguments: [
        ("The camera is great but the battery is terrible.", -1.0),
        ("The battery is terrible but the camera is great.", 1.0),
        ("东西不错，但是物流太慢了。", -1.0),
        ("物流太慢了，但是东西不错。", 1.0),
    ])
    func butClauseOutweighsTheClauseBefore(text: String, sign: Double) throws {
        #expect(try H.score(text, target: .any) * sign > 0)
        #expect(try H.firedRules(text).contains("contrast"))
    }

    @Test(arguments: [
        ("Although the price is awful, the phone is excellent.", 1.0),
        ("虽然很贵，质量非常好。", 1.0),
    ])
    func concessionClauseCountsLessThanTheMainClause(text: String, sign: Double) throws {
        #expect(try H.score(text, target: .any) * sign > 0)
        #expect(try H.firedRules(text).contains("concession"))
    }

    // MARK: Emphasis

    @Test func allCapsWordIsEmphasisedAmidMixedCase() throws {
        let caps = try H.score("The phone is GOOD.", target: .any), plain = try H.score("The phone is good.", target: .any)
        #expect(caps > plain)
        #expect(try H.firedRules("The phone is GOOD.").contains("caps"))
        #expect(try !H.firedRules("THE PHONE IS GOOD.").contains("caps"))
    }

    @Test(arguments: [
        ("The phone is good!!!", "The phone is good."),
        ("太好用了！！", "太好用了。"),
        ("Terrible!!", "Terrible."),
    ])
    func exclamationMarksAddEmphasis(emphatic: String, plain: String) throws {
        let loud = try H.score(emphatic, target: .any), quiet = try H.score(plain, target: .any)
        #expect(abs(loud) > abs(quiet))
    }

    // MARK: Questions

    @Test(arguments: [
        ("Is Xiaomi any good?", "Xiaomi is good."),
        ("小米好用吗？", "小米好用。"),
    ])
    func questionIsDampedTowardTheBrand(question: String, statement: String) throws {
        let asked = try H.score(question), said = try H.score(statement)
        #expect(asked < said)
    }

    @Test(arguments: [
        "难道这不是割韭菜吗？",
        "難道這不是割韭菜嗎？",
    ])
    func rhetoricalQuestionAssertsTheOpposite(text: String) throws {
        #expect(try H.score(text, target: .any) < 0)
        #expect(try H.firedRules(text).contains("rhetorical"))
    }

    @Test(arguments: ["Is the Xiaomi 14 any good?", "Does the Xiaomi app feel smooth?", "小米14值得买吗？", "小米的售后靠谱吗？"])
    func yesNoQuestionAssertsNothingTowardTheBrand(text: String) throws {
        #expect(try H.score(text, target: .brand) == 0)
        #expect(try H.firedRules(text, target: .brand).contains("polar-question"))
    }

    @Test func aYesNoQuestionKeepsTheStatementClauseBeforeIt() throws {
        // The complaint is its own clause; only the question clause asks.
        #expect(try H.score("小米的售后太差了，有人知道哪里能修吗？", target: .brand) < 0)
    }

    @Test(arguments: ["Why is the Xiaomi 14 so awful?", "为什么小米的系统这么烂？"])
    func whQuestionKeepsPartOfItsSentiment(text: String) throws {
        #expect(try H.score(text, target: .brand) < 0)
        #expect(try !H.firedRules(text, target: .brand).contains("polar-question"))
    }

    @Test(arguments: [
        ("If Xiaomi supports these stores, great.", "Xiaomi supports these stores, great."),
        ("如果小米支持这些店就好了。", "小米支持这些店，很好。"),
    ])
    func conditionAssertsNothingTowardTheBrand(condition: String, statement: String) throws {
        #expect(try H.score(condition) == 0)
        #expect(try H.score(statement) > 0)
    }

    // MARK: Idioms, slang, emoji, emoticons

    @Test(arguments: [
        ("yeah right", -1.0),
        ("That price is a joke.", -1.0),
        ("I can't wait for the launch.", 1.0),
        ("真香", 1.0),
        ("吃相难看", -1.0),
        ("又在割韭菜", -1.0),
        ("交智商税", -1.0),
        ("良心企业", 1.0),
        ("又翻车了", -1.0),
    ])
    func idiomsAndSlangMatchAsAWhole(text: String, sign: Double) throws {
        #expect(try H.score(text, target: .any) * sign > 0)
    }

    @Test(arguments: [
        ("Arrived today :)", 1.0),
        ("Arrived today :(", -1.0),
        ("Arrived today 👍", 1.0),
        ("Arrived today 👍🏽", 1.0),
        ("Cancelled again 🙄", -1.0),
        ("到货了😂", 1.0),
    ])
    func emojiAndEmoticonsCarrySentiment(text: String, sign: Double) throws {
        #expect(try H.score(text, target: .any) * sign > 0)
    }

    @Test func emoticonMarksInsideTextAreNotEmoticons() throws {
        // "):" here closes a parenthesis and opens a list; it is not a frown.
        #expect(try H.score("The box (see above): charger, cable.", target: .any) == 0)
    }

    // MARK: Modes

    @Test func brandOnlyEntriesApplyOnlyInBrandMode() throws {
        // "party" is VADER-positive; in brand threads "3rd party" is business vocabulary.
        #expect(try H.score("It is a 3rd party shop.", target: .any) > 0)
        #expect(try H.score("Xiaomi sells through a 3rd party.") == 0)
    }

    @Test func mixedLanguageCommentIsScoredOnOneScale() throws {
        let mixed = try H.score("小米的售后太差了, really disappointed.")
        #expect(mixed < 0)
        let chineseOnly = try H.score("小米的售后太差了。")
        #expect(mixed < chineseOnly)
    }

    @Test func labelsUseTheModeThresholds() throws {
        let settings = try H.pack().sentiment.settings
        #expect(settings.label(for: 0.1, target: .any) == .positive)
        #expect(settings.label(for: settings.labelBrandPositive - 0.01, target: .brand) == .neutral)
        #expect(settings.label(for: settings.labelBrandNegative, target: .brand) == .negative)
        #expect(settings.label(for: settings.labelBrandNegative, target: .brand, isArticle: true) == .neutral)
    }
}
