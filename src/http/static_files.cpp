#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace cocreate::http {

namespace fs = std::filesystem;

std::string mime_type_for(std::string_view path) {
    static const std::map<std::string, std::string, std::less<>> kTypes = {
        {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
        {".json", "application/json"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
        {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"}, {".gif", "image/gif"}, {".webp", "image/webp"},
        {".ico", "image/x-icon"}, {".woff", "font/woff"}, {".woff2", "font/woff2"}, {".txt", "text/plain; charset=utf-8"},
        {".webmanifest", "application/manifest+json"}, {".map", "application/json"},
    };
    const auto dot = path.rfind('.');
    if (dot == std::string_view::npos) return "application/octet-stream";
    const auto it = kTypes.find(path.substr(dot));
    return it == kTypes.end() ? "application/octet-stream" : it->second;
}

StaticFiles::StaticFiles(const std::string& root) {
    std::error_code ec;
    if (root.empty() || !fs::is_directory(root, ec)) return;
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (!it->is_regular_file()) continue;
        std::ifstream in(it->path(), std::ios::binary);
        std::ostringstream body;
        body << in.rdbuf();
        const auto rel = "/" + fs::relative(it->path(), root).generic_string();
        files_.emplace(rel, File{mime_type_for(rel), body.str()});
    }
}

std::optional<Response> StaticFiles::serve(const Request& req) const {
    if (files_.empty() || req.path.starts_with("/api/") || req.path == "/api") return std::nullopt;
    Response r;
    auto it = files_.find(req.path);
    if (it != files_.end() && req.path != "/index.html") {
        r.content_type = it->second.content_type;
        r.body = it->second.body;
        r.set_header("Cache-Control", req.path.starts_with("/assets/") ? "public, max-age=31536000, immutable"
                                                                       : "public, max-age=300");
        return r;
    }
    // A missing file that looks like an asset is a real 404, not the app.
    if (req.path.starts_with("/assets/")) return std::nullopt;
    it = files_.find("/index.html");
    if (it == files_.end()) return std::nullopt;
    r.content_type = it->second.content_type;
    r.body = it->second.body;
    r.set_header("Cache-Control", "no-cache");
    return r;
}

}  // namespace cocreate::http
