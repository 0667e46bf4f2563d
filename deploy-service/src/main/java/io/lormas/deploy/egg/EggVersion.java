package io.lormas.deploy.egg;

import java.util.UUID;

import io.lormas.contracts.catalog.EggDefinition;

/** One published version of an egg. */
public record EggVersion(UUID eggId, int version, String name, EggDefinition definition) {
}
