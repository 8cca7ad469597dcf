import ThreadLensCore

/// Characters that are not text, removed from input before it is read, each removal reported.
///
/// - control characters (C0 other than tab, line feed and carriage return; DEL; C1): NUL bytes
///   and the like from broken exports; they would end strings in C tools and garble terminals;
/// - bidirectional formatting characters (U+202A–U+202E, U+2066–U+2069): they reorder how the
///   text around them is displayed, so a quote in a report could read differently from the
///   comment ("Trojan Source"); the marks LRM/RLM/ALM are kept;
/// - invisible characters that split or pad words (ZWSP U+200B, word joiner U+2060, invisible
///   operators U+2061–U+2064, a BOM inside the text U+FEFF, soft hyphen U+00AD): scrapes carry
///   them over from HTML, and "Xia\u{200B}omi" should still be Xiaomi. ZWJ and ZWNJ are kept:
///   emoji sequences and several scripts need them.
///
/// Line breaks are never removed or joined, so line numbers stay those of the file.
public enum InvisibleCharacters {
    /// What a removed character is.
    public enum Kind: Int, CaseIterable, Sendable {
        case control, bidi, invisible

        var code: String {
            switch self {
            case .control: return "input.control-character"
            case .bidi: return "input.bidi-control"
            case .invisible: return "input.invisible-character"
            }
        }

        var noun: String {
            switch self {
            case .control: return "control character(s)"
            case .bidi: return "bidirectional formatting character(s)"
            case .invisible: return "invisible character(s)"
            }
        }

        /// Why it is removed, for messages.
        var reason: String {
            switch self {
            case .control: return "they are not text"
            case .bidi: return "they reorder how the text around them is displayed"
            case .invisible: return "they split or pad words"
            }
        }
    }

    /// The kind of a scalar to remove, or nil to keep it.
    public static func kind(of scalar: Unicode.Scalar) -> Kind? {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return nil
        case 0x00...0x1F, 0x7F...0x9F: return .control
        case 0x202A...0x202E, 0x2066...0x2069: return .bidi
        case 0x200B, 0x2060...0x2064, 0xFEFF, 0x00AD: return .invisible
        default: return nil
        }
    }

    /// True when `text` holds nothing to remove (a fast check over the UTF-8 bytes).
    public static func isClean(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 {
                    if byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
                } else if byte == 0x7F {
                    return false
                } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] <= 0x9F || bytes[index + 1] == 0xAD {
                    return false
                } else if byte == 0xE2 || byte == 0xEF {
                    // U+2xxx and U+FEFF: decode the three bytes and look.
                    if index + 2 < bytes.count {
                        let value = UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                        if let scalar = Unicode.Scalar(value), kind(of: scalar) != nil { return false }
                    }
                }
                index += 1
            }
            return true
        }
    }

    /// Removes every character `kind(of:)` names. `counts[kind]` tells how many of each.
    public static func clean(_ text: String) -> (text: String, counts: [Kind: Int]) {
        guard !isClean(text) else { return (text, [:]) }
        var counts: [Kind: Int] = [:]
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let kind = kind(of: scalar) { counts[kind, default: 0] += 1 } else { output.append(scalar) }
        }
        return (String(output), counts)
    }

    /// Cleans a whole input, one diagnostic per kind and line (up to `TextDecoding.reportLimit`
    /// lines a kind, then a count), naming the characters found.
    ///
    /// `firstLine`: the line number of the text's first line (a piece of a larger file).
    public static func clean(input text: String, source: String, firstLine: Int = 1, diagnostics: inout [Diagnostic]) -> String {
        guard !isClean(text) else { return text }
        struct Found { var line: Int; var count: Int; var names: [String] }
        var found: [Kind: [Found]] = [:]
        var counter = LineCounter(firstLine: firstLine)
        var output = String.UnicodeScalarView()
        // A character removed between CR and LF must not join them into one line break.
        var removedAfterCR = false
        for scalar in text.unicodeScalars {
            if let kind = kind(of: scalar) {
                if output.last == "\r" { removedAfterCR = true }
                let name = describe(scalar)
                if var last = found[kind]?.last, last.line == counter.line {
                    last.count += 1
                    if !last.names.contains(name), last.names.count < 3 { last.names.append(name) }
                    found[kind]![found[kind]!.count - 1] = last
                } else {
                    found[kind, default: []].append(Found(line: counter.line, count: 1, names: [name]))
                }
            } else {
                if removedAfterCR, scalar == "\n" { output.append("\r") }
                removedAfterCR = false
                output.append(scalar)
            }
            counter.advance(scalar.value < 0x80 ? UInt8(scalar.value) : 0x80)
        }
        for kind in Kind.allCases {
            guard let lines = found[kind] else { continue }
            TextDecoding.report(lines.map { ($0.line, $0.count) }, code: kind.code, source: source, diagnostics: &diagnostics) { position, count in
                let names = " (" + lines[position].names.joined(separator: ", ") + ")"
                return "removed \(count) \(kind.noun)\(names): \(kind.reason); the rest of the line is kept"
            }
        }
        return String(output)
    }

    /// Cleans the fields of comments that the readers decoded from escapes (`\u0000`,
    /// `\u202e` in JSON): the raw input was cleaned already, so these come only from escapes.
    /// One diagnostic per comment, at its location.
    public static func clean(_ result: inout ReadResult) {
        for t in result.threads.indices {
            if let title = result.threads[t].title, !isClean(title) { result.threads[t].title = clean(title).text }
            for c in result.threads[t].comments.indices {
                let comment = result.threads[t].comments[c]
                var total: [Kind: Int] = [:]
                func take(_ value: String) -> String {
                    let (cleaned, counts) = clean(value)
                    total.merge(counts, uniquingKeysWith: +)
                    return cleaned
                }
                if !isClean(comment.text) { result.threads[t].comments[c].text = take(comment.text) }
                if let author = comment.author, !isClean(author) { result.threads[t].comments[c].author = take(author) }
                if let date = comment.date, !isClean(date.raw) { result.threads[t].comments[c].date?.raw = take(date.raw) }
                guard !total.isEmpty else { continue }
                for kind in Kind.allCases {
                    guard let count = total[kind] else { continue }
                    result.diagnostics.append(.warning(kind.code, "removed \(count) \(kind.noun) written as escapes in comment '\(comment.id)': \(kind.reason); the rest of its text is kept",
                                                       at: comment.location))
                }
            }
        }
    }

    /// `U+0000 NUL`-style names for messages.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let names: [UInt32: String] = [0x00: "NUL", 0x1B: "ESC", 0x7F: "DEL", 0x202E: "RIGHT-TO-LEFT OVERRIDE", 0x202D: "LEFT-TO-RIGHT OVERRIDE",
                                       0x2067: "RIGHT-TO-LEFT ISOLATE", 0x200B: "ZERO WIDTH SPACE", 0xFEFF: "ZERO WIDTH NO-BREAK SPACE", 0x00AD: "SOFT HYPHEN"]
        return names[scalar.value].map { "\(code) \($0)" } ?? code
    }
}
