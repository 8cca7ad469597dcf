/// What `threadlens explain` shows: per sentence, the words that carried sentiment, each rule
/// that fired with the entry that defined it, and whom each word was judged to be aimed at.

/// One rule that changed a word's valence or a sentence's sum.
public struct RuleFiring: Hashable, Sendable {
    /// What happened: `negation`, `booster`, `caps`, `contrast`, `concession`,
    /// `negation-exception`, `superlative`, `rhetorical`, `question`, `exclamation`, `spacing`.
    public var rule: String
    /// The cue's text as written in the comment (empty for rules without one).
    public var cue: String
    /// The entry that defined the cue, or the setting's file for rules without one.
    public var source: SourceLocation?
    /// The change, readable: `×-0.74`, `+0.293`.
    public var effect: String

    public init(rule: String, cue: String, source: SourceLocation?, effect: String) {
        self.rule = rule
        self.cue = cue
        self.source = source
        self.effect = effect
    }
}

/// One sentiment-bearing word (or phrase) and what became of it.
public struct WordExplanation: Hashable, Sendable {
    /// UTF-8 byte range in the comment text.
    public var range: Range<Int>
    public var text: String
    /// The lexicon valence and its entry.
    public var base: Double
    public var entry: SourceLocation?
    public var firings: [RuleFiring]
    /// The valence after every rule.
    public var valence: Double
    /// Whom it was aimed at, and by which attribution step (`itself`, `adjacent`, `subject`,
    /// `after`, `sentence`, `focus`, `default`, `none`).
    public var target: TargetSentiment
    public var targetText: String?
    public var targetSource: SourceLocation?
    public var targetReason: String

    public init(range: Range<Int>, text: String, base: Double, entry: SourceLocation?, firings: [RuleFiring], valence: Double,
                target: TargetSentiment, targetText: String?, targetSource: SourceLocation?, targetReason: String) {
        self.range = range
        self.text = text
        self.base = base
        self.entry = entry
        self.firings = firings
        self.valence = valence
        self.target = target
        self.targetText = targetText
        self.targetSource = targetSource
        self.targetReason = targetReason
    }
}

/// A target named or implied in a sentence.
public struct MentionExplanation: Hashable, Sendable {
    public var text: String
    public var targetClass: TargetClass
    public var id: String?
    /// For a pronoun: what it was resolved to.
    public var resolved: String?
    public var source: SourceLocation?

    public init(text: String, targetClass: TargetClass, id: String?, resolved: String?, source: SourceLocation?) {
        self.text = text
        self.targetClass = targetClass
        self.id = id
        self.resolved = resolved
        self.source = source
    }
}

/// One sentence's explanation.
public struct SentenceExplanation: Hashable, Sendable {
    public var index: Int
    public var range: Range<Int>
    public var text: String
    public var mentions: [MentionExplanation]
    public var words: [WordExplanation]
    /// Rules that changed the whole sentence (contrast, rhetorical, question, exclamation).
    public var firings: [RuleFiring]
    public var counted: Double
    public var all: Double

    public init(index: Int, range: Range<Int>, text: String, mentions: [MentionExplanation], words: [WordExplanation],
                firings: [RuleFiring], counted: Double, all: Double) {
        self.index = index
        self.range = range
        self.text = text
        self.mentions = mentions
        self.words = words
        self.firings = firings
        self.counted = counted
        self.all = all
    }
}

/// The whole explanation of one comment's sentiment.
public struct SentimentExplanation: Hashable, Sendable {
    public var brand: String?
    public var target: AnalysisOptions.Target
    public var result: SentimentResult
    public var sentences: [SentenceExplanation]

    public init(brand: String?, target: AnalysisOptions.Target, result: SentimentResult, sentences: [SentenceExplanation]) {
        self.brand = brand
        self.target = target
        self.result = result
        self.sentences = sentences
    }
}
