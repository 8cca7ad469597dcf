import ThreadLensCore

/// Reads JSON Lines (`.jsonl`, SPEC §2.2): one comment object per line,
///
/// ```
/// {"thread": "t1", "id": "c9", "parent": "c3", "author": "…", "date": "…", "text": "…"}
/// ```
///
/// - `text` is required (a string). `thread`, `id`, `parent`, `author`, `date` are optional;
///   unknown keys are ignored. `id`, `parent` and `thread` may be integers (`"id": 12` is id
///   `12`); `date` may be a string (see `DateParsing`) or seconds since 1970.
/// - Comments are grouped by `thread` in first-appearance order; without one, the thread id is
///   the file name without extension. A missing or empty `parent` means top-level.
/// - A record without an `id` is named `L<line>` (`L7` for line 7), with one
///   `input.missing-id` warning per file giving the count and the first line.
/// - A line that is not JSON (`input.json`), not an object (`input.record-type`), has no text
///   (`input.missing-text`) or a field of the wrong type (`input.type`) is an error with
///   file:line:column, and the comment is listed in `skipped` with the reason; the other lines
///   are still read. Blank lines are ignored.
/// - Parent links are checked (`ParentLinks.check`): a missing parent, a repeated id or a
///   cycle is a warning and the comment is kept.
public struct JSONLinesReader: ThreadReader {
    /// The line number of the text's first line: 1 for a file, more for a piece of a large
    /// one read in pieces (`JSONLinesPieces`).
    public var firstLine: Int

    public init(firstLine: Int = 1) { self.firstLine = firstLine }

    public func read(_ text: String, source: String, defaultThreadID: ThreadID) -> ReadResult {
        var diagnostics: [Diagnostic] = []
        var skipped: [SkippedComment] = []
        var assembler = ThreadAssembler(source: source)
        var missingIDs: (count: Int, firstLine: Int) = (0, 0)

        for line in SourceLines.rawLines(text, firstLine: firstLine) {
            let bytes = Array(line.text.utf8)
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            let location = SourceLocation(file: source, line: line.number)
            var parser = JSONParser(bytes, firstLine: line.number)
            let document: JSONDocument
            do {
                document = try parser.parseDocument()
            } catch {
                diagnostics.append(.error("input.json", "invalid JSON: \(error.message) (expected one comment object per line)",
                                          at: SourceLocation(file: source, line: error.line, column: error.column)))
                skipped.append(SkippedComment(location: location, id: nil, reason: "invalid JSON"))
                continue
            }
            for repair in document.repairs {
                diagnostics.append(.warning("input.json-escape", repair.message, at: SourceLocation(file: source, line: repair.line, column: repair.column)))
            }
            let object = document.root
            guard document.members(object) != nil else {
                diagnostics.append(.error("input.record-type", "expected a JSON object (one comment per line), found \(document.typeName(object))",
                                          at: SourceLocation(file: source, line: line.number, column: document[object].column)))
                skipped.append(SkippedComment(location: location, id: nil, reason: "not a JSON object"))
                continue
            }
            let fields: CommentFields
            do throws(FieldProblem) {
                fields = try document.commentFields(object)
            } catch {
                diagnostics.append(.error(error.code, error.message, at: SourceLocation(file: source, line: line.number, column: error.column)))
                skipped.append(SkippedComment(location: location, id: (try? document.identifier(object, "id")) ?? nil, reason: error.reason))
                continue
            }
            var id = fields.id
            if id == nil {
                id = "L\(line.number)"
                if missingIDs.count == 0 { missingIDs.firstLine = line.number }
                missingIDs.count += 1
            }
            if fields.text.trimmingSpaces().isEmpty {
                diagnostics.append(.warning("input.empty-comment", "comment '\(id!)' has empty text", at: location))
            }
            let comment = Comment(id: CommentID(id!), parent: fields.parent.map { CommentID($0) }, author: fields.author,
                                  date: fields.date, text: fields.text, location: location)
            assembler.add(comment, to: fields.thread.map { ThreadID($0) } ?? defaultThreadID)
        }
        if missingIDs.count > 0 {
            diagnostics.append(.warning("input.missing-id", "\(missingIDs.count) record(s) have no \"id\"; each is named L<line> after its line (first: L\(missingIDs.firstLine))",
                                        at: SourceLocation(file: source, line: missingIDs.firstLine)))
        }
        let threads = assembler.threads(diagnostics: &diagnostics)
        return ReadResult(threads: threads, diagnostics: diagnostics, skipped: skipped)
    }
}

extension SourceLines {
    /// Lines split on LF, CRLF or CR, unchanged otherwise, with their 1-based numbers.
    static func rawLines(_ text: String, firstLine: Int = 1) -> [(number: Int, text: Substring)] {
        var lines: [(Int, Substring)] = []
        var number = firstLine
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard scalar == "\n" || scalar == "\r" else {
                index = scalars.index(after: index)
                continue
            }
            lines.append((number, text[start..<index]))
            number += 1
            var next = scalars.index(after: index)
            if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
            index = next
            start = next
        }
        if start < scalars.endIndex { lines.append((number, text[start...])) }
        return lines
    }
}
