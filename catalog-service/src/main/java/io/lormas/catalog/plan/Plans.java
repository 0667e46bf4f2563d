package io.lormas.catalog.plan;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.jspecify.annotations.Nullable;

/** Plans; retired plans are kept for the record but never returned. */
@Mapper
public interface Plans {

    @Select("select * from plan where id = #{id} and retired_at is null")
    Optional<Plan> findById(UUID id);

    @Select("select * from plan where id = #{id} and retired_at is null for update")
    Optional<Plan> lockById(UUID id);

    @Select("""
            <script>
            select * from plan
             where retired_at is null
            <if test="visibleOnly"> and visible</if>
            <if test="after != null"> and id &gt; #{after}</if>
             order by id
             limit #{limit}
            </script>
            """)
    List<Plan> findPage(@Param("visibleOnly") boolean visibleOnly, @Param("after") @Nullable UUID after,
            @Param("limit") int limit);

    @Insert("""
            insert into plan (id, name, description, cpu_millis, memory_mib, swap_mib, disk_mib, io_weight, ports,
                              backups, databases, max_replicas, hourly_price, currency, active, visible, version)
            values (#{id}, #{name}, #{description}, #{cpuMillis}, #{memoryMib}, #{swapMib}, #{diskMib}, #{ioWeight},
                    #{ports}, #{backups}, #{databases}, #{maxReplicas}, #{hourlyPrice}, #{currency}, #{active},
                    #{visible}, #{version})
            """)
    void insert(Plan plan);

    /** Writes a changed plan whose {@code version} is one more than the stored one; 0 when that is not so. */
    @Update("""
            update plan
               set name = #{name}, description = #{description}, cpu_millis = #{cpuMillis}, memory_mib = #{memoryMib},
                   swap_mib = #{swapMib}, disk_mib = #{diskMib}, io_weight = #{ioWeight}, ports = #{ports},
                   backups = #{backups}, databases = #{databases}, max_replicas = #{maxReplicas},
                   hourly_price = #{hourlyPrice}, currency = #{currency}, active = #{active}, visible = #{visible},
                   version = #{version}, updated_at = now()
             where id = #{id} and version = #{version} - 1 and retired_at is null
            """)
    int update(Plan plan);

    @Update("update plan set retired_at = now(), updated_at = now() where id = #{id} and retired_at is null")
    int retire(UUID id);

    @Select("""
            select exists (select 1 from plan where lower(name) = lower(#{name}) and id <> #{exceptId}
                                                 and retired_at is null)
            """)
    boolean nameTaken(@Param("name") String name, @Param("exceptId") UUID exceptId);
}
