import ThreadLensICU
import ThreadLensIO

/// ICU's charset detector and converters behind the readers' `CharsetConverter`, so
/// `ThreadLensIO` can read GB18030/GBK, Big5, Windows-1252 … scrapes without depending on ICU.
public struct ICUCharsetConverter: CharsetConverter {
    public init() {}

    public func detect(_ bytes: [UInt8]) -> (name: String, confidence: Int)? {
        ICUCharset.detect(bytes)
    }

    public func decode(_ bytes: [UInt8], charset: String) -> (text: String, substitutions: Int)? {
        ICUCharset.decode(bytes, charset: charset)
    }

    public func isKnown(_ charset: String) -> Bool {
        ICUCharset.isKnown(charset)
    }
}

extension InputEncoding {
    /// Detection and conversion of every charset ICU knows; `forced` names one to use instead
    /// of detecting (`--encoding`).
    public static func icu(forced: String? = nil) -> InputEncoding {
        InputEncoding(forced: forced, converter: ICUCharsetConverter())
    }
}
