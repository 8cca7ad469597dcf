/// Gazetteers and seller cues: brands and their aliases in every script (`models/brands.tsv`),
/// known resellers, platform sellers and regions (`models/entities/*.tsv`), and the cues that
/// find resellers nobody listed (name suffixes, domains, "bought from X", "在X买的").

/// The kind of a named thing the pipeline recognises.
public enum EntityKind: String, Hashable, Sendable, CaseIterable {
    case brand, reseller, platform, region
}

/// A recognised mention: the entity's normalised id (`xiaomi`, `xiaomiworld`, `EU`) and the
/// tokens it covers.
public struct EntityMention: Hashable, Sendable {
    /// How a mention was found: from a gazetteer, or discovered in the text.
    public enum Finding: String, Hashable, Sendable, CaseIterable {
        /// An alias in one of the gazetteers.
        case gazetteer
        /// A name ending in a seller suffix (`Xiaomiworld`, `Gadget Deals`, `小陈数码`).
        case nameSuffix
        /// A domain name (`dealsfromshenzhen.com`) or the host of a URL.
        case domain
        /// A name next to a seller cue ("bought from X", "在X买的").
        case sellerContext
        /// A name by its shape: a CamelCase word (`FoldHouse`), or a quoted Han name next to a
        /// seller cue (`叫“小陈3C”的店`).
        case nameShape
        /// A spelling variant or typo of a name seen elsewhere in the thread.
        case threadSpelling
    }

    public var kind: EntityKind
    public var id: String
    public var tokens: Range<Int>
    /// The gazetteer entry that matched, when one did.
    public var source: SourceLocation?
    /// The exact UTF-8 byte range of the mention (a Han name may start or end inside an ICU word).
    public var bytes: Range<Int>?
    /// For brand mentions: what the alias denotes (the brand, a product, the brand's own store).
    public var brandRole: BrandAlias.Role?
    public var finding: Finding

    public init(kind: EntityKind, id: String, tokens: Range<Int>, source: SourceLocation? = nil,
                bytes: Range<Int>? = nil, brandRole: BrandAlias.Role? = nil, finding: Finding = .gazetteer) {
        self.kind = kind
        self.id = id
        self.tokens = tokens
        self.source = source
        self.bytes = bytes
        self.brandRole = brandRole
        self.finding = finding
    }
}

/// One alias of a brand: which brand, what the alias denotes, and where it is defined.
public struct BrandAlias: Hashable, Sendable {
    public enum Role: String, Hashable, Sendable, CaseIterable {
        /// The brand's own name (`Xiaomi`, `小米`).
        case name
        /// A product line, product or software of the brand (`Redmi`, `Mi4`, `MIUI`).
        case product
        /// The brand's own store (`Mi Store`, `小米之家`, `小米官方旗舰店`).
        case store
    }
    public var brand: String
    public var role: Role
    public var source: SourceLocation
}

/// One alias of a reseller, platform or region.
public struct GazetteerEntry: Hashable, Sendable {
    public var kind: EntityKind
    /// The normalised id (`gearbest`, `京东自营`, `EU`).
    public var id: String
    /// When set, the alias matches only where the text has exactly this spelling (`US`, not `us`).
    public var exactSpelling: String?
    /// For regions: the alias is a prefix ("outside of") that turns the regions after it into
    /// this region (`outside China and India` → `INTL`).
    public var isPrefix: Bool
    public var source: SourceLocation
}

/// A seller cue from `models/entities/seller-cues.tsv`.
public struct SellerCue: Hashable, Sendable {
    /// What the cue says about the words around it.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A Latin name ending (`shop`, `world`): `Xiaomiworld`, `Gadget Deals`.
        case suffix
        /// A Han name ending (`数码`, `商城`): `小陈数码`.
        case hanSuffix = "han-suffix"
        /// A name follows it: "bought from X".
        case before
        /// A name precedes it: "X sells".
        case after
        /// A name sits between its two parts: "在 X 买".
        case around
        /// A word that is never a seller's name though it looks like one (`webshop`, `They`).
        case notName = "not-name"
        /// A character that ends a Han name when reading backwards from a suffix (`在`, `的`).
        case nameStop = "name-stop"
        /// A top-level or second-level domain label (`com`, `co`): dropped from domain names.
        case domainSuffix = "domain-suffix"
        /// The brand's own store without its name (`official store`, `旗舰店`, `官网`).
        case brandStore = "brand-store"
        /// Sellers in general or unnamed (`scalpers`, `黄牛`): subject `*`.
        case generic
        /// A reference to sellers named before (`they`, `those shops`, `他家`).
        case anaphor
        /// A word joining the names of a list ("and", "和", "、").
        case listSeparator = "list-separator"
        /// A possessive ending ICU keeps inside the word ("'s": "Xiaomi's" is a mention of Xiaomi).
        case possessive
        /// A mark joining a list only when the list also has a strong separator or a list end
        /// (",": "Poland, Spain and Italy", but not "Germany, UK left waiting").
        case weakListSeparator = "weak-list-separator"
        /// A quotation mark around a quoted name.
        case quoteMark = "quote-mark"
        /// Just before a quoted Han name, makes it a seller's name ("叫“小陈3C”").
        case quoteBefore = "quote-before"
        /// Just after a quoted Han name, makes it a seller's name ("「港機坊」係").
        case quoteAfter = "quote-after"
    }
    public var kind: Kind
    public var units: [String]
    /// The second part of an `around` cue ("买" in "在 X 买").
    public var closing: [String]
    public var source: SourceLocation
}

