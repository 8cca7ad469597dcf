/// Finds resellers no gazetteer lists, from the shape of their names and the words around them.
/// Every cue comes from `models/entities/seller-cues.tsv`.
struct SellerDiscovery {
    let model: EntityModel
    let text: TokenizedText
    let units: UnitText

    private var cues: SellerCues { model.sellerCues }

    /// Every discovered reseller (or gazetteer entity named by a domain, or a brand's own store).
    func candidates() -> [EntityRecognition.Candidate] {
        var result: [EntityRecognition.Candidate] = []
        for index in units.units.indices {
            let unit = units.units[index]
            switch unit.kind {
            case .word, .url:
                if unit.key.contains(".") || unit.kind == .url {
                    if let candidate = domain(at: index) { result.append(candidate) }
                } else if let candidate = suffixedName(at: index) ?? camelCaseName(at: index) {
                    result.append(candidate)
                }
            default:
                break
            }
        }
        result += hanSuffixedNames()
        result += quotedNames()
        result += contextNames()
        return result
    }

    /// A word's lookup key without a possessive `'s` ("Giztop's" → `giztop`).
    func stem(_ index: Int) -> String {
        cues.possessiveStem(units.units[index].key) ?? units.units[index].key
    }

    // MARK: - Names by their ending or shape

    /// `Xiaomiworld` (one word ending in a suffix, with at least three letters before it) or
    /// `Gadget Deals` (capitalised words followed by a capitalised suffix word).
    private func suffixedName(at index: Int) -> EntityRecognition.Candidate? {
        let key = stem(index)
        guard !cues.notNames.contains(key) else { return nil }
        for suffix in cues.suffixes {
            if key.count >= suffix.count + 3, key.hasSuffix(suffix), isNameLike(key) {
                return discovered(index..<(index + 1), finding: .nameSuffix)
            }
            if key == suffix, isCapitalized(index) {
                // Walk back over up to two capitalised words: "Trading Shenzhen Store".
                var start = index
                // A region's name may be part of a shop's ("Kestrel Global Store"); a brand's or
                // platform's name is not.
                while start > 0, index - start < 2, units.units[start - 1].kind == .word, isCapitalized(start - 1),
                      !cues.notNames.contains(units.units[start - 1].key), !isKnownAlias(start - 1, exceptRegions: true) {
                    start -= 1
                }
                // "official POCO Global Store": a brand's name before the capitalised words, and
                // the word before it with the suffix a brand-store cue ("official store"), make it
                // the brand's own store, as `华为商城` is for Han names. "Mi Fans Mart" stays a shop.
                if start > 1, units.units[start - 1].kind == .word,
                   let alias = model.brandAliases.value(forUnits: [units.units[start - 1].key]),
                   cues.references.value(forUnits: [units.units[start - 2].key, key]) == .brandStore {
                    return EntityRecognition.Candidate(units: (start - 2)..<(index + 1), kind: .brand, id: alias.brand, source: alias.source,
                                                       brandRole: .store, finding: .nameSuffix, priority: 3)
                }
                guard start < index else { return nil }
                // A product line's name opening the shop's is part of it: "Mi Fans Mart" is
                // `mifansmart`, not `fansmart` (the brand-store reading was ruled out above).
                if start > 0, index - start < 2, units.units[start - 1].kind == .word, isCapitalized(start - 1),
                   model.brandAliases.value(forUnits: [units.units[start - 1].key])?.role == .product {
                    start -= 1
                }
                let phrase = units.units[start...index].map(\.key).joined(separator: " ")
                guard !cues.notNames.contains(phrase) else { return nil }
                return discovered(start..<(index + 1), finding: .nameSuffix)
            }
        }
        return nil
    }

    /// A CamelCase word (`FoldHouse`, `PhoneLoopUK`), with up to two capitalised words after it
    /// that are no gazetteer alias (`TechBazaar Delhi`).
    private func camelCaseName(at index: Int) -> EntityRecognition.Candidate? {
        let key = stem(index)
        guard key.count >= 5, isCamelCase(index), isNameLike(key), !cues.notNames.contains(key), !isKnownAlias(index) else { return nil }
        var end = index + 1
        while end < units.count, end - index < 3, units.units[end].kind == .word, isCapitalized(end),
              !cues.notNames.contains(units.units[end].key), !isKnownAlias(end) || isShortCode(end), !units.units[end].key.contains("'"),
              units.units[end - 1].range.upperBound < units.units[end].range.lowerBound {
            end += 1
        }
        return discovered(index..<end, finding: .nameShape)
    }

