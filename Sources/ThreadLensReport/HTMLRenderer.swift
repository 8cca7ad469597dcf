/// The report as one self-contained HTML file: inline CSS and inline SVG charts, no scripts and
/// no network (a Content-Security-Policy forbids both), so it can be mailed or archived as is.
///
/// Charts: diverging bars of sentiment per topic, claim support against dispute, and sentiment
/// over time. Every table number that has evidence links to the quotes below it (`#c1-for`,
/// `#topic-pricing-neg` …). Every piece of comment text goes through `escape`.
public struct HTMLRenderer: Sendable {
    /// The most claims drawn in the support/dispute chart (the table lists them all).
    public var chartedClaims: Int

    public init(chartedClaims: Int = 30) {
        self.chartedClaims = chartedClaims
    }

    public func render(_ report: Report) -> String {
        var h = ""
        h += """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="threadlens (\(Report.schema))">
        <title>threadlens report</title>
        <style>\(HTMLRenderer.css)</style>
        </head>
        <body>

        """
        header(report, into: &h)
        topics(report, into: &h)
        claims(report, into: &h)
        timeline(report, into: &h)
        entities(report, into: &h)
        threads(report, into: &h)
        evidence(report, into: &h)
        h += "<footer>Written by threadlens; data schema \(Report.schema). Sentiment is toward the brand; "
        h += "each author counts once per claim.</footer>\n</body>\n</html>\n"
        return h
    }

    // MARK: Escaping and small helpers

