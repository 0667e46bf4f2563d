package io.lormas.agent.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import jakarta.inject.Singleton;

/**
 * The agent's own state (credentials, command results, server specs): a directory only the agent's user can
 * read, whose files are replaced atomically so a crash never leaves half a file.
 */
@Singleton
public final class StateDirectory {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private final Path root;

    public StateDirectory(AgentSettings settings) {
        this(settings.statePath());
    }

    public StateDirectory(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** A directory below the root, created (mode 0700) if missing. */
    public Path directory(String name) {
        Path dir = root.resolve(name);
        ensureDirectory(root);
        ensureDirectory(dir);
        return dir;
    }

    public Path file(String name) {
        ensureDirectory(root);
        return root.resolve(name);
    }

    /** Replaces a file with new content, mode 0600, atomically. */
    public void write(Path file, byte[] content) {
        try {
            ensureDirectory(file.getParent());
            Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(FILE));
            Files.write(temp, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.SYNC);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void ensureDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
                Files.setPosixFilePermissions(dir, DIRECTORY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state directory " + dir, e);
        }
    }
}
