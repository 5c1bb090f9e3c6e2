/// A piece of HTML: an element, escaped text, trusted raw markup, or a group of nodes.
///
/// One concrete type for every node keeps page code fast to type-check and lets SVG
/// (for charts) be written with the same calls as HTML.
public struct Node: Sendable, Equatable {
    indirect enum Kind: Sendable, Equatable {
        case element(name: String, attributes: [Attribute], children: [Node])
        case void(name: String, attributes: [Attribute])
        case text(String)
        case raw(String)
        case group([Node])
    }

    let kind: Kind

    public static func text(_ text: String) -> Node { Node(kind: .text(text)) }
    /// Markup that is already safe HTML (rendered Markdown, inline SVG from our own code).
    public static func raw(_ html: String) -> Node { Node(kind: .raw(html)) }
    public static func group(_ nodes: [Node]) -> Node { Node(kind: .group(nodes)) }
    public static let empty = Node(kind: .group([]))
}

/// An attribute; a nil value renders as a boolean attribute (`required`, `open`).
public struct Attribute: Sendable, Equatable {
    public let name: String
    public let value: String?

    public init(_ name: String, _ value: String?) {
        self.name = name
        self.value = value
    }

    public static func `class`(_ value: String) -> Attribute { .init("class", value) }
    public static func id(_ value: String) -> Attribute { .init("id", value) }
    public static func href(_ value: String) -> Attribute { .init("href", value) }
    public static func type(_ value: String) -> Attribute { .init("type", value) }
    public static func name(_ value: String) -> Attribute { .init("name", value) }
    public static func value(_ value: String) -> Attribute { .init("value", value) }
    public static func aria(_ name: String, _ value: String) -> Attribute { .init("aria-\(name)", value) }
    public static func data(_ name: String, _ value: String) -> Attribute { .init("data-\(name)", value) }
    public static func flag(_ name: String) -> Attribute { .init(name, nil) }
}

private let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]

/// Builds an element. Void elements (`input`, `meta`, …) ignore children.
public func el(_ name: String, _ attributes: Attribute..., @NodeBuilder children: () -> [Node] = { [] }) -> Node {
    el(name, attributes: attributes, children: children())
}

/// For attributes decided at run time (a `checked` or `open` that depends on state).
public func el(_ name: String, attributes: [Attribute], @NodeBuilder content: () -> [Node]) -> Node {
    el(name, attributes: attributes, children: content())
}

public func el(_ name: String, attributes: [Attribute], children: [Node] = []) -> Node {
    voidElements.contains(name)
        ? Node(kind: .void(name: name, attributes: attributes))
        : Node(kind: .element(name: name, attributes: attributes, children: children))
}

@resultBuilder
public enum NodeBuilder {
    public static func buildExpression(_ node: Node) -> [Node] { [node] }
    public static func buildExpression(_ text: String) -> [Node] { [.text(text)] }
    public static func buildExpression(_ nodes: [Node]) -> [Node] { nodes }
    public static func buildBlock(_ parts: [Node]...) -> [Node] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [Node]?) -> [Node] { part ?? [] }
    public static func buildEither(first: [Node]) -> [Node] { first }
    public static func buildEither(second: [Node]) -> [Node] { second }
    public static func buildArray(_ parts: [[Node]]) -> [Node] { parts.flatMap { $0 } }
}
