import Foundation

/// Numbers as an answer writes them: "403", "1,736", "1.7K", "2.5M", "80%" (issue #13, bug 4:
/// "400 GPUs" did not match "403" and "1.7K" did not match "1,736").
public enum AnswerNumbers {
    public struct Found: Sendable, Equatable {
        /// As written, for showing why a point matched.
        public var text: String
        public var value: Double
    }

    /// How close two numbers must be to count as the same estimate: 5 %, the precision of
    /// back-of-envelope arithmetic in an interview.
    public static let tolerance = 0.05

    public static func extract(_ text: String) -> [Found] {
        var found: [Found] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func isDigit(_ index: Int) -> Bool { index < scalars.count && ("0"..."9").contains(scalars[index]) }
        while i < scalars.count {
            // A number starts at a digit not glued to a word before it ("k8s", "h100" are names).
            guard isDigit(i), i == 0 || !(scalars[i - 1].properties.isAlphabetic || scalars[i - 1] == "." || isDigit(i - 1)) else {
                i += 1
                continue
            }
            var j = i
            var digits = ""
            while j < scalars.count {
                if isDigit(j) {
                    digits.unicodeScalars.append(scalars[j])
                } else if scalars[j] == ",", isDigit(j + 1), isDigit(j + 2), isDigit(j + 3), !isDigit(j + 4) {
                    // A thousands separator: exactly three digits follow.
                } else if scalars[j] == ".", isDigit(j + 1), !digits.contains(".") {
                    digits.append(".")
                } else {
                    break
                }
                j += 1
            }
            var value = Double(digits) ?? 0
            var end = j
            if j < scalars.count, let scale = ["k": 1e3, "K": 1e3, "M": 1e6, "b": 1e9, "B": 1e9, "T": 1e12][String(scalars[j])],
                j + 1 >= scalars.count || !scalars[j + 1].properties.isAlphabetic
            {
                value *= scale
                end = j + 1
            }
            // "k8s"-like names continue with letters and digits: not a number.
            if end < scalars.count, scalars[end].properties.isAlphabetic, isDigit(end + 1) {
                i = end
                continue
            }
            found.append(Found(text: String(String.UnicodeScalarView(scalars[i..<end])), value: value))
            i = end
        }
        return found
    }

    /// Whether `a` and `b` are the same figure within the tolerance.
    public static func close(_ a: Double, _ b: Double) -> Bool {
        if a == b { return true }
        let scale = max(abs(a), abs(b))
        return scale > 0 && abs(a - b) / scale <= tolerance
    }
}
