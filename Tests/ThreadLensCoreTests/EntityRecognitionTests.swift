import Foundation
import Testing
@testable import ThreadLensCore

/// Gazetteer, region and seller-discovery behaviour of `EntityRecognition`, and the subject
/// normalisation of SPEC §4.
@Suite struct EntityRecognitionTests {
    @Test func shippedEntityModelsLoadWithoutErrors() throws {
        let harness = try ClaimHarness()
        let errors = harness.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        #expect(harness.entities.gazetteer.count > 100)
        #expect(!harness.entities.sellerCues.suffixes.isEmpty)
    }

    @Test(arguments: [
        ("Xiaomi World", "xiaomiworld"),
        ("小陳3C", "小陳3c"),
        ("Giz-Top Store!", "giztopstore"),
        ("Café Deals", "cafédeals"),
        ("数码港湾", "数码港湾"),
        ("Phone_Hub 24/7", "phonehub247"),
    ])
    func subjectNormalisationKeepsLatinLettersDigitsAndHan(name: String, normalised: String) {
        #expect(SubjectName.normalize(name) == normalised)
    }

    @Test(arguments: [
        ("Europe is next, they say.", "region:EU"),
        ("European buyers are waiting.", "region:EU"),
        ("American stores are empty.", "region:US"),
        ("欧洲还没有。", "region:EU"),
        ("海外用户很多。", "region:INTL"),
        ("国外也能买。", "region:INTL"),
        ("International fans want it.", "region:INTL"),
        ("It sells well outside China.", "region:INTL"),
        ("我买的是国行。", "region:CN"),
        ("港版便宜一点。", "region:HK"),
        ("Shipping to India takes a week.", "region:IN"),
        ("The US gets it later.", "region:US"),
        ("德国和法国都有。", "region:DE"),
    ])
    func regionsMapToTheirCodes(text: String, expected: String) throws {
        let harness = try ClaimHarness()
        #expect(harness.entities(of: text).contains(expected), "\(harness.entities(of: text))")
    }

    @Test func outsideTakesTheWholeListOfRegionsAfterIt() throws {
        let harness = try ClaimHarness()
        #expect(harness.entities(of: "Nobody sells it outside of China and India yet.") == ["region:INTL"])
    }

    @Test func lowerCaseUsIsThePronounNotTheCountry() throws {
        let harness = try ClaimHarness()
        #expect(!harness.entities(of: "Give us a proper store.").contains("region:US"))
    }

    @Test(arguments: [
        ("I ordered from Xiaomiworld last year.", "reseller:xiaomiworld"),
        ("Gadget Deals had it cheaper.", "reseller:gadgetdeals"),
        ("FoldHouse had stock first.", "reseller:foldhouse"),
        ("Check dealsfromguangzhou.com for prices.", "reseller:dealsfromguangzhou"),
        ("See https://www.phonehub.co.uk/item/42 for it.", "reseller:phonehub"),
        ("I bought from Ravenmobile in March.", "reseller:ravenmobile"),
        ("Ask the seller called Kestrel Phones about it.", "reseller:kestrelphones"),
        ("我在小陈3C买的红米。", "reseller:小陈3c"),
        ("隔壁那家“数码港湾”有现货。", "reseller:数码港湾"),
        ("有个叫“华为优选数码”的卖家。", "reseller:华为优选数码"),
        ("楼下的老王数码也有卖。", "reseller:老王数码"),
        ("Bought my Redmi via Giztop.", "reseller:giztop"),
    ])
    func resellersAreFoundByNameShapeAndContext(text: String, expected: String) throws {
        let harness = try ClaimHarness()
        #expect(harness.entities(of: text).contains(expected), "\(harness.entities(of: text))")
    }

