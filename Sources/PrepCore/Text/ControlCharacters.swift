/// Control characters a person cannot have meant in stored text: a NUL cut the text short
/// where it was read back (issue #12), and others turn invisible or break terminals. Line
/// breaks and tabs are text.
public enum ControlCharacters {
    /// The first one in `text` as U+XXXX, or nil when there is none.
    public static func first(in text: String) -> String? {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let control = value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value)
            if control, scalar != "\n", scalar != "\r", scalar != "\t" {
                let hex = String(value, radix: 16, uppercase: true)
                return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
        }
        return nil
    }
}
