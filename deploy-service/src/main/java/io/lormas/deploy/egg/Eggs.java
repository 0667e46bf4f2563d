package io.lormas.deploy.egg;

import java.util.Optional;
import java.util.UUID;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The egg projection. Definitions are stored as JSON ({@link EggCatalog} reads them). */
@Mapper
interface Eggs {

    /** A row as stored: the definition is JSON text. */
    record StoredVersion(UUID eggId, int version, String name, String definition) {
    }

    @Insert("""
            insert into egg_version (egg_id, version, name, definition)
            values (#{eggId}, #{version}, #{name}, cast(#{definition} as jsonb))
            on conflict (egg_id, version) do update set name = excluded.name, definition = excluded.definition
            """)
    void upsertVersion(@Param("eggId") UUID eggId, @Param("version") int version, @Param("name") String name,
            @Param("definition") String definition);

    /** Newest version wins; an older version arriving late does not roll the egg back. */
    @Insert("""
            insert into egg (egg_id, name, latest_version, removed)
            values (#{eggId}, #{name}, #{version}, false)
            on conflict (egg_id) do update
               set name = case when excluded.latest_version >= egg.latest_version then excluded.name else egg.name end,
                   latest_version = greatest(egg.latest_version, excluded.latest_version),
                   removed = false,
                   updated_at = now()
            """)
    void upsertEgg(@Param("eggId") UUID eggId, @Param("name") String name, @Param("version") int version);

    @Update("update egg set removed = true, updated_at = now() where egg_id = #{eggId}")
    int markRemoved(UUID eggId);

    @Select("""
            select v.egg_id, v.version, v.name, v.definition::text as definition
              from egg e join egg_version v on v.egg_id = e.egg_id and v.version = e.latest_version
             where e.egg_id = #{eggId} and not e.removed
            """)
    Optional<StoredVersion> findLatestAvailable(UUID eggId);

    @Select("""
            select egg_id, version, name, definition::text as definition
              from egg_version where egg_id = #{eggId} and version = #{version}
            """)
    Optional<StoredVersion> findVersion(@Param("eggId") UUID eggId, @Param("version") int version);
}
