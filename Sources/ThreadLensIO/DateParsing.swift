import ThreadLensCore

/// Turns the dates scrapes carry into ISO 8601, keeping the raw text when that is not possible.
///
/// Recognised (case-insensitive; any run of spaces, tabs or NBSP between parts):
///
/// | input | ISO 8601 |
/// |---|---|
/// | `February 23, 2015`, `Feb 23 2015`, `Feb. 23rd, 2015`, `Monday, February 23, 2015` | `2015-02-23` |
/// | `23 February 2015`, `23 Feb, 2015`, `23-Feb-2015`, `Mon, 23 Feb 2015` | `2015-02-23` |
/// | `2015-02-23`, `2015/2/23`, `2015.02.23` | `2015-02-23` |
/// | `2023年11月24日`, `2023 年 11 月 24 日` | `2023-11-24` |
/// | `2/23/2015`, `23/02/2015`, `23.02.2015` (day and month told apart by a part over 12; `.` is day-first) | `2015-02-23` |
/// | `February 2015` (the whole text) | `2015-02` |
/// | any of the above + a time: `10:30`, `T10:30:15`, `at 3:14 pm`, `, 10:30 PM UTC`, `10:30+08:00`, `10时30分` | `2023-11-24T10:30`, `…T15:14`, `…T10:30:15+08:00` |
///
/// Recognised as dates but kept raw (`iso8601` nil): relative times (`3 days ago`, `an hour ago`,
/// `yesterday`, `3天前`, `昨天`), dates without a year (`11月24日`) and numeric dates whose day
/// and month cannot be told apart (`03/04/2015`). Impossible dates (`February 30, 2015`) are
/// not dates.
public enum DateParsing {
    /// Parses a whole date field (JSON, JSONL, CSV). The raw text is kept, trimmed; `iso8601`
    /// is set only when the whole text is a recognised absolute date.
    public static func parse(_ text: String) -> CommentDate {
        let raw = text.trimmingSpaces()
        let scalars = Array(raw.unicodeScalars.prefix(maximumLength + 1))
        guard scalars.count <= maximumLength, let match = longestMatch(in: scalars), match.end == scalars.count else {
            return CommentDate(raw: raw, iso8601: nil)
        }
        return CommentDate(raw: raw, iso8601: match.iso)
    }

    /// The date a line starts with, and the rest of the line after it (trimmed; empty when the
    /// date is the whole line). `nil` when the line does not start with a recognised date, or
    /// the date runs straight into a Latin letter or a digit (`2015-02-23x`); Han text may follow
    /// a date directly (`2023年11月24日发布`).
    public static func leadingDate(in line: String) -> (date: CommentDate, rest: String)? {
        let view = line.unicodeScalars
        var start = view.startIndex
        while start < view.endIndex, view[start].isDateSpace { start = view.index(after: start) }
        // Dates are short: only the head of a (possibly very long) line is examined.
        let head = Array(view[start...].prefix(maximumLength))
        guard let match = longestMatch(in: head, leading: true) else { return nil }
        let end = view.index(start, offsetBy: match.end)
        if end < view.endIndex, view[end].isASCIILetter || view[end].digitValue != nil { return nil }
        let raw = String(view[start..<end]).trimmingSpaces()
        let rest = String(view[end...]).trimmingSpaces()
        return (CommentDate(raw: raw, iso8601: match.iso), rest)
    }

    /// No recognised date is longer than this many scalars (a weekday, a long month name, a
    /// time with seconds, fraction and zone fit well within it).
    static let maximumLength = 96

    // MARK: - Matching

    struct Match {
        var iso: String?
        var end: Int
    }

    /// Tries every pattern from the start and keeps the longest match (an ISO form wins a tie).
    /// `leading`: the text may go on after the date; a month-and-year-only date must then still
    /// be the whole text, so that an author called "June 2015 buyer" is not a date.
    static func longestMatch(in scalars: [Unicode.Scalar], leading: Bool = false) -> Match? {
        // Every pattern starts with a digit, a Latin letter or one of the Chinese relative words.
        guard let first = scalars.first, first.digitValue != nil || first.isASCIILetter || relativeHanStarts.contains(first) else { return nil }
        let candidates: [Match?] = [
            yearFirst(scalars),
            hanDate(scalars),
            monthFirst(scalars, allowMonthYear: true),
            dayFirst(scalars),
            numericDayMonth(scalars),
            relative(scalars),
        ]
        var best: Match?
        for case let candidate? in candidates {
            if leading, candidate.isMonthYearOnly(in: scalars) { continue }
            if let current = best {
                if candidate.end > current.end || (candidate.end == current.end && current.iso == nil && candidate.iso != nil) {
                    best = candidate
                }
            } else {
                best = candidate
            }
        }
        return best
    }

