// The router and api/openapi.yaml must agree on which routes exist.
#include <gtest/gtest.h>
#include <sodium.h>

#include <set>
#include <sstream>

#include "app/app.hpp"
#include "app/contract.hpp"

namespace cocreate::app {
namespace {

// "METHOD /path" for every operation under `paths:` (plain YAML layout: two-space path keys,
// four-space method keys).
std::set<std::string> contract_operations(std::string_view yaml) {
    std::set<std::string> ops;
    std::istringstream in{std::string(yaml)};
    std::string line, path;
    bool in_paths = false;
    for (; std::getline(in, line);) {
        if (line.rfind("paths:", 0) == 0) { in_paths = true; continue; }
        if (in_paths && !line.empty() && line[0] != ' ' && line[0] != '#') in_paths = false;
        if (!in_paths) continue;
        if (line.size() > 3 && line.rfind("  /", 0) == 0 && line.back() == ':') {
            path = line.substr(2, line.size() - 3);
            if (path.size() > 1 && path.front() == '\'') path = path.substr(1, path.size() - 2);
            continue;
        }
        for (const char* m : {"get", "post", "put", "patch", "delete"}) {
            if (line == std::string("    ") + m + ":") {
                std::string upper(m);
                for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                ops.insert(upper + " " + path);
            }
        }
    }
    return ops;
}

TEST(Contract, RouterAndOpenApiAgree) {
    ASSERT_GE(sodium_init(), 0);
    Config config;
    config.database = "sqlite::memory:";
    config.web_root = "";
    App app(config);
    std::set<std::string> routed;
    for (const auto& r : app.dispatcher().router().routes()) routed.insert(r.method + " " + r.path_template);
    const auto documented = contract_operations(openapi_contract());
    ASSERT_FALSE(documented.empty());
    for (const auto& op : routed) EXPECT_TRUE(documented.contains(op)) << op << " is routed but not in api/openapi.yaml";
    for (const auto& op : documented) EXPECT_TRUE(routed.contains(op)) << op << " is in api/openapi.yaml but not routed";
}

}  // namespace
}  // namespace cocreate::app
