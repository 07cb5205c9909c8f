package org.pipelineaudit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pipelineaudit.rules.RuleScenario.D;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pipelineaudit.support.CliRun;

/**
 * Every rule of SPEC §4 at its boundary, firing and not, through the real audit (CSV files → ingest job →
 * audit job → findings.csv). D is 2026-11-30 throughout.
 */
class RulesIntegrationTests {

    @TempDir
    Path work;

    RuleScenario s;

    @BeforeEach
    void scenario() {
        s = new RuleScenario(work);
    }

    @Nested
    class Classification {
        @Test
        void missingFiresOnlyForOpenOpportunities() throws Exception {
            s.opp("open").set("priority", null);
            s.opp("won").set("priority", null).won(D.minusDays(1), 100);
            s.opp("ok");
            assertThat(s.findings("CLS-MISSING")).containsExactly("open");
        }

        @Test
        void mismatchComparesWithTheExpectedClass() throws Exception {
            s.opp("a-high-expected").set("intent", "STRONG").set("budget_status", "SUFFICIENT").set("priority", "MEDIUM");
            s.opp("b-low-by-intent").set("intent", "UNCLEAR").set("budget_status", "SUFFICIENT").set("priority", "HIGH");
            s.opp("c-low-by-budget").set("intent", "STRONG").set("budget_status", "LIMITED").set("priority", "MEDIUM");
            s.opp("d-medium-ok").set("intent", "SOME").set("budget_status", "UNKNOWN").set("priority", "MEDIUM");
            s.opp("e-high-ok").set("intent", "STRONG").set("budget_status", "SUFFICIENT").set("priority", "HIGH");
            s.opp("f-intent-missing").set("intent", null).set("priority", "HIGH");
            s.opp("g-closed").set("intent", "UNCLEAR").set("priority", "HIGH").won(D.minusDays(1), 100);
            var found = s.findingRecords("CLS-MISMATCH");
            assertThat(found).extracting(r -> r.get("entity_id") + " " + r.get("threshold"))
                    .containsExactly("a-high-expected HIGH", "b-low-by-intent LOW", "c-low-by-budget LOW");
        }
    }

    @Nested
    class FirstContact {
        @Test
        void lateFirstContactFiresAboveThreeDaysForEveryStage() throws Exception {
            s.opp("on-day-3").created(D.minusDays(10)).noContact();
            s.activity("A1", "on-day-3", D.minusDays(7));
            s.opp("on-day-4").created(D.minusDays(10)).noContact();
            s.activity("A2", "on-day-4", D.minusDays(6));
            s.opp("lost-late").created(D.minusDays(20)).noContact().set("stage", "LOST").set("probability", 0);
            s.activity("A3", "lost-late", D.minusDays(10));
            assertThat(s.findings("FUP-FIRST-CONTACT")).containsExactly("lost-late 10", "on-day-4 4");
        }

        @Test
        void neverContactedCountsToDOnlyWhileOpen() throws Exception {
            s.opp("d-minus-3").created(D.minusDays(3)).noContact();
            s.opp("d-minus-4").created(D.minusDays(4)).noContact();
            s.opp("lost-never").created(D.minusDays(30)).noContact().set("stage", "LOST").set("probability", 0);
            assertThat(s.findings("FUP-FIRST-CONTACT")).containsExactly("d-minus-4 4");
        }

        @Test
        void contactDatesIncludeFirstContactDateButNotActivitiesBeforeCreation() throws Exception {
            s.opp("field").created(D.minusDays(10)).noContact().set("first_contact_date", D.minusDays(8));
            s.opp("early-activity").created(D.minusDays(10)).noContact();
            s.activity("A1", "early-activity", D.minusDays(12)); // before creation: not a contact
            s.activity("A2", "early-activity", D.minusDays(5));
            assertThat(s.findings("FUP-FIRST-CONTACT")).containsExactly("early-activity 5");
        }
    }

