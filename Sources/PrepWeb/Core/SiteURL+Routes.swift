import PrepCore
import Vapor

extension SiteURL {
    /// The route pattern: a `:name` segment is a parameter.
    var pathComponents: [PathComponent] {
        segments.map { $0.hasPrefix(":") ? .parameter(String($0.dropFirst())) : .constant($0) }
    }
}

extension RoutesBuilder {
    @discardableResult
    func get<R: AsyncResponseEncodable>(_ url: SiteURL, use closure: @Sendable @escaping (Request) async throws -> R) -> Route {
        on(.GET, url.pathComponents, use: closure)
    }

    @discardableResult
    func post<R: AsyncResponseEncodable>(_ url: SiteURL, use closure: @Sendable @escaping (Request) async throws -> R) -> Route {
        on(.POST, url.pathComponents, use: closure)
    }

    @discardableResult
    func put<R: AsyncResponseEncodable>(_ url: SiteURL, use closure: @Sendable @escaping (Request) async throws -> R) -> Route {
        on(.PUT, url.pathComponents, use: closure)
    }

    @discardableResult
    func patch<R: AsyncResponseEncodable>(_ url: SiteURL, use closure: @Sendable @escaping (Request) async throws -> R) -> Route {
        on(.PATCH, url.pathComponents, use: closure)
    }

    @discardableResult
    func delete<R: AsyncResponseEncodable>(_ url: SiteURL, use closure: @Sendable @escaping (Request) async throws -> R) -> Route {
        on(.DELETE, url.pathComponents, use: closure)
    }
}

extension Request {
    /// A see-other redirect after a form (POST, redirect, GET), with what the page should say.
    func redirect(to url: SiteURL, _ flash: Flash? = nil, fragment: String? = nil) -> Response {
        redirect(to: url.link(flash, fragment: fragment), redirectType: .normal)
    }

    /// The flash a redirect left in this request's query, if any.
    var flash: Flash? {
        Flash.read { name in try? query.get(String.self, at: name) }
    }
}
