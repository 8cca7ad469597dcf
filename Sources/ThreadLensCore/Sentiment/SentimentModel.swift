/// Sentiment lexicons, rules, target cues and settings for English and Chinese, loaded from
/// `models/sentiment/`. `index.tsv` lists the files; every entry is matched by its lookup units
/// with a `PhraseTable` and keeps the file:line it came from.
///
/// ```
/// models/sentiment/index.tsv     sentiment-index/1     kind<TAB>path (settings, lexicon, rules, targets)
/// models/sentiment/settings.tsv  sentiment-settings/1  key<TAB>value
/// models/sentiment/en/valence.tsv sentiment-lexicon/1  term<TAB>valence[<TAB>override]
/// models/sentiment/en/rules.tsv  sentiment-rules/1     kind<TAB>phrase[<TAB>value[<TAB>value]]
/// models/sentiment/targets.tsv   sentiment-targets/1   cue<TAB>class
/// ```
public struct SentimentModel: Sendable {
    /// Valences and rules, by lookup units (English words, Han characters, emoji).
    public var cues: PhraseTable<SentimentCue>
    /// Rules that match any single token ending in a suffix (`*n't`).
    public var ruleSuffixes: [SuffixCue<SentimentRule>]
    /// Polar-question cues anchored to a sentence's first word (`^is`) and to its last (`吗$`).
    public var polarQuestionStarts: PhraseTable<SentimentRule>
    public var polarQuestionEnds: PhraseTable<SentimentRule>
    /// Words that name or refer to targets.
    public var targets: PhraseTable<TargetCue>
    /// Target cues that match any single token ending in a suffix (`*shop`).
    public var targetSuffixes: [SuffixCue<TargetCue>]
    public var settings: SentimentSettings
    /// The model files read, in order.
    public var files: [String]

    /// An empty model: no cues, inert settings; every comment scores neutral.
    public init() {
        cues = PhraseTable()
        ruleSuffixes = []
        polarQuestionStarts = PhraseTable()
        polarQuestionEnds = PhraseTable()
        targets = PhraseTable()
        targetSuffixes = []
        settings = SentimentSettings()
        files = []
    }

    /// The kinds of file `index.tsv` lists.
    public enum FileKind: String, Hashable, Sendable, CaseIterable {
        case settings, lexicon, rules, targets
    }

    static let indexPath = "sentiment/index.tsv"

