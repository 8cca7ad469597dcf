/// The report as Markdown for pasting into notes: GitHub-style tables, then the evidence
/// quotes under anchors (`#c1`, `#topic-pricing`) the tables link to. Comment text is escaped,
/// so it can never turn into markup, links or raw HTML.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ report: Report) -> String {
        var out: [String] = []
        let o = report.overall, i = report.input
        out.append("# threadlens report")
        out.append("")
        out.append("- **\(i.threads)** thread(s), **\(o.comments)** comment(s) by **\(o.authors)** author(s)"
                   + (o.articles > 0 ? ", \(o.articles) article(s)" : ""))
        out.append("- input: \(i.files) file(s), \(i.commentsRead) comment(s) read, \(i.commentsAnalysed) analysed, "
                   + "\(i.skipped.reduce(0) { $0 + $1.count }) skipped"
                   + (i.skipped.isEmpty ? "" : " (" + i.skipped.map { "\($0.count) \(esc($0.name))" }.joined(separator: "; ") + ")"))
        if let first = o.dates.first, let last = o.dates.last {
            out.append("- dates: \(Fmt.day(first)) to \(Fmt.day(last))" + (o.undatedComments > 0 ? " (\(o.undatedComments) undated)" : ""))
        }
        out.append("- sentiment toward the brand: \(o.sentiment.positive) positive, \(o.sentiment.negative) negative, "
                   + "\(o.sentiment.neutral) neutral; mean \(Fmt.meanInterval(o.sentiment))")
        out.append("- claims: \(o.claims) made in \(report.claims.count) cluster(s)"
                   + (o.unresolvedClaims > 0 ? ", \(o.unresolvedClaims) with an unresolved subject" : ""))
        if !o.repeatedThreads.isEmpty {
            out.append("- **warning**: thread(s) counted more than once: " + o.repeatedThreads.map(esc).joined(separator: ", "))
        }

        out.append("")
        out.append("## Topics")
        out.append("")
        if report.topics.isEmpty {
            out.append("No topics assigned.")
        } else {
            out.append("| topic | comments | sentences | positive | negative | neutral | mean [95% CI] | evidence |")
            out.append("|---|--:|--:|--:|--:|--:|---|---|")
            for t in report.topics {
                let s = t.sentiment
                out.append("| \(esc(t.topic)) | \(t.comments) | \(t.sentences) | \(s.positive) | \(s.negative) | \(s.neutral) | "
                           + "\(Fmt.meanInterval(s)) | [quotes](#\(topicAnchor(t.topic))) |")
            }
        }

        out.append("")
        out.append("## Claims")
        out.append("")
        out.append("Supporters: distinct authors making the claim or agreeing with a comment that makes it. "
                   + "Disputers: distinct authors disagreeing with such a comment or making a contrary claim. "
                   + "Each author counts once per claim.")
        out.append("")
        if report.claims.isEmpty {
            out.append("No claims found.")
        } else {
            out.append("| id | type | subject | value | region | supporters | disputers | hedged | threads | first | latest |")
            out.append("|---|---|---|---|---|--:|--:|--:|--:|---|---|")
            for c in report.claims {
                out.append("| [\(c.id)](#\(c.id)) | \(esc(c.key.type)) | \(esc(c.key.subject)) | \(esc(c.key.value)) | "
                           + "\(esc(c.key.region ?? "–")) | \(c.supporters) | \(c.disputers) | \(Fmt.percent(c.hedgedShare)) | "
                           + "\(c.threads) | \(Fmt.day(c.dates.first)) | \(Fmt.day(c.dates.last)) |")
            }
        }

        out.append("")
        out.append("## Entities")
        out.append("")
        if report.entities.isEmpty {
            out.append("No entities recognised.")
        } else {
            out.append("| kind | id | mentions | comments | threads | sentiment toward it | claimed |")
            out.append("|---|---|--:|--:|--:|---|---|")
            for e in report.entities {
                let claimed = e.claims.map { "\(esc($0.name)) \($0.count)" }.joined(separator: ", ")
                out.append("| \(esc(e.key.kind)) | \(esc(e.key.id)) | \(e.mentions) | \(e.comments) | \(e.threads) | "
                           + "\(e.sentiment.map(Fmt.meanInterval) ?? "–") | \(claimed.isEmpty ? "–" : claimed) |")
            }
        }

        out.append("")
        out.append("## Threads")
        out.append("")
        out.append("| thread | title | comments | authors | claims | positive | negative | neutral | mean | agree | disagree | first | latest |")
        out.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|")
        for t in report.threads {
            let s = t.sentiment
            out.append("| \(esc(t.id)) | \(esc(t.title ?? "–")) | \(t.comments) | \(t.authors) | \(t.claims) | \(s.positive) | "
                       + "\(s.negative) | \(s.neutral) | \(s.mean.map { Fmt.signed($0, 2) } ?? "–") | \(t.agree) | \(t.disagree) | "
                       + "\(Fmt.day(t.dates.first)) | \(Fmt.day(t.dates.last)) |")
        }

        if let timeline = report.timeline {
            out.append("")
            out.append("## Over time (by \(timeline.bucket.rawValue))")
            out.append("")
            out.append("| \(timeline.bucket.rawValue) | comments | positive | negative | neutral | mean [95% CI] | claims |")
            out.append("|---|--:|--:|--:|--:|---|--:|")
            for b in timeline.buckets {
                let s = b.sentiment
                out.append("| \(b.label) | \(s.count) | \(s.positive) | \(s.negative) | \(s.neutral) | \(Fmt.meanInterval(s)) | \(b.claims) |")
            }
            if timeline.undatedComments > 0 { out.append(""); out.append("\(timeline.undatedComments) comment(s) have no date.") }
        }

        out.append("")
        out.append("## Evidence")
        for t in report.topics where !(t.mostPositive.isEmpty && t.mostNegative.isEmpty) {
            out.append("")
            out.append("<a id=\"\(topicAnchor(t.topic))\"></a>")
            out.append("### Topic \(esc(t.topic))")
            out.append("")
            for q in t.mostPositive { out.append(quoteItem(q, label: "most positive", score: true)) }
            for q in t.mostNegative { out.append(quoteItem(q, label: "most negative", score: true)) }
        }
        for c in report.claims {
            out.append("")
            out.append("<a id=\"\(c.id)\"></a>")
            out.append("### \(c.id): \(esc(c.key.type)) \(esc(c.key.subject)) = \(esc(c.key.value))"
                       + (c.key.region.map { " (\(esc($0)))" } ?? ""))
            out.append("")
            out.append("\(c.claimants) claimant(s) in \(c.mentions) comment(s), \(c.supportersByStance) more agreeing; "
                       + "\(c.disputersByStance) disagreeing repl(y/ies), \(c.disputersByClaim) contrary claimant(s)"
                       + (c.contrary.isEmpty ? "" : " (" + c.contrary.map { "[\($0)](#\($0))" }.joined(separator: ", ") + ")")
                       + "; hedged \(Fmt.percent(c.hedgedShare)).")
            out.append("")
            for q in c.evidence { out.append(quoteItem(q, label: "claim", score: false)) }
            for q in c.supportEvidence { out.append(quoteItem(q, label: "agrees", score: false)) }
            for q in c.disputeEvidence { out.append(quoteItem(q, label: "disputes", score: false)) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func topicAnchor(_ topic: String) -> String { "topic-" + HTMLRenderer.slug(topic) }

    private func quoteItem(_ q: Quote, label: String, score: Bool) -> String {
        var source = "\(esc(q.thread)) #\(esc(q.comment))"
        if let author = q.author { source += ", \(esc(author))" }
        if q.date != nil { source += ", \(Fmt.day(q.date))" }
        if q.hedged { source += ", hedged" }
        let scoreText = score ? " \(Fmt.signed(Double(q.score) / Double(ScoreTally.scale), 2))" : ""
        return "- \(label)\(scoreText): “\(esc(q.text))” (\(source))"
    }

    /// Escapes everything Markdown or an HTML-rendering viewer could read as markup.
    func esc(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "#", "|", "~": out += "\\" + String(character)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
