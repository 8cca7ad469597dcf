/// The sentiment algorithm over one comment: VADER's rules, all driven by the model's data, then
/// target attribution, so only sentiment aimed at the brand counts in `brand` mode.
///
/// Per sentence:
/// 1. **Words**: longest lexicon/rule matches over the `LexiconView`; marks (`!`, `?`, `,`)
///    are counted, not words; contrast cues and clause breaks start new clauses.
/// 2. **Valence** of each sentiment word: ALL-CAPS emphasis, then for each of the preceding
///    words within reach: boosters (scaled by distance), negators (× `negation.scalar`, or the
///    superlative scalars), negation exceptions. A negator that also has a valence ("no")
///    counts it only when it negates nothing.
/// 3. **Sentence rules**: the first contrast or concession cue weights the words around it; a
///    rhetorical cue scales the sentence; a question is scaled by `question.scalar.*`.
/// 4. **Targets**: each word is aimed at the mention it is part of, else a mention right after
///    it, else the subject (first mention) of its clause, else a later mention in its clause,
///    else the sentence's first mention, else the running focus of the comment (pronouns
///    resolve to the latest earlier mention, else to that focus).
/// 5. **Sums**: what counts (all in `any` mode; words aimed at the brand or its products in
///    `brand` mode) plus `!`/`?` emphasis; the comment's score is the normalised sum.
struct SentimentScorer {
    let model: SentimentModel
    let target: AnalysisOptions.Target

    /// A target a word is aimed at.
    struct ResolvedTarget: Hashable, Sendable {
        var targetClass: TargetClass
        var id: String?
        var text: String?
        var source: SourceLocation?
    }

    /// What the scorer needs about the thread around a comment.
    struct Context {
        var brand: String?
        /// The target of sentences that name none before anything in the comment does.
        var defaultTarget: ResolvedTarget?
    }

    /// The outcome for one comment.
    struct Outcome {
        var result: SentimentResult
        /// The counted sum of each sentence (for per-topic sentiment).
        var sentenceSums: [Double]
        /// The focus after the last sentence (a reply's default target may be it).
        var lastFocus: ResolvedTarget?
        var explanation: [SentenceExplanation]
    }

    private struct Item {
        var view: Range<Int>
        var cue: SentimentCue?
        var suffixRule: SentimentRule?
        var clause: Int
        var upper: Bool
        /// Part of a hyphenated compound ("warm-up") that is not itself an entry.
        var inCompound = false
        var rule: SentimentRule? { cue?.rule ?? suffixRule }
    }

    private struct Mark {
        var rule: SentimentRule
        var view: Int
    }

    private struct Mention {
        var item: Int
        var itemEnd: Int
        var target: ResolvedTarget
        var isAnaphor: Bool
        var resolved: Bool
    }

    private struct SentenceWork {
        var items: [Item] = []
        var marks: [Mark] = []
        var exclamations: Double = 0
        var questions: Double = 0
        /// The polar-question cue the sentence opens or closes with ("Is …", "… 吗"), if any,
        /// and whether it closes it (then it asks about the last clause, else the first).
        var polarQuestion: SentimentRule?
        var polarQuestionCloses = false
        /// View ranges of entity mentions and target cues in the sentence.
        var spans: [Span] = []
    }

    /// A named or cued target in view coordinates, before it is tied to items.
    private struct Span {
        var view: Range<Int>
        var target: ResolvedTarget
        var isEntity: Bool
    }

    private var settings: SentimentSettings { model.settings }

    // MARK: Scoring

