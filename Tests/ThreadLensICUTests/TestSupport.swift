import ThreadLensCore
import ThreadLensICU

/// A tokenizer over a fresh ICU segmenter (segmenters are not thread-safe; tests run in parallel).
func makeTokenizer() throws -> Tokenizer {
    Tokenizer(segmenter: try ICUSegmenter())
}

func tokenize(_ text: String) throws -> TokenizedText {
    try makeTokenizer().tokenize(text)
}

extension TokenizedText {
    /// Every token's text, in order.
    var pieces: [String] { tokens.map { String(text(of: $0)) } }

    /// Every token as "text/kind".
    var piecesWithKinds: [String] { tokens.map { "\(text(of: $0))/\($0.kind.rawValue)" } }

    /// The token whose text is `piece`, if any.
    func token(_ piece: String) -> Token? { tokens.first { text(of: $0) == piece } }

    /// Every sentence's text.
    var sentenceTexts: [String] { sentences.map { String(slice($0.range)) } }
}

/// Hand-built tokens with consecutive byte ranges, to force a particular split on PhraseTable.
func handTokens(_ parts: [(String, TokenKind)]) -> [Token] {
    var offset = 0
    return parts.map { text, kind in
        let length = text.utf8.count
        defer { offset += length + (kind == .word || kind == .number ? 1 : 0) }
        return Token(range: offset..<(offset + length), kind: kind, ruleStatus: kind == .ideographic ? 400 : 200, key: text.lowercased())
    }
}

/// Han tokens as ICU might have split them.
func hanTokens(_ parts: String...) -> [Token] { handTokens(parts.map { ($0, .ideographic) }) }
