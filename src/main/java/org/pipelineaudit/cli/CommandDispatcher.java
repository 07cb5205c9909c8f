package org.pipelineaudit.cli;

import java.io.PrintStream;
import org.springframework.stereotype.Component;

/** Runs the command named on the command line. */
@Component
public class CommandDispatcher {

    private final AuditOptions options;
    private final AuditCommand auditCommand;
    private final org.pipelineaudit.bench.BenchCommand benchCommand;
    private final org.pipelineaudit.inbox.NightlyCommand nightlyCommand;
    private final org.pipelineaudit.schedule.ServeCommand serveCommand;
    private final StatusCommand statusCommand;

    public CommandDispatcher(AuditOptions options, AuditCommand auditCommand, org.pipelineaudit.bench.BenchCommand benchCommand,
                             org.pipelineaudit.inbox.NightlyCommand nightlyCommand, org.pipelineaudit.schedule.ServeCommand serveCommand,
                             StatusCommand statusCommand) {
        this.options = options;
        this.auditCommand = auditCommand;
        this.benchCommand = benchCommand;
        this.nightlyCommand = nightlyCommand;
        this.serveCommand = serveCommand;
        this.statusCommand = statusCommand;
    }

    public int run(PrintStream out) throws Exception {
        return switch (options.command()) {
            case "audit", "ingest" -> auditCommand.run(out);
            case "bench" -> benchCommand.run(out);
            case "nightly" -> nightlyCommand.run(out);
            case "serve" -> serveCommand.run(out);
            case "status" -> statusCommand.run(out);
            default -> throw new org.pipelineaudit.config.ConfigurationException(
                    "the '" + options.command() + "' command is not available yet in this version");
        };
    }
}
