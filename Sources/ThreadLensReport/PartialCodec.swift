import ThreadLensCore

/// The partial report as versioned JSON (`threadlens-partial/1`), for sharded runs.
///
/// Every number in it is an integer (scores in 1e-4 units, see `ScoreTally`), every collection
/// is sorted, and keys come in a fixed order, so a partial written and read back is the same
/// value and the same bytes. The format is described in docs/report.md.
extension PartialReport {
    public static let schema = "threadlens-partial/1"

    /// A partial that cannot be read: a syntax error, another schema, or a missing or
    /// mistyped field, with its path.
    public struct FormatError: Error, Hashable, Sendable, CustomStringConvertible {
        public var message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    /// The partial as JSON with a fixed key order.
    public func json() -> JSONValue {
        .object([
            ("schema", .string(PartialReport.schema)),
            ("quote_limit", .integer(quoteLimit)),
            ("input", .object([
                ("files", .integer(input.files)),
                ("skipped", .object(input.skipped.sorted { $0.key < $1.key }.map { ($0.key, .integer($0.value)) })),
            ])),
            ("undated_comments", .integer(undatedComments)),
            ("unresolved_claims", .integer(unresolvedClaims)),
            ("threads", .array(threads.sorted { $0.key < $1.key }.map { id, t in
                .object([
                    ("id", .string(id)),
                    ("title", .optional(t.title)),
                    ("source", .optional(t.source)),
                    ("brand", .optional(t.brand)),
                    ("occurrences", .integer(t.occurrences)),
                    ("comments", .integer(t.comments)),
                    ("articles", .integer(t.articles)),
                    ("authors", .array(t.authors.sorted().map { .string($0) })),
                    ("sentiment", t.sentiment.json()),
                    ("claims", .integer(t.claims)),
                    ("agree", .integer(t.agree)),
                    ("disagree", .integer(t.disagree)),
                    ("first_date", .optional(t.dates.first)),
                    ("last_date", .optional(t.dates.last)),
                ])
            })),
            ("topics", .array(topics.sorted { $0.key < $1.key }.map { name, t in
                .object([
                    ("topic", .string(name)),
                    ("comments", .integer(t.comments)),
                    ("sentences", .integer(t.sentences)),
                    ("sentiment", t.sentiment.json()),
                    ("most_positive", .array(t.mostPositive.map { $0.partialJSON() })),
                    ("most_negative", .array(t.mostNegative.map { $0.partialJSON() })),
                ])
            })),
            ("claims", .array(claims.sorted { $0.key < $1.key }.map { key, c in
                .object([
                    ("type", .string(key.type)),
                    ("subject", .string(key.subject)),
                    ("value", .string(key.value)),
                    ("region", .optional(key.region)),
                    ("mentions", .integer(c.mentions)),
                    ("hedged_mentions", .integer(c.hedgedMentions)),
                    ("claimants", .array(c.claimants.sorted { $0.key < $1.key }.map {
                        .object([("author", .string($0.key)), ("hedged", .bool($0.value))])
                    })),
                    ("stance_supporters", .array(c.stanceSupporters.sorted().map { .string($0) })),
                    ("stance_disputers", .array(c.stanceDisputers.sorted().map { .string($0) })),
                    ("threads", .array(c.threads.sorted().map { .string($0) })),
                    ("first_date", .optional(c.dates.first)),
                    ("last_date", .optional(c.dates.last)),
                    ("quotes", .array(c.quotes.map { $0.partialJSON() })),
                    ("support_quotes", .array(c.supportQuotes.map { $0.partialJSON() })),
                    ("dispute_quotes", .array(c.disputeQuotes.map { $0.partialJSON() })),
                ])
            })),
            ("entities", .array(entities.sorted { $0.key < $1.key }.map { key, e in
                .object([
                    ("kind", .string(key.kind)),
                    ("id", .string(key.id)),
                    ("mentions", .integer(e.mentions)),
                    ("comments", .integer(e.comments)),
                    ("threads", .array(e.threads.sorted().map { .string($0) })),
                    ("sentiment", e.sentiment.json()),
                ])
            })),
            ("days", .array(days.sorted { $0.key < $1.key }.map { day, d in
                .object([
                    ("date", .string(CalendarDay(number: day).description)),
                    ("sentiment", d.sentiment.json()),
                    ("claims", .integer(d.claims)),
                ])
            })),
        ])
    }

    /// Reads every partial in `text` (one JSON document, or several one per line).
    public static func decode(_ text: String) throws(FormatError) -> [PartialReport] {
        let values: [JSONValue]
        do { values = try JSONReading.values(in: text) } catch { throw FormatError(error.description) }
        guard !values.isEmpty else { throw FormatError("no partial report found (empty input)") }
        var partials: [PartialReport] = []
        for (index, value) in values.enumerated() {
            do {
                partials.append(try PartialReport(JSONCursor(value)))
            } catch {
                let which = values.count > 1 ? "document \(index + 1): " : ""
                throw FormatError(which + error.description)
            }
        }
        return partials
    }

