import ThreadLensCore

/// A JSON reader for what the tool itself writes (partial reports): RFC 8259, integers kept as
/// `.integer`, any other number as `.number`, object keys in document order.
public enum JSONReading {
    /// A syntax error at a 1-based line and column.
    public struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public var message: String
        public var description: String { "\(line):\(column): \(message)" }
    }

    /// Every JSON value in `text`, in order: one document, or several separated by white space
    /// (JSON Lines), so partials can be concatenated or streamed one per line.
    public static func values(in text: String) throws(SyntaxError) -> [JSONValue] {
        var parser = Parser(bytes: Array(text.utf8))
        var values: [JSONValue] = []
        parser.skipWhitespace()
        while !parser.atEnd {
            values.append(try parser.value(depth: 0))
            parser.skipWhitespace()
        }
        return values
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        var atEnd: Bool { index >= bytes.count }

        init(bytes: [UInt8]) { self.bytes = bytes }

        func error(_ message: String) -> SyntaxError {
            var line = 1, column = 1
            for byte in bytes[..<min(index, bytes.count)] {
                if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            }
            return SyntaxError(line: line, column: column, message: message)
        }

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func expect(_ literal: String, _ value: JSONValue) throws(SyntaxError) -> JSONValue {
            let utf8 = Array(literal.utf8)
            guard index + utf8.count <= bytes.count, Array(bytes[index..<index + utf8.count]) == utf8 else {
                throw error("expected \(literal)")
            }
            index += utf8.count
            return value
        }

        mutating func value(depth: Int) throws(SyntaxError) -> JSONValue {
            guard depth < 512 else { throw error("nesting deeper than 512 levels") }
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input, expected a value") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try expect("true", .bool(true))
            case UInt8(ascii: "f"): return try expect("false", .bool(false))
            case UInt8(ascii: "n"): return try expect("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw error("unexpected character, expected a value")
            }
        }

        mutating func object(depth: Int) throws(SyntaxError) -> JSONValue {
            index += 1
            var members: [(String, JSONValue)] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a key string") }
                let key = try string()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':'") }
                index += 1
                members.append((key, try value(depth: depth + 1)))
                skipWhitespace()
                guard index < bytes.count else { throw error("unexpected end of input in an object") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                throw error("expected ',' or '}'")
            }
        }

        mutating func array(depth: Int) throws(SyntaxError) -> JSONValue {
            index += 1
            var values: [JSONValue] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(values) }
            while true {
                values.append(try value(depth: depth + 1))
                skipWhitespace()
                guard index < bytes.count else { throw error("unexpected end of input in an array") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(values) }
                throw error("expected ',' or ']'")
            }
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw error("truncated \\u escape") }
            var value: UInt32 = 0
            for byte in bytes[index..<index + 4] {
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw error("bad hex digit in \\u escape")
                }
                value = value * 16 + UInt32(digit)
            }
            index += 4
            return value
        }

        mutating func string() throws(SyntaxError) -> String {
            index += 1
            var out: [UInt8] = []
            while true {
                guard index < bytes.count else { throw error("unterminated string") }
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { throw error("unterminated escape") }
                    let escaped = bytes[index]
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800..<0xDC00).contains(scalar), index + 1 < bytes.count,
                           bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                            index += 2
                            let low = try hex4()
                            guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate in \\u escape") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
                        out.append(contentsOf: Array(String(Character(unicode)).utf8))
                    default: throw error("unknown escape")
                    }
                default:
                    guard byte >= 0x20 else { throw error("control character in string") }
                    out.append(byte)
                }
            }
        }

        mutating func number() throws(SyntaxError) -> JSONValue {
            let start = index
            var isInteger = true
            while index < bytes.count {
                let byte = bytes[index]
                if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
                    index += 1
                } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                    isInteger = false
                    index += 1
                } else {
                    break
                }
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if isInteger, let value = Int(text) { return .integer(value) }
            guard let value = Double(text) else { throw error("bad number '\(text)'") }
            return .number(value)
        }
    }
}

/// Typed access to a decoded JSON document, with the path of the value in every error
/// (`claims[3].subject: expected a string`).
struct JSONCursor {
    let value: JSONValue
    let path: String

    init(_ value: JSONValue, path: String = "") {
        self.value = value
        self.path = path
    }

    struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        var path: String
        var message: String
        var description: String { path.isEmpty ? message : "\(path): \(message)" }
    }

    func fail(_ message: String) -> Failure { Failure(path: path, message: message) }

    func member(_ key: String) throws(Failure) -> JSONCursor {
        guard case .object(let members) = value else { throw fail("expected an object") }
        guard let found = members.first(where: { $0.0 == key }) else {
            throw Failure(path: path.isEmpty ? key : "\(path).\(key)", message: "missing")
        }
        return JSONCursor(found.1, path: path.isEmpty ? key : "\(path).\(key)")
    }

    func elements() throws(Failure) -> [JSONCursor] {
        guard case .array(let values) = value else { throw fail("expected an array") }
        return values.enumerated().map { JSONCursor($0.element, path: "\(path)[\($0.offset)]") }
    }

    func int() throws(Failure) -> Int {
        guard case .integer(let number) = value else { throw fail("expected an integer") }
        return number
    }

    func bool() throws(Failure) -> Bool {
        guard case .bool(let flag) = value else { throw fail("expected true or false") }
        return flag
    }

    func string() throws(Failure) -> String {
        guard case .string(let text) = value else { throw fail("expected a string") }
        return text
    }

    func optionalString() throws(Failure) -> String? {
        if case .null = value { return nil }
        return try string()
    }

    func strings() throws(Failure) -> [String] {
        var out: [String] = []
        for element in try elements() { out.append(try element.string()) }
        return out
    }
}
