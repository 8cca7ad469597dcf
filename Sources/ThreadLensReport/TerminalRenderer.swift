/// The report for a terminal: fits `width` columns (100 by default); colour and bar glyphs
/// only when asked (the CLI asks on a TTY, and never for colour when `NO_COLOR` is set).
public struct TerminalRenderer: Sendable {
    public var width: Int
    public var color: Bool
    public var glyphs: Bool

    public init(width: Int = 100, color: Bool = false, glyphs: Bool = false) {
        self.width = max(72, width)
        self.color = color
        self.glyphs = glyphs
    }

    public func render(_ report: Report) -> String {
        var out: [String] = []
        header(report, into: &out)
        topics(report, into: &out)
        claims(report, into: &out)
        entities(report, into: &out)
        threads(report, into: &out)
        timeline(report, into: &out)
        return out.map { $0.trailingSpacesTrimmed() }.joined(separator: "\n") + "\n"
    }

    // MARK: Styling

    private func paint(_ text: String, _ code: String) -> String { color && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    private func bold(_ text: String) -> String { paint(text, "1") }
    private func dim(_ text: String) -> String { paint(text, "2") }
    private func good(_ text: String) -> String { paint(text, "32") }
    private func bad(_ text: String) -> String { paint(text, "31") }

    /// The mean and interval, coloured by sign, padded to `width` columns (0: not padded).
    private func scoreText(_ summary: SentimentSummary, width: Int) -> String {
        let plain = Fmt.meanInterval(summary)
        let text = width > 0 ? DisplayWidth.pad(plain, to: width) : plain
        guard let mean = summary.mean else { return text }
        return mean >= 0.05 ? good(text) : mean <= -0.05 ? bad(text) : text
    }

    /// A bar from the middle: `left` share of `half` cells to the left in red, `right` to the right in green.
    private func divergingBar(left: Double, right: Double, half: Int) -> String {
        func cells(_ share: Double) -> (full: Int, partial: String) {
            let eighths = Int((min(1, max(0, share)) * Double(half * 8)).rounded())
            let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
            return (eighths / 8, partials[eighths % 8])
        }
        let l = cells(left), r = cells(right)
        // Partial blocks fill from the left, so on the left side a rounded-up full cell reads better.
        let leftCells = l.full + (l.partial.isEmpty ? 0 : 1)
        let leftBar = String(repeating: " ", count: max(0, half - leftCells)) + String(repeating: "█", count: leftCells)
        let rightBar = String(repeating: "█", count: r.full) + r.partial
        let rightPad = String(repeating: " ", count: max(0, half - r.full - (r.partial.isEmpty ? 0 : 1)))
        return bad(leftBar) + "│" + good(rightBar) + rightPad
    }

    private func section(_ title: String, into out: inout [String]) {
        out.append("")
        out.append(bold(title))
        out.append(dim(String(repeating: glyphs ? "─" : "-", count: width)))
    }

    /// One evidence line: marker, score, the quote cut to fit, and where it is from. The source
    /// is cut only as far as the quote needs, and never below 45% of the room; the quote gets the rest.
    private func quoteLine(_ marker: String, _ quote: Quote, indent: Int, score: Bool) -> String {
        var reference = "\(quote.thread) #\(quote.comment)"
        if let author = quote.author { reference += ", \(author)" }
        if quote.date != nil { reference += ", \(Fmt.day(quote.date))" }
        if quote.hedged { reference += ", hedged" }
        let scoreText = score ? Fmt.signed(Double(quote.score) / Double(ScoreTally.scale), 2) + " " : ""
        let prefix = String(repeating: " ", count: indent) + marker + " " + scoreText
        let room = width - DisplayWidth.of(prefix) - 2 - 3
        let quoteNeeds = min(DisplayWidth.of(quote.text), room * 55 / 100)
        let referenceText = DisplayWidth.truncate(reference, to: max(12, room - quoteNeeds))
        let quoteRoom = room - DisplayWidth.of(referenceText)
        return prefix + "“" + DisplayWidth.truncate(quote.text, to: quoteRoom) + "”" + dim(" (" + referenceText + ")")
    }

    // MARK: Sections

    private func header(_ report: Report, into out: inout [String]) {
        let o = report.overall, i = report.input
        var first = "threadlens report: \(i.threads) thread(s), \(o.comments) comment(s) by \(o.authors) author(s)"
        if o.articles > 0 { first += ", \(o.articles) article(s)" }
        out.append(bold(DisplayWidth.truncate(first, to: width)))
        if let from = o.dates.first, let to = o.dates.last {
            out.append("dates: \(Fmt.day(from)) to \(Fmt.day(to))" + (o.undatedComments > 0 ? " (\(o.undatedComments) undated)" : ""))
        }
        var read = "input: \(i.files) file(s), \(i.commentsRead) comment(s) read, \(i.commentsAnalysed) analysed, "
            + "\(i.skipped.reduce(0) { $0 + $1.count }) skipped"
        if !i.skipped.isEmpty { read += " (" + i.skipped.map { "\($0.count) \($0.name)" }.joined(separator: "; ") + ")" }
        out.append(contentsOf: DisplayWidth.wrap(read, width: width))
        let s = o.sentiment
        out.append("sentiment toward the brand: " + good("\(s.positive) positive") + ", " + bad("\(s.negative) negative")
                   + ", \(s.neutral) neutral; mean " + scoreText(s, width: 0).trailingSpacesTrimmed())
        var claimLine = "claims: \(o.claims) made, \(report.claims.count) cluster(s)"
        if o.unresolvedClaims > 0 { claimLine += ", \(o.unresolvedClaims) with an unresolved subject" }
        out.append(claimLine)
        if !o.repeatedThreads.isEmpty {
            out.append(bad(DisplayWidth.truncate("warning: thread(s) counted more than once: " + o.repeatedThreads.joined(separator: ", "), to: width)))
        }
    }

    private func topics(_ report: Report, into out: inout [String]) {
        section("TOPICS (sentiment toward the brand per topic)", into: &out)
        guard !report.topics.isEmpty else { out.append("no topics assigned"); return }
        let name = 16, barHalf = 12
        var head = DisplayWidth.pad("topic", to: name) + " comments sentences    +    -    0  " + DisplayWidth.pad("mean [95% CI]", to: 22)
        if glyphs { head += " " + DisplayWidth.pad("negative", to: barHalf, right: true) + "│positive" }
        out.append(dim(head))
        for t in report.topics {
            let s = t.sentiment
            var row = DisplayWidth.pad(t.topic, to: name) + " " + DisplayWidth.pad(String(t.comments), to: 8, right: true)
                + " " + DisplayWidth.pad(String(t.sentences), to: 9, right: true)
                + " " + DisplayWidth.pad(String(s.positive), to: 4, right: true)
                + " " + DisplayWidth.pad(String(s.negative), to: 4, right: true)
                + " " + DisplayWidth.pad(String(s.neutral), to: 4, right: true) + "  " + scoreText(s, width: 22)
            if glyphs { row += " " + divergingBar(left: s.negativeShare, right: s.positiveShare, half: barHalf) }
            out.append(row)
            for q in t.mostPositive.prefix(1) { out.append(quoteLine(good("+"), q, indent: 4, score: true)) }
            for q in t.mostNegative.prefix(1) { out.append(quoteLine(bad("-"), q, indent: 4, score: true)) }
        }
    }

    private func claims(_ report: Report, into out: inout [String]) {
        section("CLAIMS (authors counted once per claim)", into: &out)
        guard !report.claims.isEmpty else { out.append("no claims found"); return }
        var currentType: String?
        for c in report.claims {
            if c.key.type != currentType {
                currentType = c.key.type
                out.append(bold(c.key.type))
                out.append(dim("  id   subject          value         region  for  against  hedged  threads  dates"))
            }
            let dates = c.dates.first.map { first in
                let a = Fmt.day(first), b = Fmt.day(c.dates.last)
                return a == b ? a : "\(a)…\(b)"
            } ?? "–"
            let disputerCell = DisplayWidth.pad(String(c.disputers), to: 8, right: true)
            let disputerText = c.disputers > 0 ? bad(disputerCell) : disputerCell
            let row = "  " + DisplayWidth.pad(c.id, to: 4) + " " + DisplayWidth.pad(c.key.subject, to: 16)
                + " " + DisplayWidth.pad(c.key.value, to: 13) + " " + DisplayWidth.pad(c.key.region ?? "–", to: 6)
                + " " + good(DisplayWidth.pad(String(c.supporters), to: 4, right: true))
                + " " + disputerText
                + " " + DisplayWidth.pad(Fmt.percent(c.hedgedShare), to: 7, right: true)
                + " " + DisplayWidth.pad(String(c.threads), to: 8, right: true) + "  " + dates
            out.append(row)
            var detail = "       claimants \(c.claimants), agreeing replies \(c.supportersByStance); "
                + "disagreeing replies \(c.disputersByStance), contrary claimants \(c.disputersByClaim)"
            if !c.contrary.isEmpty { detail += " (\(c.contrary.joined(separator: ", ")))" }
            out.append(dim(DisplayWidth.truncate(detail, to: width)))
            for q in c.evidence.prefix(2) { out.append(quoteLine("for", q, indent: 7, score: false)) }
            for q in c.disputeEvidence.prefix(1) { out.append(quoteLine(bad("against"), q, indent: 7, score: false)) }
        }
    }

    private func entities(_ report: Report, into out: inout [String]) {
        section("ENTITIES", into: &out)
        guard !report.entities.isEmpty else { out.append("no entities recognised"); return }
        out.append(dim("kind      id                   mentions comments threads  sentiment toward it     claimed"))
        for e in report.entities {
            let claimed = e.claims.map { "\($0.name) \($0.count)" }.joined(separator: ", ")
            let row = DisplayWidth.pad(e.key.kind, to: 9) + " " + DisplayWidth.pad(e.key.id, to: 20)
                + " " + DisplayWidth.pad(String(e.mentions), to: 8, right: true)
                + " " + DisplayWidth.pad(String(e.comments), to: 8, right: true)
                + " " + DisplayWidth.pad(String(e.threads), to: 7, right: true)
                + "  " + (e.sentiment.map { scoreText($0, width: 22) } ?? DisplayWidth.pad("–", to: 22))
            let room = width - 82
            if DisplayWidth.of(claimed) <= room {
                out.append(row + "  " + (claimed.isEmpty ? "–" : claimed))
            } else {
                // Too long for the column: on its own line under the row.
                out.append(row)
                out.append(contentsOf: DisplayWidth.wrap("claimed: " + claimed, width: width - 10).map { String(repeating: " ", count: 10) + $0 })
            }
        }
    }

    private func threads(_ report: Report, into out: inout [String]) {
        section("THREADS", into: &out)
        out.append(dim("thread                     comments authors claims   +   -   0   mean agr/dis  dates"))
        for t in report.threads {
            let s = t.sentiment
            let dates = t.dates.first.map { first in
                let a = Fmt.day(first), b = Fmt.day(t.dates.last)
                return a == b ? a : "\(a)…\(b)"
            } ?? "–"
            let mean = s.mean.map { Fmt.signed($0, 2) } ?? "–"
            let row = DisplayWidth.pad(t.id, to: 26) + " " + DisplayWidth.pad(String(t.comments), to: 8, right: true)
                + " " + DisplayWidth.pad(String(t.authors), to: 7, right: true)
                + " " + DisplayWidth.pad(String(t.claims), to: 6, right: true)
                + " " + DisplayWidth.pad(String(s.positive), to: 3, right: true)
                + " " + DisplayWidth.pad(String(s.negative), to: 3, right: true)
                + " " + DisplayWidth.pad(String(s.neutral), to: 3, right: true)
                + " " + DisplayWidth.pad(mean, to: 6, right: true)
                + " " + DisplayWidth.pad("\(t.agree)/\(t.disagree)", to: 7, right: true) + "  " + dates
            out.append(DisplayWidth.truncate(row, to: width))
            if let title = t.title { out.append(dim("  " + DisplayWidth.truncate(title, to: width - 2))) }
        }
    }

    private func timeline(_ report: Report, into out: inout [String]) {
        guard let timeline = report.timeline else { return }
        section("OVER TIME (by \(timeline.bucket.rawValue); sentiment toward the brand)", into: &out)
        let barHalf = 15
        var head = "bucket      comments    +    -    0  mean [95% CI]           claims"
        if glyphs { head += "  " + DisplayWidth.pad("-1", to: barHalf, right: true) + "│+1" }
        out.append(dim(head))
        var index = 0
        let buckets = timeline.buckets
        while index < buckets.count {
            // Runs of three or more empty buckets fold into one line.
            var end = index
            while end < buckets.count, buckets[end].sentiment.count == 0, buckets[end].claims == 0 { end += 1 }
            if end - index >= 3 {
                out.append(dim("\(buckets[index].label) … \(buckets[end - 1].label): no dated comments"))
                index = end
                continue
            }
            let b = buckets[index]
            index += 1
            let s = b.sentiment
            var row = DisplayWidth.pad(b.label, to: 11) + " " + DisplayWidth.pad(String(s.count), to: 8, right: true)
                + " " + DisplayWidth.pad(String(s.positive), to: 4, right: true)
                + " " + DisplayWidth.pad(String(s.negative), to: 4, right: true)
                + " " + DisplayWidth.pad(String(s.neutral), to: 4, right: true)
                + "  " + scoreText(s, width: 22) + " " + DisplayWidth.pad(String(b.claims), to: 6, right: true)
            if glyphs {
                let mean = s.mean ?? 0
                row += "  " + divergingBar(left: max(0, -mean), right: max(0, mean), half: barHalf)
            }
            out.append(row)
        }
        if timeline.undatedComments > 0 { out.append(dim("\(timeline.undatedComments) comment(s) without a date are not shown")) }
    }
}

extension String {
    /// Without trailing spaces (padding of a last column).
    func trailingSpacesTrimmed() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
