#include "services/app/hub.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/domain/calendar.h"
#include "services/domain/status_macros.h"

namespace mfh::app {
namespace {

using domain::AuditRecord;
using domain::Child;
using domain::Episode;
using domain::Rhi;
using domain::Right;
using storage::Transaction;

constexpr int kTokenBytes = 32;

// Whether a token's user was found and is not revoked.
bool TokenInForce(const std::optional<storage::StoredUser>& found) {
  return found.has_value() && !found->user.revoked_at.has_value();
}

absl::Status UnknownOrRevoked() {
  return absl::UnauthenticatedError(
      "authorization: the token is unknown or revoked");
}

// Whether a call's transaction ended on its token (VerifyIn), the one
// UNAUTHENTICATED a transaction gives: such a call leaves no audit row, as at
// Authenticate.
bool Refused(const absl::Status& status) {
  return status.code() == absl::StatusCode::kUnauthenticated;
}

absl::Status NotFound(absl::string_view field, absl::string_view what,
                      absl::string_view id) {
  return absl::NotFoundError(absl::StrCat(field, ": no ", what, " ", id));
}

absl::StatusOr<Child> LoadChild(Transaction& tx, absl::string_view child_id) {
  ASSIGN_OR_RETURN(std::optional<Child> child, tx.FindChild(child_id));
  if (!child.has_value()) return NotFound("child_id", "child", child_id);
  return *std::move(child);
}

absl::StatusOr<Episode> LoadEpisode(Transaction& tx, absl::string_view field,
                                    absl::string_view episode_id) {
  ASSIGN_OR_RETURN(std::optional<Episode> episode, tx.FindEpisode(episode_id));
  if (!episode.has_value()) return NotFound(field, "episode", episode_id);
  return *std::move(episode);
}

// The RHI of an episode that is to change: NOT_FOUND for an unknown episode,
// FAILED_PRECONDITION when no RHI is owed yet or at all.
absl::StatusOr<Rhi> LoadRhiForWrite(Transaction& tx, absl::string_view field,
                                    absl::string_view episode_id) {
  ASSIGN_OR_RETURN(Episode episode, LoadEpisode(tx, field, episode_id));
  ASSIGN_OR_RETURN(std::optional<Rhi> rhi, tx.FindRhi(episode_id));
  if (rhi.has_value()) return *std::move(rhi);
  if (episode.open()) {
    return absl::FailedPreconditionError(
        absl::StrCat(field, ": episode ", episode_id,
                     " has no return yet, so no RHI is owed"));
  }
  return absl::FailedPreconditionError(absl::StrCat(
      field, ": no RHI is owed for episode ", episode_id, " (policy)"));
}

bool ValidFlag(absl::string_view flag) {
  return flag == domain::kFlagOpenToCst || flag == domain::kFlagCseConcern ||
         flag == domain::kFlagCceConcern;
}

bool ValidUserName(absl::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '.' ||
           c == '_' || c == '-';
  });
}

const domain::Flag* FlagInForce(const Child& child, absl::string_view name) {
  for (const domain::Flag& f : child.flags) {
    if (f.name == name && !f.cleared_at.has_value()) return &f;
  }
  return nullptr;
}

// What each write changes, for the watchers.
ChangeKind KindOfWrite(absl::string_view rpc) {
  static const auto* const kKinds =
      new std::unordered_map<std::string, ChangeKind>{
          {"CreateChild", ChangeKind::kChild},
          {"SetFlag", ChangeKind::kChild},
          {"ClearFlag", ChangeKind::kChild},
          {"ReportMissing", ChangeKind::kEpisode},
          {"UpdateEpisode", ChangeKind::kEpisode},
          {"LinkEpisodes", ChangeKind::kEpisode},
          {"LogReturn", ChangeKind::kReturn},
          {"CorrectReturn", ChangeKind::kReturn},
          {"RecordOffer", ChangeKind::kInterview},
          {"RecordDecline", ChangeKind::kInterview},
          {"RecordCompletion", ChangeKind::kInterview},
          {"MarkNotHeld", ChangeKind::kInterview},
          {"MarkNotRequired", ChangeKind::kInterview},
          {"OpenMeeting", ChangeKind::kMeeting},
          {"AddNote", ChangeKind::kMeeting},
          {"CloseMeeting", ChangeKind::kMeeting},
          {"AddAction", ChangeKind::kAction},
          {"UpdateAction", ChangeKind::kAction},
          {"AddUser", ChangeKind::kUser},
          {"RevokeUser", ChangeKind::kUser},
      };
  return kKinds->at(std::string(rpc));
}

