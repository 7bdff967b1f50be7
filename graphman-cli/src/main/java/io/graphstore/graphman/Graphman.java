package io.graphstore.graphman;

import io.graphstore.graphman.assignment.PauseCommand;
import io.graphstore.graphman.assignment.ReassignCommand;
import io.graphstore.graphman.assignment.ResumeCommand;
import io.graphstore.graphman.assignment.UnassignCommand;
import io.graphstore.graphman.chain.ChainCommand;
import io.graphstore.graphman.cli.ErrorHandler;
import io.graphstore.graphman.cli.Environment;
import io.graphstore.graphman.cli.LogSetup;
import io.graphstore.graphman.config.ConfigCommand;
import io.graphstore.graphman.copy.CopyCommand;
import io.graphstore.graphman.database.DatabaseCommand;
import io.graphstore.graphman.deployment.CreateCommand;
import io.graphstore.graphman.deployment.DeployCommand;
import io.graphstore.graphman.deployment.InfoCommand;
import io.graphstore.graphman.deployment.RemoveCommand;
import io.graphstore.graphman.deployment.RewindCommand;
import io.graphstore.graphman.dev.DevCommand;
import io.graphstore.graphman.node.NodeCommand;
import io.graphstore.graphman.shard.ShardCommand;
import io.graphstore.graphman.unused.UnusedCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code graphman} command: global options here, one class per subcommand. */
@Command(name = "graphman",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Administer a sharded graph-store installation: check the config, migrate the",
            "shards, deploy subgraphs and place them, assign them to nodes, inspect and",
            "rewind them, and run the embedded dev cluster.",
            "",
            "A DEPLOYMENT argument is a hash (Qm…), HASH:SHARD, a namespace (sgdN) or a",
            "subgraph name.",
            "",
            "The config file comes from --config, else GRAPH_NODE_CONFIG, else the running",
            "dev cluster in --dev-dir (.graphman/config.toml)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:failure (a database or shard problem)", "2:bad input (config, names, arguments)"})
public final class Graphman implements Runnable {
    private static final String NO_JFR = "jfr.unsupported.vm";

    /**
     * The subcommands, in the order {@code --help} lists them. They are registered by
     * {@link #run}, not by the annotation: picocli builds the model of every registered command
     * and its subcommands from their annotations, which costs more CPU than a short command's
     * own work, so a command line naming one of them registers only that one.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(ConfigCommand.class, DatabaseCommand.class,
            DeployCommand.class, CreateCommand.class, RemoveCommand.class, InfoCommand.class, RewindCommand.class,
            ReassignCommand.class, UnassignCommand.class, PauseCommand.class, ResumeCommand.class, CopyCommand.class,
            ChainCommand.class, UnusedCommand.class, ShardCommand.class, NodeCommand.class, DevCommand.class,
            DemoCommand.class, CommandLine.HelpCommand.class);

    /** Global options that take a value in the next argument (see {@link GlobalOptions}). */
    private static final Set<String> VALUED_OPTIONS = Set.of("--config", "--node-id", "--dev-dir");

    @CommandLine.Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    final Environment environment;

    Graphman(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--debug")) {
            System.setProperty(LogSetup.STACK_TRACES, "true"); // read when logging starts
        }
        if (!java.util.Arrays.asList(args).contains("node") && System.getProperty(NO_JFR) == null) {
            // Jdbi registers a Flight Recorder event before its first statement, which starts
            // JFR's machinery: about 0.2 s of CPU that a short command never uses. A JDK
            // property tells JFR it cannot run here. Not for 'node', which an operator may want
            // to profile with jcmd; -XX:StartFlightRecording still works (JFR starts before main).
            System.setProperty(NO_JFR, "true");
        }
        System.exit(run(args, System.out, System.err, Environment.system()));
    }

    /** Runs graphman with the given streams and environment; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Environment env) {
        Graphman top = new Graphman(env);
        Factory factory = new Factory(top);
        CommandLine cl = new CommandLine(top, factory);
        // before the settings below: picocli hands them to the subcommands registered so far
        for (Class<?> sub : subcommandsFor(args)) {
            cl.addSubcommand(new CommandLine(sub, factory));
        }
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        ErrorHandler handler = new ErrorHandler();
        cl.setExecutionExceptionHandler(handler);
        cl.setParameterExceptionHandler(handler);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl.execute(args);
    }

    /**
     * The subcommands to register for {@code args}: the one that the first argument that is
     * neither a global option nor its value names, else all of them. All of them as well for
     * {@code help}, for a name no subcommand has (picocli's error suggests the closest), for any
     * other option before the subcommand ({@code --help}, {@code --version}, {@code --} act on
     * the top command and list the others), for an {@code @file} argument picocli expands, and
     * when a global option's value is a subcommand's name (picocli, knowing every name, refuses
     * it as a value). So help, usage and errors read as before.
     */
    static List<Class<?>> subcommandsFor(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("@") || arg.startsWith("-") && !global(arg)) {
                return SUBCOMMANDS;
            }
            if (VALUED_OPTIONS.contains(arg)) {
                if (i + 1 < args.length && named(args[i + 1]) != null) {
                    return SUBCOMMANDS;
                }
                i++;
            } else if (!arg.startsWith("-")) {
                Class<?> sub = named(arg);
                return sub == null || sub == CommandLine.HelpCommand.class ? SUBCOMMANDS : List.of(sub);
            }
        }
        return SUBCOMMANDS;
    }

    /** Whether {@code arg} is one of {@link GlobalOptions}, which every subcommand takes too. */
    private static boolean global(String arg) {
        int eq = arg.indexOf('=');
        return arg.equals("--debug") || VALUED_OPTIONS.contains(eq < 0 ? arg : arg.substring(0, eq));
    }

    /** The subcommand whose name or alias is {@code arg}; null when none is. */
    private static Class<?> named(String arg) {
        for (Class<?> sub : SUBCOMMANDS) {
            Command c = sub.getAnnotation(Command.class);
            if (c.name().equals(arg) || Arrays.asList(c.aliases()).contains(arg)) {
                return sub;
            }
        }
        return null;
    }

    /** Gives every subcommand the top command, so it can reach global options and the env. */
    private record Factory(Graphman top) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == Graphman.class) {
                return cls.cast(top);
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }

    public GlobalOptions global() {
        return global;
    }

    public Environment environment() {
        return environment;
    }
}
