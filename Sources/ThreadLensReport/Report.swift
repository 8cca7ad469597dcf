import ThreadLensCore

/// The report: aggregates of analysed threads, and the renderers that print them.
///
/// ```
/// AnalyzedThread ──add──▶ PartialReport ──merge──▶ PartialReport ──Report(_:)──▶ Report
///                          (exact integer sums,     (shards, any order)           │
///                           sets, best-K quotes)                                   ▼
///                                 ▲ json()/decode()        TerminalRenderer, MarkdownRenderer,
///                                 ▼ threadlens-partial/1   ReportJSON, CSVTables, HTMLRenderer
/// ```
///
/// A `Report` is a pure function of a `PartialReport`, so merging partials and then finishing
/// gives the same bytes as a single run over all inputs.
public struct Report: Hashable, Sendable {
    public static let schema = "threadlens-report/1"

    public var quoteLimit: Int
    public var input: InputSummary
    public var overall: Overall
    /// Most-discussed first.
    public var topics: [TopicRow]
    /// By type, then most supported first; each has an id (`c1`, `c2` …) the renderers link by.
    public var claims: [ClaimRow]
    /// By kind (brand, reseller, platform, region, others), then most mentioned first.
    public var entities: [EntityRow]
    /// By thread id.
    public var threads: [ThreadRow]
    /// Nil when no comment has a parseable date.
    public var timeline: Timeline?

    public struct InputSummary: Hashable, Sendable {
        public var files: Int
        public var threads: Int
        /// Comments analysed plus comments skipped (articles count as comments here).
        public var commentsRead: Int
        public var commentsAnalysed: Int
        /// Skipped comments by reason.
        public var skipped: [NamedCount]
    }

    /// A name with a count (a skip reason, a claim value).
    public struct NamedCount: Hashable, Sendable {
        public var name: String
        public var count: Int
        public init(_ name: String, _ count: Int) {
            self.name = name
            self.count = count
        }
    }

    public struct Overall: Hashable, Sendable {
        /// Comments other than articles.
        public var comments: Int
        public var articles: Int
        /// Distinct authors of comments.
        public var authors: Int
        public var sentiment: SentimentSummary
        /// Claims made, the unresolved included.
        public var claims: Int
        public var unresolvedClaims: Int
        public var dates: DateRange
        public var undatedComments: Int
        /// Thread ids folded in more than once.
        public var repeatedThreads: [String]
    }

    public struct TopicRow: Hashable, Sendable {
        public var topic: String
        public var comments: Int
        public var sentences: Int
        public var sentiment: SentimentSummary
        public var mostPositive: [Quote]
        public var mostNegative: [Quote]
    }

    public struct ClaimRow: Hashable, Sendable {
        /// `c1`, `c2` … in report order.
        public var id: String
        public var key: ClaimKey
        public var mentions: Int
        /// Distinct authors making the claim.
        public var claimants: Int
        /// Distinct authors making the claim or agreeing with a comment that makes it.
        public var supporters: Int
        /// Supporters who only agreed (did not make the claim themselves).
        public var supportersByStance: Int
        /// Distinct authors disagreeing with a comment making the claim or making a contrary claim.
        public var disputers: Int
        public var disputersByStance: Int
        public var disputersByClaim: Int
        /// Ids of the clusters with the same type, subject and region but another value.
        public var contrary: [String]
        /// Share of claimants whose every assertion of it was hedged.
        public var hedgedShare: Double
        public var threads: Int
        public var dates: DateRange
        public var evidence: [Quote]
        public var supportEvidence: [Quote]
        /// Disagreeing replies and the contrary claims' evidence, earliest first.
        public var disputeEvidence: [Quote]
    }

    public struct EntityRow: Hashable, Sendable {
        public var key: EntityKey
        public var mentions: Int
        public var comments: Int
        public var threads: Int
        /// Sentiment aimed at the entity where the pipeline measures it (the thread's brand).
        public var sentiment: SentimentSummary?
        /// Claim values asserted about the entity (as a claim subject), with distinct claimants.
        public var claims: [NamedCount]
    }

