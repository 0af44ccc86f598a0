#include "ideas/attachment_service.hpp"

#include <spdlog/spdlog.h>

#include "core/log.hpp"
#include "events/event_log.hpp"

namespace cocreate::ideas {

using core::Error;
using core::fail;
namespace repo = attachment_repository;

namespace {

// Attachments follow the idea's audience: staff business for an internal challenge's ideas.
events::NewEvent attachment_event(const auth::Principal& p, std::string verb, const Idea& x, const IdeaAccess& a,
                                  boost::json::object payload) {
    const bool internal = a.challenge && a.challenge->audience == "internal";
    return {p.user_id,  std::move(verb), "idea", x.id, x.space_id,
            internal ? events::Visibility::kInternal : events::Visibility::kSpace, std::move(payload)};
}

}  // namespace

AttachmentService::AttachmentService(db::Database& db, const core::Clock& clock, IdeaService& ideas,
                                     const AttachmentStore& store)
    : db_(db), clock_(clock), ideas_(ideas), store_(store) {}

core::Result<Attachment> AttachmentService::upload(const auth::Principal& p, int64_t idea_id, const Upload& in) {
    if (!p.signed_in()) return fail(Error::unauthenticated());
    // Who may attach comes first: someone who may not gets the same answer whatever they send.
    auto may_attach = [&](soci::session& s) -> core::Result<std::pair<Idea, IdeaAccess>> {
        auto found = ideas_.visible(s, p, idea_id);
        if (!found) return fail(found.error());
        if (auto ok = ideas_.may_edit(p, found->first, found->second); !ok) return fail(ok.error());
        return found;
    };
    if (auto ok = db_.read([&](soci::session& s) { return may_attach(s); }); !ok) return fail(ok.error());
    if (in.bytes.empty()) return fail(Error::invalid("body", "is empty: send the file's bytes as the request body"));
    if (in.bytes.size() > kMaxAttachmentBytes)
        return fail(Error{core::ErrorCode::kPayloadTooLarge, "the file is larger than 10 MB"});
    const auto sniffed = sniff_content_type(in.bytes);
    if (!sniffed)
        return fail(Error{core::ErrorCode::kUnsupportedMediaType, "attach a PNG, JPEG, GIF or WebP image, or a PDF"});
    if (!in.declared_type.empty() && in.declared_type != "application/octet-stream" && in.declared_type != *sniffed)
        return fail(Error{core::ErrorCode::kUnsupportedMediaType,
                          "the file is " + *sniffed + " but was sent as " + in.declared_type});
    // The bytes are written before the row, outside the transaction: a row never names bytes
    // that are not there, and the write lock is not held while a large file reaches the disk.
    // A refusal below leaves an unnamed file, which equal content later reuses.
    const auto sha256 = store_.put(in.bytes);
    return db_.write([&](soci::session& s) -> core::Result<Attachment> {
        auto found = may_attach(s);
        if (!found) return fail(found.error());
        const auto& [idea, access] = *found;
        if (repo::count_attachments(s, idea_id) >= kMaxAttachmentsPerIdea)
            return fail(Error::failed_precondition("attachments", "an idea carries at most 10 attachments; remove one first"));
        Attachment a;
        a.idea_id = idea_id;
        a.filename = clean_filename(in.filename);
        a.content_type = *sniffed;
        a.size = static_cast<int64_t>(in.bytes.size());
        a.sha256 = sha256;
        a.uploaded_by = p.user_id;
        a.created_at = core::format_time(clock_.now());
        a.id = repo::insert_attachment(s, a);
        events::append(s,
                       attachment_event(p, "idea.attachment_added", idea, access,
                                        {{"attachment_id", a.id}, {"filename", a.filename}, {"content_type", a.content_type},
                                         {"size", a.size}}),
                       a.created_at);
        return a;
    });
}

core::Result<Download> AttachmentService::download(const auth::Principal& p, int64_t id) {
    if (!p.signed_in()) return fail(Error::unauthenticated());
    auto row = db_.read([&](soci::session& s) -> core::Result<Attachment> {
        auto a = repo::find_attachment(s, id);
        if (!a) return fail(Error::not_found("no such attachment"));
        if (auto found = ideas_.visible(s, p, a->idea_id); !found) return fail(Error::not_found("no such attachment"));
        return *a;
    });
    if (!row) return fail(row.error());
    auto bytes = store_.open(row->sha256);
    if (!bytes) {
        spdlog::error(R"("msg":"attachment bytes missing","attachment_id":{},"sha256":{})", id, core::json_quote(row->sha256));
        return fail(Error::not_found("no such attachment"));
    }
    return Download{std::move(*row), std::move(*bytes)};
}

core::Status AttachmentService::remove(const auth::Principal& p, int64_t id) {
    if (!p.signed_in()) return fail(Error::unauthenticated());
    return db_.write([&](soci::session& s) -> core::Status {
        auto a = repo::find_attachment(s, id);
        if (!a) return fail(Error::not_found("no such attachment"));
        auto found = ideas_.visible(s, p, a->idea_id);
        if (!found) return fail(Error::not_found("no such attachment"));
        const auto& [idea, access] = *found;
        if (auto ok = ideas_.may_edit(p, idea, access); !ok) return fail(ok.error());
        repo::delete_attachment(s, id);
        // Equal content is stored once: the bytes go with the last row naming them.
        if (repo::count_by_sha256(s, a->sha256) == 0) store_.remove(a->sha256);
        events::append(s,
                       attachment_event(p, "idea.attachment_removed", idea, access,
                                        {{"attachment_id", id}, {"filename", a->filename}}),
                       core::format_time(clock_.now()));
        return {};
    });
}

}  // namespace cocreate::ideas