    /// `2015-02-23`, `2015/2/23`, `2015.02.23` (+ time).
    static func yearFirst(_ s: [Unicode.Scalar]) -> Match? {
        var scan = DateScanner(s)
        guard let year = scan.integer(digits: 4...4) else { return nil }
        guard let separator = scan.peek, "-/.".unicodeScalars.contains(separator) else { return nil }
        scan.advance()
        guard let month = scan.integer(digits: 1...2), scan.consume(separator), let day = scan.integer(digits: 1...2) else { return nil }
        guard let date = isoDate(year: year, month: month, day: day) else { return nil }
        return withTime(date, scanner: scan, allowT: true)
    }

    /// `2023年11月24日` (+ `10:30` or `10时30分`); `11月24日` is recognised but has no year.
    static func hanDate(_ s: [Unicode.Scalar]) -> Match? {
        var scan = DateScanner(s)
        var year: Int?
        let start = scan
        if let y = scan.integer(digits: 4...4) {
            scan.skipSpaces()
            if scan.consume("年") { year = y; scan.skipSpaces() } else { scan = start }
        }
        guard let month = scan.integer(digits: 1...2) else { return nil }
        scan.skipSpaces()
        guard scan.consume("月") else { return nil }
        scan.skipSpaces()
        guard let day = scan.integer(digits: 1...2) else { return nil }
        scan.skipSpaces()
        guard scan.consume("日") || scan.consume("号") || scan.consume("號") else { return nil }
        guard let year else {
            guard (1...12).contains(month), (1...31).contains(day) else { return nil }
            return Match(iso: nil, end: scan.position)
        }
        guard let date = isoDate(year: year, month: month, day: day) else { return nil }
        return withTime(date, scanner: scan, allowT: false)
    }

    /// `[Weekday,] February 23[rd][,] 2015` (+ time), or `February 2015`.
    static func monthFirst(_ s: [Unicode.Scalar], allowMonthYear: Bool) -> Match? {
        var scan = DateScanner(s)
        scan.skipWeekday()
        guard let month = scan.monthName() else { return nil }
        scan.skipSpaces()
        let afterMonth = scan
        if let day = scan.integer(digits: 1...2) {
            scan.skipOrdinalSuffix()
            scan.skipSpaces()
            _ = scan.consume(",")
            scan.skipSpaces()
            if let year = scan.integer(digits: 4...4), let date = isoDate(year: year, month: month, day: day) {
                return withTime(date, scanner: scan, allowT: false)
            }
        }
        scan = afterMonth
        if allowMonthYear, let year = scan.integer(digits: 4...4) {
            return Match(iso: "\(pad(year, 4))-\(pad(month, 2))", end: scan.position)
        }
        return nil
    }

    /// `[Weekday,] 23[rd] [of] February[,] 2015`, `23-Feb-2015` (+ time).
    static func dayFirst(_ s: [Unicode.Scalar]) -> Match? {
        var scan = DateScanner(s)
        scan.skipWeekday()
        guard let day = scan.integer(digits: 1...2) else { return nil }
        scan.skipOrdinalSuffix()
        let dashed = scan.consume("-")
        scan.skipSpaces()
        if !dashed { _ = scan.consumeWord("of"); scan.skipSpaces() }
        guard let month = scan.monthName() else { return nil }
        if dashed { guard scan.consume("-") else { return nil } }
        scan.skipSpaces()
        _ = scan.consume(",")
        scan.skipSpaces()
        guard let year = scan.integer(digits: 4...4), let date = isoDate(year: year, month: month, day: day) else { return nil }
        return withTime(date, scanner: scan, allowT: false)
    }

