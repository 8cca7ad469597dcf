import ThreadLensCore

/// The mergeable state of a report: what folding analysed threads leaves behind.
///
/// Aggregation is not a pipeline stage: `add(_:)` folds one analysed thread into the partial,
/// and `merge(_:)` combines two partials. Everything kept is an exact integer count or sum, a
/// set of keys, a min/max of ISO dates, or a best-K list of quotes under a total order, so
/// merging is associative and commutative: shards analysed apart and merged in any order give
/// the same partial, hence byte-identical reports, as one run over all inputs.
///
/// Sentiment, topics, entities and the timeline describe the *commenters*: the article (`0`)
/// is left out of them. Claims include the article's, because articles assert claims that the
/// comments then support or dispute.
public struct PartialReport: Hashable, Sendable {
    /// How many evidence quotes each list keeps.
    public var quoteLimit: Int
    public var input = InputTally()
    public var threads: [String: ThreadTally] = [:]
    public var topics: [String: TopicTally] = [:]
    public var claims: [ClaimKey: ClaimTally] = [:]
    public var entities: [EntityKey: EntityTally] = [:]
    /// Per calendar day (`CalendarDay.number`); buckets are chosen only when the report is made,
    /// because the span is known only after every shard is merged.
    public var days: [Int: DayTally] = [:]
    /// Comments (not articles) without a parseable date.
    public var undatedComments = 0
    /// Claims whose subject could not be resolved (`?`): counted, not clustered.
    public var unresolvedClaims = 0

    public static let defaultQuoteLimit = 3

    public init(quoteLimit: Int = PartialReport.defaultQuoteLimit) {
        self.quoteLimit = max(1, quoteLimit)
    }

    /// A partial holding `threads`, folded in order (the order does not change the result).
    public init(_ threads: some Sequence<AnalyzedThread>, quoteLimit: Int = PartialReport.defaultQuoteLimit) {
        self.init(quoteLimit: quoteLimit)
        for thread in threads { add(thread) }
    }

    /// Records what reading the inputs gave beyond the threads themselves: files read and
    /// comments skipped, by reason.
    public mutating func recordInput(files: Int, skipped reasons: [String]) {
        input.files += files
        for reason in reasons { input.skipped[reason, default: 0] += 1 }
    }

    /// The key that counts one person once: the author name case-folded and trimmed; a comment
    /// with no author is its own anonymous person.
    public static func authorKey(_ author: String?, thread: String, comment: CommentID) -> String {
        let name = (author ?? "").trimmingWhitespace().lowercased()
        return name.isEmpty ? "#\(thread)/\(comment.rawValue)" : name
    }

    // MARK: Folding

    /// Folds one analysed thread in.
    public mutating func add(_ analyzed: AnalyzedThread) {
        let threadID = analyzed.thread.id.rawValue
        var tally = ThreadTally()
        tally.occurrences = 1
        tally.title = analyzed.thread.title.map { Quote.clean($0) }
        tally.source = analyzed.thread.source
        tally.brand = analyzed.brand

        tally.articles = analyzed.comments.count { $0.comment.isArticle }
        addComments(of: analyzed, threadID: threadID, into: &tally)
        addClaims(of: analyzed, threadID: threadID, into: &tally)
        addStanceLinks(of: analyzed, threadID: threadID)
        threads[threadID, default: ThreadTally()].merge(tally)
    }

