/// A deterministic generator of synthetic comment threads for benchmarks.
///
/// Every sentence comes from templates and word lists written for this file (none is taken from
/// a real scrape). A comment is English, Chinese (simplified, or traditional via ICU's
/// `Simplified-Traditional` transliterator) or mixed, with a realistic length distribution: most
/// comments are one to four sentences, some run to several paragraphs. The texts carry the
/// quirks real scrapes have (URLs, @mentions, emoji, curly quotes, non-breaking spaces, prices,
/// dates, full-width punctuation) so the benchmark exercises every path of the tokenizer.
///
/// Output is JSON Lines (SPEC §2.2), one comment per line, with an extra `lang` key (kept and
/// ignored by the readers) that names the language the generator wrote, so a benchmark can
/// measure each language apart. The same seed and size always give the same bytes.
import ThreadLens

/// SplitMix64: small, fast and fully deterministic across platforms.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// The language a generated comment is written in.
enum CorpusLanguage: String, CaseIterable {
    case en, zh, mixed
}

struct CorpusGenerator {
    private var random: SplitMix64
    private let toTraditional: ICUTransliterator?

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        toTraditional = try? ICUTransliterator("Simplified-Traditional")
    }

    /// Writes threads of comments as JSON Lines until the comments' texts hold at least
    /// `targetBytes` bytes of UTF-8 (the file is larger by the JSON around them).
    mutating func generate(targetBytes: Int, write: (String) -> Void) -> (comments: Int, textBytes: Int, fileBytes: Int) {
        var bytes = 0, fileBytes = 0, comments = 0, threadNumber = 0
        while bytes < targetBytes {
            threadNumber += 1
            let thread = "bench-\(threadNumber)"
            // Each thread leans one way; comments in it still vary.
            let lean = random.pick([CorpusLanguage.en, .en, .zh, .zh, .mixed])
            let count = 5 + random.below(60)
            var ids: [String] = []
            for index in 1...count {
                let id = "c\(index)"
                let parent: String? = ids.isEmpty || random.chance(0.55) ? nil : random.pick(ids)
                ids.append(id)
                let language = pickLanguage(lean: lean)
                let text = comment(in: language)
                var line = "{\"thread\": \"\(thread)\", \"id\": \"\(id)\""
                if let parent { line += ", \"parent\": \"\(parent)\"" }
                line += ", \"author\": \(Self.jsonString(author(for: language))), \"date\": \"\(date())\""
                line += ", \"lang\": \"\(language.rawValue)\", \"text\": \(Self.jsonString(text))}\n"
                write(line)
                bytes += text.utf8.count
                fileBytes += line.utf8.count
                comments += 1
                if bytes >= targetBytes { break }
            }
        }
        return (comments, bytes, fileBytes)
    }

    private mutating func pickLanguage(lean: CorpusLanguage) -> CorpusLanguage {
        let roll = random.below(100)
        switch lean {
        case .en: return roll < 80 ? .en : (roll < 90 ? .mixed : .zh)
        case .zh: return roll < 75 ? .zh : (roll < 90 ? .mixed : .en)
        case .mixed: return roll < 40 ? .mixed : (roll < 70 ? .en : .zh)
        }
    }

    /// One comment: paragraphs of sentences, length drawn from a long-tailed distribution.
    mutating func comment(in language: CorpusLanguage) -> String {
        // Sentences per comment: mostly 1-4, a tail up to ~20 (analysts' long rants).
        let roll = random.below(100)
        let sentences: Int
        switch roll {
        case 0..<30: sentences = 1
        case 30..<60: sentences = 2 + random.below(2)
        case 60..<85: sentences = 4 + random.below(3)
        case 85..<97: sentences = 7 + random.below(6)
        default: sentences = 13 + random.below(10)
        }
        let traditional = language != .en && random.chance(0.2)
        var text = ""
        var inParagraph = 0
        for index in 0..<sentences {
            var sentence: String
            switch language {
            case .en: sentence = englishSentence()
            case .zh: sentence = chineseSentence()
            case .mixed: sentence = random.chance(0.5) ? mixedSentence() : (random.chance(0.5) ? chineseSentence() : englishSentence())
            }
            if traditional, let toTraditional { sentence = toTraditional.transliterate(sentence) }
            if index > 0 {
                if inParagraph >= 3 && random.chance(0.4) {
                    text += random.chance(0.1) ? "\r\n\r\n" : "\n\n"
                    inParagraph = 0
                } else if !(language == .zh || (language == .mixed && sentence.utf8.first.map { $0 >= 0x80 } == true)) || text.utf8.last.map({ $0 < 0x80 }) == true {
                    text += random.chance(0.03) ? "\u{00A0} " : " "
                }
            }
            text += sentence
            inParagraph += 1
        }
        if random.chance(0.12) { text += random.chance(0.5) ? " " : "" ; text += random.pick(Words.emoji) }
        if random.chance(0.04) { text += random.pick(Words.emoji) }
        return text
    }

    // MARK: English

    private mutating func englishSentence() -> String {
        var sentence = fill(random.pick(Words.englishTemplates))
        if random.chance(0.08) { sentence = random.pick(Words.englishOpeners) + " " + sentence }
        if random.chance(0.05) { sentence = "@" + random.pick(Words.handles) + " " + sentence }
        if random.chance(0.04) { sentence += " " + random.pick(Words.emoji) }
        if random.chance(0.02) { sentence = sentence.uppercased() }
        // Scrapes keep typographic apostrophes about half the time.
        if random.chance(0.5) { sentence = sentence.replacing("'", with: "\u{2019}") }
        return sentence
    }

    // MARK: Chinese

    private mutating func chineseSentence() -> String {
        var sentence = fill(random.pick(Words.chineseTemplates))
        if random.chance(0.1) { sentence = random.pick(Words.chineseOpeners) + sentence }
        if random.chance(0.04) { sentence = "@" + random.pick(Words.handles) + " " + sentence }
        if random.chance(0.06) { sentence += random.pick(Words.emoji) }
        return sentence
    }

    // MARK: Mixed

    private mutating func mixedSentence() -> String {
        fill(random.pick(Words.mixedTemplates))
    }

    /// Replaces every `{slot}` of a template by a word from that slot's list.
    private mutating func fill(_ template: String) -> String {
        var result = ""
        result.reserveCapacity(template.utf8.count + 32)
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let slot = String(rest[rest.index(after: open)..<close])
            result += value(for: slot)
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result
    }

    private mutating func value(for slot: String) -> String {
        switch slot {
        case "price": return "\(random.pick([99, 129, 149, 199, 249, 299, 349, 399, 449, 499, 599, 799, 999]))"
        case "yuan": return random.pick(["\(random.pick([699, 799, 999, 1099, 1299, 1499, 1999, 2299, 2999, 3499]))", "1,\(random.below(9))99"])
        case "percent": return "\(random.pick([5, 10, 15, 20, 25, 30, 40, 50]))%"
        case "days": return "\(2 + random.below(40))"
        case "count": return "\(2 + random.below(12))"
        case "year": return "20\(13 + random.below(12))"
        case "version": return "\(random.pick(["8", "9", "10", "11", "12", "13", "14"])).\(random.below(6))"
        case "model": return random.pick(Words.models)
        case "url": return url()
        default:
            guard let list = Words.slots[slot] else { return slot }
            return random.pick(list)
        }
    }

    private mutating func url() -> String {
        let host = random.pick(Words.hosts)
        switch random.below(4) {
        case 0: return "https://\(host)/\(random.pick(Words.paths))/\(100000 + random.below(900000))"
        case 1: return "http://\(host)/\(random.pick(Words.paths))?id=\(random.below(99999))&ref=\(random.pick(Words.handles))"
        case 2: return "www.\(host)"
        default: return host
        }
    }

    private mutating func author(for language: CorpusLanguage) -> String {
        language == .zh && random.chance(0.6) ? random.pick(Words.chineseAuthors) + "\(random.below(1000))" : random.pick(Words.handles)
    }

    private mutating func date() -> String {
        let month = 1 + random.below(12), day = 1 + random.below(28)
        return "20\(14 + random.below(10))-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// `text` as a JSON string literal.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