    func score(_ comment: AnalyzedComment, context: Context, trace: Bool) -> Outcome {
        let text = comment.text
        let view = LexiconView(text, cues: model.cues)
        var works: [SentenceWork] = []
        works.reserveCapacity(view.sentences.count)
        var upperWords = 0, words = 0
        for range in view.sentences {
            let work = collect(range, view: view, text: text, spans: spans(in: range, view: view, comment: comment, brand: context.brand))
            for item in work.items where isWordLike(view.tokens[item.view.lowerBound]) {
                words += 1
                if item.upper { upperWords += 1 }
            }
            works.append(work)
        }
        // VADER's "cap differential": caps emphasise only amid mixed-case text.
        let capDifferential = upperWords > 0 && upperWords < words

        var focus = context.defaultTarget
        var total = 0.0
        var sentences: [SentenceSentiment] = []
        var sums: [Double] = []
        var explanation: [SentenceExplanation] = []
        for (index, work) in works.enumerated() {
            let outcome = scoreSentence(index, work: work, view: view, comment: comment, context: context,
                                        focus: &focus, capDifferential: capDifferential, trace: trace)
            total += outcome.sentiment.counted
            sums.append(outcome.sentiment.counted)
            if outcome.sentiment.all != 0 || outcome.sentiment.counted != 0 { sentences.append(outcome.sentiment) }
            if let sentenceTrace = outcome.trace { explanation.append(sentenceTrace) }
        }
        let score = settings.normalize(total)
        let result = SentimentResult(label: settings.label(for: score, target: target, isArticle: comment.comment.isArticle),
                                     score: score, sentences: sentences)
        return Outcome(result: result, sentenceSums: sums, lastFocus: focus, explanation: explanation)
    }

    private func isWordLike(_ token: Token) -> Bool {
        token.kind == .word
    }

    /// Splits a sentence into words (items) and marks.
    /// Entity mentions and target cues in a sentence, in view coordinates: entities first, then
    /// target cues where no entity is, then suffix cues on single words.
    private func spans(in range: Range<Int>, view: LexiconView, comment: AnalyzedComment, brand: String?) -> [Span] {
        guard !range.isEmpty else { return [] }
        let text = comment.text
        func slice(_ r: Range<Int>) -> String {
            String(text.slice(view.tokens[r.lowerBound].range.lowerBound..<view.tokens[r.upperBound - 1].range.upperBound))
        }
        var spans: [Span] = []
        // Entities are in text order: those starting in this sentence are one run of them.
        let entities = comment.entities
        let first = entities.partitionPoint { $0.tokens.lowerBound >= view.firstView.count || view.firstView[$0.tokens.lowerBound] >= range.lowerBound }
        for entity in entities[first...] {
            guard entity.tokens.lowerBound < view.firstView.count else { continue }
            let start = view.firstView[entity.tokens.lowerBound]
            if start >= range.upperBound { break }
            let end = entity.tokens.upperBound < view.firstView.count ? view.firstView[entity.tokens.upperBound] : view.tokens.count
            guard range.contains(start), end > start else { continue }
            let targetClass: TargetClass
            switch entity.kind {
            case .brand: targetClass = (brand == nil || entity.id == brand) ? .brand : .rival
            case .reseller: targetClass = .reseller
            case .platform: targetClass = .platform
            case .region: continue
            }
            let viewRange = start..<min(end, range.upperBound)
            spans.append(Span(view: viewRange, target: ResolvedTarget(targetClass: targetClass, id: entity.id, text: slice(viewRange), source: entity.source), isEntity: true))
        }
        // Which tokens of the sentence a span covers, so each check is constant time however
        // long the sentence (a scrape can hold one sentence of megabytes).
        var covered = Array(repeating: false, count: range.count)
        func cover(_ r: Range<Int>) { for index in r.clamped(to: range) { covered[index - range.lowerBound] = true } }
        func isCovered(_ r: Range<Int>) -> Bool { r.clamped(to: range).contains { covered[$0 - range.lowerBound] } }
        for span in spans { cover(span.view) }
        for match in model.targets.matches(in: view.tokens, range: range) where !isCovered(match.tokens) {
            spans.append(Span(view: match.tokens, target: ResolvedTarget(targetClass: match.value.targetClass, id: nil, text: slice(match.tokens), source: match.value.source), isEntity: false))
        }
        if !model.targetSuffixes.isEmpty {
            for span in spans where !span.isEntity { cover(span.view) }
            for index in range where view.tokens[index].kind == .word {
                let one = index..<(index + 1)
                guard !isCovered(one), let cue = model.suffixTarget(for: view.tokens[index].key) else { continue }
                spans.append(Span(view: one, target: ResolvedTarget(targetClass: cue.targetClass, id: nil, text: slice(one), source: cue.source), isEntity: false))
            }
        }
        spans.sort { $0.view.lowerBound < $1.view.lowerBound }
        return spans
    }

