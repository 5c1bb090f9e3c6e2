/// Finds a key given twice in one JSON object. Decoders keep one of the two silently (the
/// first, with Foundation's), so `{"rating":1,"rating":4}` would record a rating its sender
/// may not have meant (issue #12). Scans the bytes once without building anything; the
/// document is assumed to be JSON (the decoder reports anything else).
public enum JSONDuplicateKeys {
    /// The first repeated key as a path such as `plan.start`, or nil.
    public static func first(in bytes: some Collection<UInt8>) -> String? {
        var scanner = Scanner(Array(bytes))
        return scanner.run()
    }

    private struct Container {
        var isObject: Bool
        var keys: Set<String> = []
        var expectingKey = false
        var key: String?
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var stack: [Container] = []

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        mutating func run() -> String? {
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "{"):
                    stack.append(Container(isObject: true, expectingKey: true))
                case UInt8(ascii: "["):
                    stack.append(Container(isObject: false))
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if !stack.isEmpty { stack.removeLast() }
                case UInt8(ascii: ","):
                    if let last = stack.indices.last, stack[last].isObject { stack[last].expectingKey = true }
                case UInt8(ascii: "\""):
                    let text = string()
                    if let last = stack.indices.last, stack[last].isObject, stack[last].expectingKey {
                        stack[last].expectingKey = false
                        stack[last].key = text
                        if !stack[last].keys.insert(text).inserted { return path() }
                    }
                    continue
                default:
                    break
                }
                index += 1
            }
            return nil
        }

        /// The keys from the outermost object to the repeated one.
        func path() -> String {
            stack.compactMap { $0.isObject ? $0.key : nil }.joined(separator: ".")
        }

        /// Reads the string starting at `index` (a quote), unescaped, and moves past it.
        mutating func string() -> String {
            index += 1
            var scalars = String.UnicodeScalarView()
            var raw: [UInt8] = []
            func flush() {
                scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
                raw.removeAll(keepingCapacity: true)
            }
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count {
                    flush()
                    let escaped = bytes[index + 1]
                    index += 2
                    switch escaped {
                    case UInt8(ascii: "n"): scalars.append("\n")
                    case UInt8(ascii: "t"): scalars.append("\t")
                    case UInt8(ascii: "r"): scalars.append("\r")
                    case UInt8(ascii: "b"): scalars.append("\u{8}")
                    case UInt8(ascii: "f"): scalars.append("\u{C}")
                    case UInt8(ascii: "u"):
                        let end = min(index + 4, bytes.count)
                        let hex = String(decoding: bytes[index..<end], as: UTF8.self)
                        index = end
                        if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
                    default: scalars.append(Unicode.Scalar(escaped))
                    }
                    continue
                }
                raw.append(bytes[index])
                index += 1
            }
            flush()
            index += 1
            return String(scalars)
        }
    }
}
