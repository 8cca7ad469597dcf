import Foundation
import ThreadLensCore

/// Fixtures: short threads with the expected analysis written inline, that an analyst writes by
/// hand in a minute to pin down what a lexicon or rule change must do (`threadlens test`).
///
/// Format `fixtures/1` (files `*.fixtures` under `corpora/fixtures/`):
///
/// ```
/// #! format: fixtures/1
/// # Lines starting with '#' and blank lines are skipped.
///
/// fixture: a negator flips the word after it
/// brand: xiaomi
/// > Xiaomi phones are not good.
/// expect: sentiment negative
///
/// fixture: a reply disputes a reseller claim
/// > Xiaomiworld is an official reseller.
/// expect: claim reseller_legitimacy xiaomiworld legitimate
/// >> No, they are not official at all.
/// expect: stance disagree
/// expect: claim reseller_legitimacy xiaomiworld illegitimate
/// ```
///
/// - `fixture: NAME` starts a fixture; the settings `brand: ID` (force the thread's brand),
///   `target: brand|any`, `title: TEXT` and `article: TEXT` (the article, comment `0`) may follow.
/// - `> TEXT` is a top-level comment, `>> TEXT` a reply to the last `>`, `>>> TEXT` a reply to
///   the last `>>`, and so on; ids follow the text format (SPEC §3): `1`, `1.1`, `2` …. A line
///   starting with white space continues the comment on a new line; `\n` in the text is a line
///   break too.
/// - `expect: …` lines state what the last comment (or the article) must get:
///   - `sentiment positive|negative|neutral`
///   - `topics T …` the exact topic set (`topics none`: no topic); `topic T` includes T;
///     `no topic T` excludes T
///   - `claim TYPE SUBJECT VALUE [REGION] [hedged|unhedged]`: all `claim` lines of a comment
///     are its exact claim set, compared on (type, subject, value, region); hedging is checked
///     only when written; `no claim`: no claims at all; `no claim TYPE SUBJECT VALUE [REGION]`:
///     not this one
///   - `stance agree|disagree|none`
///   - `lang en|zh|mixed|und`
///
/// Problems are diagnostics at file:line:column with ids `fixture.*`; a fixture with a problem
/// is not run.
public struct FixtureFile: Sendable {
    public static let format = "fixtures"
    public static let versions = 1...1
    public static let fileExtension = "fixtures"

    public var path: String
    public var fixtures: [Fixture]

    /// Reads and parses a fixture file.
    public static func load(path: String) -> (FixtureFile, [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return (FixtureFile(path: path, fixtures: []), [.error("fixture.unreadable", "cannot read the fixture file", at: SourceLocation(file: path, line: 1))])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (FixtureFile(path: path, fixtures: []), [.error("fixture.encoding", "the fixture file is not valid UTF-8", at: SourceLocation(file: path, line: 1))])
        }
        return parse(text, path: path)
    }

    /// The fixture files a path names: the file itself, or every `*.fixtures` file under a
    /// directory (sorted).
    public static func files(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        let enumerator = FileManager.default.enumerator(atPath: path)
        var found: [String] = []
        while let name = enumerator?.nextObject() as? String {
            if name.hasSuffix("." + fileExtension) { found.append((path as NSString).appendingPathComponent(name)) }
        }
        return found.sorted()
    }

    /// Parses fixture-file text.
    public static func parse(_ text: String, path: String) -> (FixtureFile, [Diagnostic]) {
        var parser = FixtureParser(path: path)
        parser.parse(text)
        return (FixtureFile(path: path, fixtures: parser.fixtures), parser.diagnostics)
    }
}

/// One fixture: a short thread and what the analysis of its comments must give.
public struct Fixture: Hashable, Sendable {
    public var name: String
    /// The `fixture:` line.
    public var location: SourceLocation
    public var brand: String?
    public var target: AnalysisOptions.Target
    public var title: String?
    public var comments: [FixtureComment]

    /// The thread the pipeline analyses.
    public var thread: CommentThread {
        CommentThread(id: ThreadID("\(location.file):\(location.line)"), title: title, source: location.file,
                      comments: comments.map { Comment(id: $0.id, parent: $0.parent, text: $0.text, location: $0.location) })
    }

    public var expectationCount: Int { comments.reduce(0) { $0 + $1.expectations.count } }
}

