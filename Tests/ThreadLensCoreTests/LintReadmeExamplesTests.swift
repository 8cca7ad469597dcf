import Foundation
import Testing
import ThreadLens

/// `models/README.md` cannot drift from the code: every fenced example that starts with
/// `#! format:` loads without errors, and the table of key columns is `ModelFormats`.
struct ReadmeExample: Sendable, CustomTestStringConvertible {
    /// The README line of the example's `#! format:` line.
    var line: Int
    var format: String
    var text: String
    var testDescription: String { "models/README.md:\(line) (\(format))" }

    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("models/README.md")

    /// The examples: fenced blocks without an info string whose first line is `#! format:`.
    static func all() -> [ReadmeExample] {
        guard let text = try? String(contentsOf: readme, encoding: .utf8) else { return [] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var examples: [ReadmeExample] = []
        var index = 0
        while index < lines.count {
            let fence = lines[index].trimmingCharacters(in: .whitespaces)
            guard fence.hasPrefix("```") else { index += 1; continue }
            let info = fence.dropFirst(3).trimmingCharacters(in: .whitespaces)
            var end = index + 1
            while end < lines.count, !lines[end].trimmingCharacters(in: .whitespaces).hasPrefix("```") { end += 1 }
            let body = Array(lines[(index + 1)..<min(end, lines.count)])
            if info.isEmpty, let first = body.first, first.hasPrefix("#! format:") {
                let declared = first.dropFirst("#! format:".count).trimmingCharacters(in: .whitespaces)
                let format = String(declared.split(separator: "/").first ?? "")
                examples.append(ReadmeExample(line: index + 2, format: format, text: body.joined(separator: "\n") + "\n"))
            }
            index = end + 1
        }
        return examples
    }
}

@Test func readmeHasExamplesToCheck() {
    #expect(ReadmeExample.all().count >= 4)
}

@Test func everyReadmeExampleLoadsWithoutErrors() throws {
    let examples = ReadmeExample.all()
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("threadlens-readme-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }

    var overlays: [String] = []
    var lineOf: [String: Int] = [:]
    for example in examples {
        switch example.format {
        case FixtureFile.format:
            let (_, diagnostics) = FixtureFile.parse(example.text, path: "models/README.md:\(example.line)")
            #expect(diagnostics.isEmpty, "models/README.md:\(example.line): \(diagnostics)")
        case "boilerplate":
            let (_, diagnostics) = BoilerplateRules.parse(example.text, displayPath: "models/README.md:\(example.line)")
            #expect(!diagnostics.hasErrors, "models/README.md:\(example.line): \(diagnostics)")
        default:
            let path = directory.appendingPathComponent("example-\(example.line).tsv").path
            try example.text.write(toFile: path, atomically: true, encoding: .utf8)
            overlays.append(path)
            lineOf[path] = example.line
        }
    }
    // All model examples at once, as overlays over the shipped pack, then linted.
    let models = try #require(ModelPack.locateDefaultDirectory(executablePath: #filePath))
    let tokenizer = Tokenizer(segmenter: try ICUSegmenter())
    let options = ModelOverlays(files: overlays)
    let loaded = ModelPack.loadAll(from: models, tokenizer: tokenizer, overlays: options)
    let lint = ModelLint(tokenizer: tokenizer, scripts: .icu())
    let diagnostics = loaded.diagnostics + lint.check(loaded, packDirectory: models, overlays: options, alsoRead: ["boilerplate.tsv"])
    for diagnostic in diagnostics where diagnostic.severity == .error {
        guard let location = diagnostic.location, let start = lineOf[location.file] else { continue }
        // Map the example's line back to the README (line 1 is the `#! format:` line).
        Issue.record("models/README.md:\(start + location.line - 1): \(diagnostic.severity): [\(diagnostic.code)] \(diagnostic.message)")
    }
}

@Test func readmeKeyColumnTableMatchesModelFormats() throws {
    let text = try String(contentsOf: ReadmeExample.readme, encoding: .utf8)
    var rows: [String: (keys: String, terms: String)] = [:]
    for line in text.split(separator: "\n") where line.hasPrefix("| `") {
        let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        guard cells.count >= 3 else { continue }
        rows[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = (cells[1], cells[2])
    }
    for format in ModelFormats.all {
        let row = try #require(rows[format.name], "models/README.md has no key-column row for \(format.name)")
        let keys = (format.keyColumnsByKind.values.first ?? format.keyColumns).map { String($0 + 1) }.joined(separator: ", ")
        #expect(row.keys.hasPrefix(keys), "\(format.name): README says '\(row.keys)', ModelFormats says \(keys)")
        let terms = format.termColumns.isEmpty ? "—" : format.termColumns.map { String($0 + 1) }.joined(separator: ", ")
        #expect(row.terms == terms, "\(format.name): README says '\(row.terms)', ModelFormats says \(terms)")
    }
}
