package org.pipelineaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pipelineaudit.support.CliRun;

/**
 * Every export under src/test/resources/fixtures/real-exports (copied from ../shared/real-exports with
 * its PROVENANCE.md) is read with the right kind and row count; files that hold no pipeline records
 * (accounts, products, lookup tables, instructions) are reported as unrecognised. Rejections are the
 * data's own: Zoho calls/events with neither POTENTIALID nor ACCOUNTID, Dynamics received e-mails with
 * no Date Sent, the 500 Maven Prospecting deals with no engage_date.
 */
class RealExportsIntegrationTests {

    static final Path EXPORTS = Path.of("src/test/resources/fixtures/real-exports");
    static final Path MAPPINGS = Path.of("src/test/resources/fixtures/real-exports-mappings");

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}/{1} [{2}]")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // folder                        | file                   | sheet                       | mapping            | kind         | rows read | rows loaded
            "hubspot-shaped-synthetic        | hubspot_deals.csv      | hubspot_deals               | -                  | OPPORTUNITY  | 500   | 500",
            "hubspot-shaped-synthetic        | hubspot_activities.csv | hubspot_activities          | -                  | ACTIVITY     | 2000  | 2000",
            "salesforce-wave-sales-sample    | Opportunity.csv        | Opportunity                 | -                  | OPPORTUNITY  | 5197  | 5197",
            "salesforce-wave-sales-sample    | Task.csv               | Task                        | -                  | ACTIVITY     | 7814  | 7814",
            "salesforce-apex-recipes-sample  | Opportunities.csv      | Opportunities               | -                  | UNRECOGNIZED | 50    | 0",
            "salesforce-apex-recipes-sample  | Accounts.csv           | Accounts                    | -                  | UNRECOGNIZED | 50    | 0",
            "zoho-crm-sample-finepick        | Potentials.csv         | Potentials                  | zoho.yml           | OPPORTUNITY  | 3632  | 3632",
            "zoho-crm-sample-finepick        | Calls.csv              | Calls                       | zoho.yml           | ACTIVITY     | 4100  | 2739",
            "zoho-crm-sample-finepick        | Events.csv             | Events                      | zoho.yml           | ACTIVITY     | 2978  | 1860",
            "zoho-crm-sample-finepick        | Tasks.csv              | Tasks                       | zoho.yml           | UNRECOGNIZED | 2978  | 0",
            "dynamics365-contoso-coffee-demo | Opportunity.csv        | Opportunity                 | dynamics365.yml    | OPPORTUNITY  | 5229  | 5229",
            "dynamics365-contoso-coffee-demo | Appointments.csv       | Appointments                | dynamics365.yml    | ACTIVITY     | 22    | 22",
            "dynamics365-contoso-coffee-demo | Emails.csv             | Emails                      | dynamics365.yml    | ACTIVITY     | 210   | 54",
            "dynamics365-contoso-coffee-demo | Account.csv            | Account                     | dynamics365.yml    | UNRECOGNIZED | 33    | 0",
            "maven-analytics-crm             | sales_pipeline.csv     | sales_pipeline              | maven-analytics.yml| OPPORTUNITY  | 8800  | 8300",
            "maven-analytics-crm             | sales_teams.csv        | sales_teams                 | maven-analytics.yml| ROSTER       | 35    | 35",
            "maven-analytics-crm             | accounts.csv           | accounts                    | maven-analytics.yml| UNRECOGNIZED | 0     | 0",
            "pipedrive-enpal-case-study      | activity.csv           | activity                    | pipedrive.yml      | ACTIVITY     | 4579  | 4579",
            "pipedrive-enpal-case-study      | users.csv              | users                       | pipedrive.yml      | UNRECOGNIZED | 1787  | 0",
            "krayin-crm-import-sample        | leads.csv              | leads                       | -                  | UNRECOGNIZED | 2     | 0",
            "cn-vue3proj-crm-import-templates| 商机导入模板.xlsx        | sheet-1                     | -                  | UNRECOGNIZED | 2     | 0",
            "cn-fangbao-crm-import-templates | 商机导入模板.xlsx        | Sheet1                      | -                  | UNRECOGNIZED | 2     | 0",
    })
    void readsEachExportWithTheRightKindAndRowCount(String folder, String file, String sheet, String mapping, String kind,
                                                    int rowsRead, int rowsLoaded) throws Exception {
        List<String> args = new ArrayList<>(List.of("audit", "--input", EXPORTS.resolve(folder).toString(), "--as-of", "2025-06-30"));
        if (mapping != null) {
            args.addAll(List.of("--mapping", MAPPINGS.resolve(mapping).toString()));
        }

        CliRun run = CliRun.run(work, args.toArray(String[]::new));

        assertThat(run.exitCode).as(run.stderr).isZero();
        var input = run.input(file, sheet);
        if (kind.equals("UNRECOGNIZED")) {
            assertThat(input.get("status").asText()).isEqualTo("UNRECOGNIZED");
            assertThat(input.get("reason").asText()).isNotBlank();
        } else {
            assertThat(input.get("kind").asText()).isEqualTo(kind);
            assertThat(input.get("rows_read").asInt()).isEqualTo(rowsRead);
            assertThat(input.get("rows_loaded").asInt()).isEqualTo(rowsLoaded);
            assertThat(input.get("rows_rejected").asInt()).isEqualTo(rowsRead - rowsLoaded);
        }
    }
}
