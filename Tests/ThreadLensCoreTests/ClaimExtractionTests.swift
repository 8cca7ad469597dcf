import Foundation
import Testing
@testable import ThreadLensCore

/// Claim extraction over hand-built threads: negation, hedging, questions, thread context,
/// quoted claims, and the examples stored with every shipped rule.
@Suite struct ClaimExtractionTests {
    @Test func shippedClaimModelsLoadWithoutErrors() throws {
        let harness = try ClaimHarness()
        let errors = harness.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        #expect(Set(harness.claims.typeOrder) == ["reseller_legitimacy", "regional_availability", "order_fulfillment"])
        #expect(harness.claims.rules.count >= 20)
    }

    @Test(arguments: ClaimHarness.ruleIDs)
    func ruleExamplesDoWhatTheySay(ruleID: String) throws {
        let harness = try ClaimHarness()
        let rule = try #require(harness.claims.rules.first { $0.id == ruleID })
        #expect(rule.examples.contains { $0.mustMatch })
        let failures = RuleExampleCheck(model: harness.claims).check(rule, tokenizer: harness.tokenizer)
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
    }

    @Test(arguments: [
        ("Giztop is legit.", "reseller_legitimacy giztop legitimate"),
        ("Giztop is not legit.", "reseller_legitimacy giztop illegitimate"),
        ("Giztop isn't a scam.", "reseller_legitimacy giztop legitimate"),
        ("Scalpers are junk, not official.", "reseller_legitimacy * illegitimate"),
        ("京东自营不是正规渠道。", "reseller_legitimacy 京东自营 illegitimate"),
        ("Xiaomi doesn't sell in Europe.", "regional_availability xiaomi unavailable EU"),
        ("Xiaomi sells in Spain and Italy.", "regional_availability xiaomi available ES"),
        ("欧洲买不到。", "regional_availability xiaomi unavailable EU"),
        ("小米拒绝发货。", "order_fulfillment xiaomi refused"),
        ("Giztop won't ship the order.", "order_fulfillment giztop refused"),
    ])
    func negatorsFlipTheRuleValue(text: String, expected: String) throws {
        let harness = try ClaimHarness()
        #expect(harness.claims(of: text).contains(expected), "\(harness.claims(of: text))")
    }

    @Test func aParentsSellerIsTheSubjectOfANegatedChineseClaim() throws {
        let harness = try ClaimHarness()
        let claims = harness.claims([
            .init("1", "我在小陈3C买的红米。"),
            .init("1.1", parent: "1", "他家不是正品，别买。"),
        ])
        #expect(claims == ["reseller_legitimacy 小陈3c illegitimate"])
    }

    @Test(arguments: [
        ("I bet Giztop is legit.", true),
        ("Giztop is probably legit.", true),
        ("据说京东自营是正品。", true),
        ("京东自营好像是正品。", true),
        ("Giztop is legit.", false),
        ("京东自营是正品。", false),
    ])
    func hedgesMarkTheClaimHedged(text: String, hedged: Bool) throws {
        let harness = try ClaimHarness()
        let claims = harness.analyze([.init("1", text)]).comments[0].claims
        #expect(claims.count == 1)
        #expect(claims.first?.hedged == hedged)
    }

    @Test(arguments: [
        "Is Giztop legit?",
        "Giztop 靠谱吗？",
        "这家店是不是正品？",
        "Does Xiaomi sell in Chile?",
        "If Giztop is official I will order there.",
        "You claim Giztop is a scam, but I never had trouble.",
        "I wonder which sellers are authorised.",
    ])
    func questionsConditionalsAndReportedSpeechAssertNothing(text: String) throws {
        let harness = try ClaimHarness()
        #expect(harness.claims(of: text).isEmpty, "\(harness.claims(of: text))")
    }

    @Test func onlyTheAskingClauseOfASentenceIsAQuestion() throws {
        let harness = try ClaimHarness()
        let claims = harness.claims(of: "Available in Spain, yes, but who pays €900 for a phone?")
        #expect(claims == ["regional_availability xiaomi available ES"])
    }

    @Test func aRhetoricalQuestionAssertsTheOpposite() throws {
        let harness = try ClaimHarness()
        #expect(harness.claims(of: "难道京东自营不是正品吗？") == ["reseller_legitimacy 京东自营 legitimate"])
    }

    @Test func bothOfThoseShopsTakesTheParentsShops() throws {
        let harness = try ClaimHarness()
        let claims = harness.claims([
            .init("1", "Gizmoworld and Phonedealsmall are not official, stay away."),
            .init("1.1", parent: "1", "Honestly I bet both of those shops have a contract with Xiaomi."),
        ])
        #expect(Set(claims) == ["reseller_legitimacy gizmoworld legitimate hedged", "reseller_legitimacy phonedealsmall legitimate hedged"])
    }

    @Test func theyRefersToTheLatestSellersOfTheSameComment() throws {
        let harness = try ClaimHarness()
        #expect(harness.claims(of: "I compared Honorbuy with the others. They are legit.") == ["reseller_legitimacy honorbuy legitimate"])
    }

    @Test func anUnresolvableSubjectIsAQuestionMark() throws {
        let harness = try ClaimHarness()
        #expect(harness.claims(of: "They are legit.") == ["reseller_legitimacy ? legitimate"])
    }

