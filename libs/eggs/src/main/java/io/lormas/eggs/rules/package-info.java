/** Laravel validation rules of egg variables: parsed into a typed model and evaluated without PHP. */
@NullMarked
package io.lormas.eggs.rules;

import org.jspecify.annotations.NullMarked;
