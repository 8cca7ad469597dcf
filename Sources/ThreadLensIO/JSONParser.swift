/// A small JSON parser that records the line and column of every value, so the JSON readers
/// can point at the comment a problem is in. It is iterative (an explicit stack, values in a
/// flat array), so threads nested thousands of replies deep neither overflow the stack while
/// parsing nor while being freed.

/// A parsed JSON text: every value is a node in `nodes`; containers refer to their children
/// by index.
struct JSONDocument: Sendable {
    enum Value: Sendable {
        case null
        case bool(Bool)
        /// The number and its text as written (ids such as `12` are kept as written).
        case number(Double, text: String)
        case string(String)
        case array([Int])
        case object([Member])
    }

    struct Member: Sendable {
        var key: String
        var value: Int
    }

    struct Node: Sendable {
        var value: Value
        var line: Int
        var column: Int
    }

    var nodes: [Node]
    var root: Int
    /// Places where the text was repaired rather than rejected (a lone surrogate escape such
    /// as `\ud800` became U+FFFD), for the readers to report as warnings.
    var repairs: [JSONSyntaxError] = []

    subscript(index: Int) -> Node { nodes[index] }

    /// The members of an object node, or nil when it is not an object.
    func members(_ index: Int) -> [Member]? {
        if case .object(let members) = nodes[index].value { return members }
        return nil
    }

    /// The items of an array node, or nil when it is not an array.
    func items(_ index: Int) -> [Int]? {
        if case .array(let items) = nodes[index].value { return items }
        return nil
    }

    /// The value of `key` in an object node (the last one when a key is repeated).
    func member(_ object: Int, _ key: String) -> Int? {
        members(object)?.last { $0.key == key }?.value
    }

    /// The value of the first of `keys` present (case-insensitive) in an object node.
    func member(_ object: Int, anyOf keys: [String]) -> Int? {
        guard let members = members(object) else { return nil }
        for key in keys {
            if let found = members.last(where: { $0.key.lowercased() == key }) { return found.value }
        }
        return nil
    }

