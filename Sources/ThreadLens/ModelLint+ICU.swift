import ThreadLensCore
import ThreadLensICU

extension ModelLint.ScriptConversion {
    /// The script check backed by ICU: the `Hant-Hans` and `Hans-Hant` transliterators, and the
    /// Big5 and GB2312 charsets as the sets of traditional and simplified characters. `nil` when
    /// this ICU lacks any of them.
    public static func icu() -> ModelLint.ScriptConversion? {
        guard let toSimplified = try? ICUTransliterator("Hant-Hans"), let toTraditional = try? ICUTransliterator("Hans-Hant"),
              ICUCharset.isKnown("Big5"), ICUCharset.isKnown("GB2312") else { return nil }
        func convert(_ transliterator: ICUTransliterator) -> (Character) -> Character {
            { character in
                let converted = transliterator.transliterate(String(character))
                return converted.count == 1 ? converted.first! : character
            }
        }
        func inCharset(_ charset: String) -> (Character) -> Bool {
            { character in
                guard let bytes = ICUCharset.encode(String(character), charset: charset),
                      let back = ICUCharset.decode(bytes, charset: charset) else { return false }
                return back.substitutions == 0 && back.text == String(character)
            }
        }
        return ModelLint.ScriptConversion(simplified: convert(toSimplified), traditional: convert(toTraditional),
                                          inTraditionalCharset: inCharset("Big5"), inSimplifiedCharset: inCharset("GB2312"))
    }
}
