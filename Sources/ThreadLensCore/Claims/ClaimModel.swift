import Foundation

/// Claim types, claim cues and claim rules, all data under `models/claims/`:
/// `types.tsv` (`claim-types/1`), `cues.tsv` (`claim-cues/1`) and every `*.rules.tsv`
/// (`claim-rules/1`). Nothing about a claim's type, values or wording is in the Swift code.
public struct ClaimModel: Sendable {
    public var types: [String: ClaimType]
    /// Type names in file order.
    public var typeOrder: [String]
    public var cues: ClaimCues
    public var rules: [ClaimRule]
    /// The gazetteers and seller references the rules' slots are filled from.
    public var entities: EntityModel
    /// The brand rule examples are analysed with (`examples-brand` in a rule file).
    public var examplesBrand: String?

    public init(types: [String: ClaimType] = [:], typeOrder: [String] = [], cues: ClaimCues = ClaimCues(),
                rules: [ClaimRule] = [], entities: EntityModel = EntityModel(), examplesBrand: String? = nil) {
        self.types = types
        self.typeOrder = typeOrder
        self.cues = cues
        self.rules = rules
        self.entities = entities
        self.examplesBrand = examplesBrand
    }

    /// Loads `claims/types.tsv`, `claims/cues.tsv` and `claims/*.rules.tsv` (in name order).
    public static func load(_ loader: inout ModelLoader, entities: EntityModel) -> ClaimModel {
        var model = ClaimModel(entities: entities)
        model.loadTypes(&loader)
        model.cues = ClaimCues.load(&loader)
        let names = loader.fileNames(in: "claims", suffix: ".rules.tsv")
        if names.isEmpty {
            loader.diagnostics.append(.warning("claims.no-rules", "no claim rule files (claims/*.rules.tsv): no claims will be found",
                                               at: SourceLocation(file: "models/claims", line: 1)))
        }
        var ids: [String: SourceLocation] = [:]
        for name in names {
            model.loadRules("claims/" + name, ids: &ids, &loader)
        }
        return model
    }

    // MARK: - types.tsv