    /// `2/23/2015`, `23/02/2015`, `23-02-2015`, `23.02.2015` (+ time). With `/` or `-` the part
    /// over 12 is the day; when both are 12 or under and differ, the date is ambiguous and kept
    /// raw. With `.` the day comes first (the European convention).
    static func numericDayMonth(_ s: [Unicode.Scalar]) -> Match? {
        var scan = DateScanner(s)
        guard let first = scan.integer(digits: 1...2), let separator = scan.peek, "/-.".unicodeScalars.contains(separator) else { return nil }
        scan.advance()
        guard let second = scan.integer(digits: 1...2), scan.consume(separator), let year = scan.integer(digits: 4...4) else { return nil }
        let day: Int, month: Int
        if separator == "." {
            (day, month) = (first, second)
        } else if first > 12, second <= 12 {
            (day, month) = (first, second)
        } else if second > 12, first <= 12 {
            (day, month) = (second, first)
        } else if first == second, first <= 12 {
            (day, month) = (first, first)
        } else {
            guard (1...12).contains(first), (1...12).contains(second) else { return nil }
            return Match(iso: nil, end: scan.position)
        }
        guard let date = isoDate(year: year, month: month, day: day) else { return nil }
        return withTime(date, scanner: scan, allowT: false)
    }

    /// `3 days ago`, `an hour ago`, `yesterday`, `today`, `just now`, `3天前`, `昨天`: dates,
    /// but with no absolute day to give.
    static func relative(_ s: [Unicode.Scalar]) -> Match? {
        var scan = DateScanner(s)
        var words = scan
        if let word = words.word() {
            if word == "yesterday" || word == "today" { return Match(iso: nil, end: words.position) }
            if word == "just" {
                words.skipSpaces()
                if words.consumeWord("now") { return Match(iso: nil, end: words.position) }
            }
        }
        for word in ["前天", "昨天", "今天", "刚刚", "剛剛"] {
            var attempt = scan
            if attempt.consumeLiteral(word) { return Match(iso: nil, end: attempt.position) }
        }
        let hasCount: Bool
        if scan.integer(digits: 1...4) != nil {
            hasCount = true
        } else {
            hasCount = scan.consumeWord("an") || scan.consumeWord("a")
        }
        guard hasCount else { return nil }
        scan.skipSpaces()
        let afterCount = scan
        if let unit = scan.word(), relativeUnits.contains(unit) {
            scan.skipSpaces()
            if scan.consumeWord("ago") { return Match(iso: nil, end: scan.position) }
        }
        scan = afterCount
        for unit in ["秒钟", "秒", "分钟", "分鐘", "小时", "小時", "天", "周", "週", "星期", "个月", "個月", "月", "年"] {
            var attempt = scan
            if attempt.consumeLiteral(unit) {
                attempt.skipSpaces()
                if attempt.consumeLiteral("前") { return Match(iso: nil, end: attempt.position) }
            }
        }
        return nil
    }

    static let relativeHanStarts: Set<Unicode.Scalar> = ["前", "昨", "今", "刚", "剛"]

    static let relativeUnits: Set<String> = [
        "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hr", "hrs", "hour", "hours",
        "day", "days", "week", "weeks", "wk", "wks", "month", "months", "mo", "year", "years", "yr", "yrs",
    ]

    /// Extends a date with a following time of day when there is one; otherwise the date alone.
    static func withTime(_ date: String, scanner: DateScanner, allowT: Bool) -> Match {
        var scan = scanner
        if allowT, scan.consume("T") || scan.consume("t") {
            if let time = scan.timeOfDay() { return Match(iso: "\(date)T\(time)", end: scan.position) }
            return Match(iso: date, end: scanner.position)
        }
        scan.skipSpaces()
        if scan.consume(",") || scan.consume("|") || scan.consume("@") || scan.consume("-") || scan.consume("·") {
            scan.skipSpaces()
        } else if scan.consumeWord("at") {
            scan.skipSpaces()
        }
        if let time = scan.timeOfDay() { return Match(iso: "\(date)T\(time)", end: scan.position) }
        return Match(iso: date, end: scanner.position)
    }