    private mutating func addComments(of analyzed: AnalyzedThread, threadID: String, into tally: inout ThreadTally) {
        for item in analyzed.comments where !item.comment.isArticle {
            let comment = item.comment
            let date = comment.date?.iso8601
            let score = ScoreTally.quantize(item.sentiment.score)
            tally.comments += 1
            tally.authors.insert(PartialReport.authorKey(comment.author, thread: threadID, comment: comment.id))
            tally.sentiment.add(item.sentiment.label, quantized: score)
            tally.dates.include(date)
            switch item.stance {
            case .agree: tally.agree += 1
            case .disagree: tally.disagree += 1
            case .none: break
            }

            for topic in item.topics {
                var topicTally = topics[topic.topic, default: TopicTally()]
                topicTally.comments += 1
                topicTally.sentences += topic.sentences.count
                let topicScore = ScoreTally.quantize(topic.score)
                topicTally.sentiment.add(topic.label, quantized: topicScore)
                // The quote is the topic's sentences; the whole comment if none are given.
                let sentences = topic.sentences.filter(item.text.sentences.indices.contains)
                let text = sentences.isEmpty ? item.text.text
                    : sentences.map { String(item.text.slice(item.text.sentences[$0].range)) }.joined(separator: " ")
                let quote = Quote(thread: threadID, comment: comment.id.rawValue, author: comment.author, date: date,
                                  score: topicScore, text: Quote.clean(text))
                if topicScore > 0 { topicTally.mostPositive.keepBest(adding: quote, limit: quoteLimit, ranking: .mostPositive) }
                if topicScore < 0 { topicTally.mostNegative.keepBest(adding: quote, limit: quoteLimit, ranking: .mostNegative) }
                topics[topic.topic] = topicTally
            }

            var mentioned: [EntityKey: Int] = [:]
            for mention in item.entities { mentioned[EntityKey(kind: mention.kind.rawValue, id: mention.id), default: 0] += 1 }
            for (key, count) in mentioned {
                var entity = entities[key, default: EntityTally()]
                entity.mentions += count
                entity.comments += 1
                entity.threads.insert(threadID)
                // The pipeline scores sentiment toward the thread's brand only; that is the one
                // entity whose aimed sentiment is known.
                if key.kind == EntityKind.brand.rawValue, key.id == analyzed.brand {
                    entity.sentiment.add(item.sentiment.label, quantized: score)
                }
                entities[key] = entity
            }

            if let date, let day = CalendarDay(iso8601: date) {
                days[day.number, default: DayTally()].sentiment.add(item.sentiment.label, quantized: score)
            } else {
                undatedComments += 1
            }
        }
    }

    private mutating func addClaims(of analyzed: AnalyzedThread, threadID: String, into tally: inout ThreadTally) {
        for item in analyzed.comments {
            let comment = item.comment
            let author = PartialReport.authorKey(comment.author, thread: threadID, comment: comment.id)
            let date = comment.date?.iso8601
            for claim in item.claims {
                tally.claims += 1
                guard claim.subject != "?" else { unresolvedClaims += 1; continue }
                let key = ClaimKey(claim)
                var cluster = claims[key, default: ClaimTally()]
                cluster.mentions += 1
                if claim.hedged { cluster.hedgedMentions += 1 }
                // An author is hedged on a claim only if every time they made it, they hedged.
                cluster.claimants[author] = (cluster.claimants[author] ?? true) && claim.hedged
                cluster.threads.insert(threadID)
                cluster.dates.include(date)
                let evidence = claim.evidence.upperBound <= item.text.text.utf8.count && claim.evidence.lowerBound >= 0
                    ? String(item.text.slice(claim.evidence)) : item.text.text
                let quote = Quote(thread: threadID, comment: comment.id.rawValue, author: comment.author, date: date,
                                  hedged: claim.hedged, text: Quote.clean(evidence))
                cluster.quotes.keepBest(adding: quote, limit: quoteLimit, ranking: .strongestFirst)
                claims[key] = cluster
                if let date, let day = CalendarDay(iso8601: date) { days[day.number, default: DayTally()].claims += 1 }
            }
        }
    }

    /// A reply that agrees with a comment supports each claim that comment makes; one that
    /// disagrees disputes them. A top-level comment's stance is toward the article.
    private mutating func addStanceLinks(of analyzed: AnalyzedThread, threadID: String) {
        let byID = analyzed.indexByID()
        let article = analyzed.comments.firstIndex { $0.comment.isArticle }
        for (index, reply) in analyzed.comments.enumerated() where reply.stance != .none && !reply.comment.isArticle {
            let target: Int?
            if let parent = reply.comment.parent { target = byID[parent] } else { target = article }
            guard let target, target != index else { continue }
            let author = PartialReport.authorKey(reply.comment.author, thread: threadID, comment: reply.comment.id)
            let quote = Quote(thread: threadID, comment: reply.comment.id.rawValue, author: reply.comment.author,
                              date: reply.comment.date?.iso8601, text: Quote.clean(reply.text.text))
            for claim in analyzed.comments[target].claims where claim.subject != "?" {
                let key = ClaimKey(claim)
                var cluster = claims[key, default: ClaimTally()]
                if reply.stance == .agree {
                    cluster.stanceSupporters.insert(author)
                    cluster.supportQuotes.keepBest(adding: quote, limit: quoteLimit, ranking: .earliestFirst)
                } else {
                    cluster.stanceDisputers.insert(author)
                    cluster.disputeQuotes.keepBest(adding: quote, limit: quoteLimit, ranking: .earliestFirst)
                }
                claims[key] = cluster
            }
        }
    }

