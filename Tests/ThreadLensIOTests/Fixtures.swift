import Foundation
@testable import ThreadLensIO
import ThreadLensCore

/// Invented threads imitating the scraped layout and its quirks (no seed text).
enum Fixtures {
    static let nbsp = "\u{00A0}"

    /// A scraped article with site boilerplate and a comment tree with every quirk of the
    /// layout: nested replies, a reply with no author (date on the bullet line), a date line
    /// carrying the body start, a numbered list and a bullet list inside bodies, NBSP in text,
    /// curly quotes, emoji, multi-paragraph bodies and no final line break.
    static let scrapedLines: [String] = [
        "Unofficial sellers of Lumora earbuds draw a warning from the maker",                  // 1
        "",                                                                                    // 2
        "Lumora’s earbuds have sold out in every flash sale this spring, and a crowd of web shops has stepped in.", // 3
        "",                                                                                    // 4
        "Some of those shops\(nbsp)charge nearly twice the list price… and look like official stores.", // 5
        "",                                                                                    // 6
        "Techlane News of the week",                                                           // 7
        "",                                                                                    // 8
        "A spokesperson said the maker would act against sellers who pose as authorised dealers.", // 9
        "",                                                                                    // 10
        "[Source, Via]",                                                                       // 11
        "Previous Lumora opens a pop-up store in Lisbon",                                      // 12
        "Next Kestrel tablet leaks with a 12-inch screen",                                     // 13
        "",                                                                                    // 14
        "",                                                                                    // 15
        "  1. pinecone77",                                                                     // 16
        "    March 3, 2021",                                                                   // 17
        "",                                                                                    // 18
        "    About time.",                                                                     // 19
        "",                                                                                    // 20
        "  2. quill",                                                                          // 21
        "    March 3, 2021",                                                                   // 22
        "",                                                                                    // 23
        "    half the people I know think “lumoradirect, lumorashop” are official 😅 they aren’t.", // 24
        "",                                                                                    // 25
        "    • harbor_kid",                                                                    // 26
        "      March 3, 2021",                                                                 // 27
        "",                                                                                    // 28
        "      LumoraDirect shipped mine in four days. Two reasons I trust them:",             // 29
        "",                                                                                    // 30
        "      1. the box had the serial sticker",                                             // 31
        "      2. support answered within the hour",                                           // 32
        "",                                                                                    // 33
        "      • Night Owl Reviews",                                                           // 34
        "        March 4, 2021",                                                               // 35
        "",                                                                                    // 36
        "        I disagree, the name alone fools people.",                                    // 37
        "",                                                                                    // 38
        "        If the maker works with them, it should say so.",                             // 39
        "",                                                                                    // 40
        "        • harbor_kid",                                                                // 41
        "          March 4, 2021",                                                             // 42
        "",                                                                                    // 43
        "          Fair point.",                                                               // 44
        "",                                                                                    // 45
        "  3. Dee",                                                                            // 46
        "    March 5, 2021",                                                                   // 47
        "",                                                                                    // 48
        "    Nice photo. What I liked:",                                                       // 49
        "",                                                                                    // 50
        "    • the colours",                                                                   // 51
        "    • the light",                                                                     // 52
        "",                                                                                    // 53
        "    • March 5, 2021",                                                                 // 54
        "",                                                                                    // 55
        "      Thanks 🙏",                                                                      // 56
        "",                                                                                    // 57
        "  4. Ravi",                                                                           // 58
        "    March 6, 2021",                                                                   // 59
        "",                                                                                    // 60
        "    Sell it abroad please…",                                                          // 61
        "",                                                                                    // 62
        "    • Tomasz",                                                                        // 63
        "      March 6, 2021",                                                                 // 64
        "",                                                                                    // 65
        "      Agreed.",                                                                       // 66
        "",                                                                                    // 67
        "    • Ines",                                                                          // 68
        "      March 6, 2021 is where I ordered mine, no problems at all.",                    // 69
    ]

    static var scraped: String { scrapedLines.joined(separator: "\n") }

    /// (id, parent, author, ISO date, line) of every comment of `scraped`.
    static let scrapedTree: [(id: String, parent: String?, author: String?, date: String?, line: Int)] = [
        ("0", nil, nil, nil, 1),
        ("1", nil, "pinecone77", "2021-03-03", 16),
        ("2", nil, "quill", "2021-03-03", 21),
        ("2.1", "2", "harbor_kid", "2021-03-03", 26),
        ("2.1.1", "2.1", "Night Owl Reviews", "2021-03-04", 34),
        ("2.1.1.1", "2.1.1", "harbor_kid", "2021-03-04", 41),
        ("3", nil, "Dee", "2021-03-05", 46),
        ("3.1", "3", nil, "2021-03-05", 54),
        ("4", nil, "Ravi", "2021-03-06", 58),
        ("4.1", "4", "Tomasz", "2021-03-06", 63),
        ("4.2", "4", "Ines", "2021-03-06", 68),
    ]

    /// Rules shaped like the shipped ones, inline so the reader tests do not depend on models/.
    static let rulesText = """
    #! format: boilerplate/1
    regex\t.{1,40}\\s+News of the week\tpromo
    regex\t\\[\\s*Source,\\s*Via\\s*\\]\tcredits
    regex\t(Previous|Next)\\s+\\S.*[^.!?]\tnavigation
    """

    static var rules: BoilerplateRules {
        let (rules, diagnostics) = BoilerplateRules.parse(rulesText, displayPath: "rules.tsv")
        precondition(diagnostics.isEmpty, "\(diagnostics)")
        return rules
    }

    /// Reads text-layout input with the inline rules.
    static func readText(_ text: String, rules: BoilerplateRules = Fixtures.rules) -> ReadResult {
        TextThreadReader(boilerplate: rules).read(text, source: "t.txt", defaultThreadID: "t")
    }

    /// The package's root directory (for the shipped models/).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Writes `bytes` to a fresh temporary file named `name` and returns its path.
    static func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("threadlens-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Removes a file made by `temporaryFile` and its directory.
    static func removeTemporaryFile(_ path: String) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
    }
}

extension ReadResult {
    /// The diagnostics with `code`.
    func diagnostics(_ code: String) -> [Diagnostic] { diagnostics.filter { $0.code == code } }

    /// The comment with `id` in the first thread.
    func comment(_ id: String) -> Comment? { threads.first?.comments.first { $0.id.rawValue == id } }
}
