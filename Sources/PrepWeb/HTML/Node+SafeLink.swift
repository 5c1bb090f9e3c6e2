import PrepContent

/// A link to an address that content supplied (a source, a datasheet, a next step): only web
/// addresses, mail and paths of this site become links, checked as `HTMLAllowlist` checks a
/// note's links; anything else (`javascript:`) is shown as the link's text alone.
func safeLink(to url: String, _ attributes: Attribute..., text: String) -> Node {
    guard HTMLAllowlist.safeURL(url) != nil else { return .text(text) }
    return el("a", attributes: [.href(url)] + attributes, children: [.text(text)])
}
