/// Reads and writes flat JSON objects (string keys; string, number, boolean or null
/// values) without Foundation: `srs replay` handles a million lines, and `JSONDecoder`
/// would spend more time than the scheduler.
public enum FlatJSON {
    public enum Value: Equatable, Sendable {
        case string(String)
        case number(Double, text: String)
        case bool(Bool)
        case null
    }

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let column: Int
        public let reason: String
        public var description: String { "column \(column): \(reason)" }
    }

    /// An object's members in order; lookup is a linear scan, cheaper than hashing for the
    /// handful of keys a line has.
    public struct Object: Sendable, Equatable {
        public var members: [(key: String, value: Value)]
        public subscript(key: String) -> Value? {
            for member in members where member.key == key { return member.value }
            return nil
        }
        public static func == (a: Object, b: Object) -> Bool {
            a.members.count == b.members.count && zip(a.members, b.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        }
    }

    /// The members of one JSON object; nested objects and arrays are refused. A repeated
    /// key keeps its last value, as most JSON readers do.
    public static func parseObject(_ line: String) throws(ParseError) -> Object {
        var line = line
        let result = line.withUTF8 { bytes in Result { () throws(ParseError) -> Object in try parseObject(utf8: bytes) } }
        return try result.get()
    }

    /// `parseObject` on UTF-8 bytes, which must stay valid for the call.
    public static func parseObject(utf8 b: UnsafeBufferPointer<UInt8>) throws(ParseError) -> Object {
        var i = 0
        func fail(_ reason: String) -> ParseError { ParseError(column: i + 1, reason: reason) }
        func skipSpace() { while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D || b[i] == 0x0A { i += 1 } }
        func string() throws(ParseError) -> String {
            guard i < b.count, b[i] == 0x22 else { throw fail("expected a string in double quotes") }
            i += 1
            // Most strings have no escapes: take the bytes as they are.
            var end = i
            while end < b.count, b[end] != 0x22, b[end] != 0x5C, b[end] >= 0x20 { end += 1 }
            if end < b.count, b[end] == 0x22 {
                defer { i = end + 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: b[i..<end]), as: UTF8.self)
            }
            var out: [UInt8] = Array(UnsafeBufferPointer(rebasing: b[i..<end]))
            i = end
            while i < b.count {
                let c = b[i]
                if c == 0x22 {
                    i += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if c == 0x5C {
                    i += 1
                    guard i < b.count else { break }
                    switch b[i] {
                    case 0x22: out.append(0x22)
                    case 0x5C: out.append(0x5C)
                    case 0x2F: out.append(0x2F)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "u"):
                        guard i + 4 < b.count, let code = UInt32(String(decoding: UnsafeBufferPointer(rebasing: b[(i + 1)...(i + 4)]), as: UTF8.self), radix: 16) else {
                            throw fail("a \\u escape needs four hex digits")
                        }
                        i += 4
                        out.append(contentsOf: String(Unicode.Scalar(code) ?? "\u{FFFD}").utf8)
                    default: throw fail("unknown escape \\\(Character(Unicode.Scalar(b[i])))")
                    }
                    i += 1
                    continue
                }
                guard c >= 0x20 else { throw fail("control character in a string") }
                out.append(c)
                i += 1
            }
            throw fail("the string is not closed")
        }
        func literal(_ word: StaticString) -> Bool {
            let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            guard i + w.count <= b.count else { return false }
            for k in 0..<w.count where b[i + k] != w[k] { return false }
            i += w.count
            return true
        }
        func value() throws(ParseError) -> Value {
            guard i < b.count else { throw fail("a value is missing") }
            switch b[i] {
            case 0x22: return .string(try string())
            case 0x7B, 0x5B: throw fail("nested objects and arrays are not accepted here")
            default:
                if b[i] >= 0x61, b[i] <= 0x7A {
                    if literal("true") { return .bool(true) }
                    if literal("false") { return .bool(false) }
                    if literal("null") { return .null }
                }
                let start = i
                while i < b.count, (b[i] >= 0x30 && b[i] <= 0x39) || b[i] == 0x2D || b[i] == 0x2B || b[i] == 0x2E || b[i] == 0x65 || b[i] == 0x45 { i += 1 }
                let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                guard !text.isEmpty, let number = Double(text) else {
                    i = start
                    throw fail("expected a string, number, true, false or null")
                }
                return .number(number, text: text)
            }
        }
        skipSpace()
        guard i < b.count, b[i] == 0x7B else { throw fail("expected a JSON object starting with {") }
        i += 1
        var members: [(key: String, value: Value)] = []
        skipSpace()
        if i < b.count, b[i] == 0x7D {
            i += 1
        } else {
            while true {
                skipSpace()
                let key = try string()
                skipSpace()
                guard i < b.count, b[i] == 0x3A else { throw fail("expected ':' after \"\(key)\"") }
                i += 1
                skipSpace()
                let parsed = try value()
                if let existing = members.firstIndex(where: { $0.key == key }) { members[existing].value = parsed } else { members.append((key, parsed)) }
                skipSpace()
                guard i < b.count else { throw fail("the object is not closed with }") }
                if b[i] == 0x2C {
                    i += 1
                    continue
                }
                if b[i] == 0x7D {
                    i += 1
                    break
                }
                throw fail("expected ',' or '}'")
            }
        }
        skipSpace()
        guard i == b.count else { throw fail("unexpected text after the object") }
        return Object(members: members)
    }

    /// `"text"` with JSON escapes.
    public static func quoted(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C }) { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A number as JSON: the shortest text that reads back as the same `Double`.
    public static func number(_ value: Double?) -> String {
        guard let value else { return "null" }
        guard value.isFinite else { return "null" }
        return "\(value)"
    }
}