    /// `小陈数码`: a Han suffix and the name characters before it, back to a stop character. A
    /// brand's name right before the suffix (`华为商城`, `魅族商城`) makes it the brand's own store.
    private func hanSuffixedNames() -> [EntityRecognition.Candidate] {
        var result: [EntityRecognition.Candidate] = []
        for index in units.units.indices {
            guard let match = cues.hanSuffixes.longestMatch(in: units.units, from: index) else { continue }
            var start = index
            while start > 0, index - start < 4, isNamePart(start - 1) { start -= 1 }
            // The name must hold Han characters: a Latin word before `3C` is not a Han name.
            guard start < index, (start..<index).contains(where: { units.units[$0].isHan }) else { continue }
            let end = index + match.length
            let brandHit = (start..<index).lazy.compactMap { from in
                (from + 1...index).lazy.compactMap { to in
                    self.model.brandAliases.value(forUnits: self.units.units[from..<to].map(\.key)).map { (from, $0) }
                }.first
            }.first
            // Quotation marks make the name the shop's own ("“荣耀优选数码”"), not the brand's store.
            let quoted = start > 0 && end < units.count && cues.quoteMarks.contains(units.units[start - 1].key)
                && cues.quoteMarks.contains(units.units[end].key)
            if !quoted, let (brandStart, alias) = brandHit {
                result.append(EntityRecognition.Candidate(units: brandStart..<end, kind: .brand, id: alias.brand, source: alias.source,
                                                          brandRole: .store, finding: .nameSuffix, priority: 3))
                continue
            }
            let range = start..<end
            guard !isNotName(range) else { continue }
            result.append(discovered(range, finding: .nameSuffix))
        }
        return result
    }

    /// A quoted name with Han characters next to a seller cue: `叫“小陈3C”的店`, `「港機坊」係`.
    private func quotedNames() -> [EntityRecognition.Candidate] {
        var result: [EntityRecognition.Candidate] = []
        var open: Int?
        for (index, unit) in units.units.enumerated() where cues.quoteMarks.contains(unit.key) {
            guard let start = open else { open = index; continue }
            open = nil
            let inner = (start + 1)..<index
            // Quotation marks make the name explicit: a brand's name inside it ("一加数码旗舰") is
            // part of the shop's name.
            guard (2...10).contains(inner.count), inner.allSatisfy({ units.units[$0].isWordLike }),
                  inner.contains(where: { units.units[$0].isHan }), !isNotName(inner, checkParts: false) else { continue }
            let before = cues.quoteBefore.contains { cue in start >= cue.count && matchesUnits(cue, at: start - cue.count) }
            let after = cues.quoteAfter.contains { cue in matchesUnits(cue, at: index + 1) }
            if before || after { result.append(discovered(inner, finding: .nameShape)) }
        }
        return result
    }

    // MARK: - Domains

    /// `dealsfromshenzhen.com` → `dealsfromshenzhen`; a URL's host likewise. A domain that is a
    /// platform's or a brand's alias names that platform or brand.
    private func domain(at index: Int) -> EntityRecognition.Candidate? {
        var host = units.units[index].key
        if let scheme = host.range(of: "://") { host = String(host[scheme.upperBound...]) }
        if let slash = host.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { host = String(host[..<slash]) }
        var labels = host.split(separator: ".").map(String.init)
        guard labels.count >= 2, let last = labels.last, cues.domainSuffixes.contains(last) else { return nil }
        while labels.count > 1, let last = labels.last, cues.domainSuffixes.contains(last) { labels.removeLast() }
        guard let stem = labels.last, !stem.isEmpty, !cues.notNames.contains(stem) else { return nil }
        let range = index..<(index + 1)
        if let entry = model.gazetteer.value(forUnits: [stem]), entry.kind != .region {
            return EntityRecognition.Candidate(units: range, kind: entry.kind, id: entry.id, source: entry.source,
                                               brandRole: nil, finding: .domain, priority: 1)
        }
        if let alias = model.brandAliases.value(forUnits: [stem]) {
            return EntityRecognition.Candidate(units: range, kind: .brand, id: alias.brand, source: alias.source,
                                               brandRole: .store, finding: .domain, priority: 1)
        }
        let id = SubjectName.normalize(stem)
        guard !id.isEmpty else { return nil }
        return EntityRecognition.Candidate(units: range, kind: .reseller, id: id, source: nil, brandRole: nil, finding: .domain, priority: 0)
    }

