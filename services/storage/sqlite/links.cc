#include "services/storage/sqlite/links.h"

#include <optional>
#include <string>
#include <vector>

#include "services/domain/status_macros.h"
#include "services/storage/sqlite/ids.h"
#include "services/storage/sqlite/transaction.h"

namespace mfh::storage {
namespace {

using domain::Link;

}  // namespace

absl::StatusOr<Link> SqliteTransaction::InsertLink(Link link) {
  std::vector<int64_t> episodes;
  for (const std::string& episode_id : link.episode_ids) {
    std::optional<int64_t> id = ParseId(episode_id, kEpisodePrefix);
    if (!id.has_value()) return NoEpisode("kInsertLinkEpisodeSql");
    episodes.push_back(*id);
  }
  {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertLinkSql));
    s->BindText(1, link.reason);
    s->BindText(2, link.created_by);
    s->BindTime(3, link.created_at);
    RETURN_IF_ERROR(s->Run());
  }
  const int64_t id = db_.LastInsertRowId();
  for (int64_t episode : episodes) {
    ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kInsertLinkEpisodeSql));
    s->BindInt64(1, id);
    s->BindInt64(2, episode);
    RETURN_IF_ERROR(s->Run());
  }
  link.link_id = FormatId(kLinkPrefix, id);
  return link;
}

absl::StatusOr<std::vector<Link>> SqliteTransaction::ListLinksForEpisodes(
    const std::vector<std::string>& episode_ids) {
  std::vector<Link> links;
  std::vector<int64_t> ids;
  for (const std::string& episode_id : episode_ids) {
    std::optional<int64_t> id = ParseId(episode_id, kEpisodePrefix);
    if (id.has_value()) ids.push_back(*id);
  }
  if (ids.empty()) return links;
  ASSIGN_OR_RETURN(auto s, MFH_PREPARE(db_, sql::kSelectLinksOfEpisodesSql));
  s->BindText(1, JsonIds(ids));
  // MFH_LINK_ROW_FIELDS: a link's row repeats for each of its episodes.
  while (true) {
    ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    const std::string link_id = FormatId(kLinkPrefix, s->ColumnInt64(0));
    if (links.empty() || links.back().link_id != link_id) {
      links.push_back(Link{.link_id = link_id,
                           .episode_ids = {},
                           .reason = s->ColumnText(1),
                           .created_by = s->ColumnText(2),
                           .created_at = s->ColumnTime(3)});
    }
    links.back().episode_ids.push_back(
        FormatId(kEpisodePrefix, s->ColumnInt64(4)));
  }
  return links;
}

}  // namespace mfh::storage
