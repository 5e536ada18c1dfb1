// The hub's use cases, composed: one authenticator and one runner shared by
// the use cases of each service. Built once by the server (and by tools that
// drive the use cases in process, such as the demo borough).
#ifndef MFH_SERVICES_APP_HUB_H_
#define MFH_SERVICES_APP_HUB_H_

#include <utility>

#include "services/app/admin.h"
#include "services/app/audit_log.h"
#include "services/app/authenticator.h"
#include "services/app/change_feed.h"
#include "services/app/children.h"
#include "services/app/episodes.h"
#include "services/app/intelligence.h"
#include "services/app/interviews.h"
#include "services/app/meetings.h"
#include "services/app/reports.h"
#include "services/app/runner.h"
#include "services/domain/clock.h"
#include "services/domain/policy.h"
#include "services/storage/store.h"

namespace mfh::app {

class Hub {
 public:
  Hub(storage::Store& store, const domain::Clock& clock, domain::Policy policy,
      AuditLog& audit, ChangeFeed& feed, const AgendaCodec& agenda_codec)
      : policy_(std::move(policy)),
        authenticator_(store),
        runner_(store, authenticator_, audit, feed, clock, policy_.timezone),
        children_(runner_, policy_, pages_),
        episodes_(runner_, policy_, pages_),
        interviews_(runner_, pages_),
        intelligence_(runner_, pages_),
        meetings_(runner_, policy_, agenda_codec, pages_),
        reports_(runner_, policy_),
        admin_(runner_, audit, pages_),
        feed_(feed) {}

  Hub(const Hub&) = delete;
  Hub& operator=(const Hub&) = delete;

  const domain::Policy& policy() const { return policy_; }
  const domain::Clock& clock() const { return runner_.clock(); }
  ChangeFeed& feed() { return feed_; }
  Runner& runner() { return runner_; }

  Children& children() { return children_; }
  Episodes& episodes() { return episodes_; }
  Interviews& interviews() { return interviews_; }
  Intelligence& intelligence() { return intelligence_; }
  Meetings& meetings() { return meetings_; }
  Reports& reports() { return reports_; }
  Admin& admin() { return admin_; }

 private:
  const domain::Policy policy_;
  Authenticator authenticator_;
  Runner runner_;
  PageTokens pages_;
  Children children_;
  Episodes episodes_;
  Interviews interviews_;
  Intelligence intelligence_;
  Meetings meetings_;
  Reports reports_;
  Admin admin_;
  ChangeFeed& feed_;
};

}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_HUB_H_
