package io.lormas.contracts.deploy;

/** One port of a server on its node; the first allocation of a server is its primary one. */
public record ServerAllocation(String ip, int port) {
}
