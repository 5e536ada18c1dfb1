#include "services/domain/csv.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "services/domain/reports.h"

namespace mfh::domain {
namespace {

TEST(CsvTest, PlainFieldsStayAsTheyAre) {
  EXPECT_EQ(CsvField("LA-10231"), "LA-10231");
  EXPECT_EQ(CsvField("14/05/2012"), "14/05/2012");
  EXPECT_EQ(CsvField("2026-03-30T10:00:00Z"), "2026-03-30T10:00:00Z");
  EXPECT_EQ(CsvField(""), "");
}

TEST(CsvTest, CommasQuotesAndLineBreaksAreQuotedWithQuotesDoubled) {
  EXPECT_EQ(CsvField("LA,1"), "\"LA,1\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("a\r\nb"), "\"a\r\nb\"");
}

TEST(CsvTest, AFieldASpreadsheetWouldRunIsNeutralised) {
  EXPECT_EQ(CsvField("=1+1"), "'=1+1");
  EXPECT_EQ(CsvField("+44 161"), "'+44 161");
  EXPECT_EQ(CsvField("-2+3"), "'-2+3");
  EXPECT_EQ(CsvField("+1.5e3"), "'+1.5e3");
  EXPECT_EQ(CsvField("-A1"), "'-A1");
  EXPECT_EQ(CsvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvField("\tx"), "'\tx");
  EXPECT_EQ(CsvField("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  // Only the first character matters.
  EXPECT_EQ(CsvField("A=1"), "A=1");
}

TEST(CsvTest, FiguresAndTheNoFigureDashStayFigures) {
  EXPECT_EQ(CsvField("-2"), "-2");
  EXPECT_EQ(CsvField("-0.68"), "-0.68");
  EXPECT_EQ(CsvField("+3"), "+3");
  EXPECT_EQ(CsvField("-"), "-");
  EXPECT_EQ(CsvField("--"), "'--");
  EXPECT_EQ(CsvField("-."), "'-.");
  EXPECT_EQ(CsvField("-1.2.3"), "'-1.2.3");
}

TEST(CsvTest, ARecordJoinsItsFieldsAndEndsAsAsked) {
  EXPECT_EQ(CsvRecord({"a", "b,c", "=d"}, "\r\n"), "a,\"b,c\",'=d\r\n");
  EXPECT_EQ(CsvRecord({}, "\n"), "\n");
}

TEST(CsvTest, TheSsda903FileQuotesAndNeutralisesAnLaRef) {
  std::vector<SsdaRow> rows = {{.child = "LA,7",
                                .dob = "14/05/2012",
                                .missing = "M",
                                .mis_start = "01/05/2026",
                                .mis_end = "02/05/2026"},
                               {.child = "=cmd|' /C calc'!A0",
                                .dob = "01/01/2011",
                                .missing = "A",
                                .mis_start = "03/05/2026",
                                .mis_end = ""}};
  EXPECT_EQ(SsdaCsv(rows),
            "CHILD,DOB,MISSING,MIS_START,MIS_END\r\n"
            "\"LA,7\",14/05/2012,M,01/05/2026,02/05/2026\r\n"
            "'=cmd|' /C calc'!A0,01/01/2011,A,03/05/2026,\r\n");
}

}  // namespace
}  // namespace mfh::domain
