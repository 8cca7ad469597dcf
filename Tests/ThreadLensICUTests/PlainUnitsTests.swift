import Foundation
import Testing
import ThreadLensCore
import ThreadLensICU

/// `Tokenizer.plainUnits(of:)` skips ICU for plain entries when the models load; it must give
/// exactly what segmenting the entry with ICU gives, or entries would stop matching text.
@Suite struct PlainUnitsTests {
    @Test(arguments: ["not bad", "Love", "WORST EVER", "发货", "官方旗舰店", "水货"])
    func plainUnitsEqualICUUnits(phrase: String) throws {
        let units = try #require(Tokenizer.plainUnits(of: phrase))
        #expect(units == PhraseTable<Int>.units(of: try tokenize(phrase)))
    }

    @Test(arguments: ["can't", "not  bad", " bad", "bad ", "3g", "小米 手机", "xiaomi手机", "café", "Ｘiaomi", "\u{F900}", ""])
    func phrasesNeedingICUAreLeftToIt(phrase: String) {
        #expect(Tokenizer.plainUnits(of: phrase) == nil)
    }

    /// Every field of every shipped model file that the fast path takes.
    @Test func everyShippedEntryGetsTheUnitsICUGives() throws {
        let models = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../models").standardizedFileURL
        let tokenizer = try makeTokenizer()
        var checked = 0
        var mismatches: [String] = []
        let files = FileManager.default.enumerator(atPath: models.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".tsv") } ?? []
        #expect(files.count > 10)
        for file in files.sorted() {
            let text = try String(contentsOf: models.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                for field in line.split(separator: "\t") {
                    let phrase = String(field)
                    guard let fast = Tokenizer.plainUnits(of: phrase) else { continue }
                    checked += 1
                    let slow = PhraseTable<Int>.units(of: tokenizer.tokenize(phrase))
                    if fast != slow { mismatches.append("\(file): '\(phrase)' fast \(fast) ICU \(slow)") }
                }
            }
        }
        #expect(checked > 10_000)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }
}
