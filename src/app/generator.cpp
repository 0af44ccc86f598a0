#include "app/generator.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <ostream>
#include <random>
#include <set>
#include <span>
#include <stdexcept>

#include "auth/identity.hpp"
#include "auth/secrets.hpp"
#include "auth/space_repository.hpp"
#include "auth/user_repository.hpp"
#include "core/json_input.hpp"

namespace cocreate::app {

namespace {

using soci::into;
using soci::use;

constexpr int64_t kMinuteMs = 60'000;
constexpr int64_t kHourMs = 60 * kMinuteMs;
constexpr int64_t kDayMs = 24 * kHourMs;

// ---- vocabulary ------------------------------------------------------------------------

struct Weighted {
    const char* value;
    int weight;
};

constexpr std::array kFirstNames = {
    "Anna",  "Ben",    "Clara",  "David", "Elena",  "Felix", "Greta",  "Hugo",   "Ines",   "Jonas",  "Karin", "Lars",
    "Maria", "Noah",   "Olivia", "Paul",  "Quinn",  "Rosa",  "Sven",   "Tara",   "Ugo",    "Vera",   "Will",  "Xenia",
    "Yusuf", "Zoe",    "Amir",   "Birte", "Carlos", "Dana",  "Emil",   "Fatima", "Gustav", "Hanna",  "Ivan",  "Julia",
    "Kofi",  "Lena",   "Marco",  "Nina",  "Oskar",  "Priya", "Rafael", "Sofia",  "Tomas",  "Ulla",   "Viktor", "Wen",
    "Yara",  "Zeynep", "Aiko",   "Bruno", "Chloe",  "Diego", "Eva",    "Finn",   "Gina",   "Henrik", "Isla",  "Jan"};
constexpr std::array kLastNames = {
    "Andersen", "Bauer",   "Costa",   "Dubois",   "Eriksson", "Fischer",  "Garcia",  "Hoffmann", "Ivanova", "Jensen",
    "Kowalski", "Lehmann", "Martin",  "Novak",    "Olsen",    "Petrov",   "Quist",   "Rossi",    "Schmidt", "Tanaka",
    "Ulrich",   "Vogel",   "Weber",   "Xu",       "Yilmaz",   "Zimmer",   "Almeida", "Berg",     "Chen",    "Dahl",
    "Engel",    "Fontaine", "Gruber", "Horvat",   "Ito",      "Jovanovic", "Keller", "Lindqvist", "Moreau", "Nielsen",
    "Okafor",   "Pereira", "Richter", "Santos",   "Thomsen",  "Urban",    "Varga",   "Wagner",   "Young",   "Zeller"};
// Brand names are two syllables: 30 × 30 = 900 brands before nouns and legal forms.
constexpr std::array kBrandHeads = {"Nor",  "Con",  "Hel",  "Ver", "Ast",  "Bright", "Cor",  "Del",  "Ever", "Fal",
                                    "Gran", "Hyd",  "Iri",  "Jun", "Kal",  "Lum",    "Mar",  "Nova", "Oro",  "Pel",
                                    "Quan", "Riv",  "Sol",  "Tek", "Uni",  "Vol",    "West", "Xen",  "Yor",  "Zen"};
constexpr std::array kBrandTails = {"wind", "toso", "ix",   "ano",  "ora",  "path",  "stone", "ta",   "green", "con",
                                    "ite",  "ra",   "dian", "gard", "mont", "line",  "vex",   "tis",  "field", "light",
                                    "bridge", "mar", "nova", "loop", "care", "spark", "haven", "form", "ridge", "wave"};
constexpr std::array kOrgNouns = {"Logistics", "Sensors",  "Energy",  "Health",   "Pharma",   "Retail",   "Bank",
                                  "Insurance", "Telecom",  "Software", "Systems", "Chemicals", "Foods",   "Mobility",
                                  "Robotics",  "Materials", "Labs",   "Analytics", "Networks", "Motors",  "Aerospace",
                                  "Water",     "Textiles", "Media",    "Farms",    "Solar",    "Hydrogen", "Devices",
                                  "Consulting", "Capital", "Foundation", "Institute", "Metals", "Packaging", "Glass",
                                  "Semiconductors", "Logic", "Grid", "Fleet", "Biotech"};
constexpr std::array kLegalForms = {"GmbH", "AG", "Ltd", "plc", "SA", "SAS", "BV", "NV", "AB", "Oy", "S.p.A.", "Inc."};
// Internal teams come first among the organisations (gatekeepers are their people).
constexpr std::array kInternalTeams = {"Group Legal",        "Corporate Tax",       "HR Business Partners",
                                       "Strategic Procurement", "Group Finance",    "Information Security",
                                       "Compliance Office",  "Innovation Office"};
constexpr std::array kGatekeeperAreas = {"legal", "tax", "hr", "procurement", "finance", "security", "compliance", "other"};
constexpr std::array kIndustries = {"Automotive", "Logistics",  "Energy",        "Healthcare",      "Pharmaceuticals",
                                    "Retail",     "Banking",    "Insurance",     "Telecommunications", "Software",
                                    "Manufacturing", "Chemicals", "Food & Beverage", "Public Sector", "Education",
                                    "Construction", "Aerospace", "Media",        "Agriculture",     "Utilities"};
constexpr std::array kRegions = {"DACH",  "Nordics", "UK & Ireland",  "France", "Benelux",     "Iberia",
                                 "Italy", "CEE",     "North America", "LATAM",  "APAC",        "Middle East"};
constexpr std::array kTags = {
    "ai",           "sustainability", "iot",           "pilot",         "key-account",       "strategic",
    "renewal-2027", "beta-program",   "advisory-board", "circular-economy", "data-sharing",   "hydrogen",
    "digital-twin", "predictive-maintenance", "supply-chain", "cybersecurity", "cloud",      "edge",
    "robotics",     "esg",            "open-innovation", "startup",      "university-lab",    "joint-venture",
    "co-development", "reference-customer", "early-adopter", "budget-holder", "decision-maker", "champion",
    "detractor",    "event-contact",  "newsletter",    "workshop-alumni", "hackathon",        "mobility",
    "smart-city",   "healthtech",     "fintech",       "regulatory"};
constexpr std::array kJobTitles = {"Head of Innovation", "CTO",           "Procurement Manager", "Plant Manager",
                                   "Head of R&D",        "CEO",           "Product Owner",       "Data Scientist",
                                   "Sustainability Lead", "Legal Counsel", "Operations Director", "IT Architect",
                                   "Category Manager",   "Professor",     "Policy Officer",      "Sales Director"};
constexpr std::array kContactRoles = {"decision maker", "influencer", "user", "gatekeeper", "champion", "sponsor"};
constexpr std::array kTeamRoles = {"account lead", "solution architect", "executive sponsor", "innovation scout",
                                   "service manager"};
constexpr std::array kCapacityTeams = {"Key Accounts", "Innovation Lab", "Partnerships", "Customer Success",
                                       "Public Affairs", "Ventures"};
constexpr std::array kInterestTopics = {"predictive maintenance", "carbon reporting", "self-service portal",
                                        "data sharing pilot",     "digital twin",     "route optimisation",
                                        "joint research",         "new pricing model", "field trial"};
constexpr std::array kNeedTitles = {"Wants real-time visibility of shipments", "Struggles with manual reporting",
                                    "Needs a certified supplier for recycled material", "Pain: long approval cycles",
                                    "Looking for a partner for a field trial", "Pain: data silos across plants"};
constexpr std::array kFollowUpTitles = {"Send the proposal", "Share the meeting notes", "Schedule a technical deep dive",
                                        "Prepare the pilot plan", "Introduce our product team", "Send pricing options",
                                        "Check legal terms", "Book the site visit", "Collect feedback on the demo"};
constexpr std::array kPromises = {"Deliver the pilot report", "Provide API access for the trial",
                                  "Share the sustainability data", "Invite them to the advisory board"};
constexpr std::array kAsks = {"Expects a price proposal", "Expects quarterly roadmap updates",
                              "Expects a named contact for support", "Expects results of the field trial"};
constexpr std::array kSummaries = {"Walked through the roadmap; strong interest in the pilot.",
                                   "Discussed pain points in reporting and possible next steps.",
                                   "Short status check; no blockers.",
                                   "Presented the prototype; asked for a second session with their engineers.",
                                   "Reviewed the contract draft with procurement."};
constexpr std::array kOutcomes = {"Agreed on a pilot", "Proposal requested", "Follow-up meeting planned",
                                  "On hold until next budget cycle", "Introduced to a new decision maker"};

constexpr std::array kLevels = {"unaware", "aware", "interested", "engaged", "co_creating", "advocate"};
constexpr std::array<Weighted, 6> kLevelWeights = {{{"unaware", 20}, {"aware", 30}, {"interested", 25},
                                                    {"engaged", 14}, {"co_creating", 8}, {"advocate", 3}}};
constexpr std::array<Weighted, 8> kExternalKinds = {{{"customer", 45}, {"prospect", 22}, {"partner", 10},
                                                     {"supplier", 10}, {"regulator", 2}, {"ngo", 3},
                                                     {"academia", 5}, {"other", 3}}};
constexpr std::array<Weighted, 5> kSizes = {{{"micro", 10}, {"small", 25}, {"medium", 30}, {"large", 25},
                                             {"enterprise", 10}}};

struct InteractionType {
    const char* type;
    int weight;
    const char* mode;
    int minutes;
    const char* title;  // fmt pattern with the organisation's name
};
constexpr std::array<InteractionType, 8> kInteractionTypes = {{
    {"call", 25, "remote", 30, "Call with {}"},
    {"video_call", 30, "remote", 45, "Video call: {} roadmap"},
    {"meeting", 18, "in_person", 60, "Meeting at {}"},
    {"visit", 5, "in_person", 180, "Site visit: {}"},
    {"workshop", 6, "in_person", 240, "Co-creation workshop with {}"},
    {"email", 10, "remote", 10, "E-mail exchange with {}"},
    {"event", 4, "in_person", 120, "Met {} at a trade fair"},
    {"other", 2, "remote", 20, "Touchpoint with {}"},
}};

// ---- randomness ------------------------------------------------------------------------

// Every random draw goes through one engine in a fixed order, which is what makes a seed
// reproduce the same data. Distributions are built per call: they are cheap and stateless
// enough, and keeping none across calls means no hidden state between phases.
class Dice {
public:
    explicit Dice(uint64_t seed) : rng_(seed) {}
    int64_t between(int64_t lo, int64_t hi) { return std::uniform_int_distribution<int64_t>(lo, hi)(rng_); }
    double unit() { return std::uniform_real_distribution<double>(0.0, 1.0)(rng_); }
    bool chance(double p) { return unit() < p; }
    template <typename Array>
    auto pick(const Array& a) -> decltype(a[0]) {
        return a[static_cast<size_t>(between(0, static_cast<int64_t>(std::size(a)) - 1))];
    }
    const char* weighted(std::span<const Weighted> choices) {
        int total = 0;
        for (const auto& c : choices) total += c.weight;
        int64_t roll = between(0, total - 1);
        for (const auto& c : choices)
            if ((roll -= c.weight) < 0) return c.value;
        return choices.back().value;
    }
    // An index in [0, n) where low indices are much more likely (density ~ 1/sqrt): a few
    // accounts get most of the attention, as in a real portfolio.
    size_t skewed(size_t n) {
        const double u = unit();
        return std::min(n - 1, static_cast<size_t>(static_cast<double>(n) * u * u));
    }
    std::mt19937_64& engine() { return rng_; }

private:
    std::mt19937_64 rng_;
};

// ---- time ------------------------------------------------------------------------------

std::string stamp(int64_t ms) { return core::format_time(core::TimePoint(std::chrono::milliseconds(ms))); }

std::string date_of(int64_t ms) {
    const std::chrono::year_month_day d{std::chrono::floor<std::chrono::days>(
        std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(ms)))};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                       static_cast<unsigned>(d.day()));
}

