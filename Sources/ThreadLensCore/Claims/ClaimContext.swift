/// What claim extraction knows about one comment: its units, the mentions that can fill a slot
/// (entities plus seller references: brand stores, sellers in general, anaphors), clause
/// breaks, negators, hedges and the units quoted from other comments.
struct CommentView {
    /// The kind of a slot mention.
    enum MentionKind: Hashable {
        case reseller, platform, store, brand, generic, anaphor, region

        /// The subject kind this mention stands for (anaphors stand for whatever they resolve to).
        var subjectKind: SubjectKind? {
            switch self {
            case .reseller: return .reseller
            case .platform: return .platform
            case .store: return .store
            case .brand: return .brand
            case .generic: return .generic
            case .anaphor, .region: return nil
            }
        }
    }

    struct Mention: Hashable {
        var units: Range<Int>
        var kind: MentionKind
        /// The normalised id; `*` for sellers in general; empty for anaphors.
        var id: String
        /// A seller noun after a copula ("are all scalpers"): the predicate, never a subject.
        var isPredicate = false
    }

    let text: TokenizedText
    let units: UnitText
    var mentions: [Mention] = []
    /// The mention starting at each unit.
    var mentionAt = MentionStarts(count: 0)
    /// Units that end a clause.
    var clauseBreak: [Bool]
    /// Units that may negate (covered by a negator and by no not-negator or hedge phrase); the
    /// value is the index of the negator's first unit, so a multi-unit negator counts once.
    var negatorStart: [Int?]
    /// Units covered by a hedge cue.
    var hedge: [Bool]
    /// Units quoted from another comment: no claims from them.
    var excluded: [Bool]
    /// The word keys of the comment joined by spaces, for finding inline quotations of it.
    let flatWords: String
    /// The index of the sentence holding each unit.
    let sentenceOfUnit: [Int?]
    /// The first unit of each unit's clause (see `clauseStart(of:)`).
    private var clauseStarts: [Int] = []

    init(_ analyzed: AnalyzedComment, model: ClaimModel, brand: String?) {
        text = analyzed.text
        units = UnitText(analyzed.text)
        let count = units.count
        let cues = model.cues
        clauseBreak = Array(repeating: false, count: count)
        negatorStart = Array(repeating: nil, count: count)
        hedge = Array(repeating: false, count: count)
        excluded = Array(repeating: false, count: count)
        flatWords = units.units.filter(\.isWordLike).map(\.key).joined(separator: " ")
        var sentenceOfUnit = [Int?](repeating: nil, count: count)
        for (index, sentence) in units.sentences.enumerated() { for u in sentence { sentenceOfUnit[u] = index } }
        self.sentenceOfUnit = sentenceOfUnit

        for match in cues.clauseBreaks.scan(units, anywhere: true) { for u in match.units { clauseBreak[u] = true } }
        clauseStarts = Self.clauseStarts(clauseBreak: clauseBreak, sentenceOfUnit: sentenceOfUnit, sentences: units.sentences)
        var blocked = Array(repeating: false, count: count)
        for match in cues.notNegators.scan(units, anywhere: true) { for u in match.units { blocked[u] = true } }
        for match in cues.hedges.scan(units, anywhere: true) {
            for u in match.units {
                hedge[u] = true
                blocked[u] = true
            }
        }
        for match in cues.negators.scan(units, anywhere: true) where !match.units.contains(where: { blocked[$0] }) {
            for u in match.units { negatorStart[u] = match.units.lowerBound }
        }
        buildMentions(analyzed.entities, model: model, brand: brand)
        excludeQuoteLines(cues)
    }

