#pragma once
// The one error vocabulary of cocreate. Expected failures (bad input, missing objects,
// refused permissions) travel as values in Result<T>; only bugs and infrastructure
// failures throw. http/response.cpp turns an Error into RFC 9457 problem+json.

#include <expected>
#include <string>
#include <utility>
#include <vector>

namespace cocreate::core {

// Categories follow the well-known status vocabulary; each maps to one HTTP status.
enum class ErrorCode {
    kInvalidArgument,     // 400 malformed request (JSON syntax, unknown field, wrong type)
    kUnprocessable,       // 422 well-formed but invalid value (too long, bad enum, dangling reference)
    kUnauthenticated,     // 401
    kPermissionDenied,    // 403 (only where hiding the object is pointless)
    kNotFound,            // 404 (also for objects the caller may not see)
    kMethodNotAllowed,    // 405
    kAlreadyExists,       // 409
    kConflict,            // 409 concurrent modification / state conflict
    kFailedPrecondition,  // 412
    kPayloadTooLarge,     // 413
    kUnsupportedMediaType,// 415
    kResourceExhausted,   // 429
    kInternal,            // 500
    kUnavailable,         // 503
};

struct FieldError {
    std::string field;
    std::string detail;
};

// An error for the client. `detail` is client-safe text; nothing internal goes here.
// `reason` is an optional stable, more specific code ("invalid_credentials"); when empty
// the category's name is used.
struct Error {
    ErrorCode code = ErrorCode::kInternal;
    std::string detail;
    std::string field;
    std::string reason;
    std::vector<FieldError> errors;
    int retry_after_s = 0;  // for kResourceExhausted
    // A finer cause within `reason`, written as the problem's "reason" member (e.g. the
    // hostile-tone prompt is failed_precondition with cause "hostile_tone"); empty: none.
    std::string cause;

    static Error invalid(std::string field, std::string detail) {
        Error e{ErrorCode::kInvalidArgument, detail, field};
        e.errors.push_back({std::move(field), std::move(detail)});
        return e;
    }
    static Error unprocessable(std::string field, std::string detail) {
        Error e{ErrorCode::kUnprocessable, detail, field};
        e.errors.push_back({std::move(field), std::move(detail)});
        return e;
    }
    // 422 `failed_precondition`: a valid value the object's current state refuses.
    static Error failed_precondition(std::string field, std::string detail) {
        Error e{ErrorCode::kUnprocessable, detail, field, "failed_precondition"};
        e.errors.push_back({std::move(field), std::move(detail)});
        return e;
    }
    static Error not_found(std::string what = "not found") { return {ErrorCode::kNotFound, std::move(what)}; }
    static Error unauthenticated(std::string detail = "sign in first") {
        return {ErrorCode::kUnauthenticated, std::move(detail)};
    }
    static Error denied(std::string detail = "you may not do this") {
        return {ErrorCode::kPermissionDenied, std::move(detail)};
    }
    static Error conflict(std::string detail, std::string reason = {}) {
        return {ErrorCode::kConflict, std::move(detail), {}, std::move(reason)};
    }
    static Error exists(std::string field, std::string detail) {
        return {ErrorCode::kAlreadyExists, std::move(detail), std::move(field)};
    }
    Error&& with_reason(std::string r) && {
        reason = std::move(r);
        return std::move(*this);
    }
};

// HTTP status of a category.
int http_status(ErrorCode code) noexcept;
// snake_case name of a category, e.g. "invalid_argument".
const char* code_name(ErrorCode code) noexcept;

template <typename T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(Error e) { return std::unexpected<Error>(std::move(e)); }

}  // namespace cocreate::core