    @Test(arguments: [
        "Open a webshop for us, please.",
        "The workshop fixed my screen.",
        "I paid with PayPal.",
        "在网上买的。",
        "在欧洲基本买不到。",
    ])
    func ordinaryWordsAreNotResellers(text: String) throws {
        let harness = try ClaimHarness()
        #expect(!harness.entities(of: text).contains { $0.hasPrefix("reseller:") }, "\(harness.entities(of: text))")
    }

    @Test(arguments: [
        ("京东自营发货很快。", "platform:京东自营"),
        ("某宝上一堆。", "platform:淘宝"),
        ("拼多多便宜。", "platform:拼多多"),
        ("闲鱼上有人卖。", "platform:闲鱼"),
        ("An eBay listing had it.", "platform:ebay"),
        ("AliExpress is full of them.", "platform:aliexpress"),
        ("Try aliexpress.com instead.", "platform:aliexpress"),
    ])
    func platformSellersTakeThePlatformsName(text: String, expected: String) throws {
        let harness = try ClaimHarness()
        #expect(harness.entities(of: text).contains(expected), "\(harness.entities(of: text))")
    }

    @Test(arguments: [
        ("小米的新手机", "brand:xiaomi"),
        ("The Mi Store downtown", "brand:xiaomi"),
        ("Xiaomi’s own store", "brand:xiaomi"),
        ("mi.com ships fast", "brand:xiaomi"),
        ("华为商城开售了", "brand:huawei"),
        ("The official POCO Global Store had it first.", "brand:xiaomi"),
        ("Bought it from the official realme EU Store.", "brand:realme"),
    ])
    func brandsStoresAndPossessivesAreTheBrand(text: String, expected: String) throws {
        let harness = try ClaimHarness()
        #expect(harness.entities(of: text).contains(expected), "\(harness.entities(of: text))")
    }

    @Test(arguments: [
        "The official POCO Global Store had it first.",
        "Bought it from the official realme EU Store.",
    ])
    func capitalisedStoreNamesAfterABrandAreNotResellers(text: String) throws {
        let harness = try ClaimHarness()
        #expect(!harness.entities(of: text).contains { $0.hasPrefix("reseller:") }, "\(harness.entities(of: text))")
    }

    @Test func aTypoOfANameUsedElsewhereInTheThreadTakesThatName() throws {
        let harness = try ClaimHarness()
        let thread = harness.analyze([
            .init("1", "Shenzendealsmall sold me a fake."),
            .init("2", "Shenzhendealsmall is fine for me."),
            .init("3", "Shenzhendealsmall again, third order."),
        ])
        #expect(thread.comments[0].entities.map(\.id) == ["shenzhendealsmall"])
        #expect(thread.comments[0].entities.first?.finding == .threadSpelling)
    }

    @Test func theStartOfALongerNameInTheThreadIsThatName() throws {
        let harness = try ClaimHarness()
        let thread = harness.analyze([
            .init("1", "Go through Hong Kong sellers like HarbourTech Mobile instead."),
            .init("1.1", parent: "1", "HarbourTech cancelled my order twice."),
        ])
        #expect(thread.comments[1].entities.map(\.id).contains("harbourtechmobile"), "\(thread.comments[1].entities)")
    }

    @Test func aNameWrittenPlainElsewhereInTheThreadIsRecognised() throws {
        let harness = try ClaimHarness()
        let thread = harness.analyze([
            .init("1", "gadgetgrove.net has it for less."),
            .init("1.1", parent: "1", "Is gadgetgrove reliable at all?"),
        ])
        #expect(thread.comments[1].entities.map(\.id) == ["gadgetgrove"])
    }

    @Test func mentionsSliceBackToTheirText() throws {
        let harness = try ClaimHarness()
        let thread = harness.analyze([.init("1", "😀 我在“数码港湾”买的，Gadget Deals 也有。")])
        let comment = thread.comments[0]
        let texts = comment.entities.compactMap { $0.bytes.map { String(comment.text.slice($0)) } }
        #expect(texts.contains("数码港湾"))
        #expect(texts.contains("Gadget Deals"))
    }
}
