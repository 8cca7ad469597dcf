/// The entries a sentiment model is made of: valences, rules (negators, boosters, contrast …)
/// and target cues, each with the file:line it was defined at, so `explain` can point at it.

/// What a rule entry does when it matches (`models/sentiment/*/rules.tsv`, column 1).
public enum SentimentRuleKind: String, Hashable, Sendable, CaseIterable {
    /// Flips (scales by `negation.scalar`) sentiment words within its scope after it.
    case negator
    /// Adds its increment to the next sentiment words (negative increments dampen).
    case booster
    /// Weights the sentence's sentiment before and after it ("but": 0.5 / 1.5).
    case contrast
    /// Weights its own clause and what follows ("although": 0.5 / 1.5).
    case concession
    /// A phrase whose words do not negate; scales the next sentiment word instead ("at least",
    /// "never so": 1.25, "no doubt").
    case negationException = "negation-exception"
    /// A superlative sentiment word: negated, it is scaled by the superlative scalars instead
    /// ("not the worst" is not praise).
    case superlative
    /// A rhetorical-question cue: scales its sentence's sentiment (难道 … 吗: -1).
    case rhetorical
    /// A conditional or wish ("if", 如果): scales the rest of its sentence (it asserts nothing).
    case irrealis
    /// An exclamation cue ("!", "！"): emphasis added to the sentence's sentiment.
    case exclamation
    /// A question cue ("?", 吗): makes its sentence a question (scaled by `question.scalar.*`)
    /// and counts toward question-mark emphasis by its weight.
    case question
    /// A word that makes a question a yes/no question about whether the sentiment holds ("Is
    /// it any good?", 值得买吗): anchored to the sentence's first word (`^is`) or its last
    /// (`吗$`); such a question is scaled by its value instead of `question.scalar.*`.
    case polarQuestion = "polar-question"
    /// Ends a clause (",", ";", "，"): bounds target attribution and, when set, negation scope.
    case clauseBreak = "clause-break"
}

/// One rule entry with its numbers (which ones a kind uses is documented per kind).
public struct SentimentRule: Hashable, Sendable {
    public var kind: SentimentRuleKind
    /// negator: scope in words; booster: increment; contrast: weight before; concession: weight
    /// of its own clause; negation-exception and rhetorical: scalar; exclamation and question:
    /// how many marks it counts as.
    public var value: Double
    /// contrast: weight after; concession: weight of what follows its clause.
    public var second: Double
    /// Applies only when scoring toward the brand (a trailing `brand` column).
    public var brandOnly: Bool
    public var source: SourceLocation

    public init(kind: SentimentRuleKind, value: Double, second: Double = 0, brandOnly: Bool = false, source: SourceLocation) {
        self.kind = kind
        self.value = value
        self.second = second
        self.brandOnly = brandOnly
        self.source = source
    }
}

/// What one lexicon unit sequence means: a valence, a rule, or both (VADER's "no" is both: a
/// negator, and -1.2 when it negates nothing).
public struct SentimentCue: Hashable, Sendable {
    /// Valence on VADER's scale (-4 … 4).
    public var valence: Double?
    public var valenceSource: SourceLocation?
    public var rule: SentimentRule?
    /// A valence that replaces `valence` in `brand` mode only: words that are business
    /// vocabulary in brand threads ("3rd party", "pay") but sentiment in general text.
    public var brandValence: Double?
    public var brandValenceSource: SourceLocation?
    /// The entry starts or ends with punctuation or a symbol (an emoticon such as `:)`): it only
    /// matches written together and set off by spaces, so `(see above):` is not a frown.
    public var needsSpacing: Bool
    /// The entry holds punctuation inside ("rip-off"): it only matches written together.
    public var needsContiguity: Bool = false

    public init(valence: Double? = nil, valenceSource: SourceLocation? = nil, rule: SentimentRule? = nil, needsSpacing: Bool = false) {
        self.valence = valence
        self.valenceSource = valenceSource
        self.rule = rule
        self.needsSpacing = needsSpacing
    }

    /// The valence and its entry under `target`.
    public func valence(for target: AnalysisOptions.Target) -> (value: Double, source: SourceLocation?)? {
        if target == .brand, let brandValence { return (brandValence, brandValenceSource) }
        return valence.map { ($0, valenceSource) }
    }
}

/// What a target cue or entity denotes, for deciding whom a sentiment word is aimed at.
public enum TargetClass: String, Hashable, Sendable, CaseIterable {
    /// The brand itself or a generic reference to it ("the company", 官方, 厂家).
    case brand
    /// A generic product word ("phone", 手机): the brand's goods.
    case product
    /// Another brand from the gazetteer.
    case rival
    /// A reseller, scalper or shop ("reseller", 黄牛, `*shop`).
    case reseller
    /// A shop or store word ("store", "shop"): the brand's right after its name or a brand cue
    /// ("Xiaomi's own store", "official Realme store"), a reseller's otherwise.
    case storefront
    /// A marketplace platform ("eBay", 淘宝).
    case platform
    /// People other than the brand: buyers, users, insults aimed at people ("dolt", 喷子).
    case person
    /// The commenter being replied to ("you", 你, 楼主).
    case commenter
    /// Tools, scripts, bots, apps.
    case tool
    /// The writer ("I", 我): an experiencer, never a target.
    case writer
    /// A pronoun that refers back ("it", "they", 它, 他们): resolved to an earlier target.
    case anaphor
    /// Anything else a sentiment word may be aimed at ("the picture", "the article", 媒体).
    case other

    /// Whether sentiment aimed at this class counts toward the thread's brand.
    public var countsTowardBrand: Bool { self == .brand || self == .product }
}

/// One target cue (`models/sentiment/targets.tsv`).
public struct TargetCue: Hashable, Sendable {
    public var targetClass: TargetClass
    public var source: SourceLocation
    public init(targetClass: TargetClass, source: SourceLocation) {
        self.targetClass = targetClass
        self.source = source
    }
}

/// A cue that matches any single token ending in `suffix` (`*n't`, `*shop`).
public struct SuffixCue<Value: Hashable & Sendable>: Hashable, Sendable {
    public var suffix: String
    public var value: Value
    public init(suffix: String, value: Value) {
        self.suffix = suffix
        self.value = value
    }
}
