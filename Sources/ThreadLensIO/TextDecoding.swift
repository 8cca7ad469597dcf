import Foundation
import ThreadLensCore

/// Bytes to text, for scrapes in any encoding.
///
/// UTF-8 (with or without BOM), UTF-16 and UTF-32 (with BOM, and BOM-less UTF-16 when the
/// zero bytes of mostly-ASCII text give it away) are decoded here. Other charsets — GB18030/GBK,
/// Big5, Windows-1252/Latin-1, Shift_JIS … — need a `CharsetConverter` (the umbrella
/// `ThreadLens` module passes ICU's); without one such a file is read as UTF-8 with
/// replacement characters. Bytes that do not decode become U+FFFD and each line holding one
/// is reported (never fatal: the rest of the file is read).

/// Charset detection and conversion, supplied from outside this module so the readers stay
/// free of ICU (`ThreadLens.ICUCharsetConverter` is the implementation the CLI uses).
public protocol CharsetConverter: Sendable {
    /// The most likely charset of `bytes` and a confidence in 0…100, or nil when nothing fits.
    func detect(_ bytes: [UInt8]) -> (name: String, confidence: Int)?
    /// `bytes` decoded from `charset`; `substitutions` counts undecodable sequences (replaced).
    /// Nil when the charset is unknown.
    func decode(_ bytes: [UInt8], charset: String) -> (text: String, substitutions: Int)?
    /// True when `charset` names a charset this converter can decode.
    func isKnown(_ charset: String) -> Bool
}

/// How input bytes are turned into text: detected (the default) or forced with `--encoding`.
public struct InputEncoding: Sendable {
    /// A charset name that overrides detection (`GB18030`, `Big5`, `windows-1252`, `UTF-16LE`).
    public var forced: String?
    /// Detects and decodes charsets other than the Unicode ones; nil: Unicode only.
    public var converter: (any CharsetConverter)?

    public init(forced: String? = nil, converter: (any CharsetConverter)? = nil) {
        self.forced = forced
        self.converter = converter
    }

    /// Unicode encodings only (UTF-8, UTF-16, UTF-32), detected from BOMs and byte patterns.
    public static let unicodeOnly = InputEncoding()

    /// True when `name` can be passed as `forced`: a Unicode encoding, or one the converter knows.
    public func canDecode(_ name: String) -> Bool {
        TextDecoding.UnicodeForm(name: name) != nil || converter?.isKnown(name) == true
    }
}

public enum TextDecoding {
    /// The most lines reported one by one for a kind of problem; the rest are counted.
    static let reportLimit = 20