    init(_ root: JSONCursor) throws(JSONCursor.Failure) {
        let schema = try root.member("schema")
        guard try schema.string() == PartialReport.schema else {
            let found = (try? schema.string()) ?? "?"
            if found.hasPrefix("threadlens-report/") {
                throw schema.fail("this is a finished report (\(found)); merge reads partials: write them with 'report --emit partial'")
            }
            throw schema.fail("expected \"\(PartialReport.schema)\", found \"\(found)\"")
        }
        self.init(quoteLimit: try root.member("quote_limit").int())
        let input = try root.member("input")
        self.input.files = try input.member("files").int()
        let skipped = try input.member("skipped")
        guard case .object(let reasons) = skipped.value else { throw skipped.fail("expected an object") }
        for (reason, count) in reasons { self.input.skipped[reason] = try JSONCursor(count, path: "\(skipped.path).\(reason)").int() }
        undatedComments = try root.member("undated_comments").int()
        unresolvedClaims = try root.member("unresolved_claims").int()

        for t in try root.member("threads").elements() {
            var tally = ThreadTally()
            tally.title = try t.member("title").optionalString()
            tally.source = try t.member("source").optionalString()
            tally.brand = try t.member("brand").optionalString()
            tally.occurrences = try t.member("occurrences").int()
            tally.comments = try t.member("comments").int()
            tally.articles = try t.member("articles").int()
            tally.authors = Set(try t.member("authors").strings())
            tally.sentiment = try ScoreTally(try t.member("sentiment"))
            tally.claims = try t.member("claims").int()
            tally.agree = try t.member("agree").int()
            tally.disagree = try t.member("disagree").int()
            tally.dates = DateRange(first: try t.member("first_date").optionalString(), last: try t.member("last_date").optionalString())
            threads[try t.member("id").string()] = tally
        }
        for t in try root.member("topics").elements() {
            var tally = TopicTally()
            tally.comments = try t.member("comments").int()
            tally.sentences = try t.member("sentences").int()
            tally.sentiment = try ScoreTally(try t.member("sentiment"))
            tally.mostPositive = try Quote.list(try t.member("most_positive"))
            tally.mostNegative = try Quote.list(try t.member("most_negative"))
            topics[try t.member("topic").string()] = tally
        }
        for c in try root.member("claims").elements() {
            let key = ClaimKey(type: try c.member("type").string(), subject: try c.member("subject").string(),
                               value: try c.member("value").string(), region: try c.member("region").optionalString())
            var tally = ClaimTally()
            tally.mentions = try c.member("mentions").int()
            tally.hedgedMentions = try c.member("hedged_mentions").int()
            for claimant in try c.member("claimants").elements() {
                tally.claimants[try claimant.member("author").string()] = try claimant.member("hedged").bool()
            }
            tally.stanceSupporters = Set(try c.member("stance_supporters").strings())
            tally.stanceDisputers = Set(try c.member("stance_disputers").strings())
            tally.threads = Set(try c.member("threads").strings())
            tally.dates = DateRange(first: try c.member("first_date").optionalString(), last: try c.member("last_date").optionalString())
            tally.quotes = try Quote.list(try c.member("quotes"))
            tally.supportQuotes = try Quote.list(try c.member("support_quotes"))
            tally.disputeQuotes = try Quote.list(try c.member("dispute_quotes"))
            claims[key] = tally
        }
        for e in try root.member("entities").elements() {
            var tally = EntityTally()
            tally.mentions = try e.member("mentions").int()
            tally.comments = try e.member("comments").int()
            tally.threads = Set(try e.member("threads").strings())
            tally.sentiment = try ScoreTally(try e.member("sentiment"))
            entities[EntityKey(kind: try e.member("kind").string(), id: try e.member("id").string())] = tally
        }
        for d in try root.member("days").elements() {
            let date = try d.member("date")
            guard let day = CalendarDay(iso8601: try date.string()) else { throw date.fail("expected a YYYY-MM-DD date") }
            var tally = DayTally()
            tally.sentiment = try ScoreTally(try d.member("sentiment"))
            tally.claims = try d.member("claims").int()
            days[day.number] = tally
        }
    }
}

extension ScoreTally {
    func json() -> JSONValue {
        .object([
            ("count", .integer(count)),
            ("positive", .integer(positive)),
            ("negative", .integer(negative)),
            ("neutral", .integer(neutral)),
            ("sum", .integer(sum)),
            ("sum_of_squares", .integer(sumOfSquares)),
        ])
    }

    init(_ cursor: JSONCursor) throws(JSONCursor.Failure) {
        self.init(count: try cursor.member("count").int(), positive: try cursor.member("positive").int(),
                  negative: try cursor.member("negative").int(), neutral: try cursor.member("neutral").int(),
                  sum: try cursor.member("sum").int(), sumOfSquares: try cursor.member("sum_of_squares").int())
    }
}

extension Quote {
    func partialJSON() -> JSONValue {
        .object([
            ("thread", .string(thread)),
            ("comment", .string(comment)),
            ("author", .optional(author)),
            ("date", .optional(date)),
            ("score", .integer(score)),
            ("hedged", .bool(hedged)),
            ("text", .string(text)),
        ])
    }

    static func list(_ cursor: JSONCursor) throws(JSONCursor.Failure) -> [Quote] {
        var quotes: [Quote] = []
        for q in try cursor.elements() {
            quotes.append(Quote(thread: try q.member("thread").string(), comment: try q.member("comment").string(),
                                author: try q.member("author").optionalString(), date: try q.member("date").optionalString(),
                                score: try q.member("score").int(), hedged: try q.member("hedged").bool(),
                                text: try q.member("text").string()))
        }
        return quotes
    }
}
