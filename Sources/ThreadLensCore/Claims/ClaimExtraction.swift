/// Extracts the claims each comment asserts (SPEC §4) by running the claim rules over its units:
/// a rule's pattern matches inside one sentence; its subject comes from a slot, the nearest
/// fitting mention, or the thread (anaphors like "both of those shops" and "他家" are resolved
/// from earlier sentences and the parent chain); a negator before or inside the match flips the
/// value; a hedge marks it hedged; questions, conditionals, reported speech and quoted text of
/// other comments assert nothing. A thread with no brand has no claims: the claim types are about
/// a brand's goods, and scalpers of other things are not this tool's business.
public struct ClaimExtraction: AnalysisStage {
    public let model: ClaimModel
    /// Which patterns can start at a unit, so each unit is tried against few patterns.
    let index: PatternIndex

    public init(model: ClaimModel) {
        self.model = model
        self.index = PatternIndex(model.rules)
    }

    public var name: String { "ClaimExtraction" }
    public var reads: Set<AnalysisField> { [.tokens, .entities, .brand] }
    public var writes: Set<AnalysisField> { [.claims] }

    public func apply(to thread: inout AnalyzedThread) {
        for index in thread.comments.indices { thread.comments[index].claims = [] }
        guard let brand = thread.brand, !model.rules.isEmpty else { return }
        let byID = thread.indexByID()
        var views = thread.comments.map { CommentView($0, model: model, brand: brand) }
        let article = thread.comments.firstIndex { $0.comment.isArticle }
        let chains = thread.comments.indices.map { ancestorChain(of: $0, in: thread, byID: byID, article: article) }
        for index in views.indices {
            views[index].excludeInlineQuotes(of: chains[index].map { views[$0].flatWords }, cues: model.cues)
        }
        let resolver = SubjectResolver(views: views, chains: chains, model: model, brand: brand)
        for index in thread.comments.indices {
            thread.comments[index].claims = extract(from: index, views: views, resolver: resolver)
        }
    }

    /// How far up a reply chain claims look for subjects and quoted text. Real threads nest a
    /// few levels; a scrape nested 10,000 deep would otherwise hold every comment's whole
    /// chain, quadratic in memory (gigabytes).
    static let ancestorLimit = 64

    /// The ancestors of comment `index`, nearest first; a top-level comment's is the article
    /// (`article`: its index in the thread, found once per thread by the caller).
    func ancestorChain(of index: Int, in thread: AnalyzedThread, byID: [CommentID: Int], article: Int?) -> [Int] {
        let comment = thread.comments[index].comment
        if comment.isArticle { return [] }
        var chain = thread.ancestors(of: index, using: byID, limit: Self.ancestorLimit)
        let root = chain.last.map { thread.comments[$0].comment } ?? comment
        if !root.isArticle, let article, article != index {
            chain.append(article)
        }
        return chain
    }

    // MARK: - Matching

    private func extract(from index: Int, views: [CommentView], resolver: SubjectResolver) -> [Claim] {
        let view = views[index]
        var claims: [Claim] = []
        for sentence in view.units.sentences where !sentence.isEmpty {
            claims += claimsOf(sentence: sentence, in: index, views: views, resolver: resolver, quoted: false)
        }
        claims += rebuttals(in: index, views: views, resolver: resolver)
        let sentences = view.units.sentences.map { view.units.bytes(of: $0) }
        return Self.deduplicated(claims) { a, b in sentences.contains { $0.contains(a.lowerBound) && $0.contains(b.lowerBound) } }
    }

    /// The claims rules find in one sentence. With `quoted`, only in units quoted from another
    /// comment (to be rebutted); otherwise only outside them. A pattern's matches do not overlap.
    private func claimsOf(sentence: Range<Int>, in index: Int, views: [CommentView], resolver: SubjectResolver, quoted: Bool) -> [Claim] {
        let view = views[index]
        let mood = SentenceMood(view: view, sentence: sentence, cues: model.cues)
        let matcher = PatternMatcher(view: view, model: model, limit: sentence.upperBound)
        var claims: [Claim] = []
        var resumeAt: [PatternIndex.Entry: Int] = [:]
        for start in sentence {
            for entry in self.index.candidates(at: start, in: view, model: model) {
                if let resume = resumeAt[entry], start < resume { continue }
                let rule = model.rules[entry.rule]
                let pattern = rule.patterns[entry.pattern]
                guard let type = model.types[rule.type], let match = matcher.match(pattern.elements, from: start) else { continue }
                resumeAt[entry] = match.range.upperBound
                if quoted ? match.range.allSatisfy({ view.excluded[$0] }) : !match.range.contains(where: { view.excluded[$0] }) {
                    claims += makeClaims(match, rule: rule, type: type, pattern: pattern, mood: mood,
                                         sentence: sentence, comment: index, views: views, resolver: resolver)
                }
            }
        }
        return claims
    }