    private mutating func loadTypes(_ loader: inout ModelLoader) {
        guard let file = loader.read("claims/types.tsv", format: "claim-types") else { return }
        for record in file.records {
            guard record.expectColumns(5...5, diagnostics: &loader.diagnostics) else { continue }
            guard let name = record.field(0), let valueText = record.field(1), let regionText = record.field(2),
                  let subjectText = record.field(3), let defaultText = record.field(4) else {
                loader.diagnostics.append(.error("model.empty-field", "every column of a claim type must be filled", at: record.location()))
                continue
            }
            guard types[name] == nil else {
                loader.diagnostics.append(.error("claim-types.duplicate", "claim type '\(name)' is defined twice", at: record.location(field: 0)))
                continue
            }
            let values = valueText.split(separator: "|").map { $0.trimmedOfSpaces() }
            guard values.count == 2, !values[0].isEmpty, !values[1].isEmpty, values[0] != values[1] else {
                loader.diagnostics.append(.error("claim-types.values", "expected two values 'value|opposite', found '\(valueText)'", at: record.location(field: 1)))
                continue
            }
            guard let region = ClaimType.RegionUse(rawValue: regionText) else {
                let suggestion = closestMatch(to: regionText, in: ClaimType.RegionUse.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
                loader.diagnostics.append(.error("claim-types.region", "unknown region use '\(regionText)'\(suggestion); expected required or none", at: record.location(field: 2)))
                continue
            }
            var subjects: [SubjectKind] = []
            var bad = false
            for part in subjectText.split(separator: ",").map({ $0.trimmedOfSpaces() }) {
                guard let kind = SubjectKind(rawValue: part) else {
                    let suggestion = closestMatch(to: part, in: SubjectKind.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
                    loader.diagnostics.append(.error("claim-types.subject", "unknown subject kind '\(part)'\(suggestion)", at: record.location(field: 3)))
                    bad = true
                    continue
                }
                subjects.append(kind)
            }
            guard let fallback = ClaimType.DefaultSubject(rawValue: defaultText) else {
                let suggestion = closestMatch(to: defaultText, in: ClaimType.DefaultSubject.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
                loader.diagnostics.append(.error("claim-types.default-subject", "unknown default subject '\(defaultText)'\(suggestion); expected ?, * or brand", at: record.location(field: 4)))
                continue
            }
            guard !bad, !subjects.isEmpty else { continue }
            types[name] = ClaimType(name: name, values: values, region: region, subjects: Set(subjects), defaultSubject: fallback, source: record.location(field: 0))
            typeOrder.append(name)
        }
    }

    // MARK: - *.rules.tsv

    private mutating func loadRules(_ path: String, ids: inout [String: SourceLocation], _ loader: inout ModelLoader) {
        guard let file = loader.read(path, format: "claim-rules") else { return }
        var current: ClaimRule?
        func finish(_ loader: inout ModelLoader) {
            guard let rule = current else { return }
            current = nil
            if rule.patterns.isEmpty {
                loader.diagnostics.append(.error("claim-rules.no-pattern", "rule '\(rule.id)' has no pattern", at: rule.source))
                return
            }
            if !rule.examples.contains(where: \.mustMatch) {
                loader.diagnostics.append(.error("claim-rules.no-example", "rule '\(rule.id)' has no 'match' example", at: rule.source))
            }
            if !rule.examples.contains(where: { !$0.mustMatch }) {
                loader.diagnostics.append(.warning("claim-rules.no-counter-example", "rule '\(rule.id)' has no 'nomatch' example", at: rule.source))
            }
            rules.append(rule)
        }
        let keywords = ["rule", "pattern", "option", "match", "nomatch", "examples-brand"]
        for record in file.records {
            guard let keyword = record.field(0) else {
                loader.diagnostics.append(.error("model.empty-field", "expected a keyword in column 1", at: record.location()))
                continue
            }
            switch keyword {
            case "examples-brand":
                guard record.expectColumns(2...2, diagnostics: &loader.diagnostics), let brand = record.field(1) else { continue }
                if !entities.brands.isEmpty, !entities.brands.contains(brand) {
                    let suggestion = closestMatch(to: brand, in: entities.brands).map { " (did you mean '\($0)'?)" } ?? ""
                    loader.diagnostics.append(.error("claim-rules.brand", "unknown brand '\(brand)'\(suggestion)", at: record.location(field: 1)))
                    continue
                }
                examplesBrand = brand
            case "rule":
                finish(&loader)
                guard record.expectColumns(4...4, diagnostics: &loader.diagnostics),
                      let id = record.field(1), let typeName = record.field(2), let value = record.field(3) else { continue }
                if let earlier = ids[id] {
                    loader.diagnostics.append(.error("claim-rules.duplicate-id", "rule id '\(id)' is already used at \(earlier)", at: record.location(field: 1)))
                    continue
                }
                guard let type = types[typeName] else {
                    let suggestion = closestMatch(to: typeName, in: typeOrder).map { " (did you mean '\($0)'?)" } ?? ""
                    loader.diagnostics.append(.error("claim-rules.type", "unknown claim type '\(typeName)'\(suggestion)", at: record.location(field: 2)))
                    continue
                }
                guard type.values.contains(value) else {
                    let suggestion = closestMatch(to: value, in: type.values).map { " (did you mean '\($0)'?)" } ?? ""
                    loader.diagnostics.append(.error("claim-rules.value", "'\(value)' is not a value of \(typeName)\(suggestion); expected \(type.values.joined(separator: " or "))", at: record.location(field: 3)))
                    continue
                }
                ids[id] = record.location(field: 1)
                current = ClaimRule(id: id, type: typeName, value: value, source: record.location(field: 1))
            case "pattern", "option", "match", "nomatch":
                guard current != nil else {
                    loader.diagnostics.append(.error("claim-rules.orphan", "'\(keyword)' before any 'rule' line", at: record.location()))
                    continue
                }
                parseRuleLine(keyword, record, into: &current!, &loader)
            default:
                let suggestion = closestMatch(to: keyword, in: keywords).map { " (did you mean '\($0)'?)" } ?? ""
                loader.diagnostics.append(.error("claim-rules.keyword", "unknown keyword '\(keyword)'\(suggestion)", at: record.location()))
            }
        }
        finish(&loader)
    }

    private func parseRuleLine(_ keyword: String, _ record: DataRecord, into rule: inout ClaimRule, _ loader: inout ModelLoader) {
        switch keyword {
        case "pattern":
            guard record.expectColumns(2...2, diagnostics: &loader.diagnostics), let text = record.field(1) else { return }
            let tokenizer = loader.tokenizer
            do {
                let pattern = try ClaimPattern.parse(text, units: { tokenizer.lookupUnits(of: $0) })
                if let type = types[rule.type], type.region == .absent, pattern.slots.contains(.region) {
                    loader.diagnostics.append(.error("claim-rules.region-slot", "\(rule.type) takes no region, but the pattern has {region}", at: record.location(field: 1)))
                    return
                }
                rule.patterns.append(pattern)
            } catch {
                let base = record.location(field: 1)
                loader.diagnostics.append(.error("claim-rules.pattern", error.message,
                                                 at: SourceLocation(file: base.file, line: base.line, column: (base.column ?? 1) + error.column)))
            }
        case "option":
            guard record.expectColumns(2...2, diagnostics: &loader.diagnostics), let text = record.field(1) else { return }
            let parts = text.split(separator: "=", maxSplits: 1).map { String($0).trimmedOfSpaces() }
            let names = ["negation", "subject", "region", "hedged"]
            switch (parts[0], parts.count > 1 ? parts[1] : nil) {
            case ("negation", let value?):
                guard let negation = ClaimRule.Negation(rawValue: value) else {
                    loader.diagnostics.append(.error("claim-rules.option", "negation must be flips, fixed or blocks, found '\(value)'", at: record.location(field: 1)))
                    return
                }
                rule.negation = negation
            case ("subject", let value?):
                guard let strategy = ClaimRule.SubjectStrategy(rawValue: value) else {
                    let suggestion = closestMatch(to: value, in: ClaimRule.SubjectStrategy.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
                    loader.diagnostics.append(.error("claim-rules.option", "unknown subject strategy '\(value)'\(suggestion)", at: record.location(field: 1)))
                    return
                }
                rule.subject = strategy
            case ("region", let value?):
                guard types[rule.type]?.region == .required else {
                    loader.diagnostics.append(.error("claim-rules.option", "\(rule.type) takes no region", at: record.location(field: 1)))
                    return
                }
                let isCode = value == "INTL" || (value.count == 2 && value.unicodeScalars.allSatisfy { $0.value >= 0x41 && $0.value <= 0x5A })
                guard isCode else {
                    loader.diagnostics.append(.error("claim-rules.option", "region '\(value)' must be an ISO 3166 alpha-2 code, EU or INTL", at: record.location(field: 1)))
                    return
                }
                rule.region = value
            case ("hedged", nil):
                rule.hedged = true
            default:
                let suggestion = closestMatch(to: parts[0], in: names).map { " (did you mean '\($0)'?)" } ?? ""
                loader.diagnostics.append(.error("claim-rules.option", "unknown option '\(text)'\(suggestion); expected negation=…, subject=…, region=… or hedged", at: record.location(field: 1)))
            }
        case "match":
            guard record.expectColumns(3...4, diagnostics: &loader.diagnostics), let text = record.field(1), let expectedText = record.field(2) else { return }
            guard let type = types[rule.type] else { return }
            var expected: [RuleExample.Expected] = []
            for part in expectedText.split(separator: ";") {
                let words = part.split(separator: " ").map(String.init)
                guard words.count >= 2 else {
                    loader.diagnostics.append(.error("claim-rules.expected", "expected 'subject value [REGION] [hedged]', found '\(part)'", at: record.location(field: 2)))
                    return
                }
                var claim = RuleExample.Expected(subject: words[0], value: words[1], region: nil, hedged: false)
                guard type.values.contains(claim.value) else {
                    let suggestion = closestMatch(to: claim.value, in: type.values).map { " (did you mean '\($0)'?)" } ?? ""
                    loader.diagnostics.append(.error("claim-rules.expected", "'\(claim.value)' is not a value of \(rule.type)\(suggestion)", at: record.location(field: 2)))
                    return
                }
                for word in words.dropFirst(2) {
                    if word == "hedged" { claim.hedged = true } else if type.region == .required && claim.region == nil { claim.region = word } else {
                        loader.diagnostics.append(.error("claim-rules.expected", "unexpected '\(word)' in the expected claim '\(part)'", at: record.location(field: 2)))
                        return
                    }
                }
                if type.region == .required && claim.region == nil {
                    loader.diagnostics.append(.error("claim-rules.expected", "\(rule.type) needs a region in the expected claim '\(part)'", at: record.location(field: 2)))
                    return
                }
                expected.append(claim)
            }
            rule.examples.append(RuleExample(text: text, parent: record.field(3), expected: expected, mustMatch: true, source: record.location(field: 1)))
        case "nomatch":
            guard record.expectColumns(2...3, diagnostics: &loader.diagnostics), let text = record.field(1) else { return }
            rule.examples.append(RuleExample(text: text, parent: record.field(2), expected: [], mustMatch: false, source: record.location(field: 1)))
        default:
            break
        }
    }
}

/// Who can be the subject of a claim type.
public enum SubjectKind: String, Hashable, Sendable, CaseIterable {
    /// A reseller by name.
    case reseller
    /// A platform seller (`aliexpress`, `京东自营`).
    case platform
    /// The brand's own store: the subject is the brand.
    case store
    /// The brand by its name or a product.
    case brand
    /// Sellers in general or unnamed: `*`.
    case generic
}

/// A claim type from `types.tsv`: its two values (the second the opposite of the first), whether
/// it needs a region, who can be its subject, and the subject when none is found.
public struct ClaimType: Hashable, Sendable {
    public enum RegionUse: String, Hashable, Sendable, CaseIterable {
        case required
        case absent = "none"
    }
    public enum DefaultSubject: String, Hashable, Sendable, CaseIterable {
        /// Unresolved: `?`.
        case unresolved = "?"
        /// Sellers in general: `*`.
        case generic = "*"
        /// The thread's brand.
        case brand
    }

    public var name: String
    public var values: [String]
    public var region: RegionUse
    public var subjects: Set<SubjectKind>
    public var defaultSubject: DefaultSubject
    public var source: SourceLocation

    /// True when only the brand (by name or store) can be the subject: where a brand sells.
    public var isAboutBrand: Bool {
        !subjects.contains(.reseller) && !subjects.contains(.platform) && !subjects.contains(.generic)
    }

    /// The other value of the pair.
    public func opposite(of value: String) -> String? {
        guard values.count == 2 else { return nil }
        if value == values[0] { return values[1] }
        if value == values[1] { return values[0] }
        return nil
    }
}

/// One claim rule: what it asserts, its patterns, how negation and the subject are handled, and
/// its examples.
public struct ClaimRule: Hashable, Sendable {
    /// What a negator before or inside the match does: flips the value, is ignored (the rule's
    /// words carry the negation: "not official"), or blocks the claim ("不会砍单").
    public enum Negation: String, Hashable, Sendable, CaseIterable {
        case flips, fixed, blocks
    }
    /// Where the subject comes from when the pattern has no seller or brand slot.
    public enum SubjectStrategy: String, Hashable, Sendable, CaseIterable {
        /// The nearest fitting mention earlier in the sentence, else the type's default.
        case near
        /// As `near`, then earlier sentences of the comment and the parent chain.
        case context
        /// Always the type's default subject.
        case `default`
        /// Always sellers in general: `*` ("sold through unofficial channels").
        case generic
        /// The nearest fitting mention earlier in the sentence, else sellers in general ("we
        /// only get grey units").
        case nearOrGeneric = "near-or-generic"
    }

    public var id: String
    public var type: String
    public var value: String
    public var patterns: [ClaimPattern] = []
    public var negation: Negation = .flips
    public var subject: SubjectStrategy = .context
    /// A fixed region for rules whose words name it.
    public var region: String?
    /// The rule's words hedge by themselves.
    public var hedged = false
    public var examples: [RuleExample] = []
    /// The `rule` line.
    public var source: SourceLocation

    public init(id: String, type: String, value: String, source: SourceLocation) {
        self.id = id
        self.type = type
        self.value = value
        self.source = source
    }
}

/// An example stored with a rule: text the rule must match (with the claims it must produce) or
/// must not match, optionally as a reply to a parent comment.
public struct RuleExample: Hashable, Sendable {
    public struct Expected: Hashable, Sendable, CustomStringConvertible {
        public var subject: String
        public var value: String
        public var region: String?
        public var hedged: Bool
        public init(subject: String, value: String, region: String? = nil, hedged: Bool = false) {
            self.subject = subject
            self.value = value
            self.region = region
            self.hedged = hedged
        }
        public var description: String {
            ([subject, value] + (region.map { [$0] } ?? []) + (hedged ? ["hedged"] : [])).joined(separator: " ")
        }
    }
    public var text: String
    public var parent: String?
    public var expected: [Expected]
    public var mustMatch: Bool
    public var source: SourceLocation

    public init(text: String, parent: String? = nil, expected: [Expected], mustMatch: Bool, source: SourceLocation) {
        self.text = text
        self.parent = parent
        self.expected = expected
        self.mustMatch = mustMatch
        self.source = source
    }
}