    /// Names carry no sentiment ("Honor", "Play Store"), nor do parts of a longer target cue
    /// (牛 in 黄牛); a target cue that is itself a sentiment word keeps it ("idiots").
    ///
    /// `spans` are sorted by start and none is longer than `longestSpan`, so only the few that
    /// start shortly before `range` are looked at (a sentence can hold thousands of spans).
    private func isName(_ range: Range<Int>, spans: [Span], longestSpan: Int) -> Bool {
        let end = spans.partitionPoint { $0.view.lowerBound >= range.upperBound }
        for span in spans[..<end].reversed() {
            if span.view.lowerBound + longestSpan <= range.lowerBound { break }
            if span.view.overlaps(range) && (span.isEntity || (span.view != range && span.view.count > range.count)) { return true }
        }
        return false
    }

    private func collect(_ range: Range<Int>, view: LexiconView, text: TokenizedText, spans: [Span]) -> SentenceWork {
        var work = SentenceWork()
        work.spans = spans
        (work.polarQuestion, work.polarQuestionCloses) = polarQuestion(in: range, view: view).map { ($0.rule, $0.closes) } ?? (nil, false)
        work.items.reserveCapacity(range.count)
        var clause = 0
        var index = range.lowerBound
        let longestSpan = spans.map(\.view.count).max() ?? 0
        while index < range.upperBound {
            let token = view.tokens[index]
            if token.kind == .url || token.kind == .mention { index += 1; continue }
            if let match = usableMatch(from: index, limit: range.upperBound, view: view, text: text) {
                var cue = match.cue
                // In brand mode names carry no sentiment; any mode reads text as VADER does.
                if target == .brand, !spans.isEmpty, cue.valence(for: target) != nil, isName(index..<(index + match.length), spans: spans, longestSpan: longestSpan) {
                    // A name: an ordinary word (its rules, if any, still apply).
                    cue.valence = nil
                    cue.brandValence = nil
                    if cue.rule == nil {
                        work.items.append(Item(view: index..<(index + match.length), cue: nil, suffixRule: nil, clause: clause,
                                               upper: isUpper(view.tokens[index], text)))
                        index += match.length
                        continue
                    }
                }
                if cue.valence(for: target) == nil, let rule = cue.rule {
                    switch rule.kind {
                    case .exclamation:
                        work.exclamations += rule.value
                        work.marks.append(Mark(rule: rule, view: index))
                        index += match.length
                        continue
                    case .question:
                        work.questions += rule.value
                        work.marks.append(Mark(rule: rule, view: index))
                        index += match.length
                        continue
                    case .clauseBreak:
                        clause += 1
                        index += match.length
                        continue
                    case .contrast, .concession:
                        clause += 1
                    default:
                        break
                    }
                }
                work.items.append(Item(view: index..<(index + match.length), cue: cue, suffixRule: nil, clause: clause,
                                       upper: isUpper(view.tokens[index], text),
                                       inCompound: isCompoundPart(index..<(index + match.length), view: view, text: text)))
                index += match.length
                continue
            }
            if token.kind == .punctuation || token.kind == .symbol { index += 1; continue }
            work.items.append(Item(view: index..<(index + 1), cue: nil, suffixRule: token.kind == .word ? model.suffixRule(for: token.key) : nil,
                                   clause: clause, upper: isUpper(token, text)))
            index += 1
        }
        return work
    }

    /// The longest entry at `index` that means something under the run's target (a valence, or
    /// a rule that applies), with its rules filtered for the target; emoticon-like entries only
    /// when written together and set off by spaces. Shorter entries are tried when a longer one
    /// does not qualify.
    /// The polar-question rule whose cue is the sentence's first words (`^is`) or its last
    /// (`吗$`), if any.
    private func polarQuestion(in range: Range<Int>, view: LexiconView) -> (rule: SentimentRule, closes: Bool)? {
        guard let found = polarQuestionCue(in: range, view: view), !found.rule.brandOnly || target == .brand else { return nil }
        return found
    }

