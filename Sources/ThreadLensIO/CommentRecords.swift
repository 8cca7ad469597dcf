import ThreadLensCore

/// What the JSON Lines, JSON and CSV readers share: reading a comment's fields with the
/// problems they can have, and assembling flat records into threads with checked parent links.

/// A field problem that keeps a comment out: the message for the diagnostic and the short
/// reason counted in the run summary.
struct FieldProblem: Error {
    var code: String
    var message: String
    var reason: String
    var column: Int?
}

/// The fields of one comment record.
struct CommentFields {
    var thread: String?
    var id: String?
    var parent: String?
    var author: String?
    var date: CommentDate?
    var text: String
}

extension JSONDocument {
    /// An identifier (`id`, `parent`, `thread`): a string, or an integer written as a number
    /// (exports often number their comments). Empty and null mean absent.
    func identifier(_ object: Int, _ key: String) throws(FieldProblem) -> String? {
        guard let node = member(object, key) else { return nil }
        switch nodes[node].value {
        case .null: return nil
        case .string(let text):
            let trimmed = text.trimmingSpaces()
            return trimmed.isEmpty ? nil : trimmed
        case .number(let value, let text) where value == value.rounded() && !text.contains(".") && !text.lowercased().contains("e"):
            return text
        default:
            throw FieldProblem(code: "input.type", message: "expected '\(key)' to be a string, found \(typeName(node))",
                               reason: "'\(key)' has the wrong type", column: nodes[node].column)
        }
    }

    /// An optional string field (`author`); null and empty mean absent.
    func optionalString(_ object: Int, _ key: String) throws(FieldProblem) -> String? {
        guard let node = member(object, key) else { return nil }
        switch nodes[node].value {
        case .null: return nil
        case .string(let text):
            let trimmed = text.trimmingSpaces()
            return trimmed.isEmpty ? nil : trimmed
        default:
            throw FieldProblem(code: "input.type", message: "expected '\(key)' to be a string, found \(typeName(node))",
                               reason: "'\(key)' has the wrong type", column: nodes[node].column)
        }
    }

    /// A date: a string (parsed as `DateParsing` describes) or a number of seconds (or
    /// milliseconds, when over 10^11) since 1970 UTC.
    func date(_ object: Int, _ key: String = "date") throws(FieldProblem) -> CommentDate? {
        guard let node = member(object, key) else { return nil }
        switch nodes[node].value {
        case .null: return nil
        case .string(let text):
            let date = DateParsing.parse(text)
            return date.raw.isEmpty ? nil : date
        case .number(let value, let text):
            return DateParsing.fromEpoch(value, raw: text)
        default:
            throw FieldProblem(code: "input.type", message: "expected '\(key)' to be a date string, found \(typeName(node))",
                               reason: "'\(key)' has the wrong type", column: nodes[node].column)
        }
    }

    /// Every field of a comment object (`thread`, `id`, `parent`, `author`, `date`, `text`).
    func commentFields(_ object: Int) throws(FieldProblem) -> CommentFields {
        CommentFields(thread: try identifier(object, "thread"),
                      id: try identifier(object, "id"),
                      parent: try identifier(object, "parent"),
                      author: try optionalString(object, "author"),
                      date: try date(object),
                      text: try text(object))
    }

    /// The comment text: a string, required.
    func text(_ object: Int, _ key: String = "text") throws(FieldProblem) -> String {
        guard let node = member(object, key) else {
            throw FieldProblem(code: "input.missing-text", message: "expected a \"\(key)\" key holding the comment text", reason: "no text", column: nodes[object].column)
        }
        switch nodes[node].value {
        case .string(let text): return text
        case .null:
            throw FieldProblem(code: "input.missing-text", message: "expected \"\(key)\" to hold the comment text, found null", reason: "no text", column: nodes[node].column)
        default:
            throw FieldProblem(code: "input.type", message: "expected \"\(key)\" to be a string, found \(typeName(node))",
                               reason: "'\(key)' has the wrong type", column: nodes[node].column)
        }
    }
}

