import ThreadLensCore
@testable import ThreadLensReport

/// A small analysed corpus built by hand (no models, no ICU), so the report tests pin the
/// aggregation and the renderers and nothing else. The sentences are written for these tests.
enum Fixture {
    struct TopicSpec {
        var topic: String
        var label: SentimentLabel
        var score: Double
        var sentences: [Int]
    }

    struct ClaimSpec {
        var type: String
        var subject: String
        var value: String
        var region: String? = nil
        var hedged = false
        /// Text of the comment the evidence range covers.
        var evidence: String
    }

    static func topic(_ topic: String, _ label: SentimentLabel, _ score: Double, _ sentences: [Int] = [0]) -> TopicSpec {
        TopicSpec(topic: topic, label: label, score: score, sentences: sentences)
    }

    static func legitimacy(_ subject: String, _ value: String, hedged: Bool = false, _ evidence: String) -> ClaimSpec {
        ClaimSpec(type: "reseller_legitimacy", subject: subject, value: value, hedged: hedged, evidence: evidence)
    }

    static func availability(_ region: String, _ value: String, hedged: Bool = false, _ evidence: String) -> ClaimSpec {
        ClaimSpec(type: "regional_availability", subject: "xiaomi", value: value, region: region, hedged: hedged, evidence: evidence)
    }

    static func fulfilment(_ subject: String, _ value: String, hedged: Bool = false, _ evidence: String) -> ClaimSpec {
        ClaimSpec(type: "order_fulfillment", subject: subject, value: value, hedged: hedged, evidence: evidence)
    }

    /// Sentence byte ranges: a sentence ends after `.`, `!` or `?` followed by a space, or after `。！？`.
    static func sentences(of text: String) -> [Sentence] {
        let characters = Array(text)
        var offsets = [0]
        for character in characters { offsets.append(offsets.last! + String(character).utf8.count) }
        var result: [Sentence] = []
        var start: Int?
        for (index, character) in characters.enumerated() {
            if start == nil, character != " " { start = index }
            guard let first = start else { continue }
            let latinEnd = ".!?".contains(character) && (index + 1 == characters.count || characters[index + 1] == " ")
            if latinEnd || "。！？".contains(character) || index + 1 == characters.count {
                result.append(Sentence(tokens: 0..<0, range: offsets[first]..<offsets[index + 1]))
                start = nil
            }
        }
        return result
    }

    static func byteRange(of needle: String, in text: String) -> Range<Int> {
        guard let range = text.range(of: needle) else { preconditionFailure("evidence '\(needle)' not in '\(text)'") }
        let lower = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
        return lower..<(lower + needle.utf8.count)
    }

    static func comment(
        _ id: String, parent: String? = nil, author: String? = nil, date: String? = nil, _ text: String,
        sentiment: (SentimentLabel, Double) = (.neutral, 0), topics: [TopicSpec] = [], claims: [ClaimSpec] = [],
        stance: Stance = .none, entities: [(EntityKind, String)] = [], language: Language = .en
    ) -> AnalyzedComment {
        let parsedDate = date.map { raw in CommentDate(raw: raw, iso8601: CalendarDay(iso8601: raw) == nil ? nil : raw) }
        let base = Comment(id: CommentID(id), parent: parent.map { CommentID($0) }, author: author, date: parsedDate,
                           text: text, location: SourceLocation(file: "fixture", line: 1))
        var analyzed = AnalyzedComment(comment: base, text: TokenizedText(text: text, tokens: [], sentences: sentences(of: text), language: language))
        analyzed.sentiment = SentimentResult(label: sentiment.0, score: sentiment.1)
        analyzed.topics = topics.map { TopicResult(topic: $0.topic, label: $0.label, score: $0.score, sentences: $0.sentences) }
        analyzed.claims = claims.map {
            Claim(type: $0.type, subject: $0.subject, value: $0.value, region: $0.region, hedged: $0.hedged,
                  evidence: byteRange(of: $0.evidence, in: text))
        }
        analyzed.stance = stance
        analyzed.entities = entities.map { EntityMention(kind: $0.0, id: $0.1, tokens: 0..<1) }
        return analyzed
    }

    static func thread(_ id: String, title: String?, brand: String? = "xiaomi", _ comments: [AnalyzedComment]) -> AnalyzedThread {
        AnalyzedThread(
            thread: CommentThread(id: ThreadID(id), title: title, source: "fixture/\(id).txt", comments: comments.map(\.comment)),
            brand: brand, comments: comments)
    }

