import ArgumentParser
import Foundation
import Logging
import PrepApp
import PrepContent
import PrepCore
import PrepStore

/// Markdown made readable in a terminal: emphasis and code marks become styling, links
/// show their address, code blocks are indented.
enum TerminalMarkdown {
    static func render(_ markdown: String, terminal: Terminal) -> String {
        var out: [String] = []
        var inCode = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = String(line)
            if text.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                inCode.toggle()
                continue
            }
            if inCode {
                out.append("    " + text)
                continue
            }
            if text.hasPrefix("#") {
                out.append(terminal.bold(text.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)))
                continue
            }
            out.append(inline(text, terminal: terminal))
        }
        return out.joined(separator: "\n")
    }

    static func inline(_ text: String, terminal: Terminal) -> String {
        var result = ""
        var rest = Substring(text)
        while let index = rest.firstIndex(where: { $0 == "*" || $0 == "`" || $0 == "[" }) {
            result += rest[..<index]
            let tail = rest[index...]
            if tail.hasPrefix("**"), let end = tail.dropFirst(2).range(of: "**") {
                result += terminal.bold(String(tail[tail.index(index, offsetBy: 2)..<end.lowerBound]))
                rest = tail[end.upperBound...]
            } else if tail.hasPrefix("`"), let end = tail.dropFirst().firstIndex(of: "`") {
                result += terminal.yellow(String(tail[tail.index(after: index)..<end]))
                rest = tail[tail.index(after: end)...]
            } else if tail.hasPrefix("["), let close = tail.firstIndex(of: "]"), tail[tail.index(after: close)...].hasPrefix("("),
                let paren = tail[close...].firstIndex(of: ")")
            {
                let label = tail[tail.index(after: index)..<close]
                let target = tail[tail.index(close, offsetBy: 2)..<paren]
                result += target.hasPrefix("item:") ? "\(label) [\(target.dropFirst(5))]" : "\(label) <\(target)>"
                rest = tail[tail.index(after: paren)...]
            } else {
                result.append(tail.first!)
                rest = tail.dropFirst()
            }
        }
        return result + rest
    }
}
