import Foundation

/// The line-oriented, versioned format every model file shares.
///
/// ```
/// #! format: sentiment-lexicon/1
/// # comment lines and blank lines are skipped
/// term<TAB>value<TAB>…
/// ```
/// Line 1 names the format and its version; every record keeps its line number so every
/// problem can be reported as `file:line:column`.
public struct DataFile: Sendable {
    public init(path: String, format: String, version: Int, records: [DataRecord]) {
        self.path = path
        self.format = format
        self.version = version
        self.records = records
    }

    /// The path as shown in diagnostics (relative to the models directory where possible).
    public var path: String
    public var format: String
    public var version: Int
    public var records: [DataRecord]

    /// Reads and splits a model file. Problems are appended to `diagnostics`; returns `nil`
    /// when the file cannot be read or its header is wrong.
    public static func read(contentsOf url: URL, displayPath: String, format expected: String,
                            versions: ClosedRange<Int> = 1...1, diagnostics: inout [Diagnostic]) -> DataFile? {
        guard let text = readText(url, displayPath: displayPath, diagnostics: &diagnostics) else { return nil }
        return parse(text, displayPath: displayPath, format: expected, versions: versions, diagnostics: &diagnostics)
    }

    /// Reads a model file in whatever format its header names (an overlay file, a file `lint`
    /// checks on its own).
    public static func read(contentsOf url: URL, displayPath: String, diagnostics: inout [Diagnostic]) -> DataFile? {
        guard let text = readText(url, displayPath: displayPath, diagnostics: &diagnostics) else { return nil }
        return parse(text, displayPath: displayPath, diagnostics: &diagnostics)
    }

    private static func readText(_ url: URL, displayPath: String, diagnostics: inout [Diagnostic]) -> String? {
        guard let data = try? Data(contentsOf: url) else {
            diagnostics.append(.error("model.unreadable", "cannot read model file", at: SourceLocation(file: displayPath, line: 1)))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(.error("model.encoding", "model file is not valid UTF-8", at: SourceLocation(file: displayPath, line: 1)))
            return nil
        }
        return text
    }

    /// Parses model-file text (see `read`).
    public static func parse(_ text: String, displayPath: String, format expected: String,
                             versions: ClosedRange<Int> = 1...1, diagnostics: inout [Diagnostic]) -> DataFile? {
        guard let file = parse(text, displayPath: displayPath, diagnostics: &diagnostics, expecting: expected, versions: versions) else { return nil }
        guard file.format == expected else {
            diagnostics.append(.error("model.format", "expected format '\(expected)', found '\(file.format)'",
                                      at: SourceLocation(file: displayPath, line: 1, column: 12)))
            return nil
        }
        guard versions.contains(file.version) else {
            diagnostics.append(.error("model.version", "format '\(expected)' version \(file.version) is not supported (supported: \(versions.lowerBound)…\(versions.upperBound))",
                                      at: SourceLocation(file: displayPath, line: 1, column: 12)))
            return nil
        }
        return file
    }

    /// Parses model-file text in whatever format its header names.
    public static func parse(_ text: String, displayPath: String, diagnostics: inout [Diagnostic]) -> DataFile? {
        parse(text, displayPath: displayPath, diagnostics: &diagnostics, expecting: nil, versions: nil)
    }

    private static func parse(_ text: String, displayPath: String, diagnostics: inout [Diagnostic],
                              expecting expected: String?, versions: ClosedRange<Int>?) -> DataFile? {
        // Split on bytes, not Characters: grapheme breaking over ~30,000 lines was a large part
        // of start-up. LF is never part of a multi-byte UTF-8 sequence, nor is a tab.
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
        if let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let header = lines.first, header.hasPrefix("#! format:") else {
            let wanted = expected.map { "'#! format: \($0)/\(versions?.upperBound ?? 1)'" } ?? "'#! format: NAME/VERSION'"
            diagnostics.append(.error("model.header", "expected \(wanted) on line 1",
                                      at: SourceLocation(file: displayPath, line: 1, column: 1)))
            return nil
        }
        var declared = header.dropFirst("#! format:".count).trimmedOfSpaces()
        if declared.hasSuffix("\r") { declared.removeLast() }
        let parts = declared.split(separator: "/")
        guard parts.count == 2, !parts[0].isEmpty, let version = Int(parts[1]) else {
            diagnostics.append(.error("model.header", "expected 'NAME/VERSION' after '#! format:', found '\(declared)'",
                                      at: SourceLocation(file: displayPath, line: 1, column: 12)))
            return nil
        }
        let format = String(parts[0])
        var records: [DataRecord] = []
        for (index, rawLine) in lines.enumerated().dropFirst() {
            var line = rawLine
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || line.utf8.first == UInt8(ascii: "#") { continue }
            records.append(DataRecord(path: displayPath, line: index + 1, line: line))
        }
        return DataFile(path: displayPath, format: format, version: version, records: records)
    }
}

