import Foundation
import Testing
@testable import ThreadLensCore

/// Stance of a reply toward its parent: cues in both languages, negated cues, and claims that
/// agree with or contradict the parent's.
@Suite struct StanceDetectionTests {
    @Test func shippedStanceCuesLoadWithoutErrors() throws {
        let harness = try ClaimHarness()
        #expect(harness.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(harness.stance.cues.count > 50)
    }

    @Test(arguments: [
        ("I beg to differ, the camera is fine.", Stance.disagree),
        ("Nah, that was years ago.", .disagree),
        ("I tend to agree with you on the price.", .agree),
        ("+1, same here.", .agree),
        ("同意，价格太高了。", .agree),
        ("不同意，价格还可以。", .disagree),
        ("你错了，这款早就上市了。", .disagree),
        ("确实，客服很慢。", .agree),
        ("Yeah, the queue was long.", .agree),
        ("I don't agree with any of that.", .disagree),
        ("The camera is nice.", .none),
        ("Is that really true?", .none),
        ("The phone has a nice screen, actually.", .none),
    ])
    func cuesSetTheStanceTowardTheParent(reply: String, stance: Stance) throws {
        let harness = try ClaimHarness()
        let thread = harness.analyze([.init("1", "The new phone costs too much."), .init("1.1", parent: "1", reply)])
        #expect(thread.comments[1].stance == stance)
    }

    @Test func aContraryClaimAboutTheSameSubjectDisagrees() throws {
        let harness = try ClaimHarness()
        let thread = harness.analyze([
            .init("1", "Gizmoworld is a scam."),
            .init("1.1", parent: "1", "Gizmoworld is legit, ordered three times."),
        ])
        #expect(thread.comments[1].stance == .disagree)
    }

    @Test func theSameClaimAboutTheSameSubjectAgrees() throws {
        let harness = try ClaimHarness()
        let thread = harness.analyze([
            .init("1", "Xiaomi doesn't sell in Chile."),
            .init("1.1", parent: "1", "Xiaomi still doesn't sell in Chile, sadly."),
        ])
        #expect(thread.comments[1].stance == .agree)
    }

    @Test func claimsAboutDifferentSubjectsDoNotRelate() throws {
        let harness = try ClaimHarness()
        let thread = harness.analyze([
            .init("1", "Gizmoworld is a scam."),
            .init("1.1", parent: "1", "Honorbuy is legit, ordered three times."),
        ])
        #expect(thread.comments[1].stance == .none)
    }

    @Test func aTopLevelCommentTakesAStanceTowardTheArticleByItsCues() throws {
        let harness = try ClaimHarness()
        let thread = harness.analyze([
            .init("0", "Xiaomi refuses to ship fridges bought at a glitch price."),
            .init("1", "Not true, Xiaomi shipped my fridge the next day."),
            .init("2", "Totally necessary move by the regulator."),
        ])
        #expect(thread.comments[1].stance == .disagree)
        #expect(thread.comments[2].stance == .agree)
        #expect(thread.comments[0].stance == .none)
    }

    @Test func restatingTheArticlesFactsTakesNoSide() throws {
        let harness = try ClaimHarness()
        let thread = harness.analyze([
            .init("0", "Xiaomi refuses to ship fridges bought at a glitch price."),
            .init("1", "Xiaomi refused to ship mine too, I bought two."),
        ])
        #expect(thread.comments[1].claims.map(ClaimHarness.describe) == ["order_fulfillment xiaomi refused"])
        #expect(thread.comments[1].stance == .none)
    }

    @Test func anAnswerToAQuestionIsNoAgreement() throws {
        let harness = try ClaimHarness()
        let thread = harness.analyze([
            .init("1", "Does the store ship to Canada?"),
            .init("1.1", parent: "1", "Yes, mine came in three days."),
        ])
        #expect(thread.comments[1].stance == .none)
    }

    @Test func cuesInAQuotedLineDoNotCount() throws {
        let harness = try ClaimHarness()
        let thread = harness.analyze([
            .init("1", "I agree, it is overpriced."),
            .init("1.1", parent: "1", "> I agree, it is overpriced\nThe screen alone costs that much."),
        ])
        #expect(thread.comments[1].stance == .none)
    }
}
