import CICUShim
import ThreadLensCore

/// ICU-backed segmentation and folding. Holds one word and one sentence break iterator with
/// their UTF-16 buffers, reused for every text: make one per worker thread.
///
/// Word breaking uses `locale` ("" is ICU's root: UAX #29 rules for alphabetic text, dictionary
/// segmentation for Chinese). Sentence breaking uses the same rules plus ICU's standard
/// abbreviation suppressions (`@ss=standard`), so "Mr. Smith" and "e.g. this" do not end a
/// sentence; root has no suppression data, so "" uses English's, whose rules equal root's.
public final class ICUSegmenter: Segmenter {
    private let words: OpaquePointer
    private let sentences: OpaquePointer

    /// Opens the break iterators for `locale` ("" for root).
    public init(locale: String = "") throws(ICUError) {
        var status: Int32 = 0
        guard let words = tl_breaker_open(Int32(TL_BREAK_WORD), locale, &status) else { throw ICUError(operation: "ubrk_open(word)", code: status) }
        let sentenceLocale = (locale.isEmpty ? "en" : locale) + "@ss=standard"
        guard let sentences = tl_breaker_open(Int32(TL_BREAK_SENTENCE), sentenceLocale, &status) else {
            tl_breaker_close(words)
            throw ICUError(operation: "ubrk_open(sentence)", code: status)
        }
        self.words = words
        self.sentences = sentences
    }

    deinit {
        tl_breaker_close(words)
        tl_breaker_close(sentences)
    }

    public func wordSegments(of text: Substring) -> [Segment] {
        var segments: [Segment] = []
        var text = text
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0,
                  tl_breaker_set_text(words, base, Int32(buffer.count)) == 0 else { return }
            segments = Self.collectWords(words, byteCount: buffer.count)
        }
        return segments
    }

    public func sentenceSegments(of text: Substring) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var text = text
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0,
                  tl_breaker_set_text(sentences, base, Int32(buffer.count)) == 0 else { return }
            ranges = Self.collectSentences(sentences)
        }
        return ranges
    }

    /// Words and sentences from one UTF-8 → UTF-16 conversion: the sentence iterator reads the
    /// word iterator's buffer.
    public func segments(of text: Substring) -> (words: [Segment], sentences: [Range<Int>]) {
        var result: (words: [Segment], sentences: [Range<Int>]) = ([], [])
        var text = text
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0,
                  tl_breaker_set_text(words, base, Int32(buffer.count)) == 0 else { return }
            result.words = Self.collectWords(words, byteCount: buffer.count)
            guard tl_breaker_share_text(sentences, words) == 0 else { return }
            result.sentences = Self.collectSentences(sentences)
        }
        return result
    }

    private static func collectWords(_ breaker: OpaquePointer, byteCount: Int) -> [Segment] {
        var segments: [Segment] = []
        // About one segment per 3 bytes in English (words and spaces), fewer in Chinese.
        segments.reserveCapacity(byteCount / 3 + 4)
        var start: Int32 = 0, end: Int32 = 0, status: Int32 = 0
        while tl_breaker_next(breaker, &start, &end, &status) == 1 {
            segments.append(Segment(range: Int(start)..<Int(end), ruleStatus: status))
        }
        return segments
    }

    private static func collectSentences(_ breaker: OpaquePointer) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: Int32 = 0, end: Int32 = 0, status: Int32 = 0
        while tl_breaker_next(breaker, &start, &end, &status) == 1 { ranges.append(Int(start)..<Int(end)) }
        return ranges
    }

    /// Counts word segments without building tokens: ICU alone (UTF-8 → UTF-16 conversion, the
    /// reused break iterator, offsets mapped back), the benchmark's baseline.
    public func countWordSegments(of text: Substring) -> Int {
        var count = 0
        var text = text
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0,
                  tl_breaker_set_text(words, base, Int32(buffer.count)) == 0 else { return }
            var start: Int32 = 0, end: Int32 = 0, status: Int32 = 0
            while tl_breaker_next(words, &start, &end, &status) == 1 { count += 1 }
        }
        return count
    }

    public func foldForLookup(_ text: Substring) -> String {
        ICUText.fold(text)
    }
}

/// Makes one `ICUSegmenter` per worker.
public struct ICUSegmenterFactory: SegmenterFactory {
    public let locale: String
    public init(locale: String = "") { self.locale = locale }
    public func makeSegmenter() -> any Segmenter {
        do {
            return try ICUSegmenter(locale: locale)
        } catch {
            // ICU's root break iterators ship with every ICU data build; failing here means ICU's
            // data library is missing, which no run can recover from.
            fatalError("ICU cannot open its break iterators: \(error)")
        }
    }
}

/// An ICU call that failed, with ICU's error code.
public struct ICUError: Error, CustomStringConvertible {
    public var operation: String
    public var code: Int32
    public var description: String { "\(operation) failed with ICU error \(code)" }
}