    public struct ThreadRow: Hashable, Sendable {
        public var id: String
        public var title: String?
        public var source: String?
        public var brand: String?
        public var comments: Int
        public var articles: Int
        public var authors: Int
        public var sentiment: SentimentSummary
        public var claims: Int
        public var agree: Int
        public var disagree: Int
        public var dates: DateRange
    }

    public struct Timeline: Hashable, Sendable {
        public var bucket: BucketSize
        public var buckets: [Bucket]
        public var undatedComments: Int

        public struct Bucket: Hashable, Sendable {
            public var label: String
            public var start: CalendarDay
            /// The bucket's last day.
            public var end: CalendarDay
            public var sentiment: SentimentSummary
            public var claims: Int
        }
    }
}

extension Report {
    /// Finishes a partial report.
    public init(_ partial: PartialReport) {
        quoteLimit = partial.quoteLimit
        let analysed = partial.threads.values.reduce(0) { $0 + $1.comments + $1.articles }
        let skipped = partial.input.skipped.sorted { $0.key < $1.key }.map { NamedCount($0.key, $0.value) }
        input = InputSummary(files: partial.input.files, threads: partial.threads.count,
                             commentsRead: analysed + skipped.reduce(0) { $0 + $1.count },
                             commentsAnalysed: analysed, skipped: skipped)

        var sentiment = ScoreTally()
        var authors = Set<String>()
        var dates = DateRange()
        for thread in partial.threads.values {
            sentiment.merge(thread.sentiment)
            authors.formUnion(thread.authors)
            dates.merge(thread.dates)
        }
        overall = Overall(
            comments: partial.threads.values.reduce(0) { $0 + $1.comments },
            articles: partial.threads.values.reduce(0) { $0 + $1.articles },
            authors: authors.count, sentiment: sentiment.summary,
            claims: partial.threads.values.reduce(0) { $0 + $1.claims },
            unresolvedClaims: partial.unresolvedClaims, dates: dates,
            undatedComments: partial.undatedComments, repeatedThreads: partial.repeatedThreads)

        topics = partial.topics.map { name, t in
            TopicRow(topic: name, comments: t.comments, sentences: t.sentences, sentiment: t.sentiment.summary,
                     mostPositive: t.mostPositive, mostNegative: t.mostNegative)
        }.sorted { $0.comments != $1.comments ? $0.comments > $1.comments : $0.topic < $1.topic }

        claims = Report.claimRows(partial)
        entities = Report.entityRows(partial, claims: claims)
        threads = partial.threads.sorted { $0.key < $1.key }.map { id, t in
            ThreadRow(id: id, title: t.title, source: t.source, brand: t.brand, comments: t.comments, articles: t.articles,
                      authors: t.authors.count, sentiment: t.sentiment.summary, claims: t.claims, agree: t.agree,
                      disagree: t.disagree, dates: t.dates)
        }
        timeline = Report.timeline(partial)
    }

