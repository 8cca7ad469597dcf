/// Finds brands, resellers, platform sellers and regions in every comment: gazetteer aliases,
/// plus resellers nobody listed, discovered from their names (`Xiaomiworld`, `Gadget Deals`,
/// `dealsfromshenzhen.com`, `小陈数码`) or their context ("bought from X", "X sells", "在X买的").
/// A thread-level pass then meets spelling variants and typos with names seen elsewhere in the
/// thread or in the gazetteer, so every spelling of one shop gets one id.
public struct EntityRecognition: AnalysisStage {
    public let model: EntityModel
    public init(model: EntityModel) { self.model = model }

    public var name: String { "EntityRecognition" }
    public var reads: Set<AnalysisField> { [.tokens] }
    public var writes: Set<AnalysisField> { [.entities] }

    public func apply(to thread: inout AnalyzedThread) {
        var found: [[Candidate]] = []
        var unitTexts: [UnitText] = []
        for analyzed in thread.comments {
            let units = UnitText(analyzed.text)
            unitTexts.append(units)
            found.append(recognize(analyzed.text, units))
        }
        meetSpellings(&found, texts: thread.comments.map(\.text), units: unitTexts)
        for index in thread.comments.indices {
            let units = unitTexts[index]
            thread.comments[index].entities = found[index].map { candidate in
                EntityMention(kind: candidate.kind, id: candidate.id, tokens: units.tokens(of: candidate.units),
                              source: candidate.source, bytes: units.bytes(of: candidate.units),
                              brandRole: candidate.brandRole, finding: candidate.finding)
            }
        }
    }

    /// A mention before overlaps are resolved.
    struct Candidate {
        var units: Range<Int>
        var kind: EntityKind
        var id: String
        var source: SourceLocation?
        var brandRole: BrandAlias.Role?
        var finding: EntityMention.Finding
        /// Breaks ties between candidates of equal length: gazetteer entries win over discoveries.
        var priority: Int
    }

    /// Every mention in one comment, non-overlapping, in text order.
    func recognize(_ text: TokenizedText, _ units: UnitText) -> [Candidate] {
        var candidates: [Candidate] = []
        for match in model.brandAliases.matches(in: text.tokens) {
            let alias = match.value
            candidates.append(Candidate(units: units.units(ofTokens: match.tokens), kind: .brand, id: alias.brand,
                                        source: alias.source, brandRole: alias.role, finding: .gazetteer,
                                        priority: alias.role == .store ? 4 : 2))
        }
        // Han aliases split across tokens ("真|我的"), held to the gazetteer's plausibility test.
        for match in model.hanBrandAliases.scan(units) {
            let alias = match.value
            candidates.append(Candidate(units: match.units, kind: .brand, id: alias.brand, source: alias.source,
                                        brandRole: alias.role, finding: .gazetteer, priority: alias.role == .store ? 4 : 2))
        }
        candidates += gazetteerMatches(text, units)
        candidates += possessiveMatches(units)
        candidates += SellerDiscovery(model: model, text: text, units: units).candidates()
        return Self.resolveOverlaps(candidates)
    }

    /// Reseller, platform and region aliases, with `exact` spellings checked against the text
    /// and region prefixes ("outside of") folded with the regions after them.
    func gazetteerMatches(_ text: TokenizedText, _ units: UnitText) -> [Candidate] {
        var result: [Candidate] = []
        var index = 0
        while index < units.count {
            let matches = model.gazetteer.matches(in: units.units, from: index).reversed().filter { match in
                let range = index..<(index + match.length)
                guard units.isPlausibleMatch(range) else { return false }
                if let exact = match.value.exactSpelling { return text.slice(units.bytes(of: range)) == exact }
                return true
            }
            guard let match = matches.first else { index += 1; continue }
            let entry = match.value
            var range = index..<(index + match.length)
            if entry.isPrefix {
                // "outside China and India": the prefix takes the list of regions after it.
                let list = regionList(after: range.upperBound, text, units)
                guard list > range.upperBound else { index += 1; continue }
                range = range.lowerBound..<list
            }
            result.append(Candidate(units: range, kind: entry.kind, id: entry.id, source: entry.source, brandRole: nil,
                                    finding: .gazetteer, priority: entry.kind == .region ? 1 : 3))
            index = range.upperBound
        }
        return result
    }

