import Testing
import ThreadLensCore
@testable import ThreadLensReport

/// Golden files pin every format on the fixed corpus; the other tests check the properties a
/// golden file could hide (escaping, width, no colour).
@Suite struct RendererTests {
    static var report: Report {
        var partial = PartialReport(Fixture.all)
        partial.recordInput(files: 3, skipped: ["no text"])
        return Report(partial)
    }

    @Test func terminalPlainMatchesGolden() {
        Snapshot.check(TerminalRenderer().render(Self.report), named: "report.terminal.txt")
    }

    @Test func terminalWithColourAndGlyphsMatchesGolden() {
        Snapshot.check(TerminalRenderer(color: true, glyphs: true).render(Self.report), named: "report.terminal-tty.txt")
    }

    @Test func markdownMatchesGolden() {
        Snapshot.check(MarkdownRenderer().render(Self.report), named: "report.md")
    }

    @Test func jsonMatchesGolden() {
        Snapshot.check(Self.report.json().pretty() + "\n", named: "report.json")
    }

    @Test func partialMatchesGolden() {
        var partial = PartialReport(Fixture.all)
        partial.recordInput(files: 3, skipped: ["no text"])
        Snapshot.check(partial.json().pretty() + "\n", named: "partial.json")
    }

    @Test(arguments: CSVTable.allCases)
    func csvTableMatchesGolden(table: CSVTable) {
        Snapshot.check(CSVRenderer().render(Self.report, table: table), named: "report.\(table.rawValue).csv")
    }

    @Test func htmlMatchesGolden() {
        Snapshot.check(HTMLRenderer().render(Self.report), named: "report.html")
    }

    @Test func anEmptyReportRendersInEveryFormat() {
        let empty = Report(PartialReport())
        #expect(empty.timeline == nil)
        #expect(TerminalRenderer(color: true, glyphs: true).render(empty).contains("no claims found"))
        #expect(MarkdownRenderer().render(empty).contains("No claims found."))
        #expect(HTMLRenderer().render(empty).contains("No topics assigned."))
        #expect(empty.json().serialized().contains("\"timeline\": null"))
        for table in CSVTable.allCases { #expect(CSVRenderer().render(empty, table: table).split(separator: "\n").count == 1) }
    }

    @Test func renderingTwiceGivesTheSameBytes() {
        let a = Report(PartialReport(Fixture.all)), b = Report(PartialReport(Fixture.all.reversed()))
        #expect(HTMLRenderer().render(a) == HTMLRenderer().render(b))
        #expect(TerminalRenderer().render(a) == TerminalRenderer().render(b))
        #expect(MarkdownRenderer().render(a) == MarkdownRenderer().render(b))
    }

    @Test(arguments: [false, true])
    func terminalLinesFitOneHundredColumns(styled: Bool) {
        let text = TerminalRenderer(color: false, glyphs: styled).render(Self.report)
        for line in text.split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= 100, "\(DisplayWidth.of(line)) columns: \(line)")
        }
    }

    @Test func plainTerminalHasNoEscapesOrBarGlyphs() {
        let text = TerminalRenderer(color: false, glyphs: false).render(Self.report)
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("█"))
        let styled = TerminalRenderer(color: true, glyphs: true).render(Self.report)
        #expect(styled.contains("\u{1B}[31m"))
        #expect(styled.contains("█"))
    }

    @Test func htmlEscapesCommentTextAndHasNoScriptsOrNetwork() {
        let html = HTMLRenderer().render(Self.report)
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("href=\"http"))
        #expect(html.contains("default-src 'none'"))
    }

    @Test func htmlLinksEveryClaimToItsEvidence() {
        let report = Self.report
        let html = HTMLRenderer().render(report)
        for claim in report.claims {
            #expect(html.contains("<a href=\"#\(claim.id)\">"))
            #expect(html.contains("<article id=\"\(claim.id)\">"))
            #expect(html.contains("<h4 id=\"\(claim.id)-for\">"))
        }
        #expect(html.contains("<svg"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 3)
    }

    @Test(arguments: [
        ("=SUM(A1:A3)", "'=SUM(A1:A3)"), ("+1 555", "'+1 555"), ("-2 days", "'-2 days"), ("@home", "'@home"),
        ("\tx", "'\tx"), ("plain, with comma", "\"plain, with comma\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("=a,b", "\"'=a,b\""), ("ok", "ok"),
    ])
    func csvNeutralisesFormulasAndQuotes(text: String, cell: String) {
        #expect(CSVRenderer.format(.text(text)) == cell)
    }

    @Test func csvWritesNegativeNumbersAsNumbers() {
        #expect(CSVRenderer.format(.number(-0.25)) == "-0.25")
        #expect(CSVRenderer.format(.number(nil)) == "")
        #expect(CSVRenderer.format(.int(-3)) == "-3")
    }

    @Test func csvQuotesTableNeutralisesFormulaTextFromComments() {
        let csv = CSVRenderer().render(Self.report, table: .quotes)
        #expect(csv.contains("'=HYPERLINK"))
        #expect(csv.contains("'=cmd|calc"))
        #expect(!csv.contains(",=HYPERLINK"))
    }

    @Test func markdownEscapesMarkup() {
        let md = MarkdownRenderer().render(Self.report)
        #expect(!md.contains("<script>"))
        #expect(md.contains("&lt;script&gt;"))
        #expect(MarkdownRenderer().esc("a|b *c* [d](e)") == "a\\|b \\*c\\* \\[d\\](e)")
    }

    @Test(arguments: [
        ("abc", 3), ("小米", 4), ("a😀", 3), ("e\u{301}", 1), ("Ａ", 2),
    ])
    func displayWidthCountsColumns(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func truncationRespectsWideCharacters() {
        let cut = DisplayWidth.truncate("小米拒绝发货太让人失望", to: 9)
        #expect(DisplayWidth.of(cut) <= 9)
        #expect(cut.hasSuffix("…"))
    }

    @Test(arguments: [(0.405, 2, "0.41"), (-0.049, 2, "-0.05"), (-0.0001, 2, "0.00"), (12.0, 0, "12"), (0.5, 1, "0.5")])
    func fixedFormatting(value: Double, digits: Int, text: String) {
        #expect(Fmt.fixed(value, digits) == text)
    }
}
