package io.lormas.agent.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.lormas.agent.config.AgentSettings;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;

/**
 * The servers' data directories, {@code <dataRoot>/<serverId>}, owned by the container user. The agent runs as
 * root while a server can put anything into its directory (symbolic links to {@code /etc} included), so every
 * file the agent edits there is reached component by component without following links, relative to open
 * directory handles ({@link SecureDirectoryStream}): a path that leaves the directory, or a link on the way,
 * is refused rather than followed.
 */
@Singleton
final class DataDirectories {

    /** Larger config files are not edited: they are not config files. */
    static final int MAX_EDITABLE_BYTES = 8 * 1024 * 1024;

    private static final Set<PosixFilePermission> SERVER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> ROOT_DIRECTORY = PosixFilePermissions.fromString("rwx--x--x");
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private final Path root;
    private final int uid;
    private final int gid;

    DataDirectories(AgentSettings settings) {
        this.root = settings.dataPath();
        this.uid = settings.containerUid();
        this.gid = settings.containerGid();
    }

    Path path(String serverId) {
        return root.resolve(serverId);
    }

    boolean exists(String serverId) {
        return Files.isDirectory(path(serverId), LinkOption.NOFOLLOW_LINKS);
    }

    /** Creates the server's directory if missing and makes the container user its owner. */
    Path ensure(String serverId) {
        Path dir = path(serverId);
        try {
            if (!Files.isDirectory(root)) {
                Files.createDirectories(root);
                Files.setPosixFilePermissions(root, ROOT_DIRECTORY);
            }
            if (Files.isSymbolicLink(dir)) {
                throw new CommandFailure("data_dir_failed", "the data directory " + dir + " is a symbolic link");
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(dir);
            }
            Files.setPosixFilePermissions(dir, SERVER_DIRECTORY);
            chown(dir);
            return dir;
        } catch (IOException e) {
            throw new CommandFailure("data_dir_failed", "cannot prepare the data directory " + dir + ": " + e, e);
        }
    }