extension DateParsing {
    /// A date given as seconds since 1970-01-01 UTC (milliseconds when over 10^11), as ISO 8601
    /// UTC (`2015-02-23T10:30:00Z`).
    public static func fromEpoch(_ value: Double, raw: String) -> CommentDate {
        guard value.isFinite else { return CommentDate(raw: raw, iso8601: nil) }
        let seconds = abs(value) > 1e11 ? value / 1000 : value
        guard seconds > -62_135_596_800, seconds < 253_402_300_800 else { return CommentDate(raw: raw, iso8601: nil) }
        let whole = Int(seconds.rounded(.down))
        var days = whole / 86_400
        var rest = whole % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        // Civil date from days since the epoch (H. Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        let iso = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(rest / 3600, 2)):\(pad(rest % 3600 / 60, 2)):\(pad(rest % 60, 2))Z"
        return CommentDate(raw: raw, iso8601: iso)
    }
}

/// Groups flat comment records (JSON Lines, CSV) into threads in first-appearance order.
struct ThreadAssembler {
    let source: String
    private var order: [ThreadID] = []
    private var comments: [ThreadID: [Comment]] = [:]

    init(source: String) { self.source = source }

    mutating func add(_ comment: Comment, to thread: ThreadID) {
        if comments[thread] == nil { order.append(thread) }
        comments[thread, default: []].append(comment)
    }

    /// The threads, each with its parent links checked (see `ParentLinks.check`).
    func threads(diagnostics: inout [Diagnostic]) -> [CommentThread] {
        order.map { id in
            var thread = CommentThread(id: id, source: source, comments: comments[id] ?? [])
            ParentLinks.check(&thread, diagnostics: &diagnostics)
            return thread
        }
    }
}

/// Checks the ids and parent links of a thread whose records name their parents.
enum ParentLinks {
    /// Reports a repeated id (`input.duplicate-id`: replies then attach to the first); makes a
    /// comment whose parent is not in the thread top-level (`input.parent-missing`); breaks a
    /// cycle of parent links by making its member that comes first in the input top-level
    /// (`input.parent-cycle`). All warnings: every comment is kept.
    static func check(_ thread: inout CommentThread, diagnostics: inout [Diagnostic]) {
        var firstIndex: [CommentID: Int] = [:]
        for (index, comment) in thread.comments.enumerated() {
            if let first = firstIndex[comment.id] {
                diagnostics.append(.warning("input.duplicate-id", "comment id '\(comment.id)' is used again in thread \(thread.id) (first at line \(thread.comments[first].location.line)); replies to it attach to the first",
                                            at: comment.location))
            } else {
                firstIndex[comment.id] = index
            }
        }
        for index in thread.comments.indices {
            guard let parent = thread.comments[index].parent else { continue }
            if firstIndex[parent] == nil {
                diagnostics.append(.warning("input.parent-missing", "parent '\(parent)' of comment '\(thread.comments[index].id)' is not in thread \(thread.id); read as a top-level comment",
                                            at: thread.comments[index].location))
                thread.comments[index].parent = nil
            }
        }
        // Cycle check without recursion: 0 unvisited, 1 on the current path, 2 done.
        var state = [UInt8](repeating: 0, count: thread.comments.count)
        for start in thread.comments.indices where state[start] == 0 {
            var path: [Int] = []
            var current = start
            while true {
                if state[current] == 2 { break }
                if state[current] == 1 {
                    // The cycle is the path from `current` on. Cut the link of its member that
                    // comes first in the input: its "parent" comes after it, which no real reply
                    // does, and the rest of the cycle then hangs from it as a chain.
                    let cycle = Array(path[path.lastIndex(of: current)!...])
                    let first = cycle.min()!
                    let comment = thread.comments[first]
                    let start = cycle.firstIndex(of: first)!
                    let order = (cycle[start...] + cycle[..<start]).map { thread.comments[$0].id.rawValue }
                    let shown = order.count <= 6 ? order.joined(separator: " → ") : order.prefix(5).joined(separator: " → ") + " → … (\(order.count) comments)"
                    diagnostics.append(.warning("input.parent-cycle", "the parent links of comment '\(comment.id)' lead back to itself (\(shown) → \(comment.id)); read as a top-level comment",
                                                at: comment.location))
                    thread.comments[first].parent = nil
                    break
                }
                state[current] = 1
                path.append(current)
                guard let parent = thread.comments[current].parent, let next = firstIndex[parent] else { break }
                current = next
            }
            for index in path { state[index] = 2 }
        }
    }
}
