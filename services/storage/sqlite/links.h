// The SQL of links between episodes; the binds and row reader are in
// links.cc.
#ifndef MFH_SERVICES_STORAGE_SQLITE_LINKS_H_
#define MFH_SERVICES_STORAGE_SQLITE_LINKS_H_

// The columns of a link after its id, in bind order.
#define MFH_LINK_FIELDS "reason, created_by, created_at"
// A link's row, one per linked episode, as ListLinksForEpisodes reads it.
#define MFH_LINK_ROW_FIELDS "links.id, " MFH_LINK_FIELDS ", episode_id"

namespace mfh::storage::sql {

inline constexpr char kInsertLinkSql[] =
    "INSERT INTO links(" MFH_LINK_FIELDS ") VALUES(?, ?, ?)";
inline constexpr char kInsertLinkEpisodeSql[] =
    "INSERT INTO link_episodes(link_id, episode_id) VALUES(?, ?)";
// Every link with at least one of the episodes named by the parameter (a
// JSON array of episode row ids), one row per linked episode: by link id,
// then episode id. The episodes are looked up in link_episodes_by_episode,
// the links by key.
inline constexpr char kSelectLinksOfEpisodesSql[] =
    "SELECT " MFH_LINK_ROW_FIELDS
    " FROM links JOIN link_episodes ON link_episodes.link_id = links.id "
    "WHERE links.id IN (SELECT link_id FROM link_episodes "
    "WHERE episode_id IN (SELECT value FROM json_each(?))) "
    "ORDER BY links.id, link_episodes.episode_id";

}  // namespace mfh::storage::sql

#endif  // MFH_SERVICES_STORAGE_SQLITE_LINKS_H_
