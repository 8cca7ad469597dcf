import ThreadLensCore

/// Reads comments from CSV (`.csv`, SPEC §2.4), RFC 4180: comma-separated fields, fields in
/// double quotes may hold commas, line breaks and `""` for a quote; LF, CRLF or CR line ends.
///
/// ```
/// thread,id,parent,author,date,text
/// t1,c1,,mira,2024-03-02,"First, a comment"
/// t1,c2,c1,jun,"March 2, 2024","A reply with ""quotes""
/// over two lines"
/// ```
///
/// - The first non-blank record is the header. It needs a `text` column; `thread`, `id`,
///   `parent`, `author`, `date` are optional, in any order, names matched ignoring case and
///   surrounding spaces. Other columns are ignored (an `input.csv-column` note, a warning
///   with a suggestion when the name is close to a known one).
/// - Grouping, ids and parents as in JSON Lines: the thread id defaults to the file name, a
///   missing id becomes `L<line>` (one `input.missing-id` warning), an empty parent means
///   top-level, parent links are checked (`ParentLinks.check`). Blank lines are skipped.
/// - A record whose field count differs from the header's is an error
///   (`input.csv-columns`) and is listed in `skipped`. An unterminated quoted field is an
///   error (`input.csv-quote`) at the line the quote opened; that record is skipped and
///   reading resumes on the next line, so the rest of the file is not swallowed. A quoted
///   field that spans lines and whose closing quote is followed by more text is read the same
///   way (its "closing" quote opened a later field). Text after a closing quote on the same
///   line (`"ab"c`) is kept and warned about; a quote inside an unquoted field is kept.
public struct CSVThreadReader: ThreadReader {
    public init() {}

    static let knownColumns = ["thread", "id", "parent", "author", "date", "text"]

    public func read(_ text: String, source: String, defaultThreadID: ThreadID) -> ReadResult {
        var result = ReadResult()
        var parser = CSVParser(text)
        let records = parser.records()
        for problem in parser.problems {
            switch problem {
            case .unterminatedQuote(let line, let recordLine):
                result.diagnostics.append(.error("input.csv-quote", "unterminated quoted field: the '\"' opened here has no closing quote; the record (line \(recordLine)) is skipped and reading resumes on the next line",
                                                 at: SourceLocation(file: source, line: line)))
                result.skipped.append(SkippedComment(location: SourceLocation(file: source, line: recordLine), id: nil, reason: "unbalanced quotes"))
            case .textAfterQuote(let line, let column):
                result.diagnostics.append(.warning("input.csv-quote", "expected ',' or a line end after a closing quote; the text after it is kept in the field",
                                                   at: SourceLocation(file: source, line: line, column: column)))
            }
        }
        guard let header = records.first else {
            result.diagnostics.append(.error("input.csv-header", "expected a header row naming the columns (at least 'text')", at: SourceLocation(file: source, line: 1)))
            return result
        }
        var column: [String: Int] = [:]
        for (index, rawName) in header.fields.enumerated() {
            let name = rawName.trimmingSpaces().lowercased()
            let location = SourceLocation(file: source, line: header.line)
            if Self.knownColumns.contains(name) {
                if column[name] != nil {
                    result.diagnostics.append(.warning("input.csv-column", "column '\(name)' appears twice in the header; the first (column \(column[name]! + 1)) is used", at: location))
                } else {
                    column[name] = index
                }
            } else if let suggestion = closestMatch(to: name, in: Self.knownColumns), !name.isEmpty {
                result.diagnostics.append(.warning("input.csv-column", "column '\(rawName)' is not used (did you mean '\(suggestion)'?)", at: location))
            } else {
                result.diagnostics.append(Diagnostic(.note, "input.csv-column", "column '\(rawName)' is not used", at: location))
            }
        }
        let body = records.dropFirst()
        guard let textColumn = column["text"] else {
            let names = header.fields.map { "'\($0)'" }.joined(separator: ", ")
            result.diagnostics.append(.error("input.csv-header", "expected a 'text' column in the header, found \(names); no comment can be read",
                                             at: SourceLocation(file: source, line: header.line)))
            for record in body {
                result.skipped.append(SkippedComment(location: SourceLocation(file: source, line: record.line), id: nil, reason: "no text column"))
            }
            return result
        }

        var assembler = ThreadAssembler(source: source)
        var missingIDs: (count: Int, firstLine: Int) = (0, 0)
        for record in body {
            let location = SourceLocation(file: source, line: record.line)
            func value(_ name: String) -> String? {
                guard let index = column[name], index < record.fields.count else { return nil }
                let trimmed = record.fields[index].trimmingSpaces()
                return trimmed.isEmpty ? nil : trimmed
            }
            guard record.fields.count == header.fields.count else {
                result.diagnostics.append(.error("input.csv-columns", "expected \(header.fields.count) fields as in the header (line \(header.line)), found \(record.fields.count); the record is skipped",
                                                 at: location))
                result.skipped.append(SkippedComment(location: location, id: value("id"), reason: "wrong number of fields"))
                continue
            }
            var id = value("id")
            if id == nil {
                id = "L\(record.line)"
                if missingIDs.count == 0 { missingIDs.firstLine = record.line }
                missingIDs.count += 1
            }
            let text = record.fields[textColumn]
            if text.trimmingSpaces().isEmpty {
                result.diagnostics.append(.warning("input.empty-comment", "comment '\(id!)' has empty text", at: location))
            }
            let comment = Comment(id: CommentID(id!), parent: value("parent").map { CommentID($0) }, author: value("author"),
                                  date: value("date").map { DateParsing.parse($0) }, text: text, location: location)
            assembler.add(comment, to: value("thread").map { ThreadID($0) } ?? defaultThreadID)
        }
        if missingIDs.count > 0 {
            result.diagnostics.append(.warning("input.missing-id", "\(missingIDs.count) record(s) have no id; each is named L<line> after its line (first: L\(missingIDs.firstLine))",
                                               at: SourceLocation(file: source, line: missingIDs.firstLine)))
        }
        result.threads = assembler.threads(diagnostics: &result.diagnostics)
        return result
    }
}