    @Nested
    class Gap {
        @Test
        void theGapToDCountsAndFiresAboveSevenDays() throws Exception {
            s.opp("seven").created(D.minusDays(20)).set("last_activity_date", D.minusDays(7)).set("first_contact_date", D.minusDays(14));
            s.opp("eight").created(D.minusDays(20)).set("last_activity_date", D.minusDays(8)).set("first_contact_date", D.minusDays(15));
            s.opp("closed").created(D.minusDays(20)).set("last_activity_date", D.minusDays(15)).won(D.minusDays(10), 100);
            var found = s.findingRecords("FUP-GAP");
            assertThat(found).extracting(r -> r.get("entity_id") + " " + r.get("metric")).containsExactly("eight 8");
            assertThat(found.get(0).get("message")).contains("2026-11-22 → 2026-11-30 (D)");
        }

        @Test
        void theStretchBeforeTheFirstContactIsNotAGap() throws Exception {
            s.opp("late-start").created(D.minusDays(30)).noContact();
            s.activity("A1", "late-start", D.minusDays(6));
            s.opp("never").created(D.minusDays(30)).noContact();
            assertThat(s.findings("FUP-GAP")).isEmpty();
        }

        @Test
        void largestGapBetweenActivities() throws Exception {
            s.opp("o").created(D.minusDays(30)).noContact();
            s.activity("A1", "o", D.minusDays(30)).activity("A2", "o", D.minusDays(22)).activity("A3", "o", D.minusDays(1));
            assertThat(s.findings("FUP-GAP")).containsExactly("o 21");
        }

        @Test
        void activitiesAfterDAreIgnored() throws Exception {
            s.opp("o").created(D.minusDays(30)).noContact();
            s.activity("A1", "o", D.minusDays(8)).activity("A2", "o", D.plusDays(1));
            assertThat(s.findings("FUP-GAP")).containsExactly("o 8");
        }
    }

    @Nested
    class OverContact {
        @Test
        void moreThanThreeInSevenDaysFires() throws Exception {
            s.opp("four-in-7").created(D.minusDays(30));
            s.activity("A1", "four-in-7", D.minusDays(20)).activity("A2", "four-in-7", D.minusDays(18))
                    .activity("A3", "four-in-7", D.minusDays(16)).activity("A4", "four-in-7", D.minusDays(14));
            s.opp("four-in-8").created(D.minusDays(30));
            s.activity("B1", "four-in-8", D.minusDays(20)).activity("B2", "four-in-8", D.minusDays(18))
                    .activity("B3", "four-in-8", D.minusDays(16)).activity("B4", "four-in-8", D.minusDays(13));
            s.opp("won-five").created(D.minusDays(30)).won(D.minusDays(1), 100);
            for (int i = 1; i <= 5; i++) {
                s.activity("C" + i, "won-five", D.minusDays(10));
            }
            assertThat(s.findings("FUP-OVERCONTACT")).containsExactly("four-in-7 4", "won-five 5");
        }

        @Test
        void identicalDuplicateActivityRowsCountOnce() throws Exception {
            s.opp("o").created(D.minusDays(30));
            s.activity("A1", "o", D.minusDays(10)).activity("A1", "o", D.minusDays(10)).activity("A2", "o", D.minusDays(9))
                    .activity("A3", "o", D.minusDays(8)).activity("A3", "o", D.minusDays(8));
            assertThat(s.findings("FUP-OVERCONTACT")).isEmpty();
        }

        @Test
        void theWindowSettingKeepsTheClosedInterval() throws Exception {
            s.rules("FUP-OVERCONTACT: {max: 2, window: 3}\n");
            s.opp("in-3").created(D.minusDays(30));
            s.activity("A1", "in-3", D.minusDays(10)).activity("A2", "in-3", D.minusDays(9)).activity("A3", "in-3", D.minusDays(8));
            s.opp("in-4").created(D.minusDays(30));
            s.activity("B1", "in-4", D.minusDays(10)).activity("B2", "in-4", D.minusDays(9)).activity("B3", "in-4", D.minusDays(7));
            assertThat(s.findings("FUP-OVERCONTACT")).containsExactly("in-3 3");
        }
    }

