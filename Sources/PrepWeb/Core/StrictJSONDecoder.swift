import Foundation
import PrepCore
import Vapor

/// The API's JSON decoder, refusing a body that gives one key twice: decoders keep one of the
/// two without a word, so the server would act on a value its client may not have meant.
struct StrictJSONDecoder: ContentDecoder {
    let base: JSONDecoder

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try decode(D.self, from: body, headers: headers, userInfo: [:])
    }

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders, userInfo: [CodingUserInfoKey: any Sendable]) throws -> D {
        if let key = JSONDuplicateKeys.first(in: body.readableBytesView) {
            throw ValidationFailure(fields: [key: "'\(key)' is given twice in the JSON body; send each field once."], detail: "The JSON body repeats a key.")
        }
        return try base.decode(D.self, from: body, headers: headers, userInfo: userInfo)
    }
}
