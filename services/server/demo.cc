#include "services/server/demo.h"

#include <optional>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "services/domain/calendar.h"
#include "services/domain/status_macros.h"

namespace mfh::server {
namespace {

// Who the audit says made the demo's coordinator.
constexpr absl::string_view kDemoActor = "host:mfh-server --demo";

using domain::Category;
using domain::Risk;

constexpr char kForce[] = "MET";

struct DemoChild {
  const char* name;
  int age;
  const char* la_ref;
  bool looked_after;
  const char* placing_authority;
};

// Made-up names; any likeness to a real child is chance.
constexpr DemoChild kChildren[] = {
    {"Amara Okafor", 15, "LA-10231", true, ""},
    {"Tyler Brooks", 16, "LA-10232", false, ""},
    {"Leah Marsh", 14, "LA-10233", false, ""},
    {"Kai Thompson", 17, "LA-10234", true, "Northshire County Council"},
    {"Sofia Nowak", 13, "LA-10235", false, ""},
    {"Jayden Price", 15, "LA-10236", true, ""},
    {"Mia Clarke", 16, "LA-10237", false, ""},
    {"Ethan Walsh", 14, "LA-10238", false, ""},
    {"Ruby Hughes", 15, "LA-10239", true, ""},
    {"Noah Patel", 16, "LA-10240", false, ""},
    {"Isla Bennett", 16, "LA-10241", true, ""},
    {"Callum Reid", 17, "LA-10242", true, ""},
    {"Zara Ahmed", 14, "LA-10243", true, "Westvale Borough Council"},
};

struct DemoReturn {
  double hours_ago;
  double notified_hours_ago;
  const char* found_location;
  const char* found_with;
  domain::ReturnedTo returned_to;
};

struct DemoEpisode {
  int child;  // index into kChildren
  double missing_hours_ago;
  Risk risk;
  Category category;
  std::optional<DemoReturn> back;
};

class Builder {
 public:
  Builder(app::Hub& hub, app::Call call)
      : hub_(hub),
        call_(std::move(call)),
        // Whole minutes, as people type times.
        now_(absl::FromUnixSeconds(absl::ToUnixSeconds(hub.clock().Now()) / 60 *
                                   60)) {}

  absl::Time Ago(double hours) const {
    return now_ - absl::Seconds(static_cast<int64_t>(hours * 3600));
  }

  absl::Status AddChildren() {
    const absl::CivilDay today = domain::LocalDay(now_, hub_.policy().timezone);
    int n = 0;
    for (const DemoChild& c : kChildren) {
      // Birthdays spread over the year, all at least a month away.
      const absl::CivilDay dob(today.year() - c.age - 1,
                               1 + (n * 5 + today.month() + 1) % 12, 1 + n);
      const absl::CivilDay born =
          domain::AgeOn(dob, today) >= 18 ? dob + 366 : dob;
      ASSIGN_OR_RETURN(
          domain::Child child,
          hub_.children().CreateChild(
              call_,
              domain::NewChild{.name = c.name,
                               .date_of_birth = domain::FormatDay(born),
                               .la_ref = c.la_ref,
                               .looked_after = c.looked_after,
                               .placing_authority = c.placing_authority}));
      ids_.push_back(child.child_id);
      ++n;
    }
    return absl::OkStatus();
  }

  absl::StatusOr<std::string> AddEpisode(const DemoEpisode& e) {
    domain::MissingReport report;
    report.child_id = ids_[e.child];
    report.police_force = kForce;
    report.police_ref = absl::StrFormat(
        "MET-%02d-%05d",
        absl::ToCivilYear(now_, absl::UTCTimeZone()).year() % 100,
        4100 + next_ref_++);
    report.category = e.category;
    report.missing_since = Ago(e.missing_hours_ago);
    report.notified_at = Ago(e.missing_hours_ago - 1.5);
    report.risk = e.risk;
    report.reporter = "Police MFH coordinator";
    ASSIGN_OR_RETURN(app::MissingResult reported,
                     hub_.episodes().ReportMissing(call_, report));
    const domain::Episode& episode = reported.episode;
    if (e.back.has_value()) {
      domain::ReturnReport back;
      back.episode_id = episode.episode_id;
      back.returned_at = Ago(e.back->hours_ago);
      back.return_notified_at = Ago(e.back->notified_hours_ago);
      back.found_location = e.back->found_location;
      back.found_with = e.back->found_with;
      back.returned_to = e.back->returned_to;
      RETURN_IF_ERROR(hub_.episodes().LogReturn(call_, back).status());
    }
    return episode.episode_id;
  }

