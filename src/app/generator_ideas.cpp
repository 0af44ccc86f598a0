// `cocreate gen`, ideas: spaces with external participants (people of the most visited
// customer and partner organisations), challenges, then ideas in time order, each with its
// authors, build-on links, votes, threaded comments (mentions, helpful marks, a few hidden by
// a moderator), stakeholder interest and the points the ideas rules award. The plan is made
// first (generator_idea_plans.cpp); this file writes it. Counts shown in lists (votes,
// comments, interest score, a challenge's ideas) are written with the rows they count, and
// every space's idea versions (idea_repository::bump_versions) move once at the end.

#include <fmt/format.h>

#include <map>
#include <set>

#include "app/generator_idea_plan.hpp"
#include "app/generator_idea_vocabulary.hpp"
#include "auth/space_repository.hpp"
#include "auth/user_repository.hpp"
#include "core/json_input.hpp"
#include "ideas/idea_repository.hpp"
#include "ideas/idea_rules.hpp"

namespace cocreate::app::gen {

using soci::into;
using soci::use;

namespace {

// ---- spaces and external participants --------------------------------------------------

// The organisations kind in `organisations` for a stakeholder organisation's kind.
const char* organisation_kind(const std::string& stakeholder_kind) {
    for (const char* k : {"customer", "partner", "supplier", "regulator", "ngo", "academia"})
        if (stakeholder_kind == k) return k;
    return stakeholder_kind == "prospect" ? "customer" : "other";
}

std::string email_name(std::string_view name) {
    std::string out;
    for (char c : core::ascii_lower(name)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += c;
        else if (c == ' ' && !out.empty() && out.back() != '.')
            out += '.';
    }
    return out;
}

std::map<int64_t, std::string> organisation_kinds(db::Database& db) {
    return db.read([](soci::session& s) {
        std::map<int64_t, std::string> out;
        long long id = 0;
        std::string kind;
        soci::statement st =
            (s.prepare << "SELECT id, kind FROM stakeholders WHERE type = 'organisation'", into(id), into(kind));
        st.execute();
        while (st.fetch()) out[id] = kind;
        return out;
    });
}

void insert_spaces(soci::session& s, Dice& dice, Company& co, IdeaWorld& w, const std::string& created) {
    static constexpr std::array kSpaceRegions = {"North", "South", "East", "West", "Global", "Partners"};
    for (int64_t i = 0; i < co.counts.spaces; ++i) {
        SpacePlan sp;
        sp.themes.push_back(static_cast<int32_t>(i % std::ssize(kIdeaThemes)));
        for (int64_t n = dice.between(0, 2); n > 0; --n) {
            const auto t = static_cast<int32_t>(dice.between(0, std::ssize(kIdeaThemes) - 1));
            if (std::find(sp.themes.begin(), sp.themes.end(), t) == sp.themes.end()) sp.themes.push_back(t);
        }
        const auto& theme = kIdeaThemes[static_cast<size_t>(sp.themes.front())];
        auth::Space row;
        row.kind = dice.chance(0.7) ? "challenge_area" : "community";
        row.name = fmt::format("{} {}", theme.area, row.kind == "community" ? "Community" : "Lab");
        if (i >= std::ssize(kIdeaThemes)) row.name += fmt::format(" {}", dice.pick(kSpaceRegions));
        row.description = theme.problem;
        row.external_allowed = sp.external_allowed = dice.chance(0.85);
        row.created_by = co.users.front();
        sp.id = auth::space_repository::insert_space(s, row, created);
        sp.owner = co.user(co.random_member(dice));
        auth::space_repository::upsert_member(s, sp.id, sp.owner, "owner", created);
        w.spaces.push_back(std::move(sp));
    }
    co.count("spaces", co.counts.spaces);
    co.count("space_members", co.counts.spaces);
}

// External participants: people of the most visited external organisations, each a member
// of one to three spaces that admit externals.
void insert_participants(soci::session& s, Dice& dice, Company& co, IdeaWorld& w, const std::string& hash,
                         const std::string& created, const std::map<int64_t, std::string>& kinds) {
    std::vector<int32_t> open_spaces;
    for (size_t i = 0; i < w.spaces.size(); ++i)
        if (w.spaces[i].external_allowed) open_spaces.push_back(static_cast<int32_t>(i));
    if (open_spaces.empty()) return;
    std::vector<std::pair<int32_t, int64_t>> orgs;  // stakeholder index, organisations id
    const auto wanted = std::max<int64_t>(2, co.counts.participants / 20);
    for (const auto org : co.popularity) {
        if (org < std::ssize(kInternalTeams) || std::ssize(orgs) >= wanted) continue;
        const auto kind = kinds.find(co.stakeholders[static_cast<size_t>(org)].id);
        const auth::Organisation o{0, co.names[static_cast<size_t>(org)],
                                   organisation_kind(kind == kinds.end() ? "other" : kind->second), std::nullopt,
                                   created};
        orgs.emplace_back(org, auth::space_repository::insert_organisation(s, o, created));
    }
    if (orgs.empty()) return;
    int64_t members = 0;
    for (int64_t i = 0; i < co.counts.participants; ++i) {
        const auto& [org, org_id] = orgs[dice.skewed(orgs.size())];
        const auto& people = co.people[static_cast<size_t>(org)];
        auth::User u;
        u.display_name =
            people.empty()
                ? fmt::format("{} {}", dice.pick(kFirstNames), dice.pick(kLastNames))
                : co.names[static_cast<size_t>(people[static_cast<size_t>(dice.between(0, std::ssize(people) - 1))])];
        u.email = fmt::format("{}.{}@participants.gen.cocreate.test", email_name(u.display_name), i + 1);
        u.password_hash = hash;
        u.role = auth::Role::kExternal;
        u.organisation_id = org_id;
        u.created_at = u.updated_at = u.password_changed_at = created;
        const auto id = auth::user_repository::insert(s, u);
        std::set<int32_t> joined;
        for (int64_t n = dice.between(1, 3); n > 0; --n) joined.insert(open_spaces[dice.skewed(open_spaces.size())]);
        for (const auto sp : joined) {
            auth::space_repository::upsert_member(s, w.spaces[static_cast<size_t>(sp)].id, id, "member", created);
            w.spaces[static_cast<size_t>(sp)].externals.push_back(id);
        }
        members += std::ssize(joined);
    }
    co.count("organisations", std::ssize(orgs));
    co.count("users", co.counts.participants);
    co.count("space_members", members);
}

// ---- challenges ------------------------------------------------------------------------

std::string json_strings(const std::vector<std::string_view>& items) {
    std::string out = "[";
    for (const auto& i : items) out += fmt::format("{}\"{}\"", out.size() > 1 ? "," : "", i);
    return out + "]";
}

std::string criteria_json(Dice& dice) {
    std::string out = "[";
    for (const auto& c : kChallengeCriteria) {
        if (out.size() > 1 && !dice.chance(0.6)) continue;
        out += fmt::format("{}{{\"key\":\"{}\",\"text\":\"{}\",\"weight\":{}}}", out.size() > 1 ? "," : "", c.key,
                           c.text, c.weight);
    }
    return out + "]";
}

// One challenge row and its protocol (a tenth amended once while the challenge ran).
void write_challenge(soci::session& s, Dice& dice, Company& co, const IdeaWorld& w, ChallengePlan& c) {
    const auto& theme = kIdeaThemes[static_cast<size_t>(c.theme)];
    const std::string title = std::string(theme.question) + dice.pick(kChallengeSuffixes);
    const std::string problem = fmt::format(
        "{}\n\nWe are looking for ideas from everyone who knows the problem first-hand: what would you try first?",
        theme.problem);
    const std::set<std::string_view> goals{dice.pick(kChallengeGoals), dice.pick(kChallengeGoals)};
    const std::string goals_text = json_strings({goals.begin(), goals.end()}), criteria = criteria_json(dice);
    const long long sponsor = co.user(co.random_member(dice)), space = w.spaces[static_cast<size_t>(c.space)].id,
                    ideas = c.ideas;
    const int64_t created_ms = business_time(dice, c.opens[0] - dice.between(3, 20) * kDayMs);
    // The protocol can be amended until the challenge closes.
    const int64_t amend_until = std::min(c.opens[4], co.now_ms - kHourMs);
    const bool amended = amend_until > c.opens[0] && dice.chance(0.1);
    const int64_t amended_ms = amended ? c.opens[0] + dice.between(0, amend_until - c.opens[0] - 1) : created_ms;
    const int version = amended ? 2 : 1, leaderboard = dice.chance(0.85) ? 1 : 0;
    const std::string created = stamp(created_ms), updated = stamp(amended_ms), audience = c.audience;
    std::array<std::string, 5> days;
    for (size_t k = 0; k < days.size(); ++k) days[k] = date_of(c.opens[k]);
    long long id = 0;
    s << "INSERT INTO challenges (space_id, title, problem, goals, audience, sponsor_id, submission_opens, "
         "discussion_opens, voting_opens, review_opens, closes, votes_per_person, leaderboard, criteria, "
         "protocol_version, idea_count, version, created_by, created_at, updated_at) VALUES (:s, :t, :p, :g, :a, :sp, "
         ":o1, :o2, :o3, :o4, :o5, :v, :lb, :cr, :pv, :n, :ver, :b, :ca, :u) RETURNING id",
        use(space), use(title), use(problem), use(goals_text), use(audience), use(sponsor), use(days[0]), use(days[1]),
        use(days[2]), use(days[3]), use(days[4]), use(c.votes_per_person), use(leaderboard), use(criteria),
        use(version), use(ideas), use(version), use(sponsor), use(created), use(updated), into(id);
    c.id = id;
    const std::string first = dice.pick(kProtocolTexts);
    for (int v = 1; v <= version; ++v) {
        const std::string note = v == 1 ? "" : dice.pick(kProtocolAmendments);
        const std::string text = v == 1 ? first : first + " " + note;
        const std::string at = v == 1 ? created : updated;
        s << "INSERT INTO challenge_protocols (challenge_id, version, text, note, changed_by, changed_at) "
             "VALUES (:c, :v, :t, :n, :b, :a)",
            use(id), use(v), use(text), use(note), use(sponsor), use(at);
    }
    co.count("challenge_protocols", version);
}

// ---- ideas -----------------------------------------------------------------------------

// Steps a RETURNING insert to its end (see `finish` in generator_projects.cpp: a statement
// left on its row keeps its statement transaction open while the next rows are written).
long long finish(soci::statement& st, long long id) {
    while (st.fetch()) {
    }
    return id;
}

constexpr const char* kInsertIdea =
    "INSERT INTO ideas (space_id, challenge_id, title, description, tags, status, decline_reason, vote_count, "
    "comment_count, interest_score, version, created_by, created_at, updated_at) VALUES (:s, :c, :t, :d, :g, :st, :r, "
    ":v, :n, :i, :ver, :b, :ca, :u) RETURNING id";

// The ideas row (see "prepared inserts" in generator_model.hpp).
struct IdeaInsert {
    std::string title, description, tags, status, reason, created, updated;
    long long space = 0, challenge = 0, votes = 0, comments = 0, interest = 0, version = 1, by = 0, id = 0;
    soci::indicator challenge_i = soci::i_null, reason_i = soci::i_null;
    soci::statement st;
    explicit IdeaInsert(soci::session& s)
        : st((s.prepare << kInsertIdea, use(space), use(challenge, challenge_i), use(title), use(description),
              use(tags), use(status), use(reason, reason_i), use(votes), use(comments), use(interest), use(version),
              use(by), use(created), use(updated), into(id))) {}
    IdeaInsert(const IdeaInsert&) = delete;
    long long run() {
        st.execute(true);
        return finish(st, id);
    }
};

constexpr const char* kInsertComment =
    "INSERT INTO comments (idea_id, parent_id, body, author_id, hidden, moderation_note, moderated_by, helpful_count, "
    "created_at) VALUES (:i, :p, :b, :a, :h, :n, :m, :hc, :t) RETURNING id";

struct CommentInsert {
    std::string body, note, created;
    long long idea = 0, parent = 0, author = 0, moderator = 0, helpful = 0, id = 0;
    int hidden = 0;
    soci::indicator parent_i = soci::i_null, note_i = soci::i_null;
    soci::statement st;
    explicit CommentInsert(soci::session& s)
        : st((s.prepare << kInsertComment, use(idea), use(parent, parent_i), use(body), use(author), use(hidden),
              use(note, note_i), use(moderator, note_i), use(helpful), use(created), into(id))) {}
    CommentInsert(const CommentInsert&) = delete;
    long long run() {
        st.execute(true);
        return finish(st, id);
    }
};

struct IdeaWrites {
    IdeaInsert idea;
    CommentInsert comment;
    RowInsert<Int, Int, Text> author;
    RowInsert<Int, Int, Int, Text> link, vote;
    RowInsert<Int, Int> mention;
    RowInsert<Int, Int, Text> helpful;
    RowInsert<Int, Int, Text, Text, Text, Int, Int, Text> interest;
    RowInsert<Int, Int, Text, Int, Text, Int, Int, Text> points;
    explicit IdeaWrites(soci::session& s)
        : idea(s),
          comment(s),
          author(s, "INSERT INTO idea_authors (idea_id, user_id, role) VALUES (:i, :u, :r)"),
          link(s, "INSERT INTO idea_links (idea_id, builds_on_id, created_by, created_at) VALUES (:i, :b, :u, :t)"),
          vote(s, "INSERT INTO idea_votes (idea_id, user_id, challenge_id, created_at) VALUES (:i, :u, :c, :t)"),
          mention(s, "INSERT INTO comment_mentions (comment_id, user_id) VALUES (:c, :u)"),
          helpful(s, "INSERT INTO comment_helpful (comment_id, user_id, created_at) VALUES (:c, :u, :t)"),
          interest(s,
                   "INSERT INTO idea_interest (idea_id, stakeholder_id, level, noted_on, source, interaction_id, "
                   "recorded_by, recorded_at) VALUES (:i, :s, :l, :d, :src, :x, :b, :t)"),
          points(s,
                 "INSERT INTO points (user_id, challenge_id, reason, points, object_type, object_id, from_user_id, "
                 "created_at) VALUES (:u, :c, :r, :p, :t, :o, :f, :a)") {}
};

// Rows written per table, handed to Company::count once at the end (counting each row there
// would search the table list millions of times).
struct Tally {
    int64_t authors = 0, links = 0, votes = 0, comments = 0, mentions = 0, helpful = 0, interest = 0, points = 0;
};

// Everything the ideas loop carries from one idea to the next.
struct IdeaRun {
    IdeaWorld& w;
    std::vector<int64_t> ids;                          // by plan index, once written
    std::set<std::pair<int32_t, int64_t>> built_upon;  // (base idea, author) already awarded
    std::vector<int32_t> interest_orgs;                // external organisations, most visited first
    Tally tally;
};

struct StatusDraft {
    const char* status = "new";
    int64_t at_ms = 0;  // when it was set; the idea's updated_at
};

// Moderators decide after the review opens; a stand-alone idea a week or more after it came.
StatusDraft draft_status(Dice& dice, const Company& co, const IdeaWorld& w, const IdeaPlan& x) {
    static constexpr std::array<Weighted, 5> kClosed = {
        {{"new", 35}, {"under_review", 10}, {"selected", 10}, {"parked", 20}, {"declined", 25}}};
    static constexpr std::array<Weighted, 4> kInReview = {
        {{"new", 40}, {"under_review", 50}, {"selected", 5}, {"parked", 5}}};
    static constexpr std::array<Weighted, 5> kStandAlone = {
        {{"new", 50}, {"under_review", 15}, {"selected", 8}, {"parked", 15}, {"declined", 12}}};
    const int64_t last = co.now_ms - kHourMs;
    StatusDraft out;
    int64_t from = x.created_ms + 7 * kDayMs;
    if (x.challenge >= 0) {
        const auto& c = w.challenges[static_cast<size_t>(x.challenge)];
        const auto phase = c.phase(co.now_ms);
        if (phase == ChallengePhase::kClosed)
            out.status = dice.weighted(kClosed);
        else if (phase == ChallengePhase::kReview)
            out.status = dice.weighted(kInReview);
        from = c.opens[3];
    } else if (x.created_ms < co.now_ms - 60 * kDayMs) {
        out.status = dice.weighted(kStandAlone);
    }
    out.at_ms = std::string_view(out.status) == "new"
                    ? x.created_ms
                    : std::clamp(from + dice.between(0, 20 * kDayMs), x.created_ms, last);
    return out;
}

std::string idea_tags(Dice& dice) {
    std::set<std::string_view> tags;
    for (int64_t n = dice.between(0, 3); n > 0; --n) tags.insert(dice.pick(kIdeaTags));
    return json_strings({tags.begin(), tags.end()});
}

// Title and description from the idea's theme: a subject, a title pattern, sometimes a
// context; the pain, a proposal, a benefit and now and then who else cares.
void draft_text(Dice& dice, const Company& co, const IdeaRun& run, const IdeaPlan& x, IdeaInsert& row,
                std::string_view& subject) {
    const auto& theme = kIdeaThemes[static_cast<size_t>(x.theme)];
    subject = theme.subjects[static_cast<size_t>(dice.between(0, std::ssize(theme.subjects) - 1))];
    row.title = fmt::format(fmt::runtime(dice.pick(kIdeaTitlePatterns)), subject);
    if (dice.chance(0.4)) row.title += dice.pick(kIdeaContexts);
    row.description = fmt::format(fmt::runtime(dice.pick(kIdeaPains)), subject);
    row.description += fmt::format(" {}\n\n", dice.pick(kIdeaProposals));
    row.description += fmt::format(fmt::runtime(dice.pick(kIdeaBenefits)), dice.between(5, 40));
    if (dice.chance(0.3)) {
        const auto other = theme.subjects[static_cast<size_t>(dice.between(0, std::ssize(theme.subjects) - 1))];
        if (other != subject) row.description += fmt::format(" It would also help with {}.", other);
    }
    if (!run.interest_orgs.empty() && dice.chance(0.35)) {
        const auto org = run.interest_orgs[dice.skewed(run.interest_orgs.size())];
        row.description += " " + fmt::format(fmt::runtime(dice.pick(kIdeaNotes)), co.names[static_cast<size_t>(org)]);
    }
}

void award(IdeaRun& run, IdeaWrites& out, int64_t user, std::optional<Int> challenge, const char* reason, int points,
           const char* type, int64_t object, int64_t from, int64_t at_ms) {
    out.points.run(user, challenge, Text(reason), points, Text(type), object, from, stamp(at_ms));
    ++run.tally.points;
}

void write_comments(Dice& dice, IdeaRun& run, IdeaWrites& out, const IdeaPlan& x, std::optional<Int> challenge,
                    const std::vector<CommentDraft>& drafts, std::string_view subject) {
    const auto& theme = kIdeaThemes[static_cast<size_t>(x.theme)];
    const auto owner = run.w.spaces[static_cast<size_t>(x.space)].owner;
    std::vector<long long> ids;
    ids.reserve(drafts.size());
    auto& row = out.comment;
    row.idea = run.ids.back();
    for (const auto& c : drafts) {
        const auto about =
            dice.chance(0.5)
                ? subject
                : std::string_view(
                      theme.subjects[static_cast<size_t>(dice.between(0, std::ssize(theme.subjects) - 1))]);
        row.body = fmt::format(fmt::runtime(dice.pick(kCommentPatterns)), about);
        if (c.mention) row.body += " Looping in the author.";
        row.parent = c.parent >= 0 ? ids[static_cast<size_t>(c.parent)] : 0;
        row.parent_i = c.parent >= 0 ? soci::i_ok : soci::i_null;
        row.author = c.author;
        row.hidden = c.hidden ? 1 : 0;
        row.note = c.hidden ? dice.pick(kModerationNotes) : "";
        row.note_i = c.hidden ? soci::i_ok : soci::i_null;
        row.moderator = owner;
        row.helpful = std::ssize(c.helpful);
        row.created = stamp(c.at_ms);
        ids.push_back(row.run());
        if (c.mention) {
            out.mention.run(ids.back(), x.authors.front());
            ++run.tally.mentions;
        }
        for (const auto& h : c.helpful) {
            out.helpful.run(ids.back(), h.user, stamp(h.at_ms));
            award(run, out, c.author, challenge, "comment_helpful", ideas::kPointsCommentHelpful, "comment", ids.back(),
                  h.user, h.at_ms);
        }
        run.tally.helpful += std::ssize(c.helpful);
    }
    run.tally.comments += std::ssize(drafts);
}

void write_interest(IdeaRun& run, IdeaWrites& out, const std::vector<InterestDraft>& drafts) {
    for (const auto& d : drafts)
        out.interest.run(run.ids.back(), d.stakeholder, Text(ideas::kInterestLevels[static_cast<size_t>(d.level)]),
                         date_of(d.noted_ms), Text(d.interaction ? "interaction" : "manual"), d.interaction, d.by,
                         stamp(d.recorded_ms));
    run.tally.interest += std::ssize(drafts);
}

// Authors (points for submitting), build-on links (points for the authors built upon, once
// each and never for building on one's own idea) and votes (no points).
void write_contributions(IdeaRun& run, IdeaWrites& out, const IdeaPlan& x, std::optional<Int> challenge) {
    const auto id = run.ids.back();
    for (size_t a = 0; a < x.authors.size(); ++a) {
        out.author.run(id, x.authors[a], Text(a == 0 ? "author" : "co_author"));
        award(run, out, x.authors[a], challenge, "idea_submitted", ideas::kPointsIdeaSubmitted, "idea", id, 0,
              x.created_ms);
    }
    run.tally.authors += std::ssize(x.authors);
    for (const auto base : x.builds_on) {
        const auto& b = run.w.ideas[static_cast<size_t>(base)];
        const auto base_id = run.ids[static_cast<size_t>(base)];
        out.link.run(id, base_id, x.authors.front(), stamp(x.created_ms));
        const std::optional<Int> base_challenge =
            b.challenge >= 0 ? std::optional<Int>(run.w.challenges[static_cast<size_t>(b.challenge)].id) : std::nullopt;
        for (const auto author : b.authors)
            if (std::find(x.authors.begin(), x.authors.end(), author) == x.authors.end() &&
                run.built_upon.emplace(base, author).second)
                award(run, out, author, base_challenge, "built_upon", ideas::kPointsBuiltUpon, "idea", base_id, 0,
                      x.created_ms);
    }
    run.tally.links += std::ssize(x.builds_on);
    for (const auto& v : x.votes) out.vote.run(id, v.user, challenge, stamp(v.at_ms));
    run.tally.votes += std::ssize(x.votes);
}

void write_idea(Dice& dice, const Company& co, IdeaRun& run, IdeaWrites& out, const IdeaPlan& x) {
    auto& row = out.idea;
    std::string_view subject;
    draft_text(dice, co, run, x, row, subject);
    row.tags = idea_tags(dice);
    const auto status = draft_status(dice, co, run.w, x);
    const auto comments = draft_comments(dice, co, run.w, x);
    int64_t score = 0;
    const auto interest = draft_interest(dice, co, run.interest_orgs, x, score);
    const std::optional<Int> challenge =
        x.challenge >= 0 ? std::optional<Int>(run.w.challenges[static_cast<size_t>(x.challenge)].id) : std::nullopt;
    row.space = run.w.spaces[static_cast<size_t>(x.space)].id;
    row.challenge = challenge.value_or(0);
    row.challenge_i = challenge ? soci::i_ok : soci::i_null;
    row.status = status.status;
    const bool declined = row.status == "declined";
    row.reason = declined ? dice.pick(kDeclineReasons) : "";
    row.reason_i = declined ? soci::i_ok : soci::i_null;
    row.votes = std::ssize(x.votes);
    row.comments = std::count_if(comments.begin(), comments.end(), [](const CommentDraft& c) { return !c.hidden; });
    row.interest = score;
    row.version = row.status == "new" ? 1 : 2;  // setting the status updated it once
    row.by = x.authors.front();
    row.created = stamp(x.created_ms);
    row.updated = stamp(status.at_ms);
    run.ids.push_back(row.run());
    write_contributions(run, out, x, challenge);
    write_comments(dice, run, out, x, challenge, comments, subject);
    write_interest(run, out, interest);
    if (row.status == "selected")
        for (const auto author : x.authors)
            award(run, out, author, challenge, "idea_selected", ideas::kPointsIdeaSelected, "idea", run.ids.back(), 0,
                  status.at_ms);
}

}  // namespace

void insert_ideas(db::Database& db, Dice& dice, Company& co, const GenOptions& o, const std::string& hash) {
    IdeaWorld w;
    const auto kinds = organisation_kinds(db);
    const std::string created = stamp(co.now_ms - (3 * 365 + 60) * kDayMs);
    db.write([&](soci::session& s) -> core::Status {
        insert_spaces(s, dice, co, w, created);
        insert_participants(s, dice, co, w, hash, created, kinds);
        return {};
    });
    plan_challenges(dice, co, w);
    plan_ideas(dice, co, w);
    db.write([&](soci::session& s) -> core::Status {
        for (auto& c : w.challenges) write_challenge(s, dice, co, w, c);
        return {};
    });
    co.count("challenges", std::ssize(w.challenges));
    IdeaRun run{w, {}, {}, {}, {}};
    run.ids.reserve(w.ideas.size());
    for (const auto org : co.popularity)
        if (org >= std::ssize(kInternalTeams)) run.interest_orgs.push_back(org);
    // An idea brings ~5 comments, ~2 votes and its points: fewer ideas per transaction.
    GenOptions per_batch = o;
    per_batch.batch_rows = std::max<int64_t>(1, o.batch_rows / 10);
    in_batches(db, per_batch, "ideas", std::ssize(w.ideas), [&](soci::session& s, int64_t begin, int64_t end) {
        IdeaWrites out(s);
        for (int64_t i = begin; i < end; ++i) write_idea(dice, co, run, out, w.ideas[static_cast<size_t>(i)]);
    });
    // The ideas went in without the repository: move every space's versions once, so a server
    // that already cached a space's similar-ideas index or idea lists builds them again.
    db.write([&](soci::session& s) -> core::Status {
        for (const auto& space : w.spaces) ideas::idea_repository::bump_versions(s, space.id);
        return {};
    });
    const auto& t = run.tally;
    for (const auto& [table, n] :
         std::initializer_list<std::pair<const char*, int64_t>>{{"ideas", std::ssize(w.ideas)},
                                                                {"idea_authors", t.authors},
                                                                {"idea_links", t.links},
                                                                {"idea_votes", t.votes},
                                                                {"comments", t.comments},
                                                                {"comment_mentions", t.mentions},
                                                                {"comment_helpful", t.helpful},
                                                                {"idea_interest", t.interest},
                                                                {"points", t.points}})
        co.count(table, n);
    if (!run.ids.empty()) {
        co.first_idea_id = run.ids.front();
        co.last_idea_id = run.ids.back();
    }
    const auto busiest =
        std::max_element(w.challenges.begin(), w.challenges.end(),
                         [](const ChallengePlan& a, const ChallengePlan& b) { return a.ideas < b.ideas; });
    if (busiest != w.challenges.end() && busiest->ideas > 0) {
        co.busiest_challenge_id = busiest->id;
        co.busiest_challenge_space_id = w.spaces[static_cast<size_t>(busiest->space)].id;
        co.busiest_challenge_ideas = busiest->ideas;
    }
}

}  // namespace cocreate::app::gen
