// Every call of the API with the right it needs (the role table of DESIGN.md
// section 4) and, for a write, what it changes: the one place the runner and
// the authorisation tests read access from.
#ifndef MFH_SERVICES_APP_CALLS_H_
#define MFH_SERVICES_APP_CALLS_H_

#include "absl/strings/string_view.h"
#include "services/app/change_feed.h"
#include "services/domain/roles.h"

namespace mfh::app {

struct ReadCall {
  absl::string_view name;
  domain::Right right;
};

struct WriteCall {
  absl::string_view name;
  domain::Right right;
  ChangeKind change;
};

namespace calls {

using domain::Right;

inline constexpr WriteCall kCreateChild{"CreateChild", Right::kManageChildren,
                                        ChangeKind::kChild};
inline constexpr WriteCall kUpdateChild{"UpdateChild", Right::kManageChildren,
                                        ChangeKind::kChild};
inline constexpr ReadCall kGetChild{"GetChild", Right::kRead};
inline constexpr ReadCall kListChildren{"ListChildren", Right::kRead};
inline constexpr WriteCall kSetFlag{"SetFlag", Right::kManageChildren,
                                    ChangeKind::kChild};
inline constexpr WriteCall kClearFlag{"ClearFlag", Right::kManageChildren,
                                      ChangeKind::kChild};

inline constexpr WriteCall kReportMissing{
    "ReportMissing", Right::kWriteEpisodes, ChangeKind::kEpisode};
inline constexpr WriteCall kLogReturn{"LogReturn", Right::kWriteEpisodes,
                                      ChangeKind::kReturn};
inline constexpr WriteCall kCorrectReturn{
    "CorrectReturn", Right::kWriteEpisodes, ChangeKind::kReturn};
inline constexpr WriteCall kUpdateEpisode{
    "UpdateEpisode", Right::kWriteEpisodes, ChangeKind::kEpisode};
// The police may void only the episodes they reported (checked against the
// episode); those with kVoidAnyEpisode, any.
inline constexpr WriteCall kVoidEpisode{"VoidEpisode", Right::kWriteEpisodes,
                                        ChangeKind::kEpisode};
inline constexpr ReadCall kGetEpisode{"GetEpisode", Right::kRead};
inline constexpr ReadCall kListEpisodes{"ListEpisodes", Right::kRead};
inline constexpr WriteCall kLinkEpisodes{"LinkEpisodes", Right::kManageChildren,
                                         ChangeKind::kEpisode};
inline constexpr ReadCall kWatchBoard{"WatchBoard", Right::kRead};

inline constexpr ReadCall kListInterviews{"ListInterviews", Right::kReadRhi};
inline constexpr ReadCall kGetInterview{"GetInterview", Right::kReadRhi};
inline constexpr WriteCall kRecordOffer{"RecordOffer", Right::kWriteRhi,
                                        ChangeKind::kInterview};
inline constexpr WriteCall kRecordDecline{"RecordDecline", Right::kWriteRhi,
                                          ChangeKind::kInterview};
inline constexpr WriteCall kRecordCompletion{
    "RecordCompletion", Right::kWriteRhi, ChangeKind::kInterview};
inline constexpr WriteCall kMarkNotHeld{"MarkNotHeld", Right::kWriteRhi,
                                        ChangeKind::kInterview};
inline constexpr WriteCall kMarkNotRequired{"MarkNotRequired", Right::kWriteRhi,
                                            ChangeKind::kInterview};
inline constexpr WriteCall kRecordFindings{"RecordFindings", Right::kWriteRhi,
                                           ChangeKind::kInterview};
inline constexpr WriteCall kRecordFollowUp{"RecordFollowUp", Right::kWriteRhi,
                                           ChangeKind::kInterview};

inline constexpr ReadCall kListIntelligence{"ListIntelligence",
                                            Right::kIntelligence};
inline constexpr WriteCall kAcknowledgeIntelligence{
    "AcknowledgeIntelligence", Right::kIntelligence, ChangeKind::kInterview};

inline constexpr ReadCall kGetAgenda{"GetAgenda", Right::kRead};
inline constexpr WriteCall kOpenMeeting{"OpenMeeting", Right::kRunMeetings,
                                        ChangeKind::kMeeting};
inline constexpr WriteCall kAddNote{"AddNote", Right::kRunMeetings,
                                    ChangeKind::kMeeting};
inline constexpr WriteCall kAddAction{"AddAction", Right::kRunMeetings,
                                      ChangeKind::kAction};
// Everyone who reads may try; only those with kUpdateAnyAction may update an
// action not assigned to them (checked against the action).
inline constexpr WriteCall kUpdateAction{
    "UpdateAction", Right::kUpdateOwnAction, ChangeKind::kAction};
inline constexpr WriteCall kCloseMeeting{"CloseMeeting", Right::kRunMeetings,
                                         ChangeKind::kMeeting};
inline constexpr ReadCall kGetMeeting{"GetMeeting", Right::kRead};
inline constexpr ReadCall kListActions{"ListActions", Right::kRead};
inline constexpr ReadCall kListMeetings{"ListMeetings", Right::kRead};

inline constexpr ReadCall kMonthlyReport{"MonthlyReport", Right::kReports};
inline constexpr ReadCall kExceptionReport{"ExceptionReport", Right::kReports};
inline constexpr ReadCall kChronology{"Chronology", Right::kReports};
inline constexpr ReadCall kSsda903Missing{"Ssda903Missing", Right::kReports};
inline constexpr ReadCall kHotspots{"Hotspots", Right::kReports};

inline constexpr WriteCall kAddUser{"AddUser", Right::kAdmin,
                                    ChangeKind::kUser};
inline constexpr ReadCall kListUsers{"ListUsers", Right::kAdmin};
inline constexpr WriteCall kRevokeUser{"RevokeUser", Right::kAdmin,
                                       ChangeKind::kUser};
inline constexpr ReadCall kListAudit{"ListAudit", Right::kAdmin};

}  // namespace calls
}  // namespace mfh::app

#endif  // MFH_SERVICES_APP_CALLS_H_
