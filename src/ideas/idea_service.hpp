#pragma once
// Ideas: submitted by the members of a space (in a challenge while its phase allows, or on
// their own), edited by their authors and moderators, voted on within the challenge's budget,
// built upon by other ideas, and suggested as likely duplicates while someone types. External
// participants see only their spaces' ideas and never an internal field. Thread-safe.

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/page.hpp"
#include "ideas/challenge_service.hpp"
#include "ideas/attachment_repository.hpp"
#include "ideas/idea.hpp"
#include "ideas/idea_list.hpp"
#include "ideas/idea_repository.hpp"
#include "ideas/insight.hpp"
#include "ideas/similar_index.hpp"

namespace cocreate::ideas {

struct IdeaInput {
    std::optional<int64_t> space_id, challenge_id;  // create only
    std::optional<std::string> title, description;
    std::optional<std::vector<std::string>> tags;
    std::optional<std::vector<int64_t>> builds_on;  // create only
    int64_t version = 0;                            // update only
};

// What a caller's access to an idea rests on: their role in its space (auth::Target) and
// the challenge it answers, if any.
struct IdeaAccess {
    auth::Target target;
    std::optional<Challenge> challenge;
};

// An idea as one caller sees it.
struct IdeaView {
    Idea idea;
    std::optional<std::string> phase;  // the challenge's phase today, if in one
    bool my_vote = false;
    bool internal = false;     // the caller is internal staff: internal fields may be written
    bool moderator = false;    // the caller moderates the space: hidden content is shown
    std::optional<IdeaRef> project;  // the project it was promoted into
    int64_t interest_count = 0;      // internal: how many stakeholders recorded interest
    std::vector<Attachment> attachments;  // oldest first
    IdeaInternals internals;              // filled for internal callers only
};

// The 409 for any write on a duplicate merged into another idea: it stays readable, and every
// change goes to the idea it was merged into.
core::Error merged_conflict(const Idea& x);

class IdeaService {
public:
    IdeaService(db::Database& db, const core::Clock& clock);

    core::Result<IdeaView> create(const auth::Principal& p, const IdeaInput& in);
    core::Result<IdeaView> get(const auth::Principal& p, int64_t id);
    // A page of ideas as the JSON of write_idea_summary ({items, next_cursor}).
    core::Result<std::string> list_json(const auth::Principal& p, idea_repository::IdeaFilter f);
    core::Result<IdeaView> update(const auth::Principal& p, int64_t id, const IdeaInput& in);
    // Moderators and innovation managers; `declined` needs a reason; `in_project` only by promotion.
    core::Result<IdeaView> set_status(const auth::Principal& p, int64_t id, const std::string& status,
                                      const std::optional<std::string>& reason);
    core::Result<IdeaView> vote(const auth::Principal& p, int64_t id);
    core::Result<IdeaView> unvote(const auth::Principal& p, int64_t id);
    // `id` builds on `base`; the authors of `base` earn points unless they wrote `id` too.
    core::Result<IdeaView> build_on(const auth::Principal& p, int64_t id, int64_t base);
    core::Result<IdeaView> unlink(const auth::Principal& p, int64_t id, int64_t base);
    core::Result<IdeaView> add_co_author(const auth::Principal& p, int64_t id, int64_t user_id);
    // For the other ideas services, inside their transaction: the idea with the caller's
    // access, or the 404 that hides it.
    core::Result<std::pair<Idea, IdeaAccess>> visible(soci::session& s, const auth::Principal& p, int64_t id) const;
    IdeaView view(soci::session& s, const auth::Principal& p, Idea x, const IdeaAccess& a) const;
    // The challenge's phase today.
    std::string phase_of(const Challenge& c) const;
    // Whether `p` may change the idea's own content (text, co-authors, attachments): its
    // authors while it may be submitted (a stand-alone idea any time), the space's moderators
    // any time. 409 when it was merged into another; 422 `failed_precondition` naming `phase`
    // for an author too late; 403 for everyone else.
    core::Status may_edit(const auth::Principal& p, const Idea& x, const IdeaAccess& a) const;

    // Up to five ideas like `text` that the caller may see.
    core::Result<std::vector<idea_repository::Similar>> similar(const auth::Principal& p, int64_t space_id,
                                                                std::optional<int64_t> challenge_id,
                                                                const std::string& text);

private:
    using Access = IdeaAccess;
    // The idea's access for `p`, or the 404 that hides it.
    core::Result<Access> access(soci::session& s, const auth::Principal& p, const Idea& x) const;
    core::Result<IdeaView> change_vote(const auth::Principal& p, int64_t id, bool add);
    // Narrows `f` to what `p` may see and sets `space` when the list is within one; false when
    // the challenge asked for is unseen (nothing to list).
    bool scope_list(soci::session& s, const auth::Principal& p, idea_repository::IdeaFilter& f,
                    std::optional<int64_t>& space) const;
    // The page of `f`, every my_vote false.
    http::Page<IdeaView> list_page(soci::session& s, const auth::Principal& p, const idea_repository::IdeaFilter& f) const;

    db::Database& db_;
    const core::Clock& clock_;
    std::unique_ptr<SimilarIndexCache> similar_cache_ = std::make_unique<SimilarIndexCache>(32);
    static constexpr std::chrono::seconds kListCacheMaxAge{10};
    std::unique_ptr<core::VersionedCache<IdeaListKey, RenderedIdeaList>> list_cache_ =
        std::make_unique<core::VersionedCache<IdeaListKey, RenderedIdeaList>>(256, kListCacheMaxAge);
};

}  // namespace cocreate::ideas
