/// Gazetteers: brands and their aliases in every script (`models/brands.tsv`).
/// Resellers, platforms and regions are added by the claims stage's gazetteers.

/// The kind of a named thing the pipeline recognises.
public enum EntityKind: String, Hashable, Sendable, CaseIterable {
    case brand, reseller, platform, region
}

/// A recognised mention: the entity's normalised id (`xiaomi`, `xiaomiworld`, `EU`) and the
/// tokens it covers.
public struct EntityMention: Hashable, Sendable {
    public var kind: EntityKind
    public var id: String
    public var tokens: Range<Int>
    /// The gazetteer entry that matched, when one did.
    public var source: SourceLocation?

    public init(kind: EntityKind, id: String, tokens: Range<Int>, source: SourceLocation? = nil) {
        self.kind = kind
        self.id = id
        self.tokens = tokens
        self.source = source
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

/// The brand gazetteer.
public struct EntityModel: Sendable {
    /// Every alias, matched by longest match over lookup units.
    public var brandAliases: PhraseTable<BrandAlias>
    /// Brand ids in file order.
    public var brands: [String]

    public init(brandAliases: PhraseTable<BrandAlias> = PhraseTable(), brands: [String] = []) {
        self.brandAliases = brandAliases
        self.brands = brands
    }

    /// Loads `brands.tsv` (format `gazetteer/1`: `brand-id<TAB>alias[<TAB>name|product|store]`).
    public static func load(_ loader: inout ModelLoader) -> EntityModel {
        var model = EntityModel()
        guard let file = loader.read("brands.tsv", format: "gazetteer") else { return model }
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
            model.brandAliases.insert(units: units, value: BrandAlias(brand: brand, role: role, source: record.location(field: 1)))
            if !model.brands.contains(brand) { model.brands.append(brand) }
        }
        return model
    }
}
