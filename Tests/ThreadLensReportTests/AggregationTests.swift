import Testing
import ThreadLensCore
@testable import ThreadLensReport

@Suite struct AggregationTests {
    typealias F = Fixture

    func report(_ threads: [AnalyzedThread]) -> Report { Report(PartialReport(threads)) }

    func claim(_ report: Report, _ subject: String, _ value: String, region: String? = nil) -> Report.ClaimRow? {
        report.claims.first { $0.key.subject == subject && $0.key.value == value && $0.key.region == region }
    }

    @Test func oneAuthorRepeatingAClaimCountsOnce() throws {
        let thread = F.thread("t", title: nil, [
            F.comment("1", author: "Loud", "Shopz is fake.", claims: [F.legitimacy("shopz", "illegitimate", "Shopz is fake")]),
            F.comment("2", author: "loud ", "Shopz is fake, again.", claims: [F.legitimacy("shopz", "illegitimate", "Shopz is fake")]),
            F.comment("3", author: "LOUD", "Shopz is fake, I said.", claims: [F.legitimacy("shopz", "illegitimate", "Shopz is fake")]),
        ])
        let row = try #require(claim(report([thread]), "shopz", "illegitimate"))
        #expect(row.mentions == 3)
        #expect(row.claimants == 1)
        #expect(row.supporters == 1)
    }

    @Test func anonymousCommentsAreDistinctPeople() throws {
        let thread = F.thread("t", title: nil, [
            F.comment("1", "Shopz is fake.", claims: [F.legitimacy("shopz", "illegitimate", "Shopz is fake")]),
            F.comment("2", "Shopz is fake.", claims: [F.legitimacy("shopz", "illegitimate", "Shopz is fake")]),
        ])
        #expect(try #require(claim(report([thread]), "shopz", "illegitimate")).claimants == 2)
    }

    @Test func agreeingAndDisagreeingRepliesSupportAndDisputeTheParentsClaims() throws {
        let r = report([F.resellers])
        let illegitimate = try #require(claim(r, "gadgetworld", "illegitimate"))
        // marrow88 claims it twice (2 and 2.1.1, case differs): one claimant; quietfox agrees with 2.
        #expect(illegitimate.claimants == 1)
        #expect(illegitimate.supporters == 2)
        #expect(illegitimate.supportersByStance == 1)
        // tallpine disagrees with 2 and also claims the contrary.
        #expect(illegitimate.disputersByStance == 1)
        #expect(illegitimate.disputersByClaim == 1)
        #expect(illegitimate.disputers == 1)
        let legitimate = try #require(claim(r, "gadgetworld", "legitimate"))
        // marrow88 disagrees with 2.1 and claims the contrary: one disputer, counted once.
        #expect(legitimate.disputers == 1)
        #expect(legitimate.contrary == [illegitimate.id])
        #expect(illegitimate.contrary == [legitimate.id])
    }

    @Test func topLevelStanceIsTowardTheArticlesClaims() throws {
        let row = try #require(claim(report([F.resellers]), "*", "illegitimate"))
        #expect(row.claimants == 1)            // the article
        #expect(row.supportersByStance == 1)   // kestrel agrees with the article
        #expect(row.disputers == 0)
    }

    @Test func contraryClaimsDisputeEachOtherAcrossThreads() throws {
        let other = F.thread("other", title: nil, [
            F.comment("1", author: "newcomer", "Gadgetworld is an authorised dealer.",
                      claims: [F.legitimacy("gadgetworld", "legitimate", "Gadgetworld is an authorised dealer")]),
        ])
        let r = report([F.resellers, other])
        let illegitimate = try #require(claim(r, "gadgetworld", "illegitimate"))
        #expect(illegitimate.disputersByClaim == 2)
        let legitimate = try #require(claim(r, "gadgetworld", "legitimate"))
        #expect(legitimate.threads == 2)
        #expect(legitimate.claimants == 2)
    }

