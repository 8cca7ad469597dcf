import ThreadLensCore

/// Reads the scraped-thread text layout (`.txt`, SPEC §2.1):
///
/// ```
/// Title line
///
/// Article paragraph (blank-line separated; boilerplate lines are dropped)
///
///   1. author                top-level comment: number, '. ', author
///     February 23, 2015      date line, 2 columns deeper than the marker
///
///     Body paragraph         body at the date's indentation
///
///     • author               reply: bullet 2 columns deeper than its parent's marker
///       February 23, 2015
///
///       Body paragraph
/// ```
///
/// Ids follow SPEC §3: the article is `0`, the Nth top-level comment `N` (whatever number the
/// scrape printed), the Kth reply to `P` is `P.K`. The article's text is its title, a blank
/// line and its paragraphs with every line `BoilerplateRules` matches removed (each removal is
/// an `input.boilerplate` note).
///
/// Quirks it copes with: a marker or bullet line that holds the date instead of an author (no
/// author); a date line that goes on with the start of the body; a missing date line (warning
/// `input.date-missing`); numbered lists or bullet lists inside a body (a marker only opens a
/// comment at the top-level marker column, a bullet only when the next line is indented
/// deeper or it holds a date, and its text looks like a name); NBSP, tabs and zero-width
/// characters in indentation; CRLF or CR line ends; no final line break. Text that breaks the
/// layout is kept with the nearest comment and reported (`input.indent`); a reply before any
/// comment is reported as skipped (`input.layout`). No text is dropped silently.
public struct TextThreadReader: ThreadReader {
    public var boilerplate: BoilerplateRules

    public init(boilerplate: BoilerplateRules = .none) {
        self.boilerplate = boilerplate
    }

    public func read(_ text: String, source: String, defaultThreadID: ThreadID) -> ReadResult {
        var parser = TextLayoutParser(lines: SourceLines.split(text), source: source, boilerplate: boilerplate)
        return parser.parse(threadID: defaultThreadID)
    }
}

/// Bullets a scrape uses for replies.
private let replyBullets: Set<Unicode.Scalar> = ["•", "◦", "‣", "∙"]

/// The layout parser: one pass over the lines, keeping the chain of open comments.
struct TextLayoutParser {
    let lines: [SourceLine]
    let source: String
    let boilerplate: BoilerplateRules
    var diagnostics: [Diagnostic] = []
    var skipped: [SkippedComment] = []

    init(lines: [SourceLine], source: String, boilerplate: BoilerplateRules) {
        self.lines = lines
        self.source = source
        self.boilerplate = boilerplate
    }

    /// A comment being read.
    struct Draft {
        var id: CommentID
        var parent: CommentID?
        var author: String?
        var date: CommentDate?
        var line: Int
        var markerIndent: Int
        var paragraphs: [String] = []
        var paragraph: [String] = []
        var replies = 0
        /// True until the first content line after the marker: that line should be the date.
        var expectingDate = true
        var reportedIndent = false

        mutating func add(_ text: String) { paragraph.append(text) }

        mutating func endParagraph() {
            if !paragraph.isEmpty { paragraphs.append(paragraph.joined(separator: "\n")) }
            paragraph = []
        }

        mutating func text() -> String {
            endParagraph()
            return paragraphs.joined(separator: "\n\n")
        }
    }

    /// What a marker line opens.
    enum Marker {
        case numbered(Int, rest: String)
        case bullet(rest: String)

        var rest: String {
            switch self {
            case .numbered(_, let rest), .bullet(let rest): return rest
            }
        }
    }

    func location(_ line: SourceLine, column: Int? = nil) -> SourceLocation {
        SourceLocation(file: source, line: line.number, column: column)
    }

    // MARK: - Parsing

    mutating func parse(threadID: ThreadID) -> ReadResult {
        guard let titleIndex = lines.firstIndex(where: { !$0.isBlank }) else {
            diagnostics.append(.error("input.empty", "the file holds no text (expected a title line)", at: SourceLocation(file: source, line: 1)))
            return ReadResult(diagnostics: diagnostics)
        }
        let sectionStart = commentSectionStart()
        var comments: [Comment] = []
        var title: String?
        if sectionStart == titleIndex {
            diagnostics.append(.warning("input.layout", "expected a title line and the article before the first comment; the thread has no article 0", at: location(lines[titleIndex])))
        } else {
            let article = readArticle(lines[titleIndex..<(sectionStart ?? lines.count)])
            title = article.title
            comments.append(article.comment)
        }
        if let sectionStart {
            comments += readComments(from: sectionStart)
        }
        let thread = CommentThread(id: threadID, title: title, source: source, comments: comments)
        return ReadResult(threads: [thread], diagnostics: diagnostics, skipped: skipped)
    }