    // MARK: - Names by their context

    /// "bought from X", "X sells", "在X买的".
    private func contextNames() -> [EntityRecognition.Candidate] {
        var result: [EntityRecognition.Candidate] = []
        for index in units.units.indices {
            if let match = cues.before.longestMatch(in: units.units, from: index), let name = nameAfter(index + match.length) {
                result.append(discovered(name, finding: .sellerContext))
            }
            if cues.after.longestMatch(in: units.units, from: index) != nil, let name = nameBefore(index) {
                result.append(discovered(name, finding: .sellerContext))
            }
            if let match = cues.around.longestMatch(in: units.units, from: index) {
                let start = index + match.length
                if let name = nameBetween(from: start, closings: match.value) {
                    result.append(discovered(name, finding: .sellerContext))
                }
            }
        }
        return result
    }

    /// A capitalised Latin name (up to three words) starting at `start`.
    private func nameAfter(_ start: Int) -> Range<Int>? {
        guard start < units.count else { return nil }
        if units.units[start].kind == .word || units.units[start].kind == .number {
            var end = start
            while end < units.count, end - start < 3, isLatinNamePart(end), !isKnownAlias(end) || end == start || isShortCode(end) { end += 1 }
            guard end > start, !isNotName(start..<end) else { return nil }
            return start..<end
        }
        return nil
    }

    /// The name just before a cue at `cueStart`: capitalised Latin words, or Han characters with
    /// a Latin letter or digit among them (a bare Han stretch before `家` is too often a word).
    private func nameBefore(_ cueStart: Int) -> Range<Int>? {
        guard cueStart > 0 else { return nil }
        var start = cueStart
        if units.units[cueStart - 1].isHan || hasHanNeighbour(cueStart - 1) {
            while start > 0, cueStart - start < 6, isNamePart(start - 1) { start -= 1 }
            let range = start..<cueStart
            guard !range.isEmpty, range.contains(where: { !units.units[$0].isHan }), !isNotName(range) else { return nil }
            return range
        }
        while start > 0, cueStart - start < 3, isLatinNamePart(start - 1) { start -= 1 }
        let range = start..<cueStart
        guard !range.isEmpty, !isNotName(range) else { return nil }
        // A single capitalised word opening a sentence is as likely an ordinary word.
        if range.count == 1, isSentenceStart(range.lowerBound), !hasInnerCapitalOrDigit(range.lowerBound) { return nil }
        return range
    }

    /// The name between the two parts of an `around` cue: 1 to 8 units, quotation marks and
    /// trailing stop characters dropped (`在淘宝上买` → `淘宝`), no punctuation inside.
    private func nameBetween(from start: Int, closings: [[String]]) -> Range<Int>? {
        var end = start
        while end < units.count, end - start <= 10 {
            for closing in closings where matchesUnits(closing, at: end) && end > start {
                var lower = start, upper = end
                while lower < upper, cues.quoteMarks.contains(units.units[lower].key) { lower += 1 }
                while upper > lower, cues.quoteMarks.contains(units.units[upper - 1].key) || cues.nameStops.contains(units.units[upper - 1].key) { upper -= 1 }
                let range = lower..<upper
                guard range.count >= 2 || (range.count == 1 && !units.units[lower].isHan),
                      range.allSatisfy({ units.units[$0].isWordLike }),
                      !range.contains(where: { cues.nameStops.contains(units.units[$0].key) && units.units[$0].isHan }),
                      !isNotName(range) else { return nil }
                return range
            }
            guard units.units[end].isWordLike || cues.quoteMarks.contains(units.units[end].key) else { return nil }
            end += 1
        }
        return nil
    }

    // MARK: - Helpers

    private func discovered(_ range: Range<Int>, finding: EntityMention.Finding) -> EntityRecognition.Candidate {
        var keys = units.units[range].map(\.key)
        if let last = keys.last, let stem = cues.possessiveStem(last) { keys[keys.count - 1] = stem }
        return EntityRecognition.Candidate(units: range, kind: .reseller, id: SubjectName.normalize(keys.joined()), source: nil,
                                           brandRole: nil, finding: finding, priority: 0)
    }