/// The cue lists of `seller-cues.tsv`, ready for matching.
public struct SellerCues: Sendable {
    public var suffixes: [String] = []
    public var hanSuffixes = UnitTrie<SourceLocation>()
    public var before = UnitTrie<SourceLocation>()
    public var after = UnitTrie<SourceLocation>()
    /// Opening part → the closing parts it pairs with.
    public var around = UnitTrie<[[String]]>()
    public var notNames: Set<String> = []
    public var nameStops: Set<String> = []
    public var domainSuffixes: Set<String> = []
    /// Single-unit words and marks that join a list of names.
    public var listSeparators: Set<String> = []
    /// Separators that join a list only with a strong separator or list end in it (",").
    public var weakListSeparators: Set<String> = []
    public var quoteMarks: Set<String> = []
    /// Possessive endings, longest first.
    public var possessives: [String] = []
    public var quoteBefore: [[String]] = []
    public var quoteAfter: [[String]] = []
    /// Brand-store phrases, generic seller phrases and anaphors, by kind.
    public var references = UnitTrie<SellerCue.Kind>()

    public init() {}

    /// The stem of a word key with a possessive ending (`giztop's` → `giztop`), or `nil`.
    public func possessiveStem(_ key: String) -> String? {
        for ending in possessives where key.count > ending.count + 1 && key.hasSuffix(ending) {
            return String(key.dropLast(ending.count))
        }
        return nil
    }
}

/// The gazetteers and seller cues.
public struct EntityModel: Sendable {
    /// Every brand alias, matched by longest match over lookup units.
    public var brandAliases: PhraseTable<BrandAlias>
    /// The Han brand aliases again, matched inside tokens too: ICU cuts `真我的` as `真|我的`,
    /// which the token-bounded `brandAliases` cannot see.
    public var hanBrandAliases: UnitTrie<BrandAlias> = UnitTrie()
    /// Brand ids in file order.
    public var brands: [String]
    /// Reseller, platform and region aliases (unit-level longest match).
    public var gazetteer: UnitTrie<GazetteerEntry>
    /// Known reseller and platform ids (normalised), for meeting typos with them.
    public var knownSellers: [String: EntityKind]
    public var sellerCues: SellerCues

    public init(brandAliases: PhraseTable<BrandAlias> = PhraseTable(), brands: [String] = [],
                gazetteer: UnitTrie<GazetteerEntry> = UnitTrie(), knownSellers: [String: EntityKind] = [:],
                sellerCues: SellerCues = SellerCues()) {
        self.brandAliases = brandAliases
        self.brands = brands
        self.gazetteer = gazetteer
        self.knownSellers = knownSellers
        self.sellerCues = sellerCues
    }

    /// Loads `brands.tsv` and the files under `entities/`.
    public static func load(_ loader: inout ModelLoader) -> EntityModel {
        var model = EntityModel()
        model.loadBrands(&loader)
        var seen: [String: SourceLocation] = [:]
        model.loadSellers("entities/resellers.tsv", format: "reseller-gazetteer", kind: .reseller, seen: &seen, &loader)
        model.loadSellers("entities/platforms.tsv", format: "platform-gazetteer", kind: .platform, seen: &seen, &loader)
        model.loadRegions(seen: &seen, &loader)
        model.loadSellerCues(&loader)
        return model
    }

