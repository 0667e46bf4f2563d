package io.lormas.eggs.format;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code meta.version} of an egg file. */
public enum EggFormat {
    /** Pterodactyl up to 1.x: one {@code image} or an {@code images} list. */
    PTDL_V1("PTDL_v1"),
    /** Pterodactyl 1.x: {@code docker_images} label -> image; also written by early Pelican (with uuid, tags, rule lists). */
    PTDL_V2("PTDL_v2"),
    /** Pelican: uuid, tags, rules as lists. */
    PLCN_V1("PLCN_v1"),
    /** Pelican, often YAML with config as real maps. */
    PLCN_V2("PLCN_v2"),
    /** Pelican since late 2025: named {@code startup_commands}, {@code image}/{@code icon} as a picture. */
    PLCN_V3("PLCN_v3");

    private final String id;

    EggFormat(String id) {
        this.id = id;
    }

    /** The exact {@code meta.version} text, e.g. {@code PTDL_v2}. */
    public String id() {
        return id;
    }

    public boolean isPelican() {
        return this == PLCN_V1 || this == PLCN_V2 || this == PLCN_V3;
    }

    public static Optional<EggFormat> fromId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    /** "PTDL_v1, PTDL_v2, PLCN_v1, PLCN_v2, PLCN_v3". */
    public static String supported() {
        return Arrays.stream(values()).map(EggFormat::id).collect(Collectors.joining(", "));
    }
}