bool IsOpenStatus(domain::RhiStatus s) {
  return s == domain::RhiStatus::kDue || s == domain::RhiStatus::kOffered ||
         s == domain::RhiStatus::kOverdue;
}

}  // namespace

std::string TokenSha256(absl::string_view token) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(token.data(), token.size(), digest, &size, EVP_sha256(), nullptr);
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(digest), size));
}

absl::StatusOr<NewUser> CreateUser(storage::Store& store,
                                   absl::string_view name, domain::Role role,
                                   absl::Time now) {
  if (!ValidUserName(name)) {
    return absl::InvalidArgumentError(
        "name: required, at most 64 letters, digits, '.', '_' or '-'");
  }
  if (role == domain::Role::kUnspecified) {
    return absl::InvalidArgumentError(
        "role: must be coordinator, police, rhi_worker, manager or admin");
  }
  unsigned char bytes[kTokenBytes];
  if (RAND_bytes(bytes, kTokenBytes) != 1) {
    return absl::InternalError("token: the random generator failed");
  }
  NewUser created;
  created.token = absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(bytes), kTokenBytes));
  created.user = domain::User{.name = std::string(name),
                              .role = role,
                              .created_at = now,
                              .revoked_at = std::nullopt};
  RETURN_IF_ERROR(store.Write([&](Transaction& tx) -> absl::Status {
    ASSIGN_OR_RETURN(std::optional<storage::StoredUser> existing,
                     tx.FindUserByName(name));
    if (existing.has_value()) {
      return absl::AlreadyExistsError(
          absl::StrCat("name: a user named ", name, " already exists"));
    }
    return tx.InsertUser(storage::StoredUser{
        .user = created.user, .token_sha256 = TokenSha256(created.token)});
  }));
  return created;
}

Hub::Hub(storage::Store& store, const domain::Clock& clock,
         domain::Policy policy, AuditLog& audit, ChangeFeed& feed,
         AgendaSerializer freeze_agenda)
    : store_(store),
      clock_(clock),
      policy_(std::move(policy)),
      audit_(audit),
      feed_(feed),
      freeze_agenda_(std::move(freeze_agenda)) {}

absl::StatusOr<Caller> Hub::Authenticate(absl::string_view token) {
  if (token.empty()) {
    return absl::UnauthenticatedError(
        "authorization: a bearer token is required");
  }
  std::string sha256 = TokenSha256(token);
  {
    absl::MutexLock lock(&tokens_mu_);
    auto it = tokens_.find(sha256);
    if (it != tokens_.end()) {
      Caller caller = it->second;
      caller.verified = false;
      return caller;
    }
  }
  std::optional<storage::StoredUser> found;
  RETURN_IF_ERROR(store_.Read([&](Transaction& tx) -> absl::Status {
    ASSIGN_OR_RETURN(found, tx.FindUserByTokenSha256(sha256));
    return absl::OkStatus();
  }));
  if (!TokenInForce(found)) return UnknownOrRevoked();
  Caller caller{.name = found->user.name,
                .role = found->user.role,
                .token_sha256 = std::move(sha256)};
  absl::MutexLock lock(&tokens_mu_);
  tokens_.emplace(caller.token_sha256, caller);
  return caller;
}

absl::Status Hub::VerifyIn(Transaction& tx, const Caller& caller) {
  if (caller.verified) return absl::OkStatus();
  ASSIGN_OR_RETURN(std::optional<storage::StoredUser> found,
                   tx.FindUserByTokenSha256(caller.token_sha256));
  if (!TokenInForce(found)) {
    absl::MutexLock lock(&tokens_mu_);
    tokens_.erase(caller.token_sha256);
    return UnknownOrRevoked();
  }
  caller.verified = true;
  return absl::OkStatus();
}

absl::Status Hub::Verify(const Caller& caller) {
  if (caller.verified) return absl::OkStatus();
  return store_.Read(
      [&](Transaction& tx) -> absl::Status { return VerifyIn(tx, caller); });
}

AuditRecord Hub::NewAuditRecord(const Caller& caller,
                                absl::string_view rpc) const {
  AuditRecord record;
  record.at = clock_.Now();
  record.user = caller.name;
  record.role = caller.role;
  record.rpc = std::string(rpc);
  return record;
}

