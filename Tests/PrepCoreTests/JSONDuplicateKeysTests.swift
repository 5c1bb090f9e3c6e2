import PrepCore
import Testing

/// Issue #12, finding 6: `{"rating":1,"rating":4}` was decoded with one of the two.
@Suite struct JSONDuplicateKeysTests {
    @Test(arguments: [
        (#"{"rating":1,"rating":4}"#, "rating"),
        (#"{"a":{"b":1,"c":2,"b":3}}"#, "a.b"),
        (#"{"x":"y","\u0078":1}"#, "x"),
        (#"[{"a":1},{"a":2,"a":3}]"#, "a"),
        (#"{"s":"has \"quotes\", and {braces}","s":1}"#, "s"),
    ])
    func findsTheRepeatedKey(json: String, path: String) {
        #expect(JSONDuplicateKeys.first(in: Array(json.utf8)) == path)
    }

    @Test(arguments: [
        #"{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}"#,
        #"{"notes":"a, \"a\": 1"}"#,
        #"[1,2,"a","a"]"#,
        #""#,
        #"{"a":"\\","b":"\""}"#,
    ])
    func acceptsKeysRepeatedOnlyAcrossObjects(json: String) {
        #expect(JSONDuplicateKeys.first(in: Array(json.utf8)) == nil)
    }
}
