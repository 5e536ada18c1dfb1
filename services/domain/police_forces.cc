#include "services/domain/police_forces.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace mfh::domain {
namespace {

// Words every force's name shares, which say nothing of which force.
bool IsCommonWord(absl::string_view word) {
  static const auto* const kWords = new absl::flat_hash_set<std::string>{
      "police", "constabulary", "service", "force", "the", "of", "and"};
  return kWords->contains(word);
}

std::vector<std::string> Words(absl::string_view text) {
  std::vector<std::string> words;
  for (absl::string_view w :
       absl::StrSplit(text, absl::ByAnyChar(" -,.&'/"), absl::SkipEmpty())) {
    std::string lower = absl::AsciiStrToLower(w);
    if (!IsCommonWord(lower)) words.push_back(std::move(lower));
  }
  return words;
}

// Edits from a to b: insertions, deletions, substitutions and swaps of two
// neighbours ("GPM" is one edit from "GMP").
size_t Distance(absl::string_view a, absl::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1,
                                     std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1,
                          d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

// Forces whose code or a word of whose name begins with a word of `text`;
// else the three codes fewest edits from it.
std::vector<const PoliceForce*> Nearest(
    absl::string_view text, const std::vector<PoliceForce>& forces) {
  std::vector<const PoliceForce*> near;
  const std::vector<std::string> words = Words(text);
  for (const PoliceForce& f : forces) {
    const std::vector<std::string> names = Words(f.name);
    const std::string code = absl::AsciiStrToLower(f.code);
    const bool hit =
        std::any_of(words.begin(), words.end(), [&](const std::string& w) {
          return absl::StartsWith(code, w) ||
                 std::any_of(names.begin(), names.end(),
                             [&](const std::string& n) {
                               return absl::StartsWith(n, w);
                             });
        });
    if (hit) near.push_back(&f);
  }
  if (near.empty()) {
    const std::string typed = absl::AsciiStrToUpper(text);
    for (const PoliceForce& f : forces) near.push_back(&f);
    std::stable_sort(near.begin(), near.end(),
                     [&](const PoliceForce* a, const PoliceForce* b) {
                       return Distance(typed, a->code) <
                              Distance(typed, b->code);
                     });
  }
  if (near.size() > 3) near.resize(3);
  return near;
}

}  // namespace

const std::vector<PoliceForce>& DefaultPoliceForces() {
  static const auto* const kForces = new std::vector<PoliceForce>{
      {"ASP", "Avon and Somerset Constabulary"},
      {"BEDS", "Bedfordshire Police"},
      {"BTP", "British Transport Police"},
      {"CAMBS", "Cambridgeshire Constabulary"},
      {"CHESHIRE", "Cheshire Constabulary"},
      {"CITY", "City of London Police"},
      {"CLEVELAND", "Cleveland Police"},
      {"CUMBRIA", "Cumbria Constabulary"},
      {"DERBYS", "Derbyshire Constabulary"},
      {"DCP", "Devon and Cornwall Police"},
      {"DORSET", "Dorset Police"},
      {"DURHAM", "Durham Constabulary"},
      {"DPP", "Dyfed-Powys Police"},
      {"ESSEX", "Essex Police"},
      {"GLOS", "Gloucestershire Constabulary"},
      {"GMP", "Greater Manchester Police"},
      {"GWENT", "Gwent Police"},
      {"HANTS", "Hampshire and Isle of Wight Constabulary"},
      {"HERTS", "Hertfordshire Constabulary"},
      {"HUMBERSIDE", "Humberside Police"},
      {"KENT", "Kent Police"},
      {"LANCS", "Lancashire Constabulary"},
      {"LEICS", "Leicestershire Police"},
      {"LINCS", "Lincolnshire Police"},
      {"MERSEYSIDE", "Merseyside Police"},
      {"MET", "Metropolitan Police Service"},
      {"NORFOLK", "Norfolk Constabulary"},
      {"NWP", "North Wales Police"},
      {"NYP", "North Yorkshire Police"},
      {"NORTHANTS", "Northamptonshire Police"},
      {"NORTHUMBRIA", "Northumbria Police"},
      {"NOTTS", "Nottinghamshire Police"},
      {"SWP", "South Wales Police"},
      {"SYP", "South Yorkshire Police"},
      {"STAFFS", "Staffordshire Police"},
      {"SUFFOLK", "Suffolk Constabulary"},
      {"SURREY", "Surrey Police"},
      {"SUSSEX", "Sussex Police"},
      {"TVP", "Thames Valley Police"},
      {"WARKS", "Warwickshire Police"},
      {"WMERCIA", "West Mercia Police"},
      {"WMP", "West Midlands Police"},
      {"WYP", "West Yorkshire Police"},
      {"WILTS", "Wiltshire Police"},
  };
  return *kForces;
}

absl::StatusOr<std::string> PoliceForceCode(
    absl::string_view field, absl::string_view text,
    const std::vector<PoliceForce>& forces) {
  const absl::string_view typed = absl::StripAsciiWhitespace(text);
  for (const PoliceForce& f : forces) {
    if (absl::EqualsIgnoreCase(f.code, typed)) return f.code;
  }
  std::vector<std::string> near;
  for (const PoliceForce* f : Nearest(typed, forces)) {
    near.push_back(absl::StrCat(f->code, " (", f->name, ")"));
  }
  return absl::InvalidArgumentError(absl::StrCat(
      field, ": \"", typed,
      "\" is not a police force code; nearest: ", absl::StrJoin(near, ", ")));
}

}  // namespace mfh::domain
