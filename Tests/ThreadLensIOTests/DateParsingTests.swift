import Testing
@testable import ThreadLensIO
import ThreadLensCore

@Suite struct DateParsingTests {
    /// Whole date fields and the ISO 8601 form they must give (nil: kept raw).
    @Test(arguments: [
        ("February 23, 2015", "2015-02-23"),
        ("Feb 23, 2015", "2015-02-23"),
        ("Feb. 23rd, 2015", "2015-02-23"),
        ("feb 23 2015", "2015-02-23"),
        ("Monday, February 23, 2015", "2015-02-23"),
        ("Sept 5, 2016", "2016-09-05"),
        ("23 February 2015", "2015-02-23"),
        ("23rd of February, 2015", "2015-02-23"),
        ("23-Feb-2015", "2015-02-23"),
        ("Mon, 23 Feb 2015 08:15:00 +0000", "2015-02-23T08:15:00+00:00"),
        ("2015-02-23", "2015-02-23"),
        ("2015/2/23", "2015-02-23"),
        ("2015.02.23", "2015-02-23"),
        ("2023年11月24日", "2023-11-24"),
        ("2023 年 11 月 24 日", "2023-11-24"),
        ("２０２３年１１月２４日", "2023-11-24"),
        ("2023年11月24日 10时30分", "2023-11-24T10:30"),
        ("2023-11-24 10:30", "2023-11-24T10:30"),
        ("2023-11-24T10:30:15", "2023-11-24T10:30:15"),
        ("2023-11-24T10:30:15Z", "2023-11-24T10:30:15Z"),
        ("2023-11-24T10:30:15.250+08:00", "2023-11-24T10:30:15+08:00"),
        ("February 23, 2015 at 3:14 pm", "2015-02-23T15:14"),
        ("February 23, 2015, 12:05 AM", "2015-02-23T00:05"),
        ("February 23, 2015 10:30 PM UTC", "2015-02-23T22:30Z"),
        ("2/23/2015", "2015-02-23"),
        ("23/02/2015", "2015-02-23"),
        ("23.02.2015", "2015-02-23"),
        ("05/05/2015", "2015-05-05"),
        ("February 2015", "2015-02"),
        ("February 29, 2016", "2016-02-29"),
        ("  February 23, 2015\u{00A0}", "2015-02-23"),
    ])
    func parsesToISO8601(input: String, iso: String) {
        #expect(DateParsing.parse(input).iso8601 == iso)
    }

    /// Text kept raw: relative, yearless, ambiguous, impossible or not a date at all.
    @Test(arguments: [
        "3 days ago", "an hour ago", "yesterday", "3天前", "昨天", "11月24日",
        "03/04/2015", "February 29, 2015", "2015-13-01", "2015-02-30", "sometime last spring",
        "February 23, 2015 (edited)", "", "23", "May",
    ])
    func keepsUnparseableTextRaw(input: String) {
        let date = DateParsing.parse(input)
        #expect(date.iso8601 == nil)
        #expect(date.raw == input.trimmingSpaces())
    }

    /// A date at the start of a line and the rest after it.
    @Test(arguments: [
        ("February 23, 2015 is where I bought it.", "February 23, 2015", "2015-02-23", "is where I bought it."),
        ("March 6, 2021", "March 6, 2021", "2021-03-06", ""),
        ("2023-11-24 10:30 到货了", "2023-11-24 10:30", "2023-11-24T10:30", "到货了"),
        ("2023年11月24日发货", "2023年11月24日", "2023-11-24", "发货"),
        ("3 days ago", "3 days ago", nil, ""),
        ("February 23, 2015 at the shop", "February 23, 2015", "2015-02-23", "at the shop"),
    ] as [(String, String, String?, String)])
    func leadingDateSplitsTheLine(line: String, raw: String, iso: String?, rest: String) throws {
        let found = try #require(DateParsing.leadingDate(in: line))
        #expect(found.date.raw == raw)
        #expect(found.date.iso8601 == iso)
        #expect(found.rest == rest)
    }

    /// Lines that do not start with a date (authors, body text).
    @Test(arguments: ["quill", "June 2015 buyer", "2015 was a good year", "2015-02-23x", "May the best shop win", "10 people agreed"])
    func noLeadingDate(line: String) {
        #expect(DateParsing.leadingDate(in: line) == nil)
    }

    @Test(arguments: [
        (1_424_649_600.0, "2015-02-23T00:00:00Z"),
        (1_424_649_600_000.0, "2015-02-23T00:00:00Z"),
        (1_700_821_800.0, "2023-11-24T10:30:00Z"),
        (-86_400.0, "1969-12-31T00:00:00Z"),
    ])
    func epochSecondsAndMillisecondsBecomeUTC(value: Double, iso: String) {
        #expect(DateParsing.fromEpoch(value, raw: "x").iso8601 == iso)
    }
}