    /// A reseller thread: the article asserts unofficial resellers are illegitimate; a named
    /// shop is argued over; one author repeats a claim; replies agree and disagree.
    static let resellers = thread("phone-resellers", title: "Grey-market phone sellers under fire", [
        comment("0", "Grey-market phone sellers under fire. The maker says unofficial sellers are not authorised and will face action.",
                claims: [legitimacy("*", "illegitimate", "unofficial sellers are not authorised")],
                entities: [(.brand, "xiaomi")]),
        comment("1", author: "kestrel", date: "2015-03-02", "Good. Buying from those shops was always a gamble.",
                sentiment: (.positive, 0.35), topics: [topic("resellers", .positive, 0.4)], stance: .agree),
        comment("2", author: "Marrow88", date: "2015-03-02",
                "Gadgetworld is not an official store. Their prices are a joke too!",
                sentiment: (.negative, -0.3), topics: [topic("resellers", .negative, -0.25, [0]), topic("pricing", .negative, -0.6, [1])],
                claims: [legitimacy("gadgetworld", "illegitimate", "Gadgetworld is not an official store")],
                stance: .none, entities: [(.reseller, "gadgetworld")]),
        comment("2.1", parent: "2", author: "tallpine", date: "2015-03-03",
                "I beg to differ. I bet Gadgetworld has a deal with Xiaomi, my phone came sealed.",
                sentiment: (.positive, 0.2), topics: [topic("resellers", .positive, 0.3, [1])],
                claims: [legitimacy("gadgetworld", "legitimate", hedged: true, "I bet Gadgetworld has a deal with Xiaomi")],
                stance: .disagree, entities: [(.reseller, "gadgetworld"), (.brand, "xiaomi")]),
        comment("2.1.1", parent: "2.1", author: "marrow88", date: "2015-03-04",
                "Sealed means nothing. Gadgetworld is not an official store, full stop.",
                sentiment: (.neutral, -0.02), topics: [topic("resellers", .neutral, -0.02)],
                claims: [legitimacy("gadgetworld", "illegitimate", "Gadgetworld is not an official store")],
                stance: .disagree, entities: [(.reseller, "gadgetworld")]),
        comment("2.2", parent: "2", author: "quietfox", date: "2015-03-05", "+1, avoid them.",
                sentiment: (.neutral, 0), stance: .agree),
        comment("3", date: "2015-03-06", "Xiaomi phones are great value when you can get one at the real price.",
                sentiment: (.positive, 0.7), topics: [topic("product", .positive, 0.7), topic("pricing", .positive, 0.45)],
                entities: [(.brand, "xiaomi")]),
        comment("4", author: "=cmd|calc", date: "yesterday", "=HYPERLINK(\"x\") <script>alert('hi')</script> & \"quoted\" shop is legit?",
                sentiment: (.negative, -0.15), topics: [topic("trust", .negative, -0.15)],
                claims: [legitimacy("?", "legitimate", "shop is legit")]),
    ])

    /// A Chinese thread about a refused order from the brand's own store.
    static let order = thread("fridge-order", title: "冰箱订单被取消", [
        comment("0", "冰箱订单被取消。官方旗舰店说系统出错，不发货。",
                claims: [fulfilment("xiaomi", "refused", "不发货")], entities: [(.brand, "xiaomi")], language: .zh),
        comment("1", author: "小林", date: "2023-11-20", "小米拒绝发货，太让人失望了。客服只给了红包。",
                sentiment: (.negative, -0.8), topics: [topic("fulfillment", .negative, -0.8, [0]), topic("service", .negative, -0.5, [1])],
                claims: [fulfilment("xiaomi", "refused", "小米拒绝发货")], stance: .agree,
                entities: [(.brand, "xiaomi")], language: .zh),
        comment("1.1", parent: "1", author: "阿杰", date: "2023-11-21", "同意，我的单也被砍了。",
                sentiment: (.negative, -0.4), topics: [topic("fulfillment", .negative, -0.4)], stance: .agree, language: .zh),
        comment("2", author: "mingzhu", date: "2023-11-21", "我朋友的订单已经发货了，可能只是部分订单。",
                sentiment: (.neutral, 0.1), topics: [topic("fulfillment", .neutral, 0.1)],
                claims: [fulfilment("xiaomi", "fulfilled", hedged: true, "我朋友的订单已经发货了")],
                stance: .disagree, language: .zh),
    ])

    /// A thread about regional availability spread over months, so the timeline goes by week or month.
    static let regions = thread("eu-launch", title: "Will it ever launch in Europe?", [
        comment("1", author: "kestrel", date: "2015-04-10", "You still cannot buy it in Europe, only imports.",
                sentiment: (.negative, -0.3), topics: [topic("availability", .negative, -0.3)],
                claims: [availability("EU", "unavailable", "cannot buy it in Europe")], entities: [(.region, "EU")]),
        comment("1.1", parent: "1", author: "Lumen", date: "2015-05-18", "Not true, it is sold in Spain now, I think.",
                sentiment: (.positive, 0.2), topics: [topic("availability", .positive, 0.25)],
                claims: [availability("ES", "available", hedged: true, "it is sold in Spain now, I think")],
                stance: .disagree, entities: [(.region, "ES")]),
        comment("2", author: "orbit", date: "2015-06-01", "Overseas buyers get nothing. Europe is ignored again.",
                sentiment: (.negative, -0.55), topics: [topic("availability", .negative, -0.55, [0, 1])],
                claims: [availability("EU", "unavailable", "Europe is ignored again")]),
        comment("3", author: "Lumen", date: "2015-06-20", "Europe does get them through the official site now.",
                sentiment: (.positive, 0.5), topics: [topic("availability", .positive, 0.5)],
                claims: [availability("EU", "available", "Europe does get them through the official site now")]),
        comment("4", author: "kestrel", "Still waiting here.", sentiment: (.negative, -0.1)),
    ])

    static let all = [resellers, order, regions]

    /// More threads, for the shard tests: copies of the fixture under other ids with shifted
    /// dates and authors, so there is enough to split many ways.
    static var many: [AnalyzedThread] {
        var threads = all
        for copy in 1...3 {
            for base in all {
                var thread = base
                thread.thread.id = ThreadID("\(base.thread.id.rawValue)-\(copy)")
                for index in thread.comments.indices where copy % 2 == 1 || index % 2 == 0 {
                    thread.comments[index].comment.author = thread.comments[index].comment.author.map { "\($0)\(copy)" }
                }
                threads.append(thread)
            }
        }
        return threads
    }
}
