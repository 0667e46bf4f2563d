package io.lormas.node.node;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/**
 * Validates and normalises admin input into a {@link NodeSpec}: every problem is reported at once, by field, in
 * one 400 problem; an unknown region is a 422.
 */
public final class NodeSpecs {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    static final Pattern LABEL_KEY = Pattern.compile("[a-z0-9]([a-z0-9._/-]{0,61}[a-z0-9])?");
    static final int MAX_ADDRESSES = 16;
    static final int MAX_LABELS = 64;
    static final int MAX_LABEL_VALUE = 256;
    static final int MAX_PORT_RANGES = 64;
    static final int MAX_DESCRIPTION = 500;
    static final long MAX_CPU_MILLIS = 10_000_000L; // 10,000 cores
    static final long MAX_MEMORY_MIB = 1L << 30; // 1 PiB
    static final long MAX_DISK_MIB = 1L << 40;
    static final int MAX_OVERALLOCATION = 1000;

    private NodeSpecs() {
    }

    /**
     * @param regionId resolves a region code to its id, or throws a 422 naming the field
     */
    public static NodeSpec forCreate(NodeInput input, BiFunction<String, String, UUID> regionId) {
        List<FieldViolation> errors = new ArrayList<>();
        require(input.name(), "name", errors);
        require(input.region(), "region", errors);
        require(input.fqdn(), "fqdn", errors);
        require(input.cpuMillis(), "cpuMillis", errors);
        require(input.memoryMib(), "memoryMib", errors);
        require(input.diskMib(), "diskMib", errors);
        NodeSpec spec = build(input.name(), input.description(), input.fqdn(), input.addresses(), input.labels(),
                input.cpuMillis(), input.memoryMib(), input.diskMib(), input.cpuOverallocationPercent(),
                input.memoryOverallocationPercent(), input.diskOverallocationPercent(), input.portRanges(),
                input.maintenance(), input.schedulable(), input.enabled(), errors);
        throwIfAny(errors);
        return withRegion(spec, regionId.apply(input.region(), "region"));
    }

    /** The current node with the given changes applied (null fields keep their value). */
    public static NodeSpec forUpdate(Node current, List<PortRange> currentRanges, NodeInput changes,
            BiFunction<String, String, UUID> regionId) {
        List<FieldViolation> errors = new ArrayList<>();
        if (changes.name() != null && changes.name().isBlank()) {
            errors.add(new FieldViolation("name", "must not be blank"));
        }
        List<NodeSpec.Range> ranges = changes.portRanges() != null ? changes.portRanges()
                : currentRanges.stream().map(r -> new NodeSpec.Range(r.ip(), r.portFrom(), r.portTo())).toList();
        NodeSpec spec = build(or(changes.name(), current.name()),
                changes.description() != null ? changes.description() : current.description(),
                or(changes.fqdn(), current.fqdn()),
                changes.addresses() != null ? changes.addresses() : NodeJson.addresses(current.addressesJson()),
                changes.labels() != null ? changes.labels() : NodeJson.labels(current.labelsJson()),
                or(changes.cpuMillis(), current.cpuMillis()), or(changes.memoryMib(), current.memoryMib()),
                or(changes.diskMib(), current.diskMib()),
                or(changes.cpuOverallocationPercent(), current.cpuOverallocationPercent()),
                or(changes.memoryOverallocationPercent(), current.memoryOverallocationPercent()),
                or(changes.diskOverallocationPercent(), current.diskOverallocationPercent()), ranges,
                or(changes.maintenance(), current.maintenance()), or(changes.schedulable(), current.schedulable()),
                or(changes.enabled(), current.enabled()), errors);
        throwIfAny(errors);
        UUID region = changes.region() != null ? regionId.apply(changes.region(), "region") : current.regionId();
        return withRegion(spec, region);
    }