    private func polarQuestionCue(in range: Range<Int>, view: LexiconView) -> (rule: SentimentRule, closes: Bool)? {
        guard let first = range.first(where: { view.tokens[$0].isWordLike }),
              let last = range.last(where: { view.tokens[$0].isWordLike }) else { return nil }
        if let match = model.polarQuestionStarts.longestMatch(in: view.tokens, from: first, limit: range.upperBound) { return (match.value, false) }
        // By units, not tokens: ICU often joins a final particle to the word before it (买吗).
        var units: [String] = []
        for index in max(first, last - 3)...last { PhraseTable<SentimentRule>.appendUnits(of: view.tokens[index], to: &units) }
        for length in stride(from: min(units.count, 4), through: 1, by: -1) {
            if let rule = model.polarQuestionEnds.value(forUnits: Array(units.suffix(length))) { return (rule, true) }
        }
        return nil
    }

    private func usableMatch(from index: Int, limit: Int, view: LexiconView, text: TokenizedText) -> (length: Int, cue: SentimentCue)? {
        var limit = limit
        while limit > index, let match = model.cues.longestMatch(in: view.tokens, from: index, limit: limit) {
            var cue = match.value
            if target == .any, cue.rule?.brandOnly == true { cue.rule = nil }
            let meaningful = cue.valence(for: target) != nil || cue.rule != nil
            let tokens = view.tokens[index..<(index + match.length)]
            if meaningful && (!cue.needsSpacing || isSetOff(tokens, in: text)) && (!cue.needsContiguity || isContiguous(tokens)) {
                return (match.length, cue)
            }
            limit = index + match.length - 1
        }
        return nil
    }

    /// Whether tokens `range` are joined by a hyphen, without spaces, to a word before or after.
    private func isCompoundPart(_ range: Range<Int>, view: LexiconView, text: TokenizedText) -> Bool {
        let tokens = view.tokens
        func isHyphen(_ index: Int) -> Bool {
            tokens[index].kind == .punctuation && tokens[index].key == "-"
        }
        func joined(_ a: Int, _ b: Int) -> Bool { tokens[a].range.upperBound == tokens[b].range.lowerBound }
        let first = range.lowerBound, last = range.upperBound - 1
        guard tokens[first].kind == .word || tokens[last].kind == .word else { return false }
        if first >= 2, isHyphen(first - 1), joined(first - 1, first), joined(first - 2, first - 1), tokens[first - 2].kind == .word { return true }
        if last + 2 < tokens.count, isHyphen(last + 1), joined(last, last + 1), joined(last + 1, last + 2), tokens[last + 2].kind == .word { return true }
        return false
    }

    /// Python's `str.isupper`: some cased letter, none lower-case.
    private func isUpper(_ token: Token, _ text: TokenizedText) -> Bool {
        guard token.kind == .word else { return false }
        var hasUpper = false
        for scalar in text.text(of: token).unicodeScalars {
            let properties = scalar.properties
            if properties.isLowercase { return false }
            if properties.isUppercase { hasUpper = true }
        }
        return hasUpper
    }

    /// Whether tokens are written together, with no space between them.
    private func isContiguous(_ tokens: ArraySlice<Token>) -> Bool {
        guard var previous = tokens.first else { return false }
        for token in tokens.dropFirst() {
            if token.range.lowerBound != previous.range.upperBound { return false }
            previous = token
        }
        return true
    }

    /// An emoticon counts only written together and set off by white space (or Han text).
    private func isSetOff(_ tokens: ArraySlice<Token>, in text: TokenizedText) -> Bool {
        guard let first = tokens.first, let last = tokens.last, isContiguous(tokens) else { return false }
        let utf8 = text.text.utf8
        func acceptable(_ offset: Int) -> Bool {
            let byte = utf8[utf8.index(utf8.startIndex, offsetBy: offset)]
            return byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte >= 0x80
        }
        if first.range.lowerBound > 0 && !acceptable(first.range.lowerBound - 1) { return false }
        if last.range.upperBound < utf8.count && !acceptable(last.range.upperBound) { return false }
        return true
    }