int64_t day_floor(int64_t ms) { return ms - ((ms % kDayMs) + kDayMs) % kDayMs; }

bool is_weekend(int64_t ms) {
    const std::chrono::weekday w{std::chrono::sys_days(std::chrono::days(day_floor(ms) / kDayMs))};
    return w == std::chrono::Saturday || w == std::chrono::Sunday;
}

// A quarter-hour between 07:30 and 17:45 UTC on the day holding `day_ms`.
int64_t business_time(Dice& dice, int64_t day_ms) {
    return day_floor(day_ms) + (7 * 60 + 30 + 15 * dice.between(0, 41)) * kMinuteMs;
}

// Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb).
int64_t add_months(int64_t ms, int months) {
    using namespace std::chrono;
    const year_month_day d{floor<days>(sys_time<milliseconds>(milliseconds(ms)))};
    year_month_day moved = d + std::chrono::months(months);
    if (!moved.ok()) moved = year_month_day_last(moved.year(), month_day_last(moved.month()));
    return sys_days(moved).time_since_epoch().count() * kDayMs;
}

// ---- sizes and in-memory model ---------------------------------------------------------

struct Counts {
    int64_t users, stakeholders, organisations, interactions, follow_ups, cadences, expectations;
};

Counts counts_for(double factor) {
    auto scaled = [factor](double base, int64_t min) { return std::max<int64_t>(min, std::llround(base * factor)); };
    Counts c{};
    c.users = scaled(200, 10);
    c.stakeholders = scaled(100'000, 50);
    // At least every internal team plus a few external organisations.
    c.organisations = std::min(c.stakeholders, std::max<int64_t>(std::ssize(kInternalTeams) + 3, std::llround(static_cast<double>(c.stakeholders) * 0.3)));
    c.interactions = scaled(1'000'000, 20);
    c.follow_ups = scaled(300'000, 5);
    c.cadences = std::min(scaled(5'000, 2), c.stakeholders / 2);
    c.expectations = scaled(20'000, 2);
    return c;
}

// What later phases need to know about a stakeholder (the rows themselves are in the database).
struct StakeholderBrief {
    int64_t id = 0;
    int32_t organisation = -1;  // index of the person's organisation; -1 for organisations
    int32_t owner = -1;         // index into users; -1 when nobody owns it
    int8_t level = 0;
    int64_t created_ms = 0;
};

struct InteractionBrief {
    int64_t id = 0;
    int64_t at_ms = 0;
    int32_t stakeholder = 0;  // index of the first stakeholder
    int32_t creator = 0;      // index into users
    bool held = false;
};

struct Company {
    Counts counts{};
    int64_t now_ms = 0;
    std::vector<int64_t> users;   // ids; [0] is the administrator
    std::vector<StakeholderBrief> stakeholders;
    std::vector<std::string> names;             // by stakeholder index
    std::vector<int32_t> popularity;            // organisation indices, most visited first
    std::vector<std::vector<int32_t>> people;   // organisation index → person indices
    std::vector<InteractionBrief> interactions;
    std::vector<int32_t> interactions_per_stakeholder;
    std::vector<int64_t> last_held_ms;          // by stakeholder index; 0 = never
    std::vector<std::pair<std::string, int64_t>> written;

    void count(const std::string& table, int64_t n) {
        for (auto& [name, total] : written)
            if (name == table) {
                total += n;
                return;
            }
        written.emplace_back(table, n);
    }
    int64_t user(int32_t index) const { return users[static_cast<size_t>(index)]; }
    int32_t random_member(Dice& dice) const { return static_cast<int32_t>(dice.between(1, std::ssize(users) - 1)); }
};

// Writes [0, total) in transactions of batch_rows: write_range(session, begin, end) prepares
// its statements once per batch and reuses them for every row.
template <typename F>
void in_batches(db::Database& db, const GenOptions& o, const char* what, int64_t total, F&& write_range) {
    const int64_t step = std::max<int64_t>(1, o.batch_rows);
    for (int64_t begin = 0; begin < total; begin += step) {
        const int64_t end = std::min(total, begin + step);
        db.write([&](soci::session& s) -> core::Status {
            write_range(s, begin, end);
            return {};
        });
        if (o.progress) *o.progress << what << " " << end << "/" << total << "\n" << std::flush;
    }
}

// ---- prepared inserts ------------------------------------------------------------------
// Each holds the variables its statement is bound to: set them, then run(). Not movable,
// because the statement refers to the members by address.

constexpr const char* kInsertStakeholder =
    "INSERT INTO stakeholders (type, name, sort_name, kind, internal, gatekeeper_area, industry, region, size, "
    "email, domain, tags, notes, owner_id, level, level_rank, level_changed_at, created_by, created_at, updated_at) "
    "VALUES (:type, :name, :sort_name, :kind, :internal, :area, :industry, :region, :size, :email, :domain, "
    ":tags, :notes, :owner, :level, :rank, :changed, :created_by, :created_at, :updated_at) RETURNING id";

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

// A statement over a fixed tuple of bound variables, for the many narrow child tables.
template <typename... Columns>
struct RowInsert {
    std::tuple<Columns...> v;
    std::array<soci::indicator, sizeof...(Columns)> ind{};
    soci::statement st;
    RowInsert(soci::session& s, const char* sql) : st(s) {
        ind.fill(soci::i_ok);
        std::apply([&](auto&... col) {
            size_t i = 0;
            (st.exchange(use(col, ind[i++])), ...);
        }, v);
        st.alloc();
        st.prepare(sql);
        st.define_and_bind();
    }
    RowInsert(const RowInsert&) = delete;
    // Sets every column (std::nullopt → NULL) and executes.
    template <typename... Values>
    void run(const Values&... values) {
        static_assert(sizeof...(Values) == sizeof...(Columns));
        set(std::index_sequence_for<Values...>{}, values...);
        st.execute(true);
    }

private:
    template <typename T, typename V>
    void assign(T& col, soci::indicator& i, const V& value) {
        if constexpr (std::is_same_v<V, std::nullopt_t>) {
            i = soci::i_null;
        } else if constexpr (requires { value.has_value(); *value; }) {
            i = value ? soci::i_ok : soci::i_null;
            if (value) col = static_cast<T>(*value);
        } else {
            i = soci::i_ok;
            col = static_cast<T>(value);
        }
    }
    template <size_t... I, typename... Values>
    void set(std::index_sequence<I...>, const Values&... values) {
        (assign(std::get<I>(v), ind[I], values), ...);
    }
};

using Text = std::string;
using Int = long long;

// ---- phases ----------------------------------------------------------------------------

void refuse_unless_empty(db::Database& db) {
    const auto [stakeholders, admins] = db.read([](soci::session& s) {
        long long n = 0, a = 0;
        const std::string admin = kGenAdminEmail;  // bound by reference: must outlive the statement
        s << "SELECT count(*) FROM stakeholders", into(n);
        s << "SELECT count(*) FROM users WHERE email = :e", use(admin), into(a);
        return std::pair{n, a};
    });
    if (stakeholders > 0)
        throw std::runtime_error(fmt::format(
            "gen: the database already holds {} stakeholders; generate into a new, empty database", stakeholders));
    if (admins > 0)
        throw std::runtime_error(fmt::format("gen: {} already exists (an earlier, interrupted run?); "
                                             "generate into a new, empty database", kGenAdminEmail));
}

// An Argon2id hash in libsodium's string format with a salt drawn from the seed, so the
// users table is byte-identical between runs; checked with libsodium's own verifier.
std::string deterministic_password_hash(const std::string& password, uint64_t seed) {
    std::mt19937_64 salt_rng(seed ^ 0x5a17'5a17'5a17'5a17ULL);
    std::array<unsigned char, crypto_pwhash_SALTBYTES> salt{};
    for (auto& b : salt) b = static_cast<unsigned char>(salt_rng() & 0xff);
    std::array<unsigned char, 32> key{};
    const auto ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
    const auto mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
    if (crypto_pwhash(key.data(), key.size(), password.data(), password.size(), salt.data(), ops, mem,
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("gen: out of memory hashing the password");
    auto b64 = [](const unsigned char* p, size_t n) {
        std::string out(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL_NO_PADDING), '\0');
        sodium_bin2base64(out.data(), out.size(), p, n, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
        out.resize(std::char_traits<char>::length(out.c_str()));
        return out;
    };
    std::string hash = fmt::format("$argon2id$v=19$m={},t={},p=1${}${}", mem / 1024, ops, b64(salt.data(), salt.size()),
                                   b64(key.data(), key.size()));
    // A libsodium that encodes differently must not leave users unable to sign in.
    if (!auth::verify_password(hash, password)) hash = auth::hash_password(password);
    return hash;
}

std::string person_name(Dice& dice) { return fmt::format("{} {}", dice.pick(kFirstNames), dice.pick(kLastNames)); }

std::string email_local(std::string_view name) {
    std::string out;
    for (char c : core::ascii_lower(name)) out += c == ' ' ? '.' : c;
    return out;
}

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

// ---- interactions ----------------------------------------------------------------------

constexpr const char* kInsertInteraction =
    "INSERT INTO interactions (title, type, mode, status, occurred_at, duration_minutes, summary, outcome, "
    "created_by, created_at, updated_at) VALUES (:title, :type, :mode, :status, :at, :minutes, :summary, :outcome, "
    ":by, :created, :updated) RETURNING id";

struct InteractionInsert {
    std::string title, type, mode, status, at, summary, outcome, created;
    int minutes = 30;
    long long by = 0, id = 0;
    soci::statement st;
    explicit InteractionInsert(soci::session& s)
        : st((s.prepare << kInsertInteraction, use(title), use(type), use(mode), use(status), use(at), use(minutes),
              use(summary), use(outcome), use(by), use(created), use(created), into(id))) {}
    InteractionInsert(const InteractionInsert&) = delete;
    long long run() {
        st.execute(true);
        return id;
    }
};

struct InteractionWrites {
    InteractionInsert interaction;
    RowInsert<Int, Int> participant;
    RowInsert<Int, Int, Text, Text, Text, Text, Int, Int> stakeholder;
    RowInsert<Int, Int, Int, Text, Text, Text, Int, Text> emotion;
    explicit InteractionWrites(soci::session& s)
        : interaction(s),
          participant(s, "INSERT INTO interaction_participants (interaction_id, user_id) VALUES (:i, :u)"),
          stakeholder(s, "INSERT INTO interaction_stakeholders (interaction_id, stakeholder_id, occurred_at, status, "
                         "interest, interest_topic, valence, intensity) VALUES (:i, :s, :at, :st, :in, :t, :v, :n)"),
          emotion(s, "INSERT INTO stakeholder_emotions (stakeholder_id, valence, intensity, source, note, observed_at, "
                     "recorded_by, recorded_at) VALUES (:s, :v, :i, :src, :n, :o, :b, :r)") {}
};

// Past interactions on weekdays over three years, plus ~0.5% planned in the next two weeks;
// sorted, so ids grow with time as they would in a live system.
std::vector<int64_t> interaction_times(Dice& dice, const Company& co) {
    const int64_t total = co.counts.interactions;
    const int64_t planned = std::max<int64_t>(1, std::llround(static_cast<double>(total) * 0.005));
    const int64_t today = day_floor(co.now_ms);
    std::vector<int64_t> times(static_cast<size_t>(total));
    for (int64_t i = 0; i < total; ++i) {
        int64_t at = 0;
        for (int attempt = 0; attempt < 8; ++attempt) {  // bounded: a weekend day is redrawn a few times
            const int64_t day = i < planned ? today + dice.between(1, 14) * kDayMs : today - dice.between(1, 3 * 365) * kDayMs;
            at = business_time(dice, day);
            if (!is_weekend(at)) break;
        }
        times[static_cast<size_t>(i)] = at;
    }
    std::sort(times.begin(), times.end());
    return times;
}

// Who was met: an organisation chosen by popularity, its people and sometimes the
// organisation itself, now and then someone from elsewhere. 1..4 distinct stakeholders.
std::vector<int32_t> attendees(Dice& dice, const Company& co) {
    const int32_t org = co.popularity[dice.skewed(co.popularity.size())];
    const auto& people = co.people[static_cast<size_t>(org)];
    std::vector<int32_t> who;
    auto add = [&](int32_t s) {
        if (who.size() < 4 && std::find(who.begin(), who.end(), s) == who.end()) who.push_back(s);
    };
    if (people.empty() || dice.chance(0.35)) add(org);
    if (!people.empty())
        for (int64_t n = dice.between(1, 3); n > 0; --n) add(people[static_cast<size_t>(dice.between(0, std::ssize(people) - 1))]);
    if (dice.chance(0.08)) add(static_cast<int32_t>(dice.between(0, std::ssize(co.stakeholders) - 1)));
    return who;
}

std::vector<int32_t> participants(Dice& dice, const Company& co, int32_t first_stakeholder) {
    const auto owner = co.stakeholders[static_cast<size_t>(first_stakeholder)].owner;
    std::vector<int32_t> who{owner >= 0 ? owner : co.random_member(dice)};
    for (int64_t n = dice.between(0, 2); n > 0; --n) {
        const auto u = co.random_member(dice);
        if (std::find(who.begin(), who.end(), u) == who.end()) who.push_back(u);
    }
    return who;
}

const InteractionType& interaction_type(Dice& dice) {
    int total = 0;
    for (const auto& t : kInteractionTypes) total += t.weight;
    int64_t roll = dice.between(0, total - 1);
    for (const auto& t : kInteractionTypes)
        if ((roll -= t.weight) < 0) return t;
    return kInteractionTypes.back();
}

// Interest and emotion noted for one stakeholder of a held interaction (some of them).
void write_attendance(Dice& dice, Company& co, InteractionWrites& w, int32_t who, bool held) {
    static constexpr std::array<Weighted, 4> kInterest = {{{"none", 10}, {"curious", 40}, {"interested", 35},
                                                          {"committed", 15}}};
    static constexpr std::array<Weighted, 5> kValence = {{{"-2", 5}, {"-1", 15}, {"0", 35}, {"1", 35}, {"2", 10}}};
    const auto& b = co.stakeholders[static_cast<size_t>(who)];
    std::optional<Text> interest;
    Text topic;
    if (held && dice.chance(0.2)) {
        interest = dice.weighted(kInterest);
        topic = dice.pick(kInterestTopics);
    }
    std::optional<Int> valence, intensity;
    if (held && dice.chance(0.15)) {
        valence = std::stoi(dice.weighted(kValence));
        intensity = dice.chance(0.15) ? 0 : dice.between(1, 3);
    }
    const auto& at = w.interaction.at;
    w.stakeholder.run(w.interaction.id, b.id, at, w.interaction.status, interest, topic, valence, intensity);
    if (valence) {
        w.emotion.run(b.id, *valence, *intensity, Text("interaction"), Text(), at, w.interaction.by, w.interaction.created);
        co.count("stakeholder_emotions", 1);
    }
    ++co.interactions_per_stakeholder[static_cast<size_t>(who)];
    if (held) {
        const int64_t at_ms = co.interactions.back().at_ms;
        auto& last = co.last_held_ms[static_cast<size_t>(who)];
        last = std::max(last, at_ms);
    }
}

void write_interaction(Dice& dice, Company& co, InteractionWrites& w, int64_t at_ms) {
    const auto who = attendees(dice, co);
    const auto team = participants(dice, co, who.front());
    const auto& type = interaction_type(dice);
    const bool future = at_ms > co.now_ms;
    auto& row = w.interaction;
    row.status = future ? "planned" : dice.chance(0.05) ? "cancelled" : "held";
    const bool held = row.status == "held";
    row.type = type.type;
    row.mode = type.mode;
    row.minutes = std::max<int>(5, type.minutes + 15 * static_cast<int>(dice.between(-1, 2)));
    row.title = fmt::format(fmt::runtime(type.title), co.names[static_cast<size_t>(who.front())]);
    row.summary = held && dice.chance(0.6) ? dice.pick(kSummaries) : "";
    row.outcome = held && dice.chance(0.4) ? dice.pick(kOutcomes) : "";
    row.at = stamp(at_ms);
    row.by = co.user(team.front());
    const int64_t created = future ? at_ms - dice.between(1, 14) * kDayMs
                                   : at_ms + row.minutes * kMinuteMs + dice.between(1, 36) * kHourMs;
    row.created = stamp(std::min(created, co.now_ms));
    row.run();
    for (auto u : team) w.participant.run(row.id, co.user(u));
    co.interactions.push_back({row.id, at_ms, who.front(), team.front(), held});
    for (auto s : who) write_attendance(dice, co, w, s, held);
    co.count("interaction_participants", std::ssize(team));
    co.count("interaction_stakeholders", std::ssize(who));
}

void insert_interactions(db::Database& db, Dice& dice, Company& co, const GenOptions& o) {
    const auto times = interaction_times(dice, co);
    co.interactions.reserve(times.size());
    co.interactions_per_stakeholder.assign(co.stakeholders.size(), 0);
    co.last_held_ms.assign(co.stakeholders.size(), 0);
    in_batches(db, o, "interactions", std::ssize(times), [&](soci::session& s, int64_t begin, int64_t end) {
        InteractionWrites w(s);
        for (int64_t i = begin; i < end; ++i) write_interaction(dice, co, w, times[static_cast<size_t>(i)]);
    });
    co.count("interactions", std::ssize(times));
}

// Emotions observed outside interactions (observations, surveys) for about a quarter of
// the stakeholders; with the interaction ones they make each stakeholder's history.
void insert_observed_emotions(db::Database& db, Dice& dice, Company& co, const GenOptions& o) {
    static constexpr std::array<Weighted, 3> kSources = {{{"observation", 70}, {"survey", 20}, {"other", 10}}};
    in_batches(db, o, "stakeholder_emotions", std::ssize(co.stakeholders), [&](soci::session& s, int64_t begin, int64_t end) {
        RowInsert<Int, Int, Int, Text, Text, Text, Int, Text> emotion(
            s, "INSERT INTO stakeholder_emotions (stakeholder_id, valence, intensity, source, note, observed_at, "
               "recorded_by, recorded_at) VALUES (:s, :v, :i, :src, :n, :o, :b, :r)");
        for (int64_t i = begin; i < end; ++i) {
            if (!dice.chance(0.25)) continue;
            const auto& b = co.stakeholders[static_cast<size_t>(i)];
            for (int64_t n = dice.between(1, 2); n > 0; --n) {
                const int64_t at = b.created_ms + dice.between(0, (co.now_ms - b.created_ms) / kMinuteMs) * kMinuteMs;
                const auto by = b.owner >= 0 ? b.owner : co.random_member(dice);
                emotion.run(b.id, dice.between(-2, 2), dice.chance(0.2) ? 0 : dice.between(1, 3),
                            Text(dice.weighted(kSources)), Text(dice.chance(0.3) ? "Noted after a phone call" : ""),
                            stamp(at), co.user(by), stamp(std::min(co.now_ms, at + dice.between(0, 48) * kHourMs)));
                co.count("stakeholder_emotions", 1);
            }
        }
    });
}

// ---- follow-ups, cadences, expectations, capacities --------------------------------------

struct FollowUpPlan {
    std::string status;
    std::optional<size_t> interaction;  // index into co.interactions
    int64_t created_ms = 0, due_ms = 0;
    std::optional<int64_t> completed_ms;
};

// ~85% done, 5% cancelled, 10% open (a third of those overdue). Most come out of an
// interaction and are owned by whoever logged it; open ones out of recent interactions.
FollowUpPlan plan_follow_up(Dice& dice, const Company& co) {
    static constexpr std::array<Weighted, 3> kStatuses = {{{"done", 85}, {"cancelled", 5}, {"open", 10}}};
    const auto by_time = [](const InteractionBrief& b, int64_t t) { return b.at_ms < t; };
    const int64_t today = day_floor(co.now_ms);
    const auto past_end = static_cast<size_t>(
        std::lower_bound(co.interactions.begin(), co.interactions.end(), co.now_ms, by_time) - co.interactions.begin());
    const auto recent = static_cast<size_t>(std::lower_bound(co.interactions.begin(), co.interactions.end(),
                                                             co.now_ms - 60 * kDayMs, by_time) - co.interactions.begin());
    FollowUpPlan p;
    p.status = dice.weighted(kStatuses);
    const bool open = p.status == "open";
    const size_t from = open ? recent : 0;
    if (dice.chance(0.7) && from < past_end) {
        const auto i = static_cast<size_t>(dice.between(static_cast<int64_t>(from), static_cast<int64_t>(past_end) - 1));
        if (co.interactions[i].held) p.interaction = i;
    }
    if (open) {
        p.due_ms = dice.chance(0.35) ? today - dice.between(1, 45) * kDayMs : today + dice.between(0, 30) * kDayMs;
        p.created_ms = p.interaction ? co.interactions[*p.interaction].at_ms + 2 * kHourMs
                                     : p.due_ms - dice.between(3, 21) * kDayMs + 9 * kHourMs;
        // Nothing falls due before it was agreed.
        if (p.created_ms >= p.due_ms) p.due_ms = day_floor(p.created_ms) + dice.between(1, 14) * kDayMs;
    } else {
        p.created_ms = p.interaction ? co.interactions[*p.interaction].at_ms + 2 * kHourMs
                                     : business_time(dice, today - dice.between(1, 3 * 365) * kDayMs);
        p.due_ms = day_floor(p.created_ms) + dice.between(2, 21) * kDayMs;
        const int64_t done = p.due_ms + dice.between(-5, 3) * kDayMs + dice.between(8, 18) * kHourMs;
        p.completed_ms = std::clamp(done, p.created_ms + kHourMs, std::max(p.created_ms + kHourMs, co.now_ms));
    }
    p.created_ms = std::min(p.created_ms, co.now_ms);
    return p;
}

void insert_follow_ups(db::Database& db, Dice& dice, Company& co, const GenOptions& o) {
    static constexpr std::array kEfforts = {15, 30, 30, 45, 60, 90, 120};
    in_batches(db, o, "follow_ups", co.counts.follow_ups, [&](soci::session& s, int64_t begin, int64_t end) {
        RowInsert<Text, Text, Int, Text, Text, Int, Int, Int, Int, Text, Text, Text, Text, Text> row(
            s, "INSERT INTO follow_ups (title, detail, owner_id, due_on, status, effort_minutes, stakeholder_id, "
               "interaction_id, created_by, created_at, updated_at, completed_at, reminded_due_soon_at, "
               "reminded_overdue_at) VALUES (:t, :d, :o, :due, :st, :e, :s, :i, :b, :c, :u, :done, :soon, :late)");
        for (int64_t i = begin; i < end; ++i) {
            const auto p = plan_follow_up(dice, co);
            std::optional<int32_t> who;
            int32_t owner = 0;
            if (p.interaction) {
                who = co.interactions[*p.interaction].stakeholder;
                owner = co.interactions[*p.interaction].creator;
            } else {
                if (dice.chance(0.95)) who = static_cast<int32_t>(dice.between(0, std::ssize(co.stakeholders) - 1));
                const auto o_idx = who ? co.stakeholders[static_cast<size_t>(*who)].owner : -1;
                owner = o_idx >= 0 ? o_idx : co.random_member(dice);
            }
            // Engaged with emplace: the conditional-expression form trips g++ 12's -Wmaybe-uninitialized.
            std::optional<Int> sid, iid;
            if (who) sid.emplace(co.stakeholders[static_cast<size_t>(*who)].id);
            if (p.interaction) iid.emplace(co.interactions[*p.interaction].id);
            const std::string title = who ? fmt::format("{}: {}", dice.pick(kFollowUpTitles), co.names[static_cast<size_t>(*who)])
                                          : std::string(dice.pick(kFollowUpTitles));
            const std::string detail = dice.chance(0.3) ? fmt::format("Context: {}.", dice.pick(kInterestTopics)) : "";
            // The reminders a running server would already have sent (so none fire in bulk on start).
            const int64_t soon_ms = p.due_ms - kDayMs, late_ms = p.due_ms + kDayMs;
            const int64_t settled = p.completed_ms.value_or(co.now_ms + 1);
            const auto soon = soon_ms <= co.now_ms && soon_ms < settled && soon_ms >= p.created_ms
                                  ? std::optional<Text>(stamp(soon_ms)) : std::nullopt;
            const auto late = p.status == "open" && late_ms <= co.now_ms ? std::optional<Text>(stamp(late_ms)) : std::nullopt;
            const auto done = p.status == "done" ? std::optional<Text>(stamp(*p.completed_ms)) : std::nullopt;
            const Text created = stamp(p.created_ms);
            row.run(title, detail, co.user(owner), date_of(p.due_ms), p.status,
                    Int(dice.pick(kEfforts)), sid, iid, co.user(owner), created,
                    p.completed_ms ? stamp(*p.completed_ms) : created, done, soon, late);
        }
    });
    co.count("follow_ups", co.counts.follow_ups);
}

struct CadenceInterval {
    const char* kind;
    int weight;
    const char* label;
};
constexpr std::array<CadenceInterval, 5> kIntervals = {{{"weekly", 10, "Weekly sync"},
                                                        {"biweekly", 20, "Biweekly check-in"},
                                                        {"monthly", 40, "Monthly check-in"},
                                                        {"quarterly", 25, "Quarterly business review"},
                                                        {"custom", 5, "Regular touchpoint"}}};

int64_t advance(int64_t ms, std::string_view kind, int every_days) {
    if (kind == "weekly") return ms + 7 * kDayMs;
    if (kind == "biweekly") return ms + 14 * kDayMs;
    if (kind == "monthly") return add_months(ms, 1);
    if (kind == "quarterly") return add_months(ms, 3);
    return ms + every_days * kDayMs;
}

// Distinct stakeholders, mostly at level `interested` or above and in recent contact (a
// rhythm is set up for the relationships being worked on). Bounded: the conditions relax
// after 20 attempts per cadence and the search stops after 50.
std::vector<int32_t> cadence_targets(Dice& dice, const Company& co) {
    std::vector<char> taken(co.stakeholders.size(), 0);
    std::vector<int32_t> out;
    const int64_t wanted = co.counts.cadences;
    const int64_t recent = co.now_ms - 120 * kDayMs;
    for (int64_t attempt = 0; std::ssize(out) < wanted && attempt < 50 * wanted; ++attempt) {
        const auto i = static_cast<size_t>(dice.between(0, std::ssize(co.stakeholders) - 1));
        const bool fits = co.stakeholders[i].level >= 2 && co.last_held_ms[i] >= recent;
        if (taken[i] || (!fits && attempt < 20 * wanted)) continue;
        taken[i] = 1;
        out.push_back(static_cast<int32_t>(i));
    }
    return out;
}

void insert_cadences(db::Database& db, Dice& dice, Company& co, const GenOptions& o) {
    static constexpr std::array kFormats = {"call", "video_call", "video_call", "meeting", "visit"};
    const auto targets = cadence_targets(dice, co);
    const int64_t today = day_floor(co.now_ms);
    in_batches(db, o, "cadences", std::ssize(targets), [&](soci::session& s, int64_t begin, int64_t end) {
        RowInsert<Int, Int, Text, Text, Int, Text, Text, Text, Int, Int, Text, Text> row(
            s, "INSERT INTO cadences (stakeholder_id, owner_id, label, interval_kind, every_days, format, starts_on, "
               "next_due_on, paused, created_by, created_at, updated_at) "
               "VALUES (:s, :o, :l, :k, :e, :f, :start, :next, :p, :b, :c, :u)");
        for (int64_t i = begin; i < end; ++i) {
            const auto who = targets[static_cast<size_t>(i)];
            const auto& b = co.stakeholders[static_cast<size_t>(who)];
            int total = 0;
            for (const auto& k : kIntervals) total += k.weight;
            int64_t roll = dice.between(0, total - 1);
            const CadenceInterval* interval = &kIntervals.back();
            for (const auto& k : kIntervals)
                if ((roll -= k.weight) < 0) {
                    interval = &k;
                    break;
                }
            const bool custom = std::string_view(interval->kind) == "custom";
            const int every = custom ? static_cast<int>(dice.between(10, 120)) : 0;
            const int64_t starts = today - dice.between(30, 720) * kDayMs;
            // The API's rule: the later of the start and the last held contact plus the interval.
            const int64_t last = co.last_held_ms[static_cast<size_t>(who)];
            const int64_t next = last ? std::max(starts, day_floor(advance(last, interval->kind, every))) : starts;
            const auto owner = b.owner >= 0 ? b.owner : co.random_member(dice);
            const Text created = stamp(starts - dice.between(0, 30) * kDayMs + 10 * kHourMs);
            row.run(b.id, co.user(owner), Text(interval->label), Text(interval->kind),
                    custom ? std::optional<Int>(every) : std::nullopt, Text(dice.pick(kFormats)), date_of(starts),
                    date_of(next), Int(dice.chance(0.05)), co.user(owner), created, created);
        }
    });
    co.count("cadences", std::ssize(targets));
}

void insert_expectations(db::Database& db, Dice& dice, Company& co, const GenOptions& o) {
    static constexpr std::array<Weighted, 4> kStatuses = {{{"open", 40}, {"met", 40}, {"missed", 10}, {"dropped", 10}}};
    in_batches(db, o, "expectations", co.counts.expectations, [&](soci::session& s, int64_t begin, int64_t end) {
        RowInsert<Int, Text, Text, Text, Text, Int, Int, Text, Text> row(
            s, "INSERT INTO expectations (stakeholder_id, direction, description, due_on, status, owner_id, created_by, "
               "created_at, updated_at) VALUES (:s, :d, :t, :due, :st, :o, :b, :c, :u)");
        for (int64_t i = begin; i < end; ++i) {
            const auto& b = co.stakeholders[static_cast<size_t>(dice.between(0, std::ssize(co.stakeholders) - 1))];
            const bool promised = dice.chance(0.5);
            const int64_t created = business_time(dice, co.now_ms - dice.between(1, 2 * 365) * kDayMs);
            const auto due = dice.chance(0.7) ? std::optional<Text>(date_of(created + dice.between(14, 120) * kDayMs))
                                              : std::nullopt;
            const Text status = dice.weighted(kStatuses);
            const int64_t updated = status == "open" ? created
                                                     : std::min(co.now_ms, created + dice.between(1, 120) * kDayMs);
            const auto owner = dice.chance(0.85) && b.owner >= 0 ? b.owner : co.random_member(dice);
            row.run(b.id, Text(promised ? "we_promised" : "they_expect"),
                    Text(promised ? dice.pick(kPromises) : dice.pick(kAsks)), due, status,
                    std::optional<Int>(co.user(owner)), co.user(owner), stamp(created), stamp(updated));
        }
    });
    co.count("expectations", co.counts.expectations);
}

void insert_capacities(db::Database& db, Dice& dice, Company& co) {
    static constexpr std::array kHours = {40, 40, 40, 32, 24, 20, 16, 8};
    db.write([&](soci::session& s) -> core::Status {
        RowInsert<Int, Int, Text, Text> row(
            s, "INSERT INTO capacities (user_id, hours_per_week, team, updated_at) VALUES (:u, :h, :t, :at)");
        for (auto id : co.users)
            row.run(id, Int(dice.pick(kHours)), Text(dice.pick(kCapacityTeams)),
                    stamp(day_floor(co.now_ms) - dice.between(1, 90) * kDayMs + 9 * kHourMs));
        return {};
    });
    co.count("capacities", std::ssize(co.users));
}

// last_contact_at and the latest emotion follow from the rows written above, so they are
// derived by the database rather than tracked twice.
void derive_latest_state(db::Database& db) {
    db.write([](soci::session& s) -> core::Status {
        s << "UPDATE stakeholders SET last_contact_at = (SELECT max(i.occurred_at) FROM interaction_stakeholders i "
             "WHERE i.stakeholder_id = stakeholders.id AND i.status = 'held')";
        s << "UPDATE stakeholders SET (emotion_valence, emotion_intensity, emotion_observed_at) = "
             "(SELECT e.valence, e.intensity, e.observed_at FROM stakeholder_emotions e "
             "WHERE e.stakeholder_id = stakeholders.id ORDER BY e.observed_at DESC, e.id DESC LIMIT 1)";
        return {};
    });
}

// On SQLite, skips the fsync per commit and widens the page cache while generating: the
// rows are reproducible, so a crash costs a rerun, not data. Restores the defaults after.
class FastSqliteWrites {
public:
    explicit FastSqliteWrites(db::Database& db) : db_(db) { set("OFF", -262'144); }
    ~FastSqliteWrites() {
        try {
            set("FULL", -2'000);
        } catch (...) {  // the connection is unusable anyway; nothing better to do in a destructor
        }
    }
    FastSqliteWrites(const FastSqliteWrites&) = delete;

private:
    void set(const char* synchronous, int cache_kib) {
        if (db_.engine() != db::Engine::kSqlite) return;
        auto lease = db_.lease_writer();
        *lease << std::string("PRAGMA synchronous = ") + synchronous;
        *lease << "PRAGMA cache_size = " + std::to_string(cache_kib);
    }
    db::Database& db_;
};

}  // namespace

std::optional<double> gen_scale_factor(std::string_view scale) {
    if (scale == "enterprise") return 1.0;
    if (scale == "small") return 0.01;
    return std::nullopt;
}

GenSummary generate_company(db::Database& db, const GenOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    refuse_unless_empty(db);
    Company co;
    co.counts = counts_for(options.factor);
    co.now_ms = options.now.time_since_epoch().count();
    Dice dice(options.seed);
    const std::string hash = deterministic_password_hash(options.password, options.seed);
    FastSqliteWrites fast(db);
    insert_users(db, dice, co, hash);
    insert_stakeholders(db, dice, co, options);
    insert_interactions(db, dice, co, options);
    insert_observed_emotions(db, dice, co, options);
    insert_follow_ups(db, dice, co, options);
    insert_cadences(db, dice, co, options);
    insert_expectations(db, dice, co, options);
    insert_capacities(db, dice, co);
    derive_latest_state(db);

    GenSummary summary;
    summary.counts = co.written;
    summary.admin_id = co.users.front();
    const auto busiest = std::max_element(co.interactions_per_stakeholder.begin(), co.interactions_per_stakeholder.end());
    if (busiest != co.interactions_per_stakeholder.end()) {
        summary.busiest_stakeholder_id = co.stakeholders[static_cast<size_t>(busiest - co.interactions_per_stakeholder.begin())].id;
        summary.busiest_interactions = *busiest;
    }
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

std::string describe(const GenSummary& summary, const GenOptions& options) {
    std::string out = fmt::format("Generated company (seed {}, factor {}, now {}) in {:.1f} s:\n", options.seed,
                                  options.factor, core::format_time(options.now), summary.seconds);
    for (const auto& [table, n] : summary.counts) out += fmt::format("  {:<26} {:>9}\n", table, n);
    out += fmt::format("Sign in as {} (password: {}); every generated user has that password.\n", kGenAdminEmail,
                       options.password);
    out += fmt::format("admin_id={}\nbusiest_stakeholder_id={}\nbusiest_stakeholder_interactions={}\n",
                       summary.admin_id, summary.busiest_stakeholder_id, summary.busiest_interactions);
    return out;
}

}  // namespace cocreate::app
