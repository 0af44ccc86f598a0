#pragma once
// CSV import of stakeholders: a preview that writes nothing (columns, suggested mapping,
// every row problem with its line and field, duplicates of existing stakeholders), and a
// commit that imports every row or none.

#include <map>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "db/database.hpp"

namespace cocreate::stakeholders {

// The fields a column can be mapped to.
inline constexpr std::array<std::string_view, 14> kImportFields = {
    "name", "type", "kind", "email", "domain", "industry", "region", "size", "tags", "internal", "level",
    "organisation", "title", "notes"};
inline constexpr std::array<std::string_view, 2> kOnDuplicate = {"skip", "create"};
inline constexpr size_t kMaxImportRows = 200000;

struct ImportRequest {
    std::string csv;
    std::optional<std::map<std::string, std::string>> mapping;  // field → column header
    std::string on_duplicate = "skip";
};

struct ImportIssue {
    size_t line = 0;
    std::string field;
    std::string detail;
};
struct ImportDuplicate {
    size_t line = 0;
    std::string match;  // email, domain or name
    int64_t existing_id = 0;
    std::string existing_name;
};
struct ImportPreview {
    std::vector<std::string> columns;
    std::map<std::string, std::string> mapping;
    size_t total_rows = 0;
    size_t valid_rows = 0;
    std::vector<ImportIssue> errors;
    std::vector<ImportDuplicate> duplicates;
    std::vector<std::pair<size_t, std::vector<std::string>>> sample;
};
struct ImportResult {
    size_t created = 0;
    size_t skipped = 0;
    size_t affiliations = 0;
};

class StakeholderImport {
public:
    StakeholderImport(db::Database& db, const core::Clock& clock);
    core::Result<ImportPreview> preview(const auth::Principal& p, const ImportRequest& r);
    // 422 listing every row problem (fields "rows[LINE].FIELD") and nothing imported, or the counts.
    core::Result<ImportResult> commit(const auth::Principal& p, const ImportRequest& r);

private:
    db::Database& db_;
    const core::Clock& clock_;
};

}  // namespace cocreate::stakeholders
