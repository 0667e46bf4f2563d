package io.lormas.catalog.egg;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.jspecify.annotations.Nullable;

/** Eggs and their versions. Removed eggs are invisible here except through their versions. */
@Mapper
public interface Eggs {

    String LIST = "typeHandler=io.lormas.catalog.persistence.TextArrayTypeHandler";

    @Select("select * from egg where id = #{id} and removed_at is null")
    Optional<EggRow> findById(UUID id);

    /** Locks the egg's head for an import or an edit (taken in id order by callers holding several). */
    @Select("select * from egg where id = #{id} and removed_at is null for update")
    Optional<EggRow> lockById(UUID id);

    @Select("select * from egg where uuid = #{uuid} and removed_at is null for update")
    Optional<EggRow> lockByUuid(UUID uuid);

    @Select("""
            <script>
            select * from egg
             where removed_at is null
            <if test="nestId != null"> and nest_id = #{nestId}</if>
            <if test="after != null"> and id &gt; #{after}</if>
             order by id
             limit #{limit}
            </script>
            """)
    List<EggRow> findPage(@Param("nestId") @Nullable UUID nestId, @Param("after") @Nullable UUID after,
            @Param("limit") int limit);

    /**
     * Inserts a new egg; 0 when an egg with this uuid appeared meanwhile (a concurrent import of the same file).
     */
    @Insert("insert into egg (id, uuid, nest_id, name, author, description, tags, capabilities, version)"
            + " values (#{id}, #{uuid}, #{nestId}, #{name}, #{author}, #{description},"
            + " #{tags," + LIST + "}, #{capabilities," + LIST + "}, #{version})"
            + " on conflict (uuid) where removed_at is null do nothing")
    int insert(EggRow egg);

    @Update("update egg"
            + "   set nest_id = #{nestId}, name = #{name}, author = #{author}, description = #{description},"
            + "       tags = #{tags," + LIST + "}, capabilities = #{capabilities," + LIST + "},"
            + "       version = #{version}, updated_at = now()"
            + " where id = #{id} and removed_at is null")
    int update(EggRow egg);

    @Update("update egg set removed_at = now(), updated_at = now() where id = #{id} and removed_at is null")
    int markRemoved(UUID id);

    @Insert("insert into egg_version (egg_id, version, nest_id, definition, capabilities, source, source_format,"
            + "                         source_syntax, source_sha256, warnings, created_by)"
            + " values (#{row.eggId}, #{row.version}, #{row.nestId}, #{row.definition},"
            + "         #{row.capabilities," + LIST + "}, #{source}, #{row.sourceFormat}, #{row.sourceSyntax},"
            + "         #{row.sourceSha256}, cast(#{row.warnings} as jsonb), #{row.createdBy})")
    void insertVersion(@Param("row") EggVersionRow row, @Param("source") @Nullable String source);

    @Select("""
            select egg_id, version, nest_id, definition, capabilities, source_format, source_syntax, source_sha256,
                   warnings::text as warnings, created_by, created_at
              from egg_version
             where egg_id = #{eggId} and version = #{version}
            """)
    Optional<EggVersionRow> findVersion(@Param("eggId") UUID eggId, @Param("version") int version);

    /** Versions newest first, without their definitions. */
    @Select("""
            select egg_id, version, nest_id, '' as definition, capabilities, source_format, source_syntax,
                   source_sha256, warnings::text as warnings, created_by, created_at
              from egg_version
             where egg_id = #{eggId}
             order by version desc
            """)
    List<EggVersionRow> findVersions(UUID eggId);

    /** The file a version was imported from, as received; empty for versions made by an edit. */
    @Select("select source from egg_version where egg_id = #{eggId} and version = #{version} and source is not null")
    Optional<String> findSource(@Param("eggId") UUID eggId, @Param("version") int version);
}
