/** The HTTP edge of every service: RFC 9457 problem+json errors, request ids, body limits, Idempotency-Key. */
@NullMarked
package io.lormas.platform.web;

import org.jspecify.annotations.NullMarked;
