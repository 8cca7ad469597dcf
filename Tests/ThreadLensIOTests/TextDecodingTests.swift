import Foundation
import Testing
@testable import ThreadLensIO
import ThreadLensCore

/// A converter that answers from a table, so the decoding policy can be tested without ICU.
struct TableConverter: CharsetConverter {
    var detected: (name: String, confidence: Int)?
    /// What each charset decodes any input to.
    var texts: [String: (String, Int)] = [:]

    func detect(_ bytes: [UInt8]) -> (name: String, confidence: Int)? { detected }
    func decode(_ bytes: [UInt8], charset: String) -> (text: String, substitutions: Int)? {
        texts[charset].map { (text: $0.0, substitutions: $0.1) }
    }
    func isKnown(_ charset: String) -> Bool { texts[charset] != nil }
}

@Suite struct TextDecodingTests {
    func decode(_ bytes: [UInt8], _ encoding: InputEncoding = .unicodeOnly) -> (text: String?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let text = TextDecoding.decode(Data(bytes), source: "in.txt", encoding: encoding, diagnostics: &diagnostics)
        return (text, diagnostics)
    }

    @Test(arguments: [
        ("UTF-8 BOM", [0xEF, 0xBB, 0xBF] + Array("héllo\n".utf8)),
        ("UTF-16LE BOM", [0xFF, 0xFE] + Array("héllo\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
        ("UTF-16BE BOM", [0xFE, 0xFF] + Array("héllo\n".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }),
        ("UTF-32LE BOM", [0xFF, 0xFE, 0, 0] + "héllo\n".unicodeScalars.flatMap { s in (0..<4).map { UInt8((s.value >> (8 * $0)) & 0xFF) } }),
        ("UTF-32BE BOM", [0, 0, 0xFE, 0xFF] + "héllo\n".unicodeScalars.flatMap { s in (0..<4).reversed().map { UInt8((s.value >> (8 * $0)) & 0xFF) } }),
        ("BOM-less UTF-16LE", Array("héllo\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
        ("BOM-less UTF-16BE", Array("héllo\n".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }),
    ] as [(String, [UInt8])])
    func unicodeFormsDecodeWithoutAConverter(name: String, bytes: [UInt8]) {
        let (text, diagnostics) = decode(bytes)
        #expect(text == "héllo\n", "\(name)")
        #expect(!diagnostics.contains { $0.severity != .note }, "\(name): \(diagnostics)")
    }

    @Test func bomLessUTF16IsNamedInANote() {
        let (_, diagnostics) = decode(Array("a line of text\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(diagnostics.map(\.code) == ["input.encoding"])
        #expect(diagnostics.first?.severity == .note)
        #expect(diagnostics.first?.message.contains("UTF-16LE") == true)
    }

    @Test func afewNulBytesInUTF8DoNotMakeItUTF16() {
        let (text, diagnostics) = decode(Array("one\0 line\nand another\0\n".utf8))
        #expect(text == "one\0 line\nand another\0\n")
        #expect(diagnostics.isEmpty)
    }

    @Test func invalidUTF8IsReportedOncePerLineWithItsCount() {
        let bytes = Array("fine ’ line\n".utf8) + [0x62, 0xFF, 0xFE, 0x0A] + Array("ok\r".utf8) + [0xC3, 0x28]
        let (text, diagnostics) = decode(bytes)
        #expect(diagnostics.map(\.code) == ["input.invalid-utf8", "input.invalid-utf8"])
        #expect(diagnostics.map { $0.location?.line } == [2, 4])
        #expect(diagnostics.first?.message.hasPrefix("2 invalid UTF-8 byte(s)") == true)
        #expect(text?.hasPrefix("fine ’ line\nb\u{FFFD}\u{FFFD}\n") == true)
    }

    @Test func manyBrokenLinesAreReportedUpToALimitThenCounted() {
        let line = Array("a ’ b".utf8) + [0xFF, 0x0A]
        let (_, diagnostics) = decode(Array(Array(repeating: line, count: 30).joined()))
        #expect(diagnostics.count == TextDecoding.reportLimit + 1)
        #expect(diagnostics.last?.message.hasPrefix("10 more line(s)") == true)
        #expect(diagnostics.last?.location?.line == 21)
    }

    @Test func utf16LoneSurrogateAndOddByteAreReplacedAndReported() {
        // "a", lone high surrogate, LF, "b", then half a code unit.
        let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x3D, 0xD8, 0x0A, 0x00, 0x62, 0x00, 0x41]
        let (text, diagnostics) = decode(bytes)
        #expect(text == "a\u{FFFD}\nb\u{FFFD}")
        #expect(diagnostics.map(\.code) == ["input.invalid-bytes", "input.invalid-bytes"])
        #expect(diagnostics.map { $0.location?.line } == [1, 2])
    }

    @Test func forcedUnicodeFormSkipsDetection() {
        let bytes = Array("hi".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(decode(bytes, InputEncoding(forced: "utf-16be")).text == "hi")
        #expect(decode(Array("ok".utf8), InputEncoding(forced: "UTF_8")).text == "ok")
    }

    @Test func unknownForcedCharsetIsAnErrorAndNothingIsDecoded() {
        let (text, diagnostics) = decode(Array("x".utf8), InputEncoding(forced: "klingon", converter: TableConverter()))
        #expect(text == nil)
        #expect(diagnostics.map(\.code) == ["input.encoding"])
        #expect(diagnostics.first?.severity == .error)
    }

    @Test func forcedCharsetGoesToTheConverterAndItsSubstitutionsAreReportedByLine() {
        let converter = TableConverter(texts: ["Big5": ("ok\nbad \u{FFFD} here\nsub \u{1A}\n", 2)])
        let (text, diagnostics) = decode([0xA4, 0x40], InputEncoding(forced: "Big5", converter: converter))
        #expect(text == "ok\nbad \u{FFFD} here\nsub \u{FFFD}\n")
        #expect(diagnostics.map(\.code) == ["input.invalid-bytes", "input.invalid-bytes"])
        #expect(diagnostics.map { $0.location?.line } == [2, 3])
    }

    @Test func confidentDetectionIsANoteAndWeakOneAWarning() {
        let latin: [UInt8] = Array("caf".utf8) + [0xE9, 0x0A]
        let confident = TableConverter(detected: ("windows-1252", 80), texts: ["windows-1252": ("café\n", 0)])
        let strong = decode(latin, InputEncoding(converter: confident))
        #expect(strong.text == "café\n")
        #expect(strong.diagnostics.map(\.severity) == [.note])
        #expect(strong.diagnostics.first?.message.contains("confidence 80%") == true)

        let weak = TableConverter(detected: ("ISO-8859-1", 30), texts: ["windows-1252": ("café\n", 0)])
        let guessed = decode(latin, InputEncoding(converter: weak))
        #expect(guessed.text == "café\n")
        #expect(guessed.diagnostics.map(\.severity) == [.warning])
        #expect(guessed.diagnostics.first?.message.contains("windows-1252") == true)
    }

    @Test func mostlyValidUTF8StaysUTF8EvenWithAConverter() {
        let converter = TableConverter(detected: ("windows-1252", 90), texts: ["windows-1252": ("wrong", 0)])
        let bytes = Array("“quoted” — and ’s\n".utf8) + [0xFF]
        let (text, diagnostics) = decode(bytes, InputEncoding(converter: converter))
        #expect(text?.hasPrefix("“quoted”") == true)
        #expect(diagnostics.map(\.code) == ["input.invalid-utf8"])
    }

    /// ICU calls short Chinese text ISO-8859-1; the byte structure decides instead.
    @Test(arguments: [
        (Array("PEQUE".utf8) + [0xD1, 0xCD] + Array("SIMO".utf8), "GB18030"), // Latin-1 PEQUEÑÍSIMO: one pair, alone it looks Chinese
        ([0xCB, 0xAE, 0xBB, 0xF5], "GB18030"),       // 水货 in GBK
        ([0xA4, 0xF4, 0xB3, 0x66], "Big5"),          // 水貨 in Big5
        ([0x63, 0x61, 0x66, 0xE9, 0x0A], nil),       // café in Latin-1: a lone high byte
        ([0x6E, 0x61, 0xEF, 0x76, 0x65], nil),       // naïve: a pair, but not a frequent character
    ] as [([UInt8], String?)])
    func shortDoubleByteTextIsRecognisedFromItsStructure(bytes: [UInt8], charset: String?) {
        #expect(TextDecoding.DoubleByteGuess(bytes).charset == charset)
    }

    @Test func weakLatinGuessLosesToTheDoubleByteStructure() {
        let converter = TableConverter(detected: ("ISO-8859-1", 42), texts: ["GB18030": ("水货", 0), "windows-1252": ("Ë®»õ", 0)])
        let (text, diagnostics) = decode([0xCB, 0xAE, 0xBB, 0xF5], InputEncoding(converter: converter))
        #expect(text == "水货")
        #expect(diagnostics.map(\.severity) == [.note])
    }

    /// "小米官方" in GBK (four pairs, all GB2312 level 1): even a confident single-byte answer
    /// loses to that structure; the note names both.
    @Test(arguments: ["ISO-8859-1", "windows-1252"])
    func confidentSingleByteGuessLosesToTwoOrMoreChinesePairs(detected: String) {
        let gbk: [UInt8] = [0xD0, 0xA1, 0xC3, 0xD7, 0xB9, 0xD9, 0xB7, 0xBD]
        let converter = TableConverter(detected: (detected, 63), texts: ["GB18030": ("小米官方", 0), "windows-1252": ("Ð¡Ã×¹Ù·½", 0)])
        let (text, diagnostics) = decode(Array("{\"text\": \"".utf8) + gbk + Array("\"}\n".utf8), InputEncoding(converter: converter))
        #expect(text == "小米官方")
        #expect(diagnostics.map(\.severity) == [.note])
        #expect(diagnostics.first?.message.contains("\(detected) with confidence 63%") == true, "\(diagnostics)")
        #expect(diagnostics.first?.message.contains("GB18030") == true, "\(diagnostics)")
    }

    /// What the structure check must leave alone when the detector is confident: one pair only
    /// (the Latin-1 "ÑÍ" of "PEQUEÑÍSIMO" reads as one GB2312 level-1 character), real Latin-1
    /// text, and a multi-byte answer such as EUC-KR, whose pairs look like GB2312's.
    @Test(arguments: [
        (Array("PEQUE".utf8) + [0xD1, 0xCD] + Array("SIMO\n".utf8), "ISO-8859-1", "windows-1252"), // PEQUEÑÍSIMO
        (Array("Caf".utf8) + [0xE9, 0x20, 0x63, 0x72, 0xE8, 0x6D, 0x65, 0x0A], "ISO-8859-1", "windows-1252"), // Café crème
        ([0xC7, 0xD1, 0xB1, 0xB9, 0x0A], "EUC-KR", "EUC-KR"),                                // 한국
    ] as [([UInt8], String, String)])
    func confidentGuessIsKeptWhenTheStructureIsNotDecisive(bytes: [UInt8], detected: String, used: String) {
        let converter = TableConverter(detected: (detected, 70), texts: ["GB18030": ("wrong", 0), used: ("right", 0)])
        let (text, diagnostics) = decode(bytes, InputEncoding(converter: converter))
        #expect(text == "right", "\(diagnostics)")
        #expect(diagnostics.map(\.severity) == [.note])
    }

    /// A converter that really decodes: Latin-1, counting calls.
    final class Latin1: CharsetConverter, @unchecked Sendable {
        var calls: [Int] = []
        func detect(_ bytes: [UInt8]) -> (name: String, confidence: Int)? { nil }
        func decode(_ bytes: [UInt8], charset: String) -> (text: String, substitutions: Int)? {
            calls.append(bytes.count)
            return (String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) })), 0)
        }
        func isKnown(_ charset: String) -> Bool { true }
    }

    @Test func largeInputReachesTheConverterInPiecesCutAfterALineFeed() throws {
        let converter = Latin1()
        let bytes = Array(String(repeating: "caf\u{E9} line\n", count: 100).unicodeScalars.map { UInt8($0.value) })
        let decoded = try #require(TextDecoding.decode(bytes, charset: "latin1", with: converter, limit: 64))
        #expect(decoded.text == String(repeating: "café line\n", count: 100))
        #expect(converter.calls.count > 1)
        #expect(converter.calls.allSatisfy { $0 <= 64 && $0 % 10 == 0 })
    }

    @Test(arguments: [("a\nb\nc", 3), ("a\r\nb", 2), ("a\rb\rc", 3), ("a\n\r\nb", 3), ("\r\r\n", 3)])
    func lineCounterCountsLikeTheReaders(text: String, lines: Int) {
        var counter = LineCounter()
        for byte in text.utf8 { counter.advance(byte) }
        #expect(counter.line == lines)
        #expect(SourceLines.rawLines(text + "x").count == lines)
    }
}