absl::Status Hub::Authorize(const Caller& caller, Right right,
                            absl::string_view rpc) {
  if (domain::HasRight(caller.role, right)) return absl::OkStatus();
  // A revoked token is UNAUTHENTICATED, not denied, and leaves no audit row.
  RETURN_IF_ERROR(Verify(caller));
  AuditRecord record = NewAuditRecord(caller, rpc);
  record.outcome = "PERMISSION_DENIED";
  audit_.Record(std::move(record));
  return absl::PermissionDeniedError(absl::StrCat(
      "role: ", domain::RoleName(caller.role), " may not call ", rpc));
}

absl::Status Hub::AuditedWrite(
    const Caller& caller, absl::string_view rpc,
    absl::FunctionRef<absl::Status(Transaction&, AuditRecord&)> fn) {
  AuditRecord record = NewAuditRecord(caller, rpc);
  absl::Status status = store_.Write(
      [&](Transaction& tx) -> absl::Status {
        RETURN_IF_ERROR(VerifyIn(tx, caller));
        RETURN_IF_ERROR(fn(tx, record));
        record.outcome = "OK";
        return tx.InsertAudit(record);
      },
      // Runs in commit order, so that watchers see changes in that order.
      [&] {
        feed_.Publish(ChangeEvent{
            .sequence = 0,
            .kind = KindOfWrite(record.rpc),
            .rpc = record.rpc,
            .child_id =
                record.child_ids.empty() ? "" : record.child_ids.front(),
            .episode_id =
                record.episode_ids.empty() ? "" : record.episode_ids.front()});
      });
  if (!status.ok() && !Refused(status)) {
    record.outcome = absl::StatusCodeToString(status.code());
    audit_.Record(std::move(record));
  }
  return status;
}

absl::Status Hub::AuditedRead(
    const Caller& caller, absl::string_view rpc,
    absl::FunctionRef<absl::Status(Transaction&, AuditRecord&)> fn) {
  AuditRecord record = NewAuditRecord(caller, rpc);
  absl::Status status = store_.Read([&](Transaction& tx) -> absl::Status {
    RETURN_IF_ERROR(VerifyIn(tx, caller));
    return fn(tx, record);
  });
  if (Refused(status)) return status;
  record.outcome = status.ok() ? "OK" : absl::StatusCodeToString(status.code());
  audit_.Record(std::move(record));
  return status;
}

InterviewView Hub::View(const Caller& caller, Rhi rhi, absl::Time as_of) const {
  InterviewView view;
  view.status = domain::StatusAsOf(rhi, as_of);
  view.offered_on_time = domain::OfferedOnTime(rhi);
  view.met_deadline = domain::MetDeadline(rhi);
  view.outcome_visible = domain::HasRight(caller.role, Right::kReadRhiOutcome);
  if (!view.outcome_visible) rhi.outcome = domain::RhiOutcome{};
  view.rhi = std::move(rhi);
  return view;
}

absl::StatusOr<Child> Hub::CreateChild(const Caller& caller,
                                       const NewChild& in) {
  RETURN_IF_ERROR(Authorize(caller, Right::kManageChildren, "CreateChild"));
  const absl::Time now = clock_.Now();
  if (in.name.empty()) {
    return absl::InvalidArgumentError("name: required");
  }
  ASSIGN_OR_RETURN(absl::CivilDay dob,
                   domain::ParseDay("date_of_birth", in.date_of_birth));
  const absl::CivilDay today = domain::LocalDay(now, policy_.timezone);
  if (dob > today) {
    return absl::InvalidArgumentError(
        "date_of_birth: must not be in the future");
  }
  if (domain::AgeOn(dob, today) >= 18) {
    return absl::InvalidArgumentError(
        "date_of_birth: the hub records children under 18");
  }
  Child child{.child_id = "",
              .name = in.name,
              .date_of_birth = dob,
              .la_ref = in.la_ref,
              .looked_after = in.looked_after,
              .placing_authority = in.placing_authority,
              .flags = {},
              .created_at = now};
  RETURN_IF_ERROR(
      AuditedWrite(caller, "CreateChild",
                   [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
                     ASSIGN_OR_RETURN(child, tx.InsertChild(child));
                     audit.child_ids.push_back(child.child_id);
                     return absl::OkStatus();
                   }));
  return child;
}

absl::StatusOr<Child> Hub::GetChild(const Caller& caller,
                                    absl::string_view child_id) {
  RETURN_IF_ERROR(Authorize(caller, Right::kRead, "GetChild"));
  if (child_id.empty()) return absl::InvalidArgumentError("child_id: required");
  Child child;
  RETURN_IF_ERROR(
      AuditedRead(caller, "GetChild", [&](Transaction& tx, AuditRecord& audit) {
        audit.child_ids.push_back(std::string(child_id));
        ASSIGN_OR_RETURN(child, LoadChild(tx, child_id));
        return absl::OkStatus();
      }));
  return child;
}