    @Nested
    class OverdueAndPastDue {
        @Test
        void overdueWhenTheNextFollowUpIsBeforeD() throws Exception {
            s.opp("yesterday").set("next_followup_date", D.minusDays(1));
            s.opp("today").set("next_followup_date", D);
            s.opp("lost").set("next_followup_date", D.minusDays(5)).set("stage", "LOST").set("probability", 0);
            assertThat(s.findings("FUP-OVERDUE")).containsExactly("yesterday 1");
        }

        @Test
        void pastDueWhenTheExpectedCloseIsBeforeD() throws Exception {
            s.opp("yesterday").set("close_date", D.minusDays(1));
            s.opp("today").set("close_date", D);
            s.opp("won").won(D.minusDays(3), 100);
            assertThat(s.findings("CNV-PAST-DUE")).containsExactly("yesterday 1");
        }
    }

    @Nested
    class Evaluation {
        @Test
        void missingCountsUnknownBudgetAsMissing() throws Exception {
            s.opp("unknown-budget").set("stage", "EVALUATING").set("probability", 50).set("budget_status", "UNKNOWN");
            s.opp("all-missing").set("stage", "EVALUATING").set("probability", null).set("budget_status", null).set("decision_date", null);
            s.opp("complete").set("stage", "EVALUATING").set("probability", 50);
            s.opp("tracking").set("probability", null).set("budget_status", null);
            assertThat(s.findings("EVA-MISSING")).containsExactly("all-missing 3", "unknown-budget 1");
        }

        @Test
        void probabilityBandsAreInclusiveForEveryStage() throws Exception {
            s.opp("id-30").set("stage", "IDENTIFIED").set("probability", 30);
            s.opp("id-31").set("stage", "IDENTIFIED").set("probability", 31);
            s.opp("tr-9").set("probability", 9);
            s.opp("ev-90").set("stage", "EVALUATING").set("probability", "90%");
            s.opp("won-99").won(D.minusDays(1), 100).set("probability", 99);
            s.opp("lost-0").set("stage", "LOST").set("probability", 0);
            s.opp("lost-5").set("stage", "LOST").set("probability", "0.05");
            assertThat(s.findings("EVA-PROBABILITY")).containsExactly("id-31 31", "lost-5 5", "tr-9 9", "won-99 99");
        }

        @Test
        void partialBandsKeepTheOtherDefaults() throws Exception {
            s.rules("EVA-PROBABILITY: {bands: {IDENTIFIED: [0, 40]}}\n");
            s.opp("id-35").set("stage", "IDENTIFIED").set("probability", 35);
            s.opp("tr-61").set("probability", 61);
            assertThat(s.findings("EVA-PROBABILITY")).containsExactly("tr-61 61");
        }
    }

    @Nested
    class Conversion {
        @Test
        void wonNeedsAPositiveAmountAndACloseDate() throws Exception {
            s.opp("no-amount").won(D.minusDays(1), null);
            s.opp("zero").won(D.minusDays(1), 0);
            s.opp("no-close").won(null, 100);
            s.opp("complete").won(D.minusDays(1), 100);
            var found = s.findingRecords("CNV-WON-INCOMPLETE");
            assertThat(found).extracting(r -> r.get("entity_id")).containsExactly("no-amount", "no-close", "zero");
            assertThat(found).allSatisfy(r -> assertThat(r.get("severity")).isEqualTo("ERROR"));
        }
    }

    @Nested
    class Unassigned {
        @Test
        void firesAfterTwoDaysWithoutOwner() throws Exception {
            s.opp("d2").set("owner", null).created(D.minusDays(2));
            s.opp("d3").set("owner", null).created(D.minusDays(3));
            s.opp("lost").set("owner", null).created(D.minusDays(9)).set("stage", "LOST").set("probability", 0);
            assertThat(s.findings("HND-UNASSIGNED")).containsExactly("d3 3");
        }
    }

