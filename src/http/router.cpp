#include "http/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace cocreate::http {

namespace {

std::vector<std::string> split_path(std::string_view path) {
    std::vector<std::string> out;
    size_t start = 1;
    if (path.empty() || path.front() != '/') return out;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const auto end = slash == std::string_view::npos ? path.size() : slash;
        out.emplace_back(path.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

bool is_placeholder(const std::string& seg) { return seg.size() > 2 && seg.front() == '{' && seg.back() == '}'; }

}  // namespace

void Router::add(std::string method, std::string path_template, Handler handler, RouteOptions options) {
    for (const auto& r : routes_)
        if (r.method == method && r.path_template == path_template)
            throw std::logic_error("duplicate route " + method + " " + path_template);
    Route r{std::move(method), path_template, split_path(path_template), std::move(handler), options, routes_.size()};
    routes_.push_back(std::move(r));
}

RouteMatch Router::match(std::string_view method, std::string_view path) const {
    RouteMatch result;
    const auto segments = split_path(path);
    const std::string_view wanted = method == "HEAD" ? std::string_view("GET") : method;
    for (const auto& r : routes_) {
        if (r.segments.size() != segments.size()) continue;
        std::map<std::string, std::string, std::less<>> params;
        bool ok = true;
        for (size_t i = 0; i < segments.size() && ok; ++i) {
            if (is_placeholder(r.segments[i])) {
                if (segments[i].empty()) ok = false;
                else params.emplace(r.segments[i].substr(1, r.segments[i].size() - 2), segments[i]);
            } else {
                ok = r.segments[i] == segments[i];
            }
        }
        if (!ok) continue;
        if (std::find(result.allowed.begin(), result.allowed.end(), r.method) == result.allowed.end())
            result.allowed.push_back(r.method);
        if (r.method == wanted && !result.route) {
            result.route = &r;
            result.params = std::move(params);
        }
    }
    if (std::find(result.allowed.begin(), result.allowed.end(), "GET") != result.allowed.end())
        result.allowed.push_back("HEAD");
    return result;
}

}  // namespace cocreate::http