    private struct SentenceOutcome {
        var sentiment: SentenceSentiment
        var trace: SentenceExplanation?
    }

    // swiftlint:disable:next function_body_length cyclomatic_complexity
    private func scoreSentence(_ index: Int, work: SentenceWork, view: LexiconView, comment: AnalyzedComment, context: Context,
                               focus: inout ResolvedTarget?, capDifferential: Bool, trace: Bool) -> SentenceOutcome {
        let items = work.items
        let text = comment.text
        let settings = self.settings
        var valences = Array(repeating: 0.0, count: items.count)
        var hasValence = Array(repeating: false, count: items.count)
        var negatedSomething = Array(repeating: false, count: items.count)
        var firings: [[RuleFiring]] = trace ? Array(repeating: [], count: items.count) : []

        func itemText(_ item: Item) -> String {
            String(text.slice(view.tokens[item.view.lowerBound].range.lowerBound..<view.tokens[item.view.upperBound - 1].range.upperBound))
        }
        func format(_ value: Double) -> String {
            let rounded = (value * 1000).rounded() / 1000
            return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        }

        // 2. Valence of each sentiment word.
        let reach = max(settings.boosterDecay.count, settings.negationWindow, maxNegatorScope(items))
        for k in items.indices {
            let item = items[k]
            guard let base = item.cue?.valence(for: target)?.value, item.rule?.kind != .booster else { continue }
            // VADER reads "warm-up" as one word; its parts carry no valence of their own.
            if item.inCompound && !settings.compoundPartsCount { continue }
            var v = base
            if capDifferential && item.upper && v != 0 {
                let increment = v > 0 ? settings.capsIncrement : -settings.capsIncrement
                v += increment
                if trace { firings[k].append(RuleFiring(rule: "caps", cue: itemText(item), source: nil, effect: (increment >= 0 ? "+" : "") + format(increment))) }
            }
            let isSuperlative = item.rule?.kind == .superlative
            var distance = 1
            while distance <= reach && k - distance >= 0 {
                let j = k - distance
                let other = items[j]
                defer { distance += 1 }
                guard let rule = other.rule else { continue }
                switch rule.kind {
                case .booster where distance <= settings.boosterDecay.count:
                    var increment = v < 0 ? -rule.value : rule.value
                    if capDifferential && other.upper { increment += v > 0 ? settings.capsIncrement : -settings.capsIncrement }
                    increment *= settings.boosterDecay[distance - 1]
                    v += increment
                    if trace { firings[k].append(RuleFiring(rule: "booster", cue: itemText(other), source: rule.source, effect: (increment >= 0 ? "+" : "") + format(increment))) }
                case .negator:
                    let scope = rule.value > 0 ? Int(rule.value) : settings.negationWindow
                    // A negator's own valence ("no" in "no and no") is not negated by another.
                    guard distance <= scope, item.rule?.kind != .negator else { continue }
                    if settings.negationStopsAtClauseBreak && other.clause != item.clause { continue }
                    let scalar = isSuperlative ? (v > 0 ? settings.negatedPositiveSuperlative : settings.negatedNegativeSuperlative) : settings.negationScalar
                    v *= scalar
                    negatedSomething[j] = true
                    if trace { firings[k].append(RuleFiring(rule: isSuperlative ? "negation (superlative)" : "negation", cue: itemText(other), source: rule.source, effect: "×" + format(scalar))) }
                case .negationException where distance <= settings.negationWindow:
                    v *= rule.value
                    if trace { firings[k].append(RuleFiring(rule: "negation-exception", cue: itemText(other), source: rule.source, effect: "×" + format(rule.value))) }
                default:
                    continue
                }
            }
            valences[k] = v
            hasValence[k] = true
        }
        // A negator with a valence of its own ("no") keeps it only when it negated nothing.
        for k in items.indices where hasValence[k] && items[k].rule?.kind == .negator && negatedSomething[k] {
            valences[k] = 0
            if trace { firings[k].append(RuleFiring(rule: "negator", cue: itemText(items[k]), source: items[k].rule?.source, effect: "valence dropped: it negates a later word")) }
        }

        // 3. Sentence rules.
        var sentenceFirings: [RuleFiring] = []
        if let c = items.firstIndex(where: { $0.rule?.kind == .contrast || $0.rule?.kind == .concession }), let rule = items[c].rule {
            for k in items.indices where hasValence[k] && valences[k] != 0 {
                var weight = 1.0
                if rule.kind == .contrast {
                    weight = k < c ? rule.value : (k > c ? rule.second : 1)
                } else if k > c {
                    weight = items[k].clause == items[c].clause ? rule.value : rule.second
                }
                if weight != 1 {
                    valences[k] *= weight
                    if trace { firings[k].append(RuleFiring(rule: rule.kind.rawValue, cue: itemText(items[c]), source: rule.source, effect: "×" + format(weight))) }
                }
            }
        }
        // A condition or wish covers the rest of its sentence ("if they fix it, great phone").
        if let c = items.firstIndex(where: { $0.rule?.kind == .irrealis }), let rule = items[c].rule {
            for k in (c + 1)..<items.count where hasValence[k] && valences[k] != 0 {
                valences[k] *= rule.value
                if trace { firings[k].append(RuleFiring(rule: "irrealis", cue: itemText(items[c]), source: rule.source, effect: "×" + format(rule.value))) }
            }
        }
        if let r = items.first(where: { $0.rule?.kind == .rhetorical }), let rule = r.rule {
            for k in items.indices where hasValence[k] { valences[k] *= rule.value }
            if trace { sentenceFirings.append(RuleFiring(rule: "rhetorical", cue: itemText(r), source: rule.source, effect: "×" + format(rule.value))) }
        } else if work.marks.contains(where: { $0.rule.kind == .question }) {
            // A yes/no question asks whether its sentiment holds ("Is it any good?"); other
            // questions keep part of theirs ("Why is it so bad?").
            // The yes/no question is its clause ("太失望了，有人知道哪里能买吗": the complaint
            // before it stays a statement, scaled as any question's).
            let questionScalar = target == .brand ? settings.questionScalarBrand : settings.questionScalarAny
            let askedClause = work.polarQuestionCloses ? items.last?.clause : items.first?.clause
            let scalar = work.polarQuestion?.value ?? questionScalar
            if scalar != 1 || questionScalar != 1 {
                for k in items.indices where hasValence[k] {
                    valences[k] *= work.polarQuestion != nil && items[k].clause != askedClause ? questionScalar : scalar
                }
                if trace {
                    if let polar = work.polarQuestion {
                        sentenceFirings.append(RuleFiring(rule: "polar-question", cue: "yes/no question", source: polar.source, effect: "×" + format(scalar)))
                    } else {
                        let mark = work.marks.first { $0.rule.kind == .question }
                        sentenceFirings.append(RuleFiring(rule: "question", cue: mark.map { String(text.text(of: view.tokens[$0.view])) } ?? "?",
                                                          source: mark?.rule.source, effect: "×" + format(scalar)))
                    }
                }
            }
        }

        // 4. Targets.
        let mentions = findMentions(items: items, spans: work.spans, view: view, comment: comment, context: context, focus: focus)
        let carried = focus
        let sentenceFocus = mentions.first { $0.target.targetClass != .writer && ($0.resolved || !$0.isAnaphor) }?.target
        if let sentenceFocus { focus = sentenceFocus }

        var counted = 0.0, all = 0.0
        var perTarget: [TargetSentiment] = []
        var wordTraces: [WordExplanation] = []
        for k in items.indices where hasValence[k] && valences[k] != 0 {
            let (resolved, reason) = attribute(k, items: items, mentions: mentions, sentenceFocus: sentenceFocus, carried: carried)
            let counts = target == .any || (resolved?.targetClass.countsTowardBrand ?? false)
            let v = valences[k]
            all += v
            if counts { counted += v }
            if let existing = perTarget.firstIndex(where: { $0.targetClass == resolved?.targetClass && $0.id == resolved?.id }) {
                perTarget[existing].valence += v
            } else {
                perTarget.append(TargetSentiment(targetClass: resolved?.targetClass, id: resolved?.id, valence: v, counted: counts))
            }
            if trace {
                let item = items[k]
                let first = view.tokens[item.view.lowerBound].range.lowerBound
                let last = view.tokens[item.view.upperBound - 1].range.upperBound
                wordTraces.append(WordExplanation(
                    range: first..<last, text: itemText(item), base: item.cue?.valence(for: target)?.value ?? 0,
                    entry: item.cue?.valence(for: target)?.source,
                    firings: firings[k], valence: v,
                    target: TargetSentiment(targetClass: resolved?.targetClass, id: resolved?.id, valence: v, counted: counts),
                    targetText: resolved?.text, targetSource: resolved?.source, targetReason: reason))
            }
        }
        let emphasis = settings.punctuationEmphasis(exclamations: work.exclamations, questions: work.questions)
        if emphasis != 0 {
            if all != 0 { all += all > 0 ? emphasis : -emphasis }
            if counted != 0 { counted += counted > 0 ? emphasis : -emphasis }
            if trace && (all != 0) {
                let marks = work.marks.map { String(text.text(of: view.tokens[$0.view])) }.joined()
                sentenceFirings.append(RuleFiring(rule: "punctuation", cue: marks, source: work.marks.first?.rule.source, effect: "±" + format(emphasis)))
            }
        }
        let sentiment = SentenceSentiment(index: index, counted: counted, all: all, targets: perTarget)
        guard trace else { return SentenceOutcome(sentiment: sentiment, trace: nil) }
        let sentenceRange = text.sentences.indices.contains(index) ? text.sentences[index].range : 0..<0
        let mentionTraces = mentions.map { mention -> MentionExplanation in
            let item = items[mention.item]
            let end = items[mention.itemEnd - 1]
            let mentionText = String(text.slice(view.tokens[item.view.lowerBound].range.lowerBound..<view.tokens[end.view.upperBound - 1].range.upperBound))
            return MentionExplanation(text: mentionText, targetClass: mention.isAnaphor ? .anaphor : mention.target.targetClass,
                                      id: mention.target.id,
                                      resolved: mention.isAnaphor ? (mention.resolved ? describe(mention.target) : "unresolved") : nil,
                                      source: mention.isAnaphor ? nil : mention.target.source)
        }
        let sentenceTrace = SentenceExplanation(index: index, range: sentenceRange, text: String(text.slice(sentenceRange)),
                                                mentions: mentionTraces, words: wordTraces, firings: sentenceFirings,
                                                counted: counted, all: all)
        return SentenceOutcome(sentiment: sentiment, trace: sentenceTrace)
    }

