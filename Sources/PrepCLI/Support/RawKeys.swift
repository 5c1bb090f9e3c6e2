import Foundation

/// Single key presses from standard input: raw mode on a terminal (no Enter needed, no
/// echo), plain bytes from a pipe (so a session can be scripted and tested).
final class RawKeys {
    private var saved = termios()
    private let isTTY: Bool
    private var raw = false

    init() {
        isTTY = isatty(STDIN_FILENO) == 1
    }

    /// Enters raw mode on a terminal; `restore()` must follow (it also runs on deinit).
    func start() {
        guard isTTY, !raw, tcgetattr(STDIN_FILENO, &saved) == 0 else { return }
        var settings = saved
        settings.c_lflag &= ~tcflag_t(ICANON | ECHO)
        settings.c_cc.6 = 1  // VMIN: one byte at a time
        settings.c_cc.5 = 0  // VTIME: no timeout
        if tcsetattr(STDIN_FILENO, TCSANOW, &settings) == 0 { raw = true }
    }

    func restore() {
        guard raw else { return }
        tcsetattr(STDIN_FILENO, TCSANOW, &saved)
        raw = false
    }

    deinit { restore() }

    /// The next key, nil at the end of input.
    func next() -> Character? {
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 1 { return Character(Unicode.Scalar(byte)) }
            if count < 0, errno == EINTR { continue }
            return nil
        }
    }

    /// A line typed normally (echo on), for a typed answer; ends at an empty line or Ctrl-D.
    func readParagraphs() -> String {
        let wasRaw = raw
        restore()
        defer { if wasRaw { start() } }
        // Byte by byte, as `next()` reads: stdio's readLine would buffer the keys typed after
        // the answer (from a pipe, all of them) where `next()` never sees them.
        var lines: [String] = []
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count < 0, errno == EINTR { continue }
            guard count == 1, byte != 0x04 else { break }
            if byte == UInt8(ascii: "\n") {
                let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
                if text.isEmpty { break }
                lines.append(text)
                line = []
            } else {
                line.append(byte)
            }
        }
        if !line.isEmpty { lines.append(String(decoding: line, as: UTF8.self)) }
        return lines.joined(separator: "\n")
    }
}