    /** Gives every file of the server's directory to the container user (after an install ran as root). */
    void chownAll(String serverId) {
        Path dir = path(serverId);
        if (!exists(serverId)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    chown(d);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    chown(file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new CommandFailure("data_dir_failed", "cannot hand " + dir + " to the container user: " + e, e);
        }
    }

    private void chown(Path file) throws IOException {
        try {
            Files.setAttribute(file, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(file, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        } catch (FileSystemException e) {
            // Not root: fine as long as the file already belongs to the container user.
            Object owner = Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (!Integer.valueOf(uid).equals(owner)) {
                throw e;
            }
        }
    }

    /** Bytes used by the server's files; links are not followed. 0 when the directory does not exist. */
    long size(String serverId) {
        Path dir = path(serverId);
        if (!exists(serverId)) {
            return 0;
        }
        AtomicLong total = new AtomicLong();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        total.addAndGet(attrs.size());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE; // removed while walking: not counted
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total.get();
    }

    /** Deletes the server's directory; links inside are deleted, never followed. */
    boolean delete(String serverId) {
        Path dir = path(serverId);
        try {
            if (Files.isSymbolicLink(dir)) {
                Files.delete(dir);
                return true;
            }
            if (!Files.isDirectory(dir)) {
                return false;
            }
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, @Nullable IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
            return true;
        } catch (IOException e) {
            throw new CommandFailure("data_dir_failed", "cannot delete " + dir + ": " + e, e);
        }
    }

    /**
     * Splits a path from an egg into the components below the data directory. A leading {@code /} means the
     * data directory (eggs write {@code /server.properties}); {@code ..} is refused, whatever follows it.
     */
    static List<String> componentsOf(String path) {
        if (path.indexOf('\0') >= 0) {
            throw new CommandFailure("path_refused", "path '" + path.replace('\0', '?') + "' contains a NUL character");
        }
        List<String> components = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw new CommandFailure("path_refused", "path '" + path + "' leaves the data directory");
            }
            components.add(part);
        }
        if (components.isEmpty()) {
            throw new CommandFailure("path_refused", "path '" + path + "' names no file");
        }
        return components;
    }

    /** The content of a file in the server's directory; empty when it (or a directory on the way) does not exist. */
    Optional<byte[]> read(String serverId, String relativePath) {
        List<String> components = componentsOf(relativePath);
        return inParent(serverId, relativePath, components, (directory, name) -> {
            PosixFileAttributes attributes;
            try {
                attributes = directory.getFileAttributeView(name, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .readAttributes();
            } catch (NoSuchFileException e) {
                return Optional.<byte[]>empty();
            }
            if (attributes.isSymbolicLink() || !attributes.isRegularFile()) {
                throw new CommandFailure("path_refused",
                        "'" + relativePath + "' is not a regular file in the data directory (links are not followed)");
            }
            if (attributes.size() > MAX_EDITABLE_BYTES) {
                throw new CommandFailure("config_invalid", "'" + relativePath + "' is too large to edit");
            }
            try (SeekableByteChannel channel = directory.newByteChannel(name,
                    Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
                ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(MAX_EDITABLE_BYTES + 1L, channel.size() + 1));
                while (channel.read(buffer) > 0 && buffer.hasRemaining()) {
                    // keep reading
                }
                buffer.flip();
                byte[] content = new byte[buffer.remaining()];
                buffer.get(content);
                return Optional.of(content);
            }
        }).orElse(Optional.empty());
    }

    /**
     * Replaces a file in the server's directory (atomically, owned by the container user). Directories on the
     * way must exist.
     *
     * @return false when a directory on the way does not exist
     */
    boolean write(String serverId, String relativePath, byte[] content) {
        List<String> components = componentsOf(relativePath);
        return inParent(serverId, relativePath, components, (directory, name) -> {
            Set<PosixFilePermission> permissions = NEW_FILE;
            try {
                PosixFileAttributes existing = directory
                        .getFileAttributeView(name, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
                if (existing.isSymbolicLink() || !existing.isRegularFile()) {
                    throw new CommandFailure("path_refused",
                            "'" + relativePath + "' is not a regular file in the data directory (links are not followed)");
                }
                permissions = existing.permissions();
            } catch (NoSuchFileException e) {
                // a new file
            }
            Path temp = Path.of(".lormas-" + UUID.randomUUID() + ".tmp");
            Set<OpenOption> options = Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS);
            try (SeekableByteChannel channel = directory.newByteChannel(temp, options,
                    PosixFilePermissions.asFileAttribute(permissions))) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            try {
                PosixFileAttributeView view = directory.getFileAttributeView(temp, PosixFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS);
                UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
                UserPrincipal owner = lookup.lookupPrincipalByName(Integer.toString(uid));
                GroupPrincipal group = lookup.lookupPrincipalByGroupName(Integer.toString(gid));
                if (!owner.equals(view.getOwner())) {
                    view.setOwner(owner);
                }
                view.setGroup(group);
                view.setPermissions(permissions);
                directory.move(temp, directory, name);
            } catch (IOException | RuntimeException e) {
                directory.deleteFile(temp);
                throw e;
            }
            return true;
        }).orElse(false);
    }

    private interface InDirectory<T> {
        T apply(SecureDirectoryStream<Path> directory, Path name) throws IOException;
    }

    /** Opens the directories on the way without following links and applies {@code action} to the last component. */
    private <T> Optional<T> inParent(String serverId, String relativePath, List<String> components, InDirectory<T> action) {
        Path dir = path(serverId);
        if (!exists(serverId)) {
            return Optional.empty();
        }
        List<SecureDirectoryStream<Path>> opened = new ArrayList<>();
        try {
            DirectoryStream<Path> top = Files.newDirectoryStream(dir);
            if (!(top instanceof SecureDirectoryStream<Path> secure)) {
                top.close();
                throw new CommandFailure("unsupported", "this platform cannot edit files without following links");
            }
            opened.add(secure);
            SecureDirectoryStream<Path> current = secure;
            for (String component : components.subList(0, components.size() - 1)) {
                try {
                    current = current.newDirectoryStream(Path.of(component), LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    return Optional.empty();
                } catch (NotDirectoryException e) {
                    throw refusedLink(relativePath);
                } catch (FileSystemException e) {
                    // ELOOP: a symbolic link where a directory was expected
                    throw refusedLink(relativePath);
                }
                opened.add(current);
            }
            return Optional.of(action.apply(current, Path.of(components.getLast())));
        } catch (CommandFailure e) {
            throw e;
        } catch (IOException e) {
            throw new CommandFailure("config_invalid", "cannot access '" + relativePath + "': " + e, e);
        } finally {
            for (SecureDirectoryStream<Path> stream : opened.reversed()) {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // nothing left to do
                }
            }
        }
    }

    private static CommandFailure refusedLink(String relativePath) {
        return new CommandFailure("path_refused",
                "'" + relativePath + "' passes through a symbolic link or a file; links are not followed");
    }
}
