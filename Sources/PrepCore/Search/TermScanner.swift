/// Walks a text's terms one at a time, leaving each folded term in `bytes[0..<count]`.
///
/// A struct with a cursor rather than a callback: closures that mutate captured state made
/// Swift check exclusive access at run time on every word, which cost more than the
/// tokenizing itself.
struct TermScanner {
    private let text: [UInt8]
    private var position = 0
    private(set) var bytes: [UInt8] = []
    private(set) var count = 0

    init(_ text: String) {
        self.text = Array(text.utf8)
        bytes.reserveCapacity(64)
    }

    var term: String { String(decoding: bytes[0..<count], as: UTF8.self) }

    /// Moves to the next term; false at the end of the text.
    mutating func next() -> Bool {
        bytes.removeAll(keepingCapacity: true)
        let end = text.count
        while position < end {
            let byte = text[position]
            if byte < 0x80 {
                position += 1
                switch byte {
                case 0x41...0x5A: bytes.append(byte | 0x20)
                case 0x61...0x7A, 0x30...0x39: bytes.append(byte)
                default: if !bytes.isEmpty { return finish() }
                }
                continue
            }
            let (scalar, width) = Tokenizer.decode(text, at: position)
            if let scalar, scalar.properties.isAlphabetic {
                position += width
                bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                position += width
                if !bytes.isEmpty { return finish() }
            }
        }
        return bytes.isEmpty ? false : finish()
    }

    private mutating func finish() -> Bool {
        count = Tokenizer.foldedLength(bytes, count: bytes.count)
        return true
    }
}
