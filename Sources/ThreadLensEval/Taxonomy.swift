import Foundation
import ThreadLensCore

/// The labels, topics, claim types and claim values a gold file may use (SPEC §4), against
/// which gold files are validated and by which scores are broken down.
///
/// `standard` is the taxonomy of the contract. A model pack may add topics or claim types;
/// `adding(topics:claimTypes:)` extends the taxonomy with them so their gold validates.
public struct GoldTaxonomy: Hashable, Sendable {
    /// One claim type: its values and whether its claims carry a region.
    public struct ClaimType: Hashable, Sendable {
        public var name: String
        public var values: [String]
        /// Only claims of such a type have a region, and only for them is it part of the scored tuple.
        public var hasRegion: Bool

        public init(name: String, values: [String], hasRegion: Bool = false) {
            self.name = name
            self.values = values
            self.hasRegion = hasRegion
        }
    }

    /// Sentiment labels, in the order tables list them.
    public var sentimentLabels: [String]
    /// Stance labels, in the order tables list them.
    public var stanceLabels: [String]
    public var topics: [String]
    public var claimTypes: [ClaimType]

    public init(sentimentLabels: [String], stanceLabels: [String], topics: [String], claimTypes: [ClaimType]) {
        self.sentimentLabels = sentimentLabels
        self.stanceLabels = stanceLabels
        self.topics = topics
        self.claimTypes = claimTypes
    }

    /// The taxonomy of SPEC §4: the labels of the pipeline's own enums, the seven shipped
    /// topics and the three claim types with their values.
    public static let standard = GoldTaxonomy(
        sentimentLabels: SentimentLabel.allCases.map(\.rawValue),
        stanceLabels: Stance.allCases.map(\.rawValue),
        topics: ["resellers", "availability", "pricing", "fulfillment", "service", "trust", "product"],
        claimTypes: [
            ClaimType(name: "reseller_legitimacy", values: ["legitimate", "illegitimate"]),
            ClaimType(name: "regional_availability", values: ["available", "unavailable"], hasRegion: true),
            ClaimType(name: "order_fulfillment", values: ["fulfilled", "refused"]),
        ]
    )

    /// The claim type named `name`, if the taxonomy has it.
    public func claimType(named name: String) -> ClaimType? {
        claimTypes.first { $0.name == name }
    }

    /// This taxonomy plus the topics and claim types not yet in it (existing ones are kept as they are).
    public func adding(topics newTopics: some Sequence<String> = [String](), claimTypes newTypes: [ClaimType] = []) -> GoldTaxonomy {
        var result = self
        for topic in newTopics where !result.topics.contains(topic) { result.topics.append(topic) }
        for type in newTypes where result.claimType(named: type.name) == nil { result.claimTypes.append(type) }
        return result
    }

    /// Region groups SPEC §4 adds to the ISO 3166 alpha-2 codes: Europe and "international".
    public static let regionGroups = ["EU", "INTL"]

    /// Every region code a claim may carry: the ISO 3166 alpha-2 codes Foundation knows, plus
    /// `regionGroups`.
    public static let regions: Set<String> = {
        let iso = Locale.Region.isoRegions.map(\.identifier).filter { code in
            code.count == 2 && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
        }
        return Set(iso).union(regionGroups)
    }()
}

/// The normal forms claims are compared in (SPEC §4), applied to gold and predictions alike.
public enum ClaimNormalization {
    /// The subject of resellers in general or unnamed ones.
    public static let anySubject = "*"
    /// The subject of a predicted claim whose subject could not be resolved; never scored.
    public static let unresolvedSubject = "?"

    /// A subject in its compared form: compatibility-normalised, Latin lower-cased, a domain's
    /// top-level part dropped (`dealsfromshenzhen.com` → `dealsfromshenzhen`), and everything
    /// but letters a–z, digits and Han characters removed (`Xiaomi World` → `xiaomiworld`,
    /// `小陳3C` → `小陳3c`). `*` and `?` are kept as they are.
    public static func subject(_ raw: String) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed == anySubject || trimmed == unresolvedSubject { return trimmed }
        var text = trimmed.precomposedStringWithCompatibilityMapping.lowercased()
        if let dot = text.lastIndex(of: "."), text[..<dot].contains(where: { $0.isLetter || $0.isNumber }) {
            let suffix = text[text.index(after: dot)...]
            // A top-level domain: 2 to 6 ASCII letters after the last dot.
            if (2...6).contains(suffix.count), suffix.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) {
                text = String(text[..<dot])
            }
        }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || isHan(scalar) {
            result.append(scalar)
        }
        return String(result)
    }

    /// A claim type or value in its compared form: trimmed and lower-cased.
    public static func name(_ raw: String) -> String {
        raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// A region in its compared form: trimmed and upper-cased (`in` → `IN`, `intl` → `INTL`).
    public static func region(_ raw: String) -> String {
        raw.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    }

    /// Whether `scalar` is a Han (CJK ideograph) character: the unified ideograph blocks and
    /// their extensions, and the compatibility ideographs.
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2A6DF,
             0x2A700...0x2EBEF, 0x2F800...0x2FA1F, 0x30000...0x323AF, 0x3007:
            return true
        default:
            return false
        }
    }
}