    /// Entities and seller references, overlaps resolved longest first (entities win ties).
    private mutating func buildMentions(_ entities: [EntityMention], model: ClaimModel, brand: String?) {
        var candidates: [(mention: Mention, priority: Int)] = []
        for entity in entities {
            let range = entity.bytes.map { units.units(covering: $0) } ?? units.units(ofTokens: entity.tokens)
            guard !range.isEmpty else { continue }
            let kind: MentionKind
            switch entity.kind {
            case .brand: kind = entity.brandRole == .store ? .store : .brand
            case .reseller: kind = .reseller
            case .platform: kind = .platform
            case .region: kind = .region
            }
            candidates.append((Mention(units: range, kind: kind, id: entity.id), 1))
        }
        for match in model.entities.sellerCues.references.scan(units) {
            switch match.value {
            case .brandStore:
                guard let brand else { continue }
                candidates.append((Mention(units: match.units, kind: .store, id: brand), 0))
            case .generic:
                candidates.append((Mention(units: match.units, kind: .generic, id: "*"), 0))
            case .anaphor:
                candidates.append((Mention(units: match.units, kind: .anaphor, id: ""), 0))
            default:
                continue
            }
        }
        let ordered = candidates.sorted { a, b in
            if a.mention.units.count != b.mention.units.count { return a.mention.units.count > b.mention.units.count }
            if a.priority != b.priority { return a.priority > b.priority }
            return a.mention.units.lowerBound < b.mention.units.lowerBound
        }
        var occupancy = UnitOccupancy(count: units.count)
        let taken = ordered.filter { occupancy.take($0.mention.units) }.map(\.mention)
        mentions = taken.sorted { $0.units.lowerBound < $1.units.lowerBound }
        mergePlatformSellers()
        absorbPlatforms(model: model)
        markPredicates(model.cues)
        mentionAt = MentionStarts(count: units.count)
        for (index, mention) in mentions.enumerated() { mentionAt[mention.units.lowerBound] = index }
    }

    /// Joins adjacent mentions that name one seller: "an eBay seller" and "闲鱼卖家" (a platform
    /// before a seller noun) are the platform's seller; "小米官网" (a brand before the words for
    /// its own store) and "天猫一加官方旗舰店" (a platform before the brand's store) are the
    /// brand's own store.
    private mutating func mergePlatformSellers() {
        var merged: [Mention] = []
        for mention in mentions {
            if let last = merged.last, last.units.upperBound == mention.units.lowerBound {
                if mention.kind == .generic, last.kind == .platform {
                    merged[merged.count - 1].units = last.units.lowerBound..<mention.units.upperBound
                    continue
                }
                if mention.kind == .store, last.kind == .brand || last.kind == .platform {
                    var store = mention
                    store.units = last.units.lowerBound..<mention.units.upperBound
                    if last.kind == .brand { store.id = last.id }
                    merged[merged.count - 1] = store
                    continue
                }
            }
            merged.append(mention)
        }
        mentions = merged
    }

    /// "MiDirect EU on AliExpress", "拼多多上有个叫“X”的店": a platform named in the same sentence
    /// as a reseller, and not listed with it, is where the reseller sells, not a seller itself.
    private mutating func absorbPlatforms(model: ClaimModel) {
        let separators = model.entities.sellerCues.listSeparators.union(model.entities.sellerCues.weakListSeparators)
        mentions = mentions.filter { platform in
            guard platform.kind == .platform else { return true }
            let sentence = self.sentence(of: platform.units.lowerBound)
            return !mentions.contains { other in
                guard other.kind == .reseller, sentence.contains(other.units.lowerBound) else { return false }
                let between = other.units.lowerBound < platform.units.lowerBound
                    ? other.units.upperBound..<platform.units.lowerBound : platform.units.upperBound..<other.units.lowerBound
                guard between.count <= 8 else { return false }
                return !between.contains { separators.contains(units.units[$0].key) }
            }
        }
    }

    /// Seller nouns right after a copula (up to five units, no mention or clause break between)
    /// are predicates.
    private mutating func markPredicates(_ cues: ClaimCues) {
        let copulas = cues.copulas.scan(units, anywhere: true)
        for index in mentions.indices where mentions[index].kind == .generic {
            let start = mentions[index].units.lowerBound
            let previousEnd = index > 0 ? mentions[index - 1].units.upperBound : 0
            if copulas.contains(where: { $0.units.upperBound <= start && start - $0.units.upperBound <= 5 && $0.units.lowerBound >= previousEnd && !(($0.units.upperBound..<start).contains { clauseBreak[$0] }) }) {
                mentions[index].isPredicate = true
            }
        }
    }

    /// Lines that start with a quote-line cue (`> …`) quote another comment.
    private mutating func excludeQuoteLines(_ cues: ClaimCues) {
        guard !cues.quoteLines.isEmpty else { return }
        var offset = 0
        for line in text.text.split(separator: "\n", omittingEmptySubsequences: false) {
            let length = line.utf8.count
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if cues.quoteLines.contains(where: { trimmed.hasPrefix($0) }) {
                let bytes = offset..<(offset + length)
                for (u, unit) in units.units.enumerated() where bytes.contains(unit.range.lowerBound) { excluded[u] = true }
            }
            offset += length + 1
        }
    }

