/** Load benchmarks of node-service (run by hand; they print figures, they assert nothing). */
@NullMarked
package io.lormas.node.bench;

import org.jspecify.annotations.NullMarked;
