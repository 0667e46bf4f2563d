package io.lormas.node.region;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.jspecify.annotations.Nullable;

/** The region table (SQL in Regions.xml). */
@Mapper
public interface Regions {

    void insert(@Param("id") UUID id, @Param("code") String code, @Param("name") String name);

    Optional<Region> findById(@Param("id") UUID id);

    Optional<Region> findByCode(@Param("code") String code);

    /** Regions ordered by id, after {@code after} (exclusive), at most {@code limit}. */
    List<Region> list(@Param("after") @Nullable UUID after, @Param("limit") int limit);

    int delete(@Param("id") UUID id);

    int countNodes(@Param("id") UUID id);
}