absl::StatusOr<std::vector<Child>> Hub::ListChildren(const Caller& caller,
                                                     absl::string_view flag) {
  RETURN_IF_ERROR(Authorize(caller, Right::kRead, "ListChildren"));
  if (!flag.empty() && !ValidFlag(flag)) {
    return absl::InvalidArgumentError(
        "flag: must be open_to_cst, cse_concern or cce_concern");
  }
  std::vector<Child> children;
  RETURN_IF_ERROR(AuditedRead(
      caller, "ListChildren", [&](Transaction& tx, AuditRecord& audit) {
        ASSIGN_OR_RETURN(children, tx.ListChildren(flag));
        for (const Child& c : children) audit.child_ids.push_back(c.child_id);
        return absl::OkStatus();
      }));
  return children;
}

absl::StatusOr<Child> Hub::SetFlag(const Caller& caller,
                                   absl::string_view child_id,
                                   absl::string_view flag,
                                   std::optional<absl::Time> at) {
  return ChangeFlag(caller, "SetFlag", child_id, flag, at, /*set=*/true);
}

absl::StatusOr<Child> Hub::ClearFlag(const Caller& caller,
                                     absl::string_view child_id,
                                     absl::string_view flag,
                                     std::optional<absl::Time> at) {
  return ChangeFlag(caller, "ClearFlag", child_id, flag, at, /*set=*/false);
}

absl::StatusOr<Child> Hub::ChangeFlag(const Caller& caller,
                                      absl::string_view rpc,
                                      absl::string_view child_id,
                                      absl::string_view flag,
                                      std::optional<absl::Time> at, bool set) {
  RETURN_IF_ERROR(Authorize(caller, Right::kManageChildren, rpc));
  const absl::Time now = clock_.Now();
  if (child_id.empty()) return absl::InvalidArgumentError("child_id: required");
  if (!ValidFlag(flag)) {
    return absl::InvalidArgumentError(
        "flag: must be open_to_cst, cse_concern or cce_concern");
  }
  const absl::Time when = at.value_or(now);
  RETURN_IF_ERROR(domain::CheckEventTime("at", when, now));
  Child child;
  RETURN_IF_ERROR(AuditedWrite(
      caller, rpc, [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
        audit.child_ids.push_back(std::string(child_id));
        ASSIGN_OR_RETURN(child, LoadChild(tx, child_id));
        const domain::Flag* current = FlagInForce(child, flag);
        if (set) {
          if (current != nullptr) {
            if (!at.has_value() || current->set_at == *at) {
              return absl::OkStatus();  // a retry
            }
            return absl::FailedPreconditionError(absl::StrCat(
                "flag: ", flag, " is already set on child ", child_id));
          }
          RETURN_IF_ERROR(tx.InsertFlag(
              child_id, domain::Flag{.name = std::string(flag),
                                     .set_at = when,
                                     .cleared_at = std::nullopt}));
        } else {
          if (current == nullptr) {
            return absl::FailedPreconditionError(absl::StrCat(
                "flag: ", flag, " is not set on child ", child_id));
          }
          if (when < current->set_at) {
            return absl::InvalidArgumentError(
                absl::StrCat("at: must not be before the flag was set (",
                             domain::FormatUtc(current->set_at), ")"));
          }
          RETURN_IF_ERROR(tx.ClearFlag(child_id, flag, when));
        }
        ASSIGN_OR_RETURN(child, LoadChild(tx, child_id));
        return absl::OkStatus();
      }));
  return child;
}

absl::StatusOr<Episode> Hub::ReportMissing(
    const Caller& caller, const domain::MissingReport& report) {
  RETURN_IF_ERROR(Authorize(caller, Right::kWriteEpisodes, "ReportMissing"));
  const absl::Time now = clock_.Now();
  RETURN_IF_ERROR(domain::ValidateMissingReport(report, now));
  Episode episode;
  RETURN_IF_ERROR(AuditedWrite(
      caller, "ReportMissing",
      [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
        audit.child_ids.push_back(report.child_id);
        RETURN_IF_ERROR(LoadChild(tx, report.child_id).status());
        ASSIGN_OR_RETURN(
            std::optional<Episode> known,
            tx.FindEpisodeByPoliceRef(report.police_force, report.police_ref));
        if (known.has_value()) {
          audit.episode_ids.push_back(known->episode_id);
          if (!domain::IsSameReport(*known, report)) {
            return absl::AlreadyExistsError(absl::StrCat(
                "police_ref: episode ", known->episode_id,
                " already has this police_force and police_ref with other "
                "details"));
          }
          episode = *std::move(known);
          return absl::OkStatus();
        }
        Episode fresh = domain::NewEpisode(report, now, caller.name);
        ASSIGN_OR_RETURN(std::vector<Episode> others,
                         tx.ListEpisodesBeside(fresh));
        RETURN_IF_ERROR(domain::CheckFitsBesideOthers(fresh, others));
        ASSIGN_OR_RETURN(episode, tx.InsertEpisode(std::move(fresh)));
        audit.episode_ids.push_back(episode.episode_id);
        return absl::OkStatus();
      }));
  return episode;
}