    /// The end of the coordinated list of regions starting at `start` ("China and India"), or
    /// `start` when no region starts there.
    private func regionList(after start: Int, _ text: TokenizedText, _ units: UnitText) -> Int {
        var end = start
        var position = start
        while position < units.count {
            guard let match = model.gazetteer.longestMatch(in: units.units, from: position),
                  match.value.kind == .region, !match.value.isPrefix else { break }
            if let exact = match.value.exactSpelling, text.slice(units.bytes(of: position..<(position + match.length))) != exact { break }
            end = position + match.length
            // Continue over one separator ("and", ",", "和", "、").
            guard end < units.count else { break }
            let next = units.units[end]
            if model.sellerCues.listSeparators.contains(next.key) || model.sellerCues.weakListSeparators.contains(next.key) { position = end + 1 } else { break }
        }
        return end
    }

    /// Longest first; at equal length the higher priority; then the earlier one.
    static func resolveOverlaps(_ candidates: [Candidate]) -> [Candidate] {
        let ordered = candidates.filter { !$0.units.isEmpty }.sorted { a, b in
            if a.units.count != b.units.count { return a.units.count > b.units.count }
            if a.priority != b.priority { return a.priority > b.priority }
            return a.units.lowerBound < b.units.lowerBound
        }
        var occupancy = UnitOccupancy(count: ordered.map(\.units.upperBound).max() ?? 0)
        let taken = ordered.filter { occupancy.take($0.units) }
        return taken.sorted { $0.units.lowerBound < $1.units.lowerBound }
    }

    /// The stem of a possessive word key (`giztop's` → `giztop`, by the `possessive` endings of
    /// `seller-cues.tsv`), or `nil`.
    func possessiveStem(_ key: String) -> String? {
        model.sellerCues.possessiveStem(key)
    }

    /// Brand and gazetteer names in the possessive ("Xiaomi’s", "Giztop's"): ICU keeps the
    /// apostrophe inside the word, so the aliases alone do not match.
    func possessiveMatches(_ units: UnitText) -> [Candidate] {
        var result: [Candidate] = []
        for (index, unit) in units.units.enumerated() where unit.kind == .word {
            guard let stem = possessiveStem(unit.key) else { continue }
            let range = index..<(index + 1)
            if let alias = model.brandAliases.value(forUnits: [stem]) {
                result.append(Candidate(units: range, kind: .brand, id: alias.brand, source: alias.source, brandRole: alias.role,
                                        finding: .gazetteer, priority: alias.role == .store ? 4 : 2))
            } else if let entry = model.gazetteer.value(forUnits: [stem]), !entry.isPrefix, entry.exactSpelling == nil {
                result.append(Candidate(units: range, kind: entry.kind, id: entry.id, source: entry.source, brandRole: nil,
                                        finding: .gazetteer, priority: entry.kind == .region ? 1 : 3))
            }
        }
        return result
    }

    /// How established a name is: listed, from a domain, or found some other way.
    private static func strength(_ candidate: Candidate) -> Int {
        switch candidate.finding {
        case .gazetteer: return 3
        case .domain: return 2
        default: return 1
        }
    }

