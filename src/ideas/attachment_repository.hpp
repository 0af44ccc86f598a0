#pragma once
// SQL for idea attachments' rows (table idea_attachments): who attached which file to which
// idea. The bytes live in AttachmentStore, named by `sha256`. Runs on the caller's session,
// inside the caller's transaction; no permission checks. Database errors throw soci::soci_error.

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cocreate::ideas {

// A file attached to an idea. `content_type` is the sniffed type (AttachmentContentType),
// `filename` the cleaned name, `sha256` the store's key (64 lowercase hex digits; several rows
// may share one). Internal: the external view is {id, filename, content_type, size, url,
// created_at}.
struct Attachment {
    int64_t id = 0;
    int64_t idea_id = 0;
    std::string filename;
    std::string content_type;
    int64_t size = 0;
    std::string sha256;
    std::optional<int64_t> uploaded_by;  // null once the uploader is gone
    std::string created_at;              // RFC 3339, UTC
};

}  // namespace cocreate::ideas

namespace cocreate::ideas::attachment_repository {

// Inserts `a` (its id is ignored) and returns the new id.
int64_t insert_attachment(soci::session& s, const Attachment& a);
// The attachment, or nullopt.
std::optional<Attachment> find_attachment(soci::session& s, int64_t id);
// The idea's attachments, oldest first. Unpaged: an idea holds at most kMaxAttachmentsPerIdea.
std::vector<Attachment> attachments_of(soci::session& s, int64_t idea_id);
// How many attachments the idea has (to enforce kMaxAttachmentsPerIdea).
int64_t count_attachments(soci::session& s, int64_t idea_id);
// Deletes the row; false when there was none. The file stays: see count_by_sha256.
bool delete_attachment(soci::session& s, int64_t id);
// How many rows name `sha256`; when 0 after a delete, the stored file may be removed.
int64_t count_by_sha256(soci::session& s, const std::string& sha256);
// Moves every attachment of `from_idea_id` to `to_idea_id` (merging duplicates); the rows moved.
int64_t move_attachments(soci::session& s, int64_t from_idea_id, int64_t to_idea_id);

}  // namespace cocreate::ideas::attachment_repository
