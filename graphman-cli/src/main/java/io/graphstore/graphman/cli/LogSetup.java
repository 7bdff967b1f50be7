package io.graphstore.graphman.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * graphman's logging, set up in code so that logback reads no XML at start (its XML
 * configuration loads about 500 classes, a tenth of a short command's). Log lines go to stderr,
 * one per event: {@code LEVEL Logger: message}, line breaks folded; the stack trace follows
 * only with {@code --debug} (which sets {@link #STACK_TRACES}). Warnings and errors only,
 * except what {@code graphman node} reports at INFO. A {@code logback.configurationFile}, or a
 * {@code logback-test.xml} on the class path (the tests'), is used instead.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** The system property that asks for stack traces under log lines. */
    public static final String STACK_TRACES = "graphman.stacktraces";

    /** Loggers whose level differs from the root's WARN. */
    private static final Map<String, Level> LEVELS = Map.of(
            "io.zonky", Level.ERROR,
            // PostgreSQL NOTICEs such as "extension already exists, skipping" are not warnings
            "org.flywaydb.core.internal.sqlscript.DefaultSqlScriptExecutor", Level.ERROR,
            // "connection marked as broken" follows every error graphman already reports in its own words
            "com.zaxxer.hikari.pool.ProxyConnection", Level.ERROR,
            // graphman node says what it did: copies finished or stopped, deployments recorded or removed as unused
            "io.graphstore.store.node", Level.INFO);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        OneLine layout = new OneLine(System.getProperty(STACK_TRACES) != null);
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** {@code LEVEL Logger: message} on one line, then the stack trace when asked for. */
    static final class OneLine extends LayoutBase<ILoggingEvent> {
        private static final Pattern LINE_BREAKS = Pattern.compile("[\r\n]+");
        private final boolean stackTraces;

        OneLine(boolean stackTraces) {
            this.stackTraces = stackTraces;
        }

        @Override
        public String doLayout(ILoggingEvent event) {
            String logger = event.getLoggerName();
            StringBuilder line = new StringBuilder(128).append(event.getLevel()).append(' ')
                    .append(logger.substring(logger.lastIndexOf('.') + 1)).append(": ")
                    .append(LINE_BREAKS.matcher(String.valueOf(event.getFormattedMessage())).replaceAll(" "))
                    .append(CoreConstants.LINE_SEPARATOR);
            if (stackTraces && event.getThrowableProxy() != null) {
                line.append(ThrowableProxyUtil.asString(event.getThrowableProxy())); // ends with a line break
            }
            return line.toString();
        }
    }
}