    @Test func claimsDifferingOnlyInRegionAreNotContrary() throws {
        let r = report([F.regions])
        let spain = try #require(claim(r, "xiaomi", "available", region: "ES"))
        #expect(spain.contrary.isEmpty)
        let euUnavailable = try #require(claim(r, "xiaomi", "unavailable", region: "EU"))
        // Lumen claims EU available (contrary) and disagrees with comment 1 (stance): one person.
        #expect(euUnavailable.claimants == 2)
        #expect(euUnavailable.disputers == 1)
    }

    @Test func hedgedShareCountsAuthorsWhoHedgedEveryTime() throws {
        let thread = F.thread("t", title: nil, [
            F.comment("1", author: "a", "Maybe Shopz is fake.", claims: [F.legitimacy("shopz", "illegitimate", hedged: true, "Shopz is fake")]),
            F.comment("2", author: "a", "Shopz is fake.", claims: [F.legitimacy("shopz", "illegitimate", "Shopz is fake")]),
            F.comment("3", author: "b", "I think Shopz is fake.", claims: [F.legitimacy("shopz", "illegitimate", hedged: true, "Shopz is fake")]),
        ])
        let row = try #require(claim(report([thread]), "shopz", "illegitimate"))
        #expect(row.hedgedShare == 0.5)
        #expect(row.evidence.first?.hedged == false)
    }

    @Test func unresolvedSubjectsAreCountedButNotClustered() {
        let r = report([F.resellers])
        #expect(r.overall.unresolvedClaims == 1)
        #expect(!r.claims.contains { $0.key.subject == "?" })
        #expect(r.overall.claims == 5)
    }

    @Test func articleIsLeftOutOfSentimentButItsClaimsCount() throws {
        let r = report([F.order])
        #expect(r.overall.comments == 3)
        #expect(r.overall.articles == 1)
        #expect(r.overall.sentiment.count == 3)
        let refused = try #require(claim(r, "xiaomi", "refused"))
        #expect(refused.claimants == 2)
        #expect(refused.supporters == 3)       // article, 小林, and 阿杰 agreeing with 小林
        #expect(refused.disputers == 1)        // mingzhu: contrary claim and disagreeing with the article
        #expect(refused.dates.first == "2023-11-20")
    }

    @Test func meanAndIntervalComeFromExactSums() throws {
        var tally = ScoreTally()
        for score in [0.5, -0.5, 1.0] { tally.add(.neutral, score: score) }
        let s = tally.summary
        #expect(s.count == 3)
        let mean = try #require(s.mean)
        #expect(abs(mean - 1.0 / 3) < 1e-12)
        // sd = sqrt(((0.5-1/3)^2 + (-0.5-1/3)^2 + (1-1/3)^2) / 2) = 0.7638; t(2) = 4.303.
        let half = 4.303 * 0.763763 / 3.0.squareRoot()
        #expect(abs(try #require(s.low) - max(-1, mean - half)) < 1e-4)
        #expect(abs(try #require(s.high) - min(1, mean + half)) < 1e-4)
    }

    @Test func aSingleScoreHasAMeanButNoInterval() {
        var tally = ScoreTally()
        tally.add(.positive, score: 0.25)
        #expect(tally.summary.mean == 0.25)
        #expect(tally.summary.low == nil)
    }

    @Test(arguments: [(2, 4.303), (30, 2.042), (31, 2.0395), (120, 1.9799), (100_000, 1.96)])
    func studentTQuantileMatchesTables(df: Int, expected: Double) {
        #expect(abs(StudentT.quantile975(degreesOfFreedom: df) - expected) < 0.001)
    }

    @Test func topicQuotesAreTheTopicsSentencesRankedByScore() throws {
        let r = report([F.resellers])
        let resellers = try #require(r.topics.first { $0.topic == "resellers" })
        #expect(resellers.comments == 4)
        #expect(resellers.mostPositive.map(\.comment) == ["1", "2.1"])
        #expect(resellers.mostPositive.last?.text == "I bet Gadgetworld has a deal with Xiaomi, my phone came sealed.")
        #expect(resellers.mostNegative.map(\.comment) == ["2", "2.1.1"])
        let pricing = try #require(r.topics.first { $0.topic == "pricing" })
        #expect(pricing.mostNegative.first?.text == "Their prices are a joke too!")
    }

