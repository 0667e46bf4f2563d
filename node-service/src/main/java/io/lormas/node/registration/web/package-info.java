/** The anonymous registration endpoint agents call. */
@NullMarked
package io.lormas.node.registration.web;

import org.jspecify.annotations.NullMarked;