    /// A reply that quotes a claim (`> …`) and opens with a rebuttal ("It does!") asserts the
    /// opposite of the quoted claim; its evidence is the rebutting sentence.
    private func rebuttals(in index: Int, views: [CommentView], resolver: SubjectResolver) -> [Claim] {
        let view = views[index]
        guard let firstOwn = view.units.units.indices.first(where: { !view.excluded[$0] && view.units.units[$0].isWordLike }),
              firstOwn > 0, view.excluded[..<firstOwn].contains(true),
              let cue = model.cues.rebuttals.longestMatch(in: view.units.units, from: firstOwn) else { return [] }
        let ownSentence = view.sentence(of: firstOwn)
        let evidence = view.units.bytes(of: firstOwn..<max(firstOwn + cue.length, ownSentence.upperBound))
        var result: [Claim] = []
        for sentence in view.units.sentences where sentence.contains(where: { view.excluded[$0] }) {
            for claim in claimsOf(sentence: sentence, in: index, views: views, resolver: resolver, quoted: true) {
                guard let type = model.types[claim.type], let opposite = type.opposite(of: claim.value) else { continue }
                var rebutted = claim
                rebutted.value = opposite
                rebutted.evidence = evidence
                rebutted.hedged = false
                result.append(rebutted)
            }
        }
        return result
    }

    private func makeClaims(_ match: PatternMatch, rule: ClaimRule, type: ClaimType, pattern: ClaimPattern, mood: SentenceMood,
                            sentence: Range<Int>, comment: Int, views: [CommentView], resolver: SubjectResolver) -> [Claim] {
        let view = views[comment]
        // A question (unless rhetorical), a claim inside an if-clause or reported speech, or an
        // indirect question ("which sellers are authorised") asserts nothing.
        if mood.rhetorical == nil, mood.questionClauses.contains(where: { $0.overlaps(match.range) }) { return [] }
        let clauseStart = view.clauseStart(of: match.range.lowerBound)
        // A conditional governs the clause after it ("as though" holds the break "though" itself).
        if mood.conditionals.contains(where: { cue in
            cue.lowerBound < match.range.lowerBound && !(cue.upperBound..<max(cue.upperBound, match.range.lowerBound)).contains { view.clauseBreak[$0] }
        }) { return [] }
        if mood.reportedUnits.contains(where: { $0 < match.range.lowerBound }) { return [] }

        // Value: flipped by each negator in the clause shortly before the match or inside it
        // (names in slots aside). A rule whose words carry the negation ("not official") is
        // `negation=fixed` and ignores them.
        var negations = Set<Int>()
        let windowStart = max(clauseStart, match.range.lowerBound - model.cues.negationWindow)
        let slotUnits = Set(match.slots.flatMap { Array($0.group.units) })
        for u in windowStart..<match.range.upperBound where !slotUnits.contains(u) {
            if let negator = view.negatorStart[u] { negations.insert(negator) }
        }
        var value = rule.value
        switch rule.negation {
        case .flips:
            if negations.count % 2 == 1 { value = type.opposite(of: value) ?? value }
        case .blocks:
            // Negators the rule's own words require ("不发货") do not count.
            if negations.contains(where: { !match.required.contains($0) }) { return [] }
        case .fixed:
            break
        }
        if mood.isQuestion, mood.rhetorical == true { value = type.opposite(of: value) ?? value }
        let hedged = rule.hedged || mood.hedged

        // Subjects.
        let subjectSlot = match.slots.first { $0.slot != .region }
        var subjects: [String] = []
        var subjectUnits: Range<Int>?
        if let subjectSlot {
            subjectUnits = subjectSlot.group.units
            guard let named = resolver.subjects(of: subjectSlot.group.members, in: comment, type: type) else { return [] }
            subjects = named
        } else if rule.subject == .generic {
            subjects = ["*"]
        } else if rule.subject != .default {
            // A name inside the match, before its last words, counts too ("Mine from Lazada was
            // delivered").
            if let near = resolver.nearSubject(before: match.range.upperBound, sentence: sentence, in: comment, type: type) {
                subjects = near.ids
                subjectUnits = near.units
            } else if rule.subject == .nearOrGeneric {
                subjects = ["*"]
            } else if rule.subject == .context, !type.isAboutBrand {
                // Where a brand sells is about the thread's brand, not a party named earlier.
                subjects = resolver.contextSubjects(before: match.range.lowerBound, in: comment, type: type)
            }
        }
        if subjects.isEmpty { subjects = [resolver.defaultSubject(of: type)] }
        let subjectStart = subjectUnits?.lowerBound ?? match.range.lowerBound
        if mood.interrogatives.contains(where: { $0.upperBound == subjectStart || $0.upperBound == match.range.lowerBound }) { return [] }
        // Where a brand sells: not what a shop near the words does ("they ship to the US").
        if type.isAboutBrand, subjectSlot == nil,
           resolver.sellerIsNear(before: match.range.lowerBound, sentence: sentence, in: comment) { return [] }

        // Regions.
        var regions: [String?] = [nil]
        if type.region == .required {
            if let regionSlot = match.slots.first(where: { $0.slot == .region }) {
                regions = regionSlot.group.members.map { view.mentions[$0].id }
            } else if let fixed = rule.region {
                regions = [fixed]
            } else {
                let found = resolver.nearRegions(of: match.range, sentence: sentence, in: comment)
                guard !found.isEmpty else { return [] }
                regions = found
            }
        }

        let lower = min(subjectUnits.map { $0.lowerBound >= sentence.lowerBound ? $0.lowerBound : match.range.lowerBound } ?? match.range.lowerBound,
                        match.range.lowerBound)
        var evidenceStart = view.clauseStart(of: lower)
        while evidenceStart < lower, !view.units.units[evidenceStart].isWordLike, view.mentionAt[evidenceStart] == nil { evidenceStart += 1 }
        let evidence = view.units.bytes(of: evidenceStart..<match.range.upperBound)

        var claims: [Claim] = []
        for subject in subjects {
            for region in regions {
                claims.append(Claim(type: type.name, subject: subject, value: value, region: region, hedged: hedged,
                                    evidence: evidence, rule: rule.source, ruleID: rule.id))
            }
        }
        return claims
    }