    @Nested
    class DataQuality {
        @Test
        void closeBeforeCreate() throws Exception {
            s.opp("bad").created(D.minusDays(5)).set("close_date", D.minusDays(6));
            s.opp("same-day").created(D.minusDays(5)).won(D.minusDays(5), 100);
            assertThat(s.findings("DQ-CLOSE-BEFORE-CREATE")).containsExactly("bad");
        }

        @Test
        void activityDatedAfterDOrBeforeItsOpportunity() throws Exception {
            s.opp("o").created(D.minusDays(10));
            s.activity("A-after", "o", D.plusDays(1)).activity("A-on-D", "o", D).activity("A-before", "o", D.minusDays(11))
                    .activity("A-on-create", "o", D.minusDays(10));
            assertThat(s.findings("DQ-ACTIVITY-DATE")).containsExactly("A-after", "A-before");
        }

        @Test
        void orphanActivityLooksAmongAllLoadedOpportunities() throws Exception {
            s.opp("future").created(D.plusDays(3));
            s.activity("A-orphan", "nowhere", D.minusDays(1)).activity("A-future-opp", "future", D.minusDays(1));
            var found = s.findingRecords("DQ-ORPHAN-ACTIVITY");
            assertThat(found).extracting(r -> r.get("entity_id")).containsExactly("A-orphan");
            assertThat(found.get(0).get("owner")).isEqualTo("张伟");
        }

        @Test
        void conflictingDuplicatesReportTheRowCount() throws Exception {
            s.opp("dup").set("priority", "HIGH");
            s.opp("dup").set("priority", "LOW");
            s.opp("dup").set("priority", "LOW");
            s.opp("same");
            s.opp("same");
            assertThat(s.findings("DQ-DUPLICATE")).containsExactly("dup 3");
        }

        @Test
        void opportunitiesCreatedAfterDAreLoadedButNoRuleSeesThem() throws Exception {
            s.opp("future").created(D.plusDays(1)).set("priority", null).set("owner", null);
            CliRun run = s.runAudit();
            assertThat(run.summary().get("counts").get("opportunities").asInt()).isEqualTo(1);
            assertThat(run.csv("findings.csv")).isEmpty();
        }
    }

    @Nested
    class Feedback {
        @Test
        void lateWhenAnsweredOrUnansweredAfterMoreThanTwoDays() throws Exception {
            s.opp("o");
            s.feedback("F-open-2", "张伟", D.minusDays(2), null)
                    .feedback("F-open-3", "张伟", D.minusDays(3), null)
                    .feedback("F-resp-2", "张伟", D.minusDays(10), D.minusDays(8))
                    .feedback("F-resp-3", "张伟", D.minusDays(10), D.minusDays(7))
                    .feedback("F-resp-after-D", "张伟", D.minusDays(5), D.plusDays(1))
                    .feedback("F-future", "张伟", D.plusDays(1), null);
            assertThat(s.findings("FBK-LATE")).containsExactly("F-open-3 3", "F-resp-3 3", "F-resp-after-D 5");
        }

        @Test
        void pitfallWhenAtLeastFiveAndAFifthAreLate() throws Exception {
            s.opp("o");
            s.rep("张伟", "华北").rep("李娜", "华东");
            for (int i = 1; i <= 4; i++) {
                s.feedback("N" + i, "张伟", D.minusDays(10), D.minusDays(10));
                s.feedback("E" + i, "李娜", D.minusDays(10), D.minusDays(10));
            }
            s.feedback("N5", "张伟", D.minusDays(10), null); // 1 of 5 late in 华北: 0.2
            s.feedback("OLD", "李娜", D.minusDays(90), null); // outside (D-90, D]
            var found = s.findingRecords("PIT-FEEDBACK");
            assertThat(found).extracting(r -> r.get("entity_type") + " " + r.get("entity_id") + " " + r.get("metric"))
                    .containsExactly("TEAM 华北 0.2");
        }

