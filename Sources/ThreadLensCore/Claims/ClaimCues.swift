/// The cues claim extraction reads around a rule's match (`models/claims/cues.tsv`, format
/// `claim-cues/1`): negators, hedges, question and conditional marks, reported speech, clause
/// breaks, quotation marks and a few numeric settings.
public struct ClaimCues: Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Flips a rule's value ("not", "isn't", "不", "没有").
        case negator
        /// Looks like a negator but is not one ("not only", "no doubt", "不错"); its units never negate.
        case notNegator = "not-negator"
        /// Marks the claim as hedged ("probably", "I bet", "据说", "好像").
        case hedge
        /// A sentence ending with it is a question ("?", "？").
        case questionMark = "question-mark"
        /// A sentence whose last word is it is a question ("吗").
        case questionParticle = "question-particle"
        /// A sentence holding it is a question ("是不是", "有没有").
        case questionPhrase = "question-phrase"
        /// A question holding it is rhetorical and asserts: column 3 `keep` (the claim as
        /// written) or `flip` (its opposite: "难道…吗", "who would trust …").
        case rhetorical
        /// Claims after it in the same clause are not asserted ("if", "如果").
        case conditional
        /// Claims after it in the same sentence are someone else's ("you say", "you claim").
        case reported
        /// Ends a clause: negation and gaps do not reach across it ("," ";" "but" "但是").
        case clauseBreak = "clause-break"
        /// A quotation mark skipped around names in a slot and pairing inline quotes.
        case quoteMark = "quote-mark"
        /// A line starting with it quotes another comment (">"): no claims from it.
        case quoteLine = "quote-line"
        /// Closes a list of names ("etc", "等").
        case listEnd = "list-end"
        /// Skipped before a name in a list ("the", "most of": "India, the US and most of Europe").
        case listFiller = "list-filler"
        /// Before a seller noun, makes it the predicate, not the subject ("are all scalpers",
        /// "全是黄牛"): such a noun is never a claim's subject.
        case copula
        /// Opening a reply that quotes a claim (`> …`), asserts the opposite of it ("It does!").
        case rebuttal
        /// Right before a claim's subject, makes the claim an indirect question ("which sellers
        /// are authorised").
        case interrogative
        /// Right before a platform, makes it the host of the seller named just before it
        /// ("POCO Global Store on AliExpress"): that seller, not the platform, is the subject.
        case host
        /// A numeric setting: column 2 its name, column 3 its value.
        case setting
    }

    /// The settings `setting` records may change, with their defaults.
    public static let settingDefaults: [(name: String, value: Int, range: ClosedRange<Int>)] = [
        ("negation-window", 6, 0...20),
        ("subject-distance", 15, 1...60),
        ("min-quote-words", 3, 1...20),
    ]

    public var negators = UnitTrie<Bool>()
    public var notNegators = UnitTrie<Bool>()
    public var hedges = UnitTrie<Bool>()
    public var questionMarks: Set<String> = []
    public var questionParticles: Set<String> = []
    public var questionPhrases = UnitTrie<Bool>()
    /// Rhetorical cue → whether it flips the claim.
    public var rhetorical = UnitTrie<Bool>()
    public var conditionals = UnitTrie<Bool>()
    public var reported = UnitTrie<Bool>()
    public var clauseBreaks = UnitTrie<Bool>()
    public var quoteMarks: Set<String> = []
    public var quoteLines: [String] = []
    public var listEnds = UnitTrie<Bool>()
    public var listFillers = UnitTrie<Bool>()
    public var copulas = UnitTrie<Bool>()
    public var rebuttals = UnitTrie<Bool>()
    public var interrogatives = UnitTrie<Bool>()
    /// One-unit words that make the platform after them a host (`host` cues).
    public var hosts: Set<String> = []
    /// How many units before a match a negator still negates it.
    public var negationWindow = 6
    /// How many units a `near` subject may be before the match.
    public var subjectDistance = 15
    /// How many words an inline quotation needs before it is checked against the parent chain.
    public var minQuoteWords = 3

    public init() {}

    /// Loads `claims/cues.tsv`.
    public static func load(_ loader: inout ModelLoader) -> ClaimCues {
        var cues = ClaimCues()
        guard let file = loader.read("claims/cues.tsv", format: "claim-cues") else { return cues }
        for record in file.records {
            guard record.expectColumns(2...3, diagnostics: &loader.diagnostics) else { continue }
            guard let kindText = record.field(0), let phrase = record.field(1) else {
                loader.diagnostics.append(.error("model.empty-field", "kind and phrase must not be empty", at: record.location()))
                continue
            }
            guard let kind = Kind(rawValue: kindText) else {
                let suggestion = closestMatch(to: kindText, in: Kind.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
                loader.diagnostics.append(.error("claim-cues.kind", "unknown kind '\(kindText)'\(suggestion)", at: record.location(field: 0)))
                continue
            }
            let option = record.field(2)
            if kind == .setting {
                guard let setting = settingDefaults.first(where: { $0.name == phrase }) else {
                    let suggestion = closestMatch(to: phrase, in: settingDefaults.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
                    loader.diagnostics.append(.error("claim-cues.setting", "unknown setting '\(phrase)'\(suggestion)", at: record.location(field: 1)))
                    continue
                }
                guard let number = record.number(2, in: Double(setting.range.lowerBound)...Double(setting.range.upperBound), diagnostics: &loader.diagnostics) else { continue }
                switch setting.name {
                case "negation-window": cues.negationWindow = Int(number)
                case "subject-distance": cues.subjectDistance = Int(number)
                default: cues.minQuoteWords = Int(number)
                }
                continue
            }
            if kind == .rhetorical {
                guard let option, option == "keep" || option == "flip" else {
                    loader.diagnostics.append(.error("claim-cues.rhetorical", "a rhetorical cue needs 'keep' or 'flip' in column 3", at: record.location(field: 2)))
                    continue
                }
            } else if option != nil {
                loader.diagnostics.append(.error("claim-cues.column-count", "only 'rhetorical' and 'setting' cues take a third column", at: record.location(field: 2)))
                continue
            }
            if kind == .quoteLine {
                // Matched against raw line starts, not units.
                cues.quoteLines.append(phrase)
                continue
            }
            let units = loader.units(of: phrase)
            guard !units.isEmpty else {
                loader.diagnostics.append(.error("claim-cues.empty", "cue '\(phrase)' has no lookup units", at: record.location(field: 1)))
                continue
            }
            switch kind {
            case .negator: cues.negators.insert(units: units, value: true)
            case .notNegator: cues.notNegators.insert(units: units, value: true)
            case .hedge: cues.hedges.insert(units: units, value: true)
            case .questionMark, .questionParticle, .quoteMark, .host:
                guard units.count == 1 else {
                    loader.diagnostics.append(.error("claim-cues.single-unit", "a \(kind.rawValue) must be one character or word", at: record.location(field: 1)))
                    continue
                }
                switch kind {
                case .questionMark: cues.questionMarks.insert(units[0])
                case .questionParticle: cues.questionParticles.insert(units[0])
                case .host: cues.hosts.insert(units[0])
                default: cues.quoteMarks.insert(units[0])
                }
            case .questionPhrase: cues.questionPhrases.insert(units: units, value: true)
            case .rhetorical: cues.rhetorical.insert(units: units, value: option == "flip")
            case .conditional: cues.conditionals.insert(units: units, value: true)
            case .reported: cues.reported.insert(units: units, value: true)
            case .clauseBreak: cues.clauseBreaks.insert(units: units, value: true)
            case .listEnd: cues.listEnds.insert(units: units, value: true)
            case .listFiller: cues.listFillers.insert(units: units, value: true)
            case .copula: cues.copulas.insert(units: units, value: true)
            case .rebuttal: cues.rebuttals.insert(units: units, value: true)
            case .interrogative: cues.interrogatives.insert(units: units, value: true)
            case .quoteLine, .setting: break
            }
        }
        return cues
    }
}