    /// One claim per (type, subject, value, region), first evidence kept; hedged only when every
    /// occurrence is hedged. When one sentence asserts both values about one subject, the later
    /// assertion is the writer's last word ("正品是正品，但不是正规渠道") and the earlier is dropped;
    /// in different sentences both stand (some orders shipped, others were cancelled).
    static func deduplicated(_ claims: [Claim], sameSentence: (Range<Int>, Range<Int>) -> Bool = { _, _ in true }) -> [Claim] {
        var result: [Claim] = []
        for claim in claims {
            if let i = result.firstIndex(where: { $0.type == claim.type && $0.subject == claim.subject && $0.value == claim.value && $0.region == claim.region }) {
                result[i].hedged = result[i].hedged && claim.hedged
            } else {
                result.append(claim)
            }
        }
        return result.filter { claim in
            !result.contains { other in
                other.type == claim.type && other.subject == claim.subject && other.region == claim.region && other.value != claim.value
                    && other.evidence.upperBound > claim.evidence.upperBound && sameSentence(claim.evidence, other.evidence)
            }
        }
    }
}

/// Whether a sentence asks, hedges, or holds conditional, reported-speech or interrogative cues.
struct SentenceMood {
    var isQuestion = false
    /// The clauses that ask: the one ending with a question mark or particle, and any holding a
    /// question phrase ("是不是").
    var questionClauses: [Range<Int>] = []
    /// For a question with a rhetorical cue: whether the cue flips the claim; `nil` otherwise.
    var rhetorical: Bool?
    var hedged = false
    /// The unit ranges of conditional cues ("if", "as though", "如果").
    var conditionals: [Range<Int>] = []
    var reportedUnits: [Int] = []
    var interrogatives: [Range<Int>] = []

