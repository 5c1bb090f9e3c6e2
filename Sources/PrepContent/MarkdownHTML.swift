import Ink
import PrepCore

/// Markdown bodies to HTML. Links between items (`item:ID`) become links to their pages.
public enum MarkdownHTML {
    public static func render(_ markdown: String, itemPath: (String) -> String = { SiteURL.question($0).path }) -> String {
        var text = markdown
        if text.contains("](item:") {
            text = text.replacing(#/\]\(item:([a-z0-9-]+)\)/#) { match in "](\(itemPath(String(match.1))))" }
        }
        return focusableCodeBlocks(MarkdownParser().html(from: text))
    }

    /// A code block scrolls sideways when its lines are long; keyboard users scroll it only
    /// if it can take focus (axe-core's scrollable-region-focusable, WCAG 2.1.1).
    static func focusableCodeBlocks(_ html: String) -> String {
        html.contains("<pre>") ? html.replacingOccurrences(of: "<pre>", with: "<pre tabindex=\"0\">") : html
    }
}

extension MarkdownHTML {
    /// Markdown a person wrote (lab notes): raw HTML is shown as text, never run, so a note
    /// pasted from a terminal cannot inject markup. Code spans and fences are left to Ink,
    /// which escapes them itself; `HTMLAllowlist` then keeps only harmless tags.
    public static func renderUserText(_ markdown: String) -> String {
        var out = ""
        var inFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            if inFence || trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") || line.hasPrefix("    ") || line.hasPrefix("\t") {
                out += line
            } else {
                var inCode = false
                for character in line {
                    if character == "`" { inCode.toggle() }
                    // `<` starts every tag; escaped, no markup can form (`>` alone is harmless).
                    if character == "<", !inCode { out += "&lt;" } else { out.append(character) }
                }
            }
            out += "\n"
        }
        // The allowlist is the guard; escaping `<` first only keeps typed markup readable.
        return focusableCodeBlocks(HTMLAllowlist.clean(MarkdownParser().html(from: out)))
    }
}
