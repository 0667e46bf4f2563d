package io.lormas.catalog.nest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.jspecify.annotations.Nullable;

/** Nests. */
@Mapper
public interface Nests {

    @Select("select * from nest where id = #{id}")
    Optional<Nest> findById(UUID id);

    @Select("select * from nest where id = #{id} for update")
    Optional<Nest> lock(UUID id);

    /** Keeps the nest from being deleted until the caller's transaction ends (an egg is being filed in it). */
    @Select("select * from nest where id = #{id} for key share")
    Optional<Nest> holdForFiling(UUID id);

    @Select("""
            <script>
            select * from nest
            <where><if test="after != null">id &gt; #{after}</if></where>
            order by id
            limit #{limit}
            </script>
            """)
    List<Nest> findPage(@Param("after") @Nullable UUID after, @Param("limit") int limit);

    @Insert("insert into nest (id, name, description) values (#{id}, #{name}, #{description})")
    void insert(@Param("id") UUID id, @Param("name") String name, @Param("description") String description);

    @Update("""
            update nest set name = #{name}, description = #{description}, updated_at = now(), version = version + 1
             where id = #{id} and version = #{version}
            """)
    int update(@Param("id") UUID id, @Param("name") String name, @Param("description") String description,
            @Param("version") int version);

    @Delete("delete from nest where id = #{id}")
    int delete(UUID id);

    @Select("select exists (select 1 from nest where lower(name) = lower(#{name}) and id <> #{exceptId})")
    boolean nameTaken(@Param("name") String name, @Param("exceptId") UUID exceptId);

    @Select("select count(*) from egg where nest_id = #{nestId} and removed_at is null")
    int eggCount(UUID nestId);

    /** Removed eggs keep their place only in their versions' history, so that the nest can go. */
    @Update("update egg set nest_id = null where nest_id = #{nestId} and removed_at is not null")
    void releaseRemovedEggs(UUID nestId);
}