        @Test
        void aDisabledFbkLateCountsAsNeverLate() throws Exception {
            s.rules("FBK-LATE: {enabled: false}\n");
            s.opp("o");
            for (int i = 1; i <= 5; i++) {
                s.feedback("F" + i, "张伟", D.minusDays(10), null);
            }
            CliRun run = s.runAudit();
            assertThat(run.csv("findings.csv")).noneMatch(r -> r.get("rule_id").startsWith("FBK") || r.get("rule_id").equals("PIT-FEEDBACK"));
        }
    }

    @Nested
    class Channel {
        @Test
        void topShareAtSixtyPercentOfTwentyFires() throws Exception {
            for (int i = 0; i < 20; i++) {
                s.opp("o%02d".formatted(i)).set("channel", i < 12 ? "线上广告" : "展会").created(D.minusDays(89));
            }
            s.opp("old").set("channel", "展会").created(D.minusDays(90)); // not in (D-90, D]
            var found = s.findingRecords("PIT-CHANNEL");
            assertThat(found).extracting(r -> r.get("entity_type") + " " + r.get("entity_id") + " " + r.get("team") + " " + r.get("metric"))
                    .containsExactly("COMPANY ALL ALL 0.6", "TEAM T1 T1 0.6");
        }

        @Test
        void belowTheShareOrTheCountDoesNotFire() throws Exception {
            for (int i = 0; i < 20; i++) {
                s.opp("a%02d".formatted(i)).set("team", "A").set("channel", i < 11 ? "线上广告" : "展会");
            }
            for (int i = 0; i < 19; i++) {
                s.opp("b%02d".formatted(i)).set("team", "B").set("channel", "线上广告");
                s.opp("c%02d".formatted(i)).set("team", "B").set("channel", null);
            }
            assertThat(s.findings("PIT-CHANNEL")).containsExactly("ALL 0.7692");
        }
    }

    @Nested
    class Reps {
        @Test
        void complianceBelowSeventyPercentOfAtLeastFiveOpen() throws Exception {
            for (int i = 0; i < 5; i++) {
                s.opp("a" + i).set("owner", "甲").set("next_followup_date", i < 2 ? D.minusDays(1) : null); // 3 of 5 compliant
                s.opp("b" + i).set("owner", "乙").set("next_followup_date", i < 1 ? D.minusDays(1) : null); // 4 of 5
            }
            for (int i = 0; i < 4; i++) {
                s.opp("c" + i).set("owner", "丙").set("next_followup_date", D.minusDays(1)); // only 4 open
            }
            assertThat(s.findings("PIT-REP-COMPLIANCE")).containsExactly("甲 0.6");
        }

        @Test
        void complianceSeesFollowUpRulesAsConfigured() throws Exception {
            s.rules("FUP-OVERDUE: {enabled: false}\n");
            for (int i = 0; i < 5; i++) {
                s.opp("a" + i).set("owner", "甲").set("next_followup_date", D.minusDays(1));
            }
            assertThat(s.findings("PIT-REP-COMPLIANCE")).isEmpty();
        }

        @Test
        void loadAboveTwiceTheTeamMedian() throws Exception {
            s.rep("甲", "T").rep("乙", "T").rep("丙", "T").rep("丁", "U").rep("戊", "U").rep("己", "U");
            s.opp("t1").set("owner", "甲");
            s.opp("t2").set("owner", "乙");
            for (int i = 0; i < 3; i++) {
                s.opp("t3-" + i).set("owner", "丙"); // 3 > 2 × median 1
            }
            s.opp("u1").set("owner", "丁");
            s.opp("u2").set("owner", "戊");
            s.opp("u3-0").set("owner", "己");
            s.opp("u3-1").set("owner", "己"); // 2 = 2 × median 1: not above
            assertThat(s.findings("PIT-REP-LOAD")).containsExactly("丙 3");
        }
    }