    /// Decodes `data` as `encoding` says, appending what was detected and every line holding
    /// undecodable bytes to `diagnostics`. Nil only when a forced charset is unknown (an
    /// `input.encoding` error is appended): then nothing of the file can be read correctly.
    public static func decode(_ data: Data, source: String, encoding: InputEncoding = .unicodeOnly, diagnostics: inout [Diagnostic]) -> String? {
        let bytes = [UInt8](data)
        let start = SourceLocation(file: source, line: 1)
        if let forced = encoding.forced {
            if let form = UnicodeForm(name: forced) {
                return decodeUnicode(bytes, form: form, stripBOM: true, source: source, diagnostics: &diagnostics)
            }
            guard let converter = encoding.converter, let (text, substitutions) = decode(bytes, charset: forced, with: converter) else {
                diagnostics.append(.error("input.encoding", "unknown encoding '\(forced)' (expected a charset name such as UTF-8, GB18030, Big5, windows-1252 or UTF-16LE); the file is not read", at: start))
                return nil
            }
            return reportSubstitutions(in: text, count: substitutions, charset: forced, source: source, diagnostics: &diagnostics)
        }
        if let form = UnicodeForm(bom: bytes) {
            return decodeUnicode(bytes, form: form, stripBOM: true, source: source, diagnostics: &diagnostics)
        }
        if let form = UnicodeForm.guessBOMLess(bytes) {
            diagnostics.append(Diagnostic(.note, "input.encoding", "decoded as \(form.name) (no byte order mark; its zero bytes give it away); pass --encoding to force another", at: start))
            return decodeUnicode(bytes, form: form, stripBOM: false, source: source, diagnostics: &diagnostics)
        }
        let utf8 = UTF8Stats(bytes)
        if utf8.invalid == 0 { return String(decoding: bytes, as: UTF8.self) }
        // UTF-8 whose non-ASCII sequences are mostly valid (at least three valid per broken
        // one) is UTF-8 with some damage; anything else is another charset. GBK and Big5 text
        // forms valid two-byte UTF-8 sequences by chance, but far fewer than broken ones.
        if utf8.multibyte < 3 * utf8.invalid, let converter = encoding.converter,
           let guess = guessCharset(bytes, converter: converter), UnicodeForm(name: guess.charset) != .utf8,
           let (text, substitutions) = decode(bytes, charset: guess.charset, with: converter) {
            if guess.confident {
                diagnostics.append(Diagnostic(.note, "input.encoding", "not UTF-8: decoded as \(guess.charset) (\(guess.why)); pass --encoding to force another", at: start))
            } else {
                diagnostics.append(.warning("input.encoding", "not UTF-8: decoded as \(guess.charset), a guess (\(guess.why)); check the text and pass --encoding NAME if it is wrong", at: start))
            }
            return reportSubstitutions(in: text, count: substitutions, charset: guess.charset, source: source, diagnostics: &diagnostics)
        }
        let hint = encoding.converter == nil ? "" : " (pass --encoding NAME if the file is in another charset)"
        reportInvalidUTF8(bytes, source: source, hint: hint, diagnostics: &diagnostics)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Compatibility form without a converter.
    public static func decode(_ data: Data, source: String, diagnostics: inout [Diagnostic]) -> String {
        decode(data, source: source, encoding: .unicodeOnly, diagnostics: &diagnostics) ?? ""
    }

    /// The most bytes handed to a converter at once: converters count in 32-bit integers.
    static let chunkLimit = 1 << 26

    /// Decodes with `converter`, a large input in pieces cut after a line feed (0x0A is never
    /// part of a multi-byte character in the ASCII-compatible charsets; for UTF-16 and UTF-32,
    /// which are decoded here without a converter, it can be).
    static func decode(_ bytes: [UInt8], charset: String, with converter: any CharsetConverter, limit: Int = chunkLimit) -> (text: String, substitutions: Int)? {
        guard bytes.count > limit else { return converter.decode(bytes, charset: charset) }
        var text = ""
        var substitutions = 0
        var start = 0
        while start < bytes.count {
            var end = min(bytes.count, start + limit)
            if end < bytes.count, let lineFeed = bytes[start..<end].lastIndex(of: 0x0A) { end = lineFeed + 1 }
            guard let piece = converter.decode(Array(bytes[start..<end]), charset: charset) else { return nil }
            text += piece.text
            substitutions += piece.substitutions
            start = end
        }
        return (text, substitutions)
    }

    // MARK: - Detection

    /// The charset of text that is not UTF-8: ICU's detector, corrected where it is weak.
    /// It calls short Chinese text ISO-8859-1 with low confidence (33–42% for a JSON line of
    /// two to four characters), and a mostly English scrape holding a Chinese name ISO-8859-1
    /// with high confidence (66% for a text thread quoting 小米官方 in GBK or Big5).
    /// When the bytes pair up as GB18030 or Big5 and most pairs fall in that charset's block of
    /// frequent characters, that charset wins over a low-confidence answer of any kind and over
    /// a confident single-byte one (then at least two pairs are needed: one pair of Latin-1
    /// capitals, as the "ÑÍ" of "PEQUEÑÍSIMO", can look Chinese by chance; real Latin-1 text
    /// fails the check anyway: its accented letters are mostly lower case, above both blocks'
    /// lead bytes, and often end a word, where no trail byte may be a space). A confident
    /// multi-byte answer (EUC-KR, Shift_JIS …) is kept: Korean pairs look like GB2312's.
    /// ISO-8859-1 becomes Windows-1252, its superset: scrapes carry curly quotes and dashes in
    /// 0x80–0x9F, never C1 control characters.
    static func guessCharset(_ bytes: [UInt8], converter: any CharsetConverter) -> (charset: String, confident: Bool, why: String)? {
        let detected = converter.detect(Array(bytes.prefix(1 << 18)))
        let structure = DoubleByteGuess(bytes)
        if let detected, detected.confidence >= 50 {
            if isSingleByte(detected.name), structure.pairs >= 2, let chinese = structure.charset {
                return (chinese, true, "ICU detected \(detected.name) with confidence \(detected.confidence)%, but every non-ASCII byte pairs up as \(chinese) characters, most of them frequent ones")
            }
            let superset = detected.name.lowercased() == "iso-8859-1" ? "windows-1252" : detected.name
            let how = superset == detected.name ? "" : ", read with its superset"
            return (superset, true, "ICU detected \(detected.name) with confidence \(detected.confidence)%\(how)")
        }
        let icu = detected.map { "ICU's detector guessed \(($0.name)) with confidence \($0.confidence)%" } ?? "ICU's detector found nothing"
        if let chinese = structure.charset {
            return (chinese, true, "\(icu), but the bytes pair up as \(chinese) characters, most of them frequent ones")
        }
        guard let detected else { return nil }
        let superset = detected.name.lowercased() == "iso-8859-1" ? "windows-1252" : detected.name
        return (superset, false, icu + (superset == detected.name ? "" : ", read with its superset"))
    }

    /// GB18030 or Big5 from the byte structure alone, for text too short for ICU: every
    /// non-ASCII byte must start a valid double-byte (or GB18030 four-byte) sequence, and at
    /// least two thirds of the pairs must fall in the block of frequent characters of one of
    /// the two (GB2312 level 1: lead 0xB0–0xD7, trail 0xA1–0xFE; Big5 frequent: lead
    /// 0xA4–0xC6) and more than in the other. Latin-1 text fails: its accented letters stand
    /// alone or above those lead bytes.
    struct DoubleByteGuess {
        var charset: String?
        /// Double-byte (and GB18030 four-byte) sequences counted before a verdict.
        var pairs = 0

        init(_ bytes: [UInt8]) {
            var gb = 0, big5 = 0
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 { index += 1; continue }
                guard (0x81...0xFE).contains(lead), index + 1 < bytes.count else { return }
                let trail = bytes[index + 1]
                if (0x30...0x39).contains(trail) {
                    // A GB18030 four-byte sequence.
                    guard index + 3 < bytes.count, (0x81...0xFE).contains(bytes[index + 2]), (0x30...0x39).contains(bytes[index + 3]) else { return }
                    pairs += 1
                    index += 4
                    continue
                }
                guard (0x40...0x7E).contains(trail) || (0x80...0xFE).contains(trail) else { return }
                pairs += 1
                if (0xB0...0xD7).contains(lead), (0xA1...0xFE).contains(trail) { gb += 1 }
                if (0xA4...0xC6).contains(lead), (0x40...0x7E).contains(trail) || (0xA1...0xFE).contains(trail) { big5 += 1 }
                index += 2
            }
            guard pairs > 0 else { return }
            if gb > big5, gb * 3 >= pairs * 2 { charset = "GB18030" }
            if big5 > gb, big5 * 3 >= pairs * 2 { charset = "Big5" }
        }
    }