    private static @Nullable NodeSpec build(@Nullable String name, @Nullable String description, @Nullable String fqdn,
            @Nullable List<String> addresses, @Nullable Map<String, String> labels, @Nullable Long cpuMillis,
            @Nullable Long memoryMib, @Nullable Long diskMib, @Nullable Integer cpuOver, @Nullable Integer memoryOver,
            @Nullable Integer diskOver, @Nullable List<NodeSpec.Range> portRanges, @Nullable Boolean maintenance,
            @Nullable Boolean schedulable, @Nullable Boolean enabled, List<FieldViolation> errors) {
        if (name != null && !name.isBlank() && !NAME.matcher(name).matches()) {
            errors.add(new FieldViolation("name",
                    "must be 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        String normalisedDescription = description == null || description.isBlank() ? null : description.strip();
        if (normalisedDescription != null && normalisedDescription.length() > MAX_DESCRIPTION) {
            errors.add(new FieldViolation("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        if (fqdn != null && !fqdn.isBlank() && !isHostName(fqdn) && ipLiteral(fqdn) == null) {
            errors.add(new FieldViolation("fqdn", "must be a host name (e.g. node1.example.com) or an IP address"));
        }
        List<String> normalisedAddresses = addresses(addresses, errors);
        Map<String, String> normalisedLabels = labels(labels, errors);
        range(cpuMillis, 1, MAX_CPU_MILLIS, "cpuMillis", errors);
        range(memoryMib, 1, MAX_MEMORY_MIB, "memoryMib", errors);
        range(diskMib, 1, MAX_DISK_MIB, "diskMib", errors);
        range(cpuOver == null ? null : cpuOver.longValue(), 0, MAX_OVERALLOCATION, "cpuOverallocationPercent", errors);
        range(memoryOver == null ? null : memoryOver.longValue(), 0, MAX_OVERALLOCATION, "memoryOverallocationPercent",
                errors);
        range(diskOver == null ? null : diskOver.longValue(), 0, MAX_OVERALLOCATION, "diskOverallocationPercent", errors);
        List<NodeSpec.Range> normalisedRanges = portRanges(portRanges, errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new NodeSpec(Objects.requireNonNull(name), normalisedDescription, new UUID(0, 0),
                Objects.requireNonNull(fqdn).toLowerCase(java.util.Locale.ROOT), normalisedAddresses, normalisedLabels,
                cpuMillis, memoryMib, diskMib, cpuOver == null ? 0 : cpuOver, memoryOver == null ? 0 : memoryOver,
                diskOver == null ? 0 : diskOver, normalisedRanges, maintenance != null && maintenance,
                schedulable == null || schedulable, enabled == null || enabled);
    }

    private static NodeSpec withRegion(@Nullable NodeSpec spec, UUID regionId) {
        Objects.requireNonNull(spec);
        return new NodeSpec(spec.name(), spec.description(), regionId, spec.fqdn(), spec.addresses(), spec.labels(),
                spec.cpuMillis(), spec.memoryMib(), spec.diskMib(), spec.cpuOverallocationPercent(),
                spec.memoryOverallocationPercent(), spec.diskOverallocationPercent(), spec.portRanges(),
                spec.maintenance(), spec.schedulable(), spec.enabled());
    }

    private static List<String> addresses(@Nullable List<String> addresses, List<FieldViolation> errors) {
        if (addresses == null) {
            return List.of();
        }
        if (addresses.size() > MAX_ADDRESSES) {
            errors.add(new FieldViolation("addresses", "at most " + MAX_ADDRESSES + " addresses"));
            return List.of();
        }
        LinkedHashSet<String> normalised = new LinkedHashSet<>();
        for (int i = 0; i < addresses.size(); i++) {
            InetAddress address = ipLiteral(addresses.get(i));
            if (address == null) {
                errors.add(new FieldViolation("addresses[" + i + "]", "must be an IPv4 or IPv6 address"));
            } else {
                normalised.add(address.getHostAddress());
            }
        }
        return List.copyOf(normalised);
    }

    private static Map<String, String> labels(@Nullable Map<String, String> labels, List<FieldViolation> errors) {
        if (labels == null) {
            return Map.of();
        }
        if (labels.size() > MAX_LABELS) {
            errors.add(new FieldViolation("labels", "at most " + MAX_LABELS + " labels"));
            return Map.of();
        }
        Map<String, String> normalised = new LinkedHashMap<>();
        for (Map.Entry<String, String> label : labels.entrySet()) {
            String key = label.getKey();
            String value = label.getValue();
            if (key == null || !LABEL_KEY.matcher(key).matches()) {
                errors.add(new FieldViolation("labels." + key,
                        "keys are 1 to 63 lowercase letters, digits, '.', '_', '/' or '-'"));
            } else if (value == null || value.length() > MAX_LABEL_VALUE || value.chars().anyMatch(Character::isISOControl)) {
                errors.add(new FieldViolation("labels." + key,
                        "values are at most " + MAX_LABEL_VALUE + " characters without control characters"));
            } else {
                normalised.put(key, value);
            }
        }
        return normalised;
    }

    private static List<NodeSpec.Range> portRanges(@Nullable List<NodeSpec.Range> ranges, List<FieldViolation> errors) {
        if (ranges == null) {
            return List.of();
        }
        if (ranges.size() > MAX_PORT_RANGES) {
            errors.add(new FieldViolation("portRanges", "at most " + MAX_PORT_RANGES + " ranges"));
            return List.of();
        }
        List<NodeSpec.Range> normalised = new ArrayList<>();
        List<InetAddress> ips = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            NodeSpec.Range range = ranges.get(i);
            String field = "portRanges[" + i + "]";
            if (range == null) {
                errors.add(new FieldViolation(field, "must not be null"));
                continue;
            }
            InetAddress ip = ipLiteral(range.ip());
            boolean valid = true;
            if (ip == null) {
                errors.add(new FieldViolation(field + ".ip", "must be an IPv4 or IPv6 address"));
                valid = false;
            }
            if (range.from() < 1 || range.from() > 65535) {
                errors.add(new FieldViolation(field + ".from", "must be between 1 and 65535"));
                valid = false;
            }
            if (range.to() < 1 || range.to() > 65535) {
                errors.add(new FieldViolation(field + ".to", "must be between 1 and 65535"));
                valid = false;
            } else if (range.to() < range.from()) {
                errors.add(new FieldViolation(field + ".to", "must not be below 'from'"));
                valid = false;
            }
            if (!valid) {
                continue;
            }
            for (int j = 0; j < normalised.size(); j++) {
                NodeSpec.Range other = normalised.get(j);
                if (sameAddressSpace(ip, ips.get(j)) && range.from() <= other.to() && other.from() <= range.to()) {
                    errors.add(new FieldViolation(field, "overlaps " + other.ip() + " " + other.from() + "-" + other.to()));
                    valid = false;
                    break;
                }
            }
            if (valid) {
                ips.add(ip);
                normalised.add(new NodeSpec.Range(ip.getHostAddress(), range.from(), range.to()));
            }
        }
        return normalised;
    }

    /** The same IP, or one of them is the wildcard of the other's family (0.0.0.0 binds every IPv4 address). */
    private static boolean sameAddressSpace(InetAddress a, InetAddress b) {
        if (a.equals(b)) {
            return true;
        }
        boolean sameFamily = (a instanceof Inet4Address) == (b instanceof Inet4Address);
        return sameFamily && (a.isAnyLocalAddress() || b.isAnyLocalAddress());
    }

    static @Nullable InetAddress ipLiteral(@Nullable String text) {
        if (text == null || text.isBlank() || text.length() > 45) {
            return null;
        }
        try {
            return InetAddress.ofLiteral(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean isHostName(String text) {
        String host = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (host.isEmpty() || host.length() > 253) {
            return false;
        }
        String[] labels = host.split("\\.", -1);
        for (String label : labels) {
            if (!HOST_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // an all-numeric name is an IPv4 address in disguise: ipLiteral decides about those
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    private static void require(@Nullable Object value, String field, List<FieldViolation> errors) {
        if (value == null || value instanceof String text && text.isBlank()) {
            errors.add(new FieldViolation(field, "is required"));
        }
    }

    private static void range(@Nullable Long value, long min, long max, String field, List<FieldViolation> errors) {
        if (value != null && (value < min || value > max)) {
            errors.add(new FieldViolation(field, "must be between " + min + " and " + max));
        }
    }

    private static <T> @Nullable T or(@Nullable T value, @Nullable T fallback) {
        return value != null ? value : fallback;
    }

    private static void throwIfAny(List<FieldViolation> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("the node is invalid", errors);
        }
    }
}