    init(view: CommentView, sentence: Range<Int>, cues: ClaimCues) {
        let units = view.units
        // The last word or mark, ignoring closing quotes, emoji and trailing symbols.
        var last = sentence.upperBound - 1
        while last > sentence.lowerBound, !units.units[last].isWordLike, !cues.questionMarks.contains(units.units[last].key),
              units.units[last].kind != .punctuation || cues.quoteMarks.contains(units.units[last].key) {
            last -= 1
        }
        var lastWord = sentence.upperBound - 1
        while lastWord > sentence.lowerBound, !units.units[lastWord].isWordLike { lastWord -= 1 }
        if cues.questionMarks.contains(units.units[last].key) || cues.questionParticles.contains(units.units[lastWord].key) {
            questionClauses.append(view.clauseStart(of: lastWord)..<sentence.upperBound)
        }
        for phrase in cues.questionPhrases.scan(units, range: sentence, anywhere: true) {
            var end = phrase.units.upperBound
            while end < sentence.upperBound, !view.clauseBreak[end] { end += 1 }
            questionClauses.append(view.clauseStart(of: phrase.units.lowerBound)..<end)
        }
        isQuestion = !questionClauses.isEmpty
        if isQuestion, let cue = cues.rhetorical.scan(units, range: sentence, anywhere: true).first { rhetorical = cue.value }
        hedged = sentence.contains { view.hedge[$0] }
        conditionals = cues.conditionals.scan(units, range: sentence, anywhere: true).map(\.units)
        reportedUnits = cues.reported.scan(units, range: sentence, anywhere: true).map(\.units.lowerBound)
        interrogatives = cues.interrogatives.scan(units, range: sentence, anywhere: true).map(\.units)
    }
}

/// The patterns of all rules by what their first element needs: a word (by its key or a key
/// prefix), a mention (slots), or anything (gaps, optional elements, anchors).
struct PatternIndex: Sendable {
    struct Entry: Hashable, Sendable {
        var rule: Int
        var pattern: Int
    }
    var byKey: [String: [Entry]] = [:]
    var byPrefix: [(prefix: String, entry: Entry)] = []
    var slotFirst: [Entry] = []
    var anyFirst: [Entry] = []

    /// What the first unit of a match can be.
    struct FirstUnits {
        var keys: Set<String> = []
        var prefixes: [String] = []
        var slot = false
        var any = false

        /// The first units of `elements`: elements that consume nothing (`^`, `!(…)`) are looked
        /// through, an optional element adds the first units of what follows it.
        init(_ elements: ArraySlice<ClaimPattern.Element>) {
            guard let first = elements.first else { any = true; return }
            switch first {
            case .literal(let alternatives):
                for alternative in alternatives {
                    switch alternative.first {
                    case .exact(let key)?: keys.insert(key)
                    case .prefix(let prefix)?: prefixes.append(prefix)
                    case nil: break
                    }
                }
            case .slot:
                slot = true
            case .gap:
                any = true
            case .clauseStart, .clauseEnd, .notFollowedBy, .notPrecededBy:
                self = FirstUnits(elements.dropFirst())
            case .optional(let inner):
                self = FirstUnits([inner][...])
                let rest = FirstUnits(elements.dropFirst())
                keys.formUnion(rest.keys)
                prefixes += rest.prefixes
                slot = slot || rest.slot
                any = any || rest.any
            }
        }
    }

    init(_ rules: [ClaimRule]) {
        for (r, rule) in rules.enumerated() {
            for (p, pattern) in rule.patterns.enumerated() {
                let entry = Entry(rule: r, pattern: p)
                let first = FirstUnits(pattern.elements[...])
                if first.any { anyFirst.append(entry); continue }
                for key in first.keys { byKey[key, default: []].append(entry) }
                for prefix in first.prefixes { byPrefix.append((prefix, entry)) }
                if first.slot { slotFirst.append(entry) }
            }
        }
        for key in byKey.keys { byKey[key] = Array(Set(byKey[key]!)).sorted { ($0.rule, $0.pattern) < ($1.rule, $1.pattern) } }
    }