    /// The marker a line starts with: `N.` followed by a space or the line end, or a bullet.
    func marker(of line: SourceLine) -> Marker? {
        // Looks only at the start of the line: bodies can be long.
        let scalars = line.content.unicodeScalars
        guard let first = scalars.first else { return nil }
        if replyBullets.contains(first) {
            return .bullet(rest: String(scalars[scalars.index(after: scalars.startIndex)...]).trimmingSpaces())
        }
        var index = scalars.startIndex
        var digits = 0, number = 0
        // Up to 7 digits: threads run past 100,000 comments, and a longer number is not a marker.
        while index < scalars.endIndex, digits < 8, let digit = scalars[index].asciiDigit {
            number = number * 10 + digit
            digits += 1
            index = scalars.index(after: index)
        }
        guard digits > 0, digits < 8, index < scalars.endIndex, scalars[index] == "." else { return nil }
        index = scalars.index(after: index)
        if index < scalars.endIndex, !scalars[index].isDateSpace { return nil }
        return .numbered(number, rest: String(scalars[index...]).trimmingSpaces())
    }

    func nextContentLine(after index: Int) -> SourceLine? {
        var next = index + 1
        while next < lines.count {
            if !lines[next].isBlank { return lines[next] }
            next += 1
        }
        return nil
    }

    /// Whether a marker line opens a comment: it holds a date, or the next line is indented
    /// deeper and either starts with a date or the marker's text looks like a name. This keeps
    /// a body's own lists ("1. first point", "• another point") in the body.
    func opensComment(at index: Int, marker: Marker) -> Bool {
        if DateParsing.leadingDate(in: marker.rest) != nil { return true }
        guard let next = nextContentLine(after: index), next.indent > lines[index].indent else { return false }
        if DateParsing.leadingDate(in: next.content) != nil { return true }
        return looksLikeAuthor(marker.rest)
    }

    /// A user name: short, one line, not ending like a sentence.
    func looksLikeAuthor(_ text: String) -> Bool {
        if text.isEmpty { return true }
        guard text.count <= 64, let last = text.unicodeScalars.last else { return false }
        return !".!?。！？,;:，；：".unicodeScalars.contains(last)
    }

    /// The index of the first comment marker, if any.
    func commentSectionStart() -> Int? {
        for index in lines.indices where !lines[index].isBlank {
            guard let marker = marker(of: lines[index]) else { continue }
            if opensComment(at: index, marker: marker) { return index }
        }
        return nil
    }

    /// The column of top-level markers: that of the first numbered marker opening a comment
    /// (the section may start with a stray reply bullet, which sits deeper).
    func topLevelIndent(from start: Int) -> Int {
        for index in start..<lines.count where !lines[index].isBlank {
            if case .numbered? = marker(of: lines[index]), let marker = marker(of: lines[index]), opensComment(at: index, marker: marker) {
                return lines[index].indent
            }
        }
        return max(0, lines[start].indent - 2)
    }

    // MARK: Article

    mutating func readArticle(_ slice: ArraySlice<SourceLine>) -> (title: String, comment: Comment) {
        let titleLine = slice[slice.startIndex]
        var paragraphs: [String] = []
        var paragraph: [String] = []
        for line in slice.dropFirst() {
            if line.isBlank {
                if !paragraph.isEmpty { paragraphs.append(paragraph.joined(separator: "\n")) }
                paragraph = []
                continue
            }
            if let rule = boilerplate.rule(matching: line.content) {
                let why = rule.note.map { " (\($0))" } ?? ""
                diagnostics.append(Diagnostic(.note, "input.boilerplate",
                                              "removed article boilerplate '\(line.content.abbreviated(60))', matched by \(rule.location.file):\(rule.location.line)\(why)",
                                              at: location(line)))
                continue
            }
            paragraph.append(line.content)
        }
        if !paragraph.isEmpty { paragraphs.append(paragraph.joined(separator: "\n")) }
        let title = titleLine.content
        let text = ([title] + paragraphs).joined(separator: "\n\n")
        return (title, Comment(id: .article, text: text, location: location(titleLine)))
    }

    // MARK: Comments

