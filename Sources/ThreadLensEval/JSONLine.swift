/// A small JSON parser for one line of a JSON Lines file, keeping the column of every value so
/// gold and prediction problems point at `file:line:column`, and reporting duplicate keys
/// (which Foundation's parser silently collapses).

/// A parsed JSON value with the 1-based column (in Unicode scalars) where it starts.
struct JSONNode: Sendable {
    indirect enum Value: Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([JSONNode])
        /// Members in input order; duplicates are kept (the parser reports them).
        case object([(key: String, keyColumn: Int, value: JSONNode)])
    }

    var value: Value
    var column: Int

    /// A short name of the value's kind for messages ("a string", "null" …).
    var kindDescription: String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    var stringValue: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    var arrayValue: [JSONNode]? {
        if case .array(let items) = value { return items }
        return nil
    }

    /// The members of an object, or nil for any other kind.
    var members: [(key: String, keyColumn: Int, value: JSONNode)]? {
        if case .object(let members) = value { return members }
        return nil
    }

    /// The first member named `key` of an object.
    subscript(key: String) -> JSONNode? {
        members?.first { $0.key == key }?.value
    }
}

/// A JSON syntax error at a 1-based column.
struct JSONSyntaxError: Error, Sendable {
    var message: String
    var column: Int
}

/// Parses one JSON text (one line of a JSONL file). Also returns the keys that occur twice in
/// one object, with their columns.
struct JSONLineParser {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private(set) var duplicateKeys: [(key: String, column: Int)] = []

    init(_ text: Substring) { scalars = Array(text.unicodeScalars) }

    /// Parses the whole line as one value; trailing text is an error.
    static func parse(_ line: Substring) -> Result<(node: JSONNode, duplicateKeys: [(key: String, column: Int)]), JSONSyntaxError> {
        var parser = JSONLineParser(line)
        do {
            parser.skipWhitespace()
            let node = try parser.parseValue(depth: 0)
            parser.skipWhitespace()
            if parser.position < parser.scalars.count {
                throw JSONSyntaxError(message: "unexpected text after the JSON value", column: parser.position + 1)
            }
            return .success((node, parser.duplicateKeys))
        } catch let error as JSONSyntaxError {
            return .failure(error)
        } catch {
            return .failure(JSONSyntaxError(message: "\(error)", column: 1))
        }
    }

    private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private mutating func skipWhitespace() {
        while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" { position += 1 }
    }

    private func error(_ message: String, at column: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(message: message, column: column ?? position + 1)
    }

    private func found() -> String {
        guard let scalar = current else { return "the end of the line" }
        return "'\(Character(scalar))'"
    }