    @Test func aQuotedClaimIsNotTheRepliersClaim() throws {
        let harness = try ClaimHarness()
        let claims = harness.claims([
            .init("1", "Giztop is a scam."),
            .init("1.1", parent: "1", "> Giztop is a scam\nNo idea, I never ordered there."),
        ])
        #expect(claims.isEmpty, "\(claims)")
    }

    @Test func anInlineQuotationOfTheParentIsNotTheRepliersClaim() throws {
        let harness = try ClaimHarness()
        let claims = harness.claims([
            .init("1", "Honestly Giztop is a scam and everyone knows it."),
            .init("1.1", parent: "1", "You wrote “Giztop is a scam and everyone knows it” without any proof."),
        ])
        #expect(claims.isEmpty, "\(claims)")
    }

    @Test func aRebuttalOfAQuotedClaimAssertsTheOpposite() throws {
        let harness = try ClaimHarness()
        let claims = harness.claims([
            .init("1", "Xiaomi doesn't sell in Chile."),
            .init("1.1", parent: "1", "> Xiaomi doesn't sell in Chile\n\nIt does! There is a store in Santiago."),
        ])
        #expect(claims == ["regional_availability xiaomi available CL"])
    }

    @Test func aThreadWithNoBrandHasNoClaims() throws {
        let harness = try ClaimHarness()
        #expect(harness.claims(of: "TixHub is a scam, those tickets are fake.", brand: nil).isEmpty)
    }

    @Test func theLaterAssertionInOneSentenceIsTheLastWord() throws {
        let harness = try ClaimHarness()
        let claims = harness.claims([
            .init("1", "我在小陈3C买的红米。"),
            .init("1.1", parent: "1", "他家卖的是正品，但不是正规渠道。"),
        ])
        #expect(claims == ["reseller_legitimacy 小陈3c illegitimate"])
    }

    @Test func evidenceSlicesToTheClaimingClause() throws {
        let harness = try ClaimHarness()
        let comment = harness.analyze([.init("1", "😀 I waited a month. Gadget Deals and Giztop are both legit, honestly.")]).comments[0]
        let evidence = Set(comment.claims.map { String(comment.text.slice($0.evidence)) })
        #expect(evidence == ["Gadget Deals and Giztop are both legit"])
        #expect(comment.claims.allSatisfy { $0.rule != nil && $0.ruleID == "legit-adjective" })
    }

    @Test(arguments: [
        ("pattern\t{sellr} is legit", "claim-rules.pattern"),
        ("pattern\t(legit|official", "claim-rules.pattern"),
        ("pattern\t!legit", "claim-rules.pattern"),
        ("option\tnegation=sometimes", "claim-rules.option"),
        ("match\tGiztop is legit.\tgiztop legal", "claim-rules.expected"),
        ("colour\tred", "claim-rules.keyword"),
    ])
    func ruleFileProblemsAreReportedWithTheirCode(line: String, code: String) throws {
        let directory = try temporaryModels(rules: "rule\tbad-one\treseller_legitimacy\tlegitimate\npattern\t{seller} is legit\nmatch\tGiztop is legit.\tgiztop legitimate\n" + line + "\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let harness = try ClaimHarness(models: directory)
        let found = harness.diagnostics.filter { $0.severity == .error }
        #expect(found.contains { $0.code == code && $0.location?.file == "models/claims/bad.rules.tsv" && $0.location?.line == 5 }, "\(found)")
    }

    @Test func anUnknownClaimTypeSuggestsTheClosestOne() throws {
        let directory = try temporaryModels(rules: "rule\tbad-one\treseller_legitimacyy\tlegitimate\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let harness = try ClaimHarness(models: directory)
        let diagnostic = try #require(harness.diagnostics.first { $0.code == "claim-rules.type" })
        #expect(diagnostic.message.contains("did you mean 'reseller_legitimacy'"))
        #expect(diagnostic.location?.description == "models/claims/bad.rules.tsv:2:14")
    }

    @Test func aRuleWhoseExampleFailsIsReported() throws {
        let directory = try temporaryModels(rules: "rule\tbad-one\treseller_legitimacy\tlegitimate\npattern\t{seller} is legit\nmatch\tGiztop is fine.\tgiztop legitimate\nnomatch\tGiztop is legit.\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let harness = try ClaimHarness(models: directory)
        let failures = RuleExampleCheck(model: harness.claims).run(tokenizer: harness.tokenizer)
        #expect(failures.map(\.example.source.line) == [4, 5])
        #expect(failures.allSatisfy { $0.diagnostic.code == "claim-rules.example" })
    }

    /// A copy of the shipped models with `claims/` holding only `bad.rules.tsv`.
    private func temporaryModels(rules: String) throws -> URL {
        let fileManager = FileManager.default
        let directory = fileManager.temporaryDirectory.appendingPathComponent("threadlens-claims-\(UUID().uuidString)")
        try fileManager.copyItem(at: ClaimHarness.modelsDirectory, to: directory)
        let claims = directory.appendingPathComponent("claims")
        for name in try fileManager.contentsOfDirectory(atPath: claims.path) where name.hasSuffix(".rules.tsv") {
            try fileManager.removeItem(at: claims.appendingPathComponent(name))
        }
        try ("#! format: claim-rules/1\n" + rules).write(to: claims.appendingPathComponent("bad.rules.tsv"), atomically: true, encoding: .utf8)
        return directory
    }
}
