import Foundation
import Testing
@testable import ThreadLensCore
import ThreadLensICU

/// The entries added to generalise toward-brand polarity beyond the tuning threads: complaints
/// about the brand's policies and praise of its value and support (brand-mode entries), and
/// brand-thread words VADER misreads.
@Suite struct SentimentGeneralisationTests {
    typealias H = SentimentHarness
    typealias Post = SentimentHarness.Post

    @Test(arguments: [
        ("Xiaomi ghosted us after the sale.", SentimentLabel.negative),
        ("Xiaomi is so anti-consumer.", .negative),
        ("Xiaomi gave us the runaround for weeks.", .negative),
        ("Xiaomi refused to refund the deposit.", .negative),
        ("Honestly Xiaomi is top notch.", .positive),
        ("Xiaomi phones are good value.", .positive),
        ("小米就会画饼。", .negative),
        ("小米一直双标。", .negative),
        ("小米客服踢皮球。", .negative),
        ("小米這次很有誠意。", .positive),
        ("小米发货快，点赞。", .positive),
        ("小米的物流速度很快。", .positive),
        ("Xiaomi shipped quickly this time.", .positive),
    ])
    func brandPolicyComplaintsAndPraiseCount(text: String, label: SentimentLabel) throws {
        #expect(try H.sentiment(text).label == label)
    }

    @Test func brandOnlyEntriesLeaveAnyModeAlone() throws {
        // "ghosted" is a brand-thread entry; VADER's lexicon lacks it, so `any` mode scores 0.
        #expect(try H.score("Xiaomi ghosted us.", target: .any) == 0)
        #expect(try H.score("Xiaomi ghosted us.") < 0)
    }

    @Test func greyNamesTheGreyMarketNotAMood() throws {
        #expect(try H.score("Xiaomi units here are grey imports.") == 0)
    }
}