/// An RFC 4180 record splitter that keeps line numbers and recovers from a missing quote.
struct CSVParser {
    struct Record {
        /// The line the record starts on.
        var line: Int
        var fields: [String]
    }

    enum Problem: Equatable {
        /// A quoted field opened on `line` never closes (record starting on `recordLine`).
        case unterminatedQuote(line: Int, recordLine: Int)
        case textAfterQuote(line: Int, column: Int)
    }

    private let scalars: [Unicode.Scalar]
    /// Index of the first scalar of each line (line n starts at `lineStarts[n - 1]`).
    private let lineStarts: [Int]
    private(set) var problems: [Problem] = []

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        var starts = [0]
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
            if scalar == "\n" || scalar == "\r" { starts.append(index) }
        }
        lineStarts = starts
    }

    private func isLineEnd(_ index: Int) -> Bool { scalars[index] == "\n" || scalars[index] == "\r" }

    /// Index after the line end at `index` (LF, CRLF or CR).
    private func skipLineEnd(_ index: Int) -> Int {
        if scalars[index] == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { return index + 2 }
        return index + 1
    }

    mutating func records() -> [Record] {
        var records: [Record] = []
        var index = 0
        var line = 1
        recordLoop: while index < scalars.count {
            // Blank lines between records are skipped.
            var probe = index
            while probe < scalars.count, scalars[probe] == " " || scalars[probe] == "\t" { probe += 1 }
            if probe == scalars.count { break }
            if isLineEnd(probe) {
                index = skipLineEnd(probe)
                line += 1
                continue
            }
            let recordLine = line
            var fields: [String] = []
            var reportedAfterQuote = false
            while true {
                var field = String.UnicodeScalarView()
                if index < scalars.count, scalars[index] == "\"" {
                    let quoteLine = line
                    index += 1
                    var closed = false
                    while index < scalars.count {
                        let scalar = scalars[index]
                        if scalar == "\"" {
                            if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                                field.append("\"")
                                index += 2
                                continue
                            }
                            index += 1
                            closed = true
                            break
                        }
                        if isLineEnd(index) {
                            let next = skipLineEnd(index)
                            field.append(contentsOf: scalars[index..<next])
                            index = next
                            line += 1
                            continue
                        }
                        field.append(scalar)
                        index += 1
                    }
                    // Text right after a closing quote that came lines later means the quote
                    // that opened the field was never closed: what "closed" it was the opening
                    // quote of a later field.
                    let runsOn = closed && line > quoteLine && index < scalars.count && scalars[index] != "," && !isLineEnd(index)
                    if !closed || runsOn {
                        problems.append(.unterminatedQuote(line: quoteLine, recordLine: recordLine))
                        // Resume on the line after the opening quote.
                        guard quoteLine < lineStarts.count else { break recordLoop }
                        index = lineStarts[quoteLine]
                        line = quoteLine + 1
                        continue recordLoop
                    }
                    // Anything up to the next comma or line end after a closing quote.
                    while index < scalars.count, scalars[index] != ",", !isLineEnd(index) {
                        if !reportedAfterQuote {
                            reportedAfterQuote = true
                            problems.append(.textAfterQuote(line: line, column: index - lineStarts[line - 1] + 1))
                        }
                        field.append(scalars[index])
                        index += 1
                    }
                } else {
                    while index < scalars.count, scalars[index] != ",", !isLineEnd(index) {
                        field.append(scalars[index])
                        index += 1
                    }
                }
                fields.append(String(field))
                if index < scalars.count, scalars[index] == "," {
                    index += 1
                    continue
                }
                if index < scalars.count {
                    index = skipLineEnd(index)
                    line += 1
                }
                break
            }
            records.append(Record(line: recordLine, fields: fields))
        }
        return records
    }
}