    private func matchesUnits(_ sequence: [String], at start: Int) -> Bool {
        guard !sequence.isEmpty, start >= 0, start + sequence.count <= units.count else { return false }
        for (offset, key) in sequence.enumerated() where units.units[start + offset].key != key { return false }
        return true
    }

    /// Letters and digits only, at least one letter (`x1shop`, not `1234shop`).
    private func isNameLike(_ key: String) -> Bool {
        key.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ($0.value >= 0x30 && $0.value <= 0x39) }
            && key.unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    private func isCapitalized(_ index: Int) -> Bool {
        guard let first = text.slice(units.units[index].range).unicodeScalars.first else { return false }
        return first.properties.isUppercase
    }

    /// A lower-case letter followed by an upper-case one inside the word.
    private func isCamelCase(_ index: Int) -> Bool {
        var previousLower = false
        for scalar in text.slice(units.units[index].range).unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" { return false }
            if previousLower && scalar.properties.isUppercase { return true }
            previousLower = scalar.properties.isLowercase
        }
        return false
    }

    private func hasInnerCapitalOrDigit(_ index: Int) -> Bool {
        let scalars = Array(text.slice(units.units[index].range).unicodeScalars)
        return scalars.dropFirst().contains { $0.properties.isUppercase || ($0.value >= 0x30 && $0.value <= 0x39) }
    }

    private func isLatinNamePart(_ index: Int) -> Bool {
        let unit = units.units[index]
        guard unit.kind == .word || unit.kind == .number, !cues.notNames.contains(unit.key) else { return false }
        return isCapitalized(index) || hasInnerCapitalOrDigit(index) || unit.kind == .number
    }

    /// A two- or three-letter code in capitals (`EU`, `HK`, `UK`) right after a name: part of
    /// it ("MiDirect EU", "TechBridge HK"), though alone it names a region.
    private func isShortCode(_ index: Int) -> Bool {
        let original = text.slice(units.units[index].range)
        return (2...3).contains(original.count) && original.unicodeScalars.allSatisfy { $0.value >= 0x41 && $0.value <= 0x5A }
    }

    /// A word that is a brand, gazetteer or reference alias by itself.
    private func isKnownAlias(_ index: Int, exceptRegions: Bool = false) -> Bool {
        let key = stem(index)
        if let entry = model.gazetteer.value(forUnits: [key]), !(exceptRegions && entry.kind == .region) { return true }
        return model.brandAliases.value(forUnits: [key]) != nil
    }

    /// A Han character, Latin word or number that is not a stop character.
    private func isNamePart(_ index: Int) -> Bool {
        let unit = units.units[index]
        guard unit.isWordLike, !cues.nameStops.contains(unit.key) else { return false }
        return true
    }

    private func hasHanNeighbour(_ index: Int) -> Bool {
        index > 0 && units.units[index - 1].isHan && units.units[index - 1].range.upperBound == units.units[index].range.lowerBound
    }

    private func isSentenceStart(_ index: Int) -> Bool {
        units.sentences.contains { $0.lowerBound == index }
    }

    /// A name that is a not-name cue, or a gazetteer alias, brand alias or seller reference (those
    /// are found by their own tables).
    private func isNotName(_ range: Range<Int>, checkParts: Bool = true) -> Bool {
        let keys = units.units[range].map(\.key)
        if cues.notNames.contains(keys.joined(separator: " ")) || cues.notNames.contains(keys.joined()) { return true }
        if keys.count == 1, cues.notNames.contains(keys[0]) { return true }
        if model.gazetteer.value(forUnits: keys) != nil || model.brandAliases.value(forUnits: keys) != nil { return true }
        if cues.references.value(forUnits: keys) != nil { return true }
        // A Han stretch holding a region, platform, brand or seller reference ("欧洲基本",
        // "海外官网") is those words, not a shop's name.
        if checkParts, keys.count > 1, range.contains(where: { units.units[$0].isHan }) {
            for start in range {
                if model.gazetteer.longestMatch(in: units.units, from: start, limit: range.upperBound) != nil { return true }
                if cues.references.longestMatch(in: units.units, from: start, limit: range.upperBound) != nil { return true }
                for end in (start + 1)...range.upperBound where model.brandAliases.value(forUnits: units.units[start..<end].map(\.key)) != nil {
                    return true
                }
            }
        }
        return false
    }
}
