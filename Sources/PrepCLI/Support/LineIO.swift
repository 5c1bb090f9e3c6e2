import Foundation

/// Lines from a file or standard input through C stdio: a million review lines read with
/// `readLine()` per line were slower than the scheduler itself.
final class LineReader {
    private let file: UnsafeMutablePointer<FILE>
    private let owned: Bool
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0

    init?(path: String) {
        guard let file = fopen(path, "r") else { return nil }
        self.file = file
        owned = true
    }

    /// Standard input.
    init?() {
        guard let file = fdopen(STDIN_FILENO, "r") else { return nil }
        self.file = file
        owned = false
    }

    deinit {
        free(buffer)
        if owned { fclose(file) }
    }

    /// The next line without its newline; nil at the end.
    func next() -> String? {
        let count = getline(&buffer, &capacity, file)
        guard count >= 0, let buffer else { return nil }
        var length = count
        while length > 0, buffer[length - 1] == 0x0A || buffer[length - 1] == 0x0D { length -= 1 }
        return buffer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }
}

/// Standard output written in large blocks.
final class BufferedOutput {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 16) }

    func write(_ line: String) {
        bytes.append(contentsOf: line.utf8)
        bytes.append(0x0A)
        if bytes.count >= 1 << 16 { flush() }
    }

    /// Appends a line through `body`, which writes its bytes (without the newline).
    func writeLine(_ body: (inout [UInt8]) throws -> Bool) rethrows {
        if try body(&bytes) { bytes.append(0x0A) }
        if bytes.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !bytes.isEmpty else { return }
        FileHandle.standardOutput.write(Data(bytes))
        bytes.removeAll(keepingCapacity: true)
    }
}