    /// Excludes inline quotations (between quote marks) whose words appear in `ancestors`.
    mutating func excludeInlineQuotes(of ancestors: [String], cues: ClaimCues) {
        guard !ancestors.isEmpty else { return }
        var open: Int?
        for (u, unit) in units.units.enumerated() where cues.quoteMarks.contains(unit.key) {
            guard let start = open else { open = u; continue }
            open = nil
            let inner = (start + 1)..<u
            let words = inner.filter { units.units[$0].isWordLike }.map { units.units[$0].key }
            guard words.count >= cues.minQuoteWords else { continue }
            let phrase = words.joined(separator: " ")
            if ancestors.contains(where: { $0.contains(phrase) }) {
                for i in inner { excluded[i] = true }
            }
        }
    }

    // MARK: - Structure

    /// The sentence (unit range) holding unit `index`.
    func sentence(of index: Int) -> Range<Int> {
        guard index >= 0, index < sentenceOfUnit.count, let sentence = sentenceOfUnit[index] else { return 0..<units.count }
        return units.sentences[sentence]
    }

    /// The first unit of the clause holding unit `index`.
    func clauseStart(of index: Int) -> Int {
        if index >= 0, index < clauseStarts.count { return clauseStarts[index] }
        let sentence = sentence(of: index)
        var start = index
        while start > sentence.lowerBound, !clauseBreak[start - 1] { start -= 1 }
        return start
    }

    /// For each unit, the first unit of its clause: after the last clause break before it in its
    /// sentence, or the sentence start. Computed once, since claims ask for every match.
    private static func clauseStarts(clauseBreak: [Bool], sentenceOfUnit: [Int?], sentences: [Range<Int>]) -> [Int] {
        var starts = Array(repeating: 0, count: clauseBreak.count)
        for index in starts.indices {
            let sentenceStart = sentenceOfUnit[index].map { sentences[$0].lowerBound } ?? 0
            if index == 0 || index == sentenceStart || clauseBreak[index - 1] {
                starts[index] = index
            } else {
                starts[index] = max(starts[index - 1], sentenceStart)
            }
        }
        return starts
    }

    /// The index of the mention covering unit `index`.
    func mention(covering index: Int) -> Int? {
        let candidate = mentionsEnding(atOrBefore: index)
        return candidate < mentions.count && mentions[candidate].units.contains(index) ? candidate : nil
    }

    /// The number of mentions that end at or before unit `position`: mentions are in text order
    /// and do not overlap, so they are the first ones, found by binary search (a long comment
    /// holds thousands of mentions and every claim asks).
    func mentionsEnding(atOrBefore position: Int) -> Int {
        mentions.partitionPoint { $0.units.upperBound > position }
    }
}

/// A list of mentions filling one slot ("Xiaomiworld and Xiaomishop").
struct MentionGroup: Hashable {
    var members: [Int]
    /// The units the slot consumed (quotes and "etc" included).
    var units: Range<Int>
}

extension CommentView {
    /// The mention kinds a slot accepts.
    static func accepted(by slot: ClaimPattern.Slot) -> Set<MentionKind> {
        switch slot {
        case .seller: return sellerKinds
        case .reseller: return resellerKinds
        case .brand: return brandKinds
        case .party: return partyKinds
        case .region: return regionKinds
        }
    }
    private static let sellerKinds: Set<MentionKind> = [.reseller, .platform, .store, .generic, .anaphor]
    private static let resellerKinds: Set<MentionKind> = [.reseller, .platform, .anaphor]
    private static let brandKinds: Set<MentionKind> = [.brand, .store, .anaphor]
    private static let partyKinds: Set<MentionKind> = [.reseller, .platform, .store, .brand, .generic, .anaphor]
    private static let regionKinds: Set<MentionKind> = [.region]