    /// Escapes text for HTML element content and quoted attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newline are not allowed in HTML text.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" || (0x7F..<0xA0).contains(scalar.value) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// An id fragment from any name: ASCII letters and digits kept, anything else `-` plus its hex
    /// code, so distinct names never share an anchor.
    public static func slug(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if scalar == "_" {
                out += "_"
            } else {
                out += "-" + String(scalar.value, radix: 16)
            }
        }
        return out.isEmpty ? "-" : out.lowercased()
    }

    private func e(_ text: String) -> String { HTMLRenderer.escape(text) }
    private func num(_ value: Double) -> String { Fmt.decimal(value) }
    private func topicID(_ topic: String) -> String { "topic-" + HTMLRenderer.slug(topic) }

    private func scoreClass(_ mean: Double?) -> String {
        guard let mean else { return "" }
        return mean >= 0.05 ? "pos" : mean <= -0.05 ? "neg" : ""
    }

    private func meanCell(_ s: SentimentSummary?) -> String {
        guard let s, s.mean != nil else { return "<td class=\"num\">–</td>" }
        return "<td class=\"num \(scoreClass(s.mean))\">\(e(Fmt.meanInterval(s)))</td>"
    }

    private func linked(_ count: Int, _ anchor: String?) -> String {
        guard count > 0, let anchor else { return String(count) }
        return "<a href=\"#\(anchor)\">\(count)</a>"
    }

    // MARK: Sections

    private func header(_ report: Report, into h: inout String) {
        let o = report.overall, i = report.input
        h += "<header>\n<h1>threadlens report</h1>\n<p class=\"sub\">"
        h += "\(i.threads) thread(s) from \(i.files) file(s)"
        if let first = o.dates.first, let last = o.dates.last { h += " · \(e(Fmt.day(first))) to \(e(Fmt.day(last)))" }
        h += " · \(i.commentsRead) comment(s) read, \(i.commentsAnalysed) analysed, \(i.skipped.reduce(0) { $0 + $1.count }) skipped"
        if !i.skipped.isEmpty { h += " (" + i.skipped.map { "\($0.count) \(e($0.name))" }.joined(separator: "; ") + ")" }
        h += "</p>\n<div class=\"cards\">\n"
        func card(_ value: String, _ label: String, _ cls: String = "") {
            h += "<div class=\"card\"><div class=\"value \(cls)\">\(value)</div><div class=\"label\">\(label)</div></div>\n"
        }
        card(String(o.comments), "comments")
        card(String(o.authors), "authors")
        card(o.sentiment.mean.map { e(Fmt.signed($0, 2)) } ?? "–", "mean sentiment toward the brand", scoreClass(o.sentiment.mean))
        card("\(o.sentiment.positive) / \(o.sentiment.negative) / \(o.sentiment.neutral)", "positive / negative / neutral")
        card(String(o.claims), "claims in \(report.claims.count) cluster(s)")
        h += "</div>\n"
        if !o.repeatedThreads.isEmpty {
            h += "<p class=\"warn\">Thread(s) counted more than once: \(e(o.repeatedThreads.joined(separator: ", ")))</p>\n"
        }
        h += "<nav><a href=\"#topics\">Topics</a> <a href=\"#claims\">Claims</a>"
        if report.timeline != nil { h += " <a href=\"#timeline\">Over time</a>" }
        h += " <a href=\"#entities\">Entities</a> <a href=\"#threads\">Threads</a> <a href=\"#evidence\">Evidence</a></nav>\n</header>\n"
    }

    private func topics(_ report: Report, into h: inout String) {
        h += "<section id=\"topics\">\n<h2>Topics</h2>\n"
        guard !report.topics.isEmpty else { h += "<p>No topics assigned.</p>\n</section>\n"; return }
        h += "<p class=\"note\">Share of each topic’s comments that are negative (left), neutral (centre) and positive "
        h += "(right) toward the brand. Click a bar for its quotes.</p>\n"
        h += topicChart(report.topics)
        h += "<table>\n<thead><tr><th>topic</th><th class=\"num\">comments</th><th class=\"num\">sentences</th>"
        h += "<th class=\"num\">positive</th><th class=\"num\">negative</th><th class=\"num\">neutral</th>"
        h += "<th class=\"num\">mean [95% CI]</th></tr></thead>\n<tbody>\n"
        for t in report.topics {
            let id = topicID(t.topic), s = t.sentiment
            h += "<tr><td><a href=\"#\(id)\">\(e(t.topic))</a></td><td class=\"num\">\(t.comments)</td>"
            h += "<td class=\"num\">\(t.sentences)</td>"
            h += "<td class=\"num\(s.positive > 0 ? " pos" : "")\">\(linked(s.positive, t.mostPositive.isEmpty ? nil : id + "-pos"))</td>"
            h += "<td class=\"num\(s.negative > 0 ? " neg" : "")\">\(linked(s.negative, t.mostNegative.isEmpty ? nil : id + "-neg"))</td>"
            h += "<td class=\"num\">\(s.neutral)</td>\(meanCell(s))</tr>\n"
        }
        h += "</tbody>\n</table>\n</section>\n"
    }

    private func topicChart(_ rows: [Report.TopicRow]) -> String {
        let width = 760.0, label = 150.0, right = 150.0, rowHeight = 26.0, top = 24.0
        let x0 = label, x1 = width - right, cx = (x0 + x1) / 2, half = (x1 - x0) / 2
        let height = top + Double(rows.count) * rowHeight + 8
        var s = svgOpen(width: width, height: height, title: "Sentiment toward the brand per topic: shares of negative, neutral and positive comments")
        for tick in [-1.0, -0.5, 0, 0.5, 1] {
            let x = cx + tick * half
            s += "<line x1=\"\(num(x))\" y1=\"\(num(top - 4))\" x2=\"\(num(x))\" y2=\"\(num(height - 8))\" class=\"\(tick == 0 ? "axis" : "grid")\"/>"
            s += "<text x=\"\(num(x))\" y=\"\(num(top - 8))\" class=\"tick\" text-anchor=\"middle\">\(Fmt.fixed(abs(tick) * 100, 0))%</text>\n"
        }
        for (index, t) in rows.enumerated() {
            let sm = t.sentiment
            let total = Double(max(1, sm.count))
            let neg = Double(sm.negative) / total, neu = Double(sm.neutral) / total, pos = Double(sm.positive) / total
            let y = top + Double(index) * rowHeight + 4, barHeight = rowHeight - 8
            let neutralStart = cx - neu / 2 * half
            s += "<a href=\"#\(topicID(t.topic))\"><g>"
            s += "<title>\(e(t.topic)): \(sm.positive) positive, \(sm.negative) negative, \(sm.neutral) neutral</title>"
            s += "<text x=\"\(num(label - 8))\" y=\"\(num(y + barHeight - 5))\" text-anchor=\"end\" class=\"label\">\(e(DisplayWidth.truncate(t.topic, to: 22)))</text>"
            s += rect(x: neutralStart - neg * half, y: y, width: neg * half, height: barHeight, cls: "neg")
            s += rect(x: neutralStart, y: y, width: neu * half, height: barHeight, cls: "neu")
            s += rect(x: neutralStart + neu * half, y: y, width: pos * half, height: barHeight, cls: "pos")
            let meanText = sm.mean.map { "mean " + Fmt.signed($0, 2) } ?? ""
            s += "<text x=\"\(num(x1 + 8))\" y=\"\(num(y + barHeight - 5))\" class=\"value\">n=\(sm.count) \(e(meanText))</text>"
            s += "</g></a>\n"
        }
        return s + "</svg></figure>\n"
    }

    private func claims(_ report: Report, into h: inout String) {
        h += "<section id=\"claims\">\n<h2>Claims</h2>\n"
        guard !report.claims.isEmpty else { h += "<p>No claims found.</p>\n</section>\n"; return }
        h += "<p class=\"note\">Supporters: distinct authors making the claim or agreeing with a comment that makes it. "
        h += "Disputers: distinct authors disagreeing with such a comment or making a contrary claim. "
        h += "Each author counts once per claim.</p>\n"
        h += claimChart(Array(report.claims.sorted { a, b in
            a.supporters + a.disputers != b.supporters + b.disputers
                ? a.supporters + a.disputers > b.supporters + b.disputers : Int(a.id.dropFirst())! < Int(b.id.dropFirst())!
        }.prefix(chartedClaims)), total: report.claims.count)
        h += "<table>\n<thead><tr><th>id</th><th>type</th><th>subject</th><th>value</th><th>region</th>"
        h += "<th class=\"num\">supporters</th><th class=\"num\">disputers</th><th class=\"num\">hedged</th>"
        h += "<th class=\"num\">threads</th><th>first</th><th>latest</th></tr></thead>\n<tbody>\n"
        for c in report.claims {
            h += "<tr><td><a href=\"#\(c.id)\">\(c.id)</a></td><td>\(e(c.key.type))</td><td>\(e(c.key.subject))</td>"
            h += "<td>\(e(c.key.value))</td><td>\(e(c.key.region ?? "–"))</td>"
            h += "<td class=\"num\(c.supporters > 0 ? " pos" : "")\">\(linked(c.supporters, c.id + "-for"))</td>"
            h += "<td class=\"num\(c.disputers > 0 ? " neg" : "")\">\(linked(c.disputers, c.disputeEvidence.isEmpty ? nil : c.id + "-against"))</td>"
            h += "<td class=\"num\">\(Fmt.percent(c.hedgedShare))</td><td class=\"num\">\(c.threads)</td>"
            h += "<td class=\"nowrap\">\(e(Fmt.day(c.dates.first)))</td><td class=\"nowrap\">\(e(Fmt.day(c.dates.last)))</td></tr>\n"
        }
        h += "</tbody>\n</table>\n</section>\n"
    }

    private func claimChart(_ rows: [Report.ClaimRow], total: Int) -> String {
        let width = 760.0, label = 260.0, right = 40.0, rowHeight = 24.0, top = 24.0
        let x0 = label, x1 = width - right, cx = (x0 + x1) / 2, half = (x1 - x0) / 2 - 20
        let height = top + Double(rows.count) * rowHeight + 8
        let maxCount = Double(max(1, rows.map { max($0.supporters, $0.disputers) }.max() ?? 1))
        var title = "Claim support against dispute (distinct authors)"
        if total > rows.count { title += ", the \(rows.count) most discussed of \(total)" }
        var s = svgOpen(width: width, height: height, title: title)
        s += "<text x=\"\(num(cx - 6))\" y=\"\(num(top - 8))\" class=\"tick\" text-anchor=\"end\">◀ disputers</text>"
        s += "<text x=\"\(num(cx + 6))\" y=\"\(num(top - 8))\" class=\"tick\">supporters ▶</text>\n"
        s += "<line x1=\"\(num(cx))\" y1=\"\(num(top - 4))\" x2=\"\(num(cx))\" y2=\"\(num(height - 8))\" class=\"axis\"/>\n"
        for (index, c) in rows.enumerated() {
            let y = top + Double(index) * rowHeight + 4, barHeight = rowHeight - 8
            let support = Double(c.supporters) / maxCount * half, dispute = Double(c.disputers) / maxCount * half
            var name = "\(c.id) \(c.key.subject): \(c.key.value)"
            if let region = c.key.region { name += " (\(region))" }
            s += "<a href=\"#\(c.id)\"><g>"
            s += "<title>\(e(c.key.type)) \(e(name)): \(c.supporters) supporter(s), \(c.disputers) disputer(s)</title>"
            s += "<text x=\"\(num(label - 8))\" y=\"\(num(y + barHeight - 4))\" text-anchor=\"end\" class=\"label\">\(e(DisplayWidth.truncate(name, to: 38)))</text>"
            s += rect(x: cx - dispute, y: y, width: dispute, height: barHeight, cls: "neg")
            s += rect(x: cx, y: y, width: support, height: barHeight, cls: "pos")
            if c.disputers > 0 {
                s += "<text x=\"\(num(cx - dispute - 4))\" y=\"\(num(y + barHeight - 4))\" text-anchor=\"end\" class=\"value\">\(c.disputers)</text>"
            }
            s += "<text x=\"\(num(cx + support + 4))\" y=\"\(num(y + barHeight - 4))\" class=\"value\">\(c.supporters)</text>"
            s += "</g></a>\n"
        }
        return s + "</svg></figure>\n"
    }

    private func timeline(_ report: Report, into h: inout String) {
        guard let timeline = report.timeline else { return }
        h += "<section id=\"timeline\">\n<h2>Over time (by \(timeline.bucket.rawValue))</h2>\n"
        h += "<p class=\"note\">Mean sentiment toward the brand per \(timeline.bucket.rawValue) with its 95% interval (top) "
        h += "and comments per \(timeline.bucket.rawValue), negative below the line and positive above (bottom)."
        if timeline.undatedComments > 0 { h += " \(timeline.undatedComments) comment(s) without a date are not shown." }
        h += "</p>\n"
        h += timelineChart(timeline)
        h += "<table>\n<thead><tr><th>\(timeline.bucket.rawValue)</th><th class=\"num\">comments</th><th class=\"num\">positive</th>"
        h += "<th class=\"num\">negative</th><th class=\"num\">neutral</th><th class=\"num\">mean [95% CI]</th>"
        h += "<th class=\"num\">claims</th></tr></thead>\n<tbody>\n"
        for b in timeline.buckets {
            let s = b.sentiment
            h += "<tr><td>\(e(b.label))</td><td class=\"num\">\(s.count)</td><td class=\"num\">\(s.positive)</td>"
            h += "<td class=\"num\">\(s.negative)</td><td class=\"num\">\(s.neutral)</td>\(meanCell(s))<td class=\"num\">\(b.claims)</td></tr>\n"
        }
        h += "</tbody>\n</table>\n</section>\n"
    }

    private func timelineChart(_ timeline: Report.Timeline) -> String {
        let width = 760.0, left = 48.0, right = 16.0, top = 16.0, meanHeight = 150.0, gap = 28.0, volumeHeight = 90.0
        let buckets = timeline.buckets
        let height = top + meanHeight + gap + volumeHeight + 26
        let step = (width - left - right) / Double(max(1, buckets.count))
        func x(_ index: Int) -> Double { left + step * (Double(index) + 0.5) }
        func yMean(_ value: Double) -> Double { top + (1 - value) / 2 * meanHeight }
        let volumeMid = top + meanHeight + gap + volumeHeight / 2
        let maxSide = Double(max(1, buckets.map { max($0.sentiment.positive + $0.sentiment.neutral / 2, $0.sentiment.negative + ($0.sentiment.neutral + 1) / 2) }.max() ?? 1))
        var s = svgOpen(width: width, height: height, title: "Sentiment toward the brand over time, by \(timeline.bucket.rawValue)")
        for tick in [-1.0, -0.5, 0, 0.5, 1] {
            let y = yMean(tick)
            s += "<line x1=\"\(num(left))\" y1=\"\(num(y))\" x2=\"\(num(width - right))\" y2=\"\(num(y))\" class=\"\(tick == 0 ? "axis" : "grid")\"/>"
            s += "<text x=\"\(num(left - 6))\" y=\"\(num(y + 4))\" text-anchor=\"end\" class=\"tick\">\(Fmt.signed(tick, 1))</text>\n"
        }
        s += "<line x1=\"\(num(left))\" y1=\"\(num(volumeMid))\" x2=\"\(num(width - right))\" y2=\"\(num(volumeMid))\" class=\"axis\"/>\n"
        var points: [String] = []
        for (index, b) in buckets.enumerated() {
            let sm = b.sentiment, cx = x(index)
            if let mean = sm.mean {
                if let low = sm.low, let high = sm.high {
                    s += "<line x1=\"\(num(cx))\" y1=\"\(num(yMean(high)))\" x2=\"\(num(cx))\" y2=\"\(num(yMean(low)))\" class=\"ci\"/>"
                }
                s += "<circle cx=\"\(num(cx))\" cy=\"\(num(yMean(mean)))\" r=\"3.5\" class=\"\(mean >= 0 ? "pos" : "neg")\">"
                s += "<title>\(e(b.label)): mean \(e(Fmt.meanInterval(sm))), \(sm.count) comment(s)</title></circle>\n"
                points.append("\(num(cx)),\(num(yMean(mean)))")
            }
            // Volume: positive plus half the neutral above the line, negative plus the rest below.
            let barWidth = min(36, max(1, step * 0.7)), scale = volumeHeight / 2 / maxSide
            let up = Double(sm.positive) * scale, neutralUp = Double(sm.neutral / 2) * scale
            let down = Double(sm.negative) * scale, neutralDown = Double(sm.neutral - sm.neutral / 2) * scale
            s += "<g><title>\(e(b.label)): \(sm.positive) positive, \(sm.negative) negative, \(sm.neutral) neutral, \(b.claims) claim(s)</title>"
            s += rect(x: cx - barWidth / 2, y: volumeMid - neutralUp - up, width: barWidth, height: up, cls: "pos")
            s += rect(x: cx - barWidth / 2, y: volumeMid - neutralUp, width: barWidth, height: neutralUp + neutralDown, cls: "neu")
            s += rect(x: cx - barWidth / 2, y: volumeMid + neutralDown, width: barWidth, height: down, cls: "neg")
            s += "</g>\n"
        }
        if points.count > 1 { s += "<polyline points=\"\(points.joined(separator: " "))\" class=\"trend\"/>\n" }
        let every = max(1, Int((Double(buckets.count) / 10).rounded(.up)))
        for (index, b) in buckets.enumerated() where index % every == 0 {
            s += "<text x=\"\(num(x(index)))\" y=\"\(num(height - 8))\" text-anchor=\"middle\" class=\"tick\">\(e(b.label))</text>\n"
        }
        return s + "</svg></figure>\n"
    }

    private func entities(_ report: Report, into h: inout String) {
        h += "<section id=\"entities\">\n<h2>Entities</h2>\n"
        guard !report.entities.isEmpty else { h += "<p>No entities recognised.</p>\n</section>\n"; return }
        h += "<table>\n<thead><tr><th>kind</th><th>id</th><th class=\"num\">mentions</th><th class=\"num\">comments</th>"
        h += "<th class=\"num\">threads</th><th class=\"num\">sentiment toward it</th><th>claimed about it</th></tr></thead>\n<tbody>\n"
        let claimIDs = Dictionary(report.claims.map { ("\($0.key.subject)\u{0}\($0.key.value)", $0.id) }, uniquingKeysWith: { a, _ in a })
        for entity in report.entities {
            let claimed = entity.claims.map { item in
                let text = "\(e(item.name)) \(item.count)"
                return claimIDs["\(entity.key.id)\u{0}\(item.name)"].map { "<a href=\"#\($0)\">\(text)</a>" } ?? text
            }.joined(separator: ", ")
            h += "<tr><td>\(e(entity.key.kind))</td><td>\(e(entity.key.id))</td><td class=\"num\">\(entity.mentions)</td>"
            h += "<td class=\"num\">\(entity.comments)</td><td class=\"num\">\(entity.threads)</td>\(meanCell(entity.sentiment))"
            h += "<td>\(claimed.isEmpty ? "–" : claimed)</td></tr>\n"
        }
        h += "</tbody>\n</table>\n</section>\n"
    }

    private func threads(_ report: Report, into h: inout String) {
        h += "<section id=\"threads\">\n<h2>Threads</h2>\n"
        h += "<table>\n<thead><tr><th>thread</th><th>title</th><th class=\"num\">comments</th><th class=\"num\">authors</th>"
        h += "<th class=\"num\">claims</th><th class=\"num\">positive</th><th class=\"num\">negative</th><th class=\"num\">neutral</th>"
        h += "<th class=\"num\">mean [95% CI]</th><th class=\"num\">agree / disagree</th><th>first</th><th>latest</th></tr></thead>\n<tbody>\n"
        for t in report.threads {
            let s = t.sentiment
            h += "<tr><td class=\"nowrap\">\(e(t.id))</td><td>\(e(t.title ?? "–"))</td><td class=\"num\">\(t.comments)</td><td class=\"num\">\(t.authors)</td>"
            h += "<td class=\"num\">\(t.claims)</td><td class=\"num\">\(s.positive)</td><td class=\"num\">\(s.negative)</td>"
            h += "<td class=\"num\">\(s.neutral)</td>\(meanCell(s))<td class=\"num\">\(t.agree) / \(t.disagree)</td>"
            h += "<td class=\"nowrap\">\(e(Fmt.day(t.dates.first)))</td><td class=\"nowrap\">\(e(Fmt.day(t.dates.last)))</td></tr>\n"
        }
        h += "</tbody>\n</table>\n</section>\n"
    }

    private func evidence(_ report: Report, into h: inout String) {
        h += "<section id=\"evidence\">\n<h2>Evidence</h2>\n"
        for t in report.topics {
            let id = topicID(t.topic)
            h += "<article id=\"\(id)\">\n<h3>Topic: \(e(t.topic))</h3>\n"
            if t.mostPositive.isEmpty && t.mostNegative.isEmpty { h += "<p class=\"note\">No scored quotes.</p>\n" }
            quoteList(t.mostPositive, id: id + "-pos", heading: "Most positive", scored: true, into: &h)
            quoteList(t.mostNegative, id: id + "-neg", heading: "Most negative", scored: true, into: &h)
            h += "</article>\n"
        }
        for c in report.claims {
            h += "<article id=\"\(c.id)\">\n<h3>\(c.id): \(e(c.key.type)) · \(e(c.key.subject)) · \(e(c.key.value))"
            if let region = c.key.region { h += " · \(e(region))" }
            h += "</h3>\n<p class=\"note\">\(c.claimants) claimant(s) in \(c.mentions) comment(s) across \(c.threads) thread(s); "
            h += "\(c.supportersByStance) more agreeing; \(c.disputersByStance) disagreeing repl(y/ies) and "
            h += "\(c.disputersByClaim) contrary claimant(s)"
            if !c.contrary.isEmpty { h += " (" + c.contrary.map { "<a href=\"#\($0)\">\($0)</a>" }.joined(separator: ", ") + ")" }
            h += "; hedged \(Fmt.percent(c.hedgedShare)).</p>\n"
            quoteList(c.evidence + c.supportEvidence, id: c.id + "-for", heading: "Made or supported", scored: false, into: &h)
            quoteList(c.disputeEvidence, id: c.id + "-against", heading: "Disputed", scored: false, into: &h)
            h += "</article>\n"
        }
        h += "</section>\n"
    }

    private func quoteList(_ quotes: [Quote], id: String, heading: String, scored: Bool, into h: inout String) {
        guard !quotes.isEmpty else { return }
        h += "<h4 id=\"\(id)\">\(heading)</h4>\n<ul class=\"quotes\">\n"
        for q in quotes {
            h += "<li><blockquote>\(e(q.text))</blockquote><cite>"
            if scored { h += "<span class=\"\(q.score > 0 ? "pos" : "neg")\">\(e(Fmt.signed(Double(q.score) / Double(ScoreTally.scale), 2)))</span> · " }
            h += "\(e(q.thread)) #\(e(q.comment))"
            if let author = q.author { h += " · \(e(author))" }
            if q.date != nil { h += " · \(e(Fmt.day(q.date)))" }
            if q.hedged { h += " · hedged" }
            h += "</cite></li>\n"
        }
        h += "</ul>\n"
    }

    // MARK: SVG

    private func svgOpen(width: Double, height: Double, title: String) -> String {
        "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(num(width)) \(num(height))\" width=\"\(num(width))\" "
            + "height=\"\(num(height))\" role=\"img\" aria-label=\"\(e(title))\"><title>\(e(title))</title>\n"
    }

    private func rect(x: Double, y: Double, width: Double, height: Double, cls: String) -> String {
        guard width > 0, height > 0 else { return "" }
        return "<rect x=\"\(num(x))\" y=\"\(num(y))\" width=\"\(num(width))\" height=\"\(num(height))\" class=\"\(cls)\"/>"
    }

    static let css = """

    :root { --pos: #1b7f3b; --neg: #b3261e; --neu: #a8adb3; --ink: #1f2328; --mute: #59636e; --line: #d8dee4; --bg: #ffffff; }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 1040px; padding: 24px 28px 48px; color: var(--ink); background: var(--bg);
      font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", sans-serif; }
    h1 { font-size: 26px; margin: 0 0 4px; }
    h2 { font-size: 20px; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
    h3 { font-size: 16px; margin: 22px 0 4px; }
    h4 { font-size: 13px; margin: 10px 0 4px; color: var(--mute); text-transform: uppercase; letter-spacing: .04em; }
    .sub, .note, footer { color: var(--mute); }
    .note { font-size: 13px; margin: 4px 0 10px; }
    .warn { color: var(--neg); font-weight: 600; }
    .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
    .card { flex: 1 1 150px; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
    .card .value { font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums; }
    .card .label { font-size: 12px; color: var(--mute); }
    nav a { margin-right: 14px; }
    a { color: #0b57d0; text-decoration: none; }
    a:hover { text-decoration: underline; }
    figure { margin: 8px 0 14px; overflow-x: auto; }
    svg { display: block; max-width: 100%; height: auto; font-family: inherit; }
    svg .label { font-size: 12px; fill: var(--ink); }
    svg .value, svg .tick { font-size: 11px; fill: var(--mute); }
    svg rect.pos, svg circle.pos { fill: var(--pos); }
    svg rect.neg, svg circle.neg { fill: var(--neg); }
    svg rect.neu { fill: var(--neu); }
    svg .axis { stroke: #6e7781; stroke-width: 1; }
    svg .grid { stroke: var(--line); stroke-width: 1; stroke-dasharray: 3 3; }
    svg .ci { stroke: #6e7781; stroke-width: 2; }
    svg .trend { fill: none; stroke: #6e7781; stroke-width: 1.2; stroke-dasharray: 4 3; }
    svg a:hover rect { opacity: .8; }
    table { border-collapse: collapse; width: 100%; font-size: 13.5px; margin: 6px 0 12px; }
    th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
    th { font-weight: 600; color: var(--mute); font-size: 12px; }
    .nowrap { white-space: nowrap; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.pos, span.pos { color: var(--pos); }
    td.neg, span.neg { color: var(--neg); }
    ul.quotes { list-style: none; padding: 0; margin: 0 0 6px; }
    ul.quotes li { margin: 6px 0 10px; }
    blockquote { margin: 0; padding: 4px 12px; border-left: 3px solid var(--line); overflow-wrap: anywhere; }
    cite { display: block; font-style: normal; font-size: 12px; color: var(--mute); padding-left: 15px; }
    article:target { background: #fff8c5; }
    h4:target { background: #fff8c5; }
    footer { margin-top: 40px; font-size: 12px; }

    """
}