    func describe(_ target: ResolvedTarget) -> String {
        var text = target.targetClass.rawValue
        if let id = target.id { text += " \(id)" }
        if let mention = target.text { text += " (\"\(mention)\")" }
        return text
    }

    private func maxNegatorScope(_ items: [Item]) -> Int {
        var scope = 0
        for item in items where item.rule?.kind == .negator { scope = max(scope, Int(item.rule?.value ?? 0)) }
        return scope
    }

    // MARK: Targets

    /// The targets a sentence names, tied to its items: storefront words resolved (the brand's
    /// after its name or "official", else a reseller's), adjacent mentions merged into one noun
    /// phrase whose head (the last) is the target ("天猫一加旗舰店", "Honor fans"), pronouns
    /// resolved.
    private func findMentions(items: [Item], spans: [Span], view: LexiconView, comment: AnalyzedComment, context: Context, focus: ResolvedTarget?) -> [Mention] {
        guard !items.isEmpty, !spans.isEmpty else { return [] }
        func itemIndex(ofView position: Int) -> Int? {
            // Items are in view order; a span starts in the first item that ends after it.
            var low = 0, high = items.count
            while low < high {
                let mid = (low + high) / 2
                if items[mid].view.upperBound <= position { low = mid + 1 } else { high = mid }
            }
            return low < items.count ? low : nil
        }
        var mentions: [Mention] = []
        for span in spans {
            guard let first = itemIndex(ofView: span.view.lowerBound) else { continue }
            let last = (itemIndex(ofView: span.view.upperBound - 1) ?? first) + 1
            mentions.append(Mention(item: first, itemEnd: max(last, first + 1), target: span.target,
                                    isAnaphor: span.target.targetClass == .anaphor, resolved: span.target.targetClass != .anaphor))
        }
        mentions.sort { $0.item < $1.item }
        // Storefronts: the brand's right after its name or a brand cue ("Xiaomi's own store",
        // "official Realme store"), else a reseller's.
        for m in mentions.indices where mentions[m].target.targetClass == .storefront {
            let owner = mentions[..<m].last { $0.itemEnd <= mentions[m].item && mentions[m].item - $0.itemEnd <= settings.storefrontReach }
            if let owner, owner.target.targetClass == .brand {
                mentions[m].target.targetClass = .brand
                mentions[m].target.id = owner.target.id
            } else {
                mentions[m].target.targetClass = .reseller
            }
        }
        // Adjacent mentions form one noun phrase; its head, the last, is the target.
        var merged: [Mention] = []
        for mention in mentions {
            if let previous = merged.last, previous.itemEnd == mention.item,
               !previous.isAnaphor, !mention.isAnaphor,
               ![TargetClass.writer, .commenter].contains(previous.target.targetClass),
               ![TargetClass.writer, .commenter].contains(mention.target.targetClass) {
                var head = mention
                head.item = previous.item
                // A generic product word takes its owner: "Samsung phones" are Samsung's.
                if head.target.targetClass == .product, previous.target.targetClass == .brand || previous.target.targetClass == .rival {
                    head.target = previous.target
                }
                merged[merged.count - 1] = head
            } else {
                merged.append(mention)
            }
        }
        mentions = merged
        // Pronouns: the latest earlier mention in the sentence that is not the writer or the
        // person replied to, else the running focus.
        for m in mentions.indices where mentions[m].isAnaphor {
            let pronoun = mentions[m].target
            if let antecedent = mentions[..<m].last(where: { !$0.isAnaphor && $0.target.targetClass != .writer && $0.target.targetClass != .commenter }) {
                mentions[m].target = antecedent.target
                mentions[m].resolved = true
            } else if let earlier = mentions[..<m].last(where: { $0.isAnaphor && $0.resolved }) {
                mentions[m].target = earlier.target
                mentions[m].resolved = true
            } else if let focus {
                mentions[m].target = focus
                mentions[m].resolved = true
            }
            if !mentions[m].resolved { mentions[m].target = pronoun }
        }
        return mentions
    }

