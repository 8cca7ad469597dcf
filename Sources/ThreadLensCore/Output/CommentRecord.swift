/// The per-comment output record of SPEC §5 (`analyze --format jsonl`). The keys of the spec
/// come first in its order; `extensions` may add more after them.
extension AnalyzedComment {
    public func record(thread: ThreadID) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("thread", .string(thread.rawValue)),
            ("id", .string(comment.id.rawValue)),
            ("parent", .optional(comment.parent?.rawValue)),
            ("author", .optional(comment.author)),
            ("date", .optional(comment.date?.output)),
            ("lang", .string(text.language.rawValue)),
            ("sentiment", .object([("label", .string(sentiment.label.rawValue)), ("score", .number(sentiment.score))])),
            ("topics", .array(topics.map {
                .object([("topic", .string($0.topic)), ("label", .string($0.label.rawValue)), ("score", .number($0.score))])
            })),
            ("claims", .array(claims.map { claim in
                .object([
                    ("type", .string(claim.type)),
                    ("subject", .string(claim.subject)),
                    ("value", .string(claim.value)),
                    ("region", .optional(claim.region)),
                    ("hedged", .bool(claim.hedged)),
                    ("evidence", .string(String(text.slice(claim.evidence)))),
                ])
            })),
            ("stance", .string(stance.rawValue)),
        ]
        members.append(("location", .string(comment.location.description)))
        return .object(members)
    }
}
