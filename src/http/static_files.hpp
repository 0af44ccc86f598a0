#pragma once
// Serves the built web app (web/dist): files are read once at start-up into memory, with
// the build's precompressed .br/.gz copies served to clients that accept them.
// Hashed assets under /assets/ are cached for a year (immutable); index.html is never
// cached, and any other GET path that is not an API path falls back to it (client routing).

#include <map>
#include <optional>
#include <string>

#include "http/request.hpp"

namespace cocreate::http {

class StaticFiles {
public:
    // Loads every regular file under `root`; an empty or missing root serves nothing.
    explicit StaticFiles(const std::string& root);
    // The response for `req`, or nullopt when this is not a web app path.
    std::optional<Response> serve(const Request& req) const;
    size_t file_count() const { return files_.size(); }

private:
    struct File {
        std::string content_type;
        std::string body;
        std::string gzip;    // precompressed copies written by the web build, if any
        std::string brotli;
    };
    static void fill(Response& r, const File& f, const Request& req);
    std::map<std::string, File, std::less<>> files_;  // "/assets/x.js" → file
};

// The MIME type for a file name's extension ("application/octet-stream" when unknown).
std::string mime_type_for(std::string_view path);

}  // namespace cocreate::http