    @Nested
    class DataCompleteness {
        @Test
        void filledShareBelowEightyPercentOfAtLeastFiveOpen() throws Exception {
            for (int i = 0; i < 5; i++) {
                s.opp("a" + i).set("team", "A").set("intent", null).set("decision_date", null); // 5 of 7 filled: 0.7143
                s.opp("b" + i).set("team", "B").set("budget_status", "UNKNOWN"); // UNKNOWN is a value: 7 of 7
            }
            for (int i = 0; i < 4; i++) {
                s.opp("c" + i).set("team", "C").set("channel", null).set("probability", null).set("priority", null);
            }
            assertThat(s.findingRecords("PIT-DATA")).extracting(r -> r.get("entity_id") + " " + r.get("metric"))
                    .containsExactly("A 0.7143", "ALL 0.7755"); // company: (25 + 35 + 16) / (14 × 7)
        }
    }

    @Nested
    class Targets {
        void history(String owner) {
            s.opp(owner + "-aug").set("owner", owner).created(D.minusDays(120)).won(java.time.LocalDate.of(2026, 8, 15), 100);
            s.opp(owner + "-sep").set("owner", owner).created(D.minusDays(120)).won(java.time.LocalDate.of(2026, 9, 30), 100);
            s.opp(owner + "-oct").set("owner", owner).created(D.minusDays(120)).won(java.time.LocalDate.of(2026, 10, 1), 100);
        }

        @Test
        void monthlyTargetsAgainstTheMeanOfTheThreePreviousMonths() throws Exception {
            for (String rep : new String[] {"甲", "乙", "丙", "丁"}) {
                history(rep);
            }
            s.target("甲", "2026-11", 151).target("乙", "2026-11", 150).target("丙", "2026-11", 79).target("丁", "2026-11", 80)
                    .target("甲", "2026-10", 1000);
            var found = s.findingRecords("PIT-TARGET");
            assertThat(found).extracting(r -> r.get("entity_id") + " " + r.get("metric") + " " + r.get("threshold"))
                    .containsExactly("丙|2026-11 0.79 0.8", "甲|2026-11 1.51 1.5");
        }

        @Test
        void quarterlyTargetsAndAZeroBaseline() throws Exception {
            s.opp("q3").set("owner", "甲").created(D.minusDays(150)).won(java.time.LocalDate.of(2026, 7, 1), 300);
            s.target("甲", "2026-Q4", 151).target("乙", "2026-Q4", 500); // baseline (0 + 0 + 300) / 3 = 100; 乙 has none
            assertThat(s.findings("PIT-TARGET")).containsExactly("甲|2026-Q4 1.51");
        }
    }

    @Nested
    class AfterSale {
        @Test
        void wonThirtyDaysAgoWithoutContactFires() throws Exception {
            s.opp("d30").won(D.minusDays(30), 100).created(D.minusDays(60));
            s.opp("d29").won(D.minusDays(29), 100).created(D.minusDays(60));
            s.opp("on-close-day").won(D.minusDays(40), 100).created(D.minusDays(60));
            s.activity("A1", "on-close-day", D.minusDays(40));
            assertThat(s.findings("PIT-AFTERSALE")).containsExactly("d30 30", "on-close-day 40");
        }

        @Test
        void anyActivityOfTheSameCustomerAfterTheCloseCounts() throws Exception {
            s.opp("won").set("customer", "Acme Ltd").won(D.minusDays(40), 100).created(D.minusDays(60));
            s.opp("other").set("customer", "  acme ltd ").created(D.minusDays(5));
            s.activity("A1", "other", "", D.minusDays(2), "李娜");
            s.opp("won2").set("customer", "Beta").won(D.minusDays(40), 100).created(D.minusDays(60));
            s.activity("B1", "", "BETA", D.minusDays(39), "李娜");
            assertThat(s.findings("PIT-AFTERSALE")).isEmpty();
        }
    }

