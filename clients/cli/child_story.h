// mfh child show: a child's whole story at a glance (DESIGN.md section 11).
#ifndef MFH_CLIENTS_CLI_CHILD_STORY_H_
#define MFH_CLIENTS_CLI_CHILD_STORY_H_

#include "clients/cli/session.h"
#include "clients/core/calls.h"

namespace mfh::cli {

// Table: the record's field lines, then Episodes (each with its return,
// where and with whom found, and its interview's status and findings) and
// Open actions. JSON: one object with child, episodes, interviews, actions.
void PrintStory(Session& session, const client::ChildStory& story);

}  // namespace mfh::cli

#endif  // MFH_CLIENTS_CLI_CHILD_STORY_H_
