package io.lormas.deploy.server;

/** A transition the server's current state does not allow (answered 409). */
public class ServerConflict extends RuntimeException {

    public ServerConflict(String message) {
        super(message);
    }
}