    // MARK: Merging

    /// Combines `other` into this partial. Associative and commutative; the quote limit becomes
    /// the smaller of the two.
    public mutating func merge(_ other: PartialReport) {
        let limit = min(quoteLimit, other.quoteLimit)
        quoteLimit = limit
        input.merge(other.input)
        threads.merge(other.threads) { a, b in var a = a; a.merge(b); return a }
        topics.merge(other.topics) { a, b in var a = a; a.merge(b, limit: limit); return a }
        claims.merge(other.claims) { a, b in var a = a; a.merge(b, limit: limit); return a }
        entities.merge(other.entities) { a, b in var a = a; a.merge(b); return a }
        days.merge(other.days) { a, b in var a = a; a.merge(b); return a }
        undatedComments += other.undatedComments
        unresolvedClaims += other.unresolvedClaims
        // Re-cut lists that were kept under a larger limit.
        for key in topics.keys { topics[key]!.merge(TopicTally(), limit: limit) }
        for key in claims.keys { claims[key]!.merge(ClaimTally(), limit: limit) }
    }

    /// This partial merged with `other`.
    public func merged(with other: PartialReport) -> PartialReport {
        var result = self
        result.merge(other)
        return result
    }

    /// Thread ids folded in more than once (across shards or within one): their counts add up,
    /// which is usually a mistake in how the inputs were split.
    public var repeatedThreads: [String] { threads.filter { $0.value.occurrences > 1 }.map(\.key).sorted() }
}

// MARK: - Tallies

/// Files read and comments skipped, by reason.
public struct InputTally: Hashable, Sendable {
    public var files = 0
    public var skipped: [String: Int] = [:]
    public init() {}
    mutating func merge(_ other: InputTally) {
        files += other.files
        skipped.merge(other.skipped, uniquingKeysWith: +)
    }
}

/// The earliest and latest of a set of ISO 8601 dates (compared as text, which orders them).
public struct DateRange: Hashable, Sendable {
    public var first: String?
    public var last: String?
    public init(first: String? = nil, last: String? = nil) {
        self.first = first
        self.last = last
    }
    mutating func include(_ date: String?) {
        guard let date else { return }
        if first.map({ date < $0 }) ?? true { first = date }
        if last.map({ date > $0 }) ?? true { last = date }
    }
    mutating func merge(_ other: DateRange) {
        include(other.first)
        include(other.last)
    }
}

/// One thread's counts.
public struct ThreadTally: Hashable, Sendable {
    public var title: String?
    public var source: String?
    public var brand: String?
    /// How many times a thread with this id was folded in.
    public var occurrences = 0
    /// Comments other than the article.
    public var comments = 0
    public var articles = 0
    public var authors: Set<String> = []
    public var sentiment = ScoreTally()
    /// Claims made in the thread, the article's included and unresolved ones too.
    public var claims = 0
    public var agree = 0
    public var disagree = 0
    public var dates = DateRange()
    public init() {}

    mutating func merge(_ other: ThreadTally) {
        // Text fields: the smallest non-nil, so the result does not depend on merge order.
        title = ThreadTally.smaller(title, other.title)
        source = ThreadTally.smaller(source, other.source)
        brand = ThreadTally.smaller(brand, other.brand)
        occurrences += other.occurrences
        comments += other.comments
        articles += other.articles
        authors.formUnion(other.authors)
        sentiment.merge(other.sentiment)
        claims += other.claims
        agree += other.agree
        disagree += other.disagree
        dates.merge(other.dates)
    }

    static func smaller(_ a: String?, _ b: String?) -> String? {
        switch (a, b) {
        case let (x?, y?): return min(x, y)
        default: return a ?? b
        }
    }
}

/// One topic's counts and its most positive and most negative quotes.
public struct TopicTally: Hashable, Sendable {
    public var comments = 0
    public var sentences = 0
    public var sentiment = ScoreTally()
    public var mostPositive: [Quote] = []
    public var mostNegative: [Quote] = []
    public init() {}

