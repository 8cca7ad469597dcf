import Foundation
import Testing
import ThreadLens

/// Scrapes in legacy charsets, detected with ICU (`InputEncoding.icu()`) or forced with
/// `--encoding`. The bytes are made with ICU's converters from text written here.
@Suite struct HostileEncodingTests {
    static let simplified = "小米说这家网店不是官方授权的\n\n网友反映价格比官方高很多，客服也不回消息。\n\n  1. 老王\n    2024年4月2日\n\n    我在这家店买过，是水货。\n"
    static let traditional = "小米說這家網店不是官方授權的\n\n網友反映價格比官方高很多，客服也不回訊息。\n\n  1. 阿明\n    2024年4月2日\n\n    我在這家店買過，是水貨。\n"
    static let western = "Café owners say the “official” reseller isn’t — really\n\nThe señor at the market sold a naïve buyer a fake.\n\n  1. José\n    April 2, 2024\n\n    Déjà vu: same shop, same story.\n"

    func read(_ bytes: [UInt8], name: String, forced: String? = nil) throws -> ReadResult {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return InputFiles.read(path: url.path, encoding: .icu(forced: forced))
    }

    @Test(arguments: [
        ("GB18030", simplified, "GB18030"),
        ("GBK", simplified, "GB18030"),
        ("Big5", traditional, "Big5"),
        ("windows-1252", western, "windows-1252"),
        ("Shift_JIS", "ソニーの正規代理店ではない転売業者が多いという話です。\n\n本文です。\n", "Shift_JIS"),
    ])
    func legacyCharsetIsDetectedAndNamedInANote(charset: String, text: String, detectedAs: String) throws {
        let bytes = try #require(ICUCharset.encode(text, charset: charset))
        let result = try read(bytes, name: "scrape.txt")
        let article = try #require(result.threads.first?.comments.first)
        #expect(article.text.hasPrefix(String(text.prefix { $0 != "\n" })))
        let note = try #require(result.diagnostics.first { $0.code == "input.encoding" })
        #expect(note.severity == .note)
        #expect(note.message.contains(detectedAs), "\(note)")
        #expect(note.message.contains("confidence"), "\(note)")
        #expect(!result.diagnostics.contains { $0.severity != .note }, "\(result.diagnostics)")
    }

    /// Two characters are too few for ICU's detector; their byte structure decides.
    @Test(arguments: [("GBK", "水货"), ("Big5", "水貨"), ("GBK", "小米官方"), ("Big5", "小米官方")])
    func shortChineseRecordIsNotTakenForLatin1(charset: String, text: String) throws {
        let line = "{\"id\": \"1\", \"text\": \"\(text)\"}\n"
        let result = try read(try #require(ICUCharset.encode(line, charset: charset)), name: "short.jsonl")
        #expect(result.threads.first?.comments.first?.text == text, "\(result.diagnostics)")
    }

    /// An English scrape quoting a Chinese name: ICU is confident it is ISO-8859-1 (over 50%),
    /// yet every non-ASCII byte pairs up as GBK or Big5, which wins. Latin-1 symbols and
    /// accented letters in the same thread stay Windows-1252.
    @Test(arguments: [
        ("enc-gbk-in-english.txt", "小米官方", "GB18030"),
        ("enc-big5-in-english.txt", "小米官方", "Big5"),
        ("enc-latin1-symbols.txt", "21½°C and déjà vu", "windows-1252"),
    ])
    func chineseNameInAnEnglishScrapeBeatsAConfidentLatin1Guess(file: String, quoted: String, charset: String) throws {
        let url = CLIRunner.repositoryRoot.appendingPathComponent("corpora/malformed/files/\(file)")
        let result = InputFiles.read(path: url.path, encoding: .icu())
        let comments = try #require(result.threads.first?.comments)
        #expect(comments.contains { $0.text.contains("The sticker said \(quoted) on the side") }, "\(comments.map(\.text))")
        let note = try #require(result.diagnostics.first { $0.code == "input.encoding" })
        #expect(note.severity == .note)
        #expect(note.message.contains("decoded as \(charset)"), "\(note)")
    }

    @Test func shortLatin1IsAGuessWithAWarning() throws {
        let result = try read(try #require(ICUCharset.encode("id,text\n1,café crème\n", charset: "ISO-8859-1")), name: "short.csv")
        #expect(result.threads.first?.comments.first?.text == "café crème")
        #expect(result.diagnostics.map(\.code) == ["input.encoding"])
        #expect(result.diagnostics.first?.severity == .warning)
    }

    @Test func validUTF8IsNeverReDetected() throws {
        // Short UTF-8 that ICU might call something else: valid UTF-8 wins without a note.
        let result = try read(Array("{\"id\": \"1\", \"text\": \"é\"}\n".utf8), name: "u.jsonl")
        #expect(result.threads.first?.comments.first?.text == "é")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func undecodableBytesInALegacyCharsetAreReportedByLine() throws {
        var bytes = try #require(ICUCharset.encode("第一行没问题\n第二行\n", charset: "GB18030"))
        // A lead byte with an impossible trail byte on line 2.
        bytes.insert(contentsOf: [0x81, 0x7F], at: bytes.count - 1)
        let result = try read(bytes, name: "broken.txt", forced: "GB18030")
        let warnings = result.diagnostics.filter { $0.code == "input.invalid-bytes" }
        #expect(warnings.map { $0.location?.line } == [2], "\(result.diagnostics)")
        #expect(result.threads.first?.comments.first?.text.hasPrefix("第一行没问题") == true)
    }

    @Test func forcedEncodingOverridesDetection() throws {
        let bytes = try #require(ICUCharset.encode(Self.traditional, charset: "Big5"))
        let forced = try read(bytes, name: "t.txt", forced: "big5")
        #expect(forced.threads.first?.title == "小米說這家網店不是官方授權的")
        #expect(!forced.diagnostics.contains { $0.code == "input.encoding" })
        // Forcing the wrong one still reads the whole file.
        let wrong = try read(bytes, name: "t.txt", forced: "windows-1252")
        #expect(wrong.threads.first?.comments.count == 2)
    }

    @Test func encodingOptionReachesTheCommandLine() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("t.jsonl")
        try Data(try #require(ICUCharset.encode("{\"id\": \"1\", \"text\": \"水貨太多\"}\n", charset: "Big5"))).write(to: file)
        let run = try CLIRunner.run(["parse", "--format", "jsonl", "--encoding", "Big5", file.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("水貨太多"))
        let unknown = try CLIRunner.run(["parse", "--encoding", "klingon", file.path])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown encoding 'klingon'"))
    }
}
