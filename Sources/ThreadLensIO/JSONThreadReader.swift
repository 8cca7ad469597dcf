import ThreadLensCore

/// Reads threads as JSON trees (`.json`, SPEC §2.3): one thread object, or an array of them,
///
/// ```
/// {"title": "…", "body": "…", "url": "…",
///  "comments": [{"id": "c1", "author": "…", "date": "…", "text": "…",
///                "replies": [{"id": "c2", "text": "…", "replies": []}]}]}
/// ```
///
/// - The thread id is the object's `"thread"` key, else its `"id"` key, else the file name
///   without extension; in an array of threads the fallback is `name#1`, `name#2`, … (1-based
///   position in the array).
/// - `title` and `body` become the article `0` (title, a blank line, body); with neither
///   there is no article. `url` is kept on the thread. Unknown keys are ignored.
/// - A comment's parent is the comment whose `replies` it is in (a `parent` key is ignored).
///   Given ids are used as they are (integers too); a comment without an id gets its SPEC §3
///   id by position (`3` for the third top-level comment, `c3.2` for the second reply to
///   `c3`), with one `input.missing-id` warning per thread.
/// - A comment without text (`input.missing-text`), with a field of the wrong type
///   (`input.type`) or that is not an object (`input.record-type`) is an error with
///   file:line:column and is listed in `skipped`; its replies are still read and attach to
///   the nearest comment above it that was kept (warning `input.parent-skipped`).
/// - `comments` or `replies` holding a single object is read as a list of one (warning
///   `input.type`); holding a string, number or boolean is an error and one skipped comment.
/// - Invalid JSON (`input.json`) is an error at the line and column where parsing stopped.
///   Nesting depth is not limited: parsing and walking use explicit stacks.
public struct JSONThreadReader: ThreadReader {
    public init() {}

    public func read(_ text: String, source: String, defaultThreadID: ThreadID) -> ReadResult {
        var result = ReadResult()
        var parser = JSONParser(Array(text.utf8))
        let document: JSONDocument
        do {
            document = try parser.parseDocument()
        } catch {
            result.diagnostics.append(.error("input.json", "invalid JSON: \(error.message) (expected a thread object or an array of them); nothing in this file was read",
                                             at: SourceLocation(file: source, line: error.line, column: error.column)))
            return result
        }
        for repair in document.repairs {
            result.diagnostics.append(.warning("input.json-escape", repair.message, at: SourceLocation(file: source, line: repair.line, column: repair.column)))
        }
        let root = document.root
        if document.members(root) != nil {
            readThread(document, root, fallbackID: defaultThreadID, source: source, into: &result)
        } else if let items = document.items(root) {
            for (position, item) in items.enumerated() {
                let fallback = ThreadID("\(defaultThreadID.rawValue)#\(position + 1)")
                guard document.members(item) != nil else {
                    result.diagnostics.append(.error("input.record-type", "expected a thread object at position \(position + 1) of the array, found \(document.typeName(item))",
                                                     at: location(document, item, source)))
                    continue
                }
                readThread(document, item, fallbackID: fallback, source: source, into: &result)
            }
        } else {
            result.diagnostics.append(.error("input.record-type", "expected a thread object or an array of thread objects, found \(document.typeName(root))",
                                             at: location(document, root, source)))
        }
        return result
    }

    func location(_ document: JSONDocument, _ node: Int, _ source: String) -> SourceLocation {
        SourceLocation(file: source, line: document[node].line, column: document[node].column)
    }