absl::StatusOr<ReturnResult> Hub::LogReturn(
    const Caller& caller, const domain::ReturnReport& report) {
  RETURN_IF_ERROR(Authorize(caller, Right::kWriteEpisodes, "LogReturn"));
  const absl::Time now = clock_.Now();
  RETURN_IF_ERROR(domain::ValidateReturnReport(report, now));
  ReturnResult result;
  std::optional<Rhi> rhi;
  RETURN_IF_ERROR(AuditedWrite(
      caller, "LogReturn",
      [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
        std::optional<Episode> found;
        if (!report.episode_id.empty()) {
          ASSIGN_OR_RETURN(found, tx.FindEpisode(report.episode_id));
          if (!found.has_value()) {
            return NotFound("episode_id", "episode", report.episode_id);
          }
        } else {
          ASSIGN_OR_RETURN(found, tx.FindEpisodeByPoliceRef(report.police_force,
                                                            report.police_ref));
          if (!found.has_value()) {
            return absl::NotFoundError(absl::StrCat(
                "police_ref: no episode with police_force ",
                report.police_force, " and police_ref ", report.police_ref));
          }
        }
        Episode& episode = *found;
        audit.child_ids.push_back(episode.child_id);
        audit.episode_ids.push_back(episode.episode_id);
        if (!episode.open()) {
          if (!domain::IsSameReturn(episode, report)) {
            return absl::FailedPreconditionError(
                absl::StrCat("returned_at: episode ", episode.episode_id,
                             " already has a return with other details; use "
                             "CorrectReturn to change it"));
          }
          ASSIGN_OR_RETURN(rhi, tx.FindRhi(episode.episode_id));
          result.episode = std::move(episode);
          return absl::OkStatus();
        }
        RETURN_IF_ERROR(domain::ApplyReturn(report, now, episode));
        RETURN_IF_ERROR(tx.UpdateEpisode(episode));
        ASSIGN_OR_RETURN(Child child, LoadChild(tx, episode.child_id));
        rhi = domain::NewRhi(policy_, episode, child.date_of_birth);
        if (rhi.has_value()) RETURN_IF_ERROR(tx.InsertRhi(*rhi));
        result.episode = std::move(episode);
        return absl::OkStatus();
      }));
  if (rhi.has_value()) result.interview = View(caller, *std::move(rhi), now);
  return result;
}

absl::StatusOr<ReturnResult> Hub::CorrectReturn(
    const Caller& caller, const domain::ReturnCorrection& correction) {
  RETURN_IF_ERROR(Authorize(caller, Right::kWriteEpisodes, "CorrectReturn"));
  const absl::Time now = clock_.Now();
  RETURN_IF_ERROR(domain::ValidateReturnCorrection(correction, now));
  ReturnResult result;
  std::optional<Rhi> rhi;
  RETURN_IF_ERROR(AuditedWrite(
      caller, "CorrectReturn",
      [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
        audit.episode_ids.push_back(correction.episode_id);
        ASSIGN_OR_RETURN(Episode episode,
                         LoadEpisode(tx, "episode_id", correction.episode_id));
        audit.child_ids.push_back(episode.child_id);
        ASSIGN_OR_RETURN(std::optional<domain::Correction> record,
                         domain::ApplyReturnCorrection(correction, now,
                                                       caller.name, episode));
        ASSIGN_OR_RETURN(rhi, tx.FindRhi(episode.episode_id));
        if (!record.has_value()) {  // a retry
          result.episode = std::move(episode);
          return absl::OkStatus();
        }
        ASSIGN_OR_RETURN(std::vector<Episode> others,
                         tx.ListEpisodesBeside(episode));
        RETURN_IF_ERROR(domain::CheckFitsBesideOthers(episode, others));
        RETURN_IF_ERROR(tx.UpdateEpisode(episode));
        RETURN_IF_ERROR(tx.InsertCorrection(episode.episode_id, *record));
        if (rhi.has_value()) {
          rhi->returned_at = *episode.returned_at;
          rhi->return_notified_at = *episode.return_notified_at;
          domain::SetDueTimes(policy_, *rhi);
          RETURN_IF_ERROR(tx.UpdateRhi(*rhi));
        }
        result.episode = std::move(episode);
        return absl::OkStatus();
      }));
  if (rhi.has_value()) result.interview = View(caller, *std::move(rhi), now);
  return result;
}