/// Stateless ICU text functions over the shim.
public enum ICUText {
    /// The ICU version linked ("72.1").
    public static var version: String { String(cString: tl_icu_version()) }

    /// NFKC of `text`.
    public static func nfkc(_ text: Substring) -> String {
        transform(text) { tl_normalize_nfkc($0, $1, $2, $3) } ?? String(text)
    }

    /// NFKC case fold of `text`.
    public static func fold(_ text: Substring) -> String {
        transform(text) { tl_fold_case_nfkc($0, $1, $2, $3) } ?? text.lowercased()
    }

    /// ICU script code of a scalar (17 Han, 25 Latin, 0 common …).
    public static func script(of scalar: Unicode.Scalar) -> Int32 { tl_script_of(scalar.value) }

    /// Runs a shim function with the UTF-8 in/out buffer protocol, growing the buffer once.
    static func transform(_ text: Substring, _ call: (UnsafePointer<UInt8>, Int32, UnsafeMutablePointer<UInt8>, Int32) -> Int32) -> String? {
        var text = text
        return text.withUTF8 { input -> String? in
            guard let base = input.baseAddress else { return "" }
            var capacity = input.count * 3 + 16
            for _ in 0..<2 {
                var output = [UInt8](repeating: 0, count: capacity)
                let length = output.withUnsafeMutableBufferPointer { call(base, Int32(input.count), $0.baseAddress!, Int32(capacity)) }
                if length < 0 { return nil }
                if Int(length) <= capacity { return String(decoding: output[0..<Int(length)], as: UTF8.self) }
                capacity = Int(length) + 1
            }
            return nil
        }
    }
}

/// An ICU transliterator such as `Traditional-Simplified`. Not thread-safe.
public final class ICUTransliterator {
    private let handle: OpaquePointer
    public init(_ identifier: String) throws(ICUError) {
        var status: Int32 = 0
        guard let handle = tl_transliterator_open(identifier, &status) else { throw ICUError(operation: "utrans_open(\(identifier))", code: status) }
        self.handle = handle
    }
    deinit { tl_transliterator_close(handle) }

    public func transliterate(_ text: String) -> String {
        ICUText.transform(text[...]) { tl_transliterate(handle, $0, $1, $2, $3) } ?? text
    }
}

/// ICU's charset detection and conversion, for scrapes that are not UTF-8.
public enum ICUCharset {
    /// The detected charset name and confidence (0…100), or nil when nothing matched.
    public static func detect(_ bytes: [UInt8]) -> (name: String, confidence: Int)? {
        var name = [CChar](repeating: 0, count: 64)
        var confidence: Int32 = 0
        let status = bytes.withUnsafeBufferPointer { buffer in
            tl_detect_charset(buffer.baseAddress, Int32(buffer.count), &name, Int32(name.count), &confidence)
        }
        guard status == 0 else { return nil }
        let detected = name.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return (detected, Int(confidence))
    }

    /// True when ICU has a converter for `charset`.
    public static func isKnown(_ charset: String) -> Bool {
        tl_convert_from_utf8(charset, [0x41], 1, nil, 0) >= 0
    }

    /// `text` encoded in `charset` (GB18030, Big5, UTF-16LE …); nil when the charset is unknown.
    /// Characters the charset cannot hold become its substitution character.
    public static func encode(_ text: String, charset: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { input -> [UInt8]? in
            guard input.count > 0 else { return ICUCharset.isKnown(charset) ? [] : nil }
            var capacity = input.count * 4 + 16
            for _ in 0..<2 {
                var output = [UInt8](repeating: 0, count: capacity)
                let length = output.withUnsafeMutableBufferPointer { out in
                    tl_convert_from_utf8(charset, input.baseAddress, Int32(input.count), out.baseAddress!, Int32(capacity))
                }
                if length < 0 { return nil }
                if Int(length) <= capacity { return Array(output[0..<Int(length)]) }
                capacity = Int(length) + 1
            }
            return nil
        }
    }

    /// Converts `bytes` in `charset` to a String; `substitutions` counts bytes that could not be
    /// decoded (replaced by U+FFFD). Nil when the charset is unknown.
    public static func decode(_ bytes: [UInt8], charset: String) -> (text: String, substitutions: Int)? {
        guard !bytes.isEmpty else { return isKnown(charset) ? ("", 0) : nil }
        var capacity = bytes.count * 3 + 16
        for _ in 0..<2 {
            var output = [UInt8](repeating: 0, count: capacity)
            var substitutions: Int32 = 0
            let length = bytes.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out in
                    tl_convert_to_utf8(charset, input.baseAddress, Int32(input.count), out.baseAddress!, Int32(capacity), &substitutions)
                }
            }
            if length < 0 { return nil }
            if Int(length) <= capacity { return (String(decoding: output[0..<Int(length)], as: UTF8.self), Int(substitutions)) }
            capacity = Int(length) + 1
        }
        return nil
    }
}