    func readThread(_ document: JSONDocument, _ object: Int, fallbackID: ThreadID, source: String, into result: inout ReadResult) {
        var threadID = fallbackID
        do throws(FieldProblem) {
            if let named = try document.identifier(object, "thread") {
                threadID = ThreadID(named)
            } else if let named = try document.identifier(object, "id") {
                threadID = ThreadID(named)
            }
        } catch {
            result.diagnostics.append(.warning(error.code, error.message + "; the thread is named \(fallbackID)", at: SourceLocation(file: source, line: document[object].line, column: error.column)))
        }
        var thread = CommentThread(id: threadID, source: source, comments: [])
        let threadLocation = SourceLocation(file: source, line: document[object].line)
        do throws(FieldProblem) {
            thread.url = try document.optionalString(object, "url")
        } catch {
            result.diagnostics.append(.warning(error.code, error.message + "; the url is ignored", at: SourceLocation(file: source, line: document[object].line, column: error.column)))
        }
        do throws(FieldProblem) {
            let title = try document.optionalString(object, "title")
            let body = try document.optionalString(object, "body")
            thread.title = title
            let parts = [title, body].compactMap { $0 }
            if !parts.isEmpty {
                thread.comments.append(Comment(id: .article, text: parts.joined(separator: "\n\n"), location: threadLocation))
            }
        } catch {
            result.diagnostics.append(.error(error.code, error.message, at: SourceLocation(file: source, line: document[object].line, column: error.column)))
            result.skipped.append(SkippedComment(location: threadLocation, id: CommentID.article.rawValue, reason: error.reason))
        }

        var missingIDs: (count: Int, first: SourceLocation?) = (0, nil)
        if let list = listMember(document, object, "comments", source: source, into: &result) {
            // Depth-first in input order, without recursion.
            struct Pending { var node: Int; var parent: CommentID?; var positional: String }
            var stack: [Pending] = list.enumerated().reversed().map { Pending(node: $0.element, parent: nil, positional: String($0.offset + 1)) }
            while let item = stack.popLast() {
                let node = item.node
                let nodeLocation = SourceLocation(file: source, line: document[node].line)
                guard document.members(node) != nil else {
                    result.diagnostics.append(.error("input.record-type", "expected a comment object, found \(document.typeName(node))", at: location(document, node, source)))
                    result.skipped.append(SkippedComment(location: nodeLocation, id: item.positional, reason: "not a JSON object"))
                    continue
                }
                var givenID: String?
                var problem: FieldProblem?
                do throws(FieldProblem) {
                    givenID = try document.identifier(node, "id")
                    if givenID == nil {
                        missingIDs.count += 1
                        if missingIDs.first == nil { missingIDs.first = nodeLocation }
                    }
                } catch {
                    problem = error
                }
                let id = givenID ?? item.positional
                var comment: Comment?
                if problem == nil {
                    do throws(FieldProblem) {
                        comment = Comment(id: CommentID(id), parent: item.parent, author: try document.optionalString(node, "author"),
                                          date: try document.date(node), text: try document.text(node), location: nodeLocation)
                    } catch {
                        problem = error
                    }
                }
                if let comment {
                    if comment.text.trimmingSpaces().isEmpty {
                        result.diagnostics.append(.warning("input.empty-comment", "comment '\(id)' has empty text", at: nodeLocation))
                    }
                    thread.comments.append(comment)
                } else if let problem {
                    result.diagnostics.append(.error(problem.code, problem.message, at: SourceLocation(file: source, line: document[node].line, column: problem.column)))
                    result.skipped.append(SkippedComment(location: nodeLocation, id: id, reason: problem.reason))
                }
                guard let replies = listMember(document, node, "replies", source: source, into: &result), !replies.isEmpty else { continue }
                if comment == nil {
                    let target = item.parent.map { "comment '\($0)'" } ?? "the thread (top level)"
                    result.diagnostics.append(.warning("input.parent-skipped", "the \(replies.count) direct replies to skipped comment '\(id)' are attached to \(target)", at: nodeLocation))
                }
                // Replies attach to this comment, or past it to the nearest kept one.
                let replyParent = comment == nil ? item.parent : CommentID(id)
                for (offset, reply) in replies.enumerated().reversed() {
                    stack.append(Pending(node: reply, parent: replyParent, positional: CommentID(id).reply(offset + 1).rawValue))
                }
            }
        }
        if missingIDs.count > 0 {
            result.diagnostics.append(.warning("input.missing-id", "\(missingIDs.count) comment(s) of thread \(threadID) have no \"id\"; each gets its SPEC §3 id by position (first: line \(missingIDs.first!.line))",
                                               at: missingIDs.first))
        }
        ParentLinks.check(&thread, diagnostics: &result.diagnostics)
        result.threads.append(thread)
    }

    /// An array member (`comments`, `replies`): absent or null is empty; a single object is
    /// read as a list of one (warning `input.type`: exports sometimes unwrap one-element
    /// lists); another type is an error and counts as one skipped comment, since it held
    /// something that was not read.
    func listMember(_ document: JSONDocument, _ object: Int, _ key: String, source: String, into result: inout ReadResult) -> [Int]? {
        guard let node = document.member(object, key) else { return nil }
        if case .null = document[node].value { return nil }
        if document.members(node) != nil {
            result.diagnostics.append(.warning("input.type", "expected \"\(key)\" to be an array of comments, found an object; read as a list of one comment",
                                               at: location(document, node, source)))
            return [node]
        }
        guard let items = document.items(node) else {
            result.diagnostics.append(.error("input.type", "expected \"\(key)\" to be an array of comments, found \(document.typeName(node)); it is skipped",
                                             at: location(document, node, source)))
            result.skipped.append(SkippedComment(location: SourceLocation(file: source, line: document[node].line), id: nil, reason: "'\(key)' is not an array"))
            return nil
        }
        return items
    }
}
