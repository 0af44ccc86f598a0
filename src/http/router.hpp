#pragma once
// Method + path-template routing ("/api/v1/spaces/{id}"), the one table of what the server
// answers. Matching is by literal segments and {name} placeholders; a path that exists with
// another method answers 405 with Allow.

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.hpp"

namespace cocreate::http {

enum class Access {
    kPublic,    // anyone, signed in or not
    kSignedIn,  // 401 without a valid session or token
};

struct RouteOptions {
    Access access = Access::kSignedIn;
    size_t body_limit = 1 << 20;  // bytes
    bool blocking = true;         // false: cheap enough to run on the network thread
    bool raw_body = false;        // the body is a file of any type, not JSON (the handler checks it)
};

using Handler = std::function<Response(RequestContext&)>;

struct Route {
    std::string method;
    std::string path_template;
    std::vector<std::string> segments;
    Handler handler;
    RouteOptions options;
    size_t index = 0;  // position in the table, used by metrics
};

struct RouteMatch {
    const Route* route = nullptr;                       // null: no route for this method
    std::map<std::string, std::string, std::less<>> params;
    std::vector<std::string> allowed;                   // methods the path has (for 405)
};

class Router {
public:
    // Registers a route. Throws std::logic_error on a duplicate method + template.
    void add(std::string method, std::string path_template, Handler handler, RouteOptions options = {});
    // Finds the route for `method` and the decoded `path`. HEAD matches GET routes.
    RouteMatch match(std::string_view method, std::string_view path) const;
    const std::vector<Route>& routes() const { return routes_; }

private:
    std::vector<Route> routes_;
};

}  // namespace cocreate::http
