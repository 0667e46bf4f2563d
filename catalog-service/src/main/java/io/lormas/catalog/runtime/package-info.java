/** Runtimes (buildpacks) for apps deployed from source: node, python, java, go, static, dockerfile. */
@NullMarked
package io.lormas.catalog.runtime;

import org.jspecify.annotations.NullMarked;