/// A comment of a fixture with its expectations.
public struct FixtureComment: Hashable, Sendable {
    public var id: CommentID
    public var parent: CommentID?
    public var text: String
    public var location: SourceLocation
    public var expectations: [FixtureExpectation]
}

/// One `expect:` line.
public struct FixtureExpectation: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case sentiment(SentimentLabel)
        case topics(Set<String>)
        case hasTopic(String)
        case lacksTopic(String)
        /// One claim of the comment's exact claim set.
        case claim(FixtureClaim)
        /// No claims at all.
        case noClaims
        case lacksClaim(FixtureClaim)
        case stance(Stance)
        case language(Language)
    }

    public var kind: Kind
    public var location: SourceLocation
}

/// A claim as a fixture states it.
public struct FixtureClaim: Hashable, Sendable, CustomStringConvertible {
    public var type: String
    public var subject: String
    public var value: String
    public var region: String?
    /// `nil` when the fixture does not say.
    public var hedged: Bool?

    public init(type: String, subject: String, value: String, region: String? = nil, hedged: Bool? = nil) {
        self.type = type
        self.subject = subject
        self.value = value
        self.region = region
        self.hedged = hedged
    }

    /// `type subject value [region] [hedged]`.
    public var description: String {
        var parts = [type, subject, value]
        if let region { parts.append(region) }
        if let hedged { parts.append(hedged ? "hedged" : "unhedged") }
        return parts.joined(separator: " ")
    }

    /// Whether `claim` is this claim (hedging only when stated).
    public func matches(_ claim: Claim) -> Bool {
        claim.type == type && claim.subject == subject && claim.value == value && claim.region == region
            && (hedged == nil || hedged == claim.hedged)
    }
}

/// The line parser behind `FixtureFile.parse`.
struct FixtureParser {
    let path: String
    var fixtures: [Fixture] = []
    var diagnostics: [Diagnostic] = []

    private var current: Fixture?
    private var broken = false
    /// The last comment index at each depth (0: the article).
    private var lastAtDepth: [Int: Int] = [:]
    private var replyCounts: [CommentID: Int] = [:]
    private var topLevelCount = 0

    static let settings = ["brand", "target", "title", "article"]
    static let expectations = ["sentiment", "topics", "topic", "no", "claim", "stance", "lang"]

    init(path: String) { self.path = path }

    mutating func parse(_ text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first, header.hasPrefix("#! format:") else {
            error("fixture.header", "expected '#! format: \(FixtureFile.format)/\(FixtureFile.versions.upperBound)' on line 1", line: 1, column: 1)
            return
        }
        let declared = header.dropFirst("#! format:".count).trimmingCharacters(in: .whitespaces)
        let parts = declared.split(separator: "/")
        guard parts.count == 2, parts[0] == FixtureFile.format, let version = Int(parts[1]) else {
            error("fixture.header", "expected '\(FixtureFile.format)/VERSION' after '#! format:', found '\(declared)'", line: 1, column: 12)
            return
        }
        guard FixtureFile.versions.contains(version) else {
            error("fixture.version", "fixtures version \(version) is not supported (supported: \(FixtureFile.versions.upperBound))", line: 1, column: 12)
            return
        }
        for (index, line) in lines.enumerated().dropFirst() {
            parseLine(String(line), number: index + 1)
        }
        finishFixture()
    }

    private mutating func parseLine(_ line: String, number: Int) {
        if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { return }
        if line.first == " " || line.first == "\t" {
            // A continuation of the last comment's text.
            guard current != nil, let last = current!.comments.indices.last, current!.comments[last].expectations.isEmpty else {
                error("fixture.continuation", "an indented line continues a comment's text, but there is no comment right before it", line: number, column: 1)
                return
            }
            current!.comments[last].text += "\n" + line.trimmingCharacters(in: .whitespaces)
            return
        }
        if line.hasPrefix(">") {
            parseComment(line, number: number)
            return
        }
        guard let colon = line.firstIndex(of: ":") else {
            error("fixture.syntax", "expected 'fixture:', a setting, '> comment' or 'expect: …', found '\(line)'", line: number, column: 1)
            return
        }
        let key = line[..<colon].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        let valueColumn = line.distance(from: line.startIndex, to: line.index(after: colon)) + 1 + (line[line.index(after: colon)...].prefix { $0 == " " }.count)
        switch key {
        case "fixture":
            finishFixture()
            guard !value.isEmpty else {
                error("fixture.name", "a fixture needs a name after 'fixture:'", line: number, column: valueColumn)
                return
            }
            current = Fixture(name: value, location: location(number), brand: nil, target: .brand, title: nil, comments: [])
        case "expect":
            parseExpectation(value, number: number, column: valueColumn)
        case "brand", "target", "title", "article":
            parseSetting(key, value, number: number, column: valueColumn)
        default:
            let suggestion = closestMatch(to: key, in: ["fixture", "expect"] + Self.settings).map { " (did you mean '\($0):'?)" } ?? ""
            error("fixture.key", "unknown key '\(key):'\(suggestion)", line: number, column: 1)
        }
    }

