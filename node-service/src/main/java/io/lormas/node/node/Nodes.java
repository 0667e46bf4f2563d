package io.lormas.node.node;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.jspecify.annotations.Nullable;

import io.lormas.contracts.agent.HostFacts;

/** The node and node_port_range tables (SQL in Nodes.xml). */
@Mapper
public interface Nodes {

    void insert(@Param("id") UUID id, @Param("spec") NodeSpec spec, @Param("addressesJson") String addressesJson,
            @Param("labelsJson") String labelsJson);

    /** @return 1, or 0 when the version did not match (someone else changed the node) */
    int update(@Param("id") UUID id, @Param("version") int version, @Param("spec") NodeSpec spec,
            @Param("addressesJson") String addressesJson, @Param("labelsJson") String labelsJson);

    Optional<Node> findById(@Param("id") UUID id);

    /** The row, locked until the end of the transaction. */
    Optional<Node> lockById(@Param("id") UUID id);

    boolean exists(@Param("id") UUID id);

    List<Node> list(@Param("after") @Nullable UUID after, @Param("limit") int limit,
            @Param("regionId") @Nullable UUID regionId, @Param("status") @Nullable String status,
            @Param("online") @Nullable Boolean online);

    int delete(@Param("id") UUID id);

    List<PortRange> portRanges(@Param("nodeIds") Collection<UUID> nodeIds);

    void deletePortRanges(@Param("nodeId") UUID nodeId);

    void insertPortRange(@Param("nodeId") UUID nodeId, @Param("range") NodeSpec.Range range);

    // --- written by the agent's session -------------------------------------------------------------------

    int markRegistered(@Param("id") UUID id, @Param("hostname") String hostname);

    /** A new session said hello: next epoch, online, host facts; empty when the node does not exist. */
    Optional<SessionStart> startSession(@Param("id") UUID id, @Param("agentVersion") String agentVersion,
            @Param("protocolVersion") int protocolVersion, @Param("host") HostFacts host);

    /** Online again for the same session (its presence had expired, e.g. Redis lost it); 0 when stale. */
    int markOnline(@Param("id") UUID id, @Param("epoch") long epoch);

    /** Offline, unless a newer session took over meanwhile; 0 when nothing changed. */
    int markOffline(@Param("id") UUID id, @Param("epoch") long epoch);

    /** Online nodes and their session epochs (for the presence sweeper). */
    List<OnlineNode> online();

    /** Of the given online nodes, those no other transaction holds, locked until the end of this one. */
    List<OnlineNode> lockOnline(@Param("ids") Collection<UUID> ids);

    /** Of the given nodes, those online (no lock). */
    List<UUID> onlineAmong(@Param("ids") Collection<UUID> ids);

    /**
     * @param wasOnline whether the node was online before this session
     * @param changed whether its status or host facts changed
     */
    record SessionStart(long epoch, boolean wasOnline, boolean changed) {
    }

    /** A node that is online in the database, as of one session. */
    record OnlineNode(UUID id, long sessionEpoch) {
    }
}