    /// True for the single-byte charsets ICU's detector names (ISO-8859-*, windows-125*,
    /// KOI8-R, IBM…): each byte a character, so any byte string fits them.
    static func isSingleByte(_ charset: String) -> Bool {
        let name = charset.lowercased()
        return ["iso-8859-", "windows-125", "koi8", "ibm"].contains { name.hasPrefix($0) }
    }

    // MARK: - UTF-8

    /// Counts of invalid and of valid multi-byte UTF-8 sequences.
    struct UTF8Stats {
        var invalid = 0
        var multibyte = 0

        init(_ bytes: [UInt8]) {
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 { index += 1; continue }
                let length = TextDecoding.validSequenceLength(bytes, at: index)
                if length > 0 {
                    multibyte += 1
                    index += length
                } else {
                    invalid += 1
                    index += 1
                }
            }
        }
    }

    /// The length of the valid UTF-8 multi-byte sequence at `index`, or 0 (RFC 3629: no
    /// overlongs, no surrogates, nothing above U+10FFFF).
    static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index + offset < bytes.count && range.contains(bytes[index + offset])
        }
        switch lead {
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
        case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
        case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default: return 0
        }
    }

    /// One warning per line holding invalid UTF-8 (up to `reportLimit`, then a count).
    static func reportInvalidUTF8(_ bytes: [UInt8], source: String, hint: String, diagnostics: inout [Diagnostic]) {
        var lines: [(line: Int, count: Int)] = []
        var counter = LineCounter()
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                counter.advance(byte)
                index += 1
                continue
            }
            let length = validSequenceLength(bytes, at: index)
            if length > 0 {
                counter.advance(byte)
                index += length
                continue
            }
            if lines.last?.line == counter.line { lines[lines.count - 1].count += 1 } else { lines.append((counter.line, 1)) }
            counter.advance(byte)
            index += 1
        }
        report(lines, code: "input.invalid-utf8", source: source, diagnostics: &diagnostics) { _, count in
            "\(count) invalid UTF-8 byte(s) replaced with U+FFFD\(hint)"
        }
    }

    // MARK: - Other charsets

    /// Reports each line of converted `text` holding a replacement (U+FFFD, or ICU's U+001A for
    /// single-byte charsets), turning U+001A into U+FFFD so the text shows where bytes were lost.
    static func reportSubstitutions(in text: String, count: Int, charset: String, source: String, diagnostics: inout [Diagnostic]) -> String {
        guard count > 0 else { return text }
        var lines: [(line: Int, count: Int)] = []
        var counter = LineCounter()
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\u{FFFD}" || scalar == "\u{1A}" {
                if lines.last?.line == counter.line { lines[lines.count - 1].count += 1 } else { lines.append((counter.line, 1)) }
                output.append("\u{FFFD}")
            } else {
                output.append(scalar)
            }
            if scalar.value < 0x80 { counter.advance(UInt8(scalar.value)) } else { counter.advance(0x80) }
        }
        report(lines, code: "input.invalid-bytes", source: source, diagnostics: &diagnostics) { _, count in
            "\(count) byte sequence(s) that are not valid \(charset) replaced with U+FFFD"
        }
        return String(output)
    }

    /// Per-line warnings, the first `reportLimit` lines one by one and the rest in one count.
    /// `message` gets the position of the line in `lines` and its count.
    static func report(_ lines: [(line: Int, count: Int)], code: String, source: String, diagnostics: inout [Diagnostic], message: (_ position: Int, _ count: Int) -> String) {
        for (position, item) in lines.prefix(reportLimit).enumerated() {
            diagnostics.append(.warning(code, message(position, item.count), at: SourceLocation(file: source, line: item.line)))
        }
        if lines.count > reportLimit {
            let rest = lines.dropFirst(reportLimit)
            diagnostics.append(.warning(code, "\(rest.count) more line(s) with the same problem (\(rest.reduce(0) { $0 + $1.count }) replacement(s)), up to line \(rest.last!.line)",
                                        at: SourceLocation(file: source, line: rest.first!.line)))
        }
    }

    // MARK: - UTF-16 and UTF-32

    /// The Unicode encoding forms decoded without a converter.
    enum UnicodeForm: Equatable {
        case utf8, utf16LE, utf16BE, utf32LE, utf32BE

        var name: String {
            switch self {
            case .utf8: return "UTF-8"
            case .utf16LE: return "UTF-16LE"
            case .utf16BE: return "UTF-16BE"
            case .utf32LE: return "UTF-32LE"
            case .utf32BE: return "UTF-32BE"
            }
        }

        /// The form a charset name means (`utf8`, `UTF-16LE`, `utf_32be` …); nil for other
        /// charsets. Plain `UTF-16`/`UTF-32` are handled by the BOM check, big-endian without one.
        init?(name: String) {
            let key = name.lowercased().filter { $0.isLetter || $0.isNumber }
            switch key {
            case "utf8": self = .utf8
            case "utf16le": self = .utf16LE
            case "utf16be", "utf16": self = .utf16BE
            case "utf32le": self = .utf32LE
            case "utf32be", "utf32": self = .utf32BE
            default: return nil
            }
        }

        init?(bom bytes: [UInt8]) {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { self = .utf8 }
            else if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { self = .utf32LE }
            else if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { self = .utf32BE }
            else if bytes.starts(with: [0xFF, 0xFE]) { self = .utf16LE }
            else if bytes.starts(with: [0xFE, 0xFF]) { self = .utf16BE }
            else { return nil }
        }

        var bom: [UInt8] {
            switch self {
            case .utf8: return [0xEF, 0xBB, 0xBF]
            case .utf16LE: return [0xFF, 0xFE]
            case .utf16BE: return [0xFE, 0xFF]
            case .utf32LE: return [0xFF, 0xFE, 0x00, 0x00]
            case .utf32BE: return [0x00, 0x00, 0xFE, 0xFF]
            }
        }

        /// BOM-less UTF-16 of mostly Latin text: a zero in (nearly) every second byte on one side
        /// only. Text with a few stray NUL bytes does not qualify.
        static func guessBOMLess(_ bytes: [UInt8]) -> UnicodeForm? {
            let sample = bytes.prefix(1 << 16)
            let pairs = sample.count / 2
            guard pairs >= 2 else { return nil }
            var zeroEven = 0, zeroOdd = 0
            for i in 0..<pairs {
                if sample[sample.startIndex + 2 * i] == 0 { zeroEven += 1 }
                if sample[sample.startIndex + 2 * i + 1] == 0 { zeroOdd += 1 }
            }
            if zeroOdd * 2 >= pairs, zeroEven * 20 <= pairs { return .utf16LE }
            if zeroEven * 2 >= pairs, zeroOdd * 20 <= pairs { return .utf16BE }
            return nil
        }
    }

    /// Decodes a Unicode form with replacement, reporting each line that had to be repaired.
    static func decodeUnicode(_ bytes: [UInt8], form: UnicodeForm, stripBOM: Bool, source: String, diagnostics: inout [Diagnostic]) -> String {
        var body = ArraySlice(bytes)
        if stripBOM, bytes.starts(with: form.bom) { body = body.dropFirst(form.bom.count) }
        var lines: [(line: Int, count: Int)] = []
        var counter = LineCounter()
        func bad() {
            if lines.last?.line == counter.line { lines[lines.count - 1].count += 1 } else { lines.append((counter.line, 1)) }
        }
        var scalars = String.UnicodeScalarView()
        func emit(_ value: UInt32) {
            if let scalar = Unicode.Scalar(value) {
                scalars.append(scalar)
                counter.advance(value < 0x80 ? UInt8(value) : 0x80)
            } else {
                bad()
                scalars.append("\u{FFFD}")
            }
        }
        switch form {
        case .utf8:
            let array = Array(body)
            if UTF8Stats(array).invalid > 0 {
                reportInvalidUTF8(array, source: source, hint: "", diagnostics: &diagnostics)
            }
            return String(decoding: array, as: UTF8.self)
        case .utf16LE, .utf16BE:
            let little = form == .utf16LE
            var index = body.startIndex
            func unit(_ at: Int) -> UInt32 {
                little ? UInt32(body[at]) | UInt32(body[at + 1]) << 8 : UInt32(body[at]) << 8 | UInt32(body[at + 1])
            }
            while index + 1 < body.endIndex {
                let first = unit(index)
                index += 2
                if (0xD800...0xDBFF).contains(first) {
                    if index + 1 < body.endIndex, case let second = unit(index), (0xDC00...0xDFFF).contains(second) {
                        index += 2
                        emit(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                    } else {
                        emit(0xD800) // a lone surrogate: replaced and reported
                    }
                } else {
                    emit(first)
                }
            }
            if index < body.endIndex { emit(0xD800) } // an odd trailing byte
        case .utf32LE, .utf32BE:
            let little = form == .utf32LE
            var index = body.startIndex
            while index + 3 < body.endIndex {
                let b = (UInt32(body[index]), UInt32(body[index + 1]), UInt32(body[index + 2]), UInt32(body[index + 3]))
                emit(little ? b.0 | b.1 << 8 | b.2 << 16 | b.3 << 24 : b.0 << 24 | b.1 << 16 | b.2 << 8 | b.3)
                index += 4
            }
            if index < body.endIndex { emit(0xD800) }
        }
        report(lines, code: "input.invalid-bytes", source: source, diagnostics: &diagnostics) { _, count in
            "\(count) code unit(s) that are not valid \(form.name) replaced with U+FFFD"
        }
        return String(scalars)
    }
}

/// Counts lines the way the readers split them: LF, CRLF and a lone CR each end a line.
struct LineCounter {
    private(set) var line = 1
    private var afterCR = false

    init(firstLine: Int = 1) { line = firstLine }

    /// Steps over one character (`byte` is its first byte, or any byte ≥ 0x80 for non-ASCII).
    mutating func advance(_ byte: UInt8) {
        if byte == 0x0A {
            if !afterCR { line += 1 }
            afterCR = false
        } else if byte == 0x0D {
            line += 1
            afterCR = true
        } else {
            afterCR = false
        }
    }
}
