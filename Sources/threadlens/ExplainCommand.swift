import ArgumentParser
import ThreadLens

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why a comment got its sentiment: per sentence, the words, rules, entries and targets.",
        discussion: """
        For each sentence of the comment: the targets it names (entities and target cues, pronouns
        with what they resolved to), every sentiment word with its lexicon entry (file:line), each
        rule that changed it (negation, booster, caps, contrast, concession, superlative) with the
        entry that defined the rule, whom it was judged to be aimed at and by which step (itself,
        adjacent, subject, after, sentence, focus), and whether it counted toward the brand; then
        the sentence rules (rhetorical, question, punctuation emphasis) and the sums. Ends with the
        comment's score and its topics.

        \(ExitStatus.documentation)
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var input: InputOptions
    @OptionGroup var modelOptions: ModelOptions
    @Option(name: .long, parsing: .singleValue, help: "The comment id to explain (repeatable), e.g. 2.1 or 0 for the article.")
    var id: [String] = []
    @Option(help: "The thread holding the comment, when the inputs hold several.")
    var thread: String?
    @Option(help: "The brand the threads are about (a gazetteer id such as xiaomi); detected when omitted.")
    var brand: String?
    @Option(help: "brand: score only sentiment aimed at the brand; any: all sentiment in the text.")
    var target: AnalysisOptions.Target = .brand
    @Option(help: "text (readable) or json (one object per comment).")
    var format: Format = .text

    func validate() throws {
        if id.isEmpty { throw ValidationError("name the comment to explain with --id (e.g. --id 2.1)") }
    }

    func run() throws {
        let analyzer = try loadAnalyzer(modelOptions, options: AnalysisOptions(brand: brand, target: target))
        let run = InputRun(input)
        let scoring = SentimentScoring(model: analyzer.models.sentiment, target: target)
        var out = OutputBuffer()
        var found: Set<String> = []
        var analysed = 0
        for candidate in run.threads where thread == nil || candidate.id.rawValue == thread {
            let wanted = candidate.comments.filter { id.contains($0.id.rawValue) }
            guard !wanted.isEmpty else { continue }
            let analyzedThread = analyzer.analyze(candidate)
            analysed += analyzedThread.comments.count
            for comment in wanted {
                guard let explanation = scoring.explain(comment.id, in: analyzedThread),
                      let analyzedComment = analyzedThread.comments.first(where: { $0.id == comment.id }) else { continue }
                found.insert(comment.id.rawValue)
                switch format {
                case .text:
                    for line in Self.render(explanation, comment: analyzedComment, thread: candidate.id) { out.write(line) }
                case .json:
                    out.write(Self.json(explanation, comment: analyzedComment, thread: candidate.id).serialized())
                }
            }
        }
        out.flush()
        run.printSummary(analysed: analysed)
        let missing = id.filter { !found.contains($0) }
        if !missing.isEmpty {
            printError("threadlens: no comment with id \(missing.joined(separator: ", "))\(thread.map { " in thread \($0)" } ?? "")")
            throw ExitCode(ExitStatus.checkFailed)
        }
        if run.exitCode != 0 { throw ExitCode(run.exitCode) }
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        if rounded == 0 { return "0" }
        return (rounded > 0 ? "+" : "") + (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded))
    }

    static func describe(_ target: TargetSentiment, text: String?) -> String {
        guard let targetClass = target.targetClass else { return "no target" }
        var description = targetClass.rawValue
        if let id = target.id { description += " \(id)" }
        if let text { description += " \"\(text)\"" }
        return description
    }

    static func render(_ explanation: SentimentExplanation, comment: AnalyzedComment, thread: ThreadID) -> [String] {
        var lines: [String] = []
        lines.append("\(thread)#\(comment.id)  brand: \(explanation.brand ?? "none")  target: \(explanation.target.rawValue)  lang: \(comment.text.language.rawValue)")
        for sentence in explanation.sentences {
            lines.append("")
            lines.append("sentence \(sentence.index + 1): \(sentence.text.replacingOccurrences(of: "\n", with: " "))")
            for mention in sentence.mentions {
                var line = "  target  \"\(mention.text)\" \(mention.targetClass.rawValue)"
                if let id = mention.id, mention.resolved == nil { line += " \(id)" }
                if let resolved = mention.resolved { line += " → \(resolved)" }
                if let source = mention.source { line += "  [\(source)]" }
                lines.append(line)
            }
            for word in sentence.words {
                lines.append("  word    \"\(word.text)\" \(number(word.base))  [\(word.entry.map(\.description) ?? "no entry")]")
                for firing in word.firings {
                    var line = "          \(firing.rule) \(firing.effect)"
                    if !firing.cue.isEmpty { line += " by \"\(firing.cue)\"" }
                    if let source = firing.source { line += "  [\(source)]" }
                    lines.append(line)
                }
                let verdict = word.target.counted ? "kept" : "dropped"
                var line = "          = \(number(word.valence)) → \(describe(word.target, text: word.targetText)) (\(word.targetReason)): \(verdict)"
                if let source = word.targetSource { line += "  [\(source)]" }
                lines.append(line)
            }
            for firing in sentence.firings {
                var line = "  rule    \(firing.rule) \(firing.effect)"
                if !firing.cue.isEmpty { line += " by \"\(firing.cue)\"" }
                if let source = firing.source { line += "  [\(source)]" }
                lines.append(line)
            }
            if !sentence.words.isEmpty {
                lines.append("  sum     counted \(number(sentence.counted)), all \(number(sentence.all))")
            }
        }
        lines.append("")
        lines.append("sentiment: \(explanation.result.label.rawValue) \(number(explanation.result.score))")
        for topic in comment.topics {
            lines.append("topic \(topic.topic): \(topic.label.rawValue) \(number(topic.score)) (sentences \(topic.sentences.map { String($0 + 1) }.joined(separator: ", ")))")
        }
        return lines
    }

    static func json(_ explanation: SentimentExplanation, comment: AnalyzedComment, thread: ThreadID) -> JSONValue {
        func location(_ source: SourceLocation?) -> JSONValue { .optional(source?.description) }
        func firing(_ firing: RuleFiring) -> JSONValue {
            .object([("rule", .string(firing.rule)), ("cue", .string(firing.cue)), ("effect", .string(firing.effect)), ("source", location(firing.source))])
        }
        return .object([
            ("thread", .string(thread.rawValue)),
            ("id", .string(comment.id.rawValue)),
            ("brand", .optional(explanation.brand)),
            ("target", .string(explanation.target.rawValue)),
            ("sentiment", .object([("label", .string(explanation.result.label.rawValue)), ("score", .number(explanation.result.score))])),
            ("sentences", .array(explanation.sentences.map { sentence in
                .object([
                    ("index", .integer(sentence.index)),
                    ("text", .string(sentence.text)),
                    ("targets", .array(sentence.mentions.map { mention in
                        .object([("text", .string(mention.text)), ("class", .string(mention.targetClass.rawValue)),
                                 ("id", .optional(mention.id)), ("resolved", .optional(mention.resolved)), ("source", location(mention.source))])
                    })),
                    ("words", .array(sentence.words.map { word in
                        .object([
                            ("text", .string(word.text)), ("start", .integer(word.range.lowerBound)), ("end", .integer(word.range.upperBound)),
                            ("valence", .number(word.base)), ("entry", location(word.entry)),
                            ("rules", .array(word.firings.map(firing))),
                            ("final", .number(word.valence)),
                            ("target", .optional(word.target.targetClass?.rawValue)), ("target_id", .optional(word.target.id)),
                            ("target_text", .optional(word.targetText)), ("target_step", .string(word.targetReason)),
                            ("counted", .bool(word.target.counted)),
                        ])
                    })),
                    ("rules", .array(sentence.firings.map(firing))),
                    ("counted", .number(sentence.counted)),
                    ("all", .number(sentence.all)),
                ])
            })),
            ("topics", .array(comment.topics.map {
                .object([("topic", .string($0.topic)), ("label", .string($0.label.rawValue)), ("score", .number($0.score)),
                         ("sentences", .array($0.sentences.map { .integer($0) }))])
            })),
        ])
    }
}