    private mutating func parseSetting(_ key: String, _ value: String, number: Int, column: Int) {
        guard current != nil else {
            error("fixture.orphan", "'\(key):' before any 'fixture:' line", line: number, column: 1)
            return
        }
        guard current!.comments.isEmpty else {
            error("fixture.setting-order", "'\(key):' must come before the fixture's comments", line: number, column: 1)
            return
        }
        guard !value.isEmpty else {
            error("fixture.empty", "'\(key):' needs a value", line: number, column: column)
            return
        }
        switch key {
        case "brand":
            current!.brand = value
        case "target":
            guard let target = AnalysisOptions.Target(rawValue: value) else {
                let names = AnalysisOptions.Target.allCases.map(\.rawValue)
                let suggestion = closestMatch(to: value, in: names).map { " (did you mean '\($0)'?)" } ?? ""
                error("fixture.target", "unknown target '\(value)'\(suggestion); expected \(names.joined(separator: " or "))", line: number, column: column)
                return
            }
            current!.target = target
        case "title":
            current!.title = value
        default:
            current!.comments.append(FixtureComment(id: .article, parent: nil, text: unescape(value), location: location(number), expectations: []))
            lastAtDepth = [0: 0]
        }
    }

    private mutating func parseComment(_ line: String, number: Int) {
        guard current != nil else {
            error("fixture.orphan", "a comment before any 'fixture:' line", line: number, column: 1)
            return
        }
        let depth = line.prefix { $0 == ">" }.count
        let text = line.dropFirst(depth).trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            error("fixture.empty", "the comment has no text", line: number, column: depth + 1)
            return
        }
        let id: CommentID
        var parent: CommentID?
        if depth == 1 {
            topLevelCount += 1
            id = CommentID("\(topLevelCount)")
        } else {
            guard let parentIndex = lastAtDepth[depth - 1], depth - 1 >= 1 else {
                error("fixture.depth", "a reply at depth \(depth) ('\(String(repeating: ">", count: depth))') needs a comment at depth \(depth - 1) before it", line: number, column: 1)
                return
            }
            let parentID = current!.comments[parentIndex].id
            replyCounts[parentID, default: 0] += 1
            id = CommentID("\(parentID).\(replyCounts[parentID]!)")
            parent = parentID
        }
        current!.comments.append(FixtureComment(id: id, parent: parent, text: unescape(text), location: location(number), expectations: []))
        lastAtDepth[depth] = current!.comments.count - 1
        for deeper in lastAtDepth.keys where deeper > depth { lastAtDepth[deeper] = nil }
    }

    private mutating func parseExpectation(_ text: String, number: Int, column: Int) {
        guard current != nil else {
            error("fixture.orphan", "'expect:' before any 'fixture:' line", line: number, column: 1)
            return
        }
        guard !current!.comments.isEmpty else {
            error("fixture.no-comment", "'expect:' before any comment (write '> text' or 'article: text' first)", line: number, column: 1)
            return
        }
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let what = words.first else {
            error("fixture.expect", "'expect:' needs what to expect: \(Self.expectations.joined(separator: ", "))", line: number, column: column)
            return
        }
        words.removeFirst()
        let here = location(number, column: column)
        var kind: FixtureExpectation.Kind?
        switch what {
        case "sentiment":
            guard words.count == 1, let label = SentimentLabel(rawValue: words[0]) else {
                return badLabel("sentiment", words, SentimentLabel.allCases.map(\.rawValue), number: number, column: column)
            }
            kind = .sentiment(label)
        case "stance":
            guard words.count == 1, let stance = Stance(rawValue: words[0]) else {
                return badLabel("stance", words, Stance.allCases.map(\.rawValue), number: number, column: column)
            }
            kind = .stance(stance)
        case "lang":
            guard words.count == 1, let language = Language(rawValue: words[0]) else {
                return badLabel("lang", words, ["en", "zh", "mixed", "und"], number: number, column: column)
            }
            kind = .language(language)
        case "topics":
            let topics = words.flatMap { $0.split(separator: ",").map(String.init) }.filter { !$0.isEmpty }
            guard !topics.isEmpty else {
                error("fixture.expect", "'topics' needs the topics (or 'none')", line: number, column: column)
                return
            }
            kind = .topics(topics == ["none"] ? [] : Set(topics))
        case "topic":
            guard words.count == 1 else {
                error("fixture.expect", "'topic' takes one topic", line: number, column: column)
                return
            }
            kind = .hasTopic(words[0])
        case "claim":
            guard let claim = parseClaim(words, number: number, column: column) else { return }
            kind = .claim(claim)
        case "no":
            switch words.first {
            case "topic" where words.count == 2:
                kind = .lacksTopic(words[1])
            case "claim" where words.count == 1, "claims" where words.count == 1:
                kind = .noClaims
            case "claim":
                guard let claim = parseClaim(Array(words.dropFirst()), number: number, column: column) else { return }
                kind = .lacksClaim(claim)
            default:
                error("fixture.expect", "expected 'no claim', 'no claim TYPE SUBJECT VALUE [REGION]' or 'no topic TOPIC'", line: number, column: column)
                return
            }
        default:
            let suggestion = closestMatch(to: what, in: Self.expectations).map { " (did you mean '\($0)'?)" } ?? ""
            error("fixture.expect", "unknown expectation '\(what)'\(suggestion); expected \(Self.expectations.joined(separator: ", "))", line: number, column: column)
            return
        }
        guard let kind else { return }
        let last = current!.comments.count - 1
        let existing = current!.comments[last].expectations.map(\.kind)
        switch kind {
        case .noClaims where existing.contains(where: { if case .claim = $0 { return true } else { return false } }),
             .claim where existing.contains(.noClaims):
            error("fixture.contradiction", "'no claim' and 'claim …' on one comment contradict each other", line: number, column: column)
            return
        default:
            break
        }
        current!.comments[last].expectations.append(FixtureExpectation(kind: kind, location: here))
    }

    private mutating func parseClaim(_ words: [String], number: Int, column: Int) -> FixtureClaim? {
        var words = words
        var hedged: Bool?
        if let last = words.last, last == "hedged" || last == "unhedged" {
            hedged = last == "hedged"
            words.removeLast()
        }
        guard words.count == 3 || words.count == 4 else {
            error("fixture.claim", "expected 'claim TYPE SUBJECT VALUE [REGION] [hedged|unhedged]', found \(words.count) word(s) before the hedging", line: number, column: column)
            return nil
        }
        let region = words.count == 4 ? words[3] : nil
        if let region, region != region.uppercased() {
            error("fixture.claim", "a region is an upper-case code (ISO 3166 alpha-2, EU or INTL); did you mean '\(region.uppercased())'?", line: number, column: column)
            return nil
        }
        return FixtureClaim(type: words[0], subject: words[1], value: words[2], region: region, hedged: hedged)
    }

    private mutating func badLabel(_ what: String, _ words: [String], _ labels: [String], number: Int, column: Int) {
        let given = words.joined(separator: " ")
        let suggestion = closestMatch(to: given, in: labels).map { " (did you mean '\($0)'?)" } ?? ""
        error("fixture.label", "unknown \(what) '\(given)'\(suggestion); expected \(labels.joined(separator: ", "))", line: number, column: column)
    }

    private mutating func finishFixture() {
        defer {
            current = nil
            broken = false
            lastAtDepth = [:]
            replyCounts = [:]
            topLevelCount = 0
        }
        guard let fixture = current, !broken else { return }
        if fixture.comments.isEmpty {
            diagnostics.append(.error("fixture.no-comment", "fixture '\(fixture.name)' has no comment", at: fixture.location))
            return
        }
        if fixture.expectationCount == 0 {
            diagnostics.append(.error("fixture.no-expectation", "fixture '\(fixture.name)' expects nothing, so it cannot fail", at: fixture.location))
            return
        }
        fixtures.append(fixture)
    }

    private func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\n", with: "\n")
    }

    private func location(_ line: Int, column: Int? = nil) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    private mutating func error(_ code: String, _ message: String, line: Int, column: Int) {
        diagnostics.append(.error(code, message, at: location(line, column: column)))
        if current != nil { broken = true }
    }
}
