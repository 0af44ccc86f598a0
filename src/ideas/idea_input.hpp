#pragma once
// Reading ideas and challenges request bodies (api/openapi.yaml): types, sizes, vocabularies
// and unknown fields. Rules that need the database or the clock are the services'.

#include "core/json_input.hpp"
#include "ideas/challenge_service.hpp"
#include "ideas/comment_service.hpp"
#include "ideas/idea_service.hpp"
#include "ideas/insight_service.hpp"

namespace cocreate::ideas {

ChallengeInput read_challenge(core::ObjectReader& r, bool creating);
IdeaInput read_idea(core::ObjectReader& r, bool creating);
CommentInput read_comment(core::ObjectReader& r);
// `idea`: an idea's moderation (title/description to edit), otherwise a comment's (body).
Moderation read_moderation(core::ObjectReader& r, bool idea);
// IdeaInterestCreate, IdeaReviewCreate, IdeaPromote.
InterestInput read_interest(core::ObjectReader& r);
ReviewInput read_review(core::ObjectReader& r);
PromoteInput read_promote(core::ObjectReader& r);

inline constexpr core::StringRule kIdeaTitleRule{.min = 3, .max = 200};
inline constexpr core::StringRule kMarkdownRule{.min = 1, .max = 20000, .trim = true, .single_line = false};
inline constexpr core::StringRule kShortNoteRule{.min = 1, .max = 500, .trim = true, .single_line = false};
inline constexpr core::StringRule kLongNoteRule{.min = 0, .max = 4000, .trim = true, .single_line = false};
inline constexpr core::StringRule kReasonRule{.min = 1, .max = 1000, .trim = true, .single_line = false};

}  // namespace cocreate::ideas
