/// The report as tidy CSV tables, one observation per row, that pandas (`read_csv`) or R
/// (`read.csv`) load directly: `topics`, `claims`, `entities`, `threads`, `timeline` and
/// `quotes` (the evidence, keyed by topic name or claim id). Empty cells are missing values.
///
/// Text cells that start with `=`, `+`, `-`, `@`, tab or carriage return get a leading `'`, so
/// a spreadsheet never runs comment text as a formula; numbers are written as they are.
public enum CSVTable: String, Hashable, Sendable, CaseIterable {
    case topics, claims, entities, threads, timeline, quotes

    /// The file name used when every table is written into a directory.
    public var fileName: String { "\(rawValue).csv" }
}

public struct CSVRenderer: Sendable {
    public init() {}

    enum Cell {
        case text(String?)
        case int(Int)
        case number(Double?)
        case bool(Bool)
    }

    public func render(_ report: Report, table: CSVTable) -> String {
        let (header, rows) = cells(report, table: table)
        var out = header.map(CSVRenderer.escape).joined(separator: ",") + "\n"
        for row in rows { out += row.map(CSVRenderer.format).joined(separator: ",") + "\n" }
        return out
    }

    static func format(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): return text.map { escape(neutralize($0)) } ?? ""
        case .int(let value): return String(value)
        case .number(let value): return value.map(Fmt.decimal) ?? ""
        case .bool(let value): return value ? "true" : "false"
        }
    }

    /// Prefixes `'` to text a spreadsheet would read as a formula.
    static func neutralize(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        return "'" + text
    }

    /// RFC 4180 quoting: cells with a comma, quote or line break are quoted, quotes doubled.
    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }

    private func sentimentCells(_ s: SentimentSummary?) -> [Cell] {
        guard let s else { return [.int(0), .int(0), .int(0), .int(0), .number(nil), .number(nil), .number(nil)] }
        return [.int(s.count), .int(s.positive), .int(s.negative), .int(s.neutral), .number(s.mean), .number(s.low), .number(s.high)]
    }

    private let sentimentHeader = ["scored", "positive", "negative", "neutral", "mean", "ci_low", "ci_high"]

    func cells(_ report: Report, table: CSVTable) -> (header: [String], rows: [[Cell]]) {
        switch table {
        case .topics:
            return (["topic", "comments", "sentences"] + sentimentHeader,
                    report.topics.map { [.text($0.topic), .int($0.comments), .int($0.sentences)] + sentimentCells($0.sentiment) })
        case .claims:
            return (["id", "type", "subject", "value", "region", "mentions", "claimants", "supporters", "supporters_by_stance",
                     "disputers", "disputers_by_stance", "disputers_by_claim", "contrary", "hedged_share", "threads",
                     "first_date", "last_date"],
                    report.claims.map { c in
                        [.text(c.id), .text(c.key.type), .text(c.key.subject), .text(c.key.value), .text(c.key.region),
                         .int(c.mentions), .int(c.claimants), .int(c.supporters), .int(c.supportersByStance), .int(c.disputers),
                         .int(c.disputersByStance), .int(c.disputersByClaim), .text(c.contrary.joined(separator: " ")),
                         .number(c.hedgedShare), .int(c.threads), .text(c.dates.first), .text(c.dates.last)]
                    })
        case .entities:
            return (["kind", "id", "mentions", "comments", "threads"] + sentimentHeader,
                    report.entities.map { e in
                        [.text(e.key.kind), .text(e.key.id), .int(e.mentions), .int(e.comments), .int(e.threads)] + sentimentCells(e.sentiment)
                    })
        case .threads:
            return (["id", "title", "source", "brand", "comments", "articles", "authors"] + sentimentHeader
                        + ["claims", "agree", "disagree", "first_date", "last_date"],
                    report.threads.map { t in
                        [.text(t.id), .text(t.title), .text(t.source), .text(t.brand), .int(t.comments), .int(t.articles), .int(t.authors)]
                            + sentimentCells(t.sentiment)
                            + [.int(t.claims), .int(t.agree), .int(t.disagree), .text(t.dates.first), .text(t.dates.last)]
                    })
        case .timeline:
            let size = report.timeline?.bucket.rawValue
            return (["bucket", "label", "start", "end"] + sentimentHeader + ["claims"],
                    (report.timeline?.buckets ?? []).map { b in
                        [.text(size), .text(b.label), .text(b.start.description), .text(b.end.description)]
                            + sentimentCells(b.sentiment) + [.int(b.claims)]
                    })
        case .quotes:
            var rows: [[Cell]] = []
            func add(_ section: String, _ key: String, _ role: String, _ quotes: [Quote], scored: Bool) {
                for (rank, q) in quotes.enumerated() {
                    rows.append([.text(section), .text(key), .text(role), .int(rank + 1), .text(q.thread), .text(q.comment),
                                 .text(q.author), .text(q.date), .number(scored ? Double(q.score) / Double(ScoreTally.scale) : nil),
                                 .bool(q.hedged), .text(q.text)])
                }
            }
            for t in report.topics {
                add("topic", t.topic, "most_positive", t.mostPositive, scored: true)
                add("topic", t.topic, "most_negative", t.mostNegative, scored: true)
            }
            for c in report.claims {
                add("claim", c.id, "evidence", c.evidence, scored: false)
                add("claim", c.id, "support", c.supportEvidence, scored: false)
                add("claim", c.id, "dispute", c.disputeEvidence, scored: false)
            }
            return (["section", "key", "role", "rank", "thread", "comment", "author", "date", "score", "hedged", "text"], rows)
        }
    }
}

extension Fmt {
    /// Up to 4 decimals, trailing zeros dropped (`0.4`, `-0.0525`, `1`).
    static func decimal(_ value: Double) -> String {
        var text = fixed(value, 4)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation needed).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