absl::StatusOr<Episode> Hub::UpdateEpisode(
    const Caller& caller, const domain::EpisodeUpdate& update) {
  RETURN_IF_ERROR(Authorize(caller, Right::kWriteEpisodes, "UpdateEpisode"));
  const absl::Time now = clock_.Now();
  RETURN_IF_ERROR(domain::ValidateEpisodeUpdate(update, now));
  Episode episode;
  RETURN_IF_ERROR(AuditedWrite(
      caller, "UpdateEpisode",
      [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
        audit.episode_ids.push_back(update.episode_id);
        ASSIGN_OR_RETURN(episode,
                         LoadEpisode(tx, "episode_id", update.episode_id));
        audit.child_ids.push_back(episode.child_id);
        std::optional<domain::RiskGrade> grade;
        ASSIGN_OR_RETURN(std::optional<domain::Correction> record,
                         domain::ApplyEpisodeUpdate(update, now, caller.name,
                                                    episode, grade));
        if (!record.has_value()) return absl::OkStatus();  // a retry
        ASSIGN_OR_RETURN(std::vector<Episode> others,
                         tx.ListEpisodesBeside(episode));
        RETURN_IF_ERROR(domain::CheckFitsBesideOthers(episode, others));
        RETURN_IF_ERROR(tx.UpdateEpisode(episode));
        if (grade.has_value()) {
          RETURN_IF_ERROR(tx.InsertRiskGrade(episode.episode_id, *grade));
        }
        return tx.InsertCorrection(episode.episode_id, *record);
      }));
  return episode;
}

absl::StatusOr<Episode> Hub::GetEpisode(const Caller& caller,
                                        absl::string_view episode_id) {
  RETURN_IF_ERROR(Authorize(caller, Right::kRead, "GetEpisode"));
  if (episode_id.empty()) {
    return absl::InvalidArgumentError("episode_id: required");
  }
  Episode episode;
  RETURN_IF_ERROR(AuditedRead(
      caller, "GetEpisode",
      [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
        audit.episode_ids.push_back(std::string(episode_id));
        ASSIGN_OR_RETURN(episode, LoadEpisode(tx, "episode_id", episode_id));
        audit.child_ids.push_back(episode.child_id);
        return absl::OkStatus();
      }));
  return episode;
}

absl::StatusOr<std::vector<Episode>> Hub::ListEpisodes(
    const Caller& caller, absl::string_view child_id, bool open_only) {
  RETURN_IF_ERROR(Authorize(caller, Right::kRead, "ListEpisodes"));
  std::vector<Episode> episodes;
  RETURN_IF_ERROR(AuditedRead(
      caller, "ListEpisodes",
      [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
        if (!child_id.empty()) {
          audit.child_ids.push_back(std::string(child_id));
          RETURN_IF_ERROR(LoadChild(tx, child_id).status());
        }
        ASSIGN_OR_RETURN(episodes, tx.ListEpisodes(child_id, open_only));
        for (const Episode& e : episodes) {
          audit.episode_ids.push_back(e.episode_id);
        }
        return absl::OkStatus();
      }));
  return episodes;
}

absl::StatusOr<std::vector<InterviewView>> Hub::ListInterviews(
    const Caller& caller, const InterviewQuery& query) {
  RETURN_IF_ERROR(Authorize(caller, Right::kReadRhi, "ListInterviews"));
  for (domain::RhiStatus s : query.statuses) {
    if (s == domain::RhiStatus::kUnspecified) {
      return absl::InvalidArgumentError(
          "statuses: RHI_STATUS_UNSPECIFIED is not a status");
    }
  }
  const absl::Time as_of = query.as_of.value_or(clock_.Now());
  const bool open_only =
      !query.statuses.empty() &&
      std::all_of(query.statuses.begin(), query.statuses.end(), IsOpenStatus);
  std::vector<InterviewView> views;
  RETURN_IF_ERROR(AuditedRead(
      caller, "ListInterviews",
      [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
        if (!query.child_id.empty()) {
          audit.child_ids.push_back(query.child_id);
          RETURN_IF_ERROR(LoadChild(tx, query.child_id).status());
        }
        storage::RhiFilter filter{.child_id = query.child_id,
                                  .open_as_of = std::nullopt,
                                  .due_before = query.due_before};
        if (open_only) filter.open_as_of = as_of;
        ASSIGN_OR_RETURN(std::vector<Rhi> rhis, tx.ListRhis(filter));
        for (Rhi& rhi : rhis) {
          InterviewView view = View(caller, std::move(rhi), as_of);
          if (!query.statuses.empty() &&
              std::find(query.statuses.begin(), query.statuses.end(),
                        view.status) == query.statuses.end()) {
            continue;
          }
          audit.episode_ids.push_back(view.rhi.episode_id);
          views.push_back(std::move(view));
        }
        return absl::OkStatus();
      }));
  return views;
}

