// `cocreate gen`, people: the generated company's users, then its stakeholders (organisations
// and the people affiliated to them) with their tags, account teams, relations, level history
// and needs.

#include "app/generator_model.hpp"

#include <fmt/format.h>

#include <set>
#include <string_view>

#include "auth/identity.hpp"
#include "auth/space_repository.hpp"
#include "auth/user_repository.hpp"
#include "core/json_input.hpp"

namespace cocreate::app::gen {

using soci::into;
using soci::use;

namespace {

constexpr const char* kInsertStakeholder =
    "INSERT INTO stakeholders (type, name, sort_name, kind, internal, gatekeeper_area, industry, region, size, "
    "email, domain, tags, notes, owner_id, level, level_rank, level_changed_at, created_by, created_at, updated_at) "
    "VALUES (:type, :name, :sort_name, :kind, :internal, :area, :industry, :region, :size, :email, :domain, "
    ":tags, :notes, :owner, :level, :rank, :changed, :created_by, :created_at, :updated_at) RETURNING id";

// The stakeholders row, organisation or person (see "prepared inserts" in generator_model.hpp).
struct StakeholderInsert {
    std::string type, name, sort_name, kind, area, industry, region, size, email, domain, tags, notes, level, changed, created;
    int internal = 0, rank = 0;
    long long owner = 0, id = 0;
    soci::indicator area_i = soci::i_null, size_i = soci::i_null, email_i = soci::i_null, domain_i = soci::i_null,
                    owner_i = soci::i_null;
    soci::statement st;
    explicit StakeholderInsert(soci::session& s)
        : st((s.prepare << kInsertStakeholder, use(type), use(name), use(sort_name), use(kind), use(internal),
              use(area, area_i), use(industry), use(region), use(size, size_i), use(email, email_i),
              use(domain, domain_i), use(tags), use(notes), use(owner, owner_i), use(level), use(rank), use(changed),
              use(owner, owner_i), use(created), use(created), into(id))) {}
    StakeholderInsert(const StakeholderInsert&) = delete;
    long long run() {
        st.execute(true);
        return id;
    }
};

std::string person_name(Dice& dice) { return fmt::format("{} {}", dice.pick(kFirstNames), dice.pick(kLastNames)); }

std::string email_local(std::string_view name) {
    std::string out;
    for (char c : core::ascii_lower(name)) out += c == ' ' ? '.' : c;
    return out;
}

std::string organisation_name(Dice& dice, std::set<std::string>& taken) {
    for (int attempt = 0;; ++attempt) {
        std::string name = fmt::format("{}{} {}", dice.pick(kBrandHeads), dice.pick(kBrandTails), dice.pick(kOrgNouns));
        if (dice.chance(0.7)) name += fmt::format(" {}", dice.pick(kLegalForms));
        if (attempt >= 5) name += fmt::format(" {}", attempt);
        if (taken.insert(name).second) return name;
    }
}

std::string domain_of(std::string_view name) {
    std::string out;
    for (char c : core::ascii_lower(name)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
        else if (c == ' ' && !out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out + ".example";
}

int8_t level_index(const char* level) {
    for (size_t i = 0; i < kLevels.size(); ++i)
        if (std::string_view(kLevels[i]) == level) return static_cast<int8_t>(i);
    return 0;
}

// Child rows written with each stakeholder: tags, affiliation, team, relation, level history, needs.
struct StakeholderChildren {
    RowInsert<Int, Text> tag;
    RowInsert<Int, Int, Text, Text, Text> affiliation;
    RowInsert<Int, Int, Text> team;
    RowInsert<Int, Int, Text, Text> relation;
    RowInsert<Int, Text, Text, Text, Int, Text> level;
    RowInsert<Int, Text, Text, Text, Text, Int, Text, Text> need;
    explicit StakeholderChildren(soci::session& s)
        : tag(s, "INSERT INTO stakeholder_tags (stakeholder_id, tag) VALUES (:s, :t)"),
          affiliation(s, "INSERT INTO affiliations (person_id, organisation_id, title, role, created_at) "
                         "VALUES (:p, :o, :t, :r, :c)"),
          team(s, "INSERT INTO stakeholder_team (stakeholder_id, user_id, role) VALUES (:s, :u, :r)"),
          relation(s, "INSERT INTO stakeholder_relations (from_id, to_id, kind, created_at) VALUES (:f, :t, :k, :c)"),
          level(s, "INSERT INTO stakeholder_levels (stakeholder_id, level, previous, note, recorded_by, recorded_at) "
                   "VALUES (:s, :l, :p, :n, :b, :a)"),
          need(s, "INSERT INTO stakeholder_needs (stakeholder_id, kind, title, detail, status, created_by, created_at, "
                  "updated_at) VALUES (:s, :k, :t, :d, :st, :b, :c, :u)") {}
};

// When each rung of the ladder up to `level` was reached: [0] is creation, back() the last change.
std::vector<int64_t> climb_times(Dice& dice, int64_t created_ms, int level, int64_t now_ms) {
    std::vector<int64_t> at{created_ms};
    for (int rung = 1; rung <= level; ++rung) {
        const int64_t room = std::max<int64_t>(1, (now_ms - at.back()) / (level - rung + 2) / kHourMs);
        at.push_back(at.back() + dice.between(1, room) * kHourMs);
    }
    return at;
}

std::optional<Int> owner_id(const Company& co, const StakeholderBrief& b) {
    return b.owner >= 0 ? std::optional<Int>(co.user(b.owner)) : std::nullopt;
}

void write_level_history(Company& co, StakeholderChildren& out, const StakeholderBrief& b,
                         const std::vector<int64_t>& at) {
    for (size_t rung = 0; rung < at.size(); ++rung) {
        const auto previous = rung ? std::optional<Text>(kLevels[rung - 1]) : std::nullopt;
        const bool last = rung > 0 && rung + 1 == at.size();
        out.level.run(b.id, Text(kLevels[rung]), previous, Text(last ? "Moved up after a workshop" : ""),
                      owner_id(co, b), stamp(at[rung]));
    }
    co.count("stakeholder_levels", std::ssize(at));
}

// 0..4 distinct tags, in sorted order (the set keeps them so).
std::set<std::string_view> draw_tags(Dice& dice) {
    std::set<std::string_view> tags;
    for (int64_t n = dice.between(0, 4); n > 0; --n) tags.insert(dice.pick(kTags));
    return tags;
}

std::string comma_joined(const std::set<std::string_view>& items) {
    std::string out;
    for (const auto& i : items) {
        if (!out.empty()) out += ',';
        out += i;
    }
    return out;
}

void write_tags(Company& co, StakeholderChildren& out, int64_t id, const std::set<std::string_view>& tags) {
    for (const auto& t : tags) out.tag.run(id, Text(t));
    co.count("stakeholder_tags", std::ssize(tags));
}

// An organisation's account team and, for some, a relation to an earlier organisation.
void write_organisation_links(Dice& dice, Company& co, StakeholderChildren& out, int64_t index) {
    const auto& b = co.stakeholders[static_cast<size_t>(index)];
    if (dice.chance(0.2)) {
        std::set<int32_t> members;
        for (int64_t n = dice.between(1, 2); n > 0; --n) members.insert(co.random_member(dice));
        members.erase(b.owner);
        for (auto m : members) out.team.run(b.id, co.user(m), Text(dice.pick(kTeamRoles)));
        co.count("stakeholder_team", std::ssize(members));
    }
    const int64_t first_external = std::ssize(kInternalTeams);
    if (index > first_external && dice.chance(0.08)) {
        static constexpr std::array kRelationKinds = {"supplies", "partners_with", "influences", "competes_with",
                                                      "invests_in"};
        const auto& target = co.stakeholders[static_cast<size_t>(dice.between(first_external, index - 1))];
        out.relation.run(b.id, target.id, Text(dice.pick(kRelationKinds)), stamp(b.created_ms));
        co.count("stakeholder_relations", 1);
    }
}

void write_need(Dice& dice, Company& co, StakeholderChildren& out, const StakeholderBrief& b) {
    static constexpr std::array<Weighted, 3> kStatuses = {{{"open", 60}, {"addressed", 30}, {"dropped", 10}}};
    const int64_t at = b.created_ms + dice.between(1, std::max<int64_t>(1, (co.now_ms - b.created_ms) / kHourMs)) * kHourMs;
    const Text title = dice.pick(kNeedTitles);
    out.need.run(b.id, Text(title.starts_with("Pain") ? "pain" : "need"), title, Text(), Text(dice.weighted(kStatuses)),
                 owner_id(co, b), stamp(at), stamp(at));
    co.count("stakeholder_needs", 1);
}

// The traits people inherit from their organisation.
struct OrgTraits {
    std::string kind, industry, region, domain;
};

void fill_organisation(Dice& dice, Company& co, StakeholderInsert& row, int64_t index, std::set<std::string>& names) {
    auto& b = co.stakeholders[static_cast<size_t>(index)];
    const bool team = index < std::ssize(kInternalTeams);
    row.type = "organisation";
    row.name = team ? kInternalTeams[static_cast<size_t>(index)] : organisation_name(dice, names);
    row.kind = team ? "internal_team" : dice.weighted(kExternalKinds);
    row.industry = team ? "" : dice.pick(kIndustries);
    row.region = team ? "" : dice.pick(kRegions);
    row.size = dice.weighted(kSizes);
    row.size_i = team ? soci::i_null : soci::i_ok;
    row.domain = team ? "gen.cocreate.test" : domain_of(row.name);
    row.domain_i = team ? soci::i_null : soci::i_ok;
    b.owner = dice.chance(0.9) ? co.random_member(dice) : -1;
}

void fill_person(Dice& dice, Company& co, StakeholderInsert& row, int64_t index, const std::vector<OrgTraits>& orgs,
                 std::set<std::string>& emails) {
    auto& b = co.stakeholders[static_cast<size_t>(index)];
    b.organisation = co.popularity[dice.skewed(co.popularity.size())];
    co.people[static_cast<size_t>(b.organisation)].push_back(static_cast<int32_t>(index));
    const auto& org = orgs[static_cast<size_t>(b.organisation)];
    row.type = "person";
    row.name = person_name(dice);
    row.kind = org.kind;
    row.industry = org.industry;
    row.region = org.region;
    if (org.kind == "internal_team" && dice.chance(0.5)) {
        row.kind = "internal_gatekeeper";
        row.area = dice.pick(kGatekeeperAreas);
        row.area_i = soci::i_ok;
    }
    row.email = email_local(row.name) + "@" + org.domain;
    for (int n = 2; !emails.insert(row.email).second; ++n)
        row.email = fmt::format("{}{}@{}", email_local(row.name), n, org.domain);
    row.email_i = soci::i_ok;
    const auto parent_owner = co.stakeholders[static_cast<size_t>(b.organisation)].owner;
    b.owner = dice.chance(0.8) ? parent_owner : co.random_member(dice);
}

}  // namespace

void insert_users(db::Database& db, Dice& dice, Company& co, const std::string& hash) {
    const std::string created = stamp(co.now_ms - 4 * 365 * kDayMs);
    db.write([&](soci::session& s) -> core::Status {
        const auto own = auth::space_repository::insert_organisation(
            s, {0, "Generated Company", "own", "gen.cocreate.test", created}, created);
        std::set<std::string> emails{kGenAdminEmail};
        auto add = [&](const std::string& email, const std::string& name, auth::Role role,
                       std::vector<std::string> caps) {
            auth::User u;
            u.email = email;
            u.display_name = name;
            u.password_hash = hash;
            u.role = role;
            u.capabilities = std::move(caps);
            u.organisation_id = own;
            u.created_at = u.updated_at = u.password_changed_at = created;
            co.users.push_back(auth::user_repository::insert(s, u));
        };
        add(kGenAdminEmail, "Bench Admin", auth::Role::kAdmin, {});
        for (int64_t i = 0; i < co.counts.users; ++i) {
            const auto name = person_name(dice);
            std::string email = email_local(name) + "@gen.cocreate.test";
            for (int n = 2; !emails.insert(email).second; ++n)
                email = fmt::format("{}{}@gen.cocreate.test", email_local(name), n);
            const bool manager = dice.chance(0.15);
            std::vector<std::string> caps;
            if (dice.chance(0.3)) caps.emplace_back("sales");
            if (dice.chance(0.15)) caps.emplace_back("facilitator");
            if (manager && dice.chance(0.3)) caps.emplace_back("executive");
            add(email, name, manager ? auth::Role::kInnovationManager : auth::Role::kMember, std::move(caps));
        }
        return {};
    });
    co.count("organisations", 1);
    co.count("users", std::ssize(co.users));
}

// Organisations first (internal teams, then external ones), then people, each affiliated to
// an organisation and sharing its kind, industry, region and usually its owner.
void insert_stakeholders(db::Database& db, Dice& dice, Company& co, const GenOptions& o) {
    const auto orgs = co.counts.organisations;
    co.stakeholders.resize(static_cast<size_t>(co.counts.stakeholders));
    co.names.resize(co.stakeholders.size());
    co.people.resize(static_cast<size_t>(orgs));
    co.popularity.resize(static_cast<size_t>(orgs));
    for (int32_t i = 0; i < orgs; ++i) co.popularity[static_cast<size_t>(i)] = i;
    // Popularity is a shuffled order so that the busiest accounts are not the internal teams.
    std::shuffle(co.popularity.begin(), co.popularity.end(), dice.engine());
    std::vector<int32_t> rank(static_cast<size_t>(orgs));
    for (int32_t r = 0; r < orgs; ++r) rank[static_cast<size_t>(co.popularity[static_cast<size_t>(r)])] = r;
    std::vector<OrgTraits> traits(static_cast<size_t>(orgs));
    std::set<std::string> org_names, emails;
    in_batches(db, o, "stakeholders", co.counts.stakeholders, [&](soci::session& s, int64_t begin, int64_t end) {
        StakeholderInsert row(s);
        StakeholderChildren children(s);
        for (int64_t i = begin; i < end; ++i) {
            auto& b = co.stakeholders[static_cast<size_t>(i)];
            b.created_ms = co.now_ms - (3 * 365 + dice.between(1, 3 * 365)) * kDayMs + dice.between(0, kDayMs - 1);
            b.level = level_index(dice.weighted(kLevelWeights));
            // The most visited accounts are the engaged ones.
            if (i < orgs && rank[static_cast<size_t>(i)] < std::max<int64_t>(1, orgs / 20))
                b.level = std::max<int8_t>(b.level, static_cast<int8_t>(dice.between(2, 5)));
            row.area_i = row.size_i = row.email_i = row.domain_i = soci::i_null;
            if (i < orgs) fill_organisation(dice, co, row, i, org_names);
            else fill_person(dice, co, row, i, traits, emails);
            row.internal = row.kind.starts_with("internal") ? 1 : 0;
            row.sort_name = core::ascii_lower(row.name);
            row.notes = dice.chance(0.2) ? fmt::format("Met through the **{}** programme. Prefers e-mail before calls.",
                                                       dice.pick(kInterestTopics))
                                         : "";
            row.owner = b.owner >= 0 ? co.user(b.owner) : 0;
            row.owner_i = b.owner >= 0 ? soci::i_ok : soci::i_null;
            row.level = kLevels[static_cast<size_t>(b.level)];
            row.rank = b.level;
            row.created = stamp(b.created_ms);
            const auto tags = draw_tags(dice);
            row.tags = comma_joined(tags);  // the list page reads the joined copy; the rows serve the tag filter
            const auto climb = climb_times(dice, b.created_ms, b.level, co.now_ms);
            row.changed = stamp(climb.back());
            b.id = row.run();
            co.names[static_cast<size_t>(i)] = row.name;
            if (i < orgs) {
                traits[static_cast<size_t>(i)] = {row.kind, row.industry, row.region, row.domain};
                write_organisation_links(dice, co, children, i);
            } else {
                const auto& org = co.stakeholders[static_cast<size_t>(b.organisation)];
                children.affiliation.run(b.id, org.id, Text(dice.pick(kJobTitles)), Text(dice.pick(kContactRoles)),
                                         row.created);
                co.count("affiliations", 1);
            }
            write_tags(co, children, b.id, tags);
            write_level_history(co, children, b, climb);
            if (dice.chance(0.08)) write_need(dice, co, children, b);
        }
    });
    co.count("stakeholders", co.counts.stakeholders);
}

}  // namespace cocreate::app::gen
