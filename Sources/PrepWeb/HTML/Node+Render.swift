extension Node {
    /// The node as an HTML string; text and attribute values are escaped here and only here.
    public func render() -> String {
        var out = ""
        out.reserveCapacity(4096)
        write(into: &out)
        return out
    }

    /// A whole page: the doctype, then the node (expected to be `<html>`).
    public func renderDocument() -> String {
        "<!DOCTYPE html>\n" + render()
    }

    private func write(into out: inout String) {
        switch kind {
        case let .text(text):
            out += HTMLEscape.text(text)
        case let .raw(html):
            out += html
        case let .group(nodes):
            for node in nodes { node.write(into: &out) }
        case let .void(name, attributes):
            out += "<" + name
            Self.write(attributes, into: &out)
            out += ">"
        case let .element(name, attributes, children):
            out += "<" + name
            Self.write(attributes, into: &out)
            out += ">"
            for child in children { child.write(into: &out) }
            out += "</" + name + ">"
        }
    }

    private static func write(_ attributes: [Attribute], into out: inout String) {
        for attribute in attributes {
            out += " " + attribute.name
            if let value = attribute.value {
                out += "=\"" + HTMLEscape.attribute(value) + "\""
            }
        }
    }
}

public enum HTMLEscape {
    public static func text(_ s: String) -> String {
        guard s.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(ch)
            }
        }
        return out
    }

    public static func attribute(_ s: String) -> String {
        guard s.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "'" }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