absl::StatusOr<InterviewView> Hub::GetInterview(
    const Caller& caller, absl::string_view episode_id,
    std::optional<absl::Time> as_of) {
  RETURN_IF_ERROR(Authorize(caller, Right::kReadRhi, "GetInterview"));
  if (episode_id.empty()) {
    return absl::InvalidArgumentError("episode_id: required");
  }
  Rhi rhi;
  RETURN_IF_ERROR(AuditedRead(
      caller, "GetInterview",
      [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
        audit.episode_ids.push_back(std::string(episode_id));
        ASSIGN_OR_RETURN(std::optional<Rhi> found, tx.FindRhi(episode_id));
        if (!found.has_value()) {
          return absl::NotFoundError(absl::StrCat(
              "episode_id: no RHI for episode ", episode_id,
              " (unknown episode, not returned yet, or none owed)"));
        }
        rhi = *std::move(found);
        audit.child_ids.push_back(rhi.child_id);
        return absl::OkStatus();
      }));
  return View(caller, std::move(rhi), as_of.value_or(clock_.Now()));
}

absl::StatusOr<InterviewView> Hub::ChangeRhi(
    const Caller& caller, absl::string_view rpc, absl::string_view episode_id,
    absl::Time now, absl::FunctionRef<absl::StatusOr<bool>(Rhi&)> apply) {
  Rhi rhi;
  RETURN_IF_ERROR(AuditedWrite(
      caller, rpc, [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
        audit.episode_ids.push_back(std::string(episode_id));
        ASSIGN_OR_RETURN(rhi, LoadRhiForWrite(tx, "episode_id", episode_id));
        audit.child_ids.push_back(rhi.child_id);
        ASSIGN_OR_RETURN(bool retry, apply(rhi));
        return retry ? absl::OkStatus() : tx.UpdateRhi(rhi);
      }));
  return View(caller, std::move(rhi), now);
}

absl::StatusOr<InterviewView> Hub::RecordOffer(const Caller& caller,
                                               const domain::RhiOffer& offer) {
  RETURN_IF_ERROR(Authorize(caller, Right::kWriteRhi, "RecordOffer"));
  const absl::Time now = clock_.Now();
  RETURN_IF_ERROR(domain::ValidateOffer(offer, now));
  return ChangeRhi(caller, "RecordOffer", offer.episode_id, now,
                   [&](Rhi& rhi) { return domain::ApplyOffer(offer, rhi); });
}

absl::StatusOr<InterviewView> Hub::RecordDecline(
    const Caller& caller, const domain::RhiDecline& decline) {
  RETURN_IF_ERROR(Authorize(caller, Right::kWriteRhi, "RecordDecline"));
  const absl::Time now = clock_.Now();
  RETURN_IF_ERROR(domain::ValidateDecline(decline, now));
  return ChangeRhi(
      caller, "RecordDecline", decline.episode_id, now,
      [&](Rhi& rhi) { return domain::ApplyDecline(decline, rhi); });
}

