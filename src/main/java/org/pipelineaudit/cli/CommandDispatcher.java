package org.pipelineaudit.cli;

import java.io.PrintStream;
import org.springframework.stereotype.Component;

/** Runs the command named on the command line. */
@Component
public class CommandDispatcher {

    private final AuditOptions options;
    private final AuditCommand auditCommand;
    private final org.pipelineaudit.bench.BenchCommand benchCommand;

    public CommandDispatcher(AuditOptions options, AuditCommand auditCommand, org.pipelineaudit.bench.BenchCommand benchCommand) {
        this.options = options;
        this.auditCommand = auditCommand;
        this.benchCommand = benchCommand;
    }

    public int run(PrintStream out) throws Exception {
        return switch (options.command()) {
            case "audit", "ingest" -> auditCommand.run(out);
            case "bench" -> benchCommand.run(out);
            default -> throw new org.pipelineaudit.config.ConfigurationException(
                    "the '" + options.command() + "' command is not available yet in this version");
        };
    }
}
