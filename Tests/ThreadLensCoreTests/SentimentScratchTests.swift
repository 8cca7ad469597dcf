import Testing
import Foundation
import ThreadLens

@Test func scratchTokenize() throws {
    let tokenizer = Tokenizer(segmenter: try ICUSegmenter())
    let text = (try? String(contentsOfFile: "/tmp/scratch.txt", encoding: .utf8)) ?? ""
    var out = ""
    for line in text.split(separator: "\n") {
        let t = tokenizer.tokenize(String(line))
        for s in t.sentences {
            out += t.tokens[s.tokens].map { "\(t.text(of: $0))" + ($0.kind == .word || $0.kind == .ideographic ? "" : "/\($0.kind.rawValue)") }.joined(separator: "|") + "\n"
        }
    }
    try out.write(toFile: "/tmp/scratch.out", atomically: true, encoding: .utf8)
}