    @Test func entitySentimentIsKnownOnlyForTheThreadsBrand() throws {
        let r = report(F.all)
        let brand = try #require(r.entities.first { $0.key == EntityKey(kind: "brand", id: "xiaomi") })
        #expect(brand.sentiment?.count == 3)   // 2.1, 3 and 1 of fridge-order; the articles are left out
        let shop = try #require(r.entities.first { $0.key.id == "gadgetworld" })
        #expect(shop.sentiment == nil)
        #expect(shop.mentions == 3)
        #expect(shop.claims == [.init("illegitimate", 1), .init("legitimate", 1)])
        #expect(r.entities.map(\.key.kind) == ["brand", "reseller", "region", "region"])
    }

    @Test func threadRowsCountCommentsAuthorsAndStance() throws {
        let row = try #require(report(F.all).threads.first { $0.id == "phone-resellers" })
        #expect(row.comments == 7)
        #expect(row.articles == 1)
        #expect(row.authors == 6)   // kestrel, marrow88, tallpine, quietfox, anonymous 3, =cmd|calc
        #expect(row.agree == 2)
        #expect(row.disagree == 2)
        #expect(row.dates.first == "2015-03-02")
        #expect(row.dates.last == "2015-03-06")
    }

    @Test(arguments: [
        ("2015-03-01", "2015-03-20", BucketSize.day),
        ("2015-03-01", "2015-04-01", BucketSize.day),
        ("2015-03-01", "2015-04-02", BucketSize.week),
        ("2015-01-01", "2015-06-30", BucketSize.week),
        ("2015-01-01", "2015-07-15", BucketSize.month),
    ])
    func bucketSizeIsChosenFromTheSpan(first: String, last: String, expected: BucketSize) throws {
        let a = try #require(CalendarDay(iso8601: first)), b = try #require(CalendarDay(iso8601: last))
        #expect(BucketSize.chosen(first: a, last: b) == expected)
    }

    @Test func timelineKeepsEmptyBucketsBetweenDatedOnes() throws {
        let timeline = try #require(report([F.regions]).timeline)
        #expect(timeline.bucket == .week)
        #expect(timeline.buckets.first?.label == "2015-W15")
        #expect(timeline.buckets.last?.label == "2015-W25")
        #expect(timeline.buckets.count == 11)
        #expect(timeline.buckets.reduce(0) { $0 + $1.sentiment.count } == 4)
        #expect(timeline.undatedComments == 1)
    }

    @Test func sparseTimelineKeepsOnlyDatedBuckets() throws {
        let timeline = try #require(report(Fixture.all).timeline)
        #expect(timeline.bucket == .month)
        #expect(timeline.buckets.map(\.label) == ["2015-03", "2015-04", "2015-05", "2015-06", "2023-11"])
    }

    @Test(arguments: [
        ("2015-02-23", "2015-W09"), ("2021-01-03", "2020-W53"), ("2024-12-30", "2025-W01"),
        ("2016-01-01", "2015-W53"), ("2000-02-29", "2000-W09"),
    ])
    func isoWeekLabels(date: String, label: String) throws {
        let day = try #require(CalendarDay(iso8601: date))
        #expect(BucketSize.week.label(of: BucketSize.week.start(of: day)) == label)
        #expect(day.description == date)
    }

    @Test(arguments: ["2015-02-30", "2015-13-01", "yesterday", "15-02-23", "2015/02/23", ""])
    func notADate(text: String) {
        #expect(CalendarDay(iso8601: text) == nil)
    }

    @Test func quotesAreWhitespaceCollapsedAndCut() {
        #expect(Quote.clean("  a \n\n b\tc  ") == "a b c")
        let long = String(repeating: "词", count: 300)
        let cut = Quote.clean(long)
        #expect(cut.count == Quote.maxCharacters)
        #expect(cut.hasSuffix("…"))
    }
}