/// One record (line) of a model file, split on tabs.
public struct DataRecord: Sendable {
    public var path: String
    public var line: Int
    /// The line as written (its fields joined by tabs).
    public var text: String { fields.joined(separator: "\t") }
    public var fields: [String]
    /// 1-based column (in characters) where each field starts. Computed when asked (for a
    /// diagnostic or a source location past the first field), not for each of the ~30,000
    /// lines read at start-up.
    public var columns: [Int] {
        var columns: [Int] = []
        columns.reserveCapacity(fields.count)
        var column = 1
        for field in fields {
            columns.append(column)
            // Columns count characters; for ASCII that is the byte count.
            column += (field.utf8.allSatisfy { $0 < 0x80 } ? field.utf8.count : field.count) + 1
        }
        return columns
    }

    public init(path: String, line: Int, text: String) {
        self.init(path: path, line: line, line: Substring(text))
    }

    /// A record straight from a line of the file (no copy of the whole line is kept).
    init(path: String, line: Int, line text: Substring) {
        self.path = path
        self.line = line
        self.fields = text.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { String(Substring($0)) }
    }

    /// The location of field `index` (or of the line when the field is missing).
    public func location(field index: Int = 0) -> SourceLocation {
        SourceLocation(file: path, line: line, column: index == 0 ? 1 : (index < fields.count ? columns[index] : 1))
    }

    /// Field `index` trimmed, or `nil` when absent or empty.
    public func field(_ index: Int) -> String? {
        guard index < fields.count else { return nil }
        let trimmed = fields[index].trimmedOfSpaces()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Reports a wrong number of columns; returns false when the count is outside `range`.
    public func expectColumns(_ range: ClosedRange<Int>, diagnostics: inout [Diagnostic], code: String = "model.column-count") -> Bool {
        if range.contains(fields.count) { return true }
        let expected = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
        diagnostics.append(.error(code, "expected \(expected) tab-separated columns, found \(fields.count)", at: location(field: 0)))
        return false
    }

    /// Parses field `index` as a number in `range`, reporting problems.
    public func number(_ index: Int, in range: ClosedRange<Double>, diagnostics: inout [Diagnostic], code: String = "model.number") -> Double? {
        guard let text = field(index) else {
            diagnostics.append(.error(code, "expected a number in column \(index + 1)", at: location(field: index)))
            return nil
        }
        guard let value = Double(text) else {
            diagnostics.append(.error(code, "expected a number, found '\(text)'", at: location(field: index)))
            return nil
        }
        guard range.contains(value) else {
            diagnostics.append(.error(code + "-range", "\(text) is outside \(range.lowerBound)…\(range.upperBound)", at: location(field: index)))
            return nil
        }
        return value
    }
}

/// Suggests the closest of `candidates` for an unknown name ("did you mean …").
public func closestMatch(to name: String, in candidates: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
    let target = Array(name.lowercased())
    func sharedPrefix(_ candidate: String) -> Int {
        zip(target, candidate.lowercased()).prefix { $0 == $1 }.count
    }
    // Among equally close candidates, the one sharing the longest start with the name
    // ('ilegitimate' is 'illegitimate', not 'legitimate').
    let scored = candidates.map { ($0, distance(target, Array($0.lowercased())), sharedPrefix($0)) }
        .min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.2 > $1.2 }
    guard let (best, score, _) = scored, score <= max(2, target.count / 3) else { return nil }
    return best
}

extension StringProtocol {
    /// The text without leading and trailing tabs and spaces (Unicode `Zs`), like Foundation's
    /// `trimmedOfSpaces()` but without bridging through NSString, which was
    /// a sixth of the start-up time over the ~30,000 model lines.
    public func trimmedOfSpaces() -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar == " " || (scalar.value >= 0x80 && scalar.properties.generalCategory == .spaceSeparator)
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return String(self) }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