    @Nested
    class Settings {
        @Test
        void aRulesFileChangesThresholdsSeverityAndOnOff() throws Exception {
            s.rules("FUP-GAP: {threshold: 10, severity: error}\nCLS-MISSING: {enabled: false}\n");
            s.opp("gap-10").created(D.minusDays(20)).set("last_activity_date", D.minusDays(10)).set("priority", null)
                    .set("first_contact_date", D.minusDays(20));
            s.opp("gap-11").created(D.minusDays(20)).set("last_activity_date", D.minusDays(11))
                    .set("first_contact_date", D.minusDays(20));
            CliRun run = s.runAudit();
            var rows = run.csv("findings.csv");
            assertThat(rows).filteredOn(r -> r.get("rule_id").equals("FUP-GAP"))
                    .extracting(r -> r.get("entity_id") + " " + r.get("severity") + " " + r.get("threshold")).containsExactly("gap-11 ERROR 10");
            assertThat(rows).noneMatch(r -> r.get("rule_id").equals("CLS-MISSING"));
            assertThat(run.summary().get("settings").get("FUP-GAP").get("threshold").asInt()).isEqualTo(10);
            assertThat(run.summary().get("settings").get("CLS-MISSING").get("enabled").asBoolean()).isFalse();
        }

        @Test
        void badRulesFilesExitOneWithTheLine() throws Exception {
            Files.createDirectories(work.resolve("in"));
            String[][] cases = {
                    {"FUP-GAP: {threshold: 7}\nFUP-GAPS: {threshold: 3}\n", "line 2", "FUP-GAPS"},
                    {"FUP-GAP:\n  treshold: 3\n", "line 2", "treshold"},
                    {"FUP-GAP: {threshold: 2.5}\n", "line 1", "whole number"},
                    {"PIT-CHANNEL: {share: 1.5}\n", "line 1", "share"},
                    {"PIT-TARGET: {high: -1}\n", "line 1", "positive"},
                    {"CLS-MISSING: {severity: FATAL}\n", "line 1", "INFO, WARN or ERROR"},
                    {"PIT-DATA: {fields: [priority, colour]}\n", "line 1", "colour"},
                    {"FUP-GAP: [1, 2\n", "line", ""}};
            for (String[] c : cases) {
                Path file = work.resolve("bad.yml");
                Files.writeString(file, c[0]);
                CliRun run = CliRun.run(work, "audit", "--input", work.resolve("in").toString(), "--rules", file.toString());
                assertThat(run.exitCode).as(c[0]).isEqualTo(1);
                assertThat(run.stderr).as(c[0]).contains(c[1]).contains(c[2]);
                assertThat(run.stderr.strip().lines().count()).as(c[0]).isEqualTo(1);
            }
        }

        @Test
        void theRulesCommandPrintsDefaultsThatLoadAsARulesFile() throws Exception {
            CliRun printed = CliRun.run(work, "rules");
            assertThat(printed.exitCode).isZero();
            assertThat(printed.stdout).contains("FUP-GAP: {enabled: true, severity: WARN, threshold: 7}")
                    .contains("跟进间隔过长").contains("gap between consecutive contacts");
            Path file = work.resolve("defaults.yml");
            Files.writeString(file, printed.stdout);
            RuleSettings reloaded = RuleSettings.load(file);
            assertThat(reloaded.asMap()).isEqualTo(RuleSettings.defaults().asMap());
        }

        @Test
        void theSameInputGivesByteIdenticalFindings() throws Exception {
            s.opp("a").set("priority", null).set("next_followup_date", D.minusDays(3));
            s.opp("b").created(D.minusDays(20)).noContact();
            s.activity("X", "nowhere", D.minusDays(1));
            CliRun first = s.runAudit();
            byte[] one = Files.readAllBytes(first.outDir.resolve("findings.csv"));
            CliRun second = s.runAudit();
            assertThat(Files.readAllBytes(second.outDir.resolve("findings.csv"))).isEqualTo(one);
            assertThat(new String(one, java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith("rule_id,severity,entity_type,entity_id,team,owner,metric,threshold,message\n");
        }
    }
}
