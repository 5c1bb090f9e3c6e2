/// A coding path the way a person points at a field: `skills[0].name`. Shared by the
/// content loader's YAML errors and the API's JSON errors.
public enum CodingPathText {
    /// `snakeCase`: name keys as the JSON spells them when the decoder converted them from
    /// snake_case (the API's style), so a message says `item_id`, not `itemId`.
    public static func describe(_ keys: [any CodingKey], snakeCase: Bool = false) -> String {
        keys.reduce(into: "") { out, key in
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += (out.isEmpty ? "" : ".") + (snakeCase ? Self.snakeCase(key.stringValue) : key.stringValue)
            }
        }
    }

    public static func snakeCase(_ name: String) -> String {
        name.reduce(into: "") { out, ch in
            if ch.isUppercase { out += (out.isEmpty ? "" : "_") + ch.lowercased() } else { out.append(ch) }
        }
    }
}