    // Deep nesting is never legitimate in a gold or prediction record; the limit keeps a
    // malicious line from exhausting the stack.
    private static let maximumDepth = 64

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        guard depth < Self.maximumDepth else { throw error("JSON nested too deeply") }
        let column = position + 1
        guard let scalar = current else { throw error("expected a JSON value, found the end of the line") }
        switch scalar {
        case "{": return JSONNode(value: try parseObject(depth: depth), column: column)
        case "[": return JSONNode(value: try parseArray(depth: depth), column: column)
        case "\"": return JSONNode(value: .string(try parseString()), column: column)
        case "t": try expectWord("true"); return JSONNode(value: .bool(true), column: column)
        case "f": try expectWord("false"); return JSONNode(value: .bool(false), column: column)
        case "n": try expectWord("null"); return JSONNode(value: .null, column: column)
        case "-", "0"..."9": return JSONNode(value: .number(try parseNumber()), column: column)
        default: throw error("expected a JSON value, found \(found())")
        }
    }

    private mutating func expectWord(_ word: String) throws(JSONSyntaxError) {
        let start = position
        for expected in word.unicodeScalars {
            guard current == expected else {
                var found = ""
                found.unicodeScalars.append(contentsOf: scalars[start...].prefix { $0.properties.isAlphabetic })
                throw error("expected a JSON value, found '\(found)' (strings need double quotes)", at: start + 1)
            }
            position += 1
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONNode.Value {
        position += 1
        var members: [(key: String, keyColumn: Int, value: JSONNode)] = []
        var seen: Set<String> = []
        skipWhitespace()
        if current == "}" { position += 1; return .object(members) }
        while true {
            skipWhitespace()
            let keyColumn = position + 1
            guard current == "\"" else { throw error("expected a quoted key, found \(found())") }
            let key = try parseString()
            skipWhitespace()
            guard current == ":" else { throw error("expected ':' after the key \"\(key)\", found \(found())") }
            position += 1
            skipWhitespace()
            let value = try parseValue(depth: depth + 1)
            if !seen.insert(key).inserted { duplicateKeys.append((key, keyColumn)) }
            members.append((key, keyColumn, value))
            skipWhitespace()
            switch current {
            case ",": position += 1
            case "}": position += 1; return .object(members)
            default: throw error("expected ',' or '}' in the object, found \(found())")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONNode.Value {
        position += 1
        var items: [JSONNode] = []
        skipWhitespace()
        if current == "]" { position += 1; return .array(items) }
        while true {
            skipWhitespace()
            items.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            switch current {
            case ",": position += 1
            case "]": position += 1; return .array(items)
            default: throw error("expected ',' or ']' in the array, found \(found())")
            }
        }
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = position
        position += 1
        var result = String.UnicodeScalarView()
        while true {
            guard let scalar = current else { throw error("unterminated string", at: start + 1) }
            position += 1
            switch scalar {
            case "\"":
                return String(result)
            case "\\":
                guard let escaped = current else { throw error("unterminated string", at: start + 1) }
                position += 1
                switch escaped {
                case "\"": result.append("\"")
                case "\\": result.append("\\")
                case "/": result.append("/")
                case "b": result.append("\u{08}")
                case "f": result.append("\u{0C}")
                case "n": result.append("\n")
                case "r": result.append("\r")
                case "t": result.append("\t")
                case "u":
                    let high = try parseHex4()
                    if (0xD800..<0xDC00).contains(high) {
                        // A surrogate pair: the low half must follow as another \u escape.
                        guard current == "\\", position + 1 < scalars.count, scalars[position + 1] == "u" else {
                            throw error("unpaired surrogate in \\u escape", at: position - 5)
                        }
                        position += 2
                        let low = try parseHex4()
                        guard (0xDC00..<0xE000).contains(low),
                              let combined = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) else {
                            throw error("invalid surrogate pair in \\u escape", at: position - 11)
                        }
                        result.append(combined)
                    } else if let decoded = Unicode.Scalar(high) {
                        result.append(decoded)
                    } else {
                        throw error("unpaired surrogate in \\u escape", at: position - 5)
                    }
                default:
                    throw error("invalid escape '\\\(Character(escaped))'", at: position - 1)
                }
            default:
                if scalar.value < 0x20 { throw error("control character in string; escape it", at: position) }
                result.append(scalar)
            }
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let scalar = current, let digit = hexValue(scalar) else {
                throw error("expected four hex digits after \\u")
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }

    private func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 48
        case "a"..."f": return scalar.value - 87
        case "A"..."F": return scalar.value - 55
        default: return nil
        }
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> Double {
        let start = position
        if current == "-" { position += 1 }
        guard let first = current, ("0"..."9").contains(first) else { throw error("expected a digit", at: position + 1) }
        if first == "0" {
            position += 1
        } else {
            while let scalar = current, ("0"..."9").contains(scalar) { position += 1 }
        }
        if current == "." {
            position += 1
            guard let scalar = current, ("0"..."9").contains(scalar) else { throw error("expected a digit after '.'") }
            while let scalar = current, ("0"..."9").contains(scalar) { position += 1 }
        }
        if current == "e" || current == "E" {
            position += 1
            if current == "+" || current == "-" { position += 1 }
            guard let scalar = current, ("0"..."9").contains(scalar) else { throw error("expected a digit in the exponent") }
            while let scalar = current, ("0"..."9").contains(scalar) { position += 1 }
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[start..<position])
        guard let value = Double(text) else { throw error("invalid number '\(text)'", at: start + 1) }
        return value
    }
}