    /// "a string", "a number", … for messages.
    func typeName(_ index: Int) -> String {
        switch nodes[index].value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// A syntax error with the line and column (1-based, in characters) where it was found.
struct JSONSyntaxError: Error, Sendable {
    var message: String
    var line: Int
    var column: Int
}

struct JSONParser {
    private let bytes: [UInt8]
    private var index = 0
    private var line: Int
    private var column = 1
    private var nodes: [JSONDocument.Node] = []
    private var repairs: [JSONSyntaxError] = []

    /// `firstLine`: the line number of the first byte (for a JSON Lines record).
    init(_ bytes: [UInt8], firstLine: Int = 1) {
        self.bytes = bytes
        self.line = firstLine
    }

    private enum Frame {
        case array(node: Int, items: [Int])
        case object(node: Int, members: [JSONDocument.Member], key: String)
    }

    /// Parses one JSON value filling the whole input (surrounding white space allowed).
    mutating func parseDocument() throws(JSONSyntaxError) -> JSONDocument {
        var stack: [Frame] = []
        var completed: Int?
        while true {
            if completed == nil {
                // Read a value, or open a container.
                skipWhitespace()
                guard let byte = peek else { throw error("unexpected end of input; expected a value") }
                let (startLine, startColumn) = (line, column)
                switch byte {
                case UInt8(ascii: "{"):
                    advance()
                    let node = add(.object([]), startLine, startColumn)
                    skipWhitespace()
                    if peek == UInt8(ascii: "}") {
                        advance()
                        completed = node
                    } else {
                        let key = try readKey()
                        stack.append(.object(node: node, members: [], key: key))
                    }
                    continue
                case UInt8(ascii: "["):
                    advance()
                    let node = add(.array([]), startLine, startColumn)
                    skipWhitespace()
                    if peek == UInt8(ascii: "]") {
                        advance()
                        completed = node
                    } else {
                        stack.append(.array(node: node, items: []))
                    }
                    continue
                case UInt8(ascii: "\""):
                    completed = add(.string(try readString()), startLine, startColumn)
                case UInt8(ascii: "t"):
                    try expectLiteral("true")
                    completed = add(.bool(true), startLine, startColumn)
                case UInt8(ascii: "f"):
                    try expectLiteral("false")
                    completed = add(.bool(false), startLine, startColumn)
                case UInt8(ascii: "n"):
                    try expectLiteral("null")
                    completed = add(.null, startLine, startColumn)
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    let (value, text) = try readNumber()
                    completed = add(.number(value, text: text), startLine, startColumn)
                default:
                    throw error("expected a value, found \(describeCurrent())")
                }
            }
            // A value is complete: attach it to its container, or finish.
            guard let value = completed else { continue }
            guard let frame = stack.popLast() else {
                skipWhitespace()
                if peek != nil { throw error("unexpected \(describeCurrent()) after the end of the JSON value") }
                return JSONDocument(nodes: nodes, root: value, repairs: repairs)
            }
            skipWhitespace()
            switch frame {
            case .array(let node, var items):
                items.append(value)
                if peek == UInt8(ascii: ",") {
                    advance()
                    stack.append(.array(node: node, items: items))
                    completed = nil
                } else if peek == UInt8(ascii: "]") {
                    advance()
                    nodes[node].value = .array(items)
                    completed = node
                } else {
                    throw error("expected ',' or ']' in an array, found \(describeCurrent())")
                }
            case .object(let node, var members, let key):
                members.append(JSONDocument.Member(key: key, value: value))
                if peek == UInt8(ascii: ",") {
                    advance()
                    skipWhitespace()
                    let next = try readKey()
                    stack.append(.object(node: node, members: members, key: next))
                    completed = nil
                } else if peek == UInt8(ascii: "}") {
                    advance()
                    nodes[node].value = .object(members)
                    completed = node
                } else {
                    throw error("expected ',' or '}' after an object member, found \(describeCurrent())")
                }
            }
        }
    }

    // MARK: - Pieces

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func add(_ value: JSONDocument.Value, _ line: Int, _ column: Int) -> Int {
        nodes.append(JSONDocument.Node(value: value, line: line, column: column))
        return nodes.count - 1
    }

    private mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { advance() }
    }

    private func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(message: message, line: line, column: column)
    }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "the end of the input" }
        let end = min(bytes.count, index + 4)
        var slice = Array(bytes[index..<end])
        while !slice.isEmpty, String(validating: slice, as: UTF8.self) == nil { slice.removeLast() }
        let text = String(decoding: slice, as: UTF8.self)
        guard let first = text.first else { return "byte 0x\(String(bytes[index], radix: 16))" }
        return "'\(first)'"
    }

    /// An object key and its colon.
    private mutating func readKey() throws(JSONSyntaxError) -> String {
        guard peek == UInt8(ascii: "\"") else { throw error("expected a quoted key, found \(describeCurrent())") }
        let key = try readString()
        skipWhitespace()
        guard peek == UInt8(ascii: ":") else { throw error("expected ':' after the key \"\(key)\", found \(describeCurrent())") }
        advance()
        return key
    }

    private mutating func expectLiteral(_ word: String) throws(JSONSyntaxError) {
        for expected in word.utf8 {
            guard peek == expected else { throw error("expected a value, found \(describeCurrent())") }
            advance()
        }
    }

    private mutating func readNumber() throws(JSONSyntaxError) -> (Double, String) {
        let start = index
        if peek == UInt8(ascii: "-") { advance() }
        func digits(_ parser: inout JSONParser) -> Int {
            var count = 0
            while let byte = parser.peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { parser.advance(); count += 1 }
            return count
        }
        guard digits(&self) > 0 else { throw error("expected digits in a number, found \(describeCurrent())") }
        if peek == UInt8(ascii: ".") {
            advance()
            guard digits(&self) > 0 else { throw error("expected digits after the decimal point, found \(describeCurrent())") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            advance()
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { advance() }
            guard digits(&self) > 0 else { throw error("expected digits in the exponent, found \(describeCurrent())") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        return (Double(text) ?? 0, text)
    }

    /// A string after its opening quote: escapes decoded, lone surrogates replaced with U+FFFD.
    /// A raw line break ends it with an error (the string was cut off).
    private mutating func readString() throws(JSONSyntaxError) -> String {
        let (startLine, startColumn) = (line, column)
        advance()
        var buffer: [UInt8] = []
        while true {
            guard let byte = peek else {
                throw JSONSyntaxError(message: "unterminated string (opened at line \(startLine), column \(startColumn))", line: line, column: column)
            }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                let (escapeLine, escapeColumn) = (line, column)
                advance()
                guard let escape = peek else { continue }
                advance()
                switch escape {
                case UInt8(ascii: "\""): buffer.append(0x22)
                case UInt8(ascii: "\\"): buffer.append(0x5C)
                case UInt8(ascii: "/"): buffer.append(0x2F)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try readHex4()
                    var lone = false
                    if (0xD800...0xDBFF).contains(code) {
                        // A high surrogate: pair it with the low one that should follow.
                        if peek == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") {
                            let save = (index, line, column)
                            advance(); advance()
                            let low = try readHex4()
                            if (0xDC00...0xDFFF).contains(low) {
                                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                (index, line, column) = save
                                lone = true
                            }
                        } else {
                            lone = true
                        }
                    } else if (0xDC00...0xDFFF).contains(code) {
                        lone = true
                    }
                    if lone {
                        code = 0xFFFD
                        repairs.append(JSONSyntaxError(message: "a lone UTF-16 surrogate escape (a '\\u' escape with no partner) was replaced with U+FFFD",
                                                       line: escapeLine, column: escapeColumn))
                    }
                    let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                    buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw JSONSyntaxError(message: "invalid escape '\\\(Character(Unicode.Scalar(escape)))' in a string", line: escapeLine, column: escapeColumn)
                }
            case 0x0A, 0x0D:
                throw JSONSyntaxError(message: "unterminated string (opened at line \(startLine), column \(startColumn)); a line break inside a string must be written \\n", line: line, column: column)
            default:
                buffer.append(byte)
                advance()
            }
        }
    }

    private mutating func readHex4() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek, let digit = hexValue(byte) else { throw error("expected 4 hex digits after '\\u', found \(describeCurrent())") }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
