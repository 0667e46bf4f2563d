package io.lormas.contracts.agent;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes and decodes agent protocol frames. Decoding never throws anything but {@link ProtocolException},
 * whose message names the problem (unknown type, missing field, bad JSON) so it can be answered to the peer.
 */
public final class AgentProtocol {

    /** Protocol version spoken by this build; sent in {@link Hello} and {@link Welcome}. */
    public static final int VERSION = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // newer peers may add fields
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private static final String KNOWN_TYPES = Arrays.stream(AgentMessage.class.getAnnotation(JsonSubTypes.class).value())
            .map(JsonSubTypes.Type::name)
            .collect(Collectors.joining(", "));

    private AgentProtocol() {
    }

    public static String encode(AgentMessage message) {
        return MAPPER.writeValueAsString(message);
    }

    /** Decodes a frame sent by an agent; control-plane frames are refused. */
    public static AgentMessage.FromAgent decodeFromAgent(String frame) {
        AgentMessage message = decode(frame);
        if (message instanceof AgentMessage.FromAgent fromAgent) {
            return fromAgent;
        }
        throw new ProtocolException("wrong_direction", "message type '" + typeName(message) + "' is not sent by agents");
    }

    /** Decodes a frame sent by the control plane; agent frames are refused. */
    public static AgentMessage.ToAgent decodeToAgent(String frame) {
        AgentMessage message = decode(frame);
        if (message instanceof AgentMessage.ToAgent toAgent) {
            return toAgent;
        }
        throw new ProtocolException("wrong_direction",
                "message type '" + typeName(message) + "' is not sent by the control plane");
    }

    static AgentMessage decode(String frame) {
        try {
            return MAPPER.readValue(frame, AgentMessage.class);
        } catch (InvalidTypeIdException e) {
            String type = e.getTypeId();
            if (type == null) {
                throw new ProtocolException("invalid", "missing 'type' (known types: " + KNOWN_TYPES + ")");
            }
            throw new ProtocolException("unknown_type", "unknown message type '" + type + "' (known types: " + KNOWN_TYPES + ")");
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ProtocolException("invalid", "invalid '" + typeNameOf(e) + "' frame: " + cause.getMessage());
        } catch (MismatchedInputException e) {
            String path = e.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            if (e.getMessage() != null && e.getMessage().contains("missing type id")) {
                throw new ProtocolException("invalid", "missing 'type' (known types: " + KNOWN_TYPES + ")");
            }
            throw new ProtocolException("invalid",
                    "invalid value" + (path.isEmpty() ? "" : " for '" + path + "'") + ": " + e.getOriginalMessage());
        } catch (StreamReadException e) {
            throw new ProtocolException("malformed", "malformed JSON: " + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw new ProtocolException("invalid", "unreadable frame: " + e.getOriginalMessage());
        }
    }

    private static String typeNameOf(ValueInstantiationException e) {
        Class<?> type = e.getType() != null ? e.getType().getRawClass() : null;
        return type == null ? "?" : nameOf(type);
    }

    private static String typeName(AgentMessage message) {
        return nameOf(message.getClass());
    }

    private static String nameOf(Class<?> type) {
        for (JsonSubTypes.Type subType : AgentMessage.class.getAnnotation(JsonSubTypes.class).value()) {
            if (subType.value() == type) {
                return subType.name();
            }
        }
        return type.getSimpleName();
    }
}
