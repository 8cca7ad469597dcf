/// Topic definitions (`models/topics/`): English and Chinese cues per topic, the thresholds that
/// assign a topic to a sentence and a comment, and the pronouns that let a bare reply take its
/// parent's topics.
///
/// ```
/// models/topics/cues.tsv      topic-cues/1      topic<TAB>cue|@entity-kind[<TAB>weight]
/// models/topics/settings.tsv  topic-settings/1  key<TAB>value
/// models/topics/context.tsv   topic-context/1   cue
/// ```
public struct TopicModel: Sendable {
    /// One cue's topic, weight and definition.
    public struct Cue: Hashable, Sendable {
        public var topic: String
        public var weight: Double
        public var source: SourceLocation
        public init(topic: String, weight: Double, source: SourceLocation) {
            self.topic = topic
            self.weight = weight
            self.source = source
        }
    }

    /// The numbers topic assignment uses; every key is required in `settings.tsv`.
    public struct Settings: Hashable, Sendable {
        /// A sentence takes a topic when its cues' weights for it sum to at least this.
        public var sentenceMinWeight: Double = .infinity
        /// A comment (the article) takes a topic found in at least this many of its sentences.
        public var commentMinSentences: Int = 1
        public var articleMinSentences: Int = 1
        /// When a reply with no topic of its own takes its parent's topics.
        public enum Inheritance: String, Hashable, Sendable, CaseIterable {
            /// Never.
            case never
            /// When it contains a context cue ("they", 这个).
            case context
            /// Always (replies continue their parent's subject).
            case always
        }
        public var inheritFromParent: Inheritance = .never
        public init() {}
    }

    /// Every cue by lookup units; a cue may serve several topics.
    public var cues: PhraseTable<[Cue]>
    /// Cues that are entity kinds (`@reseller`, `@region`): any recognised entity of the kind.
    public var entityCues: [EntityKind: [Cue]]
    /// Topic ids in the order the cues file first names them.
    public var topics: [String]
    public var settings: Settings
    /// Cues that mark a reply as continuing its parent's subject.
    public var context: PhraseTable<SourceLocation>

    /// No topics: assigns nothing.
    public init() {
        cues = PhraseTable()
        entityCues = [:]
        topics = []
        settings = Settings()
        context = PhraseTable()
    }

    static let settingKeys = ["sentence.min-weight", "comment.min-sentences", "article.min-sentences", "inherit.from-parent"]

