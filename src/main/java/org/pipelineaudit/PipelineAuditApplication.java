package org.pipelineaudit;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pipelineaudit.cli.AuditOptions;
import org.pipelineaudit.cli.CommandDispatcher;
import org.pipelineaudit.cli.CommandLineParser;
import org.pipelineaudit.config.ConfigurationException;
import org.pipelineaudit.ingest.AliasCatalog;
import org.pipelineaudit.ingest.AliasCatalogLoader;
import org.pipelineaudit.rules.RuleCatalog;
import org.pipelineaudit.rules.RuleSettings;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Entry point: parses the command line, starts Spring with the options as a bean, runs the command. */
@SpringBootApplication
public class PipelineAuditApplication {

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command and returns its exit code (0 ran, 1 usage/configuration error, 2 no input readable). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        // H2 hashes every string it is given to share equal values (its object cache): a tenth of loading a
        // million rows, for little gain in a batch that streams; -Dh2.objectCache=true turns it back on
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
        }
        CommandLineParser.Parsed parsed;
        try {
            parsed = new CommandLineParser().parse(args);
        } catch (ConfigurationException e) {
            err.println("pipeline-audit: " + e.getMessage());
            return 1;
        }
        if (parsed.help()) {
            out.print(CommandLineParser.usage());
            return 0;
        }
        AuditOptions options = parsed.options();
        if (options.command().equals("rules")) {
            try {
                out.print(new RuleCatalog().printDefaults(RuleSettings.load(options.rules())));
                return 0;
            } catch (ConfigurationException e) {
                err.println("pipeline-audit: " + e.getMessage());
                return 1;
            }
        }
        AliasCatalog aliases;
        RuleSettings settings;
        try {
            // bad mapping or rules files are exit 1 before anything starts
            aliases = new AliasCatalogLoader().load(options.mappings());
            settings = RuleSettings.load(options.rules());
        } catch (ConfigurationException e) {
            err.println("pipeline-audit: " + e.getMessage());
            return 1;
        }
        SpringApplication app = new SpringApplication(PipelineAuditApplication.class);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setDefaultProperties(properties(options));
        app.addInitializers(ctx -> {
            ctx.getBeanFactory().registerSingleton("auditOptions", options);
            ctx.getBeanFactory().registerSingleton("aliasCatalog", aliases);
            ctx.getBeanFactory().registerSingleton("ruleSettings", settings);
        });
        try (ConfigurableApplicationContext ctx = app.run(parsed.springArgs().toArray(String[]::new))) {
            return ctx.getBean(CommandDispatcher.class).run(out);
        } catch (Exception e) {
            ConfigurationException config = findConfigurationError(e);
            if (config != null) {
                err.println("pipeline-audit: " + config.getMessage());
                return 1;
            }
            err.println("pipeline-audit: " + rootMessage(e));
            return 1;
        }
    }

    static Map<String, Object> properties(AuditOptions options) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", options.jdbcUrl());
        if (options.db() == null) {
            props.put("spring.datasource.username", "sa");
            props.put("spring.datasource.password", "");
        }
        props.put("logging.file.name", options.runOutDir().resolve("run.log").toString());
        return props;
    }

    private static ConfigurationException findConfigurationError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigurationException c) {
                return c;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
