/** Reading eggs in every community format (PTDL_v1/v2, PLCN_v1..v3, JSON or YAML) and writing PTDL_v2 and PLCN_v3. */
@NullMarked
package io.lormas.eggs.format;

import org.jspecify.annotations.NullMarked;