    mutating func merge(_ other: TopicTally, limit: Int) {
        comments += other.comments
        sentences += other.sentences
        sentiment.merge(other.sentiment)
        mostPositive.keepBest(adding: other.mostPositive, limit: limit, ranking: .mostPositive)
        mostNegative.keepBest(adding: other.mostNegative, limit: limit, ranking: .mostNegative)
    }
}

/// What identifies a claim cluster: the same assertion about the same party and region.
public struct ClaimKey: Hashable, Comparable, Sendable {
    public var type: String
    public var subject: String
    public var value: String
    public var region: String?

    public init(type: String, subject: String, value: String, region: String?) {
        self.type = type
        self.subject = subject
        self.value = value
        self.region = region
    }

    public init(_ claim: Claim) {
        self.init(type: claim.type, subject: claim.subject, value: claim.value, region: claim.region)
    }

    /// Claims about the same thing that a contrary value would contradict.
    public var question: ClaimKey { ClaimKey(type: type, subject: subject, value: "", region: region) }

    public static func < (a: ClaimKey, b: ClaimKey) -> Bool {
        if a.type != b.type { return a.type < b.type }
        if a.subject != b.subject { return a.subject < b.subject }
        if a.region != b.region { return (a.region ?? "") < (b.region ?? "") || (a.region == nil && b.region == "") }
        return a.value < b.value
    }
}

/// One claim cluster's counts: who made it, who agreed or disagreed with a comment making it.
public struct ClaimTally: Hashable, Sendable {
    /// Comments making the claim (one comment may make it twice).
    public var mentions = 0
    public var hedgedMentions = 0
    /// Author key → true when every one of their assertions of the claim was hedged.
    public var claimants: [String: Bool] = [:]
    /// Authors of replies agreeing with a comment that makes the claim.
    public var stanceSupporters: Set<String> = []
    /// Authors of replies disagreeing with a comment that makes the claim.
    public var stanceDisputers: Set<String> = []
    public var threads: Set<String> = []
    public var dates = DateRange()
    public var quotes: [Quote] = []
    public var supportQuotes: [Quote] = []
    public var disputeQuotes: [Quote] = []
    public init() {}

    mutating func merge(_ other: ClaimTally, limit: Int) {
        mentions += other.mentions
        hedgedMentions += other.hedgedMentions
        claimants.merge(other.claimants) { $0 && $1 }
        stanceSupporters.formUnion(other.stanceSupporters)
        stanceDisputers.formUnion(other.stanceDisputers)
        threads.formUnion(other.threads)
        dates.merge(other.dates)
        quotes.keepBest(adding: other.quotes, limit: limit, ranking: .strongestFirst)
        supportQuotes.keepBest(adding: other.supportQuotes, limit: limit, ranking: .earliestFirst)
        disputeQuotes.keepBest(adding: other.disputeQuotes, limit: limit, ranking: .earliestFirst)
    }
}

/// An entity by kind (`brand`, `reseller`, `platform`, `region`) and normalised id.
public struct EntityKey: Hashable, Comparable, Sendable {
    public var kind: String
    public var id: String
    public init(kind: String, id: String) {
        self.kind = kind
        self.id = id
    }
    public static func < (a: EntityKey, b: EntityKey) -> Bool { a.kind != b.kind ? a.kind < b.kind : a.id < b.id }
}

/// One entity's mentions and, for the thread's brand, the sentiment aimed at it.
public struct EntityTally: Hashable, Sendable {
    public var mentions = 0
    public var comments = 0
    public var threads: Set<String> = []
    public var sentiment = ScoreTally()
    public init() {}
    mutating func merge(_ other: EntityTally) {
        mentions += other.mentions
        comments += other.comments
        threads.formUnion(other.threads)
        sentiment.merge(other.sentiment)
    }
}

/// One calendar day's comments and claims.
public struct DayTally: Hashable, Sendable {
    public var sentiment = ScoreTally()
    public var claims = 0
    public init() {}
    mutating func merge(_ other: DayTally) {
        sentiment.merge(other.sentiment)
        claims += other.claims
    }
}

extension String {
    /// The string without leading and trailing white space (no Foundation needed).
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while scalars.first?.isWhitespace == true { scalars.removeFirst() }
        while scalars.last?.isWhitespace == true { scalars.removeLast() }
        return String(scalars)
    }
}