  absl::Status Complete(const std::string& episode_id, double hours_ago,
                        std::vector<domain::Concern> concerns, bool referral) {
    domain::RhiCompletion done;
    done.episode_id = episode_id;
    done.at = Ago(hours_ago);
    done.by = "RHI worker (Barnardo's)";
    done.outcome.concerns = std::move(concerns);
    done.outcome.referral_made = referral;
    done.outcome.notes = "Seen alone; safety plan agreed.";
    return hub_.interviews().RecordCompletion(call_, done).status();
  }

  absl::Status Offer(const std::string& episode_id, double hours_ago) {
    return hub_.interviews()
        .RecordOffer(call_, domain::RhiOffer{.episode_id = episode_id,
                                             .at = Ago(hours_ago),
                                             .by = "RHI worker"})
        .status();
  }

  absl::Status Decline(const std::string& episode_id, double hours_ago) {
    return hub_.interviews()
        .RecordDecline(call_,
                       domain::RhiDecline{.episode_id = episode_id,
                                          .at = Ago(hours_ago),
                                          .reason = "Did not want to talk; "
                                                    "carer offered support"})
        .status();
  }

  absl::Status NotHeld(const std::string& episode_id) {
    return hub_.interviews()
        .CloseInterview(
            call_,
            domain::RhiClosing{.episode_id = episode_id,
                               .closure = domain::RhiClosure::kNotHeld,
                               .reason = "Three attempts; placement moved"})
        .status();
  }

  absl::Status Findings(const std::string& episode_id,
                        domain::Findings findings) {
    return hub_.interviews()
        .RecordFindings(call_,
                        domain::FindingsRecord{.episode_id = episode_id,
                                               .findings = std::move(findings)})
        .status();
  }

  absl::Status FollowUp(const std::string& episode_id, double hours_ago) {
    return hub_.interviews()
        .RecordFollowUp(
            call_,
            domain::FollowUpRecord{
                .episode_id = episode_id,
                .at = Ago(hours_ago),
                .by = "RHI worker (Barnardo's)",
                .engaged = false,
                .notes = "Offered the carers a visit; Ethan said no "
                         "again, but will text the worker"})
        .status();
  }

  const std::string& child_id(int child) const { return ids_[child]; }
  app::Hub& hub() { return hub_; }
  const app::Call& call() const { return call_; }
  absl::Time now() const { return now_; }

  absl::Status Flag(int child, const char* flag, double hours_ago) {
    return hub_.children()
        .ChangeFlag(call_, domain::FlagChange{.child_id = ids_[child],
                                              .flag = flag,
                                              .at = Ago(hours_ago),
                                              .set = true})
        .status();
  }

