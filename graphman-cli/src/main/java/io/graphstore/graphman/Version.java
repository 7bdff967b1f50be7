package io.graphstore.graphman;

import picocli.CommandLine;

/** The version printed by {@code graphman --version}, from the jar manifest. */
public final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Graphman.class.getPackage().getImplementationVersion();
        return new String[] {"graphman " + (v == null ? "(development build)" : v)};
    }
}