    /// The list of accepted mentions starting at `start` (quote marks skipped around names, list
    /// separators between them, a list end after them), within `limit`.
    func group(at start: Int, accepting kinds: Set<MentionKind>, limit: Int, model: ClaimModel) -> MentionGroup? {
        let strong = model.entities.sellerCues.listSeparators
        let weak = model.entities.sellerCues.weakListSeparators
        let quotes = model.cues.quoteMarks
        func skipQuotes(_ p: Int) -> Int {
            var q = p
            while q < limit, quotes.contains(units.units[q].key) { q += 1 }
            return q
        }
        var position = skipQuotes(start)
        if let filler = model.cues.listFillers.longestMatch(in: units.units, from: position, limit: limit), mentionAt[position + filler.length] != nil {
            position = skipQuotes(position + filler.length)
        }
        guard position < limit, let first = mentionAt[position], kinds.contains(mentions[first].kind),
              mentions[first].units.upperBound <= limit else { return nil }
        var members = [first]
        var end = mentions[first].units.upperBound
        var sawStrong = false
        while true {
            position = skipQuotes(end)
            var separated = false, strongHere = false
            while position < limit, strong.contains(units.units[position].key) || weak.contains(units.units[position].key) {
                separated = true
                if strong.contains(units.units[position].key) { strongHere = true }
                position = skipQuotes(position + 1)
                // "India, the US and most of Europe".
                if separated, let filler = model.cues.listFillers.longestMatch(in: units.units, from: position, limit: limit) {
                    position = skipQuotes(position + filler.length)
                }
            }
            guard separated, position < limit, let next = mentionAt[position], kinds.contains(mentions[next].kind),
                  mentions[next].units.upperBound <= limit else { break }
            members.append(next)
            sawStrong = sawStrong || strongHere
            end = mentions[next].units.upperBound
        }
        // A closing quote and "etc" belong to the list.
        var closed = skipQuotes(end)
        var sawEnd = false
        if closed < limit, let listEnd = model.cues.listEnds.longestMatch(in: units.units, from: closed, limit: limit) {
            closed = skipQuotes(closed + listEnd.length)
            sawEnd = true
        }
        // "Germany, UK left waiting": commas alone make a list only when it ends in "etc" or
        // sits in quotation marks.
        let quotedList = skipQuotes(start) > start && skipQuotes(end) > end
        if members.count > 1, !sawStrong, !sawEnd, !quotedList {
            members = [first]
            closed = skipQuotes(mentions[first].units.upperBound)
        }
        return MentionGroup(members: members, units: start..<closed)
    }

    /// The list holding mention `index` (its neighbours joined to it by list separators), limited
    /// to mentions of `kinds`.
    func groupContaining(_ index: Int, kinds: Set<MentionKind>, model: ClaimModel) -> [Int] {
        let strong = model.entities.sellerCues.listSeparators
        let weak = model.entities.sellerCues.weakListSeparators
        let quotes = model.cues.quoteMarks
        /// 0: not joined, 1: joined by a weak separator only, 2: joined by a strong one.
        func joined(_ left: Int, _ right: Int) -> Int {
            let between = mentions[left].units.upperBound..<mentions[right].units.lowerBound
            guard !between.isEmpty else { return 0 }
            var result = 0
            for u in between {
                let key = units.units[u].key
                if strong.contains(key) { result = 2 } else if weak.contains(key) { result = max(result, 1) } else if !quotes.contains(key) { return 0 }
            }
            return result
        }
        var lower = index, upper = index
        var sawStrong = false
        while lower > 0, kinds.contains(mentions[lower - 1].kind), !mentions[lower - 1].isPredicate, case let j = joined(lower - 1, lower), j > 0 {
            sawStrong = sawStrong || j == 2
            lower -= 1
        }
        while upper + 1 < mentions.count, kinds.contains(mentions[upper + 1].kind), !mentions[upper + 1].isPredicate, case let j = joined(upper, upper + 1), j > 0 {
            sawStrong = sawStrong || j == 2
            upper += 1
        }
        if lower < upper, !sawStrong {
            var after = mentions[upper].units.upperBound
            while after < units.count, quotes.contains(units.units[after].key) { after += 1 }
            if model.cues.listEnds.longestMatch(in: units.units, from: after) == nil { return [index] }
        }
        return Array(lower...upper)
    }
}

/// The mention starting at each unit, by unit index: an array rather than a dictionary, since
/// pattern matching asks at nearly every unit and hashing an `Int` costs more than the lookup.
struct MentionStarts {
    private var index: [Int32]

    init(count: Int) { index = Array(repeating: -1, count: count) }

    subscript(unit: Int) -> Int? {
        get { unit >= 0 && unit < index.count && index[unit] >= 0 ? Int(index[unit]) : nil }
        set {
            guard unit >= 0 else { return }
            if unit >= index.count { index += Array(repeating: -1, count: unit + 1 - index.count) }
            index[unit] = newValue.map(Int32.init) ?? -1
        }
    }
}