    static func isoDate(year: Int, month: Int, day: Int) -> String? {
        guard (1000...9999).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    static let months: [String: Int] = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        var table: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            table[name] = index + 1
            table[String(name.prefix(3))] = index + 1
        }
        table["sept"] = 9
        return table
    }()

    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]
}

extension DateParsing.Match {
    /// True for a bare `February 2015` match (month and year, no day).
    func isMonthYearOnly(in scalars: [Unicode.Scalar]) -> Bool {
        guard let iso, iso.count == 7 else { return false }
        return end < scalars.count
    }
}

/// A cursor over the scalars of a date, with the small readers the patterns are made of.
struct DateScanner {
    let scalars: [Unicode.Scalar]
    var position = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }
    mutating func advance() { position += 1 }

    mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        guard peek == scalar else { return false }
        position += 1
        return true
    }

    mutating func consumeLiteral(_ text: String) -> Bool {
        var attempt = self
        for scalar in text.unicodeScalars {
            guard attempt.consume(scalar) else { return false }
        }
        self = attempt
        return true
    }

    mutating func skipSpaces() {
        while let scalar = peek, scalar.isDateSpace { position += 1 }
    }

    /// ASCII or full-width digits, `digits` of them; a longer run is no match.
    mutating func integer(digits: ClosedRange<Int>) -> Int? {
        var value = 0, count = 0, index = position
        while index < scalars.count, let digit = scalars[index].digitValue {
            value = value * 10 + digit
            count += 1
            index += 1
            if count > digits.upperBound { return nil }
        }
        guard digits.contains(count) else { return nil }
        position = index
        return value
    }

    /// Exactly `count` digits, whatever follows (`+0800` → 08, then 00).
    mutating func digits(_ count: Int) -> Int? {
        guard position + count <= scalars.count else { return nil }
        var value = 0
        for offset in 0..<count {
            guard let digit = scalars[position + offset].digitValue else { return nil }
            value = value * 10 + digit
        }
        position += count
        return value
    }

    /// A run of Latin letters, lower-cased.
    mutating func word() -> String? {
        var index = position
        var text = ""
        while index < scalars.count, scalars[index].isASCIILetter {
            let value = scalars[index].value
            text.unicodeScalars.append(Unicode.Scalar(value < 0x61 ? value + 0x20 : value)!)
            index += 1
        }
        guard !text.isEmpty else { return nil }
        position = index
        return text
    }

    /// The word `expected` (case-insensitive), not followed by another letter.
    mutating func consumeWord(_ expected: String) -> Bool {
        var attempt = self
        guard let found = attempt.word(), found == expected else { return false }
        self = attempt
        return true
    }

    /// A month name or abbreviation (`February`, `Feb`, `Feb.`, `Sept`).
    mutating func monthName() -> Int? {
        var attempt = self
        guard let name = attempt.word(), let month = DateParsing.months[name] else { return nil }
        _ = attempt.consume(".")
        self = attempt
        return month
    }

    /// Skips a leading weekday (`Monday,`, `Mon.`) when there is one.
    mutating func skipWeekday() {
        var attempt = self
        guard let name = attempt.word(), DateParsing.weekdays.contains(name) else { return }
        _ = attempt.consume(".")
        attempt.skipSpaces()
        _ = attempt.consume(",")
        attempt.skipSpaces()
        self = attempt
    }

    /// Skips `st`, `nd`, `rd`, `th` after a day number.
    mutating func skipOrdinalSuffix() {
        var attempt = self
        if let suffix = attempt.word(), suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" { self = attempt }
    }

    /// `10:30`, `10:30:15`, `10:30:15.250`, `3:14 pm`, `3pm`, `10时30分`, with an optional zone
    /// (`Z`, `UTC`, `GMT`, `+08:00`, `+0800`). Returns `HH:MM[:SS][zone]`.
    mutating func timeOfDay() -> String? {
        var attempt = self
        guard var hour = attempt.integer(digits: 1...2) else { return nil }
        var minute = 0, second: Int?
        var hasMinutes = false
        if attempt.consume(":") {
            guard let m = attempt.integer(digits: 2...2) else { return nil }
            minute = m
            hasMinutes = true
            var afterMinutes = attempt
            if afterMinutes.consume(":"), let s = afterMinutes.integer(digits: 2...2) {
                second = s
                if afterMinutes.consume(".") { _ = afterMinutes.integer(digits: 1...9) }
                attempt = afterMinutes
            }
        } else {
            attempt.skipSpaces()
            if attempt.consumeLiteral("时") || attempt.consumeLiteral("時") || attempt.consumeLiteral("点") || attempt.consumeLiteral("點") {
                attempt.skipSpaces()
                if let m = attempt.integer(digits: 1...2) {
                    attempt.skipSpaces()
                    guard attempt.consumeLiteral("分") else { return nil }
                    minute = m
                }
                hasMinutes = true
            }
        }
        var meridiem = attempt
        meridiem.skipSpaces()
        var isPM: Bool?
        if meridiem.consumeMeridiem("am") { isPM = false } else if meridiem.consumeMeridiem("pm") { isPM = true }
        if let isPM {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (isPM ? 12 : 0)
            attempt = meridiem
        } else if !hasMinutes {
            return nil
        }
        guard (0...23).contains(hour), (0...59).contains(minute), (second ?? 0) <= 60 else { return nil }
        var time = "\(DateParsing.pad(hour, 2)):\(DateParsing.pad(minute, 2))"
        if let second { time += ":\(DateParsing.pad(second, 2))" }
        time += attempt.zone()
        self = attempt
        return time
    }

    /// `am`, `a.m.`, `AM` (and the same for pm), not followed by a letter.
    mutating func consumeMeridiem(_ letters: String) -> Bool {
        let chars = Array(letters.unicodeScalars)
        var attempt = self
        if attempt.consumeWord(letters) { self = attempt; return true }
        attempt = self
        guard let first = attempt.peek, first.properties.lowercaseMapping == String(chars[0]) else { return false }
        attempt.advance()
        guard attempt.consume(".") else { return false }
        guard let second = attempt.peek, second.properties.lowercaseMapping == String(chars[1]) else { return false }
        attempt.advance()
        _ = attempt.consume(".")
        if let next = attempt.peek, next.isASCIILetter { return false }
        self = attempt
        return true
    }

    /// A time zone after a time: `Z`, `UTC`/`GMT` (→ `Z`), `±HH:MM`, `±HHMM`; "" when none.
    mutating func zone() -> String {
        if consume("Z") { return "Z" }
        var attempt = self
        attempt.skipSpaces()
        if attempt.consumeWord("utc") || attempt.consumeWord("gmt") {
            var offset = attempt
            if let sign = offset.peek, sign == "+" || sign == "-" {
                offset.advance()
                if let hours = offset.integer(digits: 1...2) {
                    self = offset
                    return hours == 0 ? "Z" : "\(sign)\(DateParsing.pad(hours, 2)):00"
                }
            }
            self = attempt
            return "Z"
        }
        attempt = self
        attempt.skipSpaces()
        guard let sign = attempt.peek, sign == "+" || sign == "-" else { return "" }
        attempt.advance()
        guard let hours = attempt.digits(2) else { return "" }
        _ = attempt.consume(":")
        guard let minutes = attempt.digits(2), hours <= 14, minutes <= 59 else { return "" }
        if let next = attempt.peek, next.digitValue != nil { return "" }
        self = attempt
        return "\(sign)\(DateParsing.pad(hours, 2)):\(DateParsing.pad(minutes, 2))"
    }
}

extension Unicode.Scalar {
    /// Spaces a scraped date may hold between its parts: space, tab, NBSP and the other
    /// horizontal spaces (not line breaks).
    var isDateSpace: Bool {
        self == " " || self == "\t" || (value >= 0x80 && properties.generalCategory == .spaceSeparator)
    }

    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }

    /// ASCII or full-width digit value.
    var digitValue: Int? {
        switch value {
        case 0x30...0x39: return Int(value - 0x30)
        case 0xFF10...0xFF19: return Int(value - 0xFF10)
        default: return nil
        }
    }
}

extension String {
    /// Trims spaces (including NBSP and other horizontal spaces) and line breaks at both ends.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].isTrimmable { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].isTrimmable { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}

extension Unicode.Scalar {
    var isTrimmable: Bool {
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        return isDateSpace || properties.isWhitespace || self == "\u{FEFF}" || self == "\u{200B}"
    }
}