    /// The patterns that may match from unit `start`, in rule order.
    func candidates(at start: Int, in view: CommentView, model: ClaimModel) -> [Entry] {
        let key = view.units.units[start].key
        var result = byKey[key] ?? []
        // `byKey` lists are sorted and unique already: most units need no set and no sort.
        var merged = false
        for (prefix, entry) in byPrefix where key.utf8.starts(with: prefix.utf8) { result.append(entry); merged = true }
        if !slotFirst.isEmpty, view.mentionAt[start] != nil || model.cues.quoteMarks.contains(key)
            || model.cues.listFillers.longestMatch(in: view.units.units, from: start) != nil {
            result += slotFirst
            merged = true
        }
        if !anyFirst.isEmpty { result += anyFirst; merged = true }
        guard merged else { return result }
        // Sorted and unique without hashing (this runs at nearly every unit).
        result.sort { ($0.rule, $0.pattern) < ($1.rule, $1.pattern) }
        var unique: [Entry] = []
        unique.reserveCapacity(result.count)
        for entry in result where unique.last != entry { unique.append(entry) }
        return unique
    }
}

/// A successful pattern match: the units it spans, the units its required literals consumed and
/// what each slot held.
struct PatternMatch {
    var range: Range<Int>
    var required: [Int]
    var slots: [(slot: ClaimPattern.Slot, group: MentionGroup)]
}

/// Backtracking matcher of a pattern over one sentence's units.
struct PatternMatcher {
    let view: CommentView
    let model: ClaimModel
    let limit: Int

    private struct State {
        /// Units consumed by required literals (a handful: an array, not a set, since the
        /// state is copied at every step of the search).
        var required: [Int] = []
        var slots: [(slot: ClaimPattern.Slot, group: MentionGroup)] = []
    }

    func match(_ elements: [ClaimPattern.Element], from start: Int) -> PatternMatch? {
        guard let (end, state) = sequence(elements[...], at: start, State()) else { return nil }
        return PatternMatch(range: start..<end, required: state.required, slots: state.slots)
    }

    private func sequence(_ elements: ArraySlice<ClaimPattern.Element>, at position: Int, _ state: State) -> (Int, State)? {
        guard let element = elements.first else { return (position, state) }
        for (end, next) in one(element, at: position, state, required: true) {
            if let result = sequence(elements.dropFirst(), at: end, next) { return result }
        }
        return nil
    }

    /// Every way `element` can match at `position`, in order of preference.
    private func one(_ element: ClaimPattern.Element, at position: Int, _ state: State, required: Bool) -> [(Int, State)] {
        switch element {
        case .literal(let alternatives):
            var results: [(Int, State)] = []
            for alternative in alternatives {
                guard let length = literal(alternative, at: position) else { continue }
                var next = state
                if required { next.required += position..<(position + length) }
                results.append((position + length, next))
            }
            return results
        case .slot(let slot):
            guard let group = view.group(at: position, accepting: CommentView.accepted(by: slot), limit: limit, model: model) else { return [] }
            var next = state
            next.slots.append((slot, group))
            return [(group.units.upperBound, next)]
        case .gap(let maximum):
            var results: [(Int, State)] = [(position, state)]
            var end = position
            while end < limit, end - position < maximum, !view.clauseBreak[end] {
                end += 1
                results.append((end, state))
            }
            return results
        case .clauseStart:
            let isStart = position == limit || position == view.sentence(of: position).lowerBound || (position > 0 && view.clauseBreak[position - 1])
            return isStart ? [(position, state)] : []
        case .clauseEnd:
            var next = position
            while next < limit, !view.units.units[next].isWordLike, !view.clauseBreak[next] { next += 1 }
            return next == limit || view.clauseBreak[next] ? [(position, state)] : []
        case .notFollowedBy(let alternatives):
            return alternatives.contains { literal($0, at: position) != nil } ? [] : [(position, state)]
        case .notPrecededBy(let alternatives):
            let preceded = alternatives.contains { alternative in
                position >= alternative.count && literal(alternative, at: position - alternative.count) != nil
            }
            return preceded ? [] : [(position, state)]
        case .optional(let inner):
            return one(inner, at: position, state, required: false) + [(position, state)]
        }
    }

    private func literal(_ matchers: [ClaimPattern.UnitMatcher], at position: Int) -> Int? {
        guard position + matchers.count <= limit else { return nil }
        for (offset, matcher) in matchers.enumerated() where !matcher.matches(view.units.units[position + offset].key) { return nil }
        // A match must not start or end inside a Latin word (units are whole there) nor be a
        // coincidence of characters inside two ICU words.
        return view.units.isPlausibleMatch(position..<(position + matchers.count)) ? matchers.count : nil
    }
}