    /// Loads the files `models/sentiment/index.tsv` lists, reporting every problem.
    public static func load(_ loader: inout ModelLoader) -> SentimentModel {
        var model = SentimentModel()
        guard let index = loader.read(indexPath, format: "sentiment-index") else { return model }
        var builder = Builder()
        var sawSettings = false
        for record in index.records {
            guard record.expectColumns(2...2, diagnostics: &loader.diagnostics, code: "sentiment-index.column-count") else { continue }
            guard let kindText = record.field(0), let path = record.field(1) else {
                loader.diagnostics.append(.error("sentiment-index.empty-field", "kind and path must not be empty", at: record.location()))
                continue
            }
            guard let kind = FileKind(rawValue: kindText) else {
                let suggestion = closestMatch(to: kindText, in: FileKind.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
                loader.diagnostics.append(.error("sentiment-index.kind", "unknown file kind '\(kindText)'\(suggestion); expected \(FileKind.allCases.map(\.rawValue).joined(separator: ", "))", at: record.location()))
                continue
            }
            switch kind {
            case .settings:
                if sawSettings {
                    loader.diagnostics.append(.error("sentiment-index.duplicate", "only one settings file may be listed", at: record.location(field: 1)))
                    continue
                }
                sawSettings = true
                guard let file = loader.read(path, format: "sentiment-settings") else { continue }
                model.settings = SentimentSettings.parse(file, diagnostics: &loader.diagnostics)
            case .lexicon:
                guard let file = loader.read(path, format: "sentiment-lexicon") else { continue }
                builder.addLexicon(file, loader: &loader)
            case .rules:
                guard let file = loader.read(path, format: "sentiment-rules") else { continue }
                builder.addRules(file, loader: &loader)
            case .targets:
                guard let file = loader.read(path, format: "sentiment-targets") else { continue }
                builder.addTargets(file, loader: &loader)
            }
            model.files.append("models/" + path)
        }
        if !sawSettings {
            loader.diagnostics.append(.error("sentiment-index.settings", "index lists no settings file", at: SourceLocation(file: "models/" + indexPath, line: 1)))
        }
        model.cues = builder.cues
        model.ruleSuffixes = builder.ruleSuffixes
        model.polarQuestionStarts = builder.polarQuestionStarts
        model.polarQuestionEnds = builder.polarQuestionEnds
        model.targets = builder.targets
        model.targetSuffixes = builder.targetSuffixes
        return model
    }

    /// The rule a single token matches by suffix, if any.
    @inline(__always)
    func suffixRule(for key: String) -> SentimentRule? {
        for cue in ruleSuffixes where key.hasSuffix(cue.suffix) && key.count > cue.suffix.count { return cue.value }
        return nil
    }

    /// The target cue a single token matches by suffix, if any.
    @inline(__always)
    func suffixTarget(for key: String) -> TargetCue? {
        for cue in targetSuffixes where key.hasSuffix(cue.suffix) && key.count > cue.suffix.count { return cue.value }
        return nil
    }
}

/// Emoji lookup keys: one grapheme, without variation selectors or skin tones, and a ZWJ
/// sequence by its first emoji, so 👍🏻, ❤️ and 🤷‍♂️ meet 👍, ❤ and 🤷.
enum EmojiKey {
    static func key(of character: Character) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in character.unicodeScalars {
            if scalar.value == 0x200D { break }
            if scalar.value == 0xFE0F || (0x1F3FB...0x1F3FF).contains(scalar.value) { continue }
            scalars.append(scalar)
        }
        return scalars.isEmpty ? String(character) : String(scalars)
    }

    /// The units of an entry made only of emoji, or nil.
    static func units(of term: String) -> [String]? {
        guard !term.isEmpty, term.allSatisfy({ ProtectedSpans.isEmoji($0) }) else { return nil }
        return term.map(key(of:))
    }
}

/// Collects entries from several files, merging valences and rules that share units and
/// reporting conflicts.
private struct Builder {
    var cues = PhraseTable<SentimentCue>()
    var ruleSuffixes: [SuffixCue<SentimentRule>] = []
    var polarQuestionStarts = PhraseTable<SentimentRule>()
    var polarQuestionEnds = PhraseTable<SentimentRule>()
    var targets = PhraseTable<TargetCue>()
    var targetSuffixes: [SuffixCue<TargetCue>] = []

    static let overrideFlag = "override"
    /// Column 3 `brand`: the valence applies in brand mode only (domain vocabulary).
    static let brandFlag = "brand"