    private static func claimRows(_ partial: PartialReport) -> [ClaimRow] {
        var byQuestion: [ClaimKey: [ClaimKey]] = [:]
        for key in partial.claims.keys { byQuestion[key.question, default: []].append(key) }

        struct Draft {
            var key: ClaimKey
            var tally: ClaimTally
            var supporters: Set<String>
            var disputers: Set<String>
            var byClaim: Set<String>
        }
        var drafts: [Draft] = partial.claims.map { key, tally in
            let claimants = Set(tally.claimants.keys)
            var contraryClaimants = Set<String>()
            for other in byQuestion[key.question] ?? [] where other != key {
                contraryClaimants.formUnion(partial.claims[other]!.claimants.keys)
            }
            return Draft(key: key, tally: tally, supporters: claimants.union(tally.stanceSupporters),
                         disputers: tally.stanceDisputers.union(contraryClaimants), byClaim: contraryClaimants)
        }
        drafts.sort { a, b in
            if a.key.type != b.key.type { return a.key.type < b.key.type }
            if a.supporters.count != b.supporters.count { return a.supporters.count > b.supporters.count }
            if a.disputers.count != b.disputers.count { return a.disputers.count > b.disputers.count }
            if a.tally.mentions != b.tally.mentions { return a.tally.mentions > b.tally.mentions }
            return a.key < b.key
        }
        var ids: [ClaimKey: String] = [:]
        for (index, draft) in drafts.enumerated() { ids[draft.key] = "c\(index + 1)" }

        return drafts.map { draft in
            let tally = draft.tally
            let contraryKeys = (byQuestion[draft.key.question] ?? []).filter { $0 != draft.key }
            var disputeEvidence = tally.disputeQuotes
            for other in contraryKeys {
                disputeEvidence.keepBest(adding: partial.claims[other]!.quotes, limit: partial.quoteLimit, ranking: .earliestFirst)
            }
            let hedged = tally.claimants.values.count { $0 }
            return ClaimRow(
                id: ids[draft.key]!, key: draft.key, mentions: tally.mentions, claimants: tally.claimants.count,
                supporters: draft.supporters.count,
                supportersByStance: tally.stanceSupporters.subtracting(tally.claimants.keys).count,
                disputers: draft.disputers.count, disputersByStance: tally.stanceDisputers.count,
                disputersByClaim: draft.byClaim.count,
                contrary: contraryKeys.compactMap { ids[$0] }.sorted { Int($0.dropFirst())! < Int($1.dropFirst())! },
                hedgedShare: tally.claimants.isEmpty ? 0 : Double(hedged) / Double(tally.claimants.count),
                threads: tally.threads.count, dates: tally.dates, evidence: tally.quotes,
                supportEvidence: tally.supportQuotes, disputeEvidence: disputeEvidence)
        }
    }

    private static func entityRows(_ partial: PartialReport, claims: [ClaimRow]) -> [EntityRow] {
        let kindOrder = [EntityKind.brand, .reseller, .platform, .region].map(\.rawValue)
        func rank(_ kind: String) -> Int { kindOrder.firstIndex(of: kind) ?? kindOrder.count }
        var claimValues: [String: [String: Int]] = [:]
        for row in claims { claimValues[row.key.subject, default: [:]][row.key.value, default: 0] += row.claimants }
        return partial.entities.map { key, e in
            EntityRow(key: key, mentions: e.mentions, comments: e.comments, threads: e.threads.count,
                      sentiment: e.sentiment.count > 0 ? e.sentiment.summary : nil,
                      claims: (claimValues[key.id] ?? [:]).sorted { $0.key < $1.key }.map { NamedCount($0.key, $0.value) })
        }.sorted { a, b in
            if rank(a.key.kind) != rank(b.key.kind) { return rank(a.key.kind) < rank(b.key.kind) }
            if a.mentions != b.mentions { return a.mentions > b.mentions }
            return a.key < b.key
        }
    }

    /// Empty buckets between the first and last are kept (a gap is information) unless they
    /// would swamp the chart: more than `maxBuckets` in all, or over twice as many empty as dated.
    static let maxBuckets = 200

    private static func timeline(_ partial: PartialReport) -> Timeline? {
        guard let firstNumber = partial.days.keys.min(), let lastNumber = partial.days.keys.max() else { return nil }
        let size = BucketSize.chosen(first: CalendarDay(number: firstNumber), last: CalendarDay(number: lastNumber))
        var grouped: [Int: DayTally] = [:]
        for (day, tally) in partial.days {
            grouped[size.start(of: CalendarDay(number: day)).number, default: DayTally()].merge(tally)
        }
        var starts: [CalendarDay] = []
        var start = size.start(of: CalendarDay(number: firstNumber))
        while start.number <= lastNumber, starts.count <= maxBuckets {
            starts.append(start)
            start = size.next(after: start)
        }
        if starts.count > maxBuckets || starts.count > 3 * grouped.count {
            starts = grouped.keys.sorted().map { CalendarDay(number: $0) }
        }
        let buckets = starts.map { start in
            let tally = grouped[start.number] ?? DayTally()
            return Timeline.Bucket(label: size.label(of: start), start: start,
                                   end: CalendarDay(number: size.next(after: start).number - 1),
                                   sentiment: tally.sentiment.summary, claims: tally.claims)
        }
        return Timeline(bucket: size, buckets: buckets, undatedComments: partial.undatedComments)
    }
}
