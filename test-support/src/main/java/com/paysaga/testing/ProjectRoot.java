package com.paysaga.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root, where template.yaml, events/ and local/emulator.sh live. */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    public static Path get() {
        String configured = System.getProperty("paysaga.root", System.getenv("PAYSAGA_ROOT"));
        if (configured != null && !configured.isBlank() && isRoot(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (isRoot(p)) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the PaySaga root (template.yaml + local/emulator.sh) above "
                + Path.of("").toAbsolutePath() + "; set PAYSAGA_ROOT");
    }

    public static Path resolve(String relative) {
        return get().resolve(relative);
    }

    private static boolean isRoot(Path p) {
        return Files.isRegularFile(p.resolve("template.yaml")) && Files.isRegularFile(p.resolve("local/emulator.sh"));
    }
}