    /// Units of an entry; whether it starts or ends with punctuation or a symbol (an emoticon:
    /// needs spacing) and whether it holds any (needs its tokens written together).
    func units(of term: String, loader: ModelLoader) -> (units: [String], needsSpacing: Bool, needsContiguity: Bool) {
        if let emoji = EmojiKey.units(of: term) { return (emoji, false, false) }
        let units = loader.units(of: term)
        func isMark(_ scalar: Unicode.Scalar) -> Bool {
            // Letters, digits and spaces are most of every lexicon: no property lookup for them.
            switch scalar.value {
            case 0x20, 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x4E00...0x9FFF: return false
            default: break
            }
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                 .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
                return scalar != "'" && scalar != "\u{2019}"
            default:
                return false
            }
        }
        let scalars = term.unicodeScalars
        let hasMark = scalars.contains(where: isMark)
        let edges = (scalars.first.map(isMark) ?? false) || (scalars.last.map(isMark) ?? false)
        return (units, hasMark && edges, hasMark)
    }

    mutating func addLexicon(_ file: DataFile, loader: inout ModelLoader) {
        for record in file.records {
            guard record.expectColumns(2...3, diagnostics: &loader.diagnostics, code: "lexicon.column-count") else { continue }
            guard let term = record.field(0) else {
                loader.diagnostics.append(.error("lexicon.empty-field", "the term must not be empty", at: record.location()))
                continue
            }
            guard let valence = record.number(1, in: -4...4, diagnostics: &loader.diagnostics, code: "lexicon.valence") else { continue }
            var isOverride = false, isBrandOnly = false
            if let flag = record.field(2) {
                switch flag {
                case Self.overrideFlag: isOverride = true
                case Self.brandFlag: isBrandOnly = true
                default:
                    let suggestion = closestMatch(to: flag, in: [Self.overrideFlag, Self.brandFlag]).map { " (did you mean '\($0)'?)" } ?? ""
                    loader.diagnostics.append(.error("lexicon.flag", "unknown flag '\(flag)'\(suggestion); expected 'override', 'brand' or nothing", at: record.location(field: 2)))
                    continue
                }
            }
            let (units, needsSpacing, needsContiguity) = units(of: term, loader: loader)
            guard !units.isEmpty else {
                loader.diagnostics.append(.error("lexicon.empty-entry", "'\(term)' has no word, character or emoji to match", at: record.location()))
                continue
            }
            let location = record.location(field: 0)
            var cue = cues.value(forUnits: units) ?? SentimentCue()
            if isBrandOnly {
                if let existing = cue.brandValence, let source = cue.brandValenceSource {
                    let same = existing == valence
                    loader.diagnostics.append(Diagnostic(same ? .warning : .error, same ? "lexicon.duplicate" : "lexicon.conflict",
                                                         "'\(term)' already has a brand-mode valence \(existing) at \(source)", at: location))
                    continue
                }
                cue.brandValence = valence
                cue.brandValenceSource = location
                cue.needsSpacing = cue.needsSpacing || needsSpacing
                cue.needsContiguity = cue.needsContiguity || needsContiguity
                cues.insert(units: units, value: cue)
                continue
            }
            if let existing = cue.valence, let source = cue.valenceSource {
                if existing == valence {
                    if source.file == location.file && !isOverride {
                        loader.diagnostics.append(.warning("lexicon.duplicate", "'\(term)' is already defined at \(source)", at: location))
                    }
                    continue
                }
                if !isOverride {
                    loader.diagnostics.append(.error("lexicon.conflict", "'\(term)' is \(valence) here but \(existing) at \(source); add 'override' in column 3 to replace it", at: record.location(field: 1)))
                    continue
                }
            } else if isOverride {
                loader.diagnostics.append(.warning("lexicon.override-unused", "'\(term)' overrides nothing: no earlier file defines it", at: record.location(field: 2)))
            }
            cue.valence = valence
            cue.valenceSource = location
            cue.needsSpacing = cue.needsSpacing || needsSpacing
            cue.needsContiguity = cue.needsContiguity || needsContiguity
            cues.insert(units: units, value: cue)
        }
    }

    /// Which columns each rule kind takes: (min columns, max columns).
    static func columns(of kind: SentimentRuleKind) -> ClosedRange<Int> {
        switch kind {
        case .negator, .exclamation, .question: return 2...3
        case .booster, .negationException, .rhetorical, .irrealis, .polarQuestion: return 3...3
        case .contrast, .concession: return 4...4
        case .superlative, .clauseBreak: return 2...2
        }
    }

    mutating func addRules(_ file: DataFile, loader: inout ModelLoader) {
        let kinds = SentimentRuleKind.allCases.map(\.rawValue)
        for var record in file.records {
            // A trailing `brand` column limits the rule to brand mode.
            var brandOnly = false
            if record.fields.count > 2, record.fields.last?.trimmedOfSpaces() == Builder.brandFlag {
                brandOnly = true
                record.fields.removeLast()
            }
            guard record.expectColumns(2...4, diagnostics: &loader.diagnostics, code: "rules.column-count") else { continue }
            guard let kindText = record.field(0), let phrase = record.field(1) else {
                loader.diagnostics.append(.error("rules.empty-field", "kind and phrase must not be empty", at: record.location()))
                continue
            }
            guard let kind = SentimentRuleKind(rawValue: kindText) else {
                let suggestion = closestMatch(to: kindText, in: kinds).map { " (did you mean '\($0)'?)" } ?? ""
                loader.diagnostics.append(.error("rules.kind", "unknown rule kind '\(kindText)'\(suggestion)", at: record.location()))
                continue
            }
            guard record.expectColumns(Self.columns(of: kind), diagnostics: &loader.diagnostics, code: "rules.column-count") else { continue }
            let location = record.location(field: 1)
            var rule = SentimentRule(kind: kind, value: 1, brandOnly: brandOnly, source: location)
            switch kind {
            case .negator:
                if record.field(2) != nil {
                    guard let scope = record.number(2, in: 1...10, diagnostics: &loader.diagnostics, code: "rules.scope") else { continue }
                    guard scope == scope.rounded() else {
                        loader.diagnostics.append(.error("rules.scope", "the scope must be a whole number of words, found \(scope)", at: record.location(field: 2)))
                        continue
                    }
                    rule.value = scope
                } else {
                    rule.value = 0  // the settings' negation.window
                }
            case .booster:
                guard let value = record.number(2, in: -4...4, diagnostics: &loader.diagnostics, code: "rules.value") else { continue }
                rule.value = value
            case .negationException, .rhetorical, .irrealis, .polarQuestion:
                guard let value = record.number(2, in: -4...4, diagnostics: &loader.diagnostics, code: "rules.value") else { continue }
                rule.value = value
            case .contrast, .concession:
                guard let first = record.number(2, in: 0...4, diagnostics: &loader.diagnostics, code: "rules.value"),
                      let second = record.number(3, in: 0...4, diagnostics: &loader.diagnostics, code: "rules.value") else { continue }
                rule.value = first
                rule.second = second
            case .exclamation, .question:
                if record.field(2) != nil {
                    guard let weight = record.number(2, in: 0...10, diagnostics: &loader.diagnostics, code: "rules.value") else { continue }
                    rule.value = weight
                }
            case .superlative, .clauseBreak:
                break
            }
            if phrase.hasPrefix("*") {
                let suffix = String(phrase.dropFirst()).lowercased()
                guard !suffix.isEmpty, !suffix.contains(where: \.isWhitespace) else {
                    loader.diagnostics.append(.error("rules.suffix", "a '*' pattern must be followed by the end of one word, found '\(phrase)'", at: location))
                    continue
                }
                if let earlier = ruleSuffixes.first(where: { $0.suffix == suffix }) {
                    loader.diagnostics.append(.error("rules.conflict", "'\(phrase)' is already a rule at \(earlier.value.source)", at: location))
                    continue
                }
                ruleSuffixes.append(SuffixCue(suffix: suffix, value: rule))
                continue
            }
            if kind == .polarQuestion {
                addPolarQuestion(phrase, rule: rule, loader: &loader)
                continue
            }
            let (units, needsSpacing, needsContiguity) = units(of: phrase, loader: loader)
            guard !units.isEmpty else {
                loader.diagnostics.append(.error("rules.empty-entry", "'\(phrase)' has no word, character or mark to match", at: location))
                continue
            }
            var cue = cues.value(forUnits: units) ?? SentimentCue()
            if let existing = cue.rule {
                if existing.kind == rule.kind && existing.value == rule.value && existing.second == rule.second && existing.brandOnly == rule.brandOnly {
                    if existing.source.file == location.file {
                        loader.diagnostics.append(.warning("rules.duplicate", "'\(phrase)' is already a \(kind.rawValue) at \(existing.source)", at: location))
                    }
                } else {
                    loader.diagnostics.append(.error("rules.conflict", "'\(phrase)' is already a \(existing.kind.rawValue) rule at \(existing.source)", at: location))
                }
                continue
            }
            cue.rule = rule
            // Punctuation rules ("!", ",") match single marks anywhere; only emoticon-like
            // valence entries need spacing.
            if kind != .exclamation && kind != .question && kind != .clauseBreak {
                cue.needsSpacing = cue.needsSpacing || (needsSpacing && units.count > 1)
                cue.needsContiguity = cue.needsContiguity || (needsContiguity && units.count > 1)
            }
            cues.insert(units: units, value: cue)
        }
    }

    /// A polar-question cue: `^phrase` (the sentence's first words) or `phrase$` (its last).
    mutating func addPolarQuestion(_ phrase: String, rule: SentimentRule, loader: inout ModelLoader) {
        let atStart = phrase.hasPrefix("^"), atEnd = phrase.hasSuffix("$")
        guard atStart != atEnd else {
            loader.diagnostics.append(.error("rules.anchor", "a polar-question phrase is anchored to the sentence's start ('^is') or its end ('吗$'), found '\(phrase)'", at: rule.source))
            return
        }
        let words = atStart ? String(phrase.dropFirst()) : String(phrase.dropLast())
        let units = loader.units(of: words)
        guard !units.isEmpty else {
            loader.diagnostics.append(.error("rules.empty-entry", "'\(phrase)' has no word or character to match", at: rule.source))
            return
        }
        if let existing = (atStart ? polarQuestionStarts : polarQuestionEnds).value(forUnits: units) {
            loader.diagnostics.append(.error("rules.conflict", "'\(phrase)' is already a polar-question rule at \(existing.source)", at: rule.source))
            return
        }
        if atStart { polarQuestionStarts.insert(units: units, value: rule) } else { polarQuestionEnds.insert(units: units, value: rule) }
    }

    mutating func addTargets(_ file: DataFile, loader: inout ModelLoader) {
        let classes = TargetClass.allCases.map(\.rawValue)
        for record in file.records {
            guard record.expectColumns(2...2, diagnostics: &loader.diagnostics, code: "targets.column-count") else { continue }
            guard let phrase = record.field(0), let classText = record.field(1) else {
                loader.diagnostics.append(.error("targets.empty-field", "cue and class must not be empty", at: record.location()))
                continue
            }
            guard let targetClass = TargetClass(rawValue: classText) else {
                let suggestion = closestMatch(to: classText, in: classes).map { " (did you mean '\($0)'?)" } ?? ""
                loader.diagnostics.append(.error("targets.class", "unknown target class '\(classText)'\(suggestion); expected \(classes.joined(separator: ", "))", at: record.location(field: 1)))
                continue
            }
            let location = record.location(field: 0)
            let cue = TargetCue(targetClass: targetClass, source: location)
            if phrase.hasPrefix("*") {
                let suffix = String(phrase.dropFirst()).lowercased()
                guard !suffix.isEmpty, !suffix.contains(where: \.isWhitespace) else {
                    loader.diagnostics.append(.error("targets.suffix", "a '*' pattern must be followed by the end of one word, found '\(phrase)'", at: location))
                    continue
                }
                if let earlier = targetSuffixes.first(where: { $0.suffix == suffix }) {
                    let code = earlier.value.targetClass == targetClass ? "targets.duplicate" : "targets.conflict"
                    loader.diagnostics.append(Diagnostic(earlier.value.targetClass == targetClass ? .warning : .error, code, "'\(phrase)' is already a cue at \(earlier.value.source)", at: location))
                    continue
                }
                targetSuffixes.append(SuffixCue(suffix: suffix, value: cue))
                continue
            }
            let units = loader.units(of: phrase)
            guard !units.isEmpty else {
                loader.diagnostics.append(.error("targets.empty-entry", "'\(phrase)' has no word or character to match", at: location))
                continue
            }
            if let existing = targets.value(forUnits: units) {
                if existing.targetClass == targetClass {
                    loader.diagnostics.append(.warning("targets.duplicate", "'\(phrase)' is already a cue at \(existing.source)", at: location))
                } else {
                    loader.diagnostics.append(.error("targets.conflict", "'\(phrase)' is already a \(existing.targetClass.rawValue) cue at \(existing.source)", at: record.location(field: 1)))
                }
                continue
            }
            targets.insert(units: units, value: cue)
        }
    }
}
