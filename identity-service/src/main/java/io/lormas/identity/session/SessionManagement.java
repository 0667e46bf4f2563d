package io.lormas.identity.session;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lormas.identity.user.AccountClosed;
import io.lormas.platform.web.ProblemException;

/**
 * A user's sessions. Ending one removes its authorization: its refresh token stops working at once; access tokens
 * already issued stay valid at resource servers until they expire (minutes), as JWTs are checked locally.
 */
@Service
public class SessionManagement {

    private final Sessions sessions;

    SessionManagement(Sessions sessions) {
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    public List<Session> of(UUID userId) {
        return sessions.active(userId.toString());
    }

    /** The session an access token belongs to, if it is still recorded. */
    @Transactional(readOnly = true)
    public @Nullable String current(String accessToken) {
        return sessions.idOfAccessToken(accessToken).orElse(null);
    }

    @Transactional
    public void revoke(UUID userId, String sessionId) {
        if (sessions.revoke(userId.toString(), sessionId) == 0) {
            throw ProblemException.notFound("session", sessionId);
        }
    }

    /**
     * Ends the user's sessions and their browser sign-ins at the login page, so that no one who signed in before
     * (with the old password, say) gets a new authorization code without signing in again.
     *
     * @param keep a session to leave alone (the caller's own), or null for all
     */
    @Transactional
    public int revokeAll(UUID userId, @Nullable String keep) {
        sessions.endLoginSessions(userId.toString());
        return sessions.revokeAll(userId.toString(), keep);
    }

    @EventListener
    void on(AccountClosed closed) {
        revokeAll(closed.userId(), null);
    }
}