    /// Meets spelling variants with one id across the thread. A discovered name takes another
    /// name of the thread (or of the gazetteer) when it is a typo or two away from it and that
    /// name is more established (more mentions, or a listed or domain name on a tie), or when it
    /// is the start of a longer name (`PacificWave` → `pacificwavemobile`). Then words and Han
    /// spans no cue marked become mentions of a thread name they spell, exactly or with a typo.
    func meetSpellings(_ found: inout [[Candidate]], texts: [TokenizedText], units: [UnitText]) {
        var counts: [String: Int] = [:]
        var strengths: [String: Int] = [:]
        // Order of first mention: on a tie, a typo takes the spelling the thread used first.
        var firstSeen: [String: Int] = [:]
        for candidates in found {
            for candidate in candidates where candidate.kind == .reseller || candidate.kind == .platform {
                if firstSeen[candidate.id] == nil { firstSeen[candidate.id] = firstSeen.count }
                counts[candidate.id, default: 0] += 1
                strengths[candidate.id] = max(strengths[candidate.id] ?? 0, Self.strength(candidate))
            }
        }
        // A Han name found by its suffix that ends with a name found another way ("據說港機坊"
        // with "港機坊" quoted elsewhere) is that name with a word before it.
        let otherNames = Set(found.flatMap { $0 }.filter { $0.kind == .reseller }.map(\.id))
        for c in found.indices {
            for m in found[c].indices where found[c][m].kind == .reseller && found[c][m].finding == .nameSuffix {
                let id = found[c][m].id
                guard let shorter = otherNames.filter({ $0 != id && $0.count >= 2 && id.hasSuffix($0) }).max(by: { $0.count < $1.count }) else { continue }
                let drop = id.count - shorter.count
                let range = found[c][m].units
                if range.count > drop, range.count - drop == shorter.count {
                    counts[id, default: 1] -= 1
                    counts[shorter, default: 0] += 1
                    found[c][m].units = (range.lowerBound + drop)..<range.upperBound
                    found[c][m].id = shorter
                }
            }
        }
        counts = counts.filter { $0.value > 0 }
        let known = Set(model.knownSellers.keys)
        for id in known { strengths[id] = 3 }
        let names = Set(counts.keys).union(known)
        var canonical: [String: String] = [:]
        for (name, count) in counts where model.knownSellers[name] == nil {
            let strength = strengths[name] ?? 1
            var best: (name: String, distance: Int, rank: (Int, Int))?
            for other in names where other != name {
                let rank = (counts[other] ?? 0, strengths[other] ?? 1)
                let isPrefix = name.count >= 5 && other.hasPrefix(name) && name.count * 5 >= other.count * 3
                let allowed = SubjectName.allowedTypos(forLength: min(name.count, other.count))
                let distance = isPrefix ? 0 : SubjectName.distance(name, other, limit: allowed)
                let earlier = rank == (count, strength) && (firstSeen[other] ?? Int.max) < (firstSeen[name] ?? Int.max)
                guard isPrefix || (allowed > 0 && distance <= allowed && (rank > (count, strength) || earlier)) else { continue }
                if best == nil || distance < best!.distance || (distance == best!.distance && rank > best!.rank) {
                    best = (other, distance, rank)
                }
            }
            if let best { canonical[name] = best.name }
        }
        // Follow chains (a → b → c) to their end.
        func resolve(_ name: String) -> String {
            var current = name
            var seen: Set<String> = [name]
            while let next = canonical[current], seen.insert(next).inserted { current = next }
            return current
        }
        for c in found.indices {
            for m in found[c].indices where found[c][m].kind == .reseller && canonical[found[c][m].id] != nil {
                let target = resolve(found[c][m].id)
                found[c][m].id = target
                found[c][m].kind = model.knownSellers[target] ?? .reseller
                found[c][m].finding = .threadSpelling
            }
        }
        let threadNames = Set(found.flatMap { $0 }.filter { $0.kind == .reseller || $0.kind == .platform }.map(\.id))
        guard !threadNames.isEmpty else { return }
        let latinNames = threadNames.filter { name in name.unicodeScalars.allSatisfy { $0.isASCII } && name.count >= 4 }
        var hanNames = UnitTrie<String>()
        let hanList = threadNames.filter { name in name.unicodeScalars.contains { SubjectName.isHan($0) } && name.count >= 2 }
        for name in hanList { hanNames.insert(units: name.map { String($0) }, value: name) }
        for c in found.indices {
            let unitText = units[c]
            var covered = Array(repeating: false, count: unitText.count)
            for candidate in found[c] { for u in candidate.units { covered[u] = true } }
            var added: [Candidate] = []
            func add(_ range: Range<Int>, _ name: String) {
                guard !range.contains(where: { covered[$0] }) else { return }
                for u in range { covered[u] = true }
                added.append(Candidate(units: range, kind: model.knownSellers[name] ?? .reseller, id: name, source: nil,
                                       brandRole: nil, finding: .threadSpelling, priority: 0))
            }
            // Latin: one word, or two capitalised words ("Harboursid Mobiles").
            for u in unitText.units.indices where unitText.units[u].kind == .word && !covered[u] {
                let key = possessiveStem(unitText.units[u].key) ?? unitText.units[u].key
                guard !model.sellerCues.notNames.contains(key), key.count >= 4 else { continue }
                if let name = spelledName(SubjectName.normalize(key), in: latinNames) { add(u..<(u + 1), name); continue }
                if u + 1 < unitText.count, unitText.units[u + 1].kind == .word, !covered[u + 1],
                   isCapitalized(texts[c], unitText.units[u]), isCapitalized(texts[c], unitText.units[u + 1]),
                   let name = spelledName(SubjectName.normalize(key + unitText.units[u + 1].key), in: latinNames) {
                    add(u..<(u + 2), name)
                }
            }
            // Han: exact spans, then spans of four or more characters one typo away.
            for match in hanNames.scan(unitText) { add(match.units, match.value) }
            for name in hanList where name.count >= 4 {
                let length = name.count
                guard unitText.count >= length else { continue }
                for start in 0...(unitText.count - length) {
                    let range = start..<(start + length)
                    guard range.allSatisfy({ unitText.units[$0].isHan && !covered[$0] }) else { continue }
                    let span = unitText.units[range].map(\.key).joined()
                    if SubjectName.distance(span, name, limit: 1) == 1 { add(range, name) }
                }
            }
            if !added.isEmpty { found[c] = (found[c] + added).sorted { $0.units.lowerBound < $1.units.lowerBound } }
        }
    }

