/// Control characters a person cannot have meant in stored text: a NUL cut the text short
/// where it was read back (issue #12), and others turn invisible or break terminals. Line
/// breaks and tabs are text.
public enum ControlCharacters {
    /// C0 (tab and line breaks included) and DEL: what iCalendar's TEXT may not hold.
    public static func isASCIIControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }

    /// The first one in `text` as U+XXXX, or nil when there is none (C1 counts too).
    public static func first(in text: String) -> String? {
        for scalar in text.unicodeScalars {
            let control = isASCIIControl(scalar) || (0x80...0x9F).contains(scalar.value)
            if control, scalar != "\n", scalar != "\r", scalar != "\t" {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
        }
        return nil
    }
}
