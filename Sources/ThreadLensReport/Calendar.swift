/// Calendar arithmetic for the timeline: proleptic Gregorian days, ISO weeks and months, with no
/// dependency on Foundation or the time zone of the machine (a report must not change with it).
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var number: Int

    public init(number: Int) { self.number = number }

    public init(year: Int, month: Int, day: Int) {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        number = era * 146_097 + doe - 719_468
    }

    /// Reads the `YYYY-MM-DD` start of an ISO 8601 date or date-time; nil when it is not one.
    public init?(iso8601 text: String) {
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), day >= 1, day <= CalendarDay.daysIn(month: month, year: year) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Year, month, day (Hinnant's civil_from_days).
    public var components: (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 0 for Monday … 6 for Sunday.
    public var weekday: Int { ((number % 7) + 7 + 3) % 7 }

    /// The Monday starting this day's ISO week.
    public var weekStart: CalendarDay { CalendarDay(number: number - weekday) }

    /// The ISO 8601 week-numbering year and week (`2015-W09`).
    public var isoWeek: (year: Int, week: Int) {
        let thursday = CalendarDay(number: number - weekday + 3)
        let year = thursday.components.year
        let first = CalendarDay(year: year, month: 1, day: 1)
        return (year, (thursday.number - first.number) / 7 + 1)
    }

    /// The first day of this day's month.
    public var monthStart: CalendarDay {
        let c = components
        return CalendarDay(year: c.year, month: c.month, day: 1)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let c = components
        return "\(CalendarDay.pad(c.year, 4))-\(CalendarDay.pad(c.month, 2))-\(CalendarDay.pad(c.day, 2))"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.number < b.number }
}

/// The width of the timeline's buckets, chosen from the span of the dated comments.
public enum BucketSize: String, Hashable, Sendable, CaseIterable {
    case day, week, month

    /// Days up to a month apart: by day; up to 26 weeks: by week; longer: by month. This keeps
    /// the chart between a handful and a few dozen bars for most corpora.
    public static func chosen(first: CalendarDay, last: CalendarDay) -> BucketSize {
        let span = last.number - first.number
        if span <= 31 { return .day }
        if span <= 26 * 7 { return .week }
        return .month
    }

    /// The first day of the bucket holding `day`.
    public func start(of day: CalendarDay) -> CalendarDay {
        switch self {
        case .day: return day
        case .week: return day.weekStart
        case .month: return day.monthStart
        }
    }

    /// The first day of the bucket after the one starting at `start`.
    public func next(after start: CalendarDay) -> CalendarDay {
        switch self {
        case .day: return CalendarDay(number: start.number + 1)
        case .week: return CalendarDay(number: start.number + 7)
        case .month:
            let c = start.components
            return c.month == 12 ? CalendarDay(year: c.year + 1, month: 1, day: 1) : CalendarDay(year: c.year, month: c.month + 1, day: 1)
        }
    }

    /// The bucket's label: `2015-02-23`, `2015-W09` or `2015-02`.
    public func label(of start: CalendarDay) -> String {
        switch self {
        case .day: return start.description
        case .week:
            let w = start.isoWeek
            return "\(CalendarDay.pad(w.year, 4))-W\(CalendarDay.pad(w.week, 2))"
        case .month:
            let c = start.components
            return "\(CalendarDay.pad(c.year, 4))-\(CalendarDay.pad(c.month, 2))"
        }
    }
}
