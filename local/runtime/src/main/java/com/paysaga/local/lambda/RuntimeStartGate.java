package com.paysaga.local.lambda;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets one Java runtime process at a time, on this machine, through its start.
 *
 * <p>The Lambda Java runtime interface client copies its JNI library to the fixed path
 * {@code /tmp/.libaws-lambda-jni.so} (replacing it) and then loads it. On AWS every execution
 * environment has a /tmp of its own; here all function processes share one, and two starting
 * together load each other's half-written copy: the process dies of SIGBUS in the dynamic
 * loader before it ever asks for work. The gate is a semaphore for the processes this JVM starts
 * and a file lock for those other PaySaga JVMs start (a demo beside a test run); a process holds
 * it until the library is mapped, it asks for its first invocation, or it exits.
 */
final class RuntimeStartGate {

    /** Where the runtime interface client puts its library: hard-coded there, not java.io.tmpdir. */
    static final Path RIC_LIBRARY = Path.of("/tmp/.libaws-lambda-jni.so");

    private static final Path LOCK_FILE = Path.of("/tmp/.paysaga-lambda-start.lock");
    private static final Semaphore IN_THIS_JVM = new Semaphore(1, true);

    private RuntimeStartGate() {
    }

    /** Waits for the gate; the caller releases the ticket (any thread, any number of times). */
    static Ticket enter() throws IOException, InterruptedException {
        IN_THIS_JVM.acquire();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(LOCK_FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            return new Ticket(channel, lock);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            IN_THIS_JVM.release();
            throw e;
        }
    }

    /** Whether the process has the runtime's JNI library mapped (Linux /proc; false where unreadable). */
    static boolean libraryMapped(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "maps")).contains(RIC_LIBRARY.getFileName().toString());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static final class Ticket {
        private final FileChannel channel;
        private final FileLock lock;
        private final AtomicBoolean released = new AtomicBoolean();

        private Ticket(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        boolean released() {
            return released.get();
        }

        void release() {
            if (!released.compareAndSet(false, true)) {
                return;
            }
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // Closing the channel drops the lock in any case.
            } finally {
                IN_THIS_JVM.release();
            }
        }
    }
}
