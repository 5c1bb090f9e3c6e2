import PrepCore
import Testing

@Suite struct FlatJSONTests {
    @Test func readsMembersEscapesAndNumbers() throws {
        let object = try FlatJSON.parseObject(#" {"card":"a\"b\\c\u00e9","rating":3,"x":-1.5e2,"t":true,"n":null,"card":"last"} "#)
        #expect(object["card"] == .string("last"), "a repeated key keeps its last value")
        #expect(object["rating"] == .number(3, text: "3"))
        #expect(object["x"] == .number(-150, text: "-1.5e2"))
        #expect(object["t"] == .bool(true) && object["n"] == .null && object["missing"] == nil)
        #expect(try FlatJSON.parseObject(#"{"s":"a\"b\\c\u00e9"}"#)["s"] == .string("a\"b\\cé"))
        #expect(try FlatJSON.parseObject("{}").members.isEmpty)
    }

    @Test func saysWhereALineIsWrong() {
        for (text, column) in [("[1]", 1), (#"{"a":1"#, 7), (#"{"a":[1]}"#, 6), (#"{"a":tru}"#, 6), (#"{"a":1} x"#, 9), (#"{"a":"x}"#, 9)] {
            #expect {
                _ = try FlatJSON.parseObject(text)
            } throws: { error in
                (error as? FlatJSON.ParseError)?.column == column
            }
        }
    }

    @Test func writesStringsAndNumbersAsJSON() {
        #expect(FlatJSON.quoted("plain") == #""plain""#)
        #expect(FlatJSON.quoted("a\"b\n\u{01}") == #""a\"b\n\u0001""#)
        #expect(FlatJSON.number(2.3065) == "2.3065" && FlatJSON.number(nil) == "null" && FlatJSON.number(.nan) == "null")
    }
}
