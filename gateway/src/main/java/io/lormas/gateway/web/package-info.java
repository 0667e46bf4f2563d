/** Edge HTTP concerns: problem+json errors, request ids, access log, body limits, CORS and the SPA. */
@NullMarked
package io.lormas.gateway.web;

import org.jspecify.annotations.NullMarked;