    public static func load(_ loader: inout ModelLoader) -> TopicModel {
        var model = TopicModel()
        if let file = loader.read("topics/cues.tsv", format: "topic-cues") {
            var seen: [String: SourceLocation] = [:]
            for record in file.records {
                guard record.expectColumns(2...3, diagnostics: &loader.diagnostics, code: "topics.column-count") else { continue }
                guard let topic = record.field(0), let phrase = record.field(1) else {
                    loader.diagnostics.append(.error("topics.empty-field", "topic and cue must not be empty", at: record.location()))
                    continue
                }
                guard let first = topic.unicodeScalars.first, ("a"..."z").contains(first),
                      topic.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }) else {
                    let suggestion = closestMatch(to: topic, in: model.topics).map { " (did you mean '\($0)'?)" } ?? ""
                    loader.diagnostics.append(.error("topics.topic-id", "topic id '\(topic)' must be lower-case letters, digits, '-' or '_'\(suggestion)", at: record.location()))
                    continue
                }
                var weight = 1.0
                if record.field(2) != nil {
                    guard let value = record.number(2, in: 0...10, diagnostics: &loader.diagnostics, code: "topics.weight") else { continue }
                    weight = value
                }
                if phrase.hasPrefix("@") {
                    let kindName = String(phrase.dropFirst())
                    guard let kind = EntityKind(rawValue: kindName) else {
                        let kinds = EntityKind.allCases.map(\.rawValue)
                        let suggestion = closestMatch(to: kindName, in: kinds).map { " (did you mean '@\($0)'?)" } ?? ""
                        loader.diagnostics.append(.error("topics.entity-kind", "unknown entity kind '\(phrase)'\(suggestion); expected \(kinds.map { "@" + $0 }.joined(separator: ", "))", at: record.location(field: 1)))
                        continue
                    }
                    if model.entityCues[kind, default: []].contains(where: { $0.topic == topic }) {
                        loader.diagnostics.append(.warning("topics.duplicate", "'\(phrase)' is already a \(topic) cue", at: record.location(field: 1)))
                        continue
                    }
                    if !model.topics.contains(topic) { model.topics.append(topic) }
                    model.entityCues[kind, default: []].append(Cue(topic: topic, weight: weight, source: record.location(field: 1)))
                    continue
                }
                let units = loader.units(of: phrase)
                guard !units.isEmpty else {
                    loader.diagnostics.append(.error("topics.empty-entry", "'\(phrase)' has no word or character to match", at: record.location(field: 1)))
                    continue
                }
                let key = topic + "\u{1F}" + units.joined(separator: "\u{1F}")
                if let earlier = seen[key] {
                    loader.diagnostics.append(.warning("topics.duplicate", "'\(phrase)' is already a \(topic) cue at \(earlier)", at: record.location(field: 1)))
                    continue
                }
                seen[key] = record.location(field: 1)
                if !model.topics.contains(topic) {
                    // A topic name one edit away from a known one is most likely a typo.
                    if let near = closestMatch(to: topic, in: model.topics), near != topic, topic.count > 4 {
                        loader.diagnostics.append(.warning("topics.new-topic", "new topic '\(topic)' (did you mean '\(near)'?)", at: record.location()))
                    }
                    model.topics.append(topic)
                }
                var entries = model.cues.value(forUnits: units) ?? []
                entries.append(Cue(topic: topic, weight: weight, source: record.location(field: 1)))
                model.cues.insert(units: units, value: entries)
            }
        }
        if let file = loader.read("topics/settings.tsv", format: "topic-settings") {
            var seen: Set<String> = []
            for record in file.records {
                guard record.expectColumns(2...2, diagnostics: &loader.diagnostics, code: "topics.settings.column-count") else { continue }
                guard let key = record.field(0), let value = record.field(1) else {
                    loader.diagnostics.append(.error("topics.settings.empty-field", "key and value must not be empty", at: record.location()))
                    continue
                }
                guard settingKeys.contains(key) else {
                    let suggestion = closestMatch(to: key, in: settingKeys).map { " (did you mean '\($0)'?)" } ?? ""
                    loader.diagnostics.append(.error("topics.settings.unknown-key", "unknown setting '\(key)'\(suggestion)", at: record.location()))
                    continue
                }
                guard seen.insert(key).inserted else {
                    loader.diagnostics.append(.error("topics.settings.duplicate", "'\(key)' is set twice", at: record.location()))
                    continue
                }
                switch key {
                case "sentence.min-weight":
                    if let number = record.number(1, in: 0...100, diagnostics: &loader.diagnostics, code: "topics.settings.number") { model.settings.sentenceMinWeight = number }
                case "comment.min-sentences", "article.min-sentences":
                    guard let number = Int(value), (1...100).contains(number) else {
                        loader.diagnostics.append(.error("topics.settings.integer", "expected a whole number in 1…100, found '\(value)'", at: record.location(field: 1)))
                        continue
                    }
                    if key == "comment.min-sentences" { model.settings.commentMinSentences = number } else { model.settings.articleMinSentences = number }
                default:
                    guard let inheritance = Settings.Inheritance(rawValue: value) else {
                        let choices = Settings.Inheritance.allCases.map(\.rawValue)
                        let suggestion = closestMatch(to: value, in: choices).map { " (did you mean '\($0)'?)" } ?? ""
                        loader.diagnostics.append(.error("topics.settings.choice", "unknown value '\(value)'\(suggestion); expected \(choices.joined(separator: ", "))", at: record.location(field: 1)))
                        continue
                    }
                    model.settings.inheritFromParent = inheritance
                }
            }
            for key in settingKeys where !seen.contains(key) {
                loader.diagnostics.append(.error("topics.settings.missing", "setting '\(key)' is missing", at: SourceLocation(file: file.path, line: 1)))
            }
        }
        if let file = loader.read("topics/context.tsv", format: "topic-context") {
            for record in file.records {
                guard record.expectColumns(1...1, diagnostics: &loader.diagnostics, code: "topics.context.column-count"), let phrase = record.field(0) else { continue }
                let units = loader.units(of: phrase)
                guard !units.isEmpty else {
                    loader.diagnostics.append(.error("topics.context.empty-entry", "'\(phrase)' has no word or character to match", at: record.location()))
                    continue
                }
                if let earlier = model.context.value(forUnits: units) {
                    loader.diagnostics.append(.warning("topics.context.duplicate", "'\(phrase)' is already a context cue at \(earlier)", at: record.location()))
                    continue
                }
                model.context.insert(units: units, value: record.location())
            }
        }
        return model
    }
}

/// One topic a comment touches, with the sentiment toward the brand in the sentences about it.
public struct TopicResult: Hashable, Sendable {
    public var topic: String
    public var label: SentimentLabel
    public var score: Double
    /// Indices of the sentences assigned to the topic.
    public var sentences: [Int]

    public init(topic: String, label: SentimentLabel, score: Double, sentences: [Int]) {
        self.topic = topic
        self.label = label
        self.score = score
        self.sentences = sentences
    }
}