    /// The thread name `key` spells: exactly, with one typo (seven letters or more), or as the
    /// start of a longer name (see `meetSpellings`).
    private func spelledName(_ key: String, in names: Set<String>) -> String? {
        if names.contains(key) { return key }
        let typos = key.count >= 7 ? names.filter { SubjectName.distance(key, $0, limit: 1) <= 1 } : []
        if typos.count == 1 { return typos.first }
        let prefixes = key.count >= 5 ? names.filter { $0.hasPrefix(key) && key.count * 5 >= $0.count * 3 } : []
        return prefixes.count == 1 ? prefixes.first : nil
    }

    private func isCapitalized(_ text: TokenizedText, _ unit: TextUnit) -> Bool {
        text.slice(unit.range).unicodeScalars.first?.properties.isUppercase ?? false
    }
}

/// Decides which brand the thread is about: the `--brand` option, else the brand named most in
/// the title and article (counted double), then in the comments.
public struct BrandDetection: AnalysisStage {
    public let model: EntityModel
    public let forcedBrand: String?
    public init(model: EntityModel, forcedBrand: String?) {
        self.model = model
        self.forcedBrand = forcedBrand
    }

    public var name: String { "BrandDetection" }
    public var reads: Set<AnalysisField> { [.entities] }
    public var writes: Set<AnalysisField> { [.brand] }

    public func apply(to thread: inout AnalyzedThread) {
        if let forcedBrand {
            thread.brand = forcedBrand
            return
        }
        var counts: [String: Int] = [:]
        for analyzed in thread.comments {
            let weight = analyzed.comment.isArticle ? 2 : 1
            for mention in analyzed.entities where mention.kind == .brand { counts[mention.id, default: 0] += weight }
        }
        // Ties go to the brand listed first in the gazetteer, so the choice is deterministic.
        thread.brand = counts.max { a, b in
            a.value != b.value ? a.value < b.value : (model.brands.firstIndex(of: a.key) ?? .max) > (model.brands.firstIndex(of: b.key) ?? .max)
        }?.key
    }
}
