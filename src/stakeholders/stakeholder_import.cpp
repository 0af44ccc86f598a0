#include "stakeholders/stakeholder_import.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <unordered_map>

#include "auth/permissions.hpp"
#include "core/csv.hpp"
#include "core/json_input.hpp"
#include "events/event_log.hpp"
#include "stakeholders/stakeholder.hpp"
#include "stakeholders/stakeholder_repository.hpp"

namespace cocreate::stakeholders {

using core::Error;
using core::fail;
namespace repo = stakeholder_repository;

namespace {

// Header words people use for a field, besides the field's own name.
const std::map<std::string, std::string>& synonyms() {
    static const std::map<std::string, std::string> words = {
        {"e-mail", "email"},      {"mail", "email"},          {"email address", "email"},
        {"company", "organisation"}, {"organization", "organisation"}, {"employer", "organisation"},
        {"job title", "title"},   {"position", "title"},      {"website", "domain"},
        {"country", "region"},    {"sector", "industry"},     {"full name", "name"},
        {"labels", "tags"},       {"category", "kind"}};
    return words;
}

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

bool has_control(std::string_view s, bool allow_newlines) {
    return std::any_of(s.begin(), s.end(), [&](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u == 0 || (u < 0x20 && !(allow_newlines && (c == '\n' || c == '\r' || c == '\t')));
    });
}

size_t length(std::string_view s) {
    return static_cast<size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool valid_domain(const std::string& d) {
    if (d.size() < 3 || d.size() > 253 || d.find('.') == std::string::npos || d.front() == '.' || d.back() == '.')
        return false;
    return std::all_of(d.begin(), d.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    });
}

// "https://www.example.com/about" → "example.com": people paste web addresses.
std::string domain_of(std::string v) {
    v = core::ascii_lower(v);
    for (std::string_view p : {"https://", "http://"})
        if (v.starts_with(p)) v.erase(0, p.size());
    if (const auto slash = v.find('/'); slash != std::string::npos) v.erase(slash);
    if (v.starts_with("www.")) v.erase(0, 4);
    return v;
}

struct Row {
    size_t line = 0;
    Stakeholder x;
    std::string organisation;  // for people: the organisation's name
    std::string title;
    bool duplicate = false;
};

struct Analysis {
    std::vector<std::string> columns;
    std::map<std::string, std::string> mapping;
    std::vector<Row> rows;
    std::vector<ImportIssue> errors;
    std::vector<ImportDuplicate> duplicates;
    std::vector<std::pair<size_t, std::vector<std::string>>> sample;
    std::unordered_map<std::string, int64_t> existing_organisations;  // sort name → id
};

core::Result<Analysis> analyse(soci::session& s, const ImportRequest& req) {
    auto records = core::parse_csv(req.csv, kMaxImportRows + 1);
    if (!records) return fail(records.error());
    if (records->empty()) return fail(Error::unprocessable("csv", "is empty; the first line must name the columns"));
    if (records->size() > kMaxImportRows + 1)
        return fail(Error::unprocessable("csv", "has more than " + std::to_string(kMaxImportRows) + " rows"));
    Analysis a;
    for (const auto& h : records->front().fields) a.columns.push_back(trim(h));

    std::map<std::string, size_t> column_of;  // field → column index
    if (req.mapping) {
        for (const auto& [field, header] : *req.mapping) {
            const auto it = std::find(a.columns.begin(), a.columns.end(), header);
            if (it == a.columns.end())
                return fail(Error::unprocessable("mapping." + field, "names no column of the file"));
            column_of[field] = static_cast<size_t>(it - a.columns.begin());
        }
    } else {
        for (size_t i = 0; i < a.columns.size(); ++i) {
            auto word = core::ascii_lower(a.columns[i]);
            if (auto syn = synonyms().find(word); syn != synonyms().end()) word = syn->second;
            if (std::find(kImportFields.begin(), kImportFields.end(), word) != kImportFields.end() &&
                !column_of.contains(word))
                column_of[word] = i;
        }
    }
    for (const auto& [field, index] : column_of) a.mapping[field] = a.columns[index];
    if (!column_of.contains("name"))
        return fail(Error::unprocessable("mapping.name", "map a column to name; every row needs one"));

    // What is already in the registry, keyed the ways duplicates are found.
    std::unordered_map<std::string, const repo::ExistingKey*> by_email, by_domain, by_name;
    const auto existing = repo::existing_keys(s);
    for (const auto& k : existing) {
        if (!k.email.empty()) by_email.emplace(k.email, &k);
        if (!k.domain.empty()) by_domain.emplace(k.domain, &k);
        by_name.emplace(k.type + '\n' + k.sort_name, &k);
        if (k.type == "organisation") a.existing_organisations.emplace(k.sort_name, k.id);
    }
    std::unordered_map<std::string, size_t> file_emails, file_domains, file_names;

    for (size_t r = 1; r < records->size(); ++r) {
        const auto& rec = (*records)[r];
        auto cell = [&](std::string_view field) -> std::string {
            const auto it = column_of.find(std::string(field));
            if (it == column_of.end() || it->second >= rec.fields.size()) return {};
            return trim(rec.fields[it->second]);
        };
        auto issue = [&](std::string field, std::string detail) {
            a.errors.push_back({rec.line, std::move(field), std::move(detail)});
        };
        const size_t errors_before = a.errors.size();
        Row row;
        row.line = rec.line;
        auto& x = row.x;
        x.name = cell("name");
        if (x.name.empty()) issue("name", "is required");
        else if (length(x.name) > 200) issue("name", "must be at most 200 characters");
        for (std::string_view f : {"name", "industry", "region", "organisation", "title", "email", "domain"})
            if (has_control(cell(f), false)) issue(std::string(f), "must not contain control characters");
        x.email = cell("email").empty() ? std::nullopt : std::optional<std::string>(core::ascii_lower(cell("email")));
        if (x.email && !core::looks_like_email(*x.email)) issue("email", "is not an e-mail address");
        const auto type = cell("type");
        if (!type.empty()) {
            const auto t = core::ascii_lower(type);
            if (std::find(kTypes.begin(), kTypes.end(), t) == kTypes.end()) issue("type", "must be organisation or person");
            x.type = t;
        } else {
            x.type = x.email ? "person" : "organisation";
        }
        const auto kind = core::ascii_lower(cell("kind"));
        x.kind = kind.empty() ? "customer" : kind;
        if (std::find(kKinds.begin(), kKinds.end(), x.kind) == kKinds.end())
            issue("kind", "must be one of the stakeholder kinds, e.g. customer, partner, supplier");
        if (const auto d = cell("domain"); !d.empty()) {
            x.domain = domain_of(d);
            if (!valid_domain(*x.domain)) issue("domain", "is not a domain name such as example.com");
        }
        x.industry = cell("industry");
        x.region = cell("region");
        if (length(x.industry) > 100) issue("industry", "must be at most 100 characters");
        if (length(x.region) > 100) issue("region", "must be at most 100 characters");
        if (const auto size = core::ascii_lower(cell("size")); !size.empty()) {
            if (std::find(kSizes.begin(), kSizes.end(), size) == kSizes.end())
                issue("size", "must be micro, small, medium, large or enterprise");
            x.size = size;
        }
        if (const auto tags = cell("tags"); !tags.empty()) {
            size_t start = 0;
            while (start <= tags.size()) {
                const auto semi = tags.find(';', start);
                const auto tag = core::ascii_lower(trim(std::string_view(tags).substr(
                    start, (semi == std::string::npos ? tags.size() : semi) - start)));
                if (!tag.empty() && std::find(x.tags.begin(), x.tags.end(), tag) == x.tags.end()) x.tags.push_back(tag);
                if (length(tag) > 40) issue("tags", "each tag must be at most 40 characters");
                if (semi == std::string::npos) break;
                start = semi + 1;
            }
            if (x.tags.size() > 20) issue("tags", "must have at most 20 tags");
            std::sort(x.tags.begin(), x.tags.end());
        }
        if (const auto internal = core::ascii_lower(cell("internal")); !internal.empty()) {
            if (internal == "true" || internal == "yes" || internal == "1") x.internal = true;
            else if (internal == "false" || internal == "no" || internal == "0") x.internal = false;
            else issue("internal", "must be true or false");
        }
        if (const auto level = core::ascii_lower(cell("level")); !level.empty()) {
            if (level_rank(level) < 0) issue("level", "must be a step of the ladder, e.g. aware, interested, engaged");
            x.level = level;
        }
        x.notes = cell("notes");
        if (length(x.notes) > 20000) issue("notes", "must be at most 20000 characters");
        row.organisation = cell("organisation");
        row.title = cell("title");
        if (length(row.organisation) > 200) issue("organisation", "must be at most 200 characters");
        if (length(row.title) > 200) issue("title", "must be at most 200 characters");
        if (!row.organisation.empty() && x.type != "person") issue("organisation", "applies to people only");

        // The same person or organisation twice in one file is a mistake, not a duplicate.
        auto once = [&](std::unordered_map<std::string, size_t>& seen, const std::string& key, const char* field) {
            if (key.empty()) return;
            auto [it, fresh] = seen.emplace(key, rec.line);
            if (!fresh) issue(field, "repeats line " + std::to_string(it->second));
        };
        if (x.email) once(file_emails, *x.email, "email");
        if (x.domain && x.type == "organisation") once(file_domains, *x.domain, "domain");
        if (!x.email) once(file_names, x.type + '\n' + core::ascii_lower(x.name), "name");

        if (a.errors.size() == errors_before) {
            const repo::ExistingKey* match = nullptr;
            std::string how;
            if (x.email) if (auto it = by_email.find(*x.email); it != by_email.end()) { match = it->second; how = "email"; }
            if (!match && x.domain && x.type == "organisation")
                if (auto it = by_domain.find(*x.domain); it != by_domain.end()) { match = it->second; how = "domain"; }
            if (!match)
                if (auto it = by_name.find(x.type + '\n' + core::ascii_lower(x.name)); it != by_name.end()) {
                    match = it->second;
                    how = "name";
                }
            if (match) {
                row.duplicate = true;
                a.duplicates.push_back({rec.line, how, match->id, match->name});
            }
        }
        if (a.sample.size() < 20) a.sample.emplace_back(rec.line, rec.fields);
        a.rows.push_back(std::move(row));
    }
    // People name their organisation: one already in the registry, or one in this file.
    std::unordered_map<std::string, bool> file_organisations;
    for (const auto& row : a.rows)
        if (row.x.type == "organisation") file_organisations.emplace(core::ascii_lower(row.x.name), true);
    for (const auto& row : a.rows) {
        if (row.organisation.empty()) continue;
        const auto key = core::ascii_lower(row.organisation);
        if (!a.existing_organisations.contains(key) && !file_organisations.contains(key))
            a.errors.push_back({row.line, "organisation", "names no organisation in the registry or in this file"});
    }
    std::stable_sort(a.errors.begin(), a.errors.end(),
                     [](const ImportIssue& l, const ImportIssue& r) { return l.line < r.line; });
    return a;
}

}  // namespace

StakeholderImport::StakeholderImport(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

core::Result<ImportPreview> StakeholderImport::preview(const auth::Principal& p, const ImportRequest& r) {
    if (auto ok = auth::authorize(p, auth::Action::kImportStakeholders); !ok) return fail(ok.error());
    return db_.read([&](soci::session& s) -> core::Result<ImportPreview> {
        auto a = analyse(s, r);
        if (!a) return fail(a.error());
        ImportPreview out;
        out.columns = std::move(a->columns);
        out.mapping = std::move(a->mapping);
        out.total_rows = a->rows.size();
        std::vector<size_t> bad_lines;
        for (const auto& e : a->errors) bad_lines.push_back(e.line);
        std::sort(bad_lines.begin(), bad_lines.end());
        bad_lines.erase(std::unique(bad_lines.begin(), bad_lines.end()), bad_lines.end());
        out.valid_rows = out.total_rows - bad_lines.size();
        out.errors = std::move(a->errors);
        out.duplicates = std::move(a->duplicates);
        out.sample = std::move(a->sample);
        return out;
    });
}

core::Result<ImportResult> StakeholderImport::commit(const auth::Principal& p, const ImportRequest& r) {
    if (auto ok = auth::authorize(p, auth::Action::kImportStakeholders); !ok) return fail(ok.error());
    return db_.write([&](soci::session& s) -> core::Result<ImportResult> {
        auto a = analyse(s, r);
        if (!a) return fail(a.error());
        if (!a->errors.empty()) {
            Error e{core::ErrorCode::kUnprocessable,
                    std::to_string(a->errors.size()) + " problems in the file; nothing was imported",
                    "rows[" + std::to_string(a->errors.front().line) + "]." + a->errors.front().field};
            for (const auto& i : a->errors)
                e.errors.push_back({"rows[" + std::to_string(i.line) + "]." + i.field, i.detail});
            return fail(std::move(e));
        }
        const auto now = core::format_time(clock_.now());
        repo::BulkInserter inserter(s, p.user_id, now);
        ImportResult result;
        auto organisations = a->existing_organisations;
        // Organisations first, so people in the same file can be affiliated to them.
        for (int pass = 0; pass < 2; ++pass) {
            for (auto& row : a->rows) {
                if ((row.x.type == "organisation") != (pass == 0)) continue;
                if (row.duplicate && r.on_duplicate == "skip") {
                    ++result.skipped;
                    continue;
                }
                const auto id = inserter.insert(row.x);
                ++result.created;
                if (row.x.type == "organisation") organisations.emplace(core::ascii_lower(row.x.name), id);
                // An organisation skipped as a duplicate under another name has no id here.
                if (auto org = organisations.find(core::ascii_lower(row.organisation)); org != organisations.end()) {
                    inserter.affiliate(id, org->second, row.title);
                    ++result.affiliations;
                }
            }
        }
        events::append(s,
                       {p.user_id, "stakeholder.imported", "stakeholder", std::nullopt, std::nullopt,
                        events::Visibility::kInternal,
                        {{"created", result.created}, {"skipped", result.skipped}, {"affiliations", result.affiliations}}},
                       now);
        return result;
    });
}

}  // namespace cocreate::stakeholders
