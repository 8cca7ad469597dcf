/// Number formatting and display-width arithmetic shared by the text renderers, without
/// Foundation or the machine's locale (a report must not change with either).
enum Fmt {
    /// `value` with exactly `digits` decimals (`0.40`, `-0.05`).
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "–" }
        var power = 1
        for _ in 0..<digits { power *= 10 }
        let scaled = Int((abs(value) * Double(power)).rounded())
        let negative = value < 0 && scaled != 0
        let whole = scaled / power, fraction = scaled % power
        var text = String(whole)
        if digits > 0 {
            let f = String(fraction)
            text += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return negative ? "-" + text : text
    }

    /// Like `fixed`, with `+` before positive values.
    static func signed(_ value: Double, _ digits: Int) -> String {
        let text = fixed(value, digits)
        return value > 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "+" + text : text
    }

    /// A share in [0, 1] as a whole percentage (`38%`).
    static func percent(_ share: Double) -> String { fixed(share * 100, 0) + "%" }

    /// `mean [low, high]` or `–` when there is no mean.
    static func meanInterval(_ s: SentimentSummary) -> String {
        guard let mean = s.mean else { return "–" }
        guard let low = s.low, let high = s.high else { return signed(mean, 2) }
        return "\(signed(mean, 2)) [\(signed(low, 2)), \(signed(high, 2))]"
    }

    /// `2015-02-23` from an ISO date-time, or the text as it is.
    static func day(_ date: String?) -> String {
        guard let date else { return "–" }
        return CalendarDay(iso8601: date)?.description ?? date
    }
}

/// Terminal column widths: East Asian wide and fullwidth characters and most emoji take two
/// columns, combining marks and zero-width characters none.
enum DisplayWidth {
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark
            || (0x200B...0x200F).contains(v) || (0xFE00...0xFE0F).contains(v) || v == 0x2060 || v == 0xFEFF {
            return 0
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    static func of(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// `text` cut to at most `width` columns, ending in `…` when cut.
    static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = of(String(character))
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// `text` padded with spaces to `width` columns (cut first if longer).
    static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let fill = String(repeating: " ", count: max(0, width - of(cut)))
        return right ? fill + cut : cut + fill
    }

    /// Greedy word wrap to `width` columns; CJK text breaks between any two characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var word = ""
        var wordWidth = 0
        func flushWord() {
            guard !word.isEmpty else { return }
            if lineWidth + (line.isEmpty ? 0 : 1) + wordWidth > width, !line.isEmpty {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if !line.isEmpty, !(line.last.map(isWide) ?? false && word.first.map(isWide) ?? false) {
                line += " "
                lineWidth += 1
            }
            line += word
            lineWidth += wordWidth
            word = ""
            wordWidth = 0
        }
        for character in text {
            if character.isWhitespace { flushWord(); continue }
            let w = of(String(character))
            if w == 2 { flushWord() }
            word.append(character)
            wordWidth += w
            if w == 2 { flushWord() }
            if wordWidth >= width { flushWord() }
        }
        flushWord()
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    static func isWide(_ character: Character) -> Bool { of(String(character)) == 2 }
}