 private:
  app::Hub& hub_;
  app::Call call_;
  absl::Time now_;
  std::vector<std::string> ids_;
  int next_ref_ = 0;
};

DemoReturn Back(double hours_ago, const char* where, const char* with,
                domain::ReturnedTo to = domain::ReturnedTo::kHome) {
  return DemoReturn{hours_ago, hours_ago - 2, where, with, to};
}

absl::Status HoldYesterdaysMeeting(Builder& b);

absl::Status Fill(Builder& b) {
  using domain::Concern;
  using domain::ReturnedTo;
  RETURN_IF_ERROR(b.AddChildren());
  RETURN_IF_ERROR(b.Flag(0, domain::kFlagOpenToCst, 24 * 40));
  RETURN_IF_ERROR(b.Flag(0, domain::kFlagCseConcern, 24 * 35));
  RETURN_IF_ERROR(b.Flag(8, domain::kFlagOpenToCst, 24 * 50));
  RETURN_IF_ERROR(b.Flag(11, domain::kFlagCceConcern, 24 * 70));
  RETURN_IF_ERROR(b.Flag(11, domain::kFlagOpenToCst, 24 * 60));

  // Amara: returned twice before, missing now at high risk.
  ASSIGN_OR_RETURN(
      std::string a1,
      b.AddEpisode({0, 24 * 70, Risk::kMedium, Category::kMissing,
                    Back(24 * 69, "Bus station, Hightown", "Two older males",
                         ReturnedTo::kPlacement)}));
  RETURN_IF_ERROR(b.Complete(a1, 24 * 67, {Concern::kCse}, true));
  ASSIGN_OR_RETURN(
      std::string a2,
      b.AddEpisode({0, 24 * 30, Risk::kHigh, Category::kMissing,
                    Back(24 * 28, "Flat above the takeaway, Mill Road",
                         "Unknown adult male", ReturnedTo::kPlacement)}));
  RETURN_IF_ERROR(b.Complete(a2, 24 * 25, {Concern::kCse}, false));
  // Amara and Ruby name the same flat and the same older man: a hotspot.
  RETURN_IF_ERROR(b.Findings(
      a2, {.push_factors = {"PUSH_PLACEMENT_UNHAPPY"},
           .pull_factors = {"PULL_OLDER_PEERS", "PULL_MONEY_OR_GIFTS"},
           .places = {"Flat above the takeaway, Mill Road"},
           .associates = {"'Deano', about 19, drives a silver Golf"},
           .indicators = {"INDICATOR_CSE"},
           .child_voice = "He buys me stuff and lets me stay over.",
           .referral = domain::Referral::kCst,
           .share_with_police = true,
           .share_basis = "Crime and Disorder Act 1998 s.115"}));
  RETURN_IF_ERROR(
      b.AddEpisode({0, 30, Risk::kHigh, Category::kMissing, std::nullopt})
          .status());
  // Tyler: missing for more than three days.
  ASSIGN_OR_RETURN(
      std::string tyler,
      b.AddEpisode({1, 80, Risk::kMedium, Category::kMissing, std::nullopt}));
  // Leah: missing since this morning, seen with Tyler.
  ASSIGN_OR_RETURN(
      std::string leah,
      b.AddEpisode({2, 5, Risk::kLow, Category::kMissing, std::nullopt}));
  RETURN_IF_ERROR(
      b.hub()
          .episodes()
          .LinkEpisodes(b.call(),
                        domain::NewLink{.episode_ids = {tyler, leah},
                                        .reason = "Seen together at the bus "
                                                  "station"})
          .status());
  // Kai: absent from placement for nine days, whereabouts known.
  RETURN_IF_ERROR(b.AddEpisode({3, 24 * 9, Risk::kNoApparentRisk,
                                Category::kAbsent, std::nullopt})
                      .status());
  // Sofia: back yesterday, interview due.
  RETURN_IF_ERROR(
      b.AddEpisode({4, 40, Risk::kMedium, Category::kMissing,
                    Back(20, "Friend's house, Oak Street", "School friend")})
          .status());
  // Jayden: back four days ago, offered, not yet seen: overdue.
  ASSIGN_OR_RETURN(
      std::string j1,
      b.AddEpisode({5, 130, Risk::kHigh, Category::kMissing,
                    Back(100, "Retail park car park",
                         "Group of older teenagers", ReturnedTo::kPlacement)}));
  RETURN_IF_ERROR(b.Offer(j1, 90));
  // Mia: seen on time, criminal exploitation concern.
  ASSIGN_OR_RETURN(std::string m1,
                   b.AddEpisode({6, 24 * 11, Risk::kMedium, Category::kMissing,
                                 Back(24 * 10, "Train to Coastport",
                                      "Carrying a second phone")}));
  RETURN_IF_ERROR(b.Complete(m1, 24 * 9, {Concern::kCce}, true));
  // What Mia told the worker points to county lines, and no referral has
  // been made yet: on today's agenda. Shared with the police, not yet read.
  RETURN_IF_ERROR(b.Findings(
      m1, {.push_factors = {"PUSH_FAMILY_CONFLICT"},
           .pull_factors = {"PULL_OLDER_PEERS", "PULL_MONEY_OR_GIFTS"},
           .places = {"Coastport railway station", "Trap house, Dock Street"},
           .associates = {"'Kez', 20s, gave her the second phone"},
           .indicators = {"INDICATOR_CCE", "INDICATOR_COUNTY_LINES"},
           .child_voice = "I owe them for the phone.",
           .referral = domain::Referral::kNone,
           .share_with_police = true,
           .share_basis = "Crime and Disorder Act 1998 s.115"}));
  // Ethan: declined.
  ASSIGN_OR_RETURN(
      std::string e1,
      b.AddEpisode({7, 24 * 7, Risk::kLow, Category::kMissing,
                    Back(24 * 6, "Grandmother's house", "Alone")}));
  RETURN_IF_ERROR(b.Decline(e1, 24 * 5));
  RETURN_IF_ERROR(b.FollowUp(e1, 24 * 4));
  // Ruby: three times in two months; the last interview due soon.
  ASSIGN_OR_RETURN(std::string r1,
                   b.AddEpisode({8, 24 * 55, Risk::kMedium, Category::kMissing,
                                 Back(24 * 54, "Park, Hightown", "Alone",
                                      ReturnedTo::kPlacement)}));
  RETURN_IF_ERROR(b.Complete(r1, 24 * 52, {Concern::kNone}, false));
  ASSIGN_OR_RETURN(
      std::string r2,
      b.AddEpisode({8, 24 * 20, Risk::kMedium, Category::kMissing,
                    Back(24 * 19, "Park, Hightown", "Older boyfriend",
                         ReturnedTo::kPlacement)}));
  RETURN_IF_ERROR(b.Complete(r2, 24 * 15, {Concern::kCse}, true));
  RETURN_IF_ERROR(b.Findings(
      r2, {.pull_factors = {"PULL_PARTNER"},
           .places = {"flat above the takeaway, Mill Road."},
           .associates = {"'Deano', about 19, drives a silver Golf"},
           .indicators = {"INDICATOR_CSE"},
           .child_voice = "Deano is my boyfriend, he looks after me.",
           .referral = domain::Referral::kMash,
           .share_with_police = true,
           .share_basis = "Consent of the young person"}));
  RETURN_IF_ERROR(b.AddEpisode({8, 72, Risk::kHigh, Category::kMissing,
                                Back(62, "Hotel, Ring Road", "Older boyfriend",
                                     ReturnedTo::kPlacement)})
                      .status());
  // Noah and Isla: missing together, found together (a suggested link).
  RETURN_IF_ERROR(b.AddEpisode({9, 24 * 3, Risk::kMedium, Category::kMissing,
                                Back(24 * 2, "Central Station, Platform 2",
                                     "Isla Bennett's friend")})
                      .status());
  RETURN_IF_ERROR(
      b.AddEpisode({10, 24 * 3 - 1, Risk::kMedium, Category::kMissing,
                    Back(24 * 2 + 1, "central  station, platform 2",
                         "Noah Patel's friend", ReturnedTo::kPlacement)})
          .status());
  // Callum: four episodes in a hundred days, county lines concern.
  const double callum[][2] = {{24 * 100, 24 * 99},
                              {24 * 75, 24 * 73},
                              {24 * 45, 24 * 44},
                              {24 * 12, 24 * 11}};
  for (const auto& [gone, back] : callum) {
    ASSIGN_OR_RETURN(
        std::string c,
        b.AddEpisode({11, gone, Risk::kHigh, Category::kMissing,
                      Back(back, "Address in Coastport", "Known drug supplier",
                           ReturnedTo::kPlacement)}));
    if (gone > 24 * 40) {
      RETURN_IF_ERROR(b.Complete(c, back - 30, {Concern::kCce}, true));
    }
  }
  // Zara: placed here by another authority; the interview was never held.
  ASSIGN_OR_RETURN(std::string z1,
                   b.AddEpisode({12, 24 * 50, Risk::kLow, Category::kMissing,
                                 Back(24 * 49, "Shopping centre", "Cousin",
                                      ReturnedTo::kPlacement)}));
  RETURN_IF_ERROR(b.NotHeld(z1));
  return HoldYesterdaysMeeting(b);
}

// Yesterday's meeting, closed, with a decision and actions: one overdue,
// one due later, one done.
absl::Status HoldYesterdaysMeeting(Builder& b) {
  app::Meetings& meetings = b.hub().meetings();
  const app::Call& call = b.call();
  const domain::Policy& policy = b.hub().policy();
  const absl::TimeZone tz = policy.timezone;
  const absl::CivilDay yesterday = domain::LocalDay(b.now(), tz) - 1;
  const absl::Time opened = absl::FromCivil(
      absl::CivilSecond(yesterday) + absl::ToInt64Seconds(policy.meeting_time),
      tz);
  // Frozen at least 19 hours ago, so that yesterday's return (notified 18
  // hours ago) is new on today's agenda whatever the time of day.
  ASSIGN_OR_RETURN(
      app::MeetingRecord meeting,
      meetings.OpenMeeting(
          call, app::AgendaQuery{
                    .day = domain::FormatDay(yesterday),
                    .as_of = std::min(opened, b.now() - absl::Hours(19))}));
  const std::string& m = meeting.meeting.meeting_id;
  RETURN_IF_ERROR(
      meetings
          .AddNote(call, {.meeting_id = m,
                          .child_id = b.child_id(0),
                          .text = "Strategy meeting to be convened under "
                                  "the CSE protocol",
                          .decision = true})
          .status());
  RETURN_IF_ERROR(
      meetings
          .AddNote(call, {.meeting_id = m,
                          .child_id = b.child_id(5),
                          .text = "Carers report new phone and cash"})
          .status());
  const absl::Time end_of_yesterday =
      absl::FromCivil(absl::CivilSecond(yesterday) + 17 * 3600, tz);
  RETURN_IF_ERROR(
      meetings
          .AddAction(call, {.meeting_id = m,
                            .child_id = b.child_id(0),
                            .what = "Convene a strategy meeting (CSE)",
                            .who = "Team manager, CST",
                            .by_when = end_of_yesterday,
                            .done_when = "Strategy meeting minutes on file",
                            .worked_when = "No missing episode in 4 weeks"})
          .status());
  RETURN_IF_ERROR(
      meetings
          .AddAction(call,
                     {.meeting_id = m,
                      .child_id = b.child_id(5),
                      .what = "Arrange the RHI with an independent worker",
                      .who = "RHI service",
                      .by_when = end_of_yesterday + absl::Hours(48),
                      .done_when = "Interview recorded as completed"})
          .status());
  ASSIGN_OR_RETURN(
      domain::Action shared,
      meetings.AddAction(call,
                         {.meeting_id = m,
                          .child_id = b.child_id(11),
                          .what = "Share the Coastport address with the police",
                          .who = "Police MFH coordinator",
                          .by_when = end_of_yesterday,
                          .done_when = "Intelligence log reference received"}));
  RETURN_IF_ERROR(
      meetings
          .UpdateAction(call, {.action_id = shared.action_id,
                               .status = domain::ActionStatus::kDone,
                               .done_evidence = "Intelligence log 4471"})
          .status());
  return meetings
      .CloseMeeting(call,
                    app::MeetingClosing{.meeting_id = m,
                                        .attendees = {"MFH coordinator",
                                                      "Police MFH coordinator",
                                                      "CST team manager"}})
      .status();
}

}  // namespace

absl::StatusOr<std::string> FillDemoBorough(storage::Store& store,
                                            app::Hub& hub) {
  bool has_children = false;
  RETURN_IF_ERROR(store.Read([&](storage::Transaction& tx) -> absl::Status {
    ASSIGN_OR_RETURN(std::vector<domain::Child> children, tx.ListChildren(""));
    has_children = !children.empty();
    return absl::OkStatus();
  }));
  if (has_children) return std::string();
  const absl::Time now = hub.clock().Now();
  absl::StatusOr<app::NewUser> user = app::CreateUser(
      store, "coordinator", domain::Role::kCoordinator, now, kDemoActor);
  if (absl::IsAlreadyExists(user.status())) {
    user = app::CreateUser(
        store, absl::StrCat("coordinator-", absl::ToUnixSeconds(now)),
        domain::Role::kCoordinator, now, kDemoActor);
  }
  if (!user.ok()) return user.status();
  Builder builder(hub, app::Call{.token = user->token,
                                 .peer = "demo",
                                 .undecodable = absl::OkStatus()});
  RETURN_IF_ERROR(Fill(builder));
  return user->token;
}

}  // namespace mfh::server
