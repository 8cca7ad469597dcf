import Foundation
import CFuzzerDriver
import ThreadLens

/// What every fuzz target checks beyond "no crash": the promises the readers make about what
/// they return, whatever the input. A broken promise stops the process (libFuzzer saves the
/// input as a crash).
public enum Invariants {
    /// Shipped article boilerplate rules (THREADLENS_MODELS or the repository's models/), so
    /// the text reader's rule matching is fuzzed too.
    public static let boilerplate: BoilerplateRules = BoilerplateRules.loadShipped().rules

    /// Reads `bytes` (as UTF-8, invalid sequences replaced) with the reader of `format` and
    /// checks the result.
    public static func checkReader(_ format: InputFormat, _ bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        let reader = InputFiles.reader(for: format, boilerplate: boilerplate)
        let result = reader.read(text, source: "fuzz", defaultThreadID: ThreadID("fuzz"))
        check(result, text: text)
        if format == .jsonl {
            // Every line with something on it is exactly one comment or one skipped record.
            let records = nonBlankLineCount(text)
            require(result.commentCount + result.skipped.count == records,
                    "JSONL: \(records) non-blank lines but \(result.commentCount) comments + \(result.skipped.count) skipped")
        }
    }

    /// Checks locations, parent links and ids of a read result.
    public static func check(_ result: ReadResult, text: String) {
        let lines = lineCount(text)
        for diagnostic in result.diagnostics {
            guard let location = diagnostic.location else { continue }
            require(location.line >= 1 && location.line <= lines + 1, "diagnostic line \(location.line) outside 1...\(lines + 1): \(diagnostic)")
            if let column = location.column { require(column >= 1, "diagnostic column \(column): \(diagnostic)") }
        }
        for skipped in result.skipped {
            require(skipped.location.line >= 1 && skipped.location.line <= lines + 1, "skipped line \(skipped.location.line) outside 1...\(lines + 1)")
        }
        for thread in result.threads {
            let byID = thread.indexByID()
            for (index, comment) in thread.comments.enumerated() {
                require(comment.location.line >= 1 && comment.location.line <= lines + 1, "comment line \(comment.location.line) outside 1...\(lines + 1)")
                guard let parent = comment.parent else { continue }
                require(byID[parent] != nil, "comment \(comment.id) has parent \(parent), not in thread \(thread.id)")
                // The parent chain ends: no cycle survives the reader.
                var steps = 0
                var current: CommentID? = parent
                while let id = current, let next = byID[id] {
                    steps += 1
                    require(steps <= thread.comments.count, "parent cycle through comment \(thread.comments[index].id)")
                    current = thread.comments[next].parent
                }
            }
        }
    }

    /// Lines as the readers count them (LF, CRLF, lone CR).
    public static func lineCount(_ text: String) -> Int {
        var count = 1
        var afterCR = false
        for byte in text.utf8 {
            if byte == 0x0A { if !afterCR { count += 1 }; afterCR = false } else if byte == 0x0D { count += 1; afterCR = true } else { afterCR = false }
        }
        return count
    }

    /// Lines holding anything but spaces, tabs and carriage returns.
    static func nonBlankLineCount(_ text: String) -> Int {
        var count = 0
        var blank = true
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                if !blank { count += 1 }
                blank = true
            } else if scalar != " " && scalar != "\t" {
                blank = false
            }
        }
        return blank ? count : count + 1
    }

    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("invariant broken: " + message()) }
    }
}

/// Starts libFuzzer on `callback`: what each target's `<module>_main` calls.
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                      _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, callback)
}
