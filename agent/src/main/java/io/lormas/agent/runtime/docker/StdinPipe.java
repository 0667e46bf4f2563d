package io.lormas.agent.runtime.docker;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import io.lormas.agent.runtime.RuntimeFailure;

/**
 * The input stream docker-java copies into an attach connection: lines written by the agent, blocking in
 * between, ending when closed. The queue is bounded so a server that stops reading its console cannot make
 * the agent buffer without limit.
 */
final class StdinPipe extends InputStream {

    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(256);
    private byte[] current = new byte[0];
    private int position;
    private volatile boolean closed;

    void writeLine(String line) {
        if (closed) {
            throw new RuntimeFailure(RuntimeFailure.Reason.NOT_RUNNING, "the console of this container is closed");
        }
        if (!chunks.offer((line + "\n").getBytes(StandardCharsets.UTF_8))) {
            throw new RuntimeFailure(RuntimeFailure.Reason.CONFLICT,
                    "the server is not reading its console; input backlog is full");
        }
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int len) {
        if (len == 0) {
            return 0;
        }
        while (position >= current.length) {
            if (current == END) {
                return -1;
            }
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            position = 0;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, target, offset, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            chunks.clear();
            chunks.offer(END);
        }
    }
}