absl::StatusOr<std::vector<InterviewView>> Hub::RecordCompletion(
    const Caller& caller, const domain::RhiCompletion& completion) {
  RETURN_IF_ERROR(Authorize(caller, Right::kWriteRhi, "RecordCompletion"));
  const absl::Time now = clock_.Now();
  RETURN_IF_ERROR(domain::ValidateCompletion(completion, now));
  std::vector<Rhi> rhis;
  RETURN_IF_ERROR(AuditedWrite(
      caller, "RecordCompletion",
      [&](Transaction& tx, AuditRecord& audit) -> absl::Status {
        ASSIGN_OR_RETURN(Rhi first, LoadRhiForWrite(tx, "episode_id",
                                                    completion.episode_id));
        audit.child_ids.push_back(first.child_id);
        rhis.push_back(std::move(first));
        for (const std::string& id : completion.also_episode_ids) {
          ASSIGN_OR_RETURN(Rhi also,
                           LoadRhiForWrite(tx, "also_episode_ids", id));
          if (also.child_id != rhis.front().child_id) {
            return absl::FailedPreconditionError(absl::StrCat(
                "also_episode_ids: episode ", id, " belongs to child ",
                also.child_id, ", not to child ", rhis.front().child_id));
          }
          rhis.push_back(std::move(also));
        }
        for (Rhi& rhi : rhis) {
          audit.episode_ids.push_back(rhi.episode_id);
          ASSIGN_OR_RETURN(bool retry,
                           domain::ApplyCompletion(completion, rhi));
          if (!retry) RETURN_IF_ERROR(tx.UpdateRhi(rhi));
        }
        return absl::OkStatus();
      }));
  std::vector<InterviewView> views;
  for (Rhi& rhi : rhis) views.push_back(View(caller, std::move(rhi), now));
  return views;
}

absl::StatusOr<InterviewView> Hub::CloseInterview(
    const Caller& caller, const domain::RhiClosing& closing) {
  const absl::string_view rpc = closing.closure == domain::RhiClosure::kNotHeld
                                    ? "MarkNotHeld"
                                    : "MarkNotRequired";
  RETURN_IF_ERROR(Authorize(caller, Right::kWriteRhi, rpc));
  const absl::Time now = clock_.Now();
  RETURN_IF_ERROR(domain::ValidateClosing(closing, now));
  return ChangeRhi(caller, rpc, closing.episode_id, now, [&](Rhi& rhi) {
    return domain::ApplyClosing(closing, now, rhi);
  });
}

absl::StatusOr<NewUser> Hub::AddUser(const Caller& caller,
                                     absl::string_view name,
                                     domain::Role role) {
  RETURN_IF_ERROR(Authorize(caller, Right::kAdmin, "AddUser"));
  // The one write outside AuditedWrite: the token is checked before it.
  RETURN_IF_ERROR(Verify(caller));
  absl::StatusOr<NewUser> created = CreateUser(store_, name, role, Now());
  AuditRecord record = NewAuditRecord(caller, "AddUser");
  record.outcome =
      created.ok() ? "OK" : absl::StatusCodeToString(created.status().code());
  audit_.Record(std::move(record));
  return created;
}

absl::StatusOr<std::vector<domain::User>> Hub::ListUsers(const Caller& caller) {
  RETURN_IF_ERROR(Authorize(caller, Right::kAdmin, "ListUsers"));
  std::vector<domain::User> users;
  RETURN_IF_ERROR(store_.Read([&](Transaction& tx) -> absl::Status {
    ASSIGN_OR_RETURN(users, tx.ListUsers());
    return absl::OkStatus();
  }));
  return users;
}

absl::StatusOr<domain::User> Hub::RevokeUser(const Caller& caller,
                                             absl::string_view name) {
  RETURN_IF_ERROR(Authorize(caller, Right::kAdmin, "RevokeUser"));
  if (name.empty()) return absl::InvalidArgumentError("name: required");
  const absl::Time now = clock_.Now();
  domain::User user;
  RETURN_IF_ERROR(AuditedWrite(
      caller, "RevokeUser", [&](Transaction& tx, AuditRecord&) -> absl::Status {
        ASSIGN_OR_RETURN(std::optional<storage::StoredUser> found,
                         tx.FindUserByName(name));
        if (!found.has_value()) return NotFound("name", "user", name);
        user = found->user;
        if (user.revoked_at.has_value()) return absl::OkStatus();
        RETURN_IF_ERROR(tx.RevokeUser(name, now));
        user.revoked_at = now;
        return absl::OkStatus();
      }));
  return user;
}

absl::StatusOr<std::vector<AuditRecord>> Hub::ListAudit(
    const Caller& caller, std::optional<absl::Time> since,
    absl::string_view child_id, int limit) {
  RETURN_IF_ERROR(Authorize(caller, Right::kAdmin, "ListAudit"));
  if (limit < 0) return absl::InvalidArgumentError("limit: must be >= 0");
  audit_.Flush();
  std::vector<AuditRecord> records;
  RETURN_IF_ERROR(store_.Read([&](Transaction& tx) -> absl::Status {
    ASSIGN_OR_RETURN(records,
                     tx.ListAudit(since, child_id, limit == 0 ? 1000 : limit));
    return absl::OkStatus();
  }));
  return records;
}

}  // namespace mfh::app
