/** Plans: resources (CPU, memory, swap, disk, IO, ports, backups, databases, replicas) and an exact hourly price. */
@NullMarked
package io.lormas.catalog.plan;

import org.jspecify.annotations.NullMarked;
