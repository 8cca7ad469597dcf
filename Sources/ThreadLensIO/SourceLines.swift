/// Physical lines of a text input, with their indentation measured the way the scraped-thread
/// layout needs it.

/// One line of a text input: its 1-based number, its indentation in columns and its content
/// without the indentation and trailing spaces.
struct SourceLine: Sendable {
    var number: Int
    /// Leading columns: a space, NBSP or other horizontal space counts 1, an ideographic space
    /// (U+3000) 2, a tab 2 (one step of the layout's 2-column nesting); zero-width characters
    /// and BOMs count 0 and are dropped.
    var indent: Int
    /// The text after the indentation, trailing spaces removed, NBSP and the other odd
    /// horizontal spaces (U+2000…U+200A, U+202F, U+205F) turned into plain spaces: scrapes
    /// carry them over from HTML `&nbsp;` and they mean an ordinary space.
    var content: String

    var isBlank: Bool { content.isEmpty }
}

enum SourceLines {
    /// Splits on LF, CRLF and lone CR; a final line without a line break is kept.
    static func split(_ text: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = utf8.startIndex
        var number = 1
        while index < utf8.endIndex {
            let byte = utf8[index]
            guard byte == 0x0A || byte == 0x0D else {
                index = utf8.index(after: index)
                continue
            }
            lines.append(make(text[start..<index], number: number))
            number += 1
            var next = utf8.index(after: index)
            if byte == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
            index = next
            start = next
        }
        if start < utf8.endIndex { lines.append(make(text[start...], number: number)) }
        return lines
    }

    static func make(_ line: Substring, number: Int) -> SourceLine {
        let scalars = line.unicodeScalars
        var indent = 0
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == " " {
                indent += 1
            } else if scalar == "\t" || scalar == "\u{3000}" {
                indent += 2
            } else if scalar.isZeroWidth {
                // counts nothing
            } else if scalar.value >= 0x80, scalar.properties.generalCategory == .spaceSeparator {
                indent += 1
            } else {
                break
            }
            index = scalars.index(after: index)
        }
        var end = scalars.endIndex
        while end > index, scalars[scalars.index(before: end)].isTrimmable { end = scalars.index(before: end) }
        let body = scalars[index..<end]
        let content: String
        if body.contains(where: \.isOddSpace) {
            var mapped = String.UnicodeScalarView()
            for scalar in body { mapped.append(scalar.isOddSpace ? " " : scalar) }
            content = String(mapped)
        } else {
            content = String(body)
        }
        return SourceLine(number: number, indent: indent, content: content)
    }
}

extension Unicode.Scalar {
    /// Zero-width characters a scrape leaves at line starts (ZWSP, ZWNJ, ZWJ, word joiner, BOM,
    /// LRM/RLM).
    var isZeroWidth: Bool {
        switch value {
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x200E, 0x200F: return true
        default: return false
        }
    }

    /// NBSP and the other horizontal spaces that stand for an ordinary space (not U+3000,
    /// which is a character of Chinese text).
    var isOddSpace: Bool {
        switch value {
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F: return true
        default: return false
        }
    }
}
