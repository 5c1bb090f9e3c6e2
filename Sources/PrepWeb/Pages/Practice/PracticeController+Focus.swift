import Foundation
import PrepApp
import PrepCore
import Vapor

/// Focused practice (issue #13): `/practice?skill=…`, `?q=…`, `?task=…` or `?item=…` practises
/// that set only; the forms carry the focus back in a `focus` field, so a grade, a check or an
/// undo stays in the set.
extension PracticeController {
    /// The focus a request names: in its query, or (for a form) in `encoded`, the query string
    /// the page put in its `focus` field.
    static func focus(_ req: Request, encoded: String? = nil) throws -> PracticeFocus? {
        var posted: [String: String] = [:]
        if let encoded, let items = URLComponents(string: "/?" + encoded)?.queryItems {
            for item in items where posted[item.name] == nil { posted[item.name] = item.value }
        }
        func value(_ name: String) -> String? {
            let raw = encoded == nil ? req.query[String.self, at: name] : posted[name]
            let text = raw?.trimmingCharacters(in: .whitespaces)
            return text?.isEmpty == false ? text : nil
        }
        return try PracticeFocus.read(value) {
            let filters = QuestionsController.Filters(value, catalog: req.prep.catalog)
            var errors = filters.errors
            errors["page"] = nil
            guard errors.isEmpty else {
                // Said in the detail too: the HTML error page shows the detail, not the field list.
                let said = errors.sorted { $0.key < $1.key }.map(\.value).joined(separator: " ")
                throw ValidationFailure(fields: errors, detail: "The set to practise is not one the question list knows: \(said)")
            }
            return filters.query
        }
    }

    /// The focus as the query string the forms carry.
    static func encoded(_ focus: PracticeFocus?) -> String? {
        guard let focus else { return nil }
        var components = URLComponents()
        components.queryItems = focus.queryItems.map { URLQueryItem(name: $0.0, value: $0.1) }
        return components.percentEncodedQuery
    }

    /// The practice page for `focus`, with `flash`.
    static func practiceLink(_ focus: PracticeFocus?, _ flash: Flash? = nil) -> String {
        SiteURL.practice.link(flash, query: focus?.queryItems ?? [])
    }
}