    /// Whom the sentiment word at item `k` is aimed at, and by which step.
    private func attribute(_ k: Int, items: [Item], mentions: [Mention], sentenceFocus: ResolvedTarget?,
                           carried: ResolvedTarget?) -> (ResolvedTarget?, String) {
        let clause = items[k].clause
        func usable(_ mention: Mention) -> Bool {
            mention.target.targetClass != .writer && (!mention.isAnaphor || mention.resolved)
        }
        if let own = mentions.first(where: { $0.item <= k && k < $0.itemEnd && usable($0) }) { return (own.target, "itself") }
        if settings.adjacentWindow > 0,
           let next = mentions.first(where: { $0.item > k && $0.item - k <= settings.adjacentWindow && items[$0.item].clause == clause && usable($0) }) {
            return (next.target, "adjacent")
        }
        // People are more often who feels than what is felt about ("buyers are angry at Xiaomi").
        if let subject = mentions.first(where: { $0.item < k && items[$0.item].clause == clause && usable($0) && $0.target.targetClass != .person }) {
            return (subject.target, "subject")
        }
        if let later = mentions.first(where: { $0.item > k && items[$0.item].clause == clause && usable($0) }) { return (later.target, "after") }
        if let sentenceFocus, let first = mentions.first(where: { usable($0) }),
           !settings.sentenceFocusOnlyBefore || items[first.item].clause < clause || first.item < k {
            return (sentenceFocus, "sentence")
        }
        if let carried { return (carried, "focus") }
        return (nil, "none")
    }
}
