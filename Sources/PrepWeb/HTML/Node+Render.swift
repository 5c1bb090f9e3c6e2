import PrepCore

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