    mutating func readComments(from start: Int) -> [Comment] {
        var drafts: [Draft] = []
        /// The chain of open comments (indices into `drafts`), top-level first.
        var open: [Int] = []
        var current: Int?
        var topLevelCount = 0
        let topIndent = topLevelIndent(from: start)
        var orphan: SourceLine?

        func finishOrphan(_ parser: inout TextLayoutParser) {
            guard let found = orphan else { return }
            parser.skipped.append(SkippedComment(location: parser.location(found), id: nil, reason: "reply with no parent comment"))
            orphan = nil
        }

        for index in start..<lines.count {
            let line = lines[index]
            if line.isBlank {
                if let current { drafts[current].endParagraph() }
                continue
            }
            let marker = marker(of: line)
            // A top-level comment: a numbered marker at the first marker's column (one column
            // off is accepted with a warning when the marker clearly opens a comment).
            if case .numbered(let number, let rest)? = marker, let marker,
               line.indent == topIndent || (abs(line.indent - topIndent) == 1 && opensComment(at: index, marker: marker)) {
                finishOrphan(&self)
                topLevelCount += 1
                if line.indent != topIndent {
                    diagnostics.append(.warning("input.indent", "expected the comment marker indented \(topIndent) spaces like the first one, found \(line.indent); read as comment \(topLevelCount)", at: location(line)))
                }
                if number != topLevelCount {
                    diagnostics.append(.warning("input.numbering", "comment numbered \(number) where \(topLevelCount) was expected; its id is \(topLevelCount) by position (SPEC §3)", at: location(line)))
                }
                var draft = Draft(id: CommentID(String(topLevelCount)), line: line.number, markerIndent: line.indent)
                readMarkerText(rest, into: &draft)
                drafts.append(draft)
                open = [drafts.count - 1]
                current = drafts.count - 1
                continue
            }
            if case .bullet(let rest)? = marker, let marker, opensComment(at: index, marker: marker) {
                finishOrphan(&self)
                var parentIndex: Int?
                if let k = open.lastIndex(where: { drafts[$0].markerIndent < line.indent }) {
                    parentIndex = open[k]
                    open.removeSubrange((k + 1)...)
                    let expected = drafts[open[k]].markerIndent + 2
                    if line.indent != expected {
                        diagnostics.append(.warning("input.indent", "expected the reply bullet indented \(expected) spaces (2 deeper than comment \(drafts[open[k]].id)'s marker), found \(line.indent); read as a reply to comment \(drafts[open[k]].id)", at: location(line)))
                    }
                } else if let first = open.first {
                    parentIndex = first
                    open = [first]
                    diagnostics.append(.warning("input.indent", "expected the reply bullet indented deeper than its parent's marker (\(drafts[first].markerIndent) spaces), found \(line.indent); read as a reply to comment \(drafts[first].id)", at: location(line)))
                }
                guard let parentIndex else {
                    diagnostics.append(.error("input.layout", "expected a numbered comment ('  1. AUTHOR') before this reply; the reply and its text are skipped", at: location(line)))
                    orphan = line
                    current = nil
                    continue
                }
                drafts[parentIndex].replies += 1
                let parent = drafts[parentIndex]
                var draft = Draft(id: parent.id.reply(parent.replies), parent: parent.id, line: line.number, markerIndent: line.indent)
                readMarkerText(rest, into: &draft)
                drafts.append(draft)
                open.append(drafts.count - 1)
                current = drafts.count - 1
                continue
            }
            guard let current else {
                // Text of a skipped reply (reported with it).
                continue
            }
            addBody(line, to: &drafts[current])
        }
        finishOrphan(&self)

        var comments: [Comment] = []
        comments.reserveCapacity(drafts.count)
        for var draft in drafts {
            let text = draft.text()
            if text.isEmpty {
                diagnostics.append(.warning("input.empty-comment", "comment \(draft.id) has no text", at: SourceLocation(file: source, line: draft.line)))
            }
            comments.append(Comment(id: draft.id, parent: draft.parent, author: draft.author, date: draft.date, text: text,
                                    location: SourceLocation(file: source, line: draft.line)))
        }
        return comments
    }

    /// Reads a marker's text: a date (no author; any text after it starts the body) or the author.
    func readMarkerText(_ rest: String, into draft: inout Draft) {
        if let (date, body) = DateParsing.leadingDate(in: rest) {
            draft.date = date
            draft.expectingDate = false
            if !body.isEmpty { draft.add(body) }
        } else if !rest.isEmpty {
            draft.author = rest
        }
    }

    /// A body line: the date line when it is the first after the marker, else body text.
    mutating func addBody(_ line: SourceLine, to draft: inout Draft) {
        if draft.expectingDate {
            draft.expectingDate = false
            if let (date, rest) = DateParsing.leadingDate(in: line.content) {
                draft.date = date
                if line.indent <= draft.markerIndent {
                    diagnostics.append(.warning("input.indent", "expected the date line indented \(draft.markerIndent + 2) spaces, found \(line.indent); read as the date of comment \(draft.id)", at: location(line)))
                }
                if !rest.isEmpty { draft.add(rest) }
                return
            }
            diagnostics.append(.warning("input.date-missing", "expected a date line under comment \(draft.id)'s marker (line \(draft.line)); read as body text, the comment has no date", at: location(line)))
        }
        let expected = draft.markerIndent + 2
        if line.indent < expected, !draft.reportedIndent {
            draft.reportedIndent = true
            diagnostics.append(.warning("input.indent", "expected body text indented \(expected) spaces, found \(line.indent); kept as text of comment \(draft.id)", at: location(line)))
        }
        draft.add(line.content)
    }
}

extension Unicode.Scalar {
    var asciiDigit: Int? { ("0"..."9").contains(self) ? Int(value - 48) : nil }
}

extension String {
    /// At most `limit` characters, with an ellipsis when cut.
    func abbreviated(_ limit: Int) -> String {
        count <= limit ? self : String(prefix(limit - 1)) + "…"
    }
}
