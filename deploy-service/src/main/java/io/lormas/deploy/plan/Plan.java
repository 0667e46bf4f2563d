package io.lormas.deploy.plan;

import java.math.BigDecimal;
import java.util.UUID;

/** A plan as deploy-service knows it: the resources a new server gets. */
public record Plan(UUID planId, int version, String name, long cpuMillis, long memoryMib, long swapMib, long diskMib,
        int ioWeight, int ports, int maxReplicas, BigDecimal hourlyPrice, String currency, boolean active,
        boolean retired) {

    /** Whether new servers may use it. */
    public boolean available() {
        return active && !retired;
    }
}
