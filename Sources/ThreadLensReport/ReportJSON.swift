import ThreadLensCore

/// The report as JSON, schema `threadlens-report/1` (documented in docs/report.md): fixed key
/// order, numbers to at most 4 decimals, so the same partial always gives the same bytes.
extension Report {
    public func json() -> JSONValue {
        .object([
            ("schema", .string(Report.schema)),
            ("quote_limit", .integer(quoteLimit)),
            ("input", .object([
                ("files", .integer(input.files)),
                ("threads", .integer(input.threads)),
                ("comments_read", .integer(input.commentsRead)),
                ("comments_analysed", .integer(input.commentsAnalysed)),
                ("skipped", .object(input.skipped.map { ($0.name, .integer($0.count)) })),
            ])),
            ("overall", .object([
                ("comments", .integer(overall.comments)),
                ("articles", .integer(overall.articles)),
                ("authors", .integer(overall.authors)),
                ("sentiment", overall.sentiment.json()),
                ("claims", .integer(overall.claims)),
                ("claim_clusters", .integer(claims.count)),
                ("unresolved_claims", .integer(overall.unresolvedClaims)),
                ("first_date", .optional(overall.dates.first)),
                ("last_date", .optional(overall.dates.last)),
                ("undated_comments", .integer(overall.undatedComments)),
                ("repeated_threads", .array(overall.repeatedThreads.map { .string($0) })),
            ])),
            ("topics", .array(topics.map { t in
                .object([
                    ("topic", .string(t.topic)),
                    ("comments", .integer(t.comments)),
                    ("sentences", .integer(t.sentences)),
                    ("sentiment", t.sentiment.json()),
                    ("most_positive", .array(t.mostPositive.map { $0.reportJSON(scored: true) })),
                    ("most_negative", .array(t.mostNegative.map { $0.reportJSON(scored: true) })),
                ])
            })),
            ("claims", .array(claims.map { c in
                .object([
                    ("id", .string(c.id)),
                    ("type", .string(c.key.type)),
                    ("subject", .string(c.key.subject)),
                    ("value", .string(c.key.value)),
                    ("region", .optional(c.key.region)),
                    ("mentions", .integer(c.mentions)),
                    ("claimants", .integer(c.claimants)),
                    ("supporters", .integer(c.supporters)),
                    ("supporters_by_stance", .integer(c.supportersByStance)),
                    ("disputers", .integer(c.disputers)),
                    ("disputers_by_stance", .integer(c.disputersByStance)),
                    ("disputers_by_claim", .integer(c.disputersByClaim)),
                    ("contrary", .array(c.contrary.map { .string($0) })),
                    ("hedged_share", .number(c.hedgedShare)),
                    ("threads", .integer(c.threads)),
                    ("first_date", .optional(c.dates.first)),
                    ("last_date", .optional(c.dates.last)),
                    ("evidence", .array(c.evidence.map { $0.reportJSON(scored: false) })),
                    ("support_evidence", .array(c.supportEvidence.map { $0.reportJSON(scored: false) })),
                    ("dispute_evidence", .array(c.disputeEvidence.map { $0.reportJSON(scored: false) })),
                ])
            })),
            ("entities", .array(entities.map { e in
                .object([
                    ("kind", .string(e.key.kind)),
                    ("id", .string(e.key.id)),
                    ("mentions", .integer(e.mentions)),
                    ("comments", .integer(e.comments)),
                    ("threads", .integer(e.threads)),
                    ("sentiment", e.sentiment.map { $0.json() } ?? .null),
                    ("claims", .object(e.claims.map { ($0.name, .integer($0.count)) })),
                ])
            })),
            ("threads", .array(threads.map { t in
                .object([
                    ("id", .string(t.id)),
                    ("title", .optional(t.title)),
                    ("source", .optional(t.source)),
                    ("brand", .optional(t.brand)),
                    ("comments", .integer(t.comments)),
                    ("articles", .integer(t.articles)),
                    ("authors", .integer(t.authors)),
                    ("sentiment", t.sentiment.json()),
                    ("claims", .integer(t.claims)),
                    ("agree", .integer(t.agree)),
                    ("disagree", .integer(t.disagree)),
                    ("first_date", .optional(t.dates.first)),
                    ("last_date", .optional(t.dates.last)),
                ])
            })),
            ("timeline", timeline.map { timeline in
                .object([
                    ("bucket", .string(timeline.bucket.rawValue)),
                    ("undated_comments", .integer(timeline.undatedComments)),
                    ("buckets", .array(timeline.buckets.map { b in
                        .object([
                            ("label", .string(b.label)),
                            ("start", .string(b.start.description)),
                            ("end", .string(b.end.description)),
                            ("sentiment", b.sentiment.json()),
                            ("claims", .integer(b.claims)),
                        ])
                    })),
                ])
            } ?? .null),
        ])
    }
}

extension SentimentSummary {
    func json() -> JSONValue {
        .object([
            ("count", .integer(count)),
            ("positive", .integer(positive)),
            ("negative", .integer(negative)),
            ("neutral", .integer(neutral)),
            ("mean", mean.map { .number($0) } ?? .null),
            ("ci95", low.flatMap { low in high.map { .array([.number(low), .number($0)]) } } ?? .null),
        ])
    }
}

extension Quote {
    func reportJSON(scored: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("thread", .string(thread)),
            ("comment", .string(comment)),
            ("author", .optional(author)),
            ("date", .optional(date)),
        ]
        if scored { members.append(("score", .number(Double(score) / Double(ScoreTally.scale)))) }
        members.append(("hedged", .bool(hedged)))
        members.append(("text", .string(text)))
        return .object(members)
    }
}
