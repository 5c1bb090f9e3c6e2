/// A coding path the way a person points at a field: `skills[0].name`. Shared by the
/// content loader's YAML errors and the API's JSON errors.
public enum CodingPathText {
    public static func describe(_ keys: [any CodingKey]) -> String {
        keys.reduce(into: "") { out, key in
            if let index = key.intValue { out += "[\(index)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
        }
    }
}