    /// `brands.tsv` (format `gazetteer/1`: `brand-id<TAB>alias[<TAB>name|product|store]`).
    private mutating func loadBrands(_ loader: inout ModelLoader) {
        guard let file = loader.read("brands.tsv", format: "gazetteer") else { return }
        var seen: [String: SourceLocation] = [:]
        for record in file.records {
            guard record.expectColumns(2...3, diagnostics: &loader.diagnostics) else { continue }
            guard let brand = record.field(0), let alias = record.field(1) else {
                loader.diagnostics.append(.error("model.empty-field", "brand id and alias must not be empty", at: record.location()))
                continue
            }
            if brand != brand.lowercased() || brand.contains(where: { !$0.isLetter && !$0.isNumber }) {
                loader.diagnostics.append(.error("gazetteer.brand-id", "brand id '\(brand)' must be lower-case letters and digits", at: record.location(field: 0)))
                continue
            }
            var role = BrandAlias.Role.name
            if let roleText = record.field(2) {
                guard let parsed = BrandAlias.Role(rawValue: roleText) else {
                    let suggestion = closestMatch(to: roleText, in: BrandAlias.Role.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
                    loader.diagnostics.append(.error("gazetteer.role", "unknown role '\(roleText)'\(suggestion); expected name, product or store", at: record.location(field: 2)))
                    continue
                }
                role = parsed
            }
            let units = loader.units(of: alias)
            let key = units.joined(separator: " ")
            if let earlier = seen[key] {
                loader.diagnostics.append(.warning("gazetteer.duplicate", "alias '\(alias)' is already defined at \(earlier)", at: record.location(field: 1)))
                continue
            }
            seen[key] = record.location(field: 1)
            brandAliases.insert(units: units, value: BrandAlias(brand: brand, role: role, source: record.location(field: 1)))
            if units.count >= 2, alias.unicodeScalars.allSatisfy(SubjectName.isHan) {
                hanBrandAliases.insert(units: units, value: BrandAlias(brand: brand, role: role, source: record.location(field: 1)))
            }
            if !brands.contains(brand) { brands.append(brand) }
        }
    }

    /// `resellers.tsv` / `platforms.tsv`: `id<TAB>alias`, the id normalised as SPEC §4 says.
    private mutating func loadSellers(_ path: String, format: String, kind: EntityKind, seen: inout [String: SourceLocation], _ loader: inout ModelLoader) {
        guard let file = loader.read(path, format: format) else { return }
        for record in file.records {
            guard record.expectColumns(2...2, diagnostics: &loader.diagnostics) else { continue }
            guard let id = record.field(0), let alias = record.field(1) else {
                loader.diagnostics.append(.error("model.empty-field", "id and alias must not be empty", at: record.location()))
                continue
            }
            let normalized = SubjectName.normalize(id)
            guard normalized == id, !id.isEmpty else {
                loader.diagnostics.append(.error("gazetteer.seller-id", "id '\(id)' is not normalised (expected '\(normalized)': lower-case Latin letters, digits and Han characters only)", at: record.location(field: 0)))
                continue
            }
            if let other = knownSellers[id], other != kind {
                loader.diagnostics.append(.error("gazetteer.seller-kind", "id '\(id)' is already a \(other.rawValue)", at: record.location(field: 0)))
                continue
            }
            insertAlias(alias, GazetteerEntry(kind: kind, id: id, exactSpelling: nil, isPrefix: false, source: record.location(field: 1)), record: record, seen: &seen, &loader)
            knownSellers[id] = kind
        }
    }

    /// `regions.tsv`: `CODE<TAB>alias[<TAB>exact|prefix]`.
    private mutating func loadRegions(seen: inout [String: SourceLocation], _ loader: inout ModelLoader) {
        guard let file = loader.read("entities/regions.tsv", format: "region-gazetteer") else { return }
        let options = ["exact", "prefix"]
        for record in file.records {
            guard record.expectColumns(2...3, diagnostics: &loader.diagnostics) else { continue }
            guard let code = record.field(0), let alias = record.field(1) else {
                loader.diagnostics.append(.error("model.empty-field", "region code and alias must not be empty", at: record.location()))
                continue
            }
            let isCode = code == "INTL" || (code.count == 2 && code.unicodeScalars.allSatisfy { $0.value >= 0x41 && $0.value <= 0x5A })
            guard isCode else {
                loader.diagnostics.append(.error("gazetteer.region-code", "region '\(code)' must be an ISO 3166 alpha-2 code, EU or INTL", at: record.location(field: 0)))
                continue
            }
            var exact: String?
            var prefix = false
            if let option = record.field(2) {
                switch option {
                case "exact": exact = alias
                case "prefix": prefix = true
                default:
                    let suggestion = closestMatch(to: option, in: options).map { " (did you mean '\($0)'?)" } ?? ""
                    loader.diagnostics.append(.error("gazetteer.region-option", "unknown option '\(option)'\(suggestion); expected exact or prefix", at: record.location(field: 2)))
                    continue
                }
            }
            insertAlias(alias, GazetteerEntry(kind: .region, id: code, exactSpelling: exact, isPrefix: prefix, source: record.location(field: 1)), record: record, seen: &seen, &loader)
        }
    }

    private mutating func insertAlias(_ alias: String, _ entry: GazetteerEntry, record: DataRecord, seen: inout [String: SourceLocation], _ loader: inout ModelLoader) {
        let units = loader.units(of: alias)
        guard !units.isEmpty else {
            loader.diagnostics.append(.error("gazetteer.empty-alias", "alias '\(alias)' has no words", at: record.location(field: 1)))
            return
        }
        let key = units.joined(separator: " ") + (entry.exactSpelling.map { "\u{0}" + $0 } ?? "")
        if let earlier = seen[key] {
            loader.diagnostics.append(.warning("gazetteer.duplicate", "alias '\(alias)' is already defined at \(earlier)", at: record.location(field: 1)))
            return
        }
        seen[key] = record.location(field: 1)
        if entry.exactSpelling != nil, let existing = gazetteer.value(forUnits: units), existing.exactSpelling == nil {
            loader.diagnostics.append(.warning("gazetteer.shadowed", "exact alias '\(alias)' is shadowed by the case-insensitive alias at \(existing.source)", at: record.location(field: 1)))
            return
        }
        gazetteer.insert(units: units, value: entry)
    }

    /// `seller-cues.tsv`: `kind<TAB>phrase[<TAB>closing phrase]`.
    private mutating func loadSellerCues(_ loader: inout ModelLoader) {
        guard let file = loader.read("entities/seller-cues.tsv", format: "seller-cues") else { return }
        var cues = SellerCues()
        var seenReferences: [String: SourceLocation] = [:]
        for record in file.records {
            guard record.expectColumns(2...3, diagnostics: &loader.diagnostics) else { continue }
            guard let kindText = record.field(0), let phrase = record.field(1) else {
                loader.diagnostics.append(.error("model.empty-field", "kind and phrase must not be empty", at: record.location()))
                continue
            }
            guard let kind = SellerCue.Kind(rawValue: kindText) else {
                let suggestion = closestMatch(to: kindText, in: SellerCue.Kind.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
                loader.diagnostics.append(.error("seller-cues.kind", "unknown kind '\(kindText)'\(suggestion)", at: record.location(field: 0)))
                continue
            }
            let closing = record.field(2)
            if (kind == .around) != (closing != nil) {
                loader.diagnostics.append(.error("seller-cues.closing", kind == .around ? "an 'around' cue needs its closing part in column 3" : "only 'around' cues take a third column", at: record.location(field: kind == .around ? 0 : 2)))
                continue
            }
            let units = loader.units(of: phrase)
            guard !units.isEmpty else {
                loader.diagnostics.append(.error("seller-cues.empty", "phrase '\(phrase)' has no words", at: record.location(field: 1)))
                continue
            }
            let location = record.location(field: 1)
            switch kind {
            case .suffix:
                guard units.count == 1 else {
                    loader.diagnostics.append(.error("seller-cues.single-word", "a suffix must be one word", at: location))
                    continue
                }
                cues.suffixes.append(units[0])
            case .hanSuffix: cues.hanSuffixes.insert(units: units, value: location)
            case .before: cues.before.insert(units: units, value: location)
            case .after: cues.after.insert(units: units, value: location)
            case .around:
                let closingUnits = loader.units(of: closing ?? "")
                var pairs = cues.around.value(forUnits: units) ?? []
                pairs.append(closingUnits)
                cues.around.insert(units: units, value: pairs)
            case .notName: cues.notNames.insert(units.joined(separator: " "))
            case .nameStop:
                for unit in units { cues.nameStops.insert(unit) }
            case .domainSuffix: cues.domainSuffixes.insert(units.joined())
            case .listSeparator, .weakListSeparator, .quoteMark:
                guard units.count == 1 else {
                    loader.diagnostics.append(.error("seller-cues.single-word", "a \(kind.rawValue) must be one word or mark", at: location))
                    continue
                }
                switch kind {
                case .listSeparator: cues.listSeparators.insert(units[0])
                case .weakListSeparator: cues.weakListSeparators.insert(units[0])
                default: cues.quoteMarks.insert(units[0])
                }
            case .possessive: cues.possessives.append(units.joined())
            case .quoteBefore: cues.quoteBefore.append(units)
            case .quoteAfter: cues.quoteAfter.append(units)
            case .brandStore, .generic, .anaphor:
                let key = units.joined(separator: " ")
                if let earlier = seenReferences[key] {
                    loader.diagnostics.append(.warning("seller-cues.duplicate", "phrase '\(phrase)' is already defined at \(earlier)", at: location))
                    continue
                }
                seenReferences[key] = location
                cues.references.insert(units: units, value: kind)
            }
        }
        // Longest suffix first, so `deals` is tried before `s`-less variants.
        cues.suffixes.sort { $0.count > $1.count }
        cues.possessives.sort { $0.count > $1.count }
        sellerCues = cues
    }
}
