package org.pipelineaudit.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pipelineaudit.config.ConfigurationException;
import org.springframework.scheduling.support.CronExpression;

/**
 * Parses {@code <command> [--option value | --option=value]...}. Options with a dot in their name
 * ({@code --spring.mail.host=...}) are Spring properties and pass through untouched.
 */
public final class CommandLineParser {

    public static final Set<String> COMMANDS = Set.of("audit", "ingest", "nightly", "serve", "rules", "status", "bench");
    private static final Set<String> OPTIONS = Set.of("input", "as-of", "zone", "out", "data-dir", "db", "mapping", "rules",
            "inbox", "schedule", "lang", "opportunities", "activities", "format");
    /** Options that take no value. */
    private static final Set<String> FLAGS = Set.of("rules-only");

    /** The parsed options and the Spring property arguments to hand on. */
    public record Parsed(AuditOptions options, List<String> springArgs, boolean help) {
    }

    public Parsed parse(String[] args) {
        String command = null;
        String input = null, asOf = null, zone = null, out = null, dataDir = null, db = null, rules = null, inbox = null,
                schedule = null, lang = null, opportunities = null, activities = null, format = null;
        boolean rulesOnly = false;
        List<Path> mappings = new ArrayList<>();
        List<String> spring = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h") || arg.equals("help")) {
                return new Parsed(null, List.of(), true);
            }
            if (!arg.startsWith("--")) {
                if (command != null) {
                    throw new ConfigurationException("unexpected argument '" + arg + "' (see --help)");
                }
                if (!COMMANDS.contains(arg)) {
                    throw new ConfigurationException("unknown command '" + arg + "'; commands: audit, ingest, nightly, serve, rules, status");
                }
                command = arg;
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (name.contains(".")) {
                if (value == null && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                }
                spring.add("--" + name + "=" + (value == null ? "true" : value));
                continue;
            }
            if (FLAGS.contains(name) && value == null) {
                rulesOnly = true;
                continue;
            }
            if (!OPTIONS.contains(name)) {
                throw new ConfigurationException("unknown option --" + name + " (see --help)");
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new ConfigurationException("option --" + name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "input" -> input = value;
                case "as-of" -> asOf = value;
                case "zone" -> zone = value;
                case "out" -> out = value;
                case "data-dir" -> dataDir = value;
                case "db" -> db = value;
                case "mapping" -> mappings.add(Path.of(value));
                case "rules" -> rules = value;
                case "inbox" -> inbox = value;
                case "schedule" -> schedule = value;
                case "lang" -> lang = value;
                case "opportunities" -> opportunities = value;
                case "activities" -> activities = value;
                case "format" -> format = value;
                default -> throw new IllegalStateException(name);
            }
        }
        if (command == null) {
            throw new ConfigurationException("no command given (see --help)");
        }
        ZoneId zoneId = parseZone(zone);
        LocalDate asOfDate = parseAsOf(asOf, zoneId);
        if ((command.equals("audit") || command.equals("ingest")) && input == null) {
            throw new ConfigurationException(command + " needs --input DIR");
        }
        if (input != null && !Path.of(input).toFile().isDirectory()) {
            throw new ConfigurationException("--input " + input + " is not a folder");
        }
        for (Path m : mappings) {
            if (!m.toFile().isFile()) {
                throw new ConfigurationException("--mapping " + m + ": file not found");
            }
        }
        if (rules != null && !Path.of(rules).toFile().isFile()) {
            throw new ConfigurationException("--rules " + rules + ": file not found");
        }
        String cron = schedule == null ? "0 0 2 * * *" : schedule;
        if (!CronExpression.isValidExpression(cron)) {
            throw new ConfigurationException("--schedule '" + cron + "' is not a Spring cron expression (six fields, e.g. 0 0 2 * * *)");
        }
        String language = lang == null ? "zh" : lang;
        if (!language.equals("zh") && !language.equals("en")) {
            throw new ConfigurationException("--lang must be zh or en");
        }
        if (db != null && !db.startsWith("jdbc:")) {
            throw new ConfigurationException("--db must be a JDBC URL such as jdbc:postgresql://localhost/audit");
        }
        AuditOptions.Bench bench = parseBench(opportunities, activities, format, rulesOnly);
        AuditOptions options = new AuditOptions(command, input == null ? null : Path.of(input), asOfDate, zoneId,
                Path.of(out == null ? "reports/out" : out), Path.of(dataDir == null ? "data" : dataDir), db, List.copyOf(mappings),
                rules == null ? null : Path.of(rules), Path.of(inbox == null ? "inbox" : inbox), cron, language, bench);
        return new Parsed(options, spring, false);
    }

    private static AuditOptions.Bench parseBench(String opportunities, String activities, String format, boolean rulesOnly) {
        int opps = positive("--opportunities", opportunities, 100_000);
        int acts = activities == null ? opps * 5 : positive("--activities", activities, 0);
        String f = format == null ? "xlsx" : format;
        if (!f.equals("xlsx") && !f.equals("csv")) {
            throw new ConfigurationException("--format must be xlsx or csv");
        }
        return new AuditOptions.Bench(opps, acts, f, rulesOnly);
    }

    private static int positive(String option, String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.replace("_", "").replace(",", ""));
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigurationException(option + " must be a whole number, not '" + value + "'");
        }
    }

    private static ZoneId parseZone(String zone) {
        if (zone == null) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw new ConfigurationException("--zone '" + zone + "' is not a time zone (e.g. Asia/Shanghai, UTC)");
        }
    }

    private static LocalDate parseAsOf(String asOf, ZoneId zone) {
        if (asOf == null) {
            return LocalDate.now(zone);
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new ConfigurationException("--as-of '" + asOf + "' is not a date in the form YYYY-MM-DD");
        }
    }

    public static String usage() {
        return """
                Usage: run.sh [COMMAND] [OPTIONS]

                Commands:
                  (none)               audit sample-data as of its export date (see sample-data/README.md)
                  audit --input DIR    one-shot audit of every file in DIR (files are only read)
                  ingest --input DIR   load DIR into the database only and print the ingest summary
                  nightly              ingest the inbox, audit, write reports, send mail (once)
                  serve                ingest files as they arrive; run nightly on --schedule
                  rules                print every rule with its default settings (YAML)
                  status               print the last runs
                  bench [--opportunities N] [--activities M] [--format xlsx|csv]
                                       generate an export of that size and time ingest and rules
                  bench --rules-only   time the rules again on the data the last bench loaded

                Options:
                  --as-of YYYY-MM-DD   audit date D (default: today in --zone)
                  --zone ZONE          time zone for dates (default: the system zone)
                  --out DIR            output folder (default reports/out); a run writes to DIR/<as-of>/
                  --data-dir DIR       where the embedded H2 database lives (default data)
                  --db JDBC_URL        use this database instead (e.g. jdbc:postgresql://host/db;
                                       --spring.datasource.username=... --spring.datasource.password=...)
                  --mapping FILE       extra header and value aliases (YAML); may repeat
                  --rules FILE         rule settings (YAML); see `run.sh rules`
                  --inbox DIR          inbox folder for nightly/serve (default inbox)
                  --schedule CRON      Spring cron for serve (default "0 0 2 * * *")
                  --lang zh|en         language of messages and reports (default zh)
                  --spring.x.y=VALUE   any Spring property (mail, datasource, ...)

                Exit codes: 0 the command ran (findings are not errors); 1 usage or configuration error;
                2 no input could be read at all.
                """;
    }
}
